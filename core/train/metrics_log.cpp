#include "core/train/metrics_log.h"

#include <cerrno>
#include <cstring>

#include "core/io/atomic_file.h"
#include "core/io/json_util.h"
#include "core/train/train_error.h"

namespace medlora::train {

MetricsLog::MetricsLog(std::filesystem::path file, Listener listener)
    : file_(std::move(file)), listener_(std::move(listener)) {}

MetricsLog::~MetricsLog() {
  if (stream_) std::fclose(stream_);
}

void MetricsLog::restart(const QJsonArray& history) {
  if (stream_) std::fclose(stream_);
  stream_ = nullptr;
  history_ = history;
  std::string text;
  for (const auto& v : history_) text += io::json::compact(v.toObject()) + "\n";
  io::write_file_atomically(file_, text);
  stream_ = std::fopen(file_.c_str(), "ab");
  if (!stream_) throw TrainingError("cannot open the metrics file " + file_.string() + ": " + std::strerror(errno));
}

void MetricsLog::append(const QJsonObject& line) {
  if (!stream_) restart({});
  const auto text = io::json::compact(line) + "\n";
  if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size() || std::fflush(stream_) != 0)
    throw TrainingError("cannot write the metrics file " + file_.string() + ": " + std::strerror(errno));
}

void MetricsLog::write(const QJsonObject& line, bool keep_in_history) {
  append(line);
  if (keep_in_history) history_.append(line);
  if (listener_) listener_(line);
}

}  // namespace medlora::train
