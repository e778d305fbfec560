#pragma once
// Datasets and their records in a Workspace: import, paging for the table, doctor approval,
// edits with history, bulk text replacement for cleaning, dedup deletions, the operation log and
// PII masking log. Every write is one transaction (joining the caller's Transaction when one is
// open, so e.g. a scrub can replace texts, log maskings and the operation atomically), every
// value is bound. Same thread rule as Workspace.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/store/record_types.h"
#include "core/store/search_index.h"
#include "core/store/workspace.h"

namespace medlora::store {

class DatasetRepository {
 public:
  explicit DatasetRepository(Workspace& workspace) : ws_(workspace) {}

  // --- datasets ---
  // Throws StoreError "a dataset named 'X' already exists (id N)" on a taken name, or for an
  // empty name.
  int64_t create_dataset(const std::string& name, const std::string& source);
  std::vector<DatasetSummary> list_datasets() const;
  std::optional<DatasetSummary> find_dataset(int64_t id) const;
  std::optional<DatasetSummary> find_dataset(const std::string& name) const;
  // Deletes the dataset with its records, their versions and maskings, and its operations.
  // Returns false when no such dataset exists. Deleting thousands of indexed records resets the
  // search index instead of updating it (see SearchIndex).
  bool delete_dataset(int64_t dataset_id);

  // --- records ---
  // Inserts all records as pending, in one transaction with one reused prepared statement
  // (100,000 short records in ~2 s). `progress` is called every 1,000 records and at the end;
  // returning false rolls everything back (result.cancelled). Throws StoreError for an unknown
  // dataset; a failure, an exception from `progress` or a killed process rolls back too.
  // When at most 1,000 records await search indexing they are indexed here; otherwise they are
  // searchable at once (by LIKE) and faster after SearchIndex::update().
  InsertResult insert_records(int64_t dataset_id, const std::vector<data::RecordText>& records,
                              const ProgressCallback& progress = {});
  int64_t record_count(int64_t dataset_id, const RecordFilter& filter = {}) const;
  // Records matching `filter`, ordered by id, `limit` from `offset` (a table model's page).
  std::vector<StoredRecord> page(int64_t dataset_id, const RecordFilter& filter, int64_t offset,
                                 int64_t limit) const;
  // Ids of all records matching `filter`, ordered by id (for "select all" bulk actions).
  std::vector<int64_t> record_ids(int64_t dataset_id, const RecordFilter& filter = {}) const;
  std::optional<StoredRecord> get_record(int64_t record_id) const;

  // Replaces instruction, input, output, the conversation turns and category (metadata and the
  // synthetic mark stay), first copying the current text into record_versions, and bumps
  // version. Returns false when the text is unchanged (nothing written). Throws StoreError for
  // an unknown id, and for a conversation record whose new turns are not a valid conversation
  // (data::conversation_problem(); a conversation record stays one).
  bool update_record(int64_t record_id, const data::RecordText& text, const std::string& editor,
                     const std::string& reason);
  // Previous versions, oldest first (the current text is get_record()).
  std::vector<RecordVersion> history(int64_t record_id) const;

  // Doctor approval for one or many records; reviewed_at = now (UTC). Returns rows updated.
  int64_t set_status(const std::vector<int64_t>& record_ids, data::ReviewStatus status,
                     const std::string& reviewer, const std::string& note = "");

  // Flags are short words without commas ("pii", "near-dup"); StoreError otherwise.
  void set_flags(int64_t record_id, const std::vector<std::string>& flags);
  // Returns the number of records that did not carry the flag before.
  int64_t add_flag(const std::vector<int64_t>& record_ids, const std::string& flag);
  int64_t remove_flag(const std::vector<int64_t>& record_ids, const std::string& flag);

  // Records to export, ordered by id: approved only, or all of them.
  std::vector<StoredRecord> records_for_export(int64_t dataset_id, bool approved_only) const;
  // (category, count) over the dataset, most frequent first; "" for untagged.
  std::vector<std::pair<std::string, int64_t>> category_counts(int64_t dataset_id,
                                                               bool approved_only = false) const;

  // Applies cleaning/scrubbing/tagging results: for each (id, text) whose instruction, input,
  // output or category differs from the stored one, keeps the old version and writes the new
  // text. Unchanged rows are not touched. Every id must belong to `dataset_id` (StoreError and
  // nothing written otherwise). Returns the number of records changed. Like delete_dataset, a
  // change to thousands of indexed records resets the search index.
  int64_t replace_all_texts(int64_t dataset_id,
                            const std::vector<std::pair<int64_t, data::RecordText>>& texts,
                            const std::string& editor, const std::string& reason);

  // Deletes records of `dataset_id` (dedup) and logs a dataset operation of `operation_kind`
  // with `parameters_json` and counts {"deleted": n}, in one transaction. Returns n.
  int64_t delete_records(int64_t dataset_id, const std::vector<int64_t>& record_ids,
                         const std::string& operation_kind = "delete",
                         const std::string& parameters_json = "{}");

  // --- history of the dataset ---
  // Both JSON arguments must be JSON objects (StoreError otherwise). Returns the entry id.
  int64_t log_operation(int64_t dataset_id, const std::string& kind,
                        const std::string& parameters_json, const std::string& counts_json);
  std::vector<DatasetOperation> operations(int64_t dataset_id) const;  // oldest first

  // --- PII masking log ---
  void record_maskings(const std::vector<MaskingInput>& maskings);
  std::vector<StoredMasking> maskings(int64_t record_id) const;
  // kind -> number of maskings over the dataset's records.
  std::map<std::string, int64_t> masking_counts(int64_t dataset_id) const;

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
