#pragma once
// Exact and near-duplicate detection over a dataset, in time linear in its size.
//
// Exact: records whose normalise_for_hash(instruction, input, output) are equal.
// Near: MinHash over the set of character shingles (code points, so Chinese works) of the
// normalised instruction+input+output: one 64-bit rolling hash per shingle, one-permutation
// hashing with densification gives `num_hashes` values; LSH with `bands` bands proposes
// candidates; a candidate pair is joined (union-find) when its estimated Jaccard similarity
// >= threshold and its prompts match (prompt_threshold). Buckets are never expanded into all
// pairs when large: members beyond a small cap are compared with the bucket's first members.
// Each group keeps its earliest record, or the earliest one with prefer_keep[i] == true
// (e.g. doctor-approved). Exact duplicates are removed before the near pass, so a record
// appears in at most one group. Signatures are computed on `threads` threads; the result
// does not depend on the thread count.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

struct NearDupOptions {
  // Estimated Jaccard similarity of the character shingles of the whole record. 0.5 with the
  // prompt check finds ~98 % of planted MedQuAD copies (2-3 % typos, word swaps, spacing, an
  // appended sentence) and merges no records that ask different questions
  // (dedup_accuracy_test.cpp). The LSH bands propose a pair at exactly 0.5 with probability
  // 0.87, at 0.6 with 0.99.
  double threshold = 0.5;
  int shingle = 5;         // code points per shingle
  int num_hashes = 128;    // signature length; must be a multiple of `bands`
  int bands = 32;
  uint64_t seed = 1;
  // A near-duplicate must also ask the same thing: prompts_match() (prompt_similarity.h) with
  // this threshold on the two prompts (instruction + input; tolerant of typos, word order and
  // spacing, not of a different number or a different disease name). Templated corpora (MedQuAD: one boilerplate answer for fifty cancers) would
  // otherwise be merged wholesale. 0 switches the check off.
  double prompt_threshold = 0.85;
  int threads = 0;         // 0: all hardware threads (at most 8)
};

struct DuplicateGroup {
  size_t keep = 0;
  std::vector<size_t> duplicates;   // ascending
  std::vector<double> similarity;   // per duplicate: 1.0 for exact, estimated Jaccard with `keep` for near
};

struct DedupResult {
  std::vector<DuplicateGroup> exact;
  std::vector<DuplicateGroup> near;
  int64_t exact_removed = 0;
  int64_t near_removed = 0;
  bool cancelled = false;  // progress returned false; groups are then empty
};

// progress(done, total) is called from the calling thread now and then while signatures are
// computed (total = record count); returning false cancels. Throws std::invalid_argument for
// bad options (threshold outside (0,1], shingle < 1, num_hashes not a multiple of bands) or a
// prefer_keep of the wrong size.
DedupResult find_duplicates(const std::vector<RecordText>& records, const NearDupOptions& options,
                            bool near = true,
                            const std::function<bool(int64_t, int64_t)>& progress = {},
                            const std::vector<bool>& prefer_keep = {});

// Indices of the records a DedupResult removes (exact and near duplicates), ascending.
std::vector<size_t> duplicate_indices(const DedupResult& result);

}  // namespace medlora::data
