#pragma once
// The FTS5 trigram index behind RecordFilter::search. Indexing costs far more than storing
// (~0.5 ms per MedQuAD-sized record against ~0.03 ms to insert it), so it is not done inside an
// import: records with id <= indexed_through() are in the index (and kept in step with edits and
// deletes by triggers), newer ones are searched with LIKE until update() indexes them. Search
// results are therefore always complete; update() only makes them faster.
//
// Call update() after an import, ideally from a worker thread with its own Workspace
// (Workspace::open_for_this_thread): it works in chunks, each its own transaction, so other
// writers get turns, a cancel or a kill keeps what was done, and the index is never half-built.
// Same thread rule as Workspace.
#include <cstdint>

#include "core/store/record_types.h"
#include "core/store/workspace.h"

namespace medlora::store {

class SearchIndex {
 public:
  explicit SearchIndex(Workspace& workspace) : ws_(workspace) {}

  // Records are indexed up to and including this id (ids only grow, see migrations.cpp).
  int64_t indexed_through() const;
  // Records not yet indexed.
  int64_t pending() const;
  // Indexes pending records, `chunk` per transaction; progress(done, total) after each chunk,
  // false stops (what is done stays). Returns the number of records indexed.
  int64_t update(const ProgressCallback& progress = {}, int64_t chunk = 1000);
  // Empties the index: every record becomes pending. Cheaper than keeping the index in step
  // when a bulk change touches thousands of indexed records (each costs a re-tokenisation).
  void reset();
  // FTS5's integrity check of the index against the records' text; false when they disagree.
  // As slow as re-indexing everything, and takes the write lock meanwhile (it indexes the pending
  // records in a transaction it then rolls back): for tests and diagnostics.
  bool consistent();

  // Bulk changes touching more indexed records than this reset the index instead.
  static constexpr int64_t kResetThreshold = 2000;

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
