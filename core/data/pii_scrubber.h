#pragma once
// Finds personal identifiers in records and plans their masking. Each finding is reported
// (record, field, kind, byte offset and length in the field's original UTF-8 text) and the
// identifier is replaced by one fixed token per kind:
//   phone "[PHONE]", cn_id "[CN_ID]", email "[EMAIL]", birth_date "[DOB]", record_number "[MRN]".
// What counts:
//  - phone: Chinese mobiles 1[3-9]XXXXXXXXX (optional +86 / 0086 prefix, ' ' or '-' between
//    the 3-4-4 groups); Chinese landlines 0XX(X)-XXXXXXX(X) (also "(010)12345678");
//    international numbers written with '+' and a country code followed by 7-14 digits with
//    ' ', '-', '.' or parentheses between them. A digit run glued to more digits is not a phone.
//    Numbers without '+' in other national formats (e.g. US 1-800 help lines) are left alone.
//  - cn_id: 17 digits + digit/X with a valid GB 11643 checksum and a plausible birth date.
//    An 18-digit string whose checksum fails is NOT an ID and is left unmasked (it is as
//    likely an order, sample or accession number); a record-number pattern may still mask it.
//  - email: local@domain.tld.
//  - birth_date: a date right after a cue (出生日期, 出生年月, 出生于, 生日, DOB, D.O.B.,
//    date of birth, birth date, born, born on) in the forms 1985-03-12, 1985/3/12, 1985.03.12,
//    1985年3月12日, 12/03/1985, 03-12-1985, "March 12, 1985", "12 March 1985". The cue stays.
//  - record_number: each pattern (PCRE syntax, matched on Unicode text); when the pattern has
//    a capture group, only group 1 is masked (the cue "住院号：" stays), else the whole match.
// Ordinary numbers (doses, years, lab values) are never touched. Overlapping findings: the
// earlier one wins, then the longer one. Run after cleaning (fullwidth digits are folded there).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/data/record_change.h"

namespace medlora::data {

enum class PiiKind { Phone, ChineseId, Email, BirthDate, RecordNumber };

// "phone", "cn_id", "email", "birth_date", "record_number".
const char* pii_kind_name(PiiKind kind);
// "[PHONE]", "[CN_ID]", "[EMAIL]", "[DOB]", "[MRN]".
const char* pii_kind_token(PiiKind kind);

struct PiiRules {
  std::vector<std::string> record_number_patterns = {
      R"((?:住院号|病历号|门诊号|病案号|MRN)[:：\s]*([A-Za-z0-9-]{5,}))"};
  bool phones = true;
  bool ids = true;
  bool emails = true;
  bool birth_dates = true;
};

struct PiiMatch {
  size_t record = 0;
  std::string field;   // "instruction", "input", "output" or a turn, "messages[N]" (see text_fields)
  PiiKind kind = PiiKind::Phone;
  size_t offset = 0;   // bytes into the original field text
  size_t length = 0;   // bytes
  std::string replacement;
};

struct ScrubResult {
  std::vector<PiiMatch> matches;
  std::vector<RecordChange> changed;             // rules = kind names found in the record
  std::map<std::string, int64_t> counts_per_kind;  // every kind name present, 0 when none found
};

// Throws std::invalid_argument naming a record-number pattern that does not compile.
ScrubResult plan_scrub(const std::vector<RecordText>& records, const PiiRules& rules);

// The findings in one string (sorted by offset, non-overlapping); `record` and `field` of the
// matches are left 0 / empty.
std::vector<PiiMatch> find_pii(const std::string& text, const PiiRules& rules);
// `text` with every finding replaced by its kind's token (what the server's request log stores).
std::string scrub_pii(const std::string& text, const PiiRules& rules);

// GB 11643-1999: 17 digits, then a check character from weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5
// 8 4 2 (sum mod 11 -> 1 0 X 9 8 7 6 5 4 3 2); region digit 1-9, birth date YYYYMMDD real and
// between 1900-01-01 and today.
bool is_valid_chinese_id(std::string_view eighteen_chars);

}  // namespace medlora::data
