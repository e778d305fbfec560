#pragma once
// One JSON object a line: appended (and flushed) to output_dir/metrics.jsonl and handed to a
// listener (the CLI prints it on stdout, the GUI parses it).
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <filesystem>
#include <functional>

namespace medlora::train {

class MetricsLog {
 public:
  using Listener = std::function<void(const QJsonObject&)>;
  // A fresh run truncates the file; a resumed run rewrites it from the checkpoint's history.
  MetricsLog(std::filesystem::path file, Listener listener);
  ~MetricsLog();
  MetricsLog(const MetricsLog&) = delete;
  MetricsLog& operator=(const MetricsLog&) = delete;

  void restart(const QJsonArray& history);
  // Metrics (logging and evaluation lines) also go into history(); events do not.
  void write(const QJsonObject& line, bool keep_in_history);
  const QJsonArray& history() const { return history_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  void append(const QJsonObject& line);
  std::filesystem::path file_;
  Listener listener_;
  std::FILE* stream_ = nullptr;
  QJsonArray history_;
};

}  // namespace medlora::train
