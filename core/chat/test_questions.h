#pragma once
// Where a test set's questions come from: a file or a workspace dataset.
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/test_set_runs.h"
#include "core/store/workspace.h"

namespace medlora::chat {

// Reads questions from a file:
//  - .jsonl / .json (JSON lines, or a JSON array of objects): question from "question", else
//    "instruction" + "input" joined by a blank line (either may be empty); reference from
//    "reference", "answer" or "output"; item from "item", "id" or "qid" (strings or numbers);
//  - anything else: plain text, one question per non-empty line (UTF-8 or GB18030).
// Items left empty are numbered by TestSetRuns::create. Throws std::runtime_error naming the
// file and line for unreadable files, bad JSON, or a line without a question.
std::vector<store::TestQuestion> read_test_questions(const std::string& path);

// The records of a workspace dataset as questions: question = instruction + input (blank line
// between when both are set), reference = output, item = "record-<id>". approved_only keeps
// approved records; limit > 0 keeps the first `limit` by id. Throws StoreError for an unknown
// dataset.
std::vector<store::TestQuestion> dataset_test_questions(store::Workspace& workspace, int64_t dataset_id,
                                                        bool approved_only = false, int64_t limit = 0);

}  // namespace medlora::chat
