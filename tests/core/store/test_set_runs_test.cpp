#include "core/store/test_set_runs.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/store/store_error.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

class TestSetRunsTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    runs_ = std::make_unique<TestSetRuns>(*ws_);
  }
  int64_t make_run() {
    return runs_->create("smoke", "file: q.txt",
                         {{"", "头痛怎么办？", "多休息"}, {"k7", "What is hypertension?", ""}, {"", "发烧怎么办？", ""}},
                         {{"base", R"({"adapter":""})"}, {"lora", R"({"adapter":"common"})"}});
  }
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<TestSetRuns> runs_;
};

TEST_F(TestSetRunsTest, CreateNumbersItemsAndListsMissingPairs) {
  const int64_t id = make_run();
  const TestSetRun run = *runs_->load(id);
  EXPECT_EQ(run.summary.name, "smoke");
  EXPECT_EQ(run.summary.source, "file: q.txt");
  EXPECT_EQ(run.summary.question_count, 3);
  EXPECT_EQ(run.summary.configuration_count, 2);
  EXPECT_EQ(run.summary.done_count, 0);
  ASSERT_EQ(run.questions.size(), 3u);
  EXPECT_EQ(run.questions[0].item, "q1");
  EXPECT_EQ(run.questions[1].item, "k7");
  EXPECT_EQ(run.questions[2].item, "q2");
  EXPECT_EQ(run.questions[0].reference, "多休息");
  EXPECT_EQ(run.configurations[1].label, "lora");
  EXPECT_EQ(run.configurations[1].config_json, R"({"adapter":"common"})");
  EXPECT_EQ(runs_->missing(id).size(), 6u);
}

TEST_F(TestSetRunsTest, AnswersArriveAndTheRunResumes) {
  const int64_t id = make_run();
  TestSetRun run = *runs_->load(id);
  const int64_t q1 = run.questions[0].id, q2 = run.questions[1].id;
  const int64_t base = run.configurations[0].id, lora = run.configurations[1].id;

  runs_->record_answer(id, q1, base, {"多喝水，休息。", "eos", 21.5, "[]", "done", ""});
  runs_->record_answer(id, q1, lora, {"半句", "cancelled", 20.0, "[]", "stopped", ""});
  runs_->record_answer(id, q2, base, {"", "", 0, "[]", "error", "out of memory"});
  std::vector<PendingAnswer> missing = runs_->missing(id);
  ASSERT_EQ(missing.size(), 5u);  // the stopped and the failed pair are still missing
  EXPECT_EQ(missing[0].question_id, q1);
  EXPECT_EQ(missing[0].configuration_id, lora);

  // Resume: the stopped answer is replaced.
  const std::string flags = R"([{"kind":"dangerous_advice","rule_id":"x","offset":0,"length":3}])";
  runs_->record_answer(id, q1, lora, {"完整回答", "eos", 19.0, flags, "done", ""});
  run = *runs_->load(id);
  EXPECT_EQ(run.summary.done_count, 2);
  const StoredTestAnswer* answer = run.answer(q1, lora);
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->answer, "完整回答");
  EXPECT_EQ(answer->safety_flags_json, flags);
  EXPECT_DOUBLE_EQ(answer->tokens_per_second, 19.0);
  EXPECT_EQ(run.answer(q2, base)->error, "out of memory");
  EXPECT_EQ(runs_->missing(id).size(), 4u);

  const std::vector<TestAnswerRow> rows = answer_rows(run);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].item, "q1");
  EXPECT_EQ(rows[1].system, "lora");
  EXPECT_EQ(rows[1].question, "头痛怎么办？");
  EXPECT_EQ(rows[1].reference, "多休息");

  const std::string path = file("answers.jsonl");
  EXPECT_EQ(write_answers_jsonl(run, path), 2u);
  QFile out(QString::fromStdString(path));
  ASSERT_TRUE(out.open(QIODevice::ReadOnly));
  const QList<QByteArray> lines = out.readAll().split('\n');
  ASSERT_EQ(lines.size(), 3);  // two lines and the empty rest after the last newline
  EXPECT_TRUE(lines[2].isEmpty());
  EXPECT_TRUE(lines[0].contains("多喝水"));  // UTF-8, not \u escapes
  const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
  EXPECT_EQ(second.value("item").toString(), "q1");
  EXPECT_EQ(second.value("question").toString(), QString::fromUtf8("头痛怎么办？"));
  EXPECT_EQ(second.value("system").toString(), "lora");
  EXPECT_EQ(second.value("answer").toString(), QString::fromUtf8("完整回答"));
  EXPECT_EQ(second.value("reference").toString(), QString::fromUtf8("多休息"));
}

TEST_F(TestSetRunsTest, RefusesBadRunsAndForeignPairs) {
  EXPECT_THROW(runs_->create("", "", {{"", "q", ""}}, {{"base", "{}"}}), StoreError);
  EXPECT_THROW(runs_->create("r", "", {}, {{"base", "{}"}}), StoreError);
  EXPECT_THROW(runs_->create("r", "", {{"", " ", ""}}, {{"base", "{}"}}), StoreError);
  EXPECT_THROW(runs_->create("r", "", {{"a", "q", ""}, {"a", "q2", ""}}, {{"base", "{}"}}), StoreError);
  EXPECT_THROW(runs_->create("r", "", {{"", "q", ""}}, {}), StoreError);
  EXPECT_THROW(runs_->create("r", "", {{"", "q", ""}}, {{"base", "{}"}, {"base", "{}"}}), StoreError);
  EXPECT_THROW(runs_->create("r", "", {{"", "q", ""}}, {{"base", "[]"}}), StoreError);
  EXPECT_TRUE(runs_->list().empty());  // nothing half-created

  const int64_t a = make_run();
  const int64_t b = make_run();
  const TestSetRun run_b = *runs_->load(b);
  EXPECT_THROW(runs_->record_answer(a, run_b.questions[0].id, run_b.configurations[0].id, {}), StoreError);
  const TestSetRun run_a = *runs_->load(a);
  TestAnswerInput bad;
  bad.status = "finished";
  EXPECT_THROW(runs_->record_answer(a, run_a.questions[0].id, run_a.configurations[0].id, bad), StoreError);
  bad.status = "done";
  bad.safety_flags_json = "{}";
  EXPECT_THROW(runs_->record_answer(a, run_a.questions[0].id, run_a.configurations[0].id, bad), StoreError);
}

TEST_F(TestSetRunsTest, ListNewestFirstAndRemove) {
  const int64_t a = make_run();
  const int64_t b = make_run();
  const std::vector<TestSetRunSummary> list = runs_->list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, b);
  EXPECT_TRUE(runs_->remove(a));
  EXPECT_FALSE(runs_->remove(a));
  EXPECT_FALSE(runs_->load(a).has_value());
  EXPECT_EQ(ws_->scalar("SELECT count(*) FROM test_set_questions").toLongLong(), 3);
}

}  // namespace
}  // namespace medlora::store
