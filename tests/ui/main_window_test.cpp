// The main window: opens on the Models panel listing the bundled base model, shows the compute
// settings in the status bar, switches language at runtime, and paints a non-blank window.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>
#include <QSettings>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include "core/model/model_catalog.h"
#include "ui/models/model_details_view.h"
#include "ui/models/models_panel.h"
#include "ui/shell/compute_status_widget.h"
#include "ui/shell/language_manager.h"
#include "ui/shell/main_window.h"

using namespace medlora;

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    models_ = tmp_.filePath("models");
    testing::write_tiny_model(std::filesystem::path(models_.toStdString()) / model::kBaseModelName, false);
    store_ = std::make_unique<QSettings>(tmp_.filePath("settings.ini"), QSettings::IniFormat);
    store_->setValue("models/folder", models_);
    store_->setValue("compute/device", "cpu");
    store_->setValue("compute/dtype", "float32");
    store_->setValue("compute/threads", 1);
    store_->setValue("ui/language", "en");
    store_->setValue("workspace/file", tmp_.filePath("workspace.medlora"));
    languages_.apply("en");
  }

  void opens_on_the_models_panel_with_the_base_model() {
    ui::MainWindow window(*store_, languages_);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QString("MedLoRA Workbench"));
    QVERIFY(window.panel_count() >= 2);
    QCOMPARE(window.side_bar()->count(), window.panel_count());
    QCOMPARE(window.side_bar()->item(0)->text(), QString("Models"));
    QCOMPARE(window.side_bar()->item(1)->text(), QString("Datasets"));
    QCOMPARE(window.side_bar()->item(2)->text(), QString("Training"));
    QCOMPARE(static_cast<QWidget*>(window.current_panel()), static_cast<QWidget*>(window.models_panel()));

    auto* list = window.models_panel()->model_list();
    QCOMPARE(list->model()->rowCount(), 1);
    QVERIFY(list->model()->index(0, 0).data().toString().startsWith(model::kBaseModelName));
    QCOMPARE(list->currentIndex().row(), 0);
    const auto params = testing::tiny_llama_config().parameter_count();
    QVERIFY2(window.models_panel()->details()->value("parameters").startsWith(QString::fromStdString(model::format_count(params))),
             qPrintable(window.models_panel()->details()->value("parameters")));
    QCOMPARE(window.models_panel()->details()->value("layers"), QString("2"));
  }

  void status_bar_shows_device_dtype_and_threads() {
    ui::MainWindow window(*store_, languages_);
    QCOMPARE(window.compute_status()->device_text(), QString("Device: cpu"));
    QCOMPARE(window.compute_status()->dtype_text(), QString("Dtype: float32"));
    QCOMPARE(window.compute_status()->threads_text(), QString("Threads: 1"));
  }

  void panel_shortcut_and_menus_exist() {
    ui::MainWindow window(*store_, languages_);
    QStringList menus;
    for (QAction* a : window.menuBar()->actions()) menus << a->text();
    QCOMPARE(menus, (QStringList{"&File", "&View", "&Help"}));
    bool found = false;
    for (QAction* a : window.findChildren<QAction*>())
      if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_1)) found = true;
    QVERIFY(found);
  }

  void workspace_opens_from_the_settings_and_can_be_switched() {
    ui::MainWindow window(*store_, languages_);
    QCOMPARE(window.workspace_file(), tmp_.filePath("workspace.medlora"));
    QVERIFY(QFileInfo::exists(tmp_.filePath("workspace.medlora")));
    QSignalSpy changed(&window, &ui::MainWindow::workspace_changed);
    QVERIFY(window.open_workspace(tmp_.filePath("other.medlora"), /*remember=*/false));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(window.workspace_file(), tmp_.filePath("other.medlora"));
    // A file that is not a workspace is refused and the current one stays.
    QFile junk(tmp_.filePath("junk.medlora"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    QTimer::singleShot(0, [] {
      for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w)) box->accept();
    });
    QVERIFY(!window.open_workspace(tmp_.filePath("junk.medlora"), false));
    QCOMPARE(window.workspace_file(), tmp_.filePath("other.medlora"));
    QCOMPARE(changed.count(), 1);
  }

  void language_switch_changes_visible_strings() {
    ui::MainWindow window(*store_, languages_);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.switch_language("zh_CN");
    QCOMPARE(languages_.current(), QString("zh_CN"));
    // Installing a translator posts LanguageChange to the widgets: let the loop deliver it.
    QTRY_COMPARE(window.side_bar()->item(0)->text(), QString::fromUtf8("模型"));
    QCOMPARE(window.menuBar()->actions().first()->text(), QString::fromUtf8("文件(&F)"));
    QVERIFY(window.compute_status()->device_text().startsWith(QString::fromUtf8("设备")));
    QCOMPARE(QSettings(tmp_.filePath("settings.ini"), QSettings::IniFormat).value("ui/language").toString(),
             QString("zh_CN"));
    window.switch_language("en");
    QTRY_COMPARE(window.side_bar()->item(0)->text(), QString("Models"));
    QCOMPARE(window.compute_status()->device_text(), QString("Device: cpu"));
  }

  void every_chinese_string_is_translated() {
    // The zh_CN file must leave nothing unfinished: read it from the source tree.
    QFile ts(QStringLiteral(MEDLORA_SOURCE_DIR "/translations/medlora_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(text.count("<source>") > 50);
    QCOMPARE(text.count("type=\"unfinished\""), 0);
  }

  void window_paints_something() {
    ui::MainWindow window(*store_, languages_);
    window.resize(1100, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
      for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString("only %1 colours").arg(colours.size())));
    const QString out = QDir(QDir::tempPath()).filePath("medlora-workbench-main-window.png");
    QVERIFY(image.save(out));
    qInfo("screenshot: %s", qPrintable(out));
  }

 private:
  QTemporaryDir tmp_;
  QString models_;
  std::unique_ptr<QSettings> store_;
  ui::LanguageManager languages_;
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
