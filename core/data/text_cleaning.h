#pragma once
// Cleaning rules for imported records. plan_cleaning() only looks: it returns every change
// and every drop with the rule responsible, so the UI can preview it; apply_cleaning() then
// does exactly what the plan says.
//
// Rules, applied in this order to instruction, input and output, and to every turn of a
// conversation (the answer side is output or the assistant turns, the prompt side the rest):
//  - strip_control: removes C0/C1 control characters (tab and newline kept), DEL, zero-width
//    characters (U+200B..U+200D, U+2060, U+FEFF) and invalid UTF-8 bytes.
//  - strip_html: removes tags ("<b>", "</p>", "<br/>", "<!-- -->", "<script>..</script>"),
//    block-level tags become line breaks; entities (&amp; &lt; &nbsp; &#8212; &#x4E2D; ...)
//    are decoded. A '<' not followed by a letter, '/' or '!' is text ("血压<140/90").
//  - normalise_punctuation: fullwidth ASCII forms U+FF01..U+FF5E become ASCII, except the
//    Chinese sentence punctuation ，。！？：；（）, which depends on context: it stays when
//    the nearest non-space character on either side is CJK (Han, kana, hangul) and becomes
//    , . ! ? : ; ( ) otherwise ("Take 2 tablets，twice a day" -> "Take 2 tablets, twice a day").
//    ASCII , ! ? : ; between two CJK characters becomes ，！？：；. Nothing else is touched.
//  - normalise_whitespace: \r\n and \r become \n; tabs, no-break and other Unicode spaces
//    (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000) become ' '; runs of spaces collapse
//    to one; spaces at line ends go; three or more line breaks become two; ends are trimmed.
//  - drop_empty: answer side empty, or prompt side empty, or a conversation turn left empty
//    -> dropped ("empty").
//  - min_chars / max_chars, in code points after cleaning: output shorter than min_chars
//    -> "too_short"; output longer than max_chars, or the prompt side longer than
//    max_chars -> "too_long" (a conversation's turns are summed per side). A value <= 0 switches that check off.
// A dropped record is reported only in `dropped` (its text changes are not counted).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/data/record_change.h"

namespace medlora::data {

struct CleaningRules {
  bool normalise_whitespace = true;
  bool normalise_punctuation = true;
  bool strip_html = true;
  bool strip_control = true;
  int64_t min_chars = 2;
  int64_t max_chars = 20000;
  bool drop_empty = true;
};

struct CleaningResult {
  std::vector<RecordChange> changed;                   // kept records whose text changes
  std::vector<std::pair<size_t, std::string>> dropped;  // index, reason ("empty", "too_short", "too_long")
  // rule -> records it changed or dropped. Rules: "control", "html", "punctuation",
  // "whitespace", "empty", "too_short", "too_long" (present even when 0 for enabled rules).
  std::map<std::string, int64_t> counts;
};

CleaningResult plan_cleaning(const std::vector<RecordText>& records, const CleaningRules& rules);

// Applies a plan made from the same records: changed records take their `after` text,
// dropped ones are removed, order is kept. Throws std::invalid_argument when the plan
// names an index outside `records`.
std::vector<RecordText> apply_cleaning(std::vector<RecordText> records, const CleaningResult& plan);

// Cleans one string with the text rules (control, html, punctuation, whitespace); returns the
// names of the rules that changed it through `applied` when given.
std::string clean_text(const std::string& text, const CleaningRules& rules,
                       std::vector<std::string>* applied = nullptr);

// The key exact dedup compares: fullwidth forms folded to ASCII, ASCII letters lower-cased,
// punctuation (ASCII and Unicode) dropped, whitespace collapsed to single spaces and trimmed.
std::string normalise_for_hash(const std::string& text);

}  // namespace medlora::data
