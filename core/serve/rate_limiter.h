#pragma once
// Token buckets per API key: one for requests per minute, one for tokens per minute. A bucket
// holds up to its per-minute limit and refills continuously (limit/60 per second). A request
// takes one request token when admitted; its prompt and completion tokens are charged when it
// is done, so the token bucket may go below zero, and the key then waits until it is back
// above zero. Limits of 0 are unlimited. Thread-safe.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace medlora::serve {

struct RateLimits {
  int64_t requests_per_minute = 0;
  int64_t tokens_per_minute = 0;
};

struct Admission {
  bool allowed = true;
  double retry_after_seconds = 0;  // when refused: until the bucket that refused allows again
  std::string reason;              // "requests per minute" | "tokens per minute"
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  Admission admit(int64_t key_id, const RateLimits& limits, Clock::time_point now = Clock::now());
  void charge_tokens(int64_t key_id, const RateLimits& limits, int64_t tokens, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double level = 0;
    Clock::time_point updated;
    bool started = false;
    void refill(double per_minute, Clock::time_point now);
  };
  struct KeyBuckets {
    Bucket requests, tokens;
  };
  std::mutex mutex_;
  std::map<int64_t, KeyBuckets> keys_;
};

}  // namespace medlora::serve
