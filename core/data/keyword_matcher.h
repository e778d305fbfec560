#pragma once
// Finds many keywords in one pass over a text (Aho-Corasick over UTF-8 bytes), the way the
// category tagger, the term standardiser and augmentation need it:
//  - ASCII letters match case-insensitively;
//  - a keyword whose first (last) character is an ASCII letter or digit must start (end) on a
//    word boundary, i.e. not next to another ASCII letter or digit ("ER" is not in "cancer");
//  - with prefix wildcards on, a keyword written "pregnan*" matches as a word prefix;
//  - CJK keywords match anywhere.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::data {

class KeywordMatcher {
 public:
  struct Hit {
    size_t offset = 0;   // bytes
    size_t length = 0;   // bytes
    size_t keyword = 0;  // index into the constructor's list
  };

  // Throws std::invalid_argument for an empty keyword (or a lone "*").
  explicit KeywordMatcher(const std::vector<std::string>& keywords, bool prefix_wildcards = false);

  // Every occurrence of every keyword, overlaps included, ordered by end position.
  std::vector<Hit> find_all(std::string_view text) const;

  // Non-overlapping occurrences chosen longest first (then leftmost), ordered by offset.
  std::vector<Hit> find_longest(std::string_view text) const;

  size_t size() const { return keywords_.size(); }

 private:
  struct Keyword {
    size_t length = 0;
    bool boundary_start = false;
    bool boundary_end = false;
  };
  struct Node {
    std::vector<std::pair<unsigned char, int32_t>> next;  // sorted by byte
    int32_t fail = 0;
    int32_t output_link = -1;        // nearest node on the fail chain that ends keywords
    std::vector<uint32_t> ends;      // keywords ending exactly here
  };

  int32_t child(int32_t node, unsigned char byte) const;
  int32_t step(int32_t node, unsigned char byte) const;
  bool accept(std::string_view text, size_t end, const Keyword& keyword) const;

  std::vector<Keyword> keywords_;
  std::vector<Node> nodes_;
  std::vector<int32_t> root_next_;  // 256 entries: the root's transitions, looked up directly
};

}  // namespace medlora::data
