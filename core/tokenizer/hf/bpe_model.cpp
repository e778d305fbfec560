#include "core/tokenizer/hf/bpe_model.h"

#include <cstdio>
#include <queue>

#include "core/io/utf8.h"
#include "core/tokenizer/hf/byte_level.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::hf {

void MergeTable::reserve(size_t count) {
  size_t cap = 16;
  while (cap < count * 2) cap <<= 1;
  if (cap <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  shift_ = 64 - __builtin_ctzll(cap);
  count_ = 0;
  for (const auto& s : old) {
    if (s.key != kEmpty) insert(uint32_t(s.key >> 32), uint32_t(s.key), s.rank, s.merged);
  }
}

void MergeTable::grow() { reserve(slots_.empty() ? 16 : slots_.size()); }

void MergeTable::insert(uint32_t a, uint32_t b, uint32_t rank, uint32_t merged) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const uint64_t key = (uint64_t(a) << 32) | b;
  for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.key == key) {
      s.rank = rank;
      s.merged = merged;
      return;
    }
    if (s.key == kEmpty) {
      s = {key, rank, merged};
      ++count_;
      return;
    }
  }
}

namespace {
// HF caches words up to this many bytes and this many words.
constexpr size_t kMaxCachedWordBytes = 256;
constexpr size_t kMaxCachedWords = 200000;
}  // namespace

BpeModel::BpeModel(VocabMap vocab, const std::vector<std::pair<std::string, std::string>>& merges, BpeOptions options,
                   const std::string& origin)
    : vocab_(std::move(vocab)), options_(std::move(options)), origin_(origin) {
  uint32_t end = 0;
  for (const auto& [token, id] : vocab_) end = std::max(end, id + 1);
  id_to_token_.resize(end);
  has_id_.assign(end, false);
  for (const auto& [token, id] : vocab_) {
    id_to_token_[id] = token;
    has_id_[id] = true;
  }
  merges_.reserve(merges.size());
  const size_t prefix_len = options_.continuing_subword_prefix.size();
  for (size_t rank = 0; rank < merges.size(); ++rank) {
    const auto& [a, b] = merges[rank];
    const auto ia = vocab_.find(a), ib = vocab_.find(b);
    if (ia == vocab_.end() || ib == vocab_.end()) {
      throw TokenizerError(origin + ": model.merges[" + std::to_string(rank) + "] (\"" + a + " " + b + "\") uses \"" +
                           (ia == vocab_.end() ? a : b) + "\", which is not in model.vocab; the file is damaged");
    }
    const std::string merged = a + (b.size() >= prefix_len ? b.substr(prefix_len) : std::string());
    const auto im = vocab_.find(merged);
    if (im == vocab_.end()) {
      throw TokenizerError(origin + ": model.merges[" + std::to_string(rank) + "] makes \"" + merged +
                           "\", which is not in model.vocab; the file is damaged");
    }
    merges_.insert(ia->second, ib->second, static_cast<uint32_t>(rank), im->second);
  }
  char buf[8];
  for (int b = 0; b < 256; ++b) {
    std::snprintf(buf, sizeof buf, "<0x%02X>", b);
    const auto it = vocab_.find(std::string_view(buf));
    byte_fallback_ids_[b] = it == vocab_.end() ? int64_t{-1} : int64_t{it->second};
    const auto bl = vocab_.find(ByteLevelAlphabet::instance().encode_byte(static_cast<unsigned char>(b)));
    byte_level_ids_[b] = bl == vocab_.end() ? int64_t{-1} : int64_t{bl->second};
  }
  plain_chars_ = options_.continuing_subword_prefix.empty() && options_.end_of_word_suffix.empty();
}

std::optional<uint32_t> BpeModel::token_to_id(std::string_view token) const {
  const auto it = vocab_.find(token);
  if (it == vocab_.end()) return std::nullopt;
  return it->second;
}

const std::string* BpeModel::id_to_token(uint32_t id) const {
  if (id >= id_to_token_.size() || !has_id_[id]) return nullptr;
  return &id_to_token_[id];
}

void BpeModel::tokenize(std::string_view word, bool byte_level_pending, std::vector<int64_t>& out) const {
  if (word.empty()) return;
  auto& cache = cache_[byte_level_pending ? 1 : 0];
  const bool cacheable = word.size() <= kMaxCachedWordBytes;
  if (cacheable) {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    const auto it = cache.find(word);
    if (it != cache.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
      return;
    }
  }
  std::vector<uint32_t> ids;
  tokenize_uncached(word, byte_level_pending, ids);
  out.insert(out.end(), ids.begin(), ids.end());
  if (cacheable) {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    if (cache.size() < kMaxCachedWords) cache.emplace(std::string(word), std::move(ids));
  }
}

