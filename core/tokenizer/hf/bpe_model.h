#pragma once
// HF's BPE model: a word (one pre-token) becomes ids by applying merges by rank, lowest
// first and leftmost among equals (HF's heap order), with byte_fallback, unk/fuse_unk,
// continuing_subword_prefix, end_of_word_suffix and ignore_merges. Words already seen come
// from a cache.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace medlora::tokenizer::hf {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using VocabMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

// Open addressing map from a pair of ids to (rank, merged id).
class MergeTable {
 public:
  void reserve(size_t count);
  // Later duplicates replace earlier ones, as HF's HashMap collect does.
  void insert(uint32_t a, uint32_t b, uint32_t rank, uint32_t merged);
  // Returns false when the pair does not merge.
  bool find(uint32_t a, uint32_t b, uint32_t& rank, uint32_t& merged) const {
    if (slots_.empty()) return false;
    const uint64_t key = (uint64_t(a) << 32) | b;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) {
        rank = s.rank;
        merged = s.merged;
        return true;
      }
      if (s.key == kEmpty) return false;
    }
  }
  size_t size() const { return count_; }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t(0);
  struct Slot {
    uint64_t key = kEmpty;
    uint32_t rank = 0;
    uint32_t merged = 0;
  };
  size_t slot_of(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void grow();
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t count_ = 0;
};

struct BpeOptions {
  std::optional<std::string> unk_token;
  bool fuse_unk = false;
  bool byte_fallback = false;
  bool ignore_merges = false;
  std::string continuing_subword_prefix;
  std::string end_of_word_suffix;
};

class BpeModel {
 public:
  // `merges` are pairs of vocabulary entries in rank order. Throws TokenizerError naming
  // `origin` for a merge whose parts or result are not in the vocabulary.
  BpeModel(VocabMap vocab, const std::vector<std::pair<std::string, std::string>>& merges, BpeOptions options,
           const std::string& origin);

  // Appends the ids of one word. `byte_level_pending`: the word is raw bytes that the
  // vocabulary spells in the byte-level alphabet.
  void tokenize(std::string_view word, bool byte_level_pending, std::vector<int64_t>& out) const;

  std::optional<uint32_t> token_to_id(std::string_view token) const;
  // nullptr when the model has no such id.
  const std::string* id_to_token(uint32_t id) const;
  // One past the largest id.
  uint32_t id_end() const { return static_cast<uint32_t>(id_to_token_.size()); }
  // How many entries the vocabulary has (HF's get_vocab_size).
  size_t vocab_count() const { return vocab_.size(); }
  const BpeOptions& options() const { return options_; }

 private:
  void tokenize_uncached(std::string_view word, bool byte_level_pending, std::vector<uint32_t>& out) const;
  void initial_symbols(std::string_view spelled, std::vector<uint32_t>& ids) const;
  void merge(std::vector<uint32_t>& ids) const;

  VocabMap vocab_;
  std::vector<std::string> id_to_token_;
  std::vector<bool> has_id_;
  MergeTable merges_;
  BpeOptions options_;
  std::string origin_;
  int64_t byte_fallback_ids_[256];
  int64_t byte_level_ids_[256];  // vocabulary id of each byte's byte-level spelling, -1 if none
  bool plain_chars_ = true;      // no continuing_subword_prefix / end_of_word_suffix

  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>> cache_[2];
};

}  // namespace medlora::tokenizer::hf
