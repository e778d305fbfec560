#pragma once
// What HF's Split, Replace and the built-in pre-tokenizers search for: a literal string, an
// ICU regex (HF's Oniguruma patterns: \p{L}, (?i:...), \s+(?!\S)), or a per-character
// predicate, plus HF's SplitDelimiterBehavior that turns the matches into pieces.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace medlora::tokenizer::hf {

// A byte range of a text and whether it is a match of the pattern.
struct Segment {
  size_t begin = 0;
  size_t end = 0;
  bool is_match = false;
};

enum class SplitBehavior { removed, isolated, merged_with_previous, merged_with_next, contiguous };

// Parses "Removed", "Isolated", ... ; throws TokenizerError naming `where` otherwise.
SplitBehavior parse_split_behavior(const std::string& name, const std::string& where);

class SplitPattern {
 public:
  static SplitPattern literal(std::string text);
  // Throws TokenizerError naming `where` when ICU rejects the pattern.
  static SplitPattern regex(const std::string& pattern, const std::string& where);
  // One match per character for which `predicate` holds.
  static SplitPattern per_char(std::function<bool(char32_t)> predicate);

  // HF's Pattern::find_matches: the whole text cut into matches and the gaps between them
  // (an empty text gives one empty non-match).
  std::vector<Segment> find_matches(std::string_view text) const;

 private:
  enum class Kind { literal, regex, per_char } kind_ = Kind::literal;
  std::string literal_;
  std::shared_ptr<const icu::RegexPattern> regex_;
  std::function<bool(char32_t)> predicate_;
};

// HF's NormalizedString::split: the pieces (byte ranges) the behavior keeps, empty ones dropped.
std::vector<Segment> split_segments(std::vector<Segment> matches, SplitBehavior behavior, bool invert);

// Replaces every match of `pattern` in `text` by `content`.
std::string replace_all(std::string_view text, const SplitPattern& pattern, std::string_view content);

}  // namespace medlora::tokenizer::hf
