#pragma once
// The workbench's persistent settings (QSettings, organisation "MedLoRA", application
// "MedLoRA Workbench"). Values are checked when read: a bad stored value is reported, not
// silently replaced.
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

#include "core/runtime/compute_options.h"

namespace medlora::ui {

struct WorkbenchSettings {
  QString models_dir;          // empty: ModelCatalog::default_models_dir()
  QStringList added_model_folders;
  QString device = "auto";     // auto | cpu | cuda
  QString dtype = "auto";      // auto | float32 | bfloat16 | float16
  int threads = 0;             // 0 = all cores
  QString language;            // "" = follow the system locale, else "zh_CN" / "en"
  QString workspace_file;      // empty: store::default_workspace_path()

  // Reads from `settings`; throws std::invalid_argument naming the key, the bad value and
  // the accepted values.
  static WorkbenchSettings load(const QSettings& settings);
  void save(QSettings& settings) const;
  // Throws std::invalid_argument as load() does.
  void validate() const;

  // The models folder in force (models_dir or the default).
  QString effective_models_dir() const;
  // The workspace in force (workspace_file or the default the CLI shares).
  QString effective_workspace_file() const;
  // resolve_compute() of device/dtype/threads (throws for CUDA without a GPU etc.).
  runtime::ComputeOptions compute() const;

  // The application's own settings store.
  static std::unique_ptr<QSettings> open_store();
};

}  // namespace medlora::ui
