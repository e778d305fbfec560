#include "core/data/prompt_similarity.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "core/data/utf8_text.h"

// prompts_match() runs for every candidate pair whose answers look alike, which in templated
// corpora is hundreds of thousands of pairs: it reuses thread-local buffers instead of
// allocating.

namespace medlora::data {

size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, size_t max_distance) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > max_distance) return max_distance + 1;
  const size_t n = a.size(), m = b.size();
  const size_t inf = max_distance + 1;
  // Three rows: the transposition case looks two rows back.
  thread_local std::vector<size_t> before, prev, cur;
  before.assign(m + 1, inf);
  prev.assign(m + 1, inf);
  cur.assign(m + 1, inf);
  for (size_t j = 0; j <= std::min(m, max_distance); ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    const size_t lo = i > max_distance ? i - max_distance : 1;
    const size_t hi = std::min(m, i + max_distance);
    // Cells outside the band stay "too far"; clear the two this row may read from last time.
    cur[0] = i <= max_distance ? i : inf;
    if (lo > 1) cur[lo - 1] = inf;
    if (hi < m) cur[hi + 1] = inf;
    size_t row_min = cur[0];
    for (size_t j = lo; j <= hi; ++j) {
      size_t best = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      best = std::min({best, prev[j] + 1, cur[j - 1] + 1});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      cur[j] = std::min(best, inf);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max_distance) return inf;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], inf);
}

namespace {

using Words = std::vector<std::u32string_view>;

// Words separated by spaces; each CJK character is a word of its own. Sorted.
void split_words(std::u32string_view text, Words& words) {
  words.clear();
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size() || text[i] == U' ' || text[i] == 0x1F;
    const bool cjk = !end && utf8::is_cjk(text[i]);
    if (end || cjk) {
      if (i > start) words.push_back(text.substr(start, i - start));
      if (cjk) words.push_back(text.substr(i, 1));
      start = i + 1;
    }
  }
  std::sort(words.begin(), words.end());
}

size_t total_length(const Words& words) {
  size_t n = 0;
  for (const auto w : words) n += w.size();
  return n;
}

// Words that name a particular thing however short they are: anything with a digit ("type 2",
// "15q", "1b"), roman numerals ("type IV" / "type VI") and single letters ("hepatitis A" /
// "hepatitis C"). Two prompts about the same thing carry the same markers.
bool is_marker(std::u32string_view word) {
  if (word.size() == 1 && !utf8::is_cjk(word[0])) return true;
  bool roman = word.size() <= 4;
  for (const char32_t c : word) {
    if (c >= U'0' && c <= U'9') return true;
    roman = roman && (c == U'i' || c == U'v' || c == U'x');
  }
  return roman;
}

bool is_single_letter(std::u32string_view word) { return word.size() == 1 && !(word[0] >= U'0' && word[0] <= U'9'); }

void markers_of(const Words& words, Words& markers) {
  markers.clear();
  for (const auto w : words)
    if (is_marker(w)) markers.push_back(w);  // stays sorted
}

struct WordMatch {
  double dice = 1.0;
  size_t unmatched_long = 0;   // unmatched words of 3+ code points, both sides
  size_t unmatched_short = 0;  // unmatched shorter words, both sides
};

// Exact matches first (a merge of the sorted lists), then typo-level matches among leftovers.
// With stop_at_long_miss, returns as soon as a long word is known to have no counterpart.
WordMatch match_words(const Words& wa, const Words& wb, bool stop_at_long_miss) {
  WordMatch result;
  const size_t len_a = total_length(wa), len_b = total_length(wb);
  if (len_a + len_b == 0) return result;
  thread_local Words left_a, left_b;
  thread_local std::vector<char> used_b;
  left_a.clear();
  left_b.clear();
  size_t matched = 0, i = 0, j = 0;
  while (i < wa.size() && j < wb.size()) {
    if (wa[i] == wb[j]) matched += 2 * wa[i].size(), ++i, ++j;
    else if (wa[i] < wb[j]) left_a.push_back(wa[i++]);
    else left_b.push_back(wb[j++]);
  }
  left_a.insert(left_a.end(), wa.begin() + static_cast<std::ptrdiff_t>(i), wa.end());
  left_b.insert(left_b.end(), wb.begin() + static_cast<std::ptrdiff_t>(j), wb.end());
  used_b.assign(left_b.size(), 0);
  for (const auto x : left_a) {
    bool found = false;
    if (x.size() >= 3 && !is_marker(x)) {
      const size_t allowed = x.size() >= 8 ? 2 : 1;
      for (size_t k = 0; k < left_b.size() && !found; ++k) {
        const auto y = left_b[k];
        if (used_b[k] || y.size() < 3 || is_marker(y)) continue;
        if (bounded_edit_distance(x, y, allowed) <= allowed) {
          used_b[k] = 1;
          found = true;
          matched += x.size() + y.size() - allowed;
        }
      }
    }
    if (!found) {
      ++(x.size() >= 3 ? result.unmatched_long : result.unmatched_short);
      if (stop_at_long_miss && result.unmatched_long > 0) return result;
    }
  }
  for (size_t k = 0; k < left_b.size(); ++k)
    if (!used_b[k]) ++(left_b[k].size() >= 3 ? result.unmatched_long : result.unmatched_short);
  result.dice = static_cast<double>(matched) / static_cast<double>(len_a + len_b);
  return result;
}

