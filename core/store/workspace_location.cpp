#include "core/store/workspace_location.h"

#include <cstdlib>

namespace medlora::store {

std::filesystem::path default_workspace_path() {
  if (const char* env = std::getenv("MEDLORA_WORKSPACE"); env && *env) return env;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    base = std::filesystem::path(home && *home ? home : ".") / ".local" / "share";
  }
  return base / "MedLoRA" / "workspace.medlora";
}

}  // namespace medlora::store