void BpeModel::tokenize_uncached(std::string_view word, bool byte_level_pending, std::vector<uint32_t>& out) const {
  std::string spelled_storage;
  std::string_view spelled = word;
  const bool need_spelling = byte_level_pending && (options_.ignore_merges || !plain_chars_);
  if (need_spelling) {
    ByteLevelAlphabet::instance().encode(word, spelled_storage);
    spelled = spelled_storage;
  }
  if (options_.ignore_merges) {
    if (const auto it = vocab_.find(spelled); it != vocab_.end()) {
      out.push_back(it->second);
      return;
    }
  }
  if (byte_level_pending && plain_chars_) {
    bool all_known = true;
    for (const char c : word) {
      const int64_t id = byte_level_ids_[static_cast<unsigned char>(c)];
      if (id < 0) {
        all_known = false;
        break;
      }
      out.push_back(static_cast<uint32_t>(id));
    }
    if (all_known) {
      merge(out);
      return;
    }
    out.clear();
  }
  if (byte_level_pending && !need_spelling) {
    ByteLevelAlphabet::instance().encode(word, spelled_storage);
    spelled = spelled_storage;
  }
  initial_symbols(spelled, out);
  merge(out);
}

void BpeModel::initial_symbols(std::string_view w, std::vector<uint32_t>& ids) const {
  std::optional<uint32_t> unk_id;
  size_t unk_count = 0;  // a pending unk (HF adds it lazily, after any byte-fallback ids)
  auto unk_token_id = [&]() -> uint32_t {
    const auto it = vocab_.find(*options_.unk_token);
    if (it == vocab_.end()) {
      throw TokenizerError(origin_ + ": model.unk_token \"" + *options_.unk_token +
                           "\" is not in model.vocab; the file is damaged");
    }
    return it->second;
  };
  std::string key;
  size_t pos = 0;
  while (pos < w.size()) {
    const size_t start = pos;
    pos += std::min(io::utf8::sequence_length(static_cast<unsigned char>(w[pos])), w.size() - pos);
    std::string_view s = w.substr(start, pos - start);
    if (!plain_chars_) {
      key.clear();
      if (start > 0) key += options_.continuing_subword_prefix;
      key.append(s);
      if (pos == w.size()) key += options_.end_of_word_suffix;
      s = key;
    }
    if (const auto it = vocab_.find(s); it != vocab_.end()) {
      if (unk_count) {
        ids.push_back(*unk_id);
        unk_count = 0;
      }
      ids.push_back(it->second);
      continue;
    }
    if (options_.byte_fallback) {
      bool all = true;
      for (const char c : s) all = all && byte_fallback_ids_[static_cast<unsigned char>(c)] >= 0;
      if (all) {
        for (const char c : s) ids.push_back(static_cast<uint32_t>(byte_fallback_ids_[static_cast<unsigned char>(c)]));
        continue;
      }
    }
    if (options_.unk_token) {
      if (unk_count && !options_.fuse_unk) ids.push_back(*unk_id);
      if (!unk_id) unk_id = unk_token_id();
      unk_count = 1;
    }
  }
  if (unk_count) ids.push_back(*unk_id);
}

void BpeModel::merge(std::vector<uint32_t>& ids) const {
  const int n = static_cast<int>(ids.size());
  if (n < 2) return;
  struct Symbol {
    uint32_t id;
    int prev, next;
    bool alive;
  };
  struct Candidate {
    uint32_t rank;
    int pos;
    uint32_t merged;
    bool operator<(const Candidate& o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
  };
  std::vector<Symbol> symbols(n);
  for (int i = 0; i < n; ++i) symbols[i] = {ids[i], i - 1, i + 1 < n ? i + 1 : -1, true};
  std::vector<Candidate> heap_storage;
  heap_storage.reserve(n);
  std::priority_queue<Candidate> queue(std::less<Candidate>(), std::move(heap_storage));
  uint32_t rank, merged;
  for (int i = 0; i + 1 < n; ++i) {
    if (merges_.find(ids[i], ids[i + 1], rank, merged)) queue.push({rank, i, merged});
  }
  while (!queue.empty()) {
    const Candidate top = queue.top();
    queue.pop();
    Symbol& cur = symbols[top.pos];
    if (!cur.alive || cur.next < 0) continue;
    const int next_pos = cur.next;
    const Symbol right = symbols[next_pos];
    if (!merges_.find(cur.id, right.id, rank, merged) || merged != top.merged) continue;
    cur.id = top.merged;
    cur.next = right.next;
    symbols[next_pos].alive = false;
    if (right.next >= 0) symbols[right.next].prev = top.pos;
    if (cur.prev >= 0 && merges_.find(symbols[cur.prev].id, cur.id, rank, merged)) {
      queue.push({rank, cur.prev, merged});
    }
    if (cur.next >= 0 && merges_.find(cur.id, symbols[cur.next].id, rank, merged)) {
      queue.push({rank, top.pos, merged});
    }
  }
  ids.clear();
  for (int i = 0; i >= 0; i = symbols[i].next) ids.push_back(symbols[i].id);
}

}  // namespace medlora::tokenizer::hf
