#pragma once
// Learning rate per optimiser step, as HF's get_*_schedule_with_warmup: linear warmup from 0
// over warmup_steps, then cosine to 0, linear to 0, or constant. Step s (0-based) uses lr(s).
#include <cstdint>

#include "core/train/run_config.h"

namespace medlora::train {

class LrSchedule {
 public:
  LrSchedule(LrSchedulerKind kind, double peak_lr, int64_t warmup_steps, int64_t total_steps);
  double at(int64_t step) const;
  int64_t warmup_steps() const { return warmup_; }
  int64_t total_steps() const { return total_; }

 private:
  LrSchedulerKind kind_;
  double peak_;
  int64_t warmup_, total_;
};

// ceil(ratio * total), as HF's get_warmup_steps.
int64_t warmup_steps_for(double warmup_ratio, int64_t total_steps);

}  // namespace medlora::train
