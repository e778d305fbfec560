// The bundled base model (medlora-base) is marked, next to it, as a tiny demonstration model
// with a button to add a real checkpoint: in the Models panel and in the chat tester's
// configuration picker; the button opens the owner's "add model folder" dialog; other models
// carry no notice; the notice retranslates live.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QtTest>

#include "core/model/model_catalog.h"
#include "ui/chat/configuration_picker.h"
#include "ui/models/bundled_model_notice.h"
#include "ui/models/models_panel.h"
#include "ui/shell/language_manager.h"
#include "tests/ui/cpu_settings_fixture.h"

using namespace medlora;
namespace fs = std::filesystem;

class BundledModelNoticeTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    languages_.apply("en");
    root_ = fs::path(tmp_.path().toStdString());
    testing::write_tiny_model(root_ / "models" / model::kBaseModelName, true);
    testing::write_tiny_model(root_ / "models" / "another", true, 5);
  }

  void recognises_only_the_bundled_folder() {
    QVERIFY(ui::BundledModelNotice::is_bundled_model("/home/u/.local/share/MedLoRA/models/medlora-base"));
    QVERIFY(ui::BundledModelNotice::is_bundled_model("/home/u/models/medlora-base/"));
    QVERIFY(!ui::BundledModelNotice::is_bundled_model("/home/u/models/medlora-base-lora"));
    QVERIFY(!ui::BundledModelNotice::is_bundled_model("/home/u/models/llama"));
    QVERIFY(!ui::BundledModelNotice::is_bundled_model(""));
  }

  void models_panel_marks_the_bundled_model_and_reuses_add_folder() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    auto* notice = panel.bundled_notice();
    QVERIFY(panel.select_model(path_of(model::kBaseModelName)));
    QVERIFY(notice->isVisibleTo(&panel));
    QVERIFY(notice->text_label()->text().contains("tiny demonstration model trained on this machine"));
    QVERIFY(notice->text_label()->text().contains("real checkpoint"));
    QVERIFY(panel.select_model(path_of("another")));
    QVERIFY(!notice->isVisibleTo(&panel));
    QVERIFY(panel.select_model(path_of(model::kBaseModelName)));
    QVERIFY(notice->isVisibleTo(&panel));

    // The button opens the panel's own "add model folder" dialog.
    QString title;
    QTimer::singleShot(0, this, [&title] { close_file_dialog(&title); });
    notice->add_button()->click();
    QVERIFY2(title.startsWith("Choose an HF model folder"), qPrintable(title));
  }

  void chat_picker_marks_the_bundled_model_and_reuses_add_folder() {
    ui::ConfigurationPicker picker;
    picker.set_models({{"medlora-base", path_of(model::kBaseModelName)}, {"another", path_of("another")}});
    auto* notice = picker.bundled_notice();
    QVERIFY(picker.select_model(path_of(model::kBaseModelName)));
    QVERIFY(notice->isVisibleTo(&picker));
    QVERIFY(picker.select_model(path_of("another")));
    QVERIFY(!notice->isVisibleTo(&picker));
    QVERIFY(picker.select_model(path_of(model::kBaseModelName)));
    QVERIFY(notice->isVisibleTo(&picker));
    QString title;
    QTimer::singleShot(0, this, [&title] { close_file_dialog(&title); });
    notice->add_button()->click();
    QVERIFY2(title.startsWith("Choose a model folder"), qPrintable(title));
    // A merged model that happens to sit in a folder of that name is not the demonstration model.
    picker.set_models({{"medlora-base", path_of(model::kBaseModelName), "merged"}});
    QVERIFY(!notice->isVisibleTo(&picker));
  }

  void retranslates_live() {
    ui::BundledModelNotice notice;
    const QString english = notice.add_button()->text();
    QTranslator zh;
    QVERIFY(zh.load(":/i18n/medlora_zh_CN.qm"));
    QCoreApplication::installTranslator(&zh);
    QTRY_COMPARE(notice.add_button()->text(), QString::fromUtf8("添加真实模型..."));
    QVERIFY(notice.text_label()->text().contains(QString::fromUtf8("演示模型")));
    QCoreApplication::removeTranslator(&zh);
    QTRY_COMPARE(notice.add_button()->text(), english);
  }

 private:
  static void close_file_dialog(QString* title) {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (auto* dialog = qobject_cast<QFileDialog*>(w); dialog && dialog->isVisible()) {
        *title = dialog->windowTitle();
        dialog->reject();
        return;
      }
    // Not open yet (the static dialog may still be starting): look again.
    QTimer::singleShot(20, [title] { close_file_dialog(title); });
  }

  QString path_of(const char* name) const { return QString::fromStdString((root_ / "models" / name).string()); }

  ui::WorkbenchSettings settings() const { return testing::cpu_settings(root_ / "models"); }

  QTemporaryDir tmp_;
  fs::path root_;
  ui::LanguageManager languages_;
};

QTEST_MAIN(BundledModelNoticeTest)
#include "bundled_model_notice_test.moc"
