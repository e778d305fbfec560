#pragma once
// AdamW with 8-bit optimiser state (Dettmers et al., "8-bit Optimizers via Block-wise
// Quantization"; bitsandbytes' AdamW8bit): both moments are stored blockwise-quantised,
// block 2048, the first with the signed dynamic-tree map and the second with the unsigned one.
// Each step dequantises a block, updates it in float32 with the same rule as AdamWOptimizer,
// and re-quantises it with the block's new absmax. Tensors under 4096 elements keep float32
// moments, as bitsandbytes' min_8bit_size.
//
// Checkpoints hold the codes and absmax values themselves (name.exp_avg.codes,
// name.exp_avg.absmax, name.exp_avg_sq.codes, name.exp_avg_sq.absmax, name.step), so a resumed
// run continues bit for bit.
#include "core/train/adamw_optimizer.h"

namespace medlora::train {

inline constexpr int64_t kAdam8bitBlock = 2048;
inline constexpr int64_t kAdam8bitMinSize = 4096;

class AdamW8bitOptimizer : public AdamWOptimizer {
 public:
  AdamW8bitOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, std::vector<bool> decay,
                     AdamWSettings settings);

  void step(double lr) override;
  std::vector<std::pair<std::string, at::Tensor>> state_tensors() const override;
  void load_state_tensors(const std::vector<std::pair<std::string, at::Tensor>>& tensors, const std::string& source) override;

  bool quantized(size_t i) const { return quantized_[i]; }

 private:
  struct QuantizedMoments {
    at::Tensor m_codes, m_absmax, v_codes, v_absmax;  // uint8 [numel], float32 [blocks]
  };
  void step_quantized(size_t i, double lr);

  std::vector<bool> quantized_;
  std::vector<QuantizedMoments> moments_;  // empty entries for float32-state parameters
};

}  // namespace medlora::train
