// The write side of records after import: edits with history, approval, flags, bulk text
// replacement and deletion.
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/data/conversation_record.h"
#include "core/store/dataset_repository.h"
#include "core/store/record_rows.h"
#include "core/store/search_index.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

// A text change about to be written: the stored text it replaces and that text's version.
struct PendingEdit {
  int64_t record_id = 0;
  data::RecordText old_text;
  qlonglong old_version = 0;
  const data::RecordText* new_text = nullptr;
};

// Reused prepared statements for "keep the old version, write the new text".
class TextRewriter {
 public:
  TextRewriter(const Workspace& ws, std::string editor, std::string reason)
      : ws_(ws),
        select_(ws.prepare(
            "SELECT dataset_id, instruction, input, output, category, version, messages FROM records WHERE id = ?")),
        keep_(ws.prepare("INSERT INTO record_versions (record_id, version, instruction, input, output, category, "
                         "edited_by, edited_at, reason, messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        write_(ws.prepare("UPDATE records SET instruction = ?, input = ?, output = ?, category = ?, "
                          "content_hash = ?, version = version + 1, updated_at = ?, messages = ? WHERE id = ?")),
        editor_(QString::fromStdString(editor)),
        reason_(QString::fromStdString(reason)),
        now_(QString::fromStdString(Workspace::now_utc())) {}

  // The edit `text` would make, or nullopt when it changes nothing. `expected_dataset` < 0 skips
  // the dataset check.
  std::optional<PendingEdit> compare(int64_t record_id, const data::RecordText& text, int64_t expected_dataset) {
    select_.bindValue(0, static_cast<qlonglong>(record_id));
    ws_.exec(select_);
    if (!select_.next())
      throw StoreError("workspace " + ws_.path() + ": no record with id " + std::to_string(record_id));
    const int64_t dataset_id = select_.value(0).toLongLong();
    PendingEdit edit;
    edit.record_id = record_id;
    edit.old_text.instruction = select_.value(1).toString().toStdString();
    edit.old_text.input = select_.value(2).toString().toStdString();
    edit.old_text.output = select_.value(3).toString().toStdString();
    edit.old_text.category = select_.value(4).toString().toStdString();
    edit.old_version = select_.value(5).toLongLong();
    edit.old_text.messages = rows::messages_from_json(select_.value(6).toString(), record_id);
    edit.new_text = &text;
    select_.finish();
    if (expected_dataset >= 0 && dataset_id != expected_dataset)
      throw StoreError("workspace " + ws_.path() + ": record " + std::to_string(record_id) +
                       " belongs to dataset " + std::to_string(dataset_id) + ", not " +
                       std::to_string(expected_dataset));
    if (rows::same_text(edit.old_text, text)) return std::nullopt;
    // A conversation stays one, and a valid one: the editor's turns are checked here, once.
    if (edit.old_text.is_conversation() || text.is_conversation()) {
      const std::string why = text.is_conversation() ? data::conversation_problem(text.messages)
                                                     : "a conversation record needs its turns";
      if (!why.empty())
        throw StoreError("record " + std::to_string(record_id) + " was not saved: " + why +
                         " (roles system, user, assistant; fill or remove empty turns)");
    }
    return edit;
  }

  void apply(const PendingEdit& edit) {
    const data::RecordText& old = edit.old_text;
    const data::RecordText& text = *edit.new_text;
    keep_.bindValue(0, static_cast<qlonglong>(edit.record_id));
    keep_.bindValue(1, edit.old_version);
    keep_.bindValue(2, QString::fromStdString(old.instruction));
    keep_.bindValue(3, QString::fromStdString(old.input));
    keep_.bindValue(4, QString::fromStdString(old.output));
    keep_.bindValue(5, QString::fromStdString(old.category));
    keep_.bindValue(6, editor_);
    keep_.bindValue(7, now_);
    keep_.bindValue(8, reason_);
    keep_.bindValue(9, rows::messages_to_json(old.messages));
    ws_.exec(keep_);

    write_.bindValue(0, QString::fromStdString(text.instruction));
    write_.bindValue(1, QString::fromStdString(text.input));
    write_.bindValue(2, QString::fromStdString(text.output));
    write_.bindValue(3, QString::fromStdString(text.category));
    write_.bindValue(4, QString::fromStdString(record_content_hash(text)));
    write_.bindValue(5, now_);
    write_.bindValue(6, rows::messages_to_json(text.messages));
    write_.bindValue(7, static_cast<qlonglong>(edit.record_id));
    ws_.exec(write_);
  }

