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

// Any root element that holds the QAPairs is read (<Document>, <doc>, <DiseaseFile> in some
// CDC files, ...); its id/docid, source/corpus and url attributes describe the document.
// All or nothing per file: malformed XML adds one error "file:line" with the parser's reason,
// keeps none of the file's records and counts skipped_by_reason[kMalformedFile]. A file with
// no QA pair is skipped as a file too: skipped_by_reason[kFileWithoutPairs] when it is a
// MedQuAD document with an empty <QAPairs> (not an error), or an error plus
// skipped_by_reason[kNotMedQuad] when nothing in it looks like MedQuAD. Each skipped file
// adds one to ImportResult::skipped.
inline constexpr const char* kMalformedFile = "file: malformed XML";
inline constexpr const char* kFileWithoutPairs = "file: document without QA pairs";
inline constexpr const char* kNotMedQuad = "file: not a MedQuAD document";

void read_medquad_document(std::string_view bytes, const std::string& file_label, ImportResult& result);

}  // namespace medlora::data
