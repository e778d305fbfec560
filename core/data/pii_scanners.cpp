#include "core/data/pii_scanners.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace medlora::data {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool digit_at(std::string_view t, size_t i) { return i < t.size() && is_digit(t[i]); }
bool alnum_at(std::string_view t, size_t i) { return i < t.size() && is_alnum(t[i]); }

// A number may not start right after a digit or a decimal point ("0.13812345678").
bool number_may_start(std::string_view t, size_t pos) {
  if (pos == 0) return true;
  const char prev = t[pos - 1];
  if (is_digit(prev)) return false;
  if ((prev == '.' || prev == ',') && pos >= 2 && is_digit(t[pos - 2])) return false;
  return true;
}

// A number must not run on into more digits (or a decimal fraction).
bool number_may_end(std::string_view t, size_t end) {
  if (end >= t.size()) return true;
  if (is_digit(t[end])) return false;
  if ((t[end] == '.' || t[end] == ',') && digit_at(t, end + 1)) return false;
  return true;
}

size_t count_digits(std::string_view t, size_t pos) {
  size_t n = 0;
  while (pos + n < t.size() && is_digit(t[pos + n])) ++n;
  return n;
}

bool starts_with_at(std::string_view t, size_t pos, std::string_view prefix) {
  return t.substr(pos, prefix.size()) == prefix;
}

// 1[3-9]X XXXX XXXX with one optional ' ' or '-' between the 3-4-4 groups; returns the length.
size_t match_cn_mobile_body(std::string_view t, size_t pos) {
  if (!(digit_at(t, pos) && t[pos] == '1' && digit_at(t, pos + 1) && t[pos + 1] >= '3')) return 0;
  size_t i = pos;
  const int groups[] = {3, 4, 4};
  char separator = 0;
  for (int g = 0; g < 3; ++g) {
    if (g > 0 && i < t.size() && (t[i] == ' ' || t[i] == '-')) {
      if (separator && t[i] != separator) return 0;
      separator = t[i];
      ++i;
    }
    if (count_digits(t, i) < static_cast<size_t>(groups[g])) return 0;
    i += static_cast<size_t>(groups[g]);
    // Without separators the groups run together: 11 digits in a row is fine, 12 is not.
    if (g < 2 && digit_at(t, i) && separator) return 0;
  }
  return number_may_end(t, i) ? i - pos : 0;
}

size_t match_cn_mobile(std::string_view t, size_t pos) {
  for (const std::string_view prefix : {"+86", "0086", "(+86)", "(86)"}) {
    if (!starts_with_at(t, pos, prefix)) continue;
    size_t i = pos + prefix.size();
    if (i < t.size() && (t[i] == ' ' || t[i] == '-')) ++i;
    if (const size_t body = match_cn_mobile_body(t, i)) return i + body - pos;
  }
  return match_cn_mobile_body(t, pos);
}

// 0XX-XXXXXXXX, 0XXX-XXXXXXX, "(010)12345678", "(0755) 1234567".
size_t match_cn_landline(std::string_view t, size_t pos) {
  size_t i = pos;
  const bool paren = i < t.size() && t[i] == '(';
  if (paren) ++i;
  if (!(digit_at(t, i) && t[i] == '0' && digit_at(t, i + 1) && t[i + 1] != '0')) return 0;
  const size_t area = count_digits(t, i);
  if (area < 3 || area > 4) return 0;
  i += area;
  if (paren) {
    if (i >= t.size() || t[i] != ')') return 0;
    ++i;
    if (i < t.size() && (t[i] == ' ' || t[i] == '-')) ++i;
  } else {
    if (i >= t.size() || (t[i] != '-' && t[i] != ' ')) return 0;
    ++i;
  }
  const size_t local = count_digits(t, i);
  if (local < 7 || local > 8 || t[i] == '0') return 0;
  i += local;
  return number_may_end(t, i) ? i - pos : 0;
}

