#include <gtest/gtest.h>

#include "core/serve/rate_limiter.h"

namespace medlora::serve {
namespace {

using Clock = RateLimiter::Clock;
using namespace std::chrono_literals;

TEST(RateLimiter, RequestsPerMinuteRefillContinuously) {
  RateLimiter limiter;
  const RateLimits limits{2, 0};
  const auto t0 = Clock::time_point{} + 1h;
  EXPECT_TRUE(limiter.admit(1, limits, t0).allowed);
  EXPECT_TRUE(limiter.admit(1, limits, t0).allowed);
  const auto refused = limiter.admit(1, limits, t0 + 1s);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.reason, "requests per minute");
  EXPECT_NEAR(refused.retry_after_seconds, 29.0, 1e-6);  // one request per 30 s, 1 s gone
  EXPECT_TRUE(limiter.admit(2, limits, t0 + 1s).allowed) << "another key has its own bucket";
  EXPECT_TRUE(limiter.admit(1, limits, t0 + 31s).allowed);
  EXPECT_FALSE(limiter.admit(1, limits, t0 + 32s).allowed);
}

TEST(RateLimiter, TokensAreChargedAfterwardsAndMayGoIntoDebt) {
  RateLimiter limiter;
  const RateLimits limits{0, 600};  // 10 tokens a second
  const auto t0 = Clock::time_point{} + 1h;
  EXPECT_TRUE(limiter.admit(1, limits, t0).allowed);
  limiter.charge_tokens(1, limits, 700, t0);  // 100 in debt
  const auto refused = limiter.admit(1, limits, t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.reason, "tokens per minute");
  EXPECT_NEAR(refused.retry_after_seconds, 10.1, 1e-6);
  EXPECT_TRUE(limiter.admit(1, limits, t0 + 11s).allowed);
}

TEST(RateLimiter, ZeroMeansUnlimited) {
  RateLimiter limiter;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.admit(1, {}).allowed);
}

}  // namespace
}  // namespace medlora::serve
