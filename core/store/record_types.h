#pragma once
// What the workspace hands out about datasets and their records: plain values, cheap to copy
// into a CLI's JSON or a Qt table model's rows.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::store {

// Called with (done, total); return false to cancel.
using ProgressCallback = std::function<bool(int64_t done, int64_t total)>;

struct DatasetSummary {
  int64_t id = 0;
  std::string name;
  std::string source;      // where it came from ("medquad: /data/MedQuAD", "import: a.jsonl")
  std::string created_at;  // UTC ISO-8601
  int64_t total = 0;
  int64_t pending = 0;
  int64_t approved = 0;
  int64_t rejected = 0;
  int64_t needs_edit = 0;
};

// One stored record, as a table row shows it.
struct StoredRecord {
  int64_t id = 0;
  int64_t dataset_id = 0;
  data::RecordText text;  // includes category, metadata and the synthetic mark
  data::ReviewStatus status = data::ReviewStatus::Pending;
  std::string reviewer;     // empty until reviewed
  std::string reviewed_at;  // UTC ISO-8601, empty until reviewed
  std::string review_note;
  std::vector<std::string> flags;  // e.g. {"pii", "near-dup"}
  int64_t version = 1;             // 1 as imported, +1 per edit
  std::string content_hash;        // see record_content_hash()
  std::string created_at;
  std::string updated_at;
};

// Filters shared by record_count() and page(); every field left at its default matches all.
struct RecordFilter {
  // Substring search over instruction, input, output and a conversation's turns (their JSON
  // text: a term with '"' or '\\' in it does not match inside a turn). Whitespace separates terms, all of which
  // must occur; ASCII letters match either case. Terms of 3+ characters use the FTS5 trigram
  // index for indexed records (see SearchIndex) and LIKE for the rest; shorter terms (common in
  // Chinese: "儿童") always use LIKE.
  std::string search;
  std::optional<std::string> category;  // "" = untagged records
  std::optional<data::ReviewStatus> status;
  // Length in characters (Unicode code points) of instruction + input + output, or of a
  // conversation's turn contents; 0 = no bound.
  int64_t min_length = 0;
  int64_t max_length = 0;
  std::string flag;  // records carrying this flag
};

// A previous version of a record: its text as it was at `version`, and the edit that replaced it.
struct RecordVersion {
  int64_t version = 0;
  std::string instruction;
  std::string input;
  std::string output;
  std::string category;
  tokenizer::Conversation messages;  // a conversation record's turns at that version
  std::string edited_by;  // who made the edit that replaced this version
  std::string edited_at;
  std::string reason;
};

// What a cleaning/dedup/scrub/... step did to a dataset, kept for the dataset's history.
struct DatasetOperation {
  int64_t id = 0;
  int64_t dataset_id = 0;
  std::string kind;             // import, clean, dedup, scrub, tag, terms, augment, split, ...
  std::string parameters_json;  // a JSON object
  std::string counts_json;      // a JSON object
  std::string at;
};

// One PII masking, as the scrubber reports it. `original` is hashed (SHA-256) before it is
// stored; the PII itself never reaches the workspace.
struct MaskingInput {
  int64_t record_id = 0;
  std::string field;  // instruction, input, output or a conversation turn, "messages[N]"
  std::string kind;   // phone, cn-id, email, birth-date, record-number, ...
  std::string original;
  std::string replacement;  // e.g. "[PHONE]"
};

struct StoredMasking {
  int64_t id = 0;
  int64_t record_id = 0;
  std::string field;
  std::string kind;
  std::string original_hash;  // hex SHA-256 of the masked text
  std::string replacement;
  std::string at;
};

struct InsertResult {
  std::vector<int64_t> ids;  // in input order; empty when cancelled
  bool cancelled = false;
};

// Hex SHA-256 of instruction, input and output joined by U+001F (then, for a conversation, each
// turn's role and content, each after a U+001F): the exact-content key stored with every record (cleaning's normalised duplicate key is core/data's business).
std::string record_content_hash(const data::RecordText& text);

}  // namespace medlora::store
