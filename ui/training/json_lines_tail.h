#pragma once
// Reads a growing JSON-lines file from where it left off: complete lines only (a half-written
// last line waits for its newline), lines that are not JSON objects are skipped. A file that
// shrank (the trainer rewrites metrics.jsonl on resume) is read again from the start.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace medlora::ui {

class JsonLinesTail {
 public:
  explicit JsonLinesTail(QString path = {}) : path_(std::move(path)) {}

  const QString& path() const { return path_; }
  // The new complete lines since the last call. `restarted` is set when the file shrank.
  QList<QJsonObject> read_new(bool* restarted = nullptr);
  qint64 offset() const { return offset_; }
  int skipped_lines() const { return skipped_; }

 private:
  QString path_;
  qint64 offset_ = 0;
  int skipped_ = 0;
};

}  // namespace medlora::ui
