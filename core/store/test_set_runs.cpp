#include "core/store/test_set_runs.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <set>
#include <stdexcept>

#include "core/io/atomic_file.h"
#include "core/io/json_util.h"
#include "core/store/json_columns.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

const char* const kSummaryColumns =
    "SELECT r.id, r.name, r.source, r.created_at, "
    "(SELECT count(*) FROM test_set_questions x WHERE x.run_id = r.id), "
    "(SELECT count(*) FROM test_set_configurations x WHERE x.run_id = r.id), "
    "(SELECT count(*) FROM test_set_answers a JOIN test_set_questions x ON x.id = a.question_id "
    " WHERE x.run_id = r.id AND a.status = 'done') "
    "FROM test_set_runs r ";

TestSetRunSummary summary_from(const QSqlQuery& row) {
  return {row.value(0).toLongLong(), s(row.value(1)), s(row.value(2)), s(row.value(3)),
          row.value(4).toLongLong(), row.value(5).toLongLong(), row.value(6).toLongLong()};
}

// The run a question or configuration belongs to, or 0.
int64_t owner(const Workspace& ws, const char* table, int64_t id) {
  QSqlQuery query = ws.prepare(QString("SELECT run_id FROM %1 WHERE id = ?").arg(table));
  query.addBindValue(static_cast<qlonglong>(id));
  ws.exec(query);
  return query.next() ? query.value(0).toLongLong() : 0;
}

}  // namespace

const StoredTestAnswer* TestSetRun::answer(int64_t question_id, int64_t configuration_id) const {
  for (const StoredTestAnswer& a : answers) {
    if (a.question_id == question_id && a.configuration_id == configuration_id) return &a;
  }
  return nullptr;
}

int64_t TestSetRuns::create(const std::string& name, const std::string& source,
                            const std::vector<TestQuestion>& questions,
                            const std::vector<TestConfiguration>& configurations) {
  if (blank(name)) throw StoreError("a test-set run needs a name");
  if (questions.empty()) throw StoreError("test-set run '" + name + "' has no questions");
  if (configurations.empty()) throw StoreError("test-set run '" + name + "' has no configuration to answer with");
  // Items: given ones must be unique; empty ones are numbered q<seq+1>, skipping taken keys.
  std::set<std::string> items;
  for (size_t i = 0; i < questions.size(); ++i) {
    if (blank(questions[i].question)) {
      throw StoreError("test-set run '" + name + "': question " + std::to_string(i + 1) + " is empty");
    }
    if (!questions[i].item.empty() && !items.insert(questions[i].item).second) {
      throw StoreError("test-set run '" + name + "': item '" + questions[i].item + "' is used twice");
    }
  }
  std::set<std::string> labels;
  std::vector<QString> configs;
  for (const TestConfiguration& configuration : configurations) {
    if (blank(configuration.label)) throw StoreError("test-set run '" + name + "': a configuration has no label");
    if (!labels.insert(configuration.label).second) {
      throw StoreError("test-set run '" + name + "': configuration label '" + configuration.label + "' is used twice");
    }
    configs.push_back(json_columns::object(configuration.config_json, "configuration '" + configuration.label + "'"));
  }

  Transaction transaction(ws_);
  QSqlQuery insert = ws_.prepare("INSERT INTO test_set_runs (name, source, created_at) VALUES (?, ?, ?)");
  insert.addBindValue(q(name));
  insert.addBindValue(q(source));
  insert.addBindValue(q(Workspace::now_utc()));
  ws_.exec(insert);
  const int64_t run_id = insert.lastInsertId().toLongLong();

  QSqlQuery question = ws_.prepare(
      "INSERT INTO test_set_questions (run_id, seq, item, question, reference) VALUES (?, ?, ?, ?, ?)");
  int64_t next_number = 1;
  for (size_t i = 0; i < questions.size(); ++i) {
    std::string item = questions[i].item;
    while (item.empty()) {
      const std::string candidate = "q" + std::to_string(next_number++);
      if (!items.count(candidate)) item = candidate;
    }
    question.addBindValue(static_cast<qlonglong>(run_id));
    question.addBindValue(static_cast<qlonglong>(i));
    question.addBindValue(q(item));
    question.addBindValue(q(questions[i].question));
    question.addBindValue(q(questions[i].reference));
    ws_.exec(question);
  }
  QSqlQuery configuration = ws_.prepare(
      "INSERT INTO test_set_configurations (run_id, seq, label, config) VALUES (?, ?, ?, ?)");
  for (size_t i = 0; i < configurations.size(); ++i) {
    configuration.addBindValue(static_cast<qlonglong>(run_id));
    configuration.addBindValue(static_cast<qlonglong>(i));
    configuration.addBindValue(q(configurations[i].label));
    configuration.addBindValue(configs[i]);
    ws_.exec(configuration);
  }
  transaction.commit();
  return run_id;
}

