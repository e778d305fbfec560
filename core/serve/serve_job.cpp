#include "core/serve/serve_job.h"

namespace medlora::serve {

void ServeJob::admit() {
  std::lock_guard lock(mutex_);
  admitted_ = true;
  changed_.notify_all();
}

std::optional<ApiError> ServeJob::wait_admitted() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return admitted_ || reply_ || error_; });
  if (admitted_ || !error_) return std::nullopt;
  delivered_ = true;
  auto error = std::move(error_);
  error_.reset();
  return error;
}

void ServeJob::push_piece(const std::string& text) {
  std::lock_guard lock(mutex_);
  if (!first_token_at_) first_token_at_ = Clock::now();
  pending_ += text;
  changed_.notify_all();
}

void ServeJob::complete(generate::ChatReply reply) {
  std::lock_guard lock(mutex_);
  if (!first_token_at_) first_token_at_ = Clock::now();
  reply_ = std::move(reply);
  changed_.notify_all();
}

void ServeJob::fail(const ApiError& error) {
  std::lock_guard lock(mutex_);
  error_ = error;
  changed_.notify_all();
}

ServeJob::Update ServeJob::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !pending_.empty() || ((reply_ || error_) && !delivered_); });
  Update update;
  update.text = std::move(pending_);
  pending_.clear();
  if (reply_ || error_) {
    update.reply = std::move(reply_);
    update.error = std::move(error_);
    reply_.reset();
    error_.reset();
    delivered_ = true;
  }
  return update;
}

std::optional<ServeJob::Clock::time_point> ServeJob::first_token_at() const {
  std::lock_guard lock(mutex_);
  return first_token_at_;
}

}  // namespace medlora::serve
