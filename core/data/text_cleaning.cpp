#include "core/data/text_cleaning.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "core/data/html_text.h"
#include "core/data/utf8_text.h"

namespace medlora::data {
namespace {

bool is_control(char32_t cp) {
  if (cp == '\n' || cp == '\t' || cp == '\r') return false;  // line structure: whitespace's job
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200D) ||
         cp == 0x2060 || cp == 0xFEFF;
}

bool needs_control_pass(std::string_view text) {
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && b != '\n' && b != '\t' && b != '\r') || b >= 0x7F) return true;  // non-ASCII: decode to see
  }
  return false;
}

std::string strip_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    bool valid = true;
    const char32_t cp = utf8::decode(text, pos, &valid);
    if (!valid || is_control(cp)) continue;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

// The Chinese sentence punctuation whose form depends on its neighbours.
bool is_contextual(char32_t cp) {
  switch (cp) {
    case 0xFF0C: case 0xFF01: case 0xFF1F: case 0xFF1A: case 0xFF1B: case 0xFF08: case 0xFF09: case 0x3002:
      return true;
    default:
      return false;
  }
}

char32_t ascii_of_contextual(char32_t cp) { return cp == 0x3002 ? U'.' : cp - 0xFEE0; }

bool is_space_cp(char32_t cp) { return utf8::is_horizontal_space(cp) || utf8::is_line_break(cp); }

std::string normalise_punctuation(std::string_view text) {
  // Only fullwidth forms, 。 and ASCII punctuation next to CJK can change: pure ASCII text is
  // returned as is without decoding.
  if (utf8::is_ascii(text)) return std::string(text);
  std::u32string cps;
  cps.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) cps.push_back(utf8::decode(text, pos));
  const size_t n = cps.size();
  // Nearest meaningful neighbour on each side (spaces and contextual punctuation skipped).
  std::u32string left(n, 0), right(n, 0);
  char32_t last = 0;
  for (size_t i = 0; i < n; ++i) {
    left[i] = last;
    if (!is_space_cp(cps[i]) && !is_contextual(cps[i])) last = cps[i];
  }
  last = 0;
  for (size_t i = n; i-- > 0;) {
    right[i] = last;
    if (!is_space_cp(cps[i]) && !is_contextual(cps[i])) last = cps[i];
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < n; ++i) {
    char32_t cp = cps[i];
    if (is_contextual(cp)) {
      if (!utf8::is_cjk(left[i]) && !utf8::is_cjk(right[i])) cp = ascii_of_contextual(cp);
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cp -= 0xFEE0;
    } else if ((cp == ',' || cp == '!' || cp == '?' || cp == ':' || cp == ';') && i > 0 && i + 1 < n &&
               utf8::is_cjk(cps[i - 1]) && utf8::is_cjk(cps[i + 1])) {
      cp += 0xFEE0;
    }
    utf8::append(out, cp);
  }
  return out;
}

std::string normalise_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  int pending_breaks = 0;
  const auto flush_pending = [&] {
    if (!out.empty()) {
      if (pending_breaks > 0) out.append(pending_breaks > 1 ? "\n\n" : "\n");
      else if (pending_space) out.push_back(' ');
    }
    pending_breaks = 0;
    pending_space = false;
  };
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    // Copy runs of visible ASCII in one go: this loop sees every byte of every record.
    // A single space between visible characters is already normal and stays in the run.
    const auto visible = [&](size_t i) {
      return static_cast<unsigned char>(text[i]) > 0x20 && static_cast<unsigned char>(text[i]) < 0x7F;
    };
    size_t run = pos;
    while (run < n && (visible(run) || (text[run] == ' ' && run > pos && run + 1 < n && visible(run + 1)))) ++run;
    if (run > pos) {
      flush_pending();
      out.append(text.data() + pos, run - pos);
      pos = run;
      continue;
    }
    const size_t start = pos;
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    const char32_t cp = b < 0x80 ? (++pos, char32_t{b}) : utf8::decode(text, pos);
    if (cp == '\r') {
      if (pos < n && text[pos] == '\n') ++pos;
      ++pending_breaks;
    } else if (utf8::is_line_break(cp)) {
      ++pending_breaks;
    } else if (utf8::is_horizontal_space(cp)) {
      pending_space = true;
    } else {
      flush_pending();
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

void count_rule(std::map<std::string, int64_t>& counts, const std::string& rule) { ++counts[rule]; }

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& more) {
  for (const auto& m : more) {
    bool found = false;
    for (const auto& l : list) found = found || l == m;
    if (!found) list.push_back(m);
  }
}

}  // namespace

std::string clean_text(const std::string& text, const CleaningRules& rules, std::vector<std::string>* applied) {
  std::string current = text;
  const auto stage = [&](bool enabled, const char* name, auto&& fn) {
    if (!enabled) return;
    std::string next = fn(std::string_view(current));
    if (next != current) {
      if (applied) applied->push_back(name);
      current = std::move(next);
    }
  };
  stage(rules.strip_control && needs_control_pass(current), "control", strip_controls);
  stage(rules.strip_html && (current.find('<') != std::string::npos || current.find('&') != std::string::npos),
        "html", [](std::string_view t) { return strip_html(t); });
  stage(rules.normalise_punctuation, "punctuation", normalise_punctuation);
  stage(rules.normalise_whitespace, "whitespace", normalise_whitespace);
  return current;
}

