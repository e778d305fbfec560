// The Chat panel under offscreen Qt, with a small model that never says EOS and a random LoRA
// adapter: an answer streams (pieces arrive while it runs), Stop cancels it (saved as stopped),
// side by side base vs adapter fills two columns, a grounded answer lists the cited passages,
// safety flags appear beside an answer, a transcript reopens, and the GUI thread never stalls
// while generating.
#include "tests/ui/chat_panel_fixture.h"  // first: torch before Qt

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "core/chat/answer_metadata.h"
#include "core/store/chat_transcripts.h"
#include "core/store/knowledge_base.h"
#include "core/store/model_registry.h"
#include "core/store/workspace.h"
#include "ui/chat/chat_panel.h"
#include "ui/chat/chat_rules_files.h"
#include "ui/chat/chat_worker.h"
#include "ui/chat/configuration_picker.h"
#include "ui/chat/conversation_view.h"
#include "ui/chat/generation_settings_form.h"
#include "ui/chat/prompt_dialog.h"
#include "ui/chat/side_by_side_view.h"
#include "ui/chat/test_set_page.h"
#include "ui/models/prompt_tokens_view.h"
#include "tests/ui/cpu_settings_fixture.h"

using namespace medlora;
namespace fs = std::filesystem;

class ChatPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    root_ = fs::path(tmp_.path().toStdString());
    ui::set_chat_config_dir(tmp_.filePath("config"));  // never the user's rule files
    testing::write_tiny_model(root_ / "tokenizer-source", true);
    model_dir_ = root_ / "models" / "chat-model";
    fs::create_directories(model_dir_.parent_path());
    testing::write_chat_test_model(model_dir_, root_ / "tokenizer-source");
    adapter_dir_ = root_ / "adapters" / "common";
    fs::create_directories(adapter_dir_.parent_path());
    testing::write_random_adapter(model_dir_, adapter_dir_);
  }

  void settings_form_validates_and_resets_to_clinic_defaults() {
    ui::GenerationSettingsForm form;
    form.show();
    QVERIFY(form.validation_error().isEmpty());
    form.top_p_spin()->setValue(0.0);
    QVERIFY(form.validation_error().contains("top_p"));
    QVERIFY(form.error_label()->isVisible());
    form.seed_edit()->setText("42");
    form.bad_words_edit()->setPlainText("antibiotics, 抗生素，guarantee\ncure");
    form.stop_strings_edit()->setPlainText("END\\n\n###");
    const auto settings = form.settings();
    QCOMPARE(settings.sampling.seed.value_or(0), uint64_t{42});
    QCOMPARE(settings.bad_words, QStringList({"antibiotics", "抗生素", "guarantee", "cure"}));
    QCOMPARE(settings.sampling.stop_strings, std::vector<std::string>({"END\n", "###"}));
    QCOMPARE(ui::GenerationSettings::from_json(settings.to_json()).to_json(), settings.to_json());
    form.reset_button()->click();
    QVERIFY(form.validation_error().isEmpty());
    QVERIFY(!form.error_label()->isVisible());
    const generate::SamplingParams clinic;
    QCOMPARE(form.settings().sampling.top_p, clinic.top_p);
    QCOMPARE(form.settings().sampling.temperature, clinic.temperature);
    QVERIFY(!form.settings().sampling.seed);
    QVERIFY(form.settings().bad_words.isEmpty());
  }

  void streams_an_answer_and_saves_it() {
    auto panel = make_panel("stream.medlora");
    panel->settings_form()->max_new_tokens_spin()->setValue(40);
    panel->question_edit()->setPlainText("What helps a mild fever?");
    QVERIFY(panel->send_button()->isEnabled());
    panel->send_button()->click();
    QVERIFY(panel->busy());
    QVERIFY(panel->worker()->thread() != QThread::currentThread());
    // Pieces show up while the answer is still being generated.
    QTRY_VERIFY_WITH_TIMEOUT(streamed_text(*panel).size() > 0, 60000);
    QVERIFY(panel->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    const auto answers = panel->conversation()->answers();
    QCOMPARE(answers.size(), 1);
    QVERIFY(!answers[0]->text().isEmpty());
    QCOMPARE(answers[0]->metadata().finish_reason, std::string("max_new_tokens"));
    QCOMPARE(answers[0]->metadata().tokens, int64_t{40});
    QVERIFY2(answers[0]->info_label()->text().contains("tokens/s"), qPrintable(answers[0]->info_label()->text()));
    QVERIFY2(panel->status_label()->text().contains("tokens/s"), qPrintable(panel->status_label()->text()));
    QVERIFY(panel->question_edit()->toPlainText().isEmpty());
    // The prompt the model got, with its tokens from the engine's tokenizer (BOS is special).
    const ui::AnswerPrompt& prompt = answers[0]->prompt();
    QVERIFY2(prompt.text.contains("What helps a mild fever?"), qPrintable(prompt.text));
    QVERIFY(!prompt.ids.isEmpty());
    QCOMPARE(prompt.pieces.size(), prompt.ids.size());
    QCOMPARE(prompt.special.size(), prompt.ids.size());
    QVERIFY(prompt.special.contains(true));
    QVERIFY(prompt.special.contains(false));
    QVERIFY(answers[0]->prompt_button()->isEnabled());
    answers[0]->prompt_button()->click();
    QVERIFY(answers[0]->prompt_dialog());
    QCOMPARE(answers[0]->prompt_dialog()->tokens_view()->token_table()->rowCount(), int(prompt.ids.size()));

    const auto chat = store::ChatTranscripts(*panel->workspace()).load(panel->current_chat_id());
    QVERIFY(chat);
    QCOMPARE(chat->messages.size(), size_t{2});
    QCOMPARE(chat->messages[0].role, std::string("user"));
    QCOMPARE(chat->messages[1].content, answers[0]->text().toStdString());
    QCOMPARE(chat::AnswerMetadata::from_json(chat->messages[1].metadata_json).tokens, int64_t{40});
  }

  void stop_cancels_and_saves_the_answer_as_stopped() {
    auto panel = make_panel("stop.medlora");
    panel->settings_form()->max_new_tokens_spin()->setValue(3000);
    QVERIFY(panel->ask("Tell me everything about coughs."));
    QTRY_VERIFY_WITH_TIMEOUT(streamed_text(*panel).size() > 0, 60000);
    panel->stop_button()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 30000);
    const auto* answer = panel->conversation()->answers().value(0);
    QVERIFY(answer);
    QCOMPARE(answer->metadata().finish_reason, std::string("cancelled"));
    QCOMPARE(answer->status(), QString("stopped"));
    QVERIFY(answer->metadata().tokens < 3000);
    QVERIFY(answer->info_label()->text().contains("stopped"));
    const auto chat = store::ChatTranscripts(*panel->workspace()).load(panel->current_chat_id());
    QCOMPARE(chat->messages.size(), size_t{2});
    QVERIFY2(QString::fromStdString(chat->messages[1].metadata_json).contains("\"status\":\"stopped\""),
             chat->messages[1].metadata_json.c_str());
  }

  void side_by_side_compares_base_and_adapter() {
    auto panel = make_panel("compare.medlora");
    panel->settings_form()->max_new_tokens_spin()->setValue(16);
    auto* picker = panel->picker();
    picker->set_comparison_row(0, "base", "base");
    picker->set_comparison_row(1, "adapter:common", "common");
    QVERIFY2(picker->comparison_problem().isEmpty(), qPrintable(picker->comparison_problem()));
    auto* view = panel->side_by_side_view();
    QList<ui::ChatAnswer> replies;  // queued to this thread, as the panel gets them
    connect(panel->worker(), &ui::ChatWorker::reply_finished, panel.get(),
            [&replies](const ui::ChatAnswer& answer) { replies << answer; });
    view->question_edit()->setPlainText("头痛发烧怎么办?");
    view->compare_button()->click();
    QVERIFY(panel->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    // Each configuration's answer carries the prompt it was given, with a piece per id.
    QTRY_COMPARE(replies.size(), 2);
    for (const ui::ChatAnswer& reply : replies) {
      QVERIFY(reply.prompt.text.contains(QString::fromUtf8("头痛发烧怎么办")));
      QVERIFY(!reply.prompt.ids.isEmpty());
      QCOMPARE(reply.prompt.pieces.size(), reply.prompt.ids.size());
      QCOMPARE(reply.prompt.special.size(), reply.prompt.ids.size());
    }
    QCOMPARE(view->column_count(), 2);
    QCOMPARE(view->column_label(0), QString("base"));
    QCOMPARE(view->column_label(1), QString("common"));
    QVERIFY(!view->column_text(0).isEmpty());
    QVERIFY(!view->column_text(1).isEmpty());
    QVERIFY2(view->column_text(0) != view->column_text(1), "the adapter should change the answer");
    QVERIFY2(view->column_info(0)->text().contains("base model"), qPrintable(view->column_info(0)->text()));
    QVERIFY2(view->column_info(1)->text().contains("adapter common"), qPrintable(view->column_info(1)->text()));
    // One seed for both columns.
    const QString seed0 = view->column_info(0)->text().section("seed ", 1);
    QVERIFY(!seed0.isEmpty());
    QCOMPARE(view->column_info(1)->text().section("seed ", 1), seed0);
  }

  void grounded_answer_lists_the_cited_passages() {
    auto panel = make_panel("ground.medlora");
    store::KnowledgeBase(*panel->workspace())
        .import_document("Fever care", "fever.md",
                         "Fever in adults: drink plenty of water, rest, and take paracetamol if needed.\n\n"
                         "See a doctor when a fever lasts more than three days.");
    panel->settings_form()->max_new_tokens_spin()->setValue(12);
    panel->picker()->set_grounding(true, 2);
    QVERIFY(panel->ask("How should I treat a fever?"));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    const auto* answer = panel->conversation()->answers().value(0);
    QVERIFY(answer);
    QVERIFY(!answer->metadata().passages.empty());
    QVERIFY(!answer->passage_buttons().isEmpty());
    QVERIFY2(answer->passage_buttons()[0]->text().startsWith("[1] Fever care"),
             qPrintable(answer->passage_buttons()[0]->text()));
    QVERIFY(!answer->passage_texts()[0]->isVisibleTo(panel.get()));
    answer->passage_buttons()[0]->click();  // expands the passage's text
    QVERIFY(answer->passage_texts()[0]->isVisibleTo(panel.get()));
    QVERIFY(answer->passage_texts()[0]->text().contains("drink plenty of water"));
  }

  void unsafe_answers_are_flagged_and_the_transcript_reopens() {
    auto panel = make_panel("safety.medlora");
    chat::SafetyRules rules = chat::SafetyRules::defaults();
    chat::SafetyPattern anything;
    anything.id = "any-text";
    anything.category = "test";
    anything.description = "Any answer at all (test rule)";
    anything.regex = ".";
    rules.dangerous_advice.push_back(anything);
    panel->set_safety_rules(rules);
    panel->settings_form()->max_new_tokens_spin()->setValue(10);
    QVERIFY(panel->ask("What helps a sore throat?"));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    // An emergency symptom: the notice appears and the answer misses the advice to seek care.
    QVERIFY(panel->ask("I have chest pain and feel faint, what should I do?"));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    auto answers = panel->conversation()->answers();
    QCOMPARE(answers.size(), 2);
    check_flags(*panel, answers);
    if (QTest::currentTestFailed()) return;
    QVERIFY(answers[1]->prompt_button()->isEnabled());

    // Reopen: the same answers with their flags, from the workspace.
    const qint64 chat_id = panel->current_chat_id();
    panel->new_chat();
    QCOMPARE(panel->conversation()->answers().size(), 0);
    QVERIFY(panel->open_chat(chat_id));
    QCOMPARE(panel->conversation()->entry_count(), 4);
    const auto reopened = panel->conversation()->answers();
    QCOMPARE(reopened.size(), 2);
    QCOMPARE(reopened[1]->text(), answers[1]->text());
    // Transcripts keep no prompt: the reopened answers say so instead of showing one.
    QVERIFY(!reopened[1]->prompt_button()->isEnabled());
    QVERIFY(reopened[1]->prompt_button()->toolTip().contains("reopened"));
    check_flags(*panel, reopened);
    if (QTest::currentTestFailed()) return;
    // The next question continues the reopened chat.
    QVERIFY(panel->ask("Thanks. Anything else?"));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    QCOMPARE(store::ChatTranscripts(*panel->workspace()).load(chat_id)->messages.size(), size_t{6});
  }

  void test_set_stops_resumes_and_exports() {
    auto panel = make_panel("testset.medlora");
    panel->settings_form()->max_new_tokens_spin()->setValue(40);
    const QString questions = tmp_.filePath("questions.txt");
    {
      QFile file(questions);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("What helps a cough?\n头痛怎么办?\n");
    }
    auto* page = panel->test_set_page();
    page->file_radio()->setChecked(true);
    page->file_edit()->setText(questions);
    page->name_edit()->setText("two questions");
    QVERIFY(page->compared_radio()->isChecked());  // base and the adapter (the picker's rows)
    QVERIFY(page->run_button()->isEnabled());
    // Stop as soon as the first answer is in: the second is cut short, the rest never start.
    QMetaObject::Connection stop_once;
    stop_once = connect(panel->worker(), &ui::ChatWorker::reply_finished, panel.get(), [&] {
      page->stop_button()->click();
      disconnect(stop_once);
    });
    page->run_button()->click();
    QVERIFY(panel->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    auto run = store::TestSetRuns(*panel->workspace()).list().at(0);
    QVERIFY2(run.done_count >= 1 && run.done_count < 4, qPrintable(QString::number(run.done_count)));
    QVERIFY(page->resume_button()->isEnabled());
    page->resume_button()->click();
    QVERIFY(panel->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);
    QCOMPARE(page->progress_bar()->value(), 4);
    QCOMPARE(page->progress_bar()->maximum(), 4);
    auto* table = page->results_table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), 3);  // question, base, common
    for (int row = 0; row < 2; ++row)
      for (int col = 1; col < 3; ++col) {
        QVERIFY(table->item(row, col));
        QCOMPARE(table->item(row, col)->data(Qt::UserRole).toString(), QString("done"));
      }
    const auto runs = store::TestSetRuns(*panel->workspace()).list();
    QCOMPARE(runs.size(), size_t{1});
    QCOMPARE(runs[0].done_count, int64_t{4});
    const QString out = tmp_.filePath("answers.jsonl");
    QString error;
    QVERIFY2(page->export_jsonl(out, &error), qPrintable(error));
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll().count('\n'), 4);
  }

  void the_gui_thread_stays_responsive_while_generating() {
    auto panel = make_panel("latency.medlora");
    panel->settings_form()->max_new_tokens_spin()->setValue(4);
    QVERIFY(panel->ask("warm up"));  // loads the model
    QTRY_VERIFY_WITH_TIMEOUT(!panel->busy(), 60000);

    panel->settings_form()->max_new_tokens_spin()->setValue(150);
    QElapsedTimer clock;
    qint64 last = 0, largest_gap = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
      const qint64 now = clock.elapsed();
      largest_gap = std::max(largest_gap, now - last);
      last = now;
    });
    clock.start();
    ticker.start();
    QVERIFY(panel->ask("Describe the treatment of a common cold in detail."));
    while (panel->busy() && clock.elapsed() < 60000) QTest::qWait(5);
    ticker.stop();
    const qint64 duration = clock.elapsed();
    const auto* answer = panel->conversation()->answers().value(1);
    QVERIFY(answer);
    QCOMPARE(answer->metadata().tokens, int64_t{150});
    qInfo("150 tokens in %lld ms (%.1f tokens/s); largest event-loop gap %lld ms", duration,
          answer->metadata().tokens_per_second, largest_gap);
    QVERIFY2(duration >= 500, "the generation should last long enough to measure the event loop");
    QVERIFY2(largest_gap < 100, qPrintable(QString("largest gap %1 ms").arg(largest_gap)));
  }

 private:
  std::unique_ptr<ui::ChatPanel> make_panel(const QString& workspace_name) {
    const QString file = tmp_.filePath(workspace_name);
    {
      store::Workspace ws(file.toStdString());
      store::ModelRegistry(ws).register_adapter("common", adapter_dir_.string(), std::nullopt);
    }
    auto panel = std::make_unique<ui::ChatPanel>(file);
    panel->configure(testing::cpu_settings(root_ / "models"));
    panel->resize(1300, 800);
    panel->show();
    auto* picker = panel->picker();
    [&] { QVERIFY(picker->select_model(testing::qpath(model_dir_))); }();
    picker->set_mode(ui::AdapterMode::Base);
    auto* form = panel->settings_form();
    form->temperature_spin()->setValue(0.0);  // greedy: the same answer every time
    form->repetition_penalty_spin()->setValue(1.3);
    return panel;
  }

  static QString streamed_text(ui::ChatPanel& panel) {
    const auto* streaming = panel.conversation()->streaming_answer();
    return streaming ? streaming->text_label()->text() : QString();
  }

  static void check_flags(ui::ChatPanel& panel, const QList<ui::AnswerView*>& answers) {
    const auto* plain = answers[0];
    QVERIFY(plain->flags_label()->isVisibleTo(&panel));
    QVERIFY2(plain->flags_label()->text().contains("Any answer at all (test rule)"),
             qPrintable(plain->flags_label()->text()));
    QVERIFY(!plain->notice_label()->isVisibleTo(&panel));
    QVERIFY(plain->disclaimer_label()->isVisibleTo(&panel));
    const auto* emergency = answers[1];
    QVERIFY(emergency->metadata().safety.has(chat::SafetyFlagKind::EmergencyQuestion));
    QVERIFY(emergency->metadata().safety.has(chat::SafetyFlagKind::MissingEmergencyAdvice));
    QVERIFY(emergency->notice_label()->isVisibleTo(&panel));
    QVERIFY(!emergency->notice_label()->text().isEmpty());
    QVERIFY2(emergency->flags_label()->text().contains("No advice to seek care now"),
             qPrintable(emergency->flags_label()->text()));
    // Flags are shown beside the answer; the answer itself is not rewritten.
    QVERIFY(!emergency->text().contains(emergency->notice_label()->text()));
    QVERIFY(!emergency->text().contains(emergency->disclaimer_label()->text()));
  }

  QTemporaryDir tmp_;
  fs::path root_, model_dir_, adapter_dir_;
};

QTEST_MAIN(ChatPanelTest)
#include "chat_panel_test.moc"
