#pragma once
// How a source record's named fields (JSON keys, CSV headers) become a RecordText: the user's
// --map names first, else the usual names (Alpaca's instruction/input/output, question/answer,
// prompt/response, 问题/答案, 科室 ...). Shared by the JSON and CSV readers so that both
// accept the same names and report the same reasons.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset_importer.h"

namespace medlora::data {

enum class RecordField { Instruction = 0, Input = 1, Output = 2, Category = 3 };

struct FieldBinding {
  std::array<int, 4> index{-1, -1, -1, -1};  // per RecordField: position in the names, -1 = none
  std::vector<std::string> unmet;            // mapped names absent from the source, e.g. "output=答"

  int of(RecordField field) const { return index[static_cast<size_t>(field)]; }
};

// Binds each RecordField to one of `names`. An explicit ColumnMap entry must match a name
// exactly (case-sensitive) or it lands in `unmet`; otherwise the first alias present wins
// (compared ignoring ASCII case, spaces, '_' and '-').
FieldBinding bind_fields(const std::vector<std::string>& names, const ColumnMap& columns);

// The alias list of a field as shown in messages: "output, answer, response, ...".
std::string field_aliases_text(RecordField field);

// Fills `record` from `values` (parallel to the names the binding was made from): bound fields
// go to their RecordField, other non-empty values to metadata under their name. Returns why the
// record cannot be used (no output, empty output, neither input nor instruction), or "".
std::string fill_record(const FieldBinding& binding, const std::vector<std::string>& names,
                        std::vector<std::string>& values, RecordText& record);

}  // namespace medlora::data
