#include "ui/settings/workbench_settings.h"

#include <stdexcept>

#include "core/model/model_catalog.h"
#include "core/store/workspace_location.h"

namespace medlora::ui {

namespace {

const QStringList kLanguages = {"", "zh_CN", "en"};

}  // namespace

WorkbenchSettings WorkbenchSettings::load(const QSettings& settings) {
  WorkbenchSettings s;
  s.models_dir = settings.value("models/folder", s.models_dir).toString();
  s.added_model_folders = settings.value("models/added_folders", QStringList()).toStringList();
  s.device = settings.value("compute/device", s.device).toString();
  s.dtype = settings.value("compute/dtype", s.dtype).toString();
  bool ok = true;
  const QVariant threads = settings.value("compute/threads", s.threads);
  s.threads = threads.toInt(&ok);
  if (!ok)
    throw std::invalid_argument("setting compute/threads = \"" + threads.toString().toStdString() +
                                "\" in " + settings.fileName().toStdString() +
                                " is not a number (use 0 for all cores)");
  s.language = settings.value("ui/language", s.language).toString();
  s.workspace_file = settings.value("workspace/file", s.workspace_file).toString();
  try {
    s.validate();
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string(e.what()) + " (in " + settings.fileName().toStdString() +
                                "; fix it in Settings or delete the entry)");
  }
  return s;
}

void WorkbenchSettings::save(QSettings& settings) const {
  validate();
  settings.setValue("models/folder", models_dir);
  settings.setValue("models/added_folders", added_model_folders);
  settings.setValue("compute/device", device);
  settings.setValue("compute/dtype", dtype);
  settings.setValue("compute/threads", threads);
  settings.setValue("ui/language", language);
  settings.setValue("workspace/file", workspace_file);
  settings.sync();
}

void WorkbenchSettings::validate() const {
  runtime::parse_device_choice(device.toStdString());
  runtime::parse_dtype_choice(dtype.toStdString());
  if (threads < 0 || threads > 1024)
    throw std::invalid_argument("setting compute/threads = " + std::to_string(threads) +
                                " is out of range (0 = all cores, else 1..1024)");
  if (!kLanguages.contains(language))
    throw std::invalid_argument("setting ui/language = \"" + language.toStdString() +
                                "\" is not one of: \"\" (system), zh_CN, en");
}

QString WorkbenchSettings::effective_models_dir() const {
  if (!models_dir.isEmpty()) return models_dir;
  return QString::fromStdString(model::ModelCatalog::default_models_dir().string());
}

QString WorkbenchSettings::effective_workspace_file() const {
  if (!workspace_file.isEmpty()) return workspace_file;
  return QString::fromStdString(store::default_workspace_path().string());
}

runtime::ComputeOptions WorkbenchSettings::compute() const {
  return runtime::resolve_compute(device.toStdString(), dtype.toStdString(), threads);
}

std::unique_ptr<QSettings> WorkbenchSettings::open_store() {
  return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope, "MedLoRA", "MedLoRA Workbench");
}

}  // namespace medlora::ui
