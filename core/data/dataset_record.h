#pragma once
// The shapes every dataset tool agrees on: a record's text fields as imported, cleaned,
// stored and exported. Text is UTF-8. Storage ids live in core/store, not here.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace medlora::data {

// One instruction-tuning example. `metadata` keeps what an importer knew that training does
// not use (MedQuAD qtype, focus, source, UMLS semantic group, the source file and line).
struct RecordText {
  std::string instruction;
  std::string input;
  std::string output;
  std::string category;  // department tag; empty when untagged
  std::map<std::string, std::string> metadata;
  bool synthetic = false;  // made by augmentation, never by a person
};

// Doctor approval state of a stored record.
enum class ReviewStatus { Pending, Approved, Rejected, NeedsEdit };

// "pending", "approved", "rejected", "needs-edit" (the words the CLI and the database use).
const char* review_status_name(ReviewStatus status);
// Throws std::invalid_argument naming the accepted words.
ReviewStatus parse_review_status(const std::string& name);

// A record that could not be read: where ("file.jsonl:17", "folder/x.xml") and why.
struct ImportProblem {
  std::string where;
  std::string why;
};

}  // namespace medlora::data