void TestSetRuns::record_answer(int64_t run_id, int64_t question_id, int64_t configuration_id,
                                const TestAnswerInput& answer) {
  if (answer.status != "done" && answer.status != "stopped" && answer.status != "error") {
    throw StoreError("a test-set answer's status must be done, stopped or error, not '" + answer.status + "'");
  }
  const QString flags = json_columns::array(answer.safety_flags_json, "a test-set answer's safety flags");
  Transaction transaction(ws_);
  if (owner(ws_, "test_set_questions", question_id) != run_id ||
      owner(ws_, "test_set_configurations", configuration_id) != run_id) {
    throw StoreError("question " + std::to_string(question_id) + " / configuration " +
                     std::to_string(configuration_id) + " is not part of test-set run " + std::to_string(run_id));
  }
  QSqlQuery upsert = ws_.prepare(
      "INSERT INTO test_set_answers (question_id, configuration_id, answer, finish_reason, tokens_per_second, "
      "safety_flags, status, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (question_id, configuration_id) DO UPDATE SET answer = excluded.answer, "
      "finish_reason = excluded.finish_reason, tokens_per_second = excluded.tokens_per_second, "
      "safety_flags = excluded.safety_flags, status = excluded.status, error = excluded.error, at = excluded.at");
  upsert.addBindValue(static_cast<qlonglong>(question_id));
  upsert.addBindValue(static_cast<qlonglong>(configuration_id));
  upsert.addBindValue(q(answer.answer));
  upsert.addBindValue(q(answer.finish_reason));
  upsert.addBindValue(answer.tokens_per_second);
  upsert.addBindValue(flags);
  upsert.addBindValue(q(answer.status));
  upsert.addBindValue(q(answer.error));
  upsert.addBindValue(q(Workspace::now_utc()));
  ws_.exec(upsert);
  transaction.commit();
}

std::vector<PendingAnswer> TestSetRuns::missing(int64_t run_id) const {
  QSqlQuery query = ws_.prepare(
      "SELECT x.id, c.id FROM test_set_questions x JOIN test_set_configurations c ON c.run_id = x.run_id "
      "LEFT JOIN test_set_answers a ON a.question_id = x.id AND a.configuration_id = c.id "
      "WHERE x.run_id = ? AND (a.id IS NULL OR a.status <> 'done') ORDER BY x.seq, c.seq");
  query.addBindValue(static_cast<qlonglong>(run_id));
  ws_.exec(query);
  std::vector<PendingAnswer> pending;
  while (query.next()) pending.push_back({query.value(0).toLongLong(), query.value(1).toLongLong()});
  return pending;
}

std::vector<TestSetRunSummary> TestSetRuns::list() const {
  QSqlQuery query = ws_.prepare(QString(kSummaryColumns) + "ORDER BY r.created_at DESC, r.id DESC");
  ws_.exec(query);
  std::vector<TestSetRunSummary> runs;
  while (query.next()) runs.push_back(summary_from(query));
  return runs;
}

