#include "core/serve/rate_limiter.h"

#include <algorithm>

namespace medlora::serve {

void RateLimiter::Bucket::refill(double per_minute, Clock::time_point now) {
  if (!started) {  // a key's first request finds its buckets full
    level = per_minute;
    started = true;
  } else {
    const double seconds = std::chrono::duration<double>(now - updated).count();
    level = std::min(per_minute, level + seconds * per_minute / 60.0);
  }
  updated = now;
}

Admission RateLimiter::admit(int64_t key_id, const RateLimits& limits, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto& buckets = keys_[key_id];
  Admission admission;
  // Seconds until a bucket at `level` reaches `needed`.
  auto wait = [](double level, double needed, double per_minute) { return (needed - level) * 60.0 / per_minute; };
  if (limits.tokens_per_minute > 0) {
    const double rate = static_cast<double>(limits.tokens_per_minute);
    buckets.tokens.refill(rate, now);
    if (buckets.tokens.level <= 0)
      return {false, wait(buckets.tokens.level, 1, rate), "tokens per minute"};
  }
  if (limits.requests_per_minute > 0) {
    const double rate = static_cast<double>(limits.requests_per_minute);
    buckets.requests.refill(rate, now);
    if (buckets.requests.level < 1)
      return {false, wait(buckets.requests.level, 1, rate), "requests per minute"};
    buckets.requests.level -= 1;
  }
  return admission;
}

void RateLimiter::charge_tokens(int64_t key_id, const RateLimits& limits, int64_t tokens, Clock::time_point now) {
  if (limits.tokens_per_minute <= 0) return;
  std::lock_guard lock(mutex_);
  auto& bucket = keys_[key_id].tokens;
  bucket.refill(static_cast<double>(limits.tokens_per_minute), now);
  bucket.level -= static_cast<double>(tokens);
}

}  // namespace medlora::serve
