#include "core/serve/batch_decoder.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/model/llama_model.h"

namespace medlora::serve {

BatchDecoder::BatchDecoder(std::shared_ptr<model::LlamaForCausalLM> model)
    : model_(std::move(model)), rope_(model_->config()) {}

model::KVCache BatchDecoder::make_cache(int64_t capacity) const { return model_->make_cache(1, capacity); }

at::Tensor BatchDecoder::prefill(const std::vector<int64_t>& prompt_ids, model::KVCache& cache) {
  torch::NoGradGuard no_grad;
  auto ids = torch::tensor(prompt_ids, torch::kLong).view({1, static_cast<int64_t>(prompt_ids.size())}).to(model_->device());
  auto hidden = model_->hidden_states(ids, &cache);
  return model_->logits(hidden.narrow(1, hidden.size(1) - 1, 1)).view({-1});
}

at::Tensor BatchDecoder::prefill_together(const std::vector<std::vector<int64_t>>& prompts,
                                          const std::vector<model::KVCache*>& caches) {
  if (prompts.empty() || prompts.size() != caches.size())
    throw std::invalid_argument("BatchDecoder::prefill_together needs one cache per prompt");
  for (size_t i = 0; i < prompts.size(); ++i) {
    if (prompts[i].empty()) throw std::invalid_argument("BatchDecoder::prefill_together: prompt " + std::to_string(i) + " is empty");
    if (caches[i]->length() != 0)
      throw std::invalid_argument("BatchDecoder::prefill_together: cache " + std::to_string(i) + " is not empty");
  }
  torch::NoGradGuard no_grad;
  if (prompts.size() == 1) return prefill(prompts.front(), *caches.front()).unsqueeze(0);
  const int64_t batch = static_cast<int64_t>(prompts.size());
  int64_t longest = 0;
  for (const auto& prompt : prompts) longest = std::max<int64_t>(longest, static_cast<int64_t>(prompt.size()));
  // Right padding with a real id (the prompt's last one): padding sits after every real token,
  // so the causal mask hides it; its own outputs are never read.
  std::vector<int64_t> padded;
  std::vector<int64_t> last_positions;
  padded.reserve(static_cast<size_t>(batch * longest));
  for (const auto& prompt : prompts) {
    padded.insert(padded.end(), prompt.begin(), prompt.end());
    padded.insert(padded.end(), static_cast<size_t>(longest) - prompt.size(), prompt.back());
    last_positions.push_back(static_cast<int64_t>(prompt.size()) - 1);
  }
  auto ids = torch::tensor(padded, torch::kLong).view({batch, longest}).to(model_->device());
  auto shared = model_->make_cache(batch, longest);
  auto hidden = model_->hidden_states(ids, &shared);  // [B, T, D]

  // Each prompt's rows of the shared cache into its own. Appending zero tokens to the shared
  // cache is how KVCache hands out views of what it holds.
  const auto& config = model_->config();
  const auto nothing = torch::empty({batch, config.num_key_value_heads, 0, config.head_dim}, hidden.options());
  for (int64_t layer = 0; layer < config.num_hidden_layers; ++layer) {
    auto [keys, values] = shared.append(layer, nothing, nothing);
    for (int64_t row = 0; row < batch; ++row) {
      const int64_t length = last_positions[static_cast<size_t>(row)] + 1;
      caches[static_cast<size_t>(row)]->append(layer, keys.narrow(0, row, 1).narrow(2, 0, length),
                                               values.narrow(0, row, 1).narrow(2, 0, length));
    }
  }
  for (int64_t row = 0; row < batch; ++row) caches[static_cast<size_t>(row)]->advance(last_positions[static_cast<size_t>(row)] + 1);

  auto rows = torch::arange(batch, torch::TensorOptions().dtype(torch::kLong).device(hidden.device()));
  auto columns = torch::tensor(last_positions, torch::kLong).to(hidden.device());
  return model_->logits(hidden.index({rows, columns})).view({batch, -1});
}

// As LlamaAttention::forward computes one decoded token, once per sequence against its own
// cache: q [B, heads, 1, hd] and k/v [B, kv_heads, 1, hd] after RoPE; returns [B, 1, heads*hd].
at::Tensor BatchDecoder::attention(int64_t layer, const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                   const std::vector<model::KVCache*>& caches) {
  const auto& config = model_->config();
  const int64_t heads = config.num_attention_heads, kv_heads = config.num_key_value_heads, head_dim = config.head_dim;
  const int64_t groups = heads / kv_heads;
  const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
  const auto window = config.attention_window(layer);
  const auto model_dtype = q.scalar_type();
  // Small per-token matmuls in bfloat16 on the CPU cost several times float32 (as in the model).
  const bool widen = q.device().is_cpu() && model_dtype != torch::kFloat;
  std::vector<at::Tensor> contexts;
  contexts.reserve(caches.size());
  for (size_t i = 0; i < caches.size(); ++i) {
    const auto row = static_cast<int64_t>(i);
    auto [keys, values] = caches[i]->append(layer, k.narrow(0, row, 1), v.narrow(0, row, 1));
    if (window && keys.size(2) > *window) {
      keys = keys.narrow(2, keys.size(2) - *window, *window);
      values = values.narrow(2, values.size(2) - *window, *window);
    }
    auto qi = q.narrow(0, row, 1);
    if (widen) {
      qi = qi.to(torch::kFloat);
      keys = keys.to(torch::kFloat);
      values = values.to(torch::kFloat);
    }
    // Grouped-query attention without repeating k/v, in HF's repeat_kv head order.
    auto scores = torch::matmul(qi.reshape({1, kv_heads, groups, head_dim}), keys.transpose(2, 3)) * scale;
    auto probs = torch::softmax(scores, -1, torch::kFloat).to(qi.scalar_type());
    contexts.push_back(torch::matmul(probs, values).view({1, 1, heads * head_dim}));
  }
  return torch::cat(contexts, 0).to(model_dtype);
}

at::Tensor BatchDecoder::step(const std::vector<int64_t>& tokens, const std::vector<model::KVCache*>& caches) {
  if (tokens.empty() || tokens.size() != caches.size())
    throw std::invalid_argument("BatchDecoder::step needs one cache per token");
  torch::NoGradGuard no_grad;
  const auto& config = model_->config();
  const int64_t batch = static_cast<int64_t>(tokens.size());
  const int64_t heads = config.num_attention_heads, kv_heads = config.num_key_value_heads, head_dim = config.head_dim;
  auto& decoder = *model_->model;
  auto h = decoder.embed_tokens->forward(torch::tensor(tokens, torch::kLong).view({batch, 1}).to(model_->device()));

  // Each sequence's RoPE row at its own position: cos/sin [B, 1, 1, hd] broadcast over heads.
  std::vector<at::Tensor> cos_rows, sin_rows;
  for (auto* cache : caches) {
    auto [cos, sin] = rope_.cos_sin(cache->length(), 1, h.scalar_type(), h.device());
    cos_rows.push_back(cos);
    sin_rows.push_back(sin);
  }
  auto cos = torch::stack(cos_rows).view({batch, 1, 1, head_dim});
  auto sin = torch::stack(sin_rows).view({batch, 1, 1, head_dim});

  for (size_t l = 0; l < decoder.decoder_layers.size(); ++l) {
    auto& layer = *decoder.decoder_layers[l];
    auto& attn = *layer.self_attn;
    auto x = layer.input_layernorm->forward(h);
    auto q = attn.q_proj->forward(x).view({batch, 1, heads, head_dim});
    auto k = attn.k_proj->forward(x).view({batch, 1, kv_heads, head_dim});
    auto v = attn.v_proj->forward(x).view({batch, 1, kv_heads, head_dim}).transpose(1, 2);
    if (attn.q_norm) q = attn.q_norm->forward(q);
    if (attn.k_norm) k = attn.k_norm->forward(k);
    q = model::RotaryEmbedding::apply(q.transpose(1, 2), cos, sin);
    k = model::RotaryEmbedding::apply(k.transpose(1, 2), cos, sin);
    h = h + attn.o_proj->forward(attention(static_cast<int64_t>(l), q, k, v, caches));
    h = h + layer.mlp->forward(layer.post_attention_layernorm->forward(h));
  }
  for (auto* cache : caches) cache->advance(1);
  return model_->logits(decoder.norm->forward(h)).view({batch, -1});
}

}  // namespace medlora::serve
