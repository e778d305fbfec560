#include "core/store/record_rows.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <stdexcept>

#include "core/data/conversation_record.h"
#include "core/io/json_util.h"
#include "core/store/json_columns.h"

namespace medlora::store {

std::string record_content_hash(const data::RecordText& text) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  const char separator = '\x1f';
  hash.addData(QByteArrayView(text.instruction.data(), static_cast<qsizetype>(text.instruction.size())));
  hash.addData(QByteArrayView(&separator, 1));
  hash.addData(QByteArrayView(text.input.data(), static_cast<qsizetype>(text.input.size())));
  hash.addData(QByteArrayView(&separator, 1));
  hash.addData(QByteArrayView(text.output.data(), static_cast<qsizetype>(text.output.size())));
  for (const auto& turn : text.messages) {
    for (const std::string* part : {&turn.role, &turn.content}) {
      hash.addData(QByteArrayView(&separator, 1));
      hash.addData(QByteArrayView(part->data(), static_cast<qsizetype>(part->size())));
    }
  }
  return hash.result().toHex().toStdString();
}

namespace rows {

const char* const kRecordColumns =
    "r.id, r.dataset_id, r.instruction, r.input, r.output, r.category, r.status, r.reviewer, "
    "r.reviewed_at, r.review_note, r.synthetic, r.metadata, r.content_hash, r.flags, r.version, "
    "r.created_at, r.updated_at, r.messages";

namespace {
std::string text_of(const QSqlQuery& query, int column) { return query.value(column).toString().toStdString(); }
}  // namespace

StoredRecord read_record(const QSqlQuery& query) {
  StoredRecord record;
  record.id = query.value(0).toLongLong();
  record.dataset_id = query.value(1).toLongLong();
  record.text.instruction = text_of(query, 2);
  record.text.input = text_of(query, 3);
  record.text.output = text_of(query, 4);
  record.text.category = text_of(query, 5);
  record.status = data::parse_review_status(text_of(query, 6));
  record.reviewer = text_of(query, 7);
  record.reviewed_at = text_of(query, 8);
  record.review_note = text_of(query, 9);
  record.text.synthetic = query.value(10).toInt() != 0;
  record.text.metadata = metadata_from_json(query.value(11).toString());
  record.content_hash = text_of(query, 12);
  record.flags = split_flags(query.value(13).toString());
  record.version = query.value(14).toLongLong();
  record.created_at = text_of(query, 15);
  record.updated_at = text_of(query, 16);
  record.text.messages = messages_from_json(query.value(17).toString(), record.id);
  return record;
}

QString messages_to_json(const tokenizer::Conversation& messages) {
  if (messages.empty()) return QStringLiteral("[]");
  return json_columns::array(data::conversation_to_json(messages), "records.messages");
}

tokenizer::Conversation messages_from_json(const QString& json, int64_t record_id) {
  if (json.isEmpty() || json == QLatin1String("[]")) return {};
  try {
    return data::conversation_from_json(json.toStdString());
  } catch (const std::invalid_argument& e) {
    throw StoreError("record " + std::to_string(record_id) + ": the stored conversation is damaged (" + e.what() +
                     "); edit the record's turns to repair it");
  }
}

QString metadata_to_json(const std::map<std::string, std::string>& metadata) {
  if (metadata.empty()) return QStringLiteral("{}");
  QJsonObject object;
  for (const auto& [key, value] : metadata) object.insert(QString::fromStdString(key), QString::fromStdString(value));
  return io::json::compact_text(object);
}

std::map<std::string, std::string> metadata_from_json(const QString& json) {
  std::map<std::string, std::string> metadata;
  if (json.isEmpty() || json == QLatin1String("{}")) return metadata;
  const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    // Values written by this program are strings; anything else is shown as its JSON text.
    const QJsonValue value = it.value();
    std::string text;
    if (value.isString()) {
      text = value.toString().toStdString();
    } else if (value.isDouble()) {
      text = QString::number(value.toDouble(), 'g', 17).toStdString();
    } else if (value.isBool()) {
      text = value.toBool() ? "true" : "false";
    } else if (value.isArray()) {
      text = io::json::compact(value.toArray());
    } else if (value.isObject()) {
      text = io::json::compact(value.toObject());
    }
    metadata[it.key().toStdString()] = text;
  }
  return metadata;
}

