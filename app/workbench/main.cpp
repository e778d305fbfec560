// medlora-workbench: the desktop face of MedLoRA. Wires settings, translation and the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <cstdio>

#include "core/runtime/process_environment.h"
#include "ui/settings/workbench_settings.h"
#include "ui/shell/language_manager.h"
#include "ui/shell/main_window.h"

int main(int argc, char** argv) {
  medlora::runtime::ensure_openmp_environment(argc, argv);
  medlora::runtime::configure_allocator();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("MedLoRA");
  QApplication::setApplicationName("MedLoRA Workbench");

  auto store = medlora::ui::WorkbenchSettings::open_store();
  medlora::ui::LanguageManager languages;
  QString language;
  try {
    language = medlora::ui::WorkbenchSettings::load(*store).language;
  } catch (const std::exception&) {
    // The main window reports bad settings; the language then follows the system.
  }
  try {
    languages.apply(language);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medlora-workbench: %s\n", e.what());
  }

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "MedLoRA Workbench: LoRA fine-tuning and clinical review"));
  parser.addHelpOption();
  QCommandLineOption models_dir_option(
      "models-dir", QApplication::translate("main", "Use DIR as the models folder for this session (not saved)."),
      "DIR");
  parser.addOption(models_dir_option);
  QCommandLineOption workspace_option(
      "workspace", QApplication::translate("main", "Open workspace FILE for this session (created when missing; not saved)."),
      "FILE");
  parser.addOption(workspace_option);
  parser.process(app);

  medlora::ui::MainWindow window(*store, languages);
  if (parser.isSet(models_dir_option)) {
    const QString dir = QDir(parser.value(models_dir_option)).absolutePath();
    if (!QDir(dir).exists()) {
      std::fprintf(stderr, "medlora-workbench: --models-dir %s: no such folder (create it or pick another)\n",
                   qPrintable(dir));
      return 2;
    }
    window.use_models_dir_for_session(dir);
  }
  if (parser.isSet(workspace_option) && !window.open_workspace(parser.value(workspace_option), /*remember=*/false))
    return 2;
  window.show();
  return app.exec();
}