 private:
  const Workspace& ws_;
  QSqlQuery select_;
  QSqlQuery keep_;
  QSqlQuery write_;
  QString editor_;
  QString reason_;
  QString now_;
};

// Re-tokenising thousands of indexed records costs more than indexing them afresh later.
void reset_search_index_if_many(Workspace& ws, int64_t indexed_records_touched) {
  if (indexed_records_touched > SearchIndex::kResetThreshold) SearchIndex(ws).reset();
}

int64_t count_at_most(const std::vector<int64_t>& ids, int64_t bound) {
  return std::count_if(ids.begin(), ids.end(), [bound](int64_t id) { return id <= bound; });
}

StoreError as_store_error(const Workspace& ws, const std::invalid_argument& e) {
  return StoreError("workspace " + ws.path() + ": " + e.what());
}

// Runs `sql` once per record in one transaction and returns the rows it changed. Its positional
// placeholders are the flag `flag_placeholders` times, then the record id: QSQLITE binds plain
// `?` by position (numbered `?1` placeholders bound nothing when reused).
int64_t update_flag_of_records(Workspace& ws, const std::string& flag, const std::vector<int64_t>& record_ids,
                               const char* sql, int flag_placeholders) {
  try {
    rows::validate_flag(flag);
  } catch (const std::invalid_argument& e) {
    throw as_store_error(ws, e);
  }
  Transaction transaction(ws);
  int64_t changed = 0;
  {
    QSqlQuery query = ws.prepare(sql);
    const QString flag_text = QString::fromStdString(flag);
    for (int64_t id : record_ids) {
      for (int i = 0; i < flag_placeholders; ++i) query.bindValue(i, flag_text);
      query.bindValue(flag_placeholders, static_cast<qlonglong>(id));
      ws.exec(query);
      changed += query.numRowsAffected();
    }
  }
  transaction.commit();
  return changed;
}

}  // namespace

bool DatasetRepository::update_record(int64_t record_id, const data::RecordText& text, const std::string& editor,
                                      const std::string& reason) {
  Transaction transaction(ws_);
  bool changed = false;
  {
    TextRewriter rewriter(ws_, editor, reason);
    if (const auto edit = rewriter.compare(record_id, text, -1)) {
      rewriter.apply(*edit);
      changed = true;
    }
  }
  transaction.commit();
  return changed;
}

std::vector<RecordVersion> DatasetRepository::history(int64_t record_id) const {
  QSqlQuery query = ws_.prepare(
      "SELECT version, instruction, input, output, category, edited_by, edited_at, reason, messages "
      "FROM record_versions WHERE record_id = ? ORDER BY version");
  query.addBindValue(static_cast<qlonglong>(record_id));
  ws_.exec(query);
  std::vector<RecordVersion> versions;
  while (query.next()) {
    RecordVersion version;
    version.version = query.value(0).toLongLong();
    version.instruction = query.value(1).toString().toStdString();
    version.input = query.value(2).toString().toStdString();
    version.output = query.value(3).toString().toStdString();
    version.category = query.value(4).toString().toStdString();
    version.edited_by = query.value(5).toString().toStdString();
    version.edited_at = query.value(6).toString().toStdString();
    version.reason = query.value(7).toString().toStdString();
    version.messages = rows::messages_from_json(query.value(8).toString(), record_id);
    versions.push_back(std::move(version));
  }
  return versions;
}

