#include "core/train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace medlora::train {

LrSchedule::LrSchedule(LrSchedulerKind kind, double peak_lr, int64_t warmup_steps, int64_t total_steps)
    : kind_(kind), peak_(peak_lr), warmup_(std::max<int64_t>(0, warmup_steps)), total_(std::max<int64_t>(1, total_steps)) {}

double LrSchedule::at(int64_t step) const {
  if (step < warmup_) return peak_ * static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, warmup_));
  if (kind_ == LrSchedulerKind::Constant) return peak_;
  const double span = static_cast<double>(std::max<int64_t>(1, total_ - warmup_));
  const double progress = static_cast<double>(step - warmup_) / span;
  if (kind_ == LrSchedulerKind::Linear) return peak_ * std::max(0.0, 1.0 - progress);
  return peak_ * std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * progress)));
}

int64_t warmup_steps_for(double warmup_ratio, int64_t total_steps) {
  return static_cast<int64_t>(std::ceil(warmup_ratio * static_cast<double>(total_steps)));
}

}  // namespace medlora::train
