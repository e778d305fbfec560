#include "core/data/keyword_matcher.h"

#include <algorithm>
#include <deque>
#include <string>
#include <utility>
#include <stdexcept>

namespace medlora::data {
namespace {

unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; }
bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords, bool prefix_wildcards) {
  nodes_.emplace_back();
  for (const std::string& raw : keywords) {
    std::string_view word = raw;
    bool prefix = false;
    if (prefix_wildcards && !word.empty() && word.back() == '*') word.remove_suffix(1), prefix = true;
    if (word.empty()) throw std::invalid_argument("a keyword is empty; remove it or give it some text");
    Keyword keyword;
    keyword.length = word.size();
    keyword.boundary_start = is_word_byte(static_cast<unsigned char>(word.front()));
    keyword.boundary_end = !prefix && is_word_byte(static_cast<unsigned char>(word.back()));
    int32_t node = 0;
    for (const char ch : word) {
      const unsigned char byte = fold(static_cast<unsigned char>(ch));
      int32_t next = child(node, byte);
      if (next < 0) {
        next = static_cast<int32_t>(nodes_.size());
        auto& edges = nodes_[static_cast<size_t>(node)].next;
        edges.insert(std::lower_bound(edges.begin(), edges.end(), std::make_pair(byte, int32_t{-1})),
                     std::make_pair(byte, next));
        nodes_.emplace_back();
      }
      node = next;
    }
    nodes_[static_cast<size_t>(node)].ends.push_back(static_cast<uint32_t>(keywords_.size()));
    keywords_.push_back(keyword);
  }
  root_next_.assign(256, 0);
  for (const auto& [byte, target] : nodes_[0].next) root_next_[byte] = target;
  // Breadth-first: fail links point to the longest proper suffix that is also a prefix.
  std::deque<int32_t> queue;
  for (const auto& [byte, target] : nodes_[0].next) {
    nodes_[static_cast<size_t>(target)].fail = 0;
    queue.push_back(target);
  }
  while (!queue.empty()) {
    const int32_t node = queue.front();
    queue.pop_front();
    for (const auto& [byte, target] : nodes_[static_cast<size_t>(node)].next) {
      const int32_t fail = step(nodes_[static_cast<size_t>(node)].fail, byte);
      auto& t = nodes_[static_cast<size_t>(target)];
      t.fail = fail;
      const auto& f = nodes_[static_cast<size_t>(fail)];
      t.output_link = f.ends.empty() ? f.output_link : fail;
      queue.push_back(target);
    }
  }
}

int32_t KeywordMatcher::child(int32_t node, unsigned char byte) const {
  const auto& edges = nodes_[static_cast<size_t>(node)].next;
  const auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(byte, int32_t{-1}));
  return it != edges.end() && it->first == byte ? it->second : -1;
}

int32_t KeywordMatcher::step(int32_t node, unsigned char byte) const {
  while (node != 0) {
    const int32_t next = child(node, byte);
    if (next >= 0) return next;
    node = nodes_[static_cast<size_t>(node)].fail;
  }
  return root_next_.empty() ? std::max<int32_t>(child(0, byte), 0) : root_next_[byte];
}

bool KeywordMatcher::accept(std::string_view text, size_t end, const Keyword& keyword) const {
  const size_t start = end - keyword.length;
  if (keyword.boundary_start && start > 0 && is_word_byte(static_cast<unsigned char>(text[start - 1]))) return false;
  if (keyword.boundary_end && end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) return false;
  // A CJK keyword must not start in the middle of a multi-byte character.
  if ((static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) return false;
  return true;
}

std::vector<KeywordMatcher::Hit> KeywordMatcher::find_all(std::string_view text) const {
  std::vector<Hit> hits;
  int32_t node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = step(node, fold(static_cast<unsigned char>(text[i])));
    for (int32_t out = nodes_[static_cast<size_t>(node)].ends.empty() ? nodes_[static_cast<size_t>(node)].output_link : node;
         out >= 0; out = nodes_[static_cast<size_t>(out)].output_link) {
      for (const uint32_t k : nodes_[static_cast<size_t>(out)].ends) {
        const Keyword& keyword = keywords_[k];
        if (accept(text, i + 1, keyword)) hits.push_back(Hit{i + 1 - keyword.length, keyword.length, k});
      }
    }
  }
  return hits;
}

std::vector<KeywordMatcher::Hit> KeywordMatcher::find_longest(std::string_view text) const {
  std::vector<Hit> hits = find_all(text);
  if (hits.size() < 2) return hits;
  // Longest first, then leftmost; a hit is taken when none of its bytes is taken yet.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.length != b.length) return a.length > b.length;
    if (a.offset != b.offset) return a.offset < b.offset;
    return a.keyword < b.keyword;
  });
  std::vector<Hit> kept;
  std::vector<char> taken(text.size(), 0);
  for (const Hit& hit : hits) {
    const auto begin = taken.begin() + static_cast<std::ptrdiff_t>(hit.offset);
    const auto end = begin + static_cast<std::ptrdiff_t>(hit.length);
    if (std::find(begin, end, 1) != end) continue;
    std::fill(begin, end, 1);
    kept.push_back(hit);
  }
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.offset < b.offset; });
  return kept;
}

}  // namespace medlora::data
