#include "core/tokenizer/jinja/text.h"

namespace medlora::tokenizer::jinja {

Text Text::from_markup(std::string s) {
  Text t;
  t.str = std::move(s);
  if (!t.str.empty()) t.markup.push_back({0, t.str.size()});
  return t;
}

Text Text::from_data(std::string s) {
  Text t;
  t.str = std::move(s);
  return t;
}

Text Text::derived(std::string s, bool markup_source) {
  return markup_source ? from_markup(std::move(s)) : from_data(std::move(s));
}

void Text::add_range(size_t begin, size_t end) {
  if (begin >= end) return;
  if (!markup.empty() && markup.back().end == begin) {
    markup.back().end = end;
  } else {
    markup.push_back({begin, end});
  }
}

void Text::append(const Text& other) {
  const size_t offset = str.size();
  str += other.str;
  for (const auto& r : other.markup) add_range(offset + r.begin, offset + r.end);
}

void Text::append_markup(std::string_view s) {
  const size_t offset = str.size();
  str += s;
  add_range(offset, str.size());
}

void Text::append_data(std::string_view s) { str += s; }

}  // namespace medlora::tokenizer::jinja