int64_t DatasetRepository::set_status(const std::vector<int64_t>& record_ids, data::ReviewStatus status,
                                      const std::string& reviewer, const std::string& note) {
  Transaction transaction(ws_);
  int64_t updated = 0;
  {
    QSqlQuery query = ws_.prepare(
        "UPDATE records SET status = ?, reviewer = ?, reviewed_at = ?, review_note = ?, updated_at = ? "
        "WHERE id = ?");
    const QString now = QString::fromStdString(Workspace::now_utc());
    const QString status_name = QString::fromLatin1(data::review_status_name(status));
    const QString reviewer_text = QString::fromStdString(reviewer);
    const QString note_text = QString::fromStdString(note);
    for (int64_t id : record_ids) {
      query.bindValue(0, status_name);
      query.bindValue(1, reviewer_text);
      query.bindValue(2, now);
      query.bindValue(3, note_text);
      query.bindValue(4, now);
      query.bindValue(5, static_cast<qlonglong>(id));
      ws_.exec(query);
      updated += query.numRowsAffected();
    }
  }
  transaction.commit();
  return updated;
}

void DatasetRepository::set_flags(int64_t record_id, const std::vector<std::string>& flags) {
  try {
    for (const std::string& flag : flags) rows::validate_flag(flag);
  } catch (const std::invalid_argument& e) {
    throw as_store_error(ws_, e);
  }
  QSqlQuery query = ws_.prepare("UPDATE records SET flags = ?, updated_at = ? WHERE id = ?");
  query.addBindValue(rows::join_flags(flags));
  query.addBindValue(QString::fromStdString(Workspace::now_utc()));
  query.addBindValue(static_cast<qlonglong>(record_id));
  ws_.exec(query);
  if (query.numRowsAffected() == 0)
    throw StoreError("workspace " + ws_.path() + ": no record with id " + std::to_string(record_id));
}

int64_t DatasetRepository::add_flag(const std::vector<int64_t>& record_ids, const std::string& flag) {
  return update_flag_of_records(
      ws_, flag, record_ids,
      "UPDATE records SET flags = CASE WHEN flags = '' THEN ? ELSE flags || ',' || ? END "
      "WHERE instr(',' || flags || ',', ',' || ? || ',') = 0 AND id = ?",
      3);
}

int64_t DatasetRepository::remove_flag(const std::vector<int64_t>& record_ids, const std::string& flag) {
  // Flags never repeat within a record, so one replace of ",flag," removes it.
  return update_flag_of_records(
      ws_, flag, record_ids,
      "UPDATE records SET flags = trim(replace(',' || flags || ',', ',' || ? || ',', ','), ',') "
      "WHERE instr(',' || flags || ',', ',' || ? || ',') > 0 AND id = ?",
      2);
}

int64_t DatasetRepository::replace_all_texts(int64_t dataset_id,
                                             const std::vector<std::pair<int64_t, data::RecordText>>& texts,
                                             const std::string& editor, const std::string& reason) {
  Transaction transaction(ws_);
  int64_t changed = 0;
  {
    TextRewriter rewriter(ws_, editor, reason);
    std::vector<PendingEdit> edits;
    for (const auto& [id, text] : texts)
      if (auto edit = rewriter.compare(id, text, dataset_id)) edits.push_back(std::move(*edit));
    std::vector<int64_t> ids;
    for (const PendingEdit& edit : edits) ids.push_back(edit.record_id);
    reset_search_index_if_many(ws_, count_at_most(ids, SearchIndex(ws_).indexed_through()));
    for (const PendingEdit& edit : edits) rewriter.apply(edit);
    changed = static_cast<int64_t>(edits.size());
  }
  transaction.commit();
  return changed;
}

int64_t DatasetRepository::delete_records(int64_t dataset_id, const std::vector<int64_t>& record_ids,
                                          const std::string& operation_kind, const std::string& parameters_json) {
  Transaction transaction(ws_);
  int64_t deleted = 0;
  reset_search_index_if_many(ws_, count_at_most(record_ids, SearchIndex(ws_).indexed_through()));
  {
    QSqlQuery query = ws_.prepare("DELETE FROM records WHERE id = ? AND dataset_id = ?");
    for (int64_t id : record_ids) {
      query.bindValue(0, static_cast<qlonglong>(id));
      query.bindValue(1, static_cast<qlonglong>(dataset_id));
      ws_.exec(query);
      deleted += query.numRowsAffected();
    }
  }
  log_operation(dataset_id, operation_kind, parameters_json, "{\"deleted\":" + std::to_string(deleted) + "}");
  transaction.commit();
  return deleted;
}

}  // namespace medlora::store
