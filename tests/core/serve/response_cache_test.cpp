#include <gtest/gtest.h>

#include "core/serve/response_cache.h"

namespace medlora::serve {
namespace {

using namespace std::chrono_literals;

CompletionOutcome answer(const std::string& text) {
  CompletionOutcome outcome;
  outcome.text = text;
  outcome.finish_reason = "stop";
  return outcome;
}

TEST(ResponseCache, HitsMissesAndLeastRecentlyUsedEviction) {
  ResponseCache cache(2, 60s);
  const auto t = ResponseCache::Clock::now();
  EXPECT_FALSE(cache.find("a", t));
  cache.store("a", answer("A"), t);
  cache.store("b", answer("B"), t);
  ASSERT_TRUE(cache.find("a", t));  // a is now the most recent
  cache.store("c", answer("C"), t);  // evicts b
  EXPECT_FALSE(cache.find("b", t));
  EXPECT_EQ(cache.find("a", t)->text, "A");
  EXPECT_EQ(cache.find("c", t)->text, "C");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.hits(), 3);
  EXPECT_EQ(cache.misses(), 2);
}

TEST(ResponseCache, EntriesExpire) {
  ResponseCache cache(8, 10s);
  const auto t = ResponseCache::Clock::now();
  cache.store("a", answer("A"), t);
  EXPECT_TRUE(cache.find("a", t + 9s));
  EXPECT_FALSE(cache.find("a", t + 10s));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(ResponseCache, CapacityZeroKeepsNothing) {
  ResponseCache cache(0, 10s);
  cache.store("a", answer("A"));
  EXPECT_FALSE(cache.find("a"));
}

}  // namespace
}  // namespace medlora::serve
