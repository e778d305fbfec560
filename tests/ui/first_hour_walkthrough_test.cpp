// A new user's first hour, click by click, on the whole workbench window: the first start on a
// new workspace offers the sample workspace; accepting it fills the Datasets panel (the sample
// dataset, approved); the Training panel's New run form offers the sample dataset and a short
// first run on it finishes with its curves in the History; the chat tester answers one question
// with the bundled model (here a small random one in its place); the Review panel creates the
// first lead account and opens the sample study made for that lead.
//
// After each step the window (with any dialog it shows painted at its place) is saved as a PNG
// into $MEDLORA_WALKTHROUGH_DIR, or into a new temporary folder (printed) without it. ctest runs
// it on the offscreen platform; `./dev walkthrough` runs it under Xvfb with the xcb platform and
// keeps the screenshots in build/walkthrough/.
#include "tests/ui/chat_panel_fixture.h"  // first: torch before Qt

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "core/model/model_catalog.h"
#include "core/pipeline/sample_workspace.h"
#include "core/store/dataset_repository.h"
#include "core/store/review_study_repository.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "ui/chat/answer_view.h"
#include "ui/chat/chat_panel.h"
#include "ui/chat/configuration_picker.h"
#include "ui/chat/conversation_view.h"
#include "ui/chat/generation_settings_form.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/models/bundled_model_notice.h"
#include "ui/models/models_panel.h"
#include "ui/review/lead_view.h"
#include "ui/review/login_dialog.h"
#include "ui/review/review_panel.h"
#include "ui/shell/language_manager.h"
#include "ui/shell/main_window.h"
#include "ui/shell/sample_workspace_offer.h"
#include "ui/training/live_curves.h"
#include "ui/training/run_form.h"
#include "ui/training/run_history.h"
#include "ui/training/run_process.h"
#include "ui/training/training_data_offer.h"
#include "ui/training/training_panel.h"

using namespace medlora;
namespace fs = std::filesystem;

class FirstHourWalkthroughTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY(home_.isValid());
    const QString kept = qEnvironmentVariable("MEDLORA_WALKTHROUGH_DIR");
    shots_ = kept.isEmpty() ? make_shots_dir() : kept;
    QVERIFY(QDir().mkpath(shots_));
    qInfo("screenshots: %s", qPrintable(shots_));
    // The models folder of a new install: the bundled base model's place holds a small random
    // model that always answers (the real one takes minutes to make).
    const QString models = home_.filePath("models");
    qputenv("MEDLORA_MODELS_DIR", models.toUtf8());
    const fs::path tokenizer_dir = fs::path(home_.filePath("tokenizer").toStdString());
    testing::write_tiny_model(tokenizer_dir, true);
    testing::write_chat_test_model(fs::path(models.toStdString()) / model::kBaseModelName, tokenizer_dir);
    settings_ = std::make_unique<QSettings>(home_.filePath("settings.ini"), QSettings::IniFormat);
    settings_->setValue("models/folder", models);
    settings_->setValue("compute/device", "cpu");
    settings_->setValue("ui/language", "en");
    settings_->setValue("workspace/file", home_.filePath("first-hour.medlora"));
    languages_.apply("en");
    window_ = std::make_unique<ui::MainWindow>(*settings_, languages_);
    window_->resize(1280, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  }

  void cleanupTestCase() {
    if (window_) window_->training_panel()->shut_down(false);
    window_.reset();
  }

  void first_start_offers_the_sample_workspace() {
    auto* offer = window_->sample_offer();
    QTRY_VERIFY(offer->dialog());
    QTRY_VERIFY(offer->dialog()->isVisible());
    shoot("01-first-start-offer");
    QSignalSpy set_up(offer, &ui::SampleWorkspaceOffer::set_up);
    QSignalSpy failed(offer, &ui::SampleWorkspaceOffer::failed);
    offer->dialog()->button(QMessageBox::Yes)->click();
    QVERIFY(set_up.wait(60000) || !failed.isEmpty());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QVERIFY(set_up.first().at(1).toString().contains(pipeline::kSampleDatasetName));
    QMessageBox* summary = nullptr;
    QTRY_VERIFY((summary = visible_message_box()) != nullptr);
    QVERIFY(summary->text().contains("Base model registered"));
    shoot("02-sample-workspace-ready");
    summary->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(!visible_message_box());
  }

  void the_models_panel_says_what_the_bundled_model_is() {
    window_->show_panel(window_->side_bar()->row(side_bar_item("Models")));
    auto* models = window_->models_panel();
    QVERIFY(models->select_model(base_model_dir()));
    QVERIFY(models->bundled_notice()->isVisibleTo(models));
    QVERIFY(models->bundled_notice()->text_label()->text().contains("demonstration"));
    shoot("03-models-bundled-model");
  }

  void the_datasets_panel_holds_the_approved_sample_dataset() {
    window_->show_panel(window_->side_bar()->row(side_bar_item("Datasets")));
    auto* datasets = window_->findChild<ui::DatasetsPanel*>();
    QVERIFY(datasets);
    QVERIFY(!datasets->empty_state()->isVisibleTo(datasets));
    store::Workspace workspace(window_->workspace_file().toStdString());
    const auto sample = store::DatasetRepository(workspace).find_dataset(std::string(pipeline::kSampleDatasetName));
    QVERIFY(sample);
    QVERIFY(sample->total > 10);
    QCOMPARE(sample->approved, sample->total);
    sample_dataset_id_ = sample->id;
    QTRY_VERIFY(datasets->current_dataset_id() == sample->id);
    shoot("04-datasets-sample");
  }

  void a_first_run_on_the_sample_dataset_draws_its_curves() {
    window_->show_panel(window_->side_bar()->row(side_bar_item("Training")));
    auto* training = window_->training_panel();
    auto* form = training->form();
    auto* offer = training->data_offer();
    QCOMPARE(offer->offer(), ui::TrainingDataOffer::Offer::UseSample);
    QVERIFY(offer->isVisibleTo(training));
    shoot("05-training-offers-sample-dataset");
    offer->action_button()->click();
    QCOMPARE(form->value("dataset").toLongLong(), sample_dataset_id_);
    QVERIFY(!offer->isVisibleTo(training));
    QCOMPARE(form->value("base_model").toString(), base_model_dir());
    // A first run short enough for a test: 6 steps of 2 examples.
    form->set_value("name", "first-run");
    form->set_value("training.micro_batch_size", 2);
    form->set_value("training.gradient_accumulation_steps", 1);
    form->set_value("effective_batch", 2);
    form->set_value("training.max_length", 128);
    form->set_value("training.max_steps", 6);
    form->set_value("training.logging_steps", 1);
    form->set_value("training.eval_steps", 3);
    form->set_value("training.save_steps", 3);
    form->set_value("training.dtype", "float32");
    form->set_value("lora.r", 4);
    form->set_value("lora.alpha", 8);
    form->validate();
    QVERIFY2(form->can_launch(), qPrintable(form->errors().join('\n')));
    auto* launch = button_with_text(training, "Launch run");
    QVERIFY(launch && launch->isEnabled());
    QSignalSpy ended(training->process(), &ui::RunProcess::ended);
    launch->click();
    QVERIFY2(training->process()->is_running() || !ended.isEmpty(), qPrintable(training->status_label()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(training->curves()->train_point_count() >= 2 || !ended.isEmpty(), 120000);
    QTest::qWait(400);  // the curves replot on a ~4 Hz timer
    shoot("06-training-running");
    QVERIFY(!ended.isEmpty() || ended.wait(120000));
    QVERIFY2(ended.first().first().toString() == "finished", qPrintable(ended.first().at(1).toString()));
    QCOMPARE(training->curves()->train_point_count(), 6);

    auto* tabs = training->findChild<QTabWidget*>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(training->history());
    auto* table = training->history()->table();
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(!training->history()->empty_state()->isVisibleTo(training));
    table->selectRow(0);
    QVERIFY(training->followed_run_id());
    training->show_run(*training->followed_run_id());
    QTest::qWait(400);
    QCOMPARE(training->curves()->train_point_count(), 6);
    store::Workspace workspace(window_->workspace_file().toStdString());
    const auto run = store::RunRepository(workspace).find(*training->followed_run_id());
    QVERIFY(run);
    QCOMPARE(QString::fromStdString(run->status), QString("finished"));
    shoot("07-training-history-curves");
  }

  void the_chat_tester_answers_a_question() {
    window_->show_panel(window_->side_bar()->row(side_bar_item("Chat")));
    auto* chat = window_->chat_panel();
    QVERIFY(!chat->no_model_state()->isVisibleTo(chat));
    QVERIFY(chat->picker()->select_model(base_model_dir()));
    QVERIFY(chat->picker()->bundled_notice()->isVisibleTo(chat));
    chat->settings_form()->max_new_tokens_spin()->setValue(40);
    chat->question_edit()->setPlainText(QString::fromUtf8("头痛发烧怎么办?"));
    QVERIFY(chat->send_button()->isEnabled());
    chat->send_button()->click();
    QVERIFY(chat->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!chat->busy(), 120000);
    const auto answers = chat->conversation()->answers();
    QCOMPARE(answers.size(), 1);
    QVERIFY(!answers[0]->text().isEmpty());
    shoot("08-chat-answer");
  }

  void the_first_lead_account_opens_the_sample_study() {
    window_->show_panel(window_->side_bar()->row(side_bar_item("Review")));
    auto* review = window_->findChild<ui::ReviewPanel*>();
    QVERIFY(review);
    review->set_pbkdf2_iterations(1000);  // the default is made to be slow
    QVERIFY(review->signed_out_note()->text().contains("no review account yet"));
    shoot("09-review-first-lead-offer");
    review->big_sign_in_button()->click();
    auto* dialog = review->login_dialog();
    QVERIFY(dialog && dialog->creating_first_lead());
    QTRY_VERIFY(dialog->isVisible());
    dialog->new_name_edit()->setText("lead-li");
    dialog->new_password_edit()->setText("lead-li-password");
    dialog->repeat_password_edit()->setText("lead-li-password");
    shoot("10-review-create-first-lead");
    dialog->try_accept();
    QVERIFY2(dialog->error_label()->isHidden(), qPrintable(dialog->error_label()->text()));
    QTRY_VERIFY(review->account().has_value());
    QCOMPARE(review->page(), ui::ReviewPanel::Page::Lead);
    QVERIFY(review->lead_view());
    QVERIFY(review->sample_study_note()->isVisibleTo(review));
    store::Workspace workspace(window_->workspace_file().toStdString());
    const int64_t study = store::resolve_study(workspace, pipeline::kSampleStudyName);
    QCOMPARE(review->lead_view()->selected_study().value_or(0), study);
    QTest::qWait(200);
    shoot("11-review-sample-study");
  }

 private:
  QString make_shots_dir() {
    QTemporaryDir dir(QDir::temp().filePath("medlora-walkthrough-XXXXXX"));
    dir.setAutoRemove(false);  // the screenshots are what this test leaves behind
    return dir.path();
  }

  QString base_model_dir() const {
    return QDir::cleanPath(home_.filePath("models") + "/" + QString::fromUtf8(model::kBaseModelName));
  }

  QListWidgetItem* side_bar_item(const QString& title) const {
    const auto items = window_->side_bar()->findItems(title, Qt::MatchExactly);
    return items.isEmpty() ? nullptr : items.first();
  }

  static QPushButton* button_with_text(QWidget* parent, const QString& text) {
    for (auto* button : parent->findChildren<QPushButton*>())
      if (button->text() == text) return button;
    return nullptr;
  }

  QMessageBox* visible_message_box() const {
    for (auto* box : window_->findChildren<QMessageBox*>())
      if (box->isVisible()) return box;
    return nullptr;
  }

  // Whether `top` (a dialog: a window of its own) has the main window up its parent chain.
  bool owned_by_window(const QWidget* top) const {
    for (const QWidget* w = top->parentWidget(); w; w = w->parentWidget())
      if (w == window_.get()) return true;
    return false;
  }

  // The window as the user sees it: its own pixels, with every visible dialog it parents
  // painted over them at the dialog's place. Saved as <shots>/<name>.png.
  void shoot(const QString& name) {
    QApplication::processEvents();
    QPixmap picture = window_->grab();
    QPainter painter(&picture);
    const QPoint origin = window_->geometry().topLeft();
    for (QWidget* top : QApplication::topLevelWidgets()) {
      if (top == window_.get() || !top->isVisible() || !owned_by_window(top)) continue;
      painter.drawPixmap(top->geometry().topLeft() - origin, top->grab());
    }
    painter.end();
    const QString file = QDir(shots_).filePath(name + ".png");
    QVERIFY2(picture.save(file), qPrintable(file));
    QVERIFY(!picture.isNull());
    qInfo("screenshot: %s", qPrintable(file));
  }

  QTemporaryDir home_;
  QString shots_;
  std::unique_ptr<QSettings> settings_;
  ui::LanguageManager languages_;
  std::unique_ptr<ui::MainWindow> window_;
  int64_t sample_dataset_id_ = 0;
};

QTEST_MAIN(FirstHourWalkthroughTest)
#include "first_hour_walkthrough_test.moc"
