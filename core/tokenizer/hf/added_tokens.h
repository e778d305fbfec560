#pragma once
// The added_tokens of a tokenizer.json and HF's splitter: finds them in a text
// (leftmost-longest, as HF's Aho-Corasick with MatchKind::LeftmostLongest) with the
// single_word, lstrip and rstrip rules, and cuts the text around them.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace medlora::tokenizer::hf {

struct AddedToken {
  uint32_t id = 0;
  std::string content;
  bool single_word = false;
  bool lstrip = false;
  bool rstrip = false;
  bool normalized = false;
  bool special = false;
};

// A piece of text: either an added token (token >= 0) or text for the model pipeline.
struct TextPiece {
  size_t begin = 0;
  size_t end = 0;
  int64_t token = -1;  // the added token's id
};

class AddedTokenMatcher {
 public:
  // `patterns` are the spellings to find (a token's content, or its normalised content),
  // each with the token it stands for.
  AddedTokenMatcher(const std::vector<AddedToken>* tokens, const std::vector<std::pair<std::string, size_t>>& patterns);

  // HF's AddedVocabulary::find_matches. `accept(token, begin, end)` may reject a match (a
  // special token where special-token text must stay text); a rejected match is skipped as
  // HF skips it, without looking for shorter matches inside it.
  std::vector<TextPiece> split(std::string_view text,
                               const std::function<bool(const AddedToken&, size_t, size_t)>& accept) const;
  bool empty() const { return patterns_ == 0; }

 private:
  // The longest pattern starting at `pos`: its token index and length, or false.
  bool longest_at(std::string_view text, size_t pos, size_t& token_index, size_t& length) const;

  const std::vector<AddedToken>* tokens_;
  struct Node {
    int64_t token_index = -1;
  };
  std::vector<Node> nodes_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 8 | byte) -> child
  bool first_byte_[256] = {};
  size_t patterns_ = 0;
};

}  // namespace medlora::tokenizer::hf