std::vector<std::string> split_flags(const QString& flags) {
  std::vector<std::string> out;
  for (const QString& flag : flags.split(',', Qt::SkipEmptyParts)) out.push_back(flag.toStdString());
  return out;
}

QString join_flags(const std::vector<std::string>& flags) {
  QStringList list;
  for (const std::string& flag : flags) {
    const QString text = QString::fromStdString(flag);
    if (!list.contains(text)) list.append(text);
  }
  return list.join(',');
}

void validate_flag(const std::string& flag) {
  if (flag.empty()) throw std::invalid_argument("a record flag cannot be empty");
  for (char c : flag)
    if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
      throw std::invalid_argument("record flag '" + flag + "' must be one word without commas (e.g. 'near-dup')");
}

bool same_text(const data::RecordText& a, const data::RecordText& b) {
  return a.instruction == b.instruction && a.input == b.input && a.output == b.output && a.category == b.category &&
         a.messages == b.messages;
}

void WhereClause::bind_to(QSqlQuery& query) const {
  for (const QVariant& value : values) query.addBindValue(value);
}

namespace {

QString like_pattern(const QString& term) {
  QString escaped = term;
  escaped.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
  return '%' + escaped + '%';
}

QString fts_phrase(const QString& term) {
  QString quoted = term;
  quoted.replace('"', "\"\"");
  return '"' + quoted + '"';
}

}  // namespace

WhereClause where_clause(int64_t dataset_id, const RecordFilter& filter) {
  WhereClause where;
  where.sql = "r.dataset_id = ?";
  where.values.push_back(static_cast<qlonglong>(dataset_id));

  // Terms of three or more characters are looked up in the trigram index for indexed records
  // and scanned with LIKE for the rest (see search_index.h); shorter ones always scan.
  const char* any_field_like =
      " AND (r.instruction LIKE ? ESCAPE '\\' OR r.input LIKE ? ESCAPE '\\' OR r.output LIKE ? ESCAPE '\\' "
      "OR r.messages LIKE ? ESCAPE '\\')";
  constexpr int kLikeFields = 4;
  QStringList fts_terms;
  QString unindexed_sql;
  std::vector<QVariant> unindexed_values;
  const QStringList terms =
      QString::fromStdString(filter.search).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
  for (const QString& term : terms) {
    const QString pattern = like_pattern(term);
    if (term.toUcs4().size() >= 3) {
      fts_terms.append(fts_phrase(term));
      unindexed_sql += any_field_like;
      for (int i = 0; i < kLikeFields; ++i) unindexed_values.push_back(pattern);
    } else {
      where.sql += any_field_like;
      for (int i = 0; i < kLikeFields; ++i) where.values.push_back(pattern);
    }
  }
  if (!fts_terms.isEmpty()) {
    const char* mark = "(SELECT indexed_through FROM search_index_state)";
    where.sql += QString(" AND ((r.id <= %1 AND r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?))"
                         " OR (r.id > %1%2))")
                     .arg(mark, unindexed_sql);
    where.values.push_back(fts_terms.join(' '));
    where.values.insert(where.values.end(), unindexed_values.begin(), unindexed_values.end());
  }
  if (filter.category) {
    where.sql += " AND r.category = ?";
    where.values.push_back(QString::fromStdString(*filter.category));
  }
  if (filter.status) {
    where.sql += " AND r.status = ?";
    where.values.push_back(QString::fromLatin1(data::review_status_name(*filter.status)));
  }
  const char* length =
      "(length(r.instruction) + length(r.input) + length(r.output) + CASE WHEN r.messages = '[]' THEN 0 ELSE "
      "(SELECT coalesce(sum(length(json_extract(t.value, '$.content'))), 0) FROM json_each(r.messages) t) END)";
  if (filter.min_length > 0) {
    where.sql += QString(" AND %1 >= ?").arg(length);
    where.values.push_back(static_cast<qlonglong>(filter.min_length));
  }
  if (filter.max_length > 0) {
    where.sql += QString(" AND %1 <= ?").arg(length);
    where.values.push_back(static_cast<qlonglong>(filter.max_length));
  }
  if (!filter.flag.empty()) {
    where.sql += " AND instr(',' || r.flags || ',', ',' || ? || ',') > 0";
    where.values.push_back(QString::fromStdString(filter.flag));
  }
  return where;
}

}  // namespace rows
}  // namespace medlora::store