// "+CC" then 7-14 more digits in groups separated by single ' ', '-' or '.', or parentheses
// ("+44 (0)20 7946 0958", "+1-555-123-4567").
size_t match_international(std::string_view t, size_t pos) {
  if (pos >= t.size() || t[pos] != '+' || !digit_at(t, pos + 1) || t[pos + 1] == '0') return 0;
  size_t i = pos + 1, digits = 0, last_digit_end = 0;
  char prev = '+';
  while (i < t.size() && digits <= 17) {
    const char c = t[i];
    bool ok = false;
    if (is_digit(c)) ok = true, ++digits, last_digit_end = i + 1;
    else if (c == ' ' || c == '-' || c == '.') ok = is_digit(prev) || prev == ')';
    else if (c == '(') ok = is_digit(prev) || prev == ' ';
    else if (c == ')') ok = is_digit(prev);
    if (!ok) break;
    prev = c;
    ++i;
  }
  if (digits < 8 || digits > 17) return 0;  // country code 1-3 + 7-14 digits
  return number_may_end(t, last_digit_end) ? last_digit_end - pos : 0;
}

constexpr std::array<const char*, 12> kMonths = {"january", "february", "march", "april", "may", "june",
                                                 "july", "august", "september", "october", "november", "december"};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= days;
}

// Reads 1..max_digits digits; returns how many (0 when none) and the value.
size_t read_number(std::string_view t, size_t pos, size_t max_digits, int& value) {
  size_t n = 0;
  value = 0;
  while (n < max_digits && digit_at(t, pos + n)) value = value * 10 + (t[pos + n] - '0'), ++n;
  return n;
}

