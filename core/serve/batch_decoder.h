#pragma once
// One decoding step for several sequences in one forward pass (continuous batching). Each
// sequence has its own KV cache and position; the projections, norms, MLPs and the LM head run
// once over all of them as one [B, 1, D] batch, and only the attention itself (which reads each
// sequence's own cache) runs per sequence. Sequences join (after a prefill, which several
// joining sequences may share) and leave between steps. The active LoRA adapter applies to every sequence of a step: the scheduler
// groups sequences by adapter.
//
// THREADS: the thread that owns the model (the scheduler's).
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/model/kv_cache.h"
#include "core/model/rotary_embedding.h"

namespace medlora::model {
class LlamaForCausalLM;
}

namespace medlora::serve {

class BatchDecoder {
 public:
  explicit BatchDecoder(std::shared_ptr<model::LlamaForCausalLM> model);

  // A cache for one sequence of up to `capacity` tokens (it grows when needed).
  model::KVCache make_cache(int64_t capacity) const;
  // Runs the prompt through the model into `cache`; returns the float32 logits [vocab] of its
  // last position.
  at::Tensor prefill(const std::vector<int64_t>& prompt_ids, model::KVCache& cache);
  // Several prompts in one forward pass: right-padded to the longest into one [B, T] batch (the
  // model's own causal attention keeps every real token from seeing the padding after it), then
  // each prompt's keys and values are copied into its own empty cache, caches[i]. Returns float32
  // logits [B, vocab], row i for the last position of prompts[i]. Each row is what prefill() gives
  // that prompt alone, up to float rounding (the padded shapes sum in another order).
  at::Tensor prefill_together(const std::vector<std::vector<int64_t>>& prompts,
                              const std::vector<model::KVCache*>& caches);
  // Feeds tokens[i] to the sequence of caches[i] (each at its own position) and returns float32
  // logits [B, vocab], row i for sequence i. Every cache grows by one token.
  at::Tensor step(const std::vector<int64_t>& tokens, const std::vector<model::KVCache*>& caches);

 private:
  at::Tensor attention(int64_t layer, const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                       const std::vector<model::KVCache*>& caches);

  std::shared_ptr<model::LlamaForCausalLM> model_;
  model::RotaryEmbedding rope_;  // the same table the model computes (same config, same function)
};

}  // namespace medlora::serve
