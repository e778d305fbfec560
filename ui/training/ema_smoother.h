#pragma once
// TensorBoard-style smoothing of a loss curve: an exponential moving average with the start-up
// bias removed, so that the first points are not dragged towards zero. Non-finite values are
// passed through unsmoothed and do not disturb the average.
#include <cmath>
#include <vector>

namespace medlora::ui {

class EmaSmoother {
 public:
  explicit EmaSmoother(double weight = 0.6) : weight_(weight) {}

  double weight() const { return weight_; }
  void reset() {
    average_ = 0;
    count_ = 0;
  }
  // The smoothed value after `value`. weight 0 returns the raw value.
  double add(double value) {
    if (!std::isfinite(value)) return value;
    average_ = average_ * weight_ + (1.0 - weight_) * value;
    ++count_;
    const double debias = 1.0 - std::pow(weight_, static_cast<double>(count_));
    return debias > 0 ? average_ / debias : value;
  }

 private:
  double weight_;
  double average_ = 0;
  long long count_ = 0;
};

inline std::vector<double> smooth(const std::vector<double>& values, double weight) {
  EmaSmoother smoother(weight);
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values) out.push_back(smoother.add(v));
  return out;
}

}  // namespace medlora::ui
