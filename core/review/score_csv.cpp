#include "core/review/score_csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "core/io/atomic_file.h"

namespace medlora::review {
namespace {

struct CsvRecord {
  int line = 0;  // the line the record starts on (1-based)
  std::vector<std::string> fields;
};

[[noreturn]] void fail_at(const std::string& source, int line, const std::string& message) {
  throw std::runtime_error(source + " line " + std::to_string(line) + ": " + message);
}

// RFC 4180 records; a quoted field may hold separators, quotes ("") and newlines.
std::vector<CsvRecord> split_records(std::string_view text, const std::string& source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record{1, {}};
  std::string field;
  int line = 1;
  bool quoted = false, field_was_quoted = false;
  const auto end_record = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{line, {}};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || field_was_quoted)
        fail_at(source, line, "a quote inside an unquoted field (quote the whole field and double inner quotes)");
      quoted = field_was_quoted = true;
    } else if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      if (field_was_quoted) fail_at(source, line, "text after a closing quote");
      field += c;
    }
  }
  if (quoted) fail_at(source, record.line, "a quoted field is never closed");
  if (!field.empty() || field_was_quoted || !record.fields.empty()) end_record();
  return records;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<bool> parse_harmful(const std::string& value, const std::string& source, int line) {
  const std::string v = lowercase(trimmed(value));
  if (v.empty()) return std::nullopt;
  if (v == "1" || v == "true" || v == "yes" || v == "y") return true;
  if (v == "0" || v == "false" || v == "no" || v == "n") return false;
  fail_at(source, line, "harmful '" + value + "' is not one of 1/0, true/false, yes/no");
}

struct ColumnIndex {
  int item = -1, system = -1, reviewer = -1, axis = -1, score = -1, harmful = -1, severity = -1, comment = -1;
};

ColumnIndex bind_header(const CsvRecord& header, const std::string& source) {
  ColumnIndex columns;
  const std::map<std::string, int ColumnIndex::*> known = {
      {"item", &ColumnIndex::item},         {"system", &ColumnIndex::system},
      {"reviewer", &ColumnIndex::reviewer}, {"axis", &ColumnIndex::axis},
      {"score", &ColumnIndex::score},       {"harmful", &ColumnIndex::harmful},
      {"severity", &ColumnIndex::severity}, {"comment", &ColumnIndex::comment}};
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const auto it = known.find(lowercase(trimmed(header.fields[i])));
    if (it == known.end()) continue;  // other columns are allowed and ignored
    if (columns.*(it->second) >= 0) fail_at(source, header.line, "column '" + it->first + "' appears twice");
    columns.*(it->second) = static_cast<int>(i);
  }
  std::string missing;
  for (const char* name : {"item", "reviewer", "axis", "score"})
    if (columns.*(known.at(name)) < 0) missing += std::string(missing.empty() ? "" : ", ") + name;
  if (!missing.empty())
    fail_at(source, header.line, "the header needs the columns item,reviewer,axis,score (missing: " + missing + ")");
  return columns;
}

struct AnswerDecision {
  int line = 0;
  std::optional<bool> harmful;
  int severity = 0;
  std::string comment;
};

std::string format_score(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round trip
  return std::string(buffer, result.ptr);
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos && trimmed(value) == value) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

