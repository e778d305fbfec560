// Settings: stored values round-trip, bad stored values are refused with the key named, and the
// dialog edits what it was given.
#include <QComboBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/settings/settings_dialog.h"
#include "ui/settings/workbench_settings.h"

using medlora::ui::SettingsDialog;
using medlora::ui::WorkbenchSettings;

class SettingsTest : public QObject {
  Q_OBJECT

 private slots:
  void round_trips_through_the_store() {
    QTemporaryDir dir;
    QSettings store(dir.filePath("s.ini"), QSettings::IniFormat);
    WorkbenchSettings s;
    s.models_dir = "/data/models";
    s.added_model_folders = {"/a/one", "/b/two"};
    s.device = "cpu";
    s.dtype = "bfloat16";
    s.threads = 3;
    s.language = "zh_CN";
    s.save(store);

    QSettings reopened(dir.filePath("s.ini"), QSettings::IniFormat);
    const auto back = WorkbenchSettings::load(reopened);
    QCOMPARE(back.models_dir, s.models_dir);
    QCOMPARE(back.added_model_folders, s.added_model_folders);
    QCOMPARE(back.device, QString("cpu"));
    QCOMPARE(back.dtype, QString("bfloat16"));
    QCOMPARE(back.threads, 3);
    QCOMPARE(back.language, QString("zh_CN"));
    QCOMPARE(back.effective_models_dir(), QString("/data/models"));
  }

  void empty_store_gives_defaults() {
    QTemporaryDir dir;
    QSettings store(dir.filePath("empty.ini"), QSettings::IniFormat);
    const auto s = WorkbenchSettings::load(store);
    QCOMPARE(s.device, QString("auto"));
    QCOMPARE(s.dtype, QString("auto"));
    QCOMPARE(s.threads, 0);
    QVERIFY(s.language.isEmpty());
    QVERIFY(!s.effective_models_dir().isEmpty());
  }

  void bad_stored_values_are_refused_with_the_key() {
    QTemporaryDir dir;
    QSettings store(dir.filePath("bad.ini"), QSettings::IniFormat);
    store.setValue("compute/device", "tpu");
    try {
      WorkbenchSettings::load(store);
      QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& e) {
      QVERIFY2(QString(e.what()).contains("bad.ini"), e.what());
      QVERIFY2(QString(e.what()).contains("cuda"), e.what());  // names what is accepted
    }
    store.setValue("compute/device", "cpu");
    store.setValue("compute/threads", "many");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, WorkbenchSettings::load(store));
    store.setValue("compute/threads", 2);
    store.setValue("ui/language", "fr");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, WorkbenchSettings::load(store));
  }

  void dialog_shows_and_returns_the_edited_settings() {
    WorkbenchSettings s;
    s.models_dir = "/m";
    s.device = "cpu";
    s.dtype = "float32";
    s.threads = 2;
    s.language = "en";
    s.added_model_folders = {"/kept"};
    SettingsDialog dialog(s);
    QCOMPARE(dialog.models_dir_edit()->text(), QString("/m"));
    QCOMPARE(dialog.device_combo()->currentData().toString(), QString("cpu"));
    QCOMPARE(dialog.dtype_combo()->currentData().toString(), QString("float32"));
    QCOMPARE(dialog.threads_spin()->value(), 2);
    QCOMPARE(dialog.language_combo()->currentData().toString(), QString("en"));

    dialog.models_dir_edit()->setText(" /other ");
    dialog.threads_spin()->setValue(0);
    dialog.language_combo()->setCurrentIndex(dialog.language_combo()->findData("zh_CN"));
    dialog.dtype_combo()->setCurrentIndex(dialog.dtype_combo()->findData("auto"));
    const auto edited = dialog.settings();
    QCOMPARE(edited.models_dir, QString("/other"));
    QCOMPARE(edited.threads, 0);
    QCOMPARE(edited.language, QString("zh_CN"));
    QCOMPARE(edited.dtype, QString("auto"));
    QCOMPARE(edited.added_model_folders, QStringList{"/kept"});
  }
};

QTEST_MAIN(SettingsTest)
#include "settings_test.moc"
