#pragma once
// One MedQuAD XML document (github.com/abachaa/MedQuAD): <Document id source url> (or the
// older <doc docid corpus url> spelling a few NINDS files use) with
// <Focus>, <FocusAnnotations><UMLS><SemanticGroup> and <QAPairs><QAPair pid><Question qid qtype>
// <Answer>. Question -> input, Answer -> output (both trimmed); metadata qtype, focus, source,
// url, document_id, qid, pid, semantic_group, source_file, line (of the QAPair). MedQuAD
// removed the answers of some collections for copyright: empty answers are counted under
// skipped_by_reason["empty answer"], not reported as errors.
#include <string>
#include <string_view>

#include "core/data/dataset_importer.h"

namespace medlora::data {

// All or nothing per file: malformed XML (or a root that is not <Document>) adds one error
// "file:line" with the parser's reason and keeps none of the file's records.
void read_medquad_document(std::string_view bytes, const std::string& file_label, ImportResult& result);

}  // namespace medlora::data
