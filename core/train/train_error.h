#pragma once
// Errors a user can cause while setting up or running training (bad config, bad data, a run
// that diverged). The message says what, where and how to fix it.
#include <stdexcept>

namespace medlora::train {

class TrainingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace medlora::train
