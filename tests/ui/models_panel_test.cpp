// The Models panel: lists the models folder and added folders, shows a model's facts and its
// tokenizer (read on the worker thread), refuses non-model folders, forgets without deleting.
#include "tests/ui/tiny_model_fixture.h"  // first: torch before Qt

#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "core/model/model_catalog.h"
#include "ui/models/model_details_view.h"
#include "ui/models/model_list_model.h"
#include "ui/models/models_panel.h"
#include "ui/models/prompt_tryout.h"
#include "ui/shell/language_manager.h"
#include "tests/ui/cpu_settings_fixture.h"

using namespace medlora;
namespace fs = std::filesystem;

class ModelsPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    languages_.apply("en");
    root_ = fs::path(tmp_.path().toStdString());
    testing::write_tiny_model(root_ / "models" / model::kBaseModelName, true);
    testing::write_tiny_model(root_ / "models" / "another", false, 5);
    testing::write_tiny_model(root_ / "outside" / "mine", false, 9);
    fs::create_directories(root_ / "outside" / "junk");
  }

  void lists_the_models_folder_base_first_with_parameter_counts() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    auto* list = panel.list_model();
    QCOMPARE(list->rowCount(), 2);
    const QString count = QString::fromStdString(model::format_count(testing::tiny_llama_config().parameter_count()));
    QCOMPARE(list->index(0).data().toString(), QString("medlora-base  (%1)").arg(count));
    QVERIFY(list->index(1).data().toString().startsWith("another"));
    QCOMPARE(panel.model_list()->currentIndex().row(), 0);
    QVERIFY(panel.details()->value("parameters").startsWith(count));
    QCOMPARE(panel.details()->value("heads"), QString("4 query, 2 key/value (head size 8)"));
    QCOMPARE(panel.details()->value("dtype"), QString("float32"));
    QVERIFY(!panel.details()->value("size").isEmpty());
  }

  void reads_the_tokenizer_on_the_worker() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    QTRY_VERIFY2_WITH_TIMEOUT(panel.details()->value("tokenizer").startsWith("sentencepiece bpe, 320 ids"),
                              qPrintable(panel.details()->value("tokenizer")), 10000);
    QVERIFY(panel.details()->value("tokenizer").contains("BOS 1"));
    // The other model has no tokenizer: said so, and Generate is refused with the reason.
    QVERIFY(panel.select_model(QString::fromStdString((root_ / "models" / "another").string())));
    QVERIFY(panel.details()->value("tokenizer").contains("tokenizer.model"));
    panel.tryout()->prompt_edit()->setPlainText("fever?");
    QVERIFY(!panel.tryout()->generate_button()->isEnabled());
    QVERIFY(panel.tryout()->generate_button()->toolTip().contains("tokenizer.model"));
    QVERIFY(panel.select_model(QString::fromStdString((root_ / "models" / model::kBaseModelName).string())));
    QVERIFY(panel.tryout()->generate_button()->isEnabled());
  }

  void adds_and_forgets_an_outside_folder() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    QSignalSpy changed(&panel, &ui::ModelsPanel::added_folders_changed);
    const QString mine = QString::fromStdString((root_ / "outside" / "mine").string());
    QVERIFY(panel.add_folder(mine, true));
    QCOMPARE(panel.list_model()->rowCount(), 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().first().toStringList(), QStringList{mine});
    QCOMPARE(panel.model_list()->currentIndex().data(ui::ModelListModel::PathRole).toString(), mine);
    panel.remove_selected();
    QCOMPARE(panel.list_model()->rowCount(), 2);
    QCOMPARE(changed.last().first().toStringList(), QStringList{});
    QVERIFY(fs::exists(root_ / "outside" / "mine" / "config.json"));
  }

  void refuses_a_folder_that_is_not_a_model() {
    ui::ModelsPanel panel;
    panel.configure(settings());
    QSignalSpy status(&panel, &ui::Panel::status_message);
    QVERIFY(!panel.add_folder(QString::fromStdString((root_ / "outside" / "junk").string()), true));
    QCOMPARE(panel.list_model()->rowCount(), 2);
    QCOMPARE(status.count(), 1);
    QVERIFY(status.first().first().toString().contains("config.json"));
  }

  void stored_added_folders_are_listed_and_empty_folder_is_explained() {
    auto s = settings();
    s.models_dir = QString::fromStdString((root_ / "no-models-here").string());
    s.added_model_folders = {QString::fromStdString((root_ / "outside" / "mine").string())};
    ui::ModelsPanel panel;
    panel.configure(s);
    QCOMPARE(panel.list_model()->rowCount(), 1);
    QVERIFY(panel.list_model()->index(0).data(ui::ModelListModel::UserAddedRole).toBool());
    s.added_model_folders.clear();
    panel.configure(s);
    QCOMPARE(panel.list_model()->rowCount(), 0);
    QVERIFY(panel.details()->value("parameters").isEmpty());
    QVERIFY(!panel.tryout()->generate_button()->isEnabled());
  }

 private:
  ui::WorkbenchSettings settings() const { return testing::cpu_settings(root_ / "models"); }

  QTemporaryDir tmp_;
  fs::path root_;
  ui::LanguageManager languages_;
};

QTEST_MAIN(ModelsPanelTest)
#include "models_panel_test.moc"
