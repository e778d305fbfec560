#include "core/data/near_duplicates.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/data/prompt_similarity.h"
#include "core/data/utf8_text.h"

// Tuning notes (tests/core/data/dedup_accuracy_test.cpp plants perturbed MedQuAD copies):
// with character 5-shingles a typo touches up to 5 shingles, so a copy with 2-3 % of its
// characters changed, a few swapped words and an appended sentence keeps a Jaccard similarity
// of only ~0.55-0.8; the default threshold is therefore 0.5 (recall: 99 % at 2 % typos, 98 % at
// 3 %, 94 % at 4 %). That alone would merge MedQuAD's templated records wholesale (one
// boilerplate answer for fifty cancers, Jaccard 0.9+), which the prompt check stops: they ask
// about different things. 32 bands of 4 rows propose a pair at Jaccard 0.5 with probability
// 0.87, at 0.6 with 0.99, at 0.3 with 0.23 (those candidates cost one signature comparison).

namespace medlora::data {
namespace {

constexpr char32_t kFieldSeparator = 0x1F;
constexpr size_t kAllPairsCap = 16;  // buckets up to this size are compared pairwise
constexpr size_t kBucketReps = 4;    // larger buckets: each member against the first few and its predecessor
constexpr size_t kChunk = 256;       // records per work item in the signature phase

uint64_t mix64(uint64_t x) {
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ULL;
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ULL;
  x ^= x >> 32;
  return x;
}

// Maps a 64-bit hash onto [0, n) without division (Lemire's multiply-shift).
uint32_t fast_range(uint64_t x, uint32_t n) {
  return static_cast<uint32_t>((static_cast<unsigned __int128>(x) * n) >> 64);
}

// Every text field, conversation turns included, separated so that text cannot move between fields.
void normalised_record(const RecordText& record, std::u32string& buf) {
  buf.clear();
  utf8::append_hash_normalised(record.instruction, buf);
  buf.push_back(kFieldSeparator);
  utf8::append_hash_normalised(record.input, buf);
  buf.push_back(kFieldSeparator);
  utf8::append_hash_normalised(record.output, buf);
  for (const auto& turn : record.messages) {
    buf.push_back(kFieldSeparator);
    utf8::append_hash_normalised(turn.content, buf);
  }
}

uint64_t exact_hash(const std::u32string& buf) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ buf.size();
  for (const char32_t cp : buf) {
    h = (h + cp) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
  }
  return mix64(h);
}

// One-permutation MinHash with optimal densification (Shrivastava, 2017): each shingle is hashed
// once; its hash picks a bin and competes for that bin's minimum. Empty bins borrow the value of
// a bin chosen by a hash sequence that is the same for every record, which keeps
// P(equal bin) = Jaccard. Returns false when the text has no shingle at all.
class MinHasher {
 public:
  MinHasher(int shingle, int num_hashes, uint64_t seed)
      : shingle_(static_cast<size_t>(shingle)), k_(static_cast<uint32_t>(num_hashes)), seed_(mix64(seed + 0x1234567ULL)) {
    mins_.resize(k_);
  }

  bool sign(const std::u32string& text, uint16_t* out) {
    std::fill(mins_.begin(), mins_.end(), std::numeric_limits<uint64_t>::max());
    const size_t n = text.size();
    if (n == 0) return false;
    // Cyclic-polynomial rolling hash (each step a rotate and two xors, so the loop is not
    // bound by a chain of multiplications); mix64 in add() makes the result look random.
    const auto term = [&](size_t i) {
      const uint64_t cp = text[i] == kFieldSeparator ? U' ' : text[i];
      const uint64_t x = (cp + 1) * 0x9E3779B97F4A7C15ULL;
      return x ^ (x >> 29);
    };
    const auto rotl = [](uint64_t x, unsigned r) { return r % 64 == 0 ? x : (x << (r % 64)) | (x >> (64 - r % 64)); };
    const size_t window = std::min(shingle_, n);
    uint64_t h = 0;
    for (size_t i = 0; i < window; ++i) h = rotl(h, 1) ^ term(i);
    add(h);
    if (window == shingle_) {
      const auto out_rotation = static_cast<unsigned>(shingle_);
      for (size_t i = shingle_; i < n; ++i) {
        h = rotl(h, 1) ^ rotl(term(i - shingle_), out_rotation) ^ term(i);
        add(h);
      }
    }
    for (uint32_t b = 0; b < k_; ++b) {
      uint64_t value = mins_[b];
      for (uint64_t attempt = 0; value == std::numeric_limits<uint64_t>::max(); ++attempt)
        value = mins_[fast_range(mix64(seed_ ^ (uint64_t{b} << 32 | attempt)), k_)];
      // 16 bits per value: two different minima agree by chance once in 65,536 comparisons, a
      // bias the threshold never notices, and the signatures take half the memory to scan.
      out[b] = static_cast<uint16_t>(mix64(value) >> 48);
    }
    return true;
  }

