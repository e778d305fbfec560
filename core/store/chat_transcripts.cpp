#include "core/store/chat_transcripts.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/store/json_columns.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

void check_role(const std::string& role) {
  if (role != "system" && role != "user" && role != "assistant") {
    throw StoreError("a chat message's role must be system, user or assistant, not '" + role + "'");
  }
}

const char* const kSummaryColumns =
    "SELECT c.id, c.title, c.created_at, c.updated_at, "
    "(SELECT count(*) FROM chat_messages m WHERE m.chat_id = c.id), c.model, c.settings FROM chats c ";

ChatSummary summary_from(const QSqlQuery& row) {
  ChatSummary summary;
  summary.id = row.value(0).toLongLong();
  summary.title = s(row.value(1));
  summary.created_at = s(row.value(2));
  summary.updated_at = s(row.value(3));
  if (summary.updated_at.empty()) summary.updated_at = summary.created_at;  // chats from schema 1
  summary.message_count = row.value(4).toLongLong();
  return summary;
}

}  // namespace

void ChatTranscripts::touch(int64_t chat_id, const std::string& at) {
  QSqlQuery update = ws_.prepare("UPDATE chats SET updated_at = ? WHERE id = ?");
  update.addBindValue(q(at));
  update.addBindValue(static_cast<qlonglong>(chat_id));
  ws_.exec(update);
  if (update.numRowsAffected() == 0) throw StoreError("no chat with id " + std::to_string(chat_id) + " in " + ws_.path());
}

int64_t ChatTranscripts::create_chat(const std::string& title, const std::string& model_json,
                                     const std::string& settings_json) {
  const QString model = json_columns::object(model_json, "a chat's model configuration");
  const QString settings = json_columns::object(settings_json, "a chat's generation settings");
  const std::string now = Workspace::now_utc();
  QSqlQuery insert = ws_.prepare(
      "INSERT INTO chats (title, created_at, updated_at, model, settings) VALUES (?, ?, ?, ?, ?)");
  insert.addBindValue(q(title));
  insert.addBindValue(q(now));
  insert.addBindValue(q(now));
  insert.addBindValue(model);
  insert.addBindValue(settings);
  ws_.exec(insert);
  return insert.lastInsertId().toLongLong();
}

int64_t ChatTranscripts::append_message(int64_t chat_id, const std::string& role, const std::string& content,
                                        const std::string& metadata_json) {
  check_role(role);
  const QString metadata = json_columns::object(metadata_json, "a chat message's metadata");
  Transaction transaction(ws_);
  const std::string now = Workspace::now_utc();
  touch(chat_id, now);  // also checks that the chat exists
  QSqlQuery insert = ws_.prepare(
      "INSERT INTO chat_messages (chat_id, seq, role, content, at, metadata) "
      "VALUES (?, (SELECT coalesce(max(seq) + 1, 0) FROM chat_messages WHERE chat_id = ?), ?, ?, ?, ?)");
  insert.addBindValue(static_cast<qlonglong>(chat_id));
  insert.addBindValue(static_cast<qlonglong>(chat_id));
  insert.addBindValue(q(role));
  insert.addBindValue(q(content));
  insert.addBindValue(q(now));
  insert.addBindValue(metadata);
  ws_.exec(insert);
  const int64_t id = insert.lastInsertId().toLongLong();
  transaction.commit();
  return id;
}

void ChatTranscripts::update_message(int64_t message_id, const std::string& content, const std::string& metadata_json) {
  const QString metadata = json_columns::object(metadata_json, "a chat message's metadata");
  Transaction transaction(ws_);
  QSqlQuery update = ws_.prepare("UPDATE chat_messages SET content = ?, metadata = ? WHERE id = ?");
  update.addBindValue(q(content));
  update.addBindValue(metadata);
  update.addBindValue(static_cast<qlonglong>(message_id));
  ws_.exec(update);
  if (update.numRowsAffected() == 0) {
    throw StoreError("no chat message with id " + std::to_string(message_id) + " in " + ws_.path());
  }
  QSqlQuery chat = ws_.prepare("SELECT chat_id FROM chat_messages WHERE id = ?");
  chat.addBindValue(static_cast<qlonglong>(message_id));
  ws_.exec(chat);
  chat.next();
  touch(chat.value(0).toLongLong(), Workspace::now_utc());
  transaction.commit();
}

int64_t ChatTranscripts::truncate(int64_t chat_id, int64_t from_seq) {
  Transaction transaction(ws_);
  QSqlQuery remove = ws_.prepare("DELETE FROM chat_messages WHERE chat_id = ? AND seq >= ?");
  remove.addBindValue(static_cast<qlonglong>(chat_id));
  remove.addBindValue(static_cast<qlonglong>(from_seq));
  ws_.exec(remove);
  const int64_t removed = remove.numRowsAffected();
  if (removed > 0) touch(chat_id, Workspace::now_utc());
  transaction.commit();
  return removed;
}

std::vector<ChatSummary> ChatTranscripts::list_chats() const {
  QSqlQuery query = ws_.prepare(QString(kSummaryColumns) + "ORDER BY c.created_at DESC, c.id DESC");
  ws_.exec(query);
  std::vector<ChatSummary> chats;
  while (query.next()) chats.push_back(summary_from(query));
  return chats;
}

std::optional<Chat> ChatTranscripts::load(int64_t chat_id) const {
  QSqlQuery head = ws_.prepare(QString(kSummaryColumns) + "WHERE c.id = ?");
  head.addBindValue(static_cast<qlonglong>(chat_id));
  ws_.exec(head);
  if (!head.next()) return std::nullopt;
  Chat chat;
  chat.summary = summary_from(head);
  chat.model_json = s(head.value(5));
  chat.settings_json = s(head.value(6));
  QSqlQuery messages = ws_.prepare(
      "SELECT id, seq, role, content, metadata, at FROM chat_messages WHERE chat_id = ? ORDER BY seq");
  messages.addBindValue(static_cast<qlonglong>(chat_id));
  ws_.exec(messages);
  while (messages.next()) {
    chat.messages.push_back({messages.value(0).toLongLong(), messages.value(1).toLongLong(), s(messages.value(2)),
                             s(messages.value(3)), s(messages.value(4)), s(messages.value(5))});
  }
  return chat;
}

void ChatTranscripts::set_column(int64_t chat_id, const char* column, const QString& value) {
  Transaction transaction(ws_);
  QSqlQuery update = ws_.prepare(QString("UPDATE chats SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
  update.addBindValue(value);
  update.addBindValue(static_cast<qlonglong>(chat_id));
  ws_.exec(update);
  touch(chat_id, Workspace::now_utc());
  transaction.commit();
}

void ChatTranscripts::rename(int64_t chat_id, const std::string& title) { set_column(chat_id, "title", q(title)); }

void ChatTranscripts::set_model(int64_t chat_id, const std::string& model_json) {
  set_column(chat_id, "model", json_columns::object(model_json, "a chat's model configuration"));
}

void ChatTranscripts::set_settings(int64_t chat_id, const std::string& settings_json) {
  set_column(chat_id, "settings", json_columns::object(settings_json, "a chat's generation settings"));
}

bool ChatTranscripts::remove(int64_t chat_id) {
  Transaction transaction(ws_);
  QSqlQuery remove = ws_.prepare("DELETE FROM chats WHERE id = ?");
  remove.addBindValue(static_cast<qlonglong>(chat_id));
  ws_.exec(remove);  // messages cascade
  const bool removed = remove.numRowsAffected() > 0;
  transaction.commit();
  return removed;
}

}  // namespace medlora::store
