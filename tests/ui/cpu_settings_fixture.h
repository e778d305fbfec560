#pragma once
// Workbench settings for the UI tests that load the tiny models: the given models folder, CPU,
// float32, one thread (fast and the same on every machine).
#include <QString>

#include <filesystem>

#include "ui/settings/workbench_settings.h"

namespace medlora::testing {

inline ui::WorkbenchSettings cpu_settings(const std::filesystem::path& models_dir) {
  ui::WorkbenchSettings settings;
  settings.models_dir = QString::fromStdString(models_dir.string());
  settings.device = "cpu";
  settings.dtype = "float32";
  settings.threads = 1;
  return settings;
}

}  // namespace medlora::testing
