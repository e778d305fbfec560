#include "ui/training/json_lines_tail.h"

#include <QFile>
#include <QJsonDocument>

namespace medlora::ui {

QList<QJsonObject> JsonLinesTail::read_new(bool* restarted) {
  if (restarted) *restarted = false;
  QList<QJsonObject> lines;
  QFile file(path_);
  if (!file.open(QIODevice::ReadOnly)) return lines;
  if (file.size() < offset_) {
    offset_ = 0;
    if (restarted) *restarted = true;
  }
  if (!file.seek(offset_)) return lines;
  const QByteArray bytes = file.readAll();
  const qsizetype end = bytes.lastIndexOf('\n');
  if (end < 0) return lines;
  for (const QByteArray& line : bytes.left(end).split('\n')) {
    if (line.trimmed().isEmpty()) continue;
    const auto doc = QJsonDocument::fromJson(line);
    if (doc.isObject()) lines.append(doc.object());
    else ++skipped_;
  }
  offset_ += end + 1;
  return lines;
}

}  // namespace medlora::ui
