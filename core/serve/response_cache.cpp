#include "core/serve/response_cache.h"

namespace medlora::serve {

std::optional<CompletionOutcome> ResponseCache::find(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found != index_.end() && found->second->expires <= now) {
    entries_.erase(found->second);
    index_.erase(found);
    found = index_.end();
  }
  if (found == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  entries_.splice(entries_.begin(), entries_, found->second);
  ++hits_;
  return found->second->outcome;
}

void ResponseCache::store(const std::string& key, const CompletionOutcome& outcome, Clock::time_point now) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (auto found = index_.find(key); found != index_.end()) {
    entries_.erase(found->second);
    index_.erase(found);
  }
  entries_.push_front({key, outcome, now + ttl_});
  index_[key] = entries_.begin();
  while (entries_.size() > capacity_) {
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

int64_t ResponseCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

int64_t ResponseCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace medlora::serve