 private:
  void add(uint64_t rolling) {
    const uint64_t h = mix64(rolling ^ seed_);
    const uint32_t bin = fast_range(h, k_);
    // The bin came from the high bits; rotating makes the in-bin competition use the rest.
    const uint64_t v = (h << 16) | (h >> 48);
    if (v < mins_[bin]) mins_[bin] = v;
  }

  size_t shingle_;
  uint32_t k_;
  uint64_t seed_;
  std::vector<uint64_t> mins_;
};

void normalised_prompt(const RecordText& record, std::u32string& buf) {
  buf.clear();
  utf8::append_hash_normalised(record.instruction, buf);
  buf.push_back(U' ');
  utf8::append_hash_normalised(record.input, buf);
  for (const auto& turn : record.messages) {  // a conversation's prompt side: its system and user turns
    if (turn.role == "assistant") continue;
    buf.push_back(U' ');
    utf8::append_hash_normalised(turn.content, buf);
  }
  while (!buf.empty() && buf.back() == U' ') buf.pop_back();
}

// How many of the k signature values agree; written in blocks of 16 so the compiler vectorises it.
size_t equal_values(const uint16_t* a, const uint16_t* b, size_t k) {
  size_t equal = 0, h = 0;
  for (; h + 16 <= k; h += 16) {
    unsigned block = 0;
    for (size_t i = 0; i < 16; ++i) block += a[h + i] == b[h + i] ? 1u : 0u;
    equal += block;
  }
  for (; h < k; ++h) equal += a[h] == b[h];
  return equal;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void join(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    if (a < b) parent_[b] = a;  // the smaller index is the root: groups are rooted at their earliest
    else parent_[a] = b;
  }

 private:
  std::vector<size_t> parent_;
};

struct SignaturePhase {
  std::vector<uint16_t> signatures;  // num_hashes per record
  std::vector<uint64_t> hashes;      // exact-duplicate key per record
  std::vector<uint8_t> has_signature;
  std::vector<PromptKey> prompt_keys;  // when the prompt check is on
  bool cancelled = false;
};

int thread_count(const NearDupOptions& options, size_t records) {
  int wanted = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  wanted = std::clamp(wanted, 1, 8);
  const auto useful = static_cast<int>(std::max<size_t>(1, records / (4 * kChunk)));
  return std::min(wanted, useful);
}

SignaturePhase compute_signatures(const std::vector<RecordText>& records, const NearDupOptions& options, bool near,
                                  const std::function<bool(int64_t, int64_t)>& progress) {
  SignaturePhase phase;
  const size_t n = records.size();
  const auto k = static_cast<size_t>(options.num_hashes);
  phase.hashes.resize(n);
  phase.has_signature.assign(n, 0);
  if (near) phase.signatures.resize(n * k);
  const bool prompts = near && options.prompt_threshold > 0.0;
  if (prompts) phase.prompt_keys.resize(n);
  std::atomic<size_t> next{0};
  std::atomic<int64_t> done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::atomic<bool> failed{false};

  const auto work = [&](bool reporter) {
    try {
      MinHasher hasher(options.shingle, options.num_hashes, options.seed);
      std::u32string buf, prompt;
      while (!stop.load(std::memory_order_relaxed)) {
        const size_t begin = next.fetch_add(kChunk);
        if (begin >= n) break;
        const size_t end = std::min(n, begin + kChunk);
        for (size_t i = begin; i < end; ++i) {
          normalised_record(records[i], buf);
          phase.hashes[i] = exact_hash(buf);
          if (near) phase.has_signature[i] = hasher.sign(buf, &phase.signatures[i * k]);
          if (prompts) {
            normalised_prompt(records[i], prompt);
            phase.prompt_keys[i] = prompt_key(prompt);
          }
        }
        const int64_t now = done.fetch_add(static_cast<int64_t>(end - begin)) + static_cast<int64_t>(end - begin);
        if (reporter && progress && !progress(now, static_cast<int64_t>(n))) stop = true;
      }
    } catch (...) {
      if (!failed.exchange(true)) failure = std::current_exception();
      stop = true;
    }
  };
  const int threads = thread_count(options, n);
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads; ++t) helpers.emplace_back(work, false);
  work(true);
  for (auto& h : helpers) h.join();
  if (failure) std::rethrow_exception(failure);
  phase.cancelled = stop.load() && done.load() < static_cast<int64_t>(n);
  if (!phase.cancelled && progress && !progress(static_cast<int64_t>(n), static_cast<int64_t>(n))) phase.cancelled = true;
  return phase;
}

