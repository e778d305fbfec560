#include "core/data/pii_scrubber.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/data/pii_scanners.h"

namespace medlora::data {
namespace {

constexpr PiiKind kAllKinds[] = {PiiKind::Phone, PiiKind::ChineseId, PiiKind::Email, PiiKind::BirthDate,
                                 PiiKind::RecordNumber};

struct CompiledPattern {
  QRegularExpression regex;
  bool masks_group = false;
};

std::vector<CompiledPattern> compile_patterns(const std::vector<std::string>& patterns) {
  std::vector<CompiledPattern> compiled;
  for (const auto& pattern : patterns) {
    QRegularExpression regex(QString::fromStdString(pattern), QRegularExpression::UseUnicodePropertiesOption);
    if (!regex.isValid())
      throw std::invalid_argument("record-number pattern '" + pattern + "' is not a valid regular expression: " +
                                  regex.errorString().toStdString() + " (at character " +
                                  std::to_string(regex.patternErrorOffset()) + ")");
    regex.optimize();
    compiled.push_back({regex, regex.captureCount() >= 1});
  }
  return compiled;
}

// Byte offset in UTF-8 of each UTF-16 position of `text`.
std::vector<size_t> utf16_to_utf8_offsets(const QString& text) {
  std::vector<size_t> offsets(static_cast<size_t>(text.size()) + 1, 0);
  size_t bytes = 0;
  for (qsizetype i = 0; i < text.size(); ++i) {
    offsets[static_cast<size_t>(i)] = bytes;
    const char16_t u = text.at(i).unicode();
    if (u < 0x80) bytes += 1;
    else if (u < 0x800) bytes += 2;
    else if (u >= 0xD800 && u <= 0xDBFF) bytes += 4;  // high surrogate carries the whole pair
    else if (u >= 0xDC00 && u <= 0xDFFF) bytes += 0;
    else bytes += 3;
  }
  offsets[static_cast<size_t>(text.size())] = bytes;
  return offsets;
}

void find_record_numbers(const std::string& text, const std::vector<CompiledPattern>& patterns,
                         std::vector<PiiSpan>& out) {
  if (patterns.empty()) return;
  const QString q = QString::fromStdString(text);
  std::vector<size_t> offsets;
  for (const auto& pattern : patterns) {
    auto it = pattern.regex.globalMatch(q);
    while (it.hasNext()) {
      const auto match = it.next();
      const int group = pattern.masks_group && match.capturedStart(1) >= 0 ? 1 : 0;
      if (match.capturedLength(group) == 0) continue;
      if (offsets.empty()) offsets = utf16_to_utf8_offsets(q);
      const auto begin = static_cast<size_t>(match.capturedStart(group));
      const auto end = static_cast<size_t>(match.capturedEnd(group));
      out.push_back({offsets[begin], offsets[end] - offsets[begin], PiiKind::RecordNumber});
    }
  }
}

std::vector<PiiMatch> find_in_text(const std::string& text, const PiiRules& rules,
                                   const std::vector<CompiledPattern>& patterns) {
  std::vector<PiiSpan> spans;
  if (rules.phones) find_phone_numbers(text, spans);
  if (rules.ids) find_chinese_ids(text, spans);
  if (rules.emails) find_emails(text, spans);
  if (rules.birth_dates) find_birth_dates(text, spans);
  find_record_numbers(text, patterns, spans);
  resolve_overlaps(spans);
  std::vector<PiiMatch> matches;
  matches.reserve(spans.size());
  for (const auto& span : spans)
    matches.push_back(PiiMatch{0, {}, span.kind, span.offset, span.length, pii_kind_token(span.kind)});
  return matches;
}

std::string mask(const std::string& text, const std::vector<PiiMatch>& matches) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const auto& m : matches) {
    out.append(text, pos, m.offset - pos);
    out.append(m.replacement);
    pos = m.offset + m.length;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

const char* pii_kind_name(PiiKind kind) {
  switch (kind) {
    case PiiKind::Phone: return "phone";
    case PiiKind::ChineseId: return "cn_id";
    case PiiKind::Email: return "email";
    case PiiKind::BirthDate: return "birth_date";
    case PiiKind::RecordNumber: return "record_number";
  }
  return "phone";
}

const char* pii_kind_token(PiiKind kind) {
  switch (kind) {
    case PiiKind::Phone: return "[PHONE]";
    case PiiKind::ChineseId: return "[CN_ID]";
    case PiiKind::Email: return "[EMAIL]";
    case PiiKind::BirthDate: return "[DOB]";
    case PiiKind::RecordNumber: return "[MRN]";
  }
  return "[PHONE]";
}

bool is_valid_chinese_id(std::string_view id) {
  if (id.size() != 18) return false;
  for (size_t i = 0; i < 17; ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  const char last = id[17] == 'x' ? 'X' : id[17];
  if (!((last >= '0' && last <= '9') || last == 'X')) return false;
  if (id[0] == '0') return false;  // region codes start 1-9
  const auto number = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (id[i] - '0');
    return v;
  };
  const int year = number(6, 4), month = number(10, 2), day = number(12, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  if (day > kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0)) return false;
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const auto born = std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                                std::chrono::day(static_cast<unsigned>(day)));
  if (born > today) return false;
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  return kCheck[sum % 11] == last;
}

std::vector<PiiMatch> find_pii(const std::string& text, const PiiRules& rules) {
  return find_in_text(text, rules, compile_patterns(rules.record_number_patterns));
}

std::string scrub_pii(const std::string& text, const PiiRules& rules) { return mask(text, find_pii(text, rules)); }

ScrubResult plan_scrub(const std::vector<RecordText>& records, const PiiRules& rules) {
  const auto patterns = compile_patterns(rules.record_number_patterns);
  ScrubResult result;
  for (const PiiKind kind : kAllKinds) result.counts_per_kind[pii_kind_name(kind)] = 0;
  for (size_t index = 0; index < records.size(); ++index) {
    const RecordText& record = records[index];
    RecordText after;
    bool changed = false;
    std::vector<std::string> kinds;
    // Every turn of a conversation too: the fields of `after` are parallel to the record's.
    const auto fields = text_fields(record);
    for (size_t f = 0; f < fields.size(); ++f) {
      const std::string& text = *fields[f].text;
      auto matches = find_in_text(text, rules, patterns);
      if (matches.empty()) continue;
      if (!changed) after = record, changed = true;
      *text_fields(after)[f].text = mask(text, matches);
      for (auto& m : matches) {
        m.record = index;
        m.field = fields[f].name;
        ++result.counts_per_kind[pii_kind_name(m.kind)];
        const std::string kind = pii_kind_name(m.kind);
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
        result.matches.push_back(std::move(m));
      }
    }
    if (changed) result.changed.push_back(RecordChange{index, record, std::move(after), std::move(kinds)});
  }
  return result;
}

}  // namespace medlora::data
