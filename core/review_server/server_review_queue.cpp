#include "core/review_server/server_review_queue.h"

#include <QVariant>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "core/store/score_draft_json.h"

namespace medlora::review_server {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

}  // namespace

template <class Body>
auto ServerReviewQueue::online(Body&& body) const {
  const auto deadline = std::chrono::steady_clock::now() + patience_;
  std::chrono::milliseconds pause{1000};
  for (;;) {
    try {
      if (!state_.online) {
        if (reconnect_in_retry_only_ && !retrying_)
          throw ServerError(state_.last_error.empty() ? "offline" : state_.last_error, /*connection_lost=*/true);
        connection_.reconnect();
      }
      state_.online = true;
      state_.last_error.clear();
      send_outbox();
      return body();
    } catch (const ServerError& e) {
      if (!e.connection_lost()) throw;
      state_.online = false;
      state_.last_error = e.what();
      const auto now = std::chrono::steady_clock::now();
      if (now >= deadline) throw;
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
      pause = std::min(pause * 2, std::chrono::milliseconds(8000));
    }
  }
}

ServerReviewQueue::ServerReviewQueue(ServerConnection& connection, const std::string& study_name, Outbox outbox,
                                     std::chrono::milliseconds patience)
    : connection_(connection), outbox_(std::move(outbox)), patience_(patience) {
  state_.unsent = static_cast<int>(outbox_.entries().size());
  study_id_ = online([&] {
    auto query = connection_.prepare(
        "SELECT st.id FROM studies st WHERE st.name = ? AND EXISTS "
        "(SELECT 1 FROM assignments a WHERE a.study_id = st.id AND a.reviewer = current_user)");
    query.addBindValue(q(study_name));
    connection_.exec(query);
    if (!query.next())
      throw ServerError("you have no assignments in a study named " + study_name + " on " +
                            connection_.address().label(),
                        false);
    return query.value(0).toLongLong();
  });
}

std::vector<store::ReviewerStudy> ServerReviewQueue::studies_of(ServerConnection& connection) {
  auto query = connection.prepare(R"(
      SELECT st.id, st.name, st.status, count(*), count(*) FILTER (WHERE a.status IN ('submitted', 'skipped'))
      FROM assignments a JOIN studies st ON st.id = a.study_id
      WHERE a.reviewer = current_user GROUP BY st.id ORDER BY st.status = 'closed', st.id)");
  connection.exec(query);
  std::vector<store::ReviewerStudy> studies;
  while (query.next())
    studies.push_back({query.value(0).toLongLong(), s(query.value(1)), s(query.value(2)) == "open",
                       query.value(3).toInt(), query.value(4).toInt()});
  return studies;
}

QueueConnectionState ServerReviewQueue::state() const {
  QueueConnectionState state = state_;
  state.unsent = static_cast<int>(outbox_.entries().size());
  return state;
}

bool ServerReviewQueue::retry() {
  retrying_ = true;
  try {
    online([] { return 0; });
  } catch (const ServerError& e) {
    retrying_ = false;
    if (!e.connection_lost()) throw;
    return outbox_.empty();
  }
  retrying_ = false;
  return outbox_.empty();
}

void ServerReviewQueue::send_outbox() const {
  // A copy: send() may remove entries as it goes.
  const std::vector<OutboxEntry> entries = outbox_.entries();
  for (const auto& entry : entries) {
    try {
      acknowledged_[entry.id] = send(entry);
      outbox_.remove(entry.id);
    } catch (const ServerError& e) {
      if (e.connection_lost()) throw;
      // Refused for good (a rule of the database): retrying cannot help. A stale draft just goes.
      outbox_.remove(entry.id);
      if (entry.kind == OutboxEntry::Kind::kDraft && entry.id != writing_) continue;
      throw ServerError(e.what(), false, e.sqlstate());
    }
  }
}

