#include "core/data/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>

#include "core/data/utf8_text.h"

namespace medlora::data {
namespace {

// Element names recognised as markup. Anything else between angle brackets is kept as text,
// so medical comparisons ("<5 岁", "a <b> c" in prose is rare) survive.
constexpr const char* kInlineElements[] = {
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "body", "button", "caption", "center", "cite",
    "code", "col", "colgroup", "data", "del", "dfn", "em", "embed", "font", "form", "head", "html",
    "i", "iframe", "img", "input", "ins", "kbd", "label", "link", "map", "mark", "meta", "meter",
    "nobr", "noscript", "object", "optgroup", "option", "param", "picture", "q", "rp", "rt", "ruby",
    "s", "samp", "select", "small", "source", "span", "strike", "strong", "sub", "sup", "svg",
    "tbody", "textarea", "tfoot", "thead", "time", "title", "tt", "u", "var", "video", "wbr",
    "audio", "canvas", "area", "base", "details", "summary", "dialog", "template", "track",
    "figcaption", "legend", "fieldset", "output", "progress", "slot", "main", "nav", "aside", "math",
    "script", "style"};
constexpr const char* kBlockElements[] = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul"};

enum class TagKind { NotATag, Inline, Block };

TagKind classify(const std::string& lower_name) {
  const auto in = [&](const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* n) { return lower_name == n; });
  };
  if (in(kBlockElements)) return TagKind::Block;
  if (in(kInlineElements)) return TagKind::Inline;
  return TagKind::NotATag;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Position just after the '>' that closes a tag starting at `from`, honouring quoted
// attribute values; npos when the tag never closes (then it is not a tag).
size_t tag_end(std::string_view text, size_t from) {
  char quote = 0;
  for (size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    } else if (c == '<' || c == '\n') {
      return std::string_view::npos;  // a stray '<' in prose, not an unterminated tag
    }
  }
  return std::string_view::npos;
}

size_t find_case_insensitive(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= text.size(); ++i) {
    bool same = true;
    for (size_t k = 0; k < needle.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(text[i + k])) == needle[k];
    if (same) return i;
  }
  return std::string_view::npos;
}

struct NamedEntity {
  const char* name;
  char32_t cp;
};
constexpr std::array<NamedEntity, 40> kEntities = {{
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"ndash", 0x2013},
    {"mdash", 0x2014}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"hellip", 0x2026}, {"bull", 0x2022},  {"middot", 0xB7},   {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"deg", 0xB0},      {"plusmn", 0xB1},   {"times", 0xD7},   {"divide", 0xF7},
    {"micro", 0xB5},   {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},  {"sup2", 0xB2},
    {"sup3", 0xB3},    {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},    {"asymp", 0x2248},
    {"larr", 0x2190},  {"rarr", 0x2192},   {"alpha", 0x3B1},   {"beta", 0x3B2},   {"shy", 0xAD}}};

// Decodes one reference at text[pos] == '&'. Returns the number of bytes consumed (0 when it
// is not a reference we know) and the code point.
size_t decode_entity(std::string_view text, size_t pos, char32_t& cp) {
  const size_t semi = text.find(';', pos + 1);
  if (semi == std::string_view::npos || semi - pos > 12 || semi == pos + 1) return 0;
  const std::string_view body = text.substr(pos + 1, semi - pos - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    char32_t value = 0;
    for (const char c : digits) {
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return 0;
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    cp = value;
    return semi - pos + 1;
  }
  for (const auto& e : kEntities) {
    if (body == e.name) {
      cp = e.cp;
      return semi - pos + 1;
    }
  }
  return 0;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, amp - pos));
    char32_t cp = 0;
    const size_t used = decode_entity(text, amp, cp);
    if (used == 0) {
      out.push_back('&');
      pos = amp + 1;
    } else {
      if (cp != 0xAD) utf8::append(out, cp);  // a soft hyphen is invisible: drop it
      pos = amp + used;
    }
  }
  return out;
}

std::string strip_html(std::string_view text) {
  if (text.find('<') == std::string_view::npos) return decode_html_entities(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t lt = text.find('<', pos);
    if (lt == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, lt - pos));
    pos = lt;
    const std::string_view rest = text.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      const size_t close = text.find("-->", lt + 4);
      pos = close == std::string_view::npos ? text.size() : close + 3;
      continue;
    }
    if (rest.substr(0, 9) == "<![CDATA[") {
      const size_t close = text.find("]]>", lt + 9);
      const size_t stop = close == std::string_view::npos ? text.size() : close;
      out.append(text.substr(lt + 9, stop - lt - 9));
      pos = close == std::string_view::npos ? text.size() : close + 3;
      continue;
    }
    if (rest.size() > 2 && rest[1] == '!' && std::isalpha(static_cast<unsigned char>(rest[2]))) {
      const size_t end = tag_end(text, lt + 2);  // <!DOCTYPE ...>
      if (end != std::string_view::npos) {
        pos = end;
        continue;
      }
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    size_t name_start = lt + (closing ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < text.size() && is_name_char(text[name_end])) ++name_end;
    std::string name(text.substr(name_start, name_end - name_start));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool name_ends_well = name_end < text.size() &&
                                (text[name_end] == '>' || text[name_end] == '/' ||
                                 std::isspace(static_cast<unsigned char>(text[name_end])));
    const TagKind kind = name.empty() || !name_ends_well ? TagKind::NotATag : classify(name);
    const size_t end = kind == TagKind::NotATag ? std::string_view::npos : tag_end(text, name_end);
    if (end == std::string_view::npos) {
      out.push_back('<');
      pos = lt + 1;
      continue;
    }
    pos = end;
    if (!closing && (name == "script" || name == "style")) {
      const size_t close = find_case_insensitive(text, name == "script" ? "</script" : "</style", end);
      const size_t close_end = close == std::string_view::npos ? std::string_view::npos : text.find('>', close);
      pos = close_end == std::string_view::npos ? text.size() : close_end + 1;
      continue;
    }
    if (kind == TagKind::Block) out.push_back('\n');
  }
  return decode_html_entities(out);
}

}  // namespace medlora::data