// "march", "mar", "mar." at pos; returns the month (1-12) and sets length.
int read_month_name(std::string_view t, size_t pos, size_t& length) {
  size_t n = 0;
  while (pos + n < t.size() && is_alpha(t[pos + n])) ++n;
  if (n < 3) return 0;
  std::string word;
  for (size_t k = 0; k < n; ++k) word.push_back(lower(t[pos + k]));
  for (size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view full = kMonths[m];
    if (word == full || (n == 3 && full.substr(0, 3) == word) || (word == "sept" && m == 8)) {
      length = n + (pos + n < t.size() && t[pos + n] == '.' ? 1 : 0);
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

size_t skip_spaces(std::string_view t, size_t pos) {
  while (pos < t.size() && t[pos] == ' ') ++pos;
  return pos;
}

}  // namespace

size_t match_date(std::string_view t, size_t pos) {
  int a = 0, b = 0, c = 0;
  const size_t first = read_number(t, pos, 8, a);
  if (first == 8) {  // 19850312
    const int y = a / 10000, m = a / 100 % 100, d = a % 100;
    return valid_date(y, m, d) && number_may_end(t, pos + 8) ? 8 : 0;
  }
  if (first == 4) {
    size_t i = pos + 4;
    if (starts_with_at(t, i, "年")) {  // 1985年3月12日, 1985年3月
      i += 3;
      const size_t mn = read_number(t, i, 2, b);
      if (mn == 0 || !starts_with_at(t, i + mn, "月")) return 0;
      i += mn + 3;
      const size_t dn = read_number(t, i, 2, c);
      if (dn > 0) {
        if (!valid_date(a, b, c)) return 0;
        i += dn;
        if (starts_with_at(t, i, "日") || starts_with_at(t, i, "号")) i += 3;
        return i - pos;
      }
      return valid_date(a, b, 1) ? i - pos : 0;
    }
    if (i < t.size() && (t[i] == '-' || t[i] == '/' || t[i] == '.')) {  // 1985-03-12
      const char sep = t[i];
      const size_t mn = read_number(t, i + 1, 2, b);
      if (mn == 0 || i + 1 + mn >= t.size() || t[i + 1 + mn] != sep) return 0;
      const size_t dn = read_number(t, i + 2 + mn, 2, c);
      const size_t end = i + 2 + mn + dn;
      return dn > 0 && valid_date(a, b, c) && number_may_end(t, end) ? end - pos : 0;
    }
    return 0;
  }
  if (first == 1 || first == 2) {
    size_t i = pos + first;
    if (i < t.size() && (t[i] == '/' || t[i] == '-' || t[i] == '.')) {  // 12/03/1985 (either order)
      const char sep = t[i];
      const size_t mn = read_number(t, i + 1, 2, b);
      if (mn == 0 || i + 1 + mn >= t.size() || t[i + 1 + mn] != sep) return 0;
      const size_t yn = read_number(t, i + 2 + mn, 4, c);
      const size_t end = i + 2 + mn + yn;
      if (yn != 4 || !number_may_end(t, end)) return 0;
      return valid_date(c, b, a) || valid_date(c, a, b) ? end - pos : 0;
    }
    size_t month_length = 0;  // 12 March 1985
    const size_t after_day = skip_spaces(t, i);
    if (after_day == i) return 0;
    const int month = read_month_name(t, after_day, month_length);
    if (month == 0) return 0;
    size_t j = skip_spaces(t, after_day + month_length);
    if (j < t.size() && t[j] == ',') j = skip_spaces(t, j + 1);
    const size_t yn = read_number(t, j, 4, c);
    return yn == 4 && valid_date(c, month, a) && number_may_end(t, j + 4) ? j + 4 - pos : 0;
  }
  size_t month_length = 0;  // March 12, 1985
  const int month = read_month_name(t, pos, month_length);
  if (month == 0) return 0;
  size_t i = skip_spaces(t, pos + month_length);
  const size_t dn = read_number(t, i, 2, b);
  if (dn == 0) return 0;
  i += dn;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"})
    if (t.substr(i, 2) == suffix) i += 2;
  if (i < t.size() && t[i] == ',') ++i;
  i = skip_spaces(t, i);
  const size_t yn = read_number(t, i, 4, c);
  return yn == 4 && valid_date(c, month, b) && number_may_end(t, i + 4) ? i + 4 - pos : 0;
}

void find_phone_numbers(std::string_view t, std::vector<PiiSpan>& out) {
  for (size_t pos = 0; pos < t.size(); ++pos) {
    const char c = t[pos];
    if (!(is_digit(c) || c == '+' || c == '(')) continue;
    if (!number_may_start(t, pos) || (pos > 0 && is_alpha(t[pos - 1]) && c != '(')) continue;
    size_t best = match_cn_mobile(t, pos);
    best = std::max(best, match_cn_landline(t, pos));
    best = std::max(best, match_international(t, pos));
    if (best > 0) {
      out.push_back({pos, best, PiiKind::Phone});
      pos += best - 1;
    } else if (is_digit(c)) {
      while (pos + 1 < t.size() && is_digit(t[pos + 1])) ++pos;  // skip the rest of this number
    }
  }
}

void find_chinese_ids(std::string_view t, std::vector<PiiSpan>& out) {
  for (size_t pos = 0; pos < t.size(); ++pos) {
    if (!is_digit(t[pos])) continue;
    if (pos > 0 && (is_alnum(t[pos - 1]))) {
      while (pos + 1 < t.size() && is_digit(t[pos + 1])) ++pos;
      continue;
    }
    const size_t run = count_digits(t, pos);
    std::string id;
    size_t end = 0;
    if (run == 18 || (run == 17 && pos + 17 < t.size() && (t[pos + 17] == 'X' || t[pos + 17] == 'x'))) {
      id = std::string(t.substr(pos, 18));
      end = pos + 18;
    } else if (run == 6 && t.size() >= pos + 20 && t[pos + 6] == ' ' && count_digits(t, pos + 7) == 8 &&
               t[pos + 15] == ' ' && (count_digits(t, pos + 16) == 4 ||
                                      (count_digits(t, pos + 16) == 3 && (t[pos + 19] == 'X' || t[pos + 19] == 'x')))) {
      // Written in groups: "110101 19900307 123X".
      id = std::string(t.substr(pos, 6)) + std::string(t.substr(pos + 7, 8)) + std::string(t.substr(pos + 16, 4));
      end = pos + 20;
    }
    if (end > 0 && !alnum_at(t, end) && is_valid_chinese_id(id)) out.push_back({pos, end - pos, PiiKind::ChineseId});
    pos += std::max<size_t>(run, 1) - 1;
  }
}

void find_emails(std::string_view t, std::vector<PiiSpan>& out) {
  const auto local_char = [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
  size_t searched_to = 0;
  for (size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    size_t start = at;
    while (start > searched_to && local_char(t[start - 1])) --start;
    while (start < at && t[start] == '.') ++start;
    if (start == at) continue;
    size_t end = at + 1;
    while (end < t.size() && (is_alnum(t[end]) || t[end] == '-' || t[end] == '.')) {
      if (t[end] == '.' && (t[end - 1] == '.' || t[end - 1] == '@')) break;
      ++end;
    }
    while (end > at + 1 && (t[end - 1] == '.' || t[end - 1] == '-')) --end;  // sentence punctuation
    const size_t last_dot = t.substr(0, end).rfind('.');
    if (last_dot == std::string_view::npos || last_dot <= at) continue;
    size_t tld = 0;
    for (size_t k = last_dot + 1; k < end; ++k) tld += is_alpha(t[k]) ? 1 : 0;
    if (tld < 2 || tld != end - last_dot - 1) continue;
    out.push_back({start, end - start, PiiKind::Email});
    searched_to = end;
  }
}

// Case-insensitive for ASCII letters; CJK cues compare byte for byte.
bool cue_at(std::string_view t, size_t pos, std::string_view cue) {
  if (pos + cue.size() > t.size()) return false;
  for (size_t k = 0; k < cue.size(); ++k)
    if (lower(t[pos + k]) != cue[k]) return false;
  return true;
}

void find_birth_dates(std::string_view t, std::vector<PiiSpan>& out) {
  // Longest first within each family; the Latin ones must stand as words.
  static constexpr std::array<std::string_view, 13> kCues = {
      "出生日期", "出生年月日", "出生年月", "出生于", "出生", "生日", "date of birth", "birth date", "birthdate",
      "d.o.b.", "dob", "born on", "born"};
  for (size_t pos = 0; pos < t.size(); ++pos) {
    // Every cue starts with 'd', 'b', 出 (E5 87 BA) or 生 (E7 94 9F): skip other bytes fast.
    const char first = lower(t[pos]);
    if (first != 'd' && first != 'b' && first != '\xE5' && first != '\xE7') continue;
    for (const std::string_view cue : kCues) {
      if (!cue_at(t, pos, cue)) continue;
      const bool latin = is_alpha(cue[0]);
      if (latin && ((pos > 0 && is_alnum(t[pos - 1])) || alnum_at(t, pos + cue.size()))) continue;
      // Between cue and date: spaces, ':', ',', '=', '-', "is", "on", "：", "是", "为", "于".
      size_t i = pos + cue.size();
      for (int guard = 0; guard < 6 && i < t.size(); ++guard) {
        const std::string_view rest = t.substr(i);
        size_t step = 0;
        if (rest[0] == ' ' || rest[0] == ':' || rest[0] == ',' || rest[0] == '=' || rest[0] == '-' || rest[0] == '\t') step = 1;
        else if (rest.substr(0, 3) == "：" || rest.substr(0, 3) == "是" || rest.substr(0, 3) == "为" || rest.substr(0, 3) == "于") step = 3;
        else if (cue_at(rest, 0, "is ") || cue_at(rest, 0, "on ")) step = 3;
        if (step == 0) break;
        i += step;
      }
      if (const size_t length = match_date(t, i)) {
        out.push_back({i, length, PiiKind::BirthDate});
        pos = i + length - 1;
      }
      break;
    }
  }
}

void resolve_overlaps(std::vector<PiiSpan>& spans) {
  const auto rank = [](PiiKind kind) {
    switch (kind) {
      case PiiKind::Email: return 0;
      case PiiKind::RecordNumber: return 1;
      case PiiKind::ChineseId: return 2;
      case PiiKind::BirthDate: return 3;
      case PiiKind::Phone: return 4;
    }
    return 5;
  };
  std::sort(spans.begin(), spans.end(), [&](const PiiSpan& x, const PiiSpan& y) {
    if (x.offset != y.offset) return x.offset < y.offset;
    if (x.length != y.length) return x.length > y.length;
    return rank(x.kind) < rank(y.kind);
  });
  std::vector<PiiSpan> kept;
  size_t covered_to = 0;
  for (const auto& span : spans) {
    if (!kept.empty() && span.offset < covered_to) continue;
    kept.push_back(span);
    covered_to = span.offset + span.length;
  }
  spans = std::move(kept);
}

}  // namespace medlora::data
