#pragma once
// Finished answers to deterministic requests (greedy, or a fixed seed), by the request's cache
// key: bounded (least recently used out first) and each entry valid for a time to live.
// Thread-safe; counts hits and misses.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/serve/openai_response.h"

namespace medlora::serve {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;
  // capacity 0 disables the cache.
  ResponseCache(size_t capacity, std::chrono::seconds ttl) : capacity_(capacity), ttl_(ttl) {}

  std::optional<CompletionOutcome> find(const std::string& key, Clock::time_point now = Clock::now());
  void store(const std::string& key, const CompletionOutcome& outcome, Clock::time_point now = Clock::now());

  int64_t hits() const;
  int64_t misses() const;
  size_t size() const;

 private:
  struct Entry {
    std::string key;
    CompletionOutcome outcome;
    Clock::time_point expires;
  };
  size_t capacity_;
  std::chrono::seconds ttl_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  int64_t hits_ = 0, misses_ = 0;
};

}  // namespace medlora::serve
