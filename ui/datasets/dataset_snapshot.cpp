#include "ui/datasets/dataset_snapshot.h"

namespace medlora::ui {

DatasetSnapshot load_snapshot(const store::DatasetRepository& repository, int64_t dataset_id,
                              const std::function<bool()>& keep_going, bool* complete, int64_t chunk) {
  DatasetSnapshot snapshot;
  snapshot.dataset_id = dataset_id;
  if (complete) *complete = true;
  // Pages by id: a "last id seen" filter is not offered, but offsets over the id order are
  // stable while nobody else writes (the panel's own dialogs are modal).
  for (int64_t offset = 0;; offset += chunk) {
    if (keep_going && !keep_going()) {
      if (complete) *complete = false;
      break;
    }
    std::vector<store::StoredRecord> page = repository.page(dataset_id, {}, offset, chunk);
    for (auto& record : page) {
      snapshot.ids.push_back(record.id);
      snapshot.statuses.push_back(record.status);
      snapshot.texts.push_back(std::move(record.text));
    }
    if (static_cast<int64_t>(page.size()) < chunk) break;
  }
  return snapshot;
}

}  // namespace medlora::ui