int ServerReviewQueue::send(const OutboxEntry& entry) const {
  const store::ScoreEntry& scores = entry.scores;
  switch (entry.kind) {
    case OutboxEntry::Kind::kDraft: {
      auto save = connection_.prepare(
          "INSERT INTO drafts (assignment_id, draft) VALUES (?, ?) "
          "ON CONFLICT (assignment_id) DO UPDATE SET draft = EXCLUDED.draft");
      save.addBindValue(qint64(entry.assignment_id));
      save.addBindValue(store::draft_to_json(scores));
      connection_.exec(save);
      return 0;
    }
    case OutboxEntry::Kind::kSubmit:
    case OutboxEntry::Kind::kRevise: {
      // The trigger numbers the revision; a second copy of the same id is kept out by the
      // unique submission_id, and the revision of the first is read back.
      auto insert = connection_.prepare(R"(
          INSERT INTO scores (submission_id, assignment_id, revision, accuracy, safety, completeness, readability,
                              harmful, severity, comment, reason)
          VALUES (CAST(? AS uuid), ?, 1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING)");
      insert.addBindValue(q(entry.id));
      insert.addBindValue(qint64(entry.assignment_id));
      for (size_t i = 0; i < store::kReviewAxes.size(); ++i) insert.addBindValue(scores.axis(i).value_or(0));
      insert.addBindValue(scores.harmful);
      insert.addBindValue(scores.severity);
      insert.addBindValue(q(scores.comment));
      insert.addBindValue(q(entry.reason));
      connection_.exec(insert);
      auto stored = connection_.prepare("SELECT revision FROM scores WHERE submission_id = CAST(? AS uuid)");
      stored.addBindValue(q(entry.id));
      return connection_.scalar(stored).toInt();
    }
    case OutboxEntry::Kind::kSkip: {
      auto insert = connection_.prepare(
          "INSERT INTO skips (submission_id, assignment_id, reason) VALUES (CAST(? AS uuid), ?, ?) "
          "ON CONFLICT (submission_id) DO NOTHING");
      insert.addBindValue(q(entry.id));
      insert.addBindValue(qint64(entry.assignment_id));
      insert.addBindValue(q(entry.reason));
      connection_.exec(insert);
      return 0;
    }
  }
  return 0;
}

int ServerReviewQueue::write(OutboxEntry::Kind kind, int64_t assignment_id, const store::ScoreEntry& scores,
                             const std::string& reason) {
  const OutboxEntry entry = outbox_.add(kind, assignment_id, scores, reason);
  writing_ = entry.id;
  try {
    online([] { return 0; });
  } catch (const ServerError& e) {
    writing_.clear();
    if (!e.connection_lost()) throw;
    return 0;  // waits in the outbox
  }
  writing_.clear();
  const auto ack = acknowledged_.find(entry.id);
  const int revision = ack == acknowledged_.end() ? 0 : ack->second;
  acknowledged_.clear();
  return revision;
}

bool ServerReviewQueue::study_open() const {
  return online([&] {
    auto query = connection_.prepare("SELECT status FROM studies WHERE id = ?");
    query.addBindValue(qint64(study_id_));
    return s(connection_.scalar(query)) == "open";
  });
}

std::vector<store::QueueEntry> ServerReviewQueue::queue() const {
  return online([&] {
    auto query = connection_.prepare(
        "SELECT id, position, status FROM assignments WHERE study_id = ? AND reviewer = current_user ORDER BY position");
    query.addBindValue(qint64(study_id_));
    connection_.exec(query);
    std::vector<store::QueueEntry> entries;
    while (query.next())
      entries.push_back({query.value(0).toLongLong(), query.value(1).toInt(), s(query.value(2))});
    return entries;
  });
}

std::optional<int64_t> ServerReviewQueue::next_unscored() const {
  return online([&]() -> std::optional<int64_t> {
    auto query = connection_.prepare(
        "SELECT id FROM assignments WHERE study_id = ? AND reviewer = current_user AND status IN ('pending', 'draft') "
        "ORDER BY position LIMIT 1");
    query.addBindValue(qint64(study_id_));
    connection_.exec(query);
    if (!query.next()) return std::nullopt;
    return query.value(0).toLongLong();
  });
}

std::optional<store::ScreenItem> ServerReviewQueue::load(int64_t assignment_id) const {
  return online([&]() -> std::optional<store::ScreenItem> {
    auto query = connection_.prepare(R"(
        SELECT a.position, a.status, a.skip_reason, qu.question, an.text,
               (SELECT count(*) FROM assignments WHERE study_id = a.study_id AND reviewer = current_user)
        FROM assignments a JOIN answers an ON an.id = a.answer_id JOIN questions qu ON qu.id = an.question_id
        WHERE a.id = ? AND a.study_id = ? AND a.reviewer = current_user)");
    query.addBindValue(qint64(assignment_id));
    query.addBindValue(qint64(study_id_));
    connection_.exec(query);
    if (!query.next()) return std::nullopt;
    store::ScreenItem item;
    item.assignment_id = assignment_id;
    item.position = query.value(0).toInt();
    item.status = s(query.value(1));
    item.skip_reason = s(query.value(2));
    item.question = s(query.value(3));
    item.answer = s(query.value(4));
    item.total = query.value(5).toInt();

    auto draft = connection_.prepare("SELECT draft FROM drafts WHERE assignment_id = ? AND reviewer = current_user");
    draft.addBindValue(qint64(assignment_id));
    connection_.exec(draft);
    if (draft.next()) item.draft = store::draft_from_json(draft.value(0).toString());

    auto latest = connection_.prepare(
        "SELECT accuracy, safety, completeness, readability, harmful, severity, comment, revision, reason, " +
        ServerConnection::utc_text("submitted_at") +
        " FROM scores WHERE assignment_id = ? AND reviewer = current_user ORDER BY revision DESC LIMIT 1");
    latest.addBindValue(qint64(assignment_id));
    connection_.exec(latest);
    if (latest.next()) {
      store::SubmittedScore score;
      for (int i = 0; i < 4; ++i) score.scores.axis(static_cast<size_t>(i)) = latest.value(i).toInt();
      score.scores.harmful = latest.value(4).toBool();
      score.scores.severity = latest.value(5).toInt();
      score.scores.comment = s(latest.value(6));
      score.revision = latest.value(7).toInt();
      score.reason = s(latest.value(8));
      score.submitted_at = s(latest.value(9));
      item.latest = std::move(score);
    }
    return item;
  });
}

store::QueueProgress ServerReviewQueue::progress() const {
  return online([&] {
    auto query = connection_.prepare(R"(
        SELECT count(*), count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'draft'),
               count(*) FILTER (WHERE status = 'submitted'), count(*) FILTER (WHERE status = 'skipped')
        FROM assignments WHERE study_id = ? AND reviewer = current_user)");
    query.addBindValue(qint64(study_id_));
    connection_.exec(query);
    query.next();
    return store::QueueProgress{query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt(),
                                query.value(3).toInt(), query.value(4).toInt()};
  });
}

void ServerReviewQueue::save_draft(int64_t assignment_id, const store::ScoreEntry& draft) {
  store::validate_scores(draft, /*draft=*/true);
  write(OutboxEntry::Kind::kDraft, assignment_id, draft, "");
}

int ServerReviewQueue::submit(int64_t assignment_id, const store::ScoreEntry& scores) {
  store::validate_scores(scores);
  return write(OutboxEntry::Kind::kSubmit, assignment_id, scores, "");
}

int ServerReviewQueue::revise(int64_t assignment_id, const store::ScoreEntry& scores, const std::string& reason) {
  store::validate_scores(scores);
  store::require_reason(reason, "a revision needs a reason");
  return write(OutboxEntry::Kind::kRevise, assignment_id, scores, reason);
}

void ServerReviewQueue::skip(int64_t assignment_id, const std::string& reason) {
  store::require_reason(reason, "skipping an answer needs a reason");
  write(OutboxEntry::Kind::kSkip, assignment_id, {}, reason);
}

}  // namespace medlora::review_server
