#pragma once
// Hand-written scanners for the personal identifiers of pii_scrubber.h. They work on UTF-8
// bytes: every character they look for is ASCII, and UTF-8 never hides ASCII bytes inside a
// multi-byte character, so no decoding is needed and a 1,000-character answer costs microseconds.
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/data/pii_scrubber.h"

namespace medlora::data {

struct PiiSpan {
  size_t offset = 0;  // bytes
  size_t length = 0;  // bytes
  PiiKind kind = PiiKind::Phone;
};

// Each appends what it finds (possibly overlapping other kinds; see resolve_overlaps).
void find_phone_numbers(std::string_view text, std::vector<PiiSpan>& out);
void find_chinese_ids(std::string_view text, std::vector<PiiSpan>& out);
void find_emails(std::string_view text, std::vector<PiiSpan>& out);
void find_birth_dates(std::string_view text, std::vector<PiiSpan>& out);

// Sorts by offset and keeps non-overlapping spans: the earlier one, then the longer one, then by
// kind (email, record number, ID, birth date, phone).
void resolve_overlaps(std::vector<PiiSpan>& spans);

// A date written as "1985-03-12", "1985/3/12", "1985.03.12", "1985年3月12日", "1985年3月",
// "19850312", "12/03/1985", "03-12-1985", "March 12, 1985", "12 March 1985" starting at `pos`;
// returns its length in bytes, 0 when there is none or it is not a real date.
size_t match_date(std::string_view text, size_t pos);

}  // namespace medlora::data
