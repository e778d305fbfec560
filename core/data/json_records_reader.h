#pragma once
// Records from JSON text (already UTF-8): a JSON array of objects, an object holding such an
// array ({"data": [...]}) or one record object; and JSONL, one object a line. Each array element
// is located by a light scan first, so a broken element is reported at its own line and the
// rest of the file still imports. An object with no output field but a list of
// {question, answer} objects (e.g. CMB-Clin's QA_pairs under a case description) gives one
// record per pair: input = the case text + "\n\n" + the question. An object with a
// "messages" or "conversations" list is a conversation record (see conversation_record.h): its
// turns go to RecordText::messages, a broken one is reported at its line.
#include <string_view>

#include "core/data/dataset_importer.h"
#include "core/data/import_sink.h"

namespace medlora::data {

void read_json_records(std::string_view text, const ColumnMap& columns, ImportSink& sink);
void read_jsonl_records(std::string_view text, const ColumnMap& columns, ImportSink& sink);

// True when the first non-blank line of `text` is one complete JSON value on its own: how a
// ".json" file that starts with '{' is told to be JSONL rather than one indented object.
bool first_line_is_complete_json(std::string_view text);

}  // namespace medlora::data