namespace {

// Plans records [begin, end): the work of one thread.
CleaningResult plan_range(const std::vector<RecordText>& records, const CleaningRules& rules, size_t begin, size_t end) {
  CleaningResult result;
  for (size_t i = begin; i < end; ++i) {
    const RecordText& record = records[i];
    std::vector<std::string> applied;
    // Every text field, conversation turns included; the answer side is output and the
    // assistant turns, the prompt side the rest.
    RecordText cleaned = record;
    int64_t output_chars = 0, prompt_chars = 0;
    bool empty_turn = false, has_output = false, has_prompt = false;
    {
      std::vector<std::string> field_rules;
      for (const auto& field : text_fields(cleaned)) {
        *field.text = clean_text(*field.text, rules, &field_rules);
        const auto chars = static_cast<int64_t>(utf8::count_code_points(*field.text));
        (field.answer ? output_chars : prompt_chars) += chars;
        (field.answer ? has_output : has_prompt) |= chars > 0;
        if (field.name[0] == 'm' && chars == 0) empty_turn = true;
      }
      add_unique(applied, field_rules);
    }
    const char* drop = nullptr;
    if (rules.drop_empty && (!has_output || !has_prompt || empty_turn))
      drop = "empty";
    else if (rules.min_chars > 0 && output_chars < rules.min_chars)
      drop = "too_short";
    else if (rules.max_chars > 0 && (output_chars > rules.max_chars || prompt_chars > rules.max_chars))
      drop = "too_long";
    if (drop) {
      result.dropped.emplace_back(i, drop);
      count_rule(result.counts, drop);
      continue;
    }
    if (!applied.empty()) {
      for (const auto& rule : applied) count_rule(result.counts, rule);
      result.changed.push_back(RecordChange{i, record, std::move(cleaned), std::move(applied)});
    }
  }
  return result;
}

}  // namespace

CleaningResult plan_cleaning(const std::vector<RecordText>& records, const CleaningRules& rules) {
  // Records are independent: large inputs are split into one contiguous range per core and the
  // partial plans joined in order, so the result does not depend on the thread count.
  const size_t n = records.size();
  const size_t threads =
      std::clamp<size_t>(std::min<size_t>(std::thread::hardware_concurrency(), n / 2000), 1, 8);
  std::vector<CleaningResult> parts(threads);
  std::vector<std::exception_ptr> failures(threads);
  {
    std::vector<std::thread> workers;
    for (size_t t = 0; t < threads; ++t) {
      const auto work = [&, t] {
        try {
          parts[t] = plan_range(records, rules, n * t / threads, n * (t + 1) / threads);
        } catch (...) {
          failures[t] = std::current_exception();
        }
      };
      if (t + 1 == threads) work();
      else workers.emplace_back(work);
    }
    for (auto& w : workers) w.join();
  }
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);

  CleaningResult result;
  const std::pair<bool, const char*> switches[] = {
      {rules.strip_control, "control"},          {rules.strip_html, "html"},
      {rules.normalise_punctuation, "punctuation"}, {rules.normalise_whitespace, "whitespace"},
      {rules.drop_empty, "empty"},               {rules.min_chars > 0, "too_short"},
      {rules.max_chars > 0, "too_long"}};
  for (const auto& [on, name] : switches)
    if (on) result.counts[name] = 0;
  for (auto& part : parts) {
    std::move(part.changed.begin(), part.changed.end(), std::back_inserter(result.changed));
    std::move(part.dropped.begin(), part.dropped.end(), std::back_inserter(result.dropped));
    for (const auto& [rule, count] : part.counts) result.counts[rule] += count;
  }
  return result;
}

std::vector<RecordText> apply_cleaning(std::vector<RecordText> records, const CleaningResult& plan) {
  std::vector<bool> drop(records.size(), false);
  for (const auto& change : plan.changed) {
    if (change.index >= records.size())
      throw std::invalid_argument("cleaning plan names record " + std::to_string(change.index) + " but there are only " +
                                  std::to_string(records.size()) + " records; make the plan again");
    records[change.index] = change.after;
  }
  for (const auto& [index, reason] : plan.dropped) {
    if (index >= records.size())
      throw std::invalid_argument("cleaning plan drops record " + std::to_string(index) + " but there are only " +
                                  std::to_string(records.size()) + " records; make the plan again");
    drop[index] = true;
  }
  std::vector<RecordText> kept;
  kept.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(records[i]));
  return kept;
}

std::string normalise_for_hash(const std::string& text) {
  std::u32string cps;
  cps.reserve(text.size());
  utf8::append_hash_normalised(text, cps);
  std::string out;
  out.reserve(cps.size());
  for (const char32_t cp : cps) utf8::append(out, cp);
  return out;
}

}  // namespace medlora::data
