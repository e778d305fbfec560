#include "core/train/lr_schedule.h"

#include <gtest/gtest.h>

namespace medlora::train {
namespace {

TEST(LrScheduleTest, WarmupIsLinearFromZero) {
  LrSchedule s(LrSchedulerKind::Cosine, 1e-3, 10, 110);
  EXPECT_DOUBLE_EQ(s.at(0), 0.0);
  EXPECT_NEAR(s.at(5), 5e-4, 1e-12);
  EXPECT_NEAR(s.at(10), 1e-3, 1e-12);  // warmup end: peak
}

TEST(LrScheduleTest, CosineHalfAtMidpointZeroAtEnd) {
  LrSchedule s(LrSchedulerKind::Cosine, 1e-3, 10, 110);
  EXPECT_NEAR(s.at(60), 5e-4, 1e-12);
  EXPECT_NEAR(s.at(110), 0.0, 1e-12);
  EXPECT_GT(s.at(30), s.at(60));
}

TEST(LrScheduleTest, LinearAndConstant) {
  LrSchedule lin(LrSchedulerKind::Linear, 2e-4, 10, 110);
  EXPECT_NEAR(lin.at(10), 2e-4, 1e-15);
  EXPECT_NEAR(lin.at(60), 1e-4, 1e-15);
  EXPECT_NEAR(lin.at(110), 0.0, 1e-15);
  LrSchedule constant(LrSchedulerKind::Constant, 2e-4, 10, 110);
  EXPECT_NEAR(constant.at(5), 1e-4, 1e-15);
  EXPECT_DOUBLE_EQ(constant.at(60), 2e-4);
  EXPECT_DOUBLE_EQ(constant.at(109), 2e-4);
}

TEST(LrScheduleTest, WarmupStepsRoundUp) {
  EXPECT_EQ(warmup_steps_for(0.1, 95), 10);
  EXPECT_EQ(warmup_steps_for(0.0, 95), 0);
  EXPECT_EQ(warmup_steps_for(0.1, 100), 10);
}

}  // namespace
}  // namespace medlora::train
