#include "core/data/dataset_split.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <stdexcept>
#include <string>

namespace medlora::data {

namespace {

uint64_t fnv1a(const std::string& text) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// std::shuffle's algorithm differs between standard libraries; mt19937_64 and this loop do not,
// so a seed names the same split everywhere.
void shuffle(std::vector<size_t>& items, uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (size_t i = items.size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng() % i);
    std::swap(items[i - 1], items[j]);
  }
}

// Splits round(total * fraction) among strata in proportion to `sizes` (largest remainder,
// ties to the earlier stratum), never giving a stratum more than its `room`.
std::vector<size_t> apportion(const std::vector<size_t>& sizes, const std::vector<size_t>& room, double fraction) {
  size_t total = 0;
  for (size_t s : sizes) total += s;
  const auto target = static_cast<size_t>(std::llround(static_cast<double>(total) * fraction));
  std::vector<size_t> share(sizes.size());
  std::vector<std::pair<double, size_t>> remainders;
  size_t given = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    const double exact = static_cast<double>(sizes[i]) * fraction;
    share[i] = std::min(static_cast<size_t>(std::floor(exact)), room[i]);
    given += share[i];
    remainders.emplace_back(exact - std::floor(exact), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [remainder, i] : remainders) {
    if (given >= target) break;
    if (remainder <= 0.0 || share[i] >= room[i]) continue;
    ++share[i];
    ++given;
  }
  return share;
}

}  // namespace

SplitAssignment split_stratified(const std::vector<RecordText>& records, const SplitSpec& spec) {
  if (!(spec.validation >= 0.0 && spec.validation < 1.0) || !(spec.test >= 0.0 && spec.test < 1.0) ||
      spec.validation + spec.test >= 1.0) {
    throw std::invalid_argument("split fractions must be in [0, 1) with validation + test < 1 (got validation " +
                                std::to_string(spec.validation) + ", test " + std::to_string(spec.test) + ")");
  }
  std::map<std::string, std::vector<size_t>> strata;  // ordered: the split must not depend on hashing
  for (size_t i = 0; i < records.size(); ++i) strata[records[i].category].push_back(i);

  std::vector<std::vector<size_t>*> groups;
  std::vector<size_t> sizes, room;
  for (auto& [category, members] : strata) {
    shuffle(members, spec.seed ^ fnv1a(category));
    groups.push_back(&members);
    sizes.push_back(members.size());
    room.push_back(members.size() >= 2 ? members.size() - 1 : members.size());  // keep one for training
  }
  const std::vector<size_t> validation = apportion(sizes, room, spec.validation);
  for (size_t g = 0; g < room.size(); ++g) room[g] -= validation[g];
  const std::vector<size_t> test = apportion(sizes, room, spec.test);

  SplitAssignment split;
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::vector<size_t>& members = *groups[g];
    for (size_t k = 0; k < members.size(); ++k) {
      if (k < validation[g]) split.validation.push_back(members[k]);
      else if (k < validation[g] + test[g]) split.test.push_back(members[k]);
      else split.train.push_back(members[k]);
    }
  }
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.validation.begin(), split.validation.end());
  std::sort(split.test.begin(), split.test.end());
  return split;
}

}  // namespace medlora::data
