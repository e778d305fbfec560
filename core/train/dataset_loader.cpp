#include "core/train/dataset_loader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <random>

#include "core/data/conversation_record.h"
#include "core/data/json_record_parser.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace {

QByteArray read_all(const std::filesystem::path& file) {
  QFile f(QString::fromStdString(file.string()));
  if (!f.open(QIODevice::ReadOnly))
    throw TrainingError("cannot read the data file " + file.string() + ": " + f.errorString().toStdString());
  return f.readAll();
}

std::string where(const std::filesystem::path& file, int64_t line) { return file.string() + ":" + std::to_string(line); }

// A conversation record, read by core/data's rules (the importer's) so that both agree on what
// a conversation is.
TrainingRecord make_conversation_record(const QJsonObject& o, const std::filesystem::path& file, int64_t line) {
  for (const char* key : {"output", "answer"})
    if (o.contains(key))
      throw TrainingError(where(file, line) + ": record has both a conversation and \"" + key +
                          "\"; a record is either instruction/input/output or messages");
  const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
  TrainingRecord r;
  r.line = line;
  const std::string why = data::read_conversation(data::parse_json_record(std::string_view(json.constData(), static_cast<size_t>(json.size()))), r.messages);
  if (!why.empty()) throw TrainingError(where(file, line) + ": " + why);
  return r;
}

// Maps one object (JSON or a CSV row) to a record.
TrainingRecord make_record(const QJsonObject& o, const std::filesystem::path& file, int64_t line) {
  if (o.contains("messages") || o.contains("conversations")) return make_conversation_record(o, file, line);
  auto text = [&](const char* key, bool& present) -> std::string {
    present = o.contains(key) && !o.value(key).isNull();
    if (!present) return {};
    const auto v = o.value(key);
    if (v.isString()) return v.toString().toStdString();
    if (v.isDouble()) return QString::number(v.toDouble()).toStdString();
    throw TrainingError(where(file, line) + ": field \"" + key + "\" must be text");
  };
  TrainingRecord r;
  r.line = line;
  bool has_instruction, has_input, has_output, has_question, has_answer;
  r.instruction = text("instruction", has_instruction);
  r.input = text("input", has_input);
  r.output = text("output", has_output);
  const auto question = text("question", has_question);
  const auto answer = text("answer", has_answer);
  if (!has_input && has_question) r.input = question;
  if (!has_output && has_answer) r.output = answer;
  if (!has_output && !has_answer)
    throw TrainingError(where(file, line) +
                        ": record has no \"output\" (or \"answer\") field; each record needs instruction/input/output "
                        "or question/answer");
  if (r.output.empty()) throw TrainingError(where(file, line) + ": the output (answer) is empty");
  if (r.input.empty() && r.instruction.empty())
    throw TrainingError(where(file, line) + ": record has neither \"input\"/\"question\" nor \"instruction\" text");
  return r;
}

int64_t line_of_offset(const QByteArray& bytes, qsizetype offset) { return 1 + bytes.left(offset).count('\n'); }

std::vector<TrainingRecord> parse_json_array(const QByteArray& bytes, const std::filesystem::path& file) {
  QJsonParseError error;
  const auto doc = QJsonDocument::fromJson(bytes, &error);
  if (error.error != QJsonParseError::NoError)
    throw TrainingError(where(file, line_of_offset(bytes, error.offset)) + ": invalid JSON: " + error.errorString().toStdString());
  if (!doc.isArray()) throw TrainingError(file.string() + ": a .json data file must hold an array of records");
  // QJsonDocument does not keep positions: find each top-level object's line by scanning.
  std::vector<int64_t> starts;
  int depth = 0;
  bool in_string = false, escape = false;
  int64_t line = 1;
  for (char ch : bytes) {
    if (ch == '\n') ++line;
    if (in_string) {
      if (escape) escape = false;
      else if (ch == '\\') escape = true;
      else if (ch == '"') in_string = false;
      continue;
    }
    if (ch == '"') in_string = true;
    else if (ch == '[' || ch == '{') {
      if (ch == '{' && depth == 1) starts.push_back(line);
      ++depth;
    } else if (ch == ']' || ch == '}') --depth;
  }
  std::vector<TrainingRecord> out;
  const auto array = doc.array();
  for (qsizetype i = 0; i < array.size(); ++i) {
    const int64_t at = i < static_cast<qsizetype>(starts.size()) ? starts[i] : 0;
    if (!array[i].isObject()) throw TrainingError(where(file, at) + ": record " + std::to_string(i + 1) + " is not an object");
    out.push_back(make_record(array[i].toObject(), file, at));
  }
  return out;
}

