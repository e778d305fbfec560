#pragma once
// Where the workspace lives when the user names none: the GUI and the CLI share it, so a
// dataset imported with `medlora dataset import` shows up in the workbench.
#include <filesystem>

namespace medlora::store {

// $MEDLORA_WORKSPACE, else $XDG_DATA_HOME/MedLoRA/workspace.medlora, else
// ~/.local/share/MedLoRA/workspace.medlora (next to the default models folder).
std::filesystem::path default_workspace_path();

}  // namespace medlora::store