std::optional<TestSetRun> TestSetRuns::load(int64_t run_id) const {
  QSqlQuery head = ws_.prepare(QString(kSummaryColumns) + "WHERE r.id = ?");
  head.addBindValue(static_cast<qlonglong>(run_id));
  ws_.exec(head);
  if (!head.next()) return std::nullopt;
  TestSetRun run;
  run.summary = summary_from(head);

  QSqlQuery questions = ws_.prepare(
      "SELECT id, seq, item, question, reference FROM test_set_questions WHERE run_id = ? ORDER BY seq");
  questions.addBindValue(static_cast<qlonglong>(run_id));
  ws_.exec(questions);
  while (questions.next()) {
    StoredTestQuestion question;
    question.id = questions.value(0).toLongLong();
    question.seq = questions.value(1).toLongLong();
    question.item = s(questions.value(2));
    question.question = s(questions.value(3));
    question.reference = s(questions.value(4));
    run.questions.push_back(std::move(question));
  }
  QSqlQuery configurations = ws_.prepare(
      "SELECT id, seq, label, config FROM test_set_configurations WHERE run_id = ? ORDER BY seq");
  configurations.addBindValue(static_cast<qlonglong>(run_id));
  ws_.exec(configurations);
  while (configurations.next()) {
    StoredTestConfiguration configuration;
    configuration.id = configurations.value(0).toLongLong();
    configuration.seq = configurations.value(1).toLongLong();
    configuration.label = s(configurations.value(2));
    configuration.config_json = s(configurations.value(3));
    run.configurations.push_back(std::move(configuration));
  }
  QSqlQuery answers = ws_.prepare(
      "SELECT a.id, a.question_id, a.configuration_id, a.answer, a.finish_reason, a.tokens_per_second, "
      "a.safety_flags, a.status, a.error, a.at FROM test_set_answers a "
      "JOIN test_set_questions x ON x.id = a.question_id "
      "JOIN test_set_configurations c ON c.id = a.configuration_id "
      "WHERE x.run_id = ? ORDER BY x.seq, c.seq");
  answers.addBindValue(static_cast<qlonglong>(run_id));
  ws_.exec(answers);
  while (answers.next()) {
    StoredTestAnswer answer;
    answer.id = answers.value(0).toLongLong();
    answer.question_id = answers.value(1).toLongLong();
    answer.configuration_id = answers.value(2).toLongLong();
    answer.answer = s(answers.value(3));
    answer.finish_reason = s(answers.value(4));
    answer.tokens_per_second = answers.value(5).toDouble();
    answer.safety_flags_json = s(answers.value(6));
    answer.status = s(answers.value(7));
    answer.error = s(answers.value(8));
    answer.at = s(answers.value(9));
    run.answers.push_back(std::move(answer));
  }
  return run;
}

bool TestSetRuns::remove(int64_t run_id) {
  Transaction transaction(ws_);
  QSqlQuery remove = ws_.prepare("DELETE FROM test_set_runs WHERE id = ?");
  remove.addBindValue(static_cast<qlonglong>(run_id));
  ws_.exec(remove);  // questions, configurations and answers cascade
  const bool removed = remove.numRowsAffected() > 0;
  transaction.commit();
  return removed;
}

std::vector<TestAnswerRow> answer_rows(const TestSetRun& run) {
  std::vector<TestAnswerRow> rows;
  for (const StoredTestQuestion& question : run.questions) {
    for (const StoredTestConfiguration& configuration : run.configurations) {
      const StoredTestAnswer* answer = run.answer(question.id, configuration.id);
      if (answer == nullptr || answer->status != "done") continue;
      rows.push_back({question.item, question.question, configuration.label, answer->answer, question.reference});
    }
  }
  return rows;
}

size_t write_answers_jsonl(const TestSetRun& run, const std::string& path) {
  std::string lines;
  const std::vector<TestAnswerRow> rows = answer_rows(run);
  for (const TestAnswerRow& row : rows) {
    QJsonObject object;
    object["item"] = q(row.item);
    object["question"] = q(row.question);
    object["system"] = q(row.system);
    object["answer"] = q(row.answer);
    object["reference"] = q(row.reference);
    lines += io::json::compact(object) + '\n';
  }
  try {
    io::write_file_atomically(path, lines);
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot write " + path + ": " + error.what());
  }
  return rows.size();
}

}  // namespace medlora::store
