#pragma once
// The term dictionary: synonym -> standard term ("心梗" -> "心肌梗死"), editable and importable
// from CSV. Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/store/workspace.h"

namespace medlora::store {

struct Term {
  std::string synonym;
  std::string standard;
};

struct TermImportResult {
  int64_t added = 0;
  int64_t updated = 0;    // synonym known, standard changed
  int64_t unchanged = 0;  // identical pair already there
  int64_t skipped = 0;    // bad lines, see problems
  std::vector<data::ImportProblem> problems;  // where = "file.csv:LINE"
};

class TermRepository {
 public:
  explicit TermRepository(Workspace& workspace) : ws_(workspace) {}

  std::vector<Term> list() const;  // by synonym
  int64_t count() const;
  std::optional<std::string> standard_for(const std::string& synonym) const;
  // Inserts or replaces. Throws StoreError for empty text or synonym == standard.
  void set(const std::string& synonym, const std::string& standard);
  bool remove(const std::string& synonym);

  // Imports a UTF-8 CSV (BOM allowed) whose header row names the columns "synonym" and
  // "standard" (any order, other columns ignored); RFC 4180 quoting. Bad lines are skipped and
  // reported; the good ones are written in one transaction. Throws StoreError when the file
  // cannot be read, is not UTF-8, or lacks the header.
  TermImportResult import_csv(const std::string& path);
  // The same from text already in memory; `source_name` is used in problem locations.
  TermImportResult import_csv_text(const std::string& csv_text, const std::string& source_name);

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
