#pragma once
// Every record of a dataset read once, for the tools that plan over the whole dataset
// (cleaning, dedup, PII, tagging, terms, charts). Plans come back as indices into `texts`;
// `ids` turns them into record ids for the workspace.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/store/dataset_repository.h"

namespace medlora::ui {

struct DatasetSnapshot {
  int64_t dataset_id = 0;
  std::vector<int64_t> ids;
  std::vector<data::RecordText> texts;
  std::vector<data::ReviewStatus> statuses;

  size_t size() const { return ids.size(); }
};

// Reads in pages of `chunk` records (a worker thread passes its own repository).
// `keep_going` is asked between pages; when it says no, the read stops with `complete` false.
DatasetSnapshot load_snapshot(const store::DatasetRepository& repository, int64_t dataset_id,
                              const std::function<bool()>& keep_going = {}, bool* complete = nullptr,
                              int64_t chunk = 5000);

}  // namespace medlora::ui