ScoreCsvContent parse_score_csv(std::string_view text, const std::string& source) {
  const auto records = split_records(text, source);
  if (records.empty()) throw std::runtime_error(source + ": empty file (expected the header item,reviewer,axis,score)");
  const ColumnIndex columns = bind_header(records.front(), source);
  ScoreCsvContent out;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int> seen;  // score key -> line
  std::map<std::tuple<std::string, std::string, std::string>, AnswerDecision> decisions;  // reviewer x answer
  const auto field = [](const CsvRecord& r, int column) { return column < 0 ? std::string() : r.fields[column]; };
  for (size_t n = 1; n < records.size(); ++n) {
    const CsvRecord& r = records[n];
    if (r.fields.size() != records.front().fields.size())
      fail_at(source, r.line, std::to_string(r.fields.size()) + " fields, the header has " +
                                  std::to_string(records.front().fields.size()));
    Rating rating;
    rating.item = trimmed(field(r, columns.item));
    rating.system = trimmed(field(r, columns.system));
    rating.reviewer = trimmed(field(r, columns.reviewer));
    rating.axis = trimmed(field(r, columns.axis));
    for (const auto& [name, value] : {std::pair{"item", &rating.item}, std::pair{"reviewer", &rating.reviewer},
                                      std::pair{"axis", &rating.axis}})
      if (value->empty()) fail_at(source, r.line, std::string("the ") + name + " is blank");
    const std::string score = trimmed(field(r, columns.score));
    if (!score.empty()) {
      double value = 0.0;
      const auto parsed = std::from_chars(score.data(), score.data() + score.size(), value);
      if (parsed.ec != std::errc() || parsed.ptr != score.data() + score.size() || !std::isfinite(value))
        fail_at(source, r.line, "score '" + score + "' is not a number (leave it blank for a missing score)");
      rating.score = value;
    }
    const auto key = std::make_tuple(rating.item, rating.system, rating.reviewer, rating.axis);
    if (const auto [it, fresh] = seen.emplace(key, r.line); !fresh)
      fail_at(source, r.line, "reviewer '" + rating.reviewer + "' already scored item '" + rating.item +
                                  "' on axis '" + rating.axis + "' at line " + std::to_string(it->second));

    auto& decision = decisions[std::make_tuple(rating.item, rating.system, rating.reviewer)];
    if (decision.line == 0) decision.line = r.line;
    if (const auto harmful = parse_harmful(field(r, columns.harmful), source, r.line)) {
      if (decision.harmful && *decision.harmful != *harmful)
        fail_at(source, r.line, "harmful disagrees with line " + std::to_string(decision.line) +
                                    " for the same reviewer and answer");
      decision.harmful = harmful;
    }
    const std::string severity = trimmed(field(r, columns.severity));
    if (!severity.empty()) {
      int value = -1;
      const auto parsed = std::from_chars(severity.data(), severity.data() + severity.size(), value);
      if (parsed.ec != std::errc() || parsed.ptr != severity.data() + severity.size() || value < 0 || value > 3)
        fail_at(source, r.line, "severity '" + severity + "' is not 0, 1, 2 or 3");
      if (decision.severity != 0 && value != decision.severity)
        fail_at(source, r.line, "severity disagrees with line " + std::to_string(decision.line) +
                                    " for the same reviewer and answer");
      decision.severity = value;
    }
    if (decision.comment.empty()) decision.comment = field(r, columns.comment);  // the first one given
    out.table.ratings.push_back(std::move(rating));
  }
  for (const auto& [key, decision] : decisions) {
    const auto& [item, system, reviewer] = key;
    if (decision.harmful) {
      if (!*decision.harmful && decision.severity > 0)
        fail_at(source, decision.line, "a severity is given but harmful says no");
      out.table.flags.push_back({item, system, reviewer, *decision.harmful, *decision.harmful ? decision.severity : 0});
    }
    if (!decision.comment.empty()) out.comments.push_back({item, system, reviewer, decision.comment});
  }
  return out;
}

ScoreCsvContent read_score_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open the scores file '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read the scores file '" + path + "'");
  return parse_score_csv(text.str(), path);
}

std::string format_raw_scores_csv(const ScoreTable& table, const std::vector<ReviewComment>& comments) {
  const auto key = [](const std::string& item, const std::string& system, const std::string& reviewer) {
    return item + '\x1f' + system + '\x1f' + reviewer;
  };
  std::unordered_map<std::string, const HarmfulFlag*> flags;
  for (const auto& flag : table.flags) flags.emplace(key(flag.item, flag.system, flag.reviewer), &flag);
  std::unordered_map<std::string, const std::string*> comment_of;
  for (const auto& c : comments) comment_of.emplace(key(c.item, c.system, c.reviewer), &c.comment);

  std::string out = "item,system,reviewer,axis,score,harmful,severity,comment\n";
  out.reserve(out.size() + table.ratings.size() * 48);
  for (const auto& r : table.ratings) {
    const std::string k = key(r.item, r.system, r.reviewer);
    const auto flag = flags.find(k);
    const auto comment = comment_of.find(k);
    out += csv_field(r.item) + ',' + csv_field(r.system) + ',' + csv_field(r.reviewer) + ',' + csv_field(r.axis) + ',';
    if (r.score) out += format_score(*r.score);
    out += ',';
    if (flag != flags.end()) out += std::string(flag->second->harmful ? "1" : "0") + ',' +
                                    std::to_string(flag->second->severity);
    else out += ',';
    out += ',';
    if (comment != comment_of.end()) out += csv_field(*comment->second);
    out += '\n';
  }
  return out;
}

void write_raw_scores_csv(const std::string& path, const ScoreTable& table, const std::vector<ReviewComment>& comments) {
  io::write_file_atomically(path, format_raw_scores_csv(table, comments));
}

}  // namespace medlora::review
