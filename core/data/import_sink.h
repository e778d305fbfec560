#pragma once
// Where a reader puts what it found in one file: records (stamped with source file and line),
// problems ("file:line" and why) and expected omissions, plus progress through the file's text.
// The readers stay free of file handling and progress arithmetic.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

#include "core/data/dataset_importer.h"

namespace medlora::data {

class ImportSink {
 public:
  // `on_progress(offset)` receives how far into the text the reader is; it may throw
  // ImportCancelled. Called at most about once per kProgressStep bytes.
  ImportSink(ImportResult& result, std::string file_label, std::function<void(size_t)> on_progress = {})
      : result_(result), file_(std::move(file_label)), on_progress_(std::move(on_progress)) {}

  const std::string& file() const { return file_; }

  void add(RecordText&& record, int64_t line) {
    record.metadata["source_file"] = file_;
    record.metadata["line"] = std::to_string(line);
    result_.records.push_back(std::move(record));
  }
  // A broken record (or, with line 0, a whole file that could not be used): skipped.
  void error(int64_t line, std::string why) {
    result_.errors.push_back({line > 0 ? file_ + ":" + std::to_string(line) : file_, std::move(why)});
    ++result_.skipped;
  }
  // A record left out on purpose (e.g. MedQuAD's removed answers): counted, not an error.
  void skip(const std::string& reason) {
    ++result_.skipped_by_reason[reason];
    ++result_.skipped;
  }
  void progress(size_t offset) {
    if (!on_progress_ || offset < next_report_) return;
    next_report_ = offset + kProgressStep;
    on_progress_(offset);
  }

 private:
  static constexpr size_t kProgressStep = size_t{1} << 20;

  ImportResult& result_;
  std::string file_;
  std::function<void(size_t)> on_progress_;
  size_t next_report_ = kProgressStep;
};

}  // namespace medlora::data
