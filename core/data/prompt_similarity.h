#pragma once
// Whether two prompts (instruction + input) ask the same thing, tolerant of the noise that makes
// a copy a near-duplicate (typos, a swapped word, spacing, punctuation) but not of a different
// subject. Templated corpora are full of prompts that share most characters yet ask different
// things: "What are the treatments for Anal Cancer?" / "... for Penile Cancer?", "Noonan
// syndrome 1" / "Noonan syndrome 2". Both inputs are in the duplicate-detection form
// (utf8::append_hash_normalised), as code points.
#include <cstdint>
#include <string>
#include <string_view>

namespace medlora::data {

// Dice coefficient over the prompts' words, weighted by word length, order ignored. Two words
// match when equal, or (both 3+ code points, neither a marker, see below) within one edit, two
// for words of 8+ code points; a typo'd match counts its length minus the edits. A CJK
// character counts as a one-character word. 1.0 for two empty prompts.
double fuzzy_word_similarity(std::u32string_view a, std::u32string_view b);

// Same prompt when
//  - both carry the same markers: words with a digit ("type 2", "15q"), roman numerals ("IV")
//    and single letters ("hepatitis A"), which name a particular thing however short (only for
//    prompts under 100 code points without spaces; longer ones describe a case, where a changed
//    number is one more edit);
//  - and either every word of 3+ code points has its (typo-tolerant) counterpart, at most two
//    shorter words differ and fuzzy_word_similarity >= threshold, or, with spaces removed,
//    they are at most max(2, length * (1 - threshold) / 3) edits apart (typos that split or
//    join words). A different disease name ("Anal" / "Penile Cancer") fails both.
// Prompts equal but for spacing always match; in the edit comparison, one-letter words present
// on one side only (typo debris: "What s (are)") do not count as different markers; digits do.
bool prompts_match(std::u32string_view a, std::u32string_view b, double threshold);
// Cheap facts about one prompt that settle most comparisons without prompts_match():
// identical text, identical text but for spaces, or different markers that no typo explains.
struct PromptKey {
  uint64_t text = 0;             // hash of the prompt
  uint64_t without_spaces = 0;   // hash of the prompt with spaces removed
  uint64_t markers = 0;          // hash of its markers, one-letter words (not digits) left out
  uint64_t letter_markers = 0;   // hash of its one-letter words that are not digits
  uint32_t length_without_spaces = 0;
};
PromptKey prompt_key(std::u32string_view prompt);

// prompts_match() when the keys decide it: 1 match, 0 no match, -1 unknown (call prompts_match).
int quick_prompts_match(const PromptKey& a, const PromptKey& b, double threshold);

// Edit distance counting a swap of two neighbours as one edit (optimal string alignment), or
// max_distance + 1 as soon as it is known to exceed max_distance
// (only a diagonal band is computed).
size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, size_t max_distance);

}  // namespace medlora::data