std::vector<TrainingRecord> parse_jsonl(const QByteArray& bytes, const std::filesystem::path& file) {
  std::vector<TrainingRecord> out;
  const auto lines = bytes.split('\n');
  for (qsizetype i = 0; i < lines.size(); ++i) {
    const auto line = lines[i].trimmed();
    if (line.isEmpty()) continue;
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
      throw TrainingError(where(file, i + 1) + ": invalid JSON: " + error.errorString().toStdString() +
                          " (each line must be one JSON object)");
    if (!doc.isObject()) throw TrainingError(where(file, i + 1) + ": each line must be one JSON object");
    out.push_back(make_record(doc.object(), file, i + 1));
  }
  return out;
}

// RFC 4180: fields may be quoted, quotes doubled inside; quoted fields may span lines.
std::vector<TrainingRecord> parse_csv(const QByteArray& bytes, const std::filesystem::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::vector<int64_t> row_lines;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_was_quoted = false;
  int64_t line = 1, row_start = 1;
  auto end_field = [&] {
    row.push_back(field);
    field.clear();
    field_was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    if (!(row.size() == 1 && row[0].empty())) {
      rows.push_back(row);
      row_lines.push_back(row_start);
    }
    row.clear();
  };
  for (qsizetype i = 0; i < bytes.size(); ++i) {
    const char ch = bytes[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"') {
      if (!field.empty() || field_was_quoted)
        throw TrainingError(where(file, line) + ": stray quote inside an unquoted CSV field");
      quoted = field_was_quoted = true;
    } else if (ch == ',') {
      end_field();
    } else if (ch == '\n') {
      end_row();
      ++line;
      row_start = line;
    } else if (ch != '\r') {
      field += ch;
    }
  }
  if (quoted) throw TrainingError(where(file, row_start) + ": a quoted CSV field is never closed");
  if (!field.empty() || !row.empty()) end_row();
  if (rows.empty()) throw TrainingError(file.string() + ": the CSV file is empty (a header row is required)");
  const auto header = rows[0];
  std::vector<TrainingRecord> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size())
      throw TrainingError(where(file, row_lines[r]) + ": row has " + std::to_string(rows[r].size()) + " fields, the header has " +
                          std::to_string(header.size()));
    QJsonObject o;
    for (size_t c = 0; c < header.size(); ++c) {
      auto key = QString::fromStdString(header[c]).trimmed();
      if (key.startsWith(QChar(0xFEFF))) key = key.mid(1);
      o[key] = QString::fromStdString(rows[r][c]);
    }
    out.push_back(make_record(o, file, row_lines[r]));
  }
  return out;
}

std::string lower_extension(const std::filesystem::path& file) {
  auto ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

std::vector<TrainingRecord> load_training_records(const std::filesystem::path& file) {
  const auto bytes = read_all(file);
  const auto ext = lower_extension(file);
  std::vector<TrainingRecord> records;
  if (ext == ".csv") {
    records = parse_csv(bytes, file);
  } else if (ext == ".jsonl" || ext == ".ndjson") {
    records = parse_jsonl(bytes, file);
  } else if (ext == ".json") {
    const auto first = bytes.trimmed();
    records = (!first.isEmpty() && first[0] == '[') ? parse_json_array(bytes, file) : parse_jsonl(bytes, file);
  } else {
    throw TrainingError(file.string() + ": unknown data file type \"" + ext + "\" (use .json, .jsonl or .csv)");
  }
  if (records.empty()) throw TrainingError(file.string() + ": holds no records");
  return records;
}

std::vector<std::string> load_text_corpus(const std::filesystem::path& file) {
  const auto bytes = read_all(file);
  std::vector<std::string> documents;
  std::string current;
  for (const auto& raw : bytes.split('\n')) {
    const auto line = raw.endsWith('\r') ? raw.chopped(1) : raw;
    if (line.trimmed().isEmpty()) {
      if (!current.empty()) documents.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current += '\n';
    current += line.toStdString();
  }
  if (!current.empty()) documents.push_back(std::move(current));
  if (documents.empty()) throw TrainingError(file.string() + ": the text corpus is empty");
  return documents;
}

std::pair<std::vector<TrainingRecord>, std::vector<TrainingRecord>> split_records(std::vector<TrainingRecord> records,
                                                                                  double val_size, uint64_t seed) {
  if (val_size <= 0) return {std::move(records), {}};
  const auto n = static_cast<int64_t>(records.size());
  int64_t held = val_size < 1.0 ? static_cast<int64_t>(std::ceil(val_size * static_cast<double>(n)))
                                : static_cast<int64_t>(val_size);
  if (held >= n)
    throw TrainingError("val_size " + QString::number(val_size).toStdString() + " holds out " + std::to_string(held) +
                        " of " + std::to_string(n) + " records; leave at least one for training");
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed ^ 0x5eedULL);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<bool> is_eval(records.size(), false);
  for (int64_t i = 0; i < held; ++i) is_eval[order[i]] = true;
  std::vector<TrainingRecord> train, eval;
  for (size_t i = 0; i < records.size(); ++i) (is_eval[i] ? eval : train).push_back(std::move(records[i]));
  return {std::move(train), std::move(eval)};
}

}  // namespace medlora::train
