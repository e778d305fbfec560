// ReviewStudyRepository, part 1: studies, systems and answers. Assignment, progress, closing and
// reveal are in review_study_assignment.cpp; the report data in review_study_report.cpp.
#include "core/store/review_study_repository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

#include <map>
#include <stdexcept>

#include "core/io/json_util.h"
#include "core/store/json_columns.h"
#include "core/store/seeded_shuffle.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

constexpr uint64_t kCodePurpose = 1;
const std::string kReferenceSystem = "reference";

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

void check_kind(const std::string& kind) {
  for (const char* known : {"base", "adapter", "merged", "reference", "other"})
    if (kind == known) return;
  throw StoreError("a system's kind is base, adapter, merged, reference or other, not '" + kind + "'");
}

std::string checked_metadata(const std::string& json, const std::string& system) {
  if (json.empty()) return "{}";
  const QString checked = json_columns::object(json, "the metadata of system '" + system + "'");
  return QJsonDocument::fromJson(checked.toUtf8()).toJson(QJsonDocument::Compact).toStdString();
}

int64_t insert_system(Workspace& ws, int64_t study_id, const SystemInput& system) {
  if (system.name.empty()) throw StoreError("a system needs a name");
  check_kind(system.kind);
  auto query = ws.prepare("INSERT INTO study_systems (study_id, code, name, kind, metadata) VALUES (?, '', ?, ?, ?)");
  query.addBindValue(qint64(study_id));
  query.addBindValue(q(system.name));
  query.addBindValue(q(system.kind));
  query.addBindValue(q(checked_metadata(system.metadata_json, system.name)));
  try {
    ws.exec(query);
  } catch (const StoreError&) {
    throw StoreError("the study already has a system named '" + system.name + "'");
  }
  return query.lastInsertId().toLongLong();
}

std::map<std::string, int64_t> system_ids(Workspace& ws, int64_t study_id) {
  auto query = ws.prepare("SELECT name, id FROM study_systems WHERE study_id = ?");
  query.addBindValue(qint64(study_id));
  ws.exec(query);
  std::map<std::string, int64_t> ids;
  while (query.next()) ids[s(query.value(0))] = query.value(1).toLongLong();
  return ids;
}

struct StoredQuestion {
  int64_t id = 0;
  std::string question;
  std::string reference;
};

std::map<std::string, StoredQuestion> questions_by_item(Workspace& ws, int64_t study_id) {
  auto query = ws.prepare("SELECT item, id, question, reference FROM study_questions WHERE study_id = ?");
  query.addBindValue(qint64(study_id));
  ws.exec(query);
  std::map<std::string, StoredQuestion> questions;
  while (query.next()) questions[s(query.value(0))] = {query.value(1).toLongLong(), s(query.value(2)), s(query.value(3))};
  return questions;
}

StudySummary summary_from(const QSqlQuery& query) {
  StudySummary summary;
  summary.id = query.value(0).toLongLong();
  summary.name = s(query.value(1));
  summary.source = s(query.value(2));
  summary.status = s(query.value(3));
  summary.created_by = s(query.value(4));
  summary.created_at = s(query.value(5));
  summary.closed_at = s(query.value(6));
  summary.reviewers_per_answer = query.value(7).toInt();
  summary.order_seed = static_cast<uint64_t>(query.value(8).toLongLong());
  summary.systems = query.value(9).toInt();
  summary.questions = query.value(10).toInt();
  summary.answers = query.value(11).toInt();
  summary.assignments = query.value(12).toInt();
  return summary;
}

const char* kSummarySelect = R"(
  SELECT st.id, st.name, st.source, st.status, r.name, st.created_at, st.closed_at,
         st.reviewers_per_answer, st.order_seed,
         (SELECT count(*) FROM study_systems WHERE study_id = st.id),
         (SELECT count(*) FROM study_questions WHERE study_id = st.id),
         (SELECT count(*) FROM study_answers WHERE study_id = st.id),
         (SELECT count(*) FROM study_assignments WHERE study_id = st.id)
  FROM studies st JOIN reviewers r ON r.id = st.created_by)";

}  // namespace

void ReviewStudyRepository::require_lead(const ReviewerAccount& lead) const { ReviewerAccounts(ws_).verify(lead, "lead"); }

