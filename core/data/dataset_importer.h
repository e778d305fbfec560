#pragma once
// Reads datasets from files into RecordText: JSON (an array of objects, or one object holding
// such an array), JSONL, CSV/TSV (RFC 4180, header row), Alpaca and question/answer field
// names, conversations (OpenAI "messages", ShareGPT "conversations"; conversation_record.h),
// nested QA pairs (an object with a list of {question, answer} under a case
// description), and folders of MedQuAD XML. A broken record is reported in
// ImportResult::errors with "file:line" and skipped; only a file that cannot be read at all, or
// whose format cannot be told, fails the whole call.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/data/text_encoding.h"

namespace medlora::data {

enum class ImportFormat { Auto, Json, Jsonl, Csv, Tsv, MedQuad };

// "auto", "json", "jsonl" (also "ndjson"), "csv", "tsv", "medquad"; throws std::invalid_argument.
ImportFormat parse_import_format(const std::string& name);
const char* import_format_name(ImportFormat format);

// Which source field (JSON key or CSV header) feeds each record field. Empty = found
// automatically among the usual names (instruction/input/output, question/answer,
// prompt/response, query/answer, 问题/答案, 科室 -> category, ...; see record_fields.h).
struct ColumnMap {
  std::string instruction, input, output, category;
};

// "input=COL,output=COL,instruction=COL,category=COL" (any subset, any order). Throws
// std::invalid_argument on an unknown target or a missing '='.
ColumnMap parse_column_map(const std::string& spec);

struct ImportOptions {
  ImportFormat format = ImportFormat::Auto;
  TextEncoding encoding = TextEncoding::Auto;  // ignored for XML, which declares its own
  ColumnMap columns;
};

struct ImportResult {
  std::vector<RecordText> records;
  int64_t skipped = 0;                  // records not imported: errors plus skipped_by_reason
  std::vector<ImportProblem> errors;    // where ("file:line") and why, one per broken record or file
  // Expected omissions, e.g. "empty answer", and skipped files by why ("file: ..."; the broken
  // ones are in errors as well, with their line).
  std::map<std::string, int64_t> skipped_by_reason;
};

// Thrown when a progress callback returns false. Nothing partial is returned.
class ImportCancelled : public std::runtime_error {
 public:
  ImportCancelled() : std::runtime_error("import cancelled") {}
};

// Progress callback: (done_units, total_units); returning false cancels.
using ImportProgress = std::function<bool(int64_t, int64_t)>;

// Imports files and folders in order. A folder is read as MedQuAD XML (recursively). Format
// Auto decides per file from its extension, then its first bytes. Units of progress are bytes.
// Throws std::runtime_error for a path that does not exist or cannot be read, and
// std::invalid_argument for a file whose format cannot be told (naming it and the --format
// choices) or a folder given with a non-MedQuAD format.
ImportResult import_paths(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
                          const ImportProgress& progress = {});

// A folder (recursively) of MedQuAD XML documents: one <Document id source url> (or another
// root that holds the pairs, e.g. CDC's <DiseaseFile>; see medquad_reader.h) per file with
// <Focus>, <FocusAnnotations><UMLS><SemanticGroup>, <QAPairs><QAPair><Question qid qtype>
// <Answer>. Question -> input, Answer -> output; metadata: qtype, focus, source, url,
// document_id, qid, semantic_group, source_file, line. Empty answers are skipped and counted
// under skipped_by_reason["empty answer"]; a malformed file is one error entry and is skipped.
// Skipped files are counted by reason in skipped_by_reason too ("file: malformed XML", ...).
// Files are read in sorted path order. Units of progress are files.
ImportResult import_medquad_folder(const std::filesystem::path& folder, const ImportProgress& progress = {});

}  // namespace medlora::data