size_t choose_keep(const std::vector<size_t>& members, const std::vector<bool>& prefer_keep) {
  if (!prefer_keep.empty())
    for (const size_t m : members)
      if (prefer_keep[m]) return m;
  return members.front();
}

void validate(const NearDupOptions& options, size_t records, const std::vector<bool>& prefer_keep) {
  if (!(options.threshold > 0.0 && options.threshold <= 1.0))
    throw std::invalid_argument("near-duplicate threshold must be in (0, 1], got " + std::to_string(options.threshold));
  if (options.shingle < 1 || options.shingle > 64)
    throw std::invalid_argument("shingle size must be between 1 and 64 characters, got " + std::to_string(options.shingle));
  if (!(options.prompt_threshold >= 0.0 && options.prompt_threshold <= 1.0))
    throw std::invalid_argument("prompt threshold must be in [0, 1], got " + std::to_string(options.prompt_threshold));
  if (options.num_hashes < 1 || options.num_hashes > 4096 || options.bands < 1 || options.num_hashes % options.bands != 0)
    throw std::invalid_argument("num_hashes (" + std::to_string(options.num_hashes) + ") must be 1..4096 and a multiple of bands (" +
                                std::to_string(options.bands) + ")");
  if (!prefer_keep.empty() && prefer_keep.size() != records)
    throw std::invalid_argument("prefer_keep has " + std::to_string(prefer_keep.size()) + " entries for " +
                                std::to_string(records) + " records");
}

}  // namespace

