#pragma once
// Writes records for training: the trainer's input format (JSONL or a JSON array of
// {"instruction","input","output","category"}; a conversation record as
// {"messages": [{"role","content"}, ...], "category"}) or the seed data's formatted JSON (an
// indented array of {"instruction","input","output"}, or {"messages": [...]}), with a manifest beside the file that says what
// went in (counts, filters applied) and a SHA-256 of the exact bytes written.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

enum class ExportFormat { TrainerJsonl, TrainerJson, SeedJson };

// "jsonl", "json", "seed-json"; throws std::invalid_argument.
ExportFormat parse_export_format(const std::string& name);
const char* export_format_name(ExportFormat format);

struct ExportManifest {
  int64_t records = 0;
  std::map<std::string, int64_t> per_category;  // "" = untagged
  std::vector<std::string> filters;            // what the caller applied, e.g. "status=approved"
  std::string sha256;                          // lowercase hex of the data file's bytes
  std::string format;                          // export_format_name()
  std::string created_at;                      // ISO 8601 UTC
};

// The bytes export_records() writes for `records` (no manifest).
std::string serialize_records(const std::vector<RecordText>& records, ExportFormat format);

// Writes FILE and FILE + ".manifest.json", each atomically (temporary file + rename), the data
// file first. Throws std::system_error / std::runtime_error naming the path on failure.
ExportManifest export_records(const std::vector<RecordText>& records, const std::filesystem::path& file,
                              ExportFormat format, const std::vector<std::string>& filters_applied);

// The manifest as the JSON object written beside the export.
std::string manifest_to_json(const ExportManifest& manifest, const std::string& data_file_name);

}  // namespace medlora::data
