#include "core/tokenizer/hf/split_pattern.h"

#include <algorithm>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "core/io/utf8.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::hf {

SplitBehavior parse_split_behavior(const std::string& name, const std::string& where) {
  if (name == "Removed") return SplitBehavior::removed;
  if (name == "Isolated") return SplitBehavior::isolated;
  if (name == "MergedWithPrevious") return SplitBehavior::merged_with_previous;
  if (name == "MergedWithNext") return SplitBehavior::merged_with_next;
  if (name == "Contiguous") return SplitBehavior::contiguous;
  throw TokenizerError(where + ": unknown split behavior \"" + name +
                       "\" (expected Removed, Isolated, MergedWithPrevious, MergedWithNext or Contiguous)");
}

SplitPattern SplitPattern::literal(std::string text) {
  SplitPattern p;
  p.kind_ = Kind::literal;
  p.literal_ = std::move(text);
  return p;
}

SplitPattern SplitPattern::regex(const std::string& pattern, const std::string& where) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error{};
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
  if (U_FAILURE(status) || !compiled) {
    throw TokenizerError(where + ": the regex \"" + pattern + "\" does not compile (ICU: " + u_errorName(status) +
                         " at offset " + std::to_string(parse_error.offset) + ")");
  }
  SplitPattern p;
  p.kind_ = Kind::regex;
  p.regex_ = std::shared_ptr<const icu::RegexPattern>(compiled.release());
  return p;
}

SplitPattern SplitPattern::per_char(std::function<bool(char32_t)> predicate) {
  SplitPattern p;
  p.kind_ = Kind::per_char;
  p.predicate_ = std::move(predicate);
  return p;
}

namespace {

void push_match(std::vector<Segment>& out, size_t& prev, size_t begin, size_t end) {
  if (prev != begin) out.push_back({prev, begin, false});
  out.push_back({begin, end, true});
  prev = end;
}

// Walks UTF-8 and UTF-16 offsets together (matches come in increasing order).
struct OffsetMapper {
  std::string_view text;
  size_t byte = 0;
  int32_t unit = 0;
  size_t to_byte(int32_t target) {
    while (unit < target && byte < text.size()) {
      const size_t len = io::utf8::sequence_length(static_cast<unsigned char>(text[byte]));
      byte += len;
      unit += len == 4 ? 2 : 1;
    }
    return byte;
  }
};

}  // namespace

std::vector<Segment> SplitPattern::find_matches(std::string_view text) const {
  std::vector<Segment> out;
  if (text.empty()) {
    out.push_back({0, 0, false});
    return out;
  }
  size_t prev = 0;
  switch (kind_) {
    case Kind::literal: {
      if (literal_.empty()) break;
      size_t pos = 0;
      while ((pos = text.find(literal_, pos)) != std::string_view::npos) {
        push_match(out, prev, pos, pos + literal_.size());
        pos += literal_.size();
      }
      break;
    }
    case Kind::per_char: {
      size_t pos = 0;
      while (pos < text.size()) {
        const size_t start = pos;
        const char32_t cp = io::utf8::next_code_point(text, pos);
        if (predicate_(cp)) push_match(out, prev, start, pos);
      }
      break;
    }
    case Kind::regex: {
      const icu::UnicodeString utf16 =
          icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> matcher(regex_->matcher(utf16, status));
      if (U_FAILURE(status)) throw TokenizerError(std::string("ICU regex matcher failed: ") + u_errorName(status));
      OffsetMapper mapper{text};
      while (matcher->find(status) && U_SUCCESS(status)) {
        const int32_t s16 = matcher->start(status), e16 = matcher->end(status);
        const size_t s = mapper.to_byte(s16);
        const size_t e = mapper.to_byte(e16);
        push_match(out, prev, s, e);
      }
      if (U_FAILURE(status)) throw TokenizerError(std::string("ICU regex search failed: ") + u_errorName(status));
      break;
    }
  }
  if (prev != text.size()) out.push_back({prev, text.size(), false});
  return out;
}

std::vector<Segment> split_segments(std::vector<Segment> matches, SplitBehavior behavior, bool invert) {
  if (invert) {
    for (auto& m : matches) m.is_match = !m.is_match;
  }
  std::vector<Segment> out;
  out.reserve(matches.size());
  switch (behavior) {
    case SplitBehavior::isolated:
      out = std::move(matches);
      break;
    case SplitBehavior::removed:
      for (const auto& m : matches) {
        if (!m.is_match) out.push_back(m);
      }
      break;
    case SplitBehavior::merged_with_previous: {
      bool previous_match = false;
      for (const auto& m : matches) {
        if (m.is_match && !previous_match && !out.empty()) {
          out.back().end = m.end;
        } else {
          out.push_back(m);
        }
        previous_match = m.is_match;
      }
      break;
    }
    case SplitBehavior::merged_with_next: {
      bool previous_match = false;
      for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
        if (it->is_match && !previous_match && !out.empty()) {
          out.back().begin = it->begin;
        } else {
          out.push_back(*it);
        }
        previous_match = it->is_match;
      }
      std::reverse(out.begin(), out.end());
      break;
    }
    case SplitBehavior::contiguous: {
      bool previous_match = false;
      for (const auto& m : matches) {
        if (m.is_match == previous_match && !out.empty()) {
          out.back().end = m.end;
        } else {
          out.push_back(m);
        }
        previous_match = m.is_match;
      }
      break;
    }
  }
  std::vector<Segment> kept;
  kept.reserve(out.size());
  for (const auto& s : out) {
    if (s.end > s.begin) kept.push_back(s);
  }
  return kept;
}

std::string replace_all(std::string_view text, const SplitPattern& pattern, std::string_view content) {
  std::string out;
  out.reserve(text.size());
  for (const auto& seg : pattern.find_matches(text)) {
    if (seg.is_match) {
      out.append(content);
    } else {
      out.append(text.substr(seg.begin, seg.end - seg.begin));
    }
  }
  return out;
}

}  // namespace medlora::tokenizer::hf