DedupResult find_duplicates(const std::vector<RecordText>& records, const NearDupOptions& options, bool near,
                            const std::function<bool(int64_t, int64_t)>& progress, const std::vector<bool>& prefer_keep) {
  validate(options, records.size(), prefer_keep);
  DedupResult result;
  const size_t n = records.size();
  SignaturePhase phase = compute_signatures(records, options, near, progress);
  if (phase.cancelled) {
    result.cancelled = true;
    return result;
  }

  // Exact groups: equal keys are confirmed on the normalised text (64-bit keys can collide).
  std::vector<uint8_t> is_exact_dup(n, 0);
  {
    std::unordered_map<uint64_t, std::vector<size_t>> reps;  // key -> first index of each distinct text
    std::unordered_map<size_t, std::vector<size_t>> members;  // first index -> later equal texts
    reps.reserve(n);
    std::u32string a, b;
    for (size_t i = 0; i < n; ++i) {
      auto& list = reps[phase.hashes[i]];
      bool placed = false;
      for (const size_t rep : list) {
        normalised_record(records[rep], a);
        normalised_record(records[i], b);
        if (a == b) {
          members[rep].push_back(i);
          is_exact_dup[i] = 1;
          placed = true;
          break;
        }
      }
      if (!placed) list.push_back(i);
    }
    std::vector<size_t> firsts;
    for (const auto& [first, later] : members) firsts.push_back(first);
    std::sort(firsts.begin(), firsts.end());
    for (const size_t first : firsts) {
      std::vector<size_t> all{first};
      all.insert(all.end(), members[first].begin(), members[first].end());
      const size_t keep = choose_keep(all, prefer_keep);
      DuplicateGroup group;
      group.keep = keep;
      for (const size_t m : all)
        if (m != keep) group.duplicates.push_back(m), group.similarity.push_back(1.0);
      if (keep != first) is_exact_dup[first] = 1, is_exact_dup[keep] = 0;
      result.exact_removed += static_cast<int64_t>(group.duplicates.size());
      result.exact.push_back(std::move(group));
    }
  }
  if (!near) return result;

  const auto k = static_cast<size_t>(options.num_hashes);
  const auto rows = k / static_cast<size_t>(options.bands);
  const auto similarity = [&](size_t x, size_t y) {
    return static_cast<double>(equal_values(&phase.signatures[x * k], &phase.signatures[y * k], k)) /
           static_cast<double>(k);
  };
  UnionFind sets(n);
  // Prompt pairs found different (by their text hash, so copies sharing a prompt share the
  // verdict): the same pairs come back in other bands and through other copies.
  std::unordered_set<uint64_t> different_prompts;
  std::u32string prompt_x, prompt_y;
  const auto consider = [&](size_t x, size_t y) {
    if (sets.find(x) == sets.find(y)) return;
    if (similarity(x, y) < options.threshold) return;
    if (options.prompt_threshold > 0.0) {
      const int quick = quick_prompts_match(phase.prompt_keys[x], phase.prompt_keys[y], options.prompt_threshold);
      if (quick == 0) return;
      if (quick < 0) {
        const uint64_t hx = phase.prompt_keys[x].text, hy = phase.prompt_keys[y].text;
        const uint64_t key = mix64(std::min(hx, hy) ^ mix64(std::max(hx, hy)));
        if (different_prompts.count(key)) return;
        normalised_prompt(records[x], prompt_x);
        normalised_prompt(records[y], prompt_y);
        if (!prompts_match(prompt_x, prompt_y, options.prompt_threshold)) {
          different_prompts.insert(key);
          return;
        }
      }
    }
    sets.join(x, y);
  };
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  keys.reserve(n);
  for (size_t band = 0; band < static_cast<size_t>(options.bands); ++band) {
    keys.clear();
    for (size_t i = 0; i < n; ++i) {
      if (!phase.has_signature[i] || is_exact_dup[i]) continue;
      const uint16_t* s = &phase.signatures[i * k + band * rows];
      uint64_t h = mix64(band + 0x51ED27ULL);
      for (size_t r = 0; r < rows; ++r) h = mix64(h ^ (s[r] + (uint64_t{r} << 32)));
      keys.emplace_back(h, static_cast<uint32_t>(i));
    }
    std::sort(keys.begin(), keys.end());
    for (size_t start = 0; start < keys.size();) {
      size_t stop = start + 1;
      while (stop < keys.size() && keys[stop].first == keys[start].first) ++stop;
      const size_t size = stop - start;
      for (size_t j = 1; j < size; ++j) {
        const size_t y = keys[start + j].second;
        const size_t reps = size <= kAllPairsCap ? j : std::min(j, kBucketReps);
        for (size_t r = 0; r < reps; ++r) consider(keys[start + r].second, y);
        if (size > kAllPairsCap && j > kBucketReps) consider(keys[start + j - 1].second, y);
      }
      start = stop;
    }
  }

  std::vector<uint32_t> group_size(n, 0);
  for (size_t i = 0; i < n; ++i)
    if (phase.has_signature[i] && !is_exact_dup[i]) ++group_size[sets.find(i)];
  std::unordered_map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (!phase.has_signature[i] || is_exact_dup[i]) continue;
    const size_t root = sets.find(i);
    if (group_size[root] > 1) groups[root].push_back(i);
  }
  std::vector<size_t> roots;
  for (const auto& [root, members] : groups) roots.push_back(root);
  std::sort(roots.begin(), roots.end());
  for (const size_t root : roots) {
    const auto& members = groups[root];  // ascending: filled in index order
    DuplicateGroup group;
    group.keep = choose_keep(members, prefer_keep);
    for (const size_t m : members) {
      if (m == group.keep) continue;
      group.duplicates.push_back(m);
      group.similarity.push_back(similarity(group.keep, m));
    }
    result.near_removed += static_cast<int64_t>(group.duplicates.size());
    result.near.push_back(std::move(group));
  }
  return result;
}

std::vector<size_t> duplicate_indices(const DedupResult& result) {
  std::vector<size_t> out;
  for (const auto* groups : {&result.exact, &result.near})
    for (const auto& g : *groups) out.insert(out.end(), g.duplicates.begin(), g.duplicates.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace medlora::data
