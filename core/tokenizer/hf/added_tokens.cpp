#include "core/tokenizer/hf/added_tokens.h"

#include <algorithm>

#include "core/io/utf8.h"
#include "core/tokenizer/hf/utf8_text.h"

namespace medlora::tokenizer::hf {

AddedTokenMatcher::AddedTokenMatcher(const std::vector<AddedToken>* tokens,
                                     const std::vector<std::pair<std::string, size_t>>& patterns)
    : tokens_(tokens) {
  nodes_.emplace_back();
  for (const auto& [spelling, index] : patterns) {
    if (spelling.empty()) continue;
    uint32_t node = 0;
    for (const char c : spelling) {
      const uint64_t key = (uint64_t(node) << 8) | static_cast<unsigned char>(c);
      const auto it = edges_.find(key);
      if (it == edges_.end()) {
        nodes_.emplace_back();
        const auto child = static_cast<uint32_t>(nodes_.size() - 1);
        edges_.emplace(key, child);
        node = child;
      } else {
        node = it->second;
      }
    }
    // The first token with a spelling wins, as in HF's pattern list order.
    if (nodes_[node].token_index < 0) nodes_[node].token_index = static_cast<int64_t>(index);
    first_byte_[static_cast<unsigned char>(spelling[0])] = true;
    ++patterns_;
  }
}

bool AddedTokenMatcher::longest_at(std::string_view text, size_t pos, size_t& token_index, size_t& length) const {
  uint32_t node = 0;
  bool found = false;
  for (size_t i = pos; i < text.size(); ++i) {
    const auto it = edges_.find((uint64_t(node) << 8) | static_cast<unsigned char>(text[i]));
    if (it == edges_.end()) break;
    node = it->second;
    if (nodes_[node].token_index >= 0) {
      token_index = static_cast<size_t>(nodes_[node].token_index);
      length = i + 1 - pos;
      found = true;
    }
  }
  return found;
}

namespace {

bool ends_with_word(std::string_view s) { return !s.empty() && is_rust_alphanumeric(io::utf8::previous_code_point(s, s.size())); }

bool starts_with_word(std::string_view s) {
  if (s.empty()) return false;
  size_t p = 0;
  return is_rust_alphanumeric(io::utf8::next_code_point(s, p));
}

// Where the whitespace at the end of `s` starts.
size_t trailing_space_start(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t start = 0;
    if (!is_rust_whitespace(io::utf8::previous_code_point(s, end, &start))) break;
    end = start;
  }
  return end;
}

// How many bytes of whitespace `s` starts with.
size_t leading_space_length(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t p = pos;
    if (!is_rust_whitespace(io::utf8::next_code_point(s, p))) break;
    pos = p;
  }
  return pos;
}

}  // namespace

std::vector<TextPiece> AddedTokenMatcher::split(
    std::string_view text, const std::function<bool(const AddedToken&, size_t, size_t)>& accept) const {
  std::vector<TextPiece> out;
  if (text.empty()) {
    out.push_back({0, 0, -1});
    return out;
  }
  size_t start_offset = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!first_byte_[static_cast<unsigned char>(text[pos])]) {
      ++pos;
      continue;
    }
    size_t index = 0, length = 0;
    if (!longest_at(text, pos, index, length)) {
      ++pos;
      continue;
    }
    size_t start = pos, stop = pos + length;
    pos = stop;
    const AddedToken& token = (*tokens_)[index];
    if (!accept(token, start, stop)) continue;
    if (token.single_word) {
      const bool start_space = start == 0 || !ends_with_word(text.substr(0, start));
      const bool stop_space = stop == text.size() || !starts_with_word(text.substr(stop));
      if (!start_space || !stop_space) continue;
    }
    if (token.lstrip) start = std::max(trailing_space_start(text.substr(0, start)), start_offset);
    if (token.rstrip) stop += leading_space_length(text.substr(stop));
    if (start_offset < start) out.push_back({start_offset, start, -1});
    out.push_back({start, stop, static_cast<int64_t>(token.id)});
    start_offset = stop;
  }
  if (start_offset != text.size()) out.push_back({start_offset, text.size(), -1});
  return out;
}

}  // namespace medlora::tokenizer::hf
