#pragma once
// Records from CSV or TSV text (already UTF-8): RFC 4180 — a header row, fields optionally in
// double quotes, "" for a quote inside, separators and newlines allowed inside quotes, CRLF or
// LF. The header names are bound to record fields (record_fields.h). A row with the wrong
// number of fields is reported at the line it starts on and skipped.
#include <string_view>

#include "core/data/dataset_importer.h"
#include "core/data/import_sink.h"

namespace medlora::data {

void read_delimited_records(std::string_view text, char separator, const ColumnMap& columns, ImportSink& sink);

}  // namespace medlora::data
