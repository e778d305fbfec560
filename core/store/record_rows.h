#pragma once
// Internal to core/store: how a record travels between C++ values and the records table
// (column list, metadata JSON, comma-separated flags) and how a RecordFilter becomes SQL.
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/store/record_types.h"

namespace medlora::store::rows {

// The columns read_record() expects, in order, qualified with the alias "r".
extern const char* const kRecordColumns;

StoredRecord read_record(const QSqlQuery& query);

QString metadata_to_json(const std::map<std::string, std::string>& metadata);
std::map<std::string, std::string> metadata_from_json(const QString& json);

// The messages column: "[]" for an instruction record, else conversation_to_json(); checked
// with json_columns before it is written.
QString messages_to_json(const tokenizer::Conversation& messages);
// Throws StoreError naming the record when the column does not hold a conversation.
tokenizer::Conversation messages_from_json(const QString& json, int64_t record_id);

std::vector<std::string> split_flags(const QString& flags);
QString join_flags(const std::vector<std::string>& flags);
// Throws std::invalid_argument for an empty flag or one containing a comma or whitespace.
void validate_flag(const std::string& flag);

// instruction + input + output + messages + category equal (what an edit changes).
bool same_text(const data::RecordText& a, const data::RecordText& b);

// A WHERE clause ("r.dataset_id = ? AND ...") and the values for its placeholders, in order.
struct WhereClause {
  QString sql;
  std::vector<QVariant> values;
  void bind_to(QSqlQuery& query) const;
};
WhereClause where_clause(int64_t dataset_id, const RecordFilter& filter);

}  // namespace medlora::store::rows