// True when the markers differ only by one-letter words present on one side alone, as a typo
// leaves them ("What s (are)"); a letter swapped for another ("hepatitis A" / "C") is not.
bool only_stray_letters(const Words& ma, const Words& mb) {
  thread_local Words a_only, b_only;
  a_only.clear();
  b_only.clear();
  std::set_difference(ma.begin(), ma.end(), mb.begin(), mb.end(), std::back_inserter(a_only));
  std::set_difference(mb.begin(), mb.end(), ma.begin(), ma.end(), std::back_inserter(b_only));
  if (!a_only.empty() && !b_only.empty()) return false;
  for (const auto* side : {&a_only, &b_only})
    for (const auto w : *side)
      if (!is_single_letter(w)) return false;
  return true;
}

void strip_spaces(std::u32string_view text, std::u32string& out) {
  out.clear();
  for (const char32_t c : text)
    if (c != U' ' && c != 0x1F) out.push_back(c);
}

// From this many code points (spaces not counted) a prompt describes a case rather than names a
// subject; a changed number in it is noise, judged by the edit limit like any other typo.
constexpr size_t kLongPrompt = 100;

size_t allowed_edits(size_t longer_without_spaces, double threshold) {
  return std::max<size_t>(2, static_cast<size_t>(static_cast<double>(longer_without_spaces) * (1.0 - threshold) / 3.0));
}

uint64_t mix(uint64_t x) {
  x ^= x >> 31;
  x *= 0x7FB5D329728EA185ULL;
  x ^= x >> 27;
  x *= 0x81DADEF4BC2DD44DULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

double fuzzy_word_similarity(std::u32string_view a, std::u32string_view b) {
  Words wa, wb;
  split_words(a, wa);
  split_words(b, wb);
  return match_words(wa, wb, false).dice;
}

bool prompts_match(std::u32string_view a, std::u32string_view b, double threshold) {
  thread_local Words wa, wb, ma, mb;
  split_words(a, wa);
  split_words(b, wb);
  markers_of(wa, ma);
  markers_of(wb, mb);
  const bool same_markers = ma == mb;
  // Typos inside words, swapped words: every real word has its counterpart.
  if (same_markers) {
    const WordMatch words = match_words(wa, wb, true);
    if (words.unmatched_long == 0 && words.unmatched_short <= 2 && words.dice >= threshold) return true;
  }
  // Typos that split or join words: compare without spaces, allowing a few edits. A pure
  // spacing change may leave stray one-letter words, so markers only count when letters differ,
  // and only in short prompts, where they are what tells templated questions apart.
  thread_local std::u32string sa, sb;
  strip_spaces(a, sa);
  strip_spaces(b, sb);
  const size_t longer = std::max(sa.size(), sb.size());
  const size_t allowed = allowed_edits(longer, threshold);
  const size_t distance = bounded_edit_distance(sa, sb, allowed);
  if (distance == 0) return true;
  if (distance > allowed) return false;
  return longer >= kLongPrompt || same_markers || only_stray_letters(ma, mb);
}

PromptKey prompt_key(std::u32string_view prompt) {
  PromptKey key;
  uint64_t text = 0x9E3779B97F4A7C15ULL, stripped = 0x2545F4914F6CDD1DULL;
  for (const char32_t c : prompt) {
    text = mix(text ^ c);
    if (c != U' ' && c != 0x1F) stripped = mix(stripped ^ c), ++key.length_without_spaces;
  }
  key.text = text;
  key.without_spaces = stripped;
  Words words, markers;
  split_words(prompt, words);
  markers_of(words, markers);
  uint64_t others = 1, letters = 1;
  for (const auto w : markers) {  // sorted: the hashes do not depend on word order
    uint64_t h = 0x51ED27ULL;
    for (const char32_t c : w) h = mix(h ^ c);
    if (is_single_letter(w)) letters = mix(letters ^ h);
    else others = mix(others ^ h);
  }
  key.markers = others;
  key.letter_markers = letters;
  return key;
}

int quick_prompts_match(const PromptKey& a, const PromptKey& b, double threshold) {
  if (a.text == b.text || a.without_spaces == b.without_spaces) return 1;  // (spacing only)
  const size_t longer = std::max(a.length_without_spaces, b.length_without_spaces);
  const size_t shorter = std::min(a.length_without_spaces, b.length_without_spaces);
  if (longer >= kLongPrompt) return -1;
  // In short prompts, markers other than single letters must agree on both paths of
  // prompts_match(); different one-letter words leave only the edit path, which needs similar
  // lengths.
  if (a.markers != b.markers) return 0;
  if (a.letter_markers != b.letter_markers && longer - shorter > allowed_edits(longer, threshold)) return 0;
  return -1;
}

}  // namespace medlora::data
