#include "core/data/dataset_export.h"

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/data/conversation_record.h"
#include "core/io/atomic_file.h"
#include "core/io/json_lite.h"

namespace medlora::data {

namespace {

using medlora::io::json::quote;

// A conversation record: {"messages": [{"role": ..., "content": ...}, ...], "category": ...}.
void append_trainer_object(std::string& out, const RecordText& record) {
  if (record.is_conversation()) {
    out += "{\"messages\": ";
    out += conversation_to_json(record.messages);
    out += ", \"category\": ";
    out += quote(record.category);
    out += '}';
    return;
  }
  out += "{\"instruction\": ";
  out += quote(record.instruction);
  out += ", \"input\": ";
  out += quote(record.input);
  out += ", \"output\": ";
  out += quote(record.output);
  out += ", \"category\": ";
  out += quote(record.category);
  out += '}';
}

// The layout of Python's json.dump(records, indent=2, ensure_ascii=False), which the seed file uses.
void append_seed_object(std::string& out, const RecordText& record) {
  if (record.is_conversation()) {
    out += "  {\n    \"messages\": " + conversation_to_json(record.messages) + "\n  }";
    return;
  }
  out += "  {\n    \"instruction\": ";
  out += quote(record.instruction);
  out += ",\n    \"input\": ";
  out += quote(record.input);
  out += ",\n    \"output\": ";
  out += quote(record.output);
  out += "\n  }";
}

std::string sha256_hex(std::string_view bytes) {
  const QByteArray digest = QCryptographicHash::hash(
      QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())), QCryptographicHash::Sha256);
  const QByteArray hex = digest.toHex();
  return std::string(hex.constData(), static_cast<size_t>(hex.size()));
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

ExportFormat parse_export_format(const std::string& name) {
  const std::string n = lowercase(name);
  if (n == "jsonl") return ExportFormat::TrainerJsonl;
  if (n == "json") return ExportFormat::TrainerJson;
  if (n == "seed-json" || n == "seed") return ExportFormat::SeedJson;
  throw std::invalid_argument("unknown export format '" + name + "' (jsonl, json, seed-json)");
}

const char* export_format_name(ExportFormat format) {
  switch (format) {
    case ExportFormat::TrainerJsonl: return "jsonl";
    case ExportFormat::TrainerJson: return "json";
    case ExportFormat::SeedJson: return "seed-json";
  }
  return "jsonl";
}

std::string serialize_records(const std::vector<RecordText>& records, ExportFormat format) {
  std::string out;
  size_t estimate = 16;
  for (const auto& r : records) {
    estimate += r.instruction.size() + r.input.size() + r.output.size() + r.category.size() + 80;
    for (const auto& turn : r.messages) estimate += turn.content.size() + 40;
  }
  out.reserve(estimate);
  switch (format) {
    case ExportFormat::TrainerJsonl:
      for (const auto& record : records) {
        append_trainer_object(out, record);
        out += '\n';
      }
      break;
    case ExportFormat::TrainerJson:
      out += '[';
      for (size_t i = 0; i < records.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        append_trainer_object(out, records[i]);
      }
      out += records.empty() ? "]\n" : "\n]\n";
      break;
    case ExportFormat::SeedJson:
      out += '[';
      for (size_t i = 0; i < records.size(); ++i) {
        out += i ? ",\n" : "\n";
        append_seed_object(out, records[i]);
      }
      out += records.empty() ? "]\n" : "\n]\n";
      break;
  }
  return out;
}

std::string manifest_to_json(const ExportManifest& manifest, const std::string& data_file_name) {
  std::string out = "{\n  \"file\": " + quote(data_file_name);
  out += ",\n  \"format\": " + quote(manifest.format);
  out += ",\n  \"records\": " + std::to_string(manifest.records);
  out += ",\n  \"per_category\": {";
  bool first = true;
  for (const auto& [category, count] : manifest.per_category) {
    out += first ? "\n    " : ",\n    ";
    out += quote(category) + ": " + std::to_string(count);
    first = false;
  }
  out += manifest.per_category.empty() ? "}" : "\n  }";
  out += ",\n  \"filters\": [";
  for (size_t i = 0; i < manifest.filters.size(); ++i) out += (i ? ", " : "") + quote(manifest.filters[i]);
  out += "],\n  \"sha256\": " + quote(manifest.sha256);
  out += ",\n  \"created_at\": " + quote(manifest.created_at);
  out += "\n}\n";
  return out;
}

ExportManifest export_records(const std::vector<RecordText>& records, const std::filesystem::path& file,
                              ExportFormat format, const std::vector<std::string>& filters_applied) {
  if (file.filename().empty()) throw std::invalid_argument("export needs a file name, not a folder: " + file.string());
  const std::string bytes = serialize_records(records, format);

  ExportManifest manifest;
  manifest.records = static_cast<int64_t>(records.size());
  for (const auto& record : records) ++manifest.per_category[record.category];
  manifest.filters = filters_applied;
  manifest.sha256 = sha256_hex(bytes);
  manifest.format = export_format_name(format);
  manifest.created_at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();

  // Data first: a manifest on disk always describes a complete file beside it.
  medlora::io::write_file_atomically(file, bytes);
  std::filesystem::path manifest_path = file;
  manifest_path += ".manifest.json";
  medlora::io::write_file_atomically(manifest_path, manifest_to_json(manifest, file.filename().string()));
  return manifest;
}

}  // namespace medlora::data
