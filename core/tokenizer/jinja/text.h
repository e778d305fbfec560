#pragma once
// A string with provenance: which byte ranges came from the template's own markup (its
// literal text, its string literals, the special-token variables) rather than from data.
#include <string>
#include <string_view>
#include <vector>

#include "core/tokenizer/tokenizer.h"

namespace medlora::tokenizer::jinja {

struct Text {
  std::string str;
  std::vector<TextRange> markup;  // sorted, merged, non-overlapping, relative to str

  static Text from_markup(std::string s);
  static Text from_data(std::string s);
  // Markup when `markup_source`, otherwise data: for results of transforms.
  static Text derived(std::string s, bool markup_source);

  bool all_markup() const { return str.empty() || (markup.size() == 1 && markup[0].begin == 0 && markup[0].end == str.size()); }

  void append(const Text& other);
  void append_markup(std::string_view s);
  void append_data(std::string_view s);

 private:
  void add_range(size_t begin, size_t end);
};

}  // namespace medlora::tokenizer::jinja