void ReviewStudyRepository::require_open_unassigned(int64_t study_id) const {
  auto query = ws_.prepare(
      "SELECT status, (SELECT count(*) FROM study_assignments WHERE study_id = studies.id) FROM studies WHERE id = ?");
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  if (!query.next()) throw StoreError("no study with id " + std::to_string(study_id));
  if (s(query.value(0)) != "open") throw StoreError("study " + std::to_string(study_id) + " is closed");
  if (query.value(1).toLongLong() > 0)
    throw StoreError("study " + std::to_string(study_id) +
                     " has assigned reviewers already: systems and answers can no longer change (create a new study)");
}

int64_t ReviewStudyRepository::create_study(const ReviewerAccount& lead, const std::string& name,
                                            const std::string& source, int reviewers_per_answer,
                                            std::optional<uint64_t> order_seed) {
  if (name.empty()) throw std::invalid_argument("a study needs a name");
  if (reviewers_per_answer < 1) throw std::invalid_argument("a study needs at least one reviewer per answer");
  Transaction transaction(ws_);
  require_lead(lead);
  auto existing = ws_.prepare("SELECT id FROM studies WHERE name = ?");
  existing.addBindValue(q(name));
  ws_.exec(existing);
  if (existing.next())
    throw StoreError("a study named '" + name + "' already exists (id " + s(existing.value(0)) + ")");
  const uint64_t seed = order_seed ? *order_seed : QRandomGenerator::system()->generate64();
  auto query = ws_.prepare(
      "INSERT INTO studies (name, source, order_seed, reviewers_per_answer, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  query.addBindValue(q(name));
  query.addBindValue(q(source));
  query.addBindValue(qint64(seed));
  query.addBindValue(reviewers_per_answer);
  query.addBindValue(qint64(lead.id()));
  query.addBindValue(q(Workspace::now_utc()));
  ws_.exec(query);
  const int64_t id = query.lastInsertId().toLongLong();
  append_audit(ws_, lead.id(), lead.name(), "create", id, "study " + std::to_string(id),
               QJsonObject{{"name", q(name)}, {"source", q(source)}, {"reviewers_per_answer", reviewers_per_answer}});
  transaction.commit();
  return id;
}

std::vector<StudySummary> ReviewStudyRepository::list_studies(const ReviewerAccount& lead) const {
  require_lead(lead);
  auto query = ws_.prepare(QString(kSummarySelect) + " ORDER BY st.id");
  ws_.exec(query);
  std::vector<StudySummary> studies;
  while (query.next()) studies.push_back(summary_from(query));
  return studies;
}

StudySummary ReviewStudyRepository::study(const ReviewerAccount& lead, int64_t study_id) const {
  require_lead(lead);
  auto query = ws_.prepare(QString(kSummarySelect) + " WHERE st.id = ?");
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  if (!query.next()) throw StoreError("no study with id " + std::to_string(study_id));
  return summary_from(query);
}

void ReviewStudyRepository::redraw_codes(int64_t study_id, uint64_t seed) {
  auto query = ws_.prepare("SELECT id FROM study_systems WHERE study_id = ? ORDER BY id");
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  std::vector<int64_t> ids;
  while (query.next()) ids.push_back(query.value(0).toLongLong());
  seeded_shuffle(ids, derived_seed(seed, kCodePurpose, ids.size()));
  for (size_t i = 0; i < ids.size(); ++i) {
    auto update = ws_.prepare("UPDATE study_systems SET code = ? WHERE id = ?");
    update.addBindValue(QString("S%1").arg(i + 1));
    update.addBindValue(qint64(ids[i]));
    ws_.exec(update);
  }
}

void ReviewStudyRepository::add_systems(const ReviewerAccount& lead, int64_t study_id,
                                        const std::vector<SystemInput>& systems) {
  Transaction transaction(ws_);
  require_lead(lead);
  require_open_unassigned(study_id);
  QStringList names;
  for (const SystemInput& system : systems) {
    insert_system(ws_, study_id, system);
    names.append(q(system.name));
  }
  redraw_codes(study_id, study(lead, study_id).order_seed);
  append_audit(ws_, lead.id(), lead.name(), "add-systems", study_id, "study " + std::to_string(study_id),
               QJsonObject{{"systems", names.join(", ")}});
  transaction.commit();
}

std::vector<StudySystem> ReviewStudyRepository::systems(const ReviewerAccount& lead, int64_t study_id) const {
  const bool closed = study(lead, study_id).status == "closed";
  auto query = ws_.prepare(
      "SELECT code, name, kind, metadata FROM study_systems WHERE study_id = ? "
      "ORDER BY length(code), code");
  query.addBindValue(qint64(study_id));
  ws_.exec(query);
  std::vector<StudySystem> result;
  while (query.next()) {
    if (closed)
      result.push_back({s(query.value(0)), s(query.value(1)), s(query.value(2)), s(query.value(3))});
    else
      result.push_back({s(query.value(0)), "", "", "{}"});
  }
  return result;
}

AnswersAdded ReviewStudyRepository::add_answers(const ReviewerAccount& lead, int64_t study_id,
                                                const std::vector<AnswerInput>& answers, bool reference_as_system) {
  std::vector<std::string> places;
  for (size_t i = 0; i < answers.size(); ++i) places.push_back("answer " + std::to_string(i + 1));
  return add_answers_at(lead, study_id, answers, reference_as_system, places);
}

AnswersAdded ReviewStudyRepository::add_answers_at(const ReviewerAccount& lead, int64_t study_id,
                                                   const std::vector<AnswerInput>& answers, bool reference_as_system,
                                                   const std::vector<std::string>& places) {
  Transaction transaction(ws_);
  require_lead(lead);
  require_open_unassigned(study_id);
  AnswersAdded added;
  auto systems = system_ids(ws_, study_id);
  auto questions = questions_by_item(ws_, study_id);
  std::map<std::string, std::string> item_of_text;  // question text -> item, for inputs without one
  for (const auto& [item, question] : questions) item_of_text.emplace(question.question, item);

  auto system_id = [&](const std::string& name, const std::string& kind, const std::string& metadata) {
    if (auto found = systems.find(name); found != systems.end()) return found->second;
    ++added.systems;
    return systems[name] = insert_system(ws_, study_id, {name, kind.empty() ? "other" : kind, metadata});
  };
  auto question_of = [&](const AnswerInput& input, const std::string& where) -> StoredQuestion& {
    if (input.question.empty()) throw StoreError(where + ": the question is empty");
    std::string item = input.item;
    if (item.empty()) {
      auto known = item_of_text.find(input.question);
      item = known != item_of_text.end() ? known->second : "Q" + std::to_string(questions.size() + 1);
    }
    auto found = questions.find(item);
    if (found == questions.end()) {
      auto insert = ws_.prepare("INSERT INTO study_questions (study_id, item, question, reference) VALUES (?, ?, ?, '')");
      insert.addBindValue(qint64(study_id));
      insert.addBindValue(q(item));
      insert.addBindValue(q(input.question));
      ws_.exec(insert);
      ++added.questions;
      found = questions.emplace(item, StoredQuestion{insert.lastInsertId().toLongLong(), input.question, ""}).first;
      item_of_text.emplace(input.question, item);
    } else if (found->second.question != input.question) {
      throw StoreError(where + ": item '" + item + "' has two different question texts");
    }
    StoredQuestion& question = found->second;
    if (!input.reference.empty() && input.reference != question.reference) {
      if (!question.reference.empty())
        throw StoreError(where + ": item '" + item + "' has two different reference answers");
      auto update = ws_.prepare("UPDATE study_questions SET reference = ? WHERE id = ?");
      update.addBindValue(q(input.reference));
      update.addBindValue(qint64(question.id));
      ws_.exec(update);
      question.reference = input.reference;
    }
    return question;
  };
  auto insert_answer = [&](int64_t question_id, int64_t system, const std::string& text, const std::string& where) {
    auto insert = ws_.prepare("INSERT INTO study_answers (study_id, question_id, system_id, text) VALUES (?, ?, ?, ?)");
    insert.addBindValue(qint64(study_id));
    insert.addBindValue(qint64(question_id));
    insert.addBindValue(qint64(system));
    insert.addBindValue(q(text));
    try {
      ws_.exec(insert);
    } catch (const StoreError&) {
      throw StoreError(where + ": this system already has an answer to this question");
    }
    ++added.answers;
  };

  for (size_t i = 0; i < answers.size(); ++i) {
    const AnswerInput& input = answers[i];
    const std::string& where = places.at(i);
    if (input.system.empty()) throw StoreError(where + ": the system is empty");
    if (input.answer.empty()) throw StoreError(where + ": the answer is empty");
    const StoredQuestion& question = question_of(input, where);
    insert_answer(question.id, system_id(input.system, input.system_kind, input.system_metadata_json), input.answer,
                  where);
  }
  bool any_reference = false;
  for (const auto& [item, question] : questions) any_reference |= !question.reference.empty();
  if (reference_as_system && any_reference) {
    if (auto existing = systems.find(kReferenceSystem); existing != systems.end()) {
      auto kind = ws_.prepare("SELECT kind FROM study_systems WHERE id = ?");
      kind.addBindValue(qint64(existing->second));
      ws_.exec(kind);
      if (kind.next() && s(kind.value(0)) != "reference")
        throw StoreError("the study has a system named 'reference' that is not the reference answer");
    }
    const int64_t reference = system_id(kReferenceSystem, "reference", "{}");
    for (const auto& [item, question] : questions) {
      if (question.reference.empty()) continue;
      auto has = ws_.prepare("SELECT count(*) FROM study_answers WHERE question_id = ? AND system_id = ?");
      has.addBindValue(qint64(question.id));
      has.addBindValue(qint64(reference));
      ws_.exec(has);
      if (has.next() && has.value(0).toLongLong() == 0)
        insert_answer(question.id, reference, question.reference, "reference of item '" + item + "'");
    }
  }
  if (added.systems > 0) redraw_codes(study_id, study(lead, study_id).order_seed);
  append_audit(ws_, lead.id(), lead.name(), "add-answers", study_id, "study " + std::to_string(study_id),
               QJsonObject{{"questions", added.questions}, {"systems", added.systems}, {"answers", added.answers},
                           {"reference_as_system", reference_as_system}});
  transaction.commit();
  return added;
}

AnswersAdded ReviewStudyRepository::import_answers_jsonl(const ReviewerAccount& lead, int64_t study_id,
                                                         const std::string& path, bool reference_as_system) {
  QFile file(q(path));
  if (!file.open(QIODevice::ReadOnly)) throw StoreError("cannot read " + path + ": " + file.errorString().toStdString());
  std::vector<AnswerInput> answers;
  std::vector<std::string> places;
  int line_number = 0;
  while (!file.atEnd()) {
    const QByteArray line = file.readLine().trimmed();
    ++line_number;
    if (line.isEmpty()) continue;
    const std::string where = path + ":" + std::to_string(line_number);
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
      throw StoreError(where + ": not a JSON object (" + error.errorString().toStdString() + ")");
    const QJsonObject object = document.object();
    auto text = [&](const char* key, bool required) {
      const QJsonValue value = object.value(key);
      if (value.isUndefined() || value.isNull()) {
        if (required) throw StoreError(where + ": \"" + key + "\" is missing");
        return std::string();
      }
      if (value.isDouble()) return QString::number(value.toDouble()).toStdString();  // numeric item ids
      if (!value.isString()) throw StoreError(where + ": \"" + key + "\" is not a string");
      return value.toString().toStdString();
    };
    AnswerInput input{text("item", false), text("question", true), text("system", true), text("answer", true),
                      text("reference", false), text("kind", false), ""};
    if (object.contains("metadata")) {
      if (!object.value("metadata").isObject()) throw StoreError(where + ": \"metadata\" is not a JSON object");
      input.system_metadata_json = io::json::compact(object.value("metadata").toObject());
    }
    answers.push_back(std::move(input));
    places.push_back(where);
  }
  if (answers.empty()) throw StoreError(path + " holds no answers");
  return add_answers_at(lead, study_id, answers, reference_as_system, places);
}

int64_t resolve_study(Workspace& workspace, const std::string& id_or_name) {
  auto query = workspace.prepare("SELECT id FROM studies WHERE name = ? OR CAST(id AS TEXT) = ? ORDER BY name = ? DESC");
  query.addBindValue(q(id_or_name));
  query.addBindValue(q(id_or_name));
  query.addBindValue(q(id_or_name));
  workspace.exec(query);
  if (!query.next()) throw StoreError("no study '" + id_or_name + "' in workspace " + workspace.path());
  return query.value(0).toLongLong();
}

}  // namespace medlora::store
