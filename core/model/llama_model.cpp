#include "core/model/llama_model.h"

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <algorithm>

#include "core/model/gradient_checkpoint.h"
#include "core/model/recomputed_forward.h"
#include "core/model/single_row_linear.h"
#include "core/model/weight_placeholder.h"

namespace medlora::model {

RMSNorm::RMSNorm(int64_t size, double eps) : eps_(eps) {
  weight = register_parameter("weight", torch::ones({size}));
}

// The "medlora::" scopes below name parts of the model in libtorch's profiler (the benchmarks'
// profile breakdown); without a profiler running they cost one flag check.
torch::Tensor RMSNorm::forward(const torch::Tensor& x) {
  RECORD_FUNCTION("medlora::rms_norm", std::vector<c10::IValue>());
  // Recomputed in backward: the float32 copy of x would otherwise be kept (2x a bf16 input).
  const double eps = eps_;
  return recomputed_forward(
      [eps](const std::vector<at::Tensor>& in) {
        // As HF: normalise in float32, cast back, then scale.
        auto h = in[0].to(torch::kFloat);
        auto variance = h.pow(2).mean(-1, /*keepdim=*/true);
        h = h * torch::rsqrt(variance + eps);
        return in[1] * h.to(in[0].scalar_type());
      },
      {x, weight});
}

TokenEmbedding::TokenEmbedding(int64_t vocab_size, int64_t hidden_size) {
  weight = register_parameter("weight", new_weight({vocab_size, hidden_size}));
}

torch::Tensor TokenEmbedding::forward(const torch::Tensor& ids) { return torch::embedding(weight, ids); }

LlamaAttention::LlamaAttention(const LlamaConfig& c, int64_t layer_index)
    : layer_index_(layer_index),
      heads_(c.num_attention_heads),
      kv_heads_(c.num_key_value_heads),
      head_dim_(c.head_dim),
      scale_(1.0 / std::sqrt(static_cast<double>(c.head_dim))),
      window_(c.attention_window(layer_index)) {
  const int64_t q_size = heads_ * head_dim_;
  const int64_t kv_size = kv_heads_ * head_dim_;
  q_proj = register_module("q_proj", std::make_shared<DenseLinear>(c.hidden_size, q_size, c.qkv_bias()));
  k_proj = register_module("k_proj", std::make_shared<DenseLinear>(c.hidden_size, kv_size, c.qkv_bias()));
  v_proj = register_module("v_proj", std::make_shared<DenseLinear>(c.hidden_size, kv_size, c.qkv_bias()));
  o_proj = register_module("o_proj", std::make_shared<DenseLinear>(q_size, c.hidden_size, c.o_proj_bias()));
  if (c.qk_norm()) {
    q_norm = register_module("q_norm", std::make_shared<RMSNorm>(head_dim_, c.rms_norm_eps));
    k_norm = register_module("k_norm", std::make_shared<RMSNorm>(head_dim_, c.rms_norm_eps));
  }
}

torch::Tensor LlamaAttention::forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                                      KVCache* cache) {
  const int64_t batch = x.size(0), tokens = x.size(1);
  auto q = q_proj->forward(x).view({batch, tokens, heads_, head_dim_});
  auto k = k_proj->forward(x).view({batch, tokens, kv_heads_, head_dim_});
  auto v = v_proj->forward(x).view({batch, tokens, kv_heads_, head_dim_}).transpose(1, 2);
  // qwen3: each head normalised over head_dim after the projection, before RoPE.
  if (q_norm) q = q_norm->forward(q);
  if (k_norm) k = k_norm->forward(k);
  torch::Tensor context;
  const auto model_dtype = q.scalar_type();
  {
    RECORD_FUNCTION("medlora::attention", std::vector<c10::IValue>());
    q = RotaryEmbedding::apply(q.transpose(1, 2), cos, sin);
    k = RotaryEmbedding::apply(k.transpose(1, 2), cos, sin);
    const int64_t past = cache ? cache->length() : 0;
    if (cache) std::tie(k, v) = cache->append(layer_index_, k, v);
    // A sliding window lets query position p see keys (p - window, p]. One decoded token sees
    // the last `window` keys: the older ones are simply left out.
    if (tokens == 1 && window_ && k.size(2) > *window_) {
      k = k.narrow(2, k.size(2) - *window_, *window_);
      v = v.narrow(2, v.size(2) - *window_, *window_);
    }
    const int64_t first_key = past + tokens - k.size(2);  // absolute position of key 0
    const int64_t keys = k.size(2);

    // Grouped-query attention without repeating k/v: the query heads that share a kv head
    // (HF's repeat_kv order: head h uses kv head h / groups) are stacked along the time axis.
    const int64_t groups = heads_ / kv_heads_;
    // Decoding one token in bfloat16/float16 on the CPU: these small batched matmuls cost several
    // times more in the half-precision kernels than in float32, so they run in float32.
    if (tokens == 1 && x.device().is_cpu() && model_dtype != torch::kFloat) {
      q = q.to(torch::kFloat);
      k = k.to(torch::kFloat);
      v = v.to(torch::kFloat);
    }
    torch::Tensor mask;
    if (tokens > 1) {
      // Query i (absolute position past + i) sees keys 0..past + i, and with a window only
      // those after past + i - window.
      auto all = torch::ones({tokens, keys}, torch::TensorOptions().dtype(torch::kBool).device(x.device()));
      mask = all.triu(past - first_key + 1);
      if (window_) mask = mask.logical_or(all.tril(past - first_key - *window_));
    }
    const int64_t kv_heads = kv_heads_, heads = heads_, head_dim = head_dim_;
    const double scale = scale_;
    // Scores, softmax and probabilities are recomputed in backward (only q, k, v are kept): in
    // training they are the biggest activations of a layer (float32 [heads, T, T]).
    context = recomputed_forward(
        [=](const std::vector<at::Tensor>& in) {
          const auto &q_in = in[0], &k_in = in[1], &v_in = in[2];
          auto q_grouped = q_in.reshape({batch, kv_heads, groups * tokens, head_dim});
          auto scores = torch::matmul(q_grouped, k_in.transpose(2, 3)) * scale;
          scores = scores.view({batch, kv_heads, groups, tokens, keys});
          if (mask.defined()) scores = scores.masked_fill(mask, -std::numeric_limits<float>::infinity());
          auto probs = torch::softmax(scores, -1, torch::kFloat).to(q_in.scalar_type());
          auto out = torch::matmul(probs.view({batch, kv_heads, groups * tokens, keys}), v_in);
          return out.view({batch, heads, tokens, head_dim}).transpose(1, 2).reshape({batch, tokens, heads * head_dim});
        },
        {q, k, v});
  }
  return o_proj->forward(context.to(model_dtype));
}

LlamaMlp::LlamaMlp(const LlamaConfig& c) {
  const bool bias = c.mlp_has_bias();
  gate_proj = register_module("gate_proj", std::make_shared<DenseLinear>(c.hidden_size, c.intermediate_size, bias));
  up_proj = register_module("up_proj", std::make_shared<DenseLinear>(c.hidden_size, c.intermediate_size, bias));
  down_proj = register_module("down_proj", std::make_shared<DenseLinear>(c.intermediate_size, c.hidden_size, bias));
}

torch::Tensor LlamaMlp::forward(const torch::Tensor& x) {
  auto gate = gate_proj->forward(x);
  auto up = up_proj->forward(x);
  torch::Tensor activated;
  {
    RECORD_FUNCTION("medlora::swiglu", std::vector<c10::IValue>());
    // Recomputed in backward: silu(gate) would otherwise be kept beside gate and up.
    activated = recomputed_forward([](const std::vector<at::Tensor>& in) { return torch::silu(in[0]) * in[1]; }, {gate, up});
  }
  return down_proj->forward(activated);
}

LlamaDecoderLayer::LlamaDecoderLayer(const LlamaConfig& c, int64_t layer_index) {
  self_attn = register_module("self_attn", std::make_shared<LlamaAttention>(c, layer_index));
  mlp = register_module("mlp", std::make_shared<LlamaMlp>(c));
  input_layernorm = register_module("input_layernorm", std::make_shared<RMSNorm>(c.hidden_size, c.rms_norm_eps));
  post_attention_layernorm =
      register_module("post_attention_layernorm", std::make_shared<RMSNorm>(c.hidden_size, c.rms_norm_eps));
}

torch::Tensor LlamaDecoderLayer::forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                                         KVCache* cache) {
  auto h = x + self_attn->forward(input_layernorm->forward(x), cos, sin, cache);
  return h + mlp->forward(post_attention_layernorm->forward(h));
}

LlamaModel::LlamaModel(const LlamaConfig& c) : config_(c), rope_(c) {
  embed_tokens = register_module("embed_tokens", std::make_shared<TokenEmbedding>(c.vocab_size, c.hidden_size));
  layers = register_module("layers", torch::nn::ModuleList());
  for (int64_t i = 0; i < c.num_hidden_layers; ++i) {
    auto layer = std::make_shared<LlamaDecoderLayer>(c, i);
    layers->push_back(layer);
    decoder_layers.push_back(layer);
  }
  norm = register_module("norm", std::make_shared<RMSNorm>(c.hidden_size, c.rms_norm_eps));
}

torch::Tensor LlamaModel::forward(const torch::Tensor& input_ids, KVCache* cache) {
  auto h = embed_tokens->forward(input_ids);
  const int64_t past = cache ? cache->length() : 0;
  auto [cos, sin] = rope_.cos_sin(past, input_ids.size(1), h.scalar_type(), h.device());
  const bool checkpoint = gradient_checkpointing && is_training() && torch::GradMode::is_enabled() && !cache;
  // A checkpointed block only reports gradients when its input requires them; with a frozen
  // embedding it would not, and LoRA weights inside would get none.
  if (checkpoint && !h.requires_grad()) h = h.detach().requires_grad_(true);
  for (auto& layer : decoder_layers) {
    if (checkpoint) {
      h = checkpointed_forward([layer, cos = cos, sin = sin](const at::Tensor& x) { return layer->forward(x, cos, sin, nullptr); }, h);
    } else {
      h = layer->forward(h, cos, sin, cache);
    }
  }
  if (cache) cache->advance(input_ids.size(1));
  return norm->forward(h);
}

LlamaForCausalLM::LlamaForCausalLM(const LlamaConfig& c) : config_(c) {
  model = register_module("model", std::make_shared<LlamaModel>(c));
  if (!c.tie_word_embeddings)
    lm_head = register_module("lm_head", std::make_shared<DenseLinear>(c.hidden_size, c.vocab_size, false));
}

torch::Tensor LlamaForCausalLM::hidden_states(const torch::Tensor& input_ids, KVCache* cache) {
  return model->forward(input_ids, cache);
}

torch::Tensor LlamaForCausalLM::logits(const torch::Tensor& hidden) {
  torch::Tensor out;
  if (lm_head) {
    out = lm_head->forward(hidden);
  } else if (auto fast = single_row_linear(hidden, model->embed_tokens->weight, {})) {
    out = *fast;
  } else {
    out = torch::linear(hidden, model->embed_tokens->weight);
  }
  return out.to(torch::kFloat);
}

torch::Tensor LlamaForCausalLM::forward(const torch::Tensor& input_ids, KVCache* cache) {
  return logits(hidden_states(input_ids, cache));
}

c10::ScalarType LlamaForCausalLM::dtype() const { return model->embed_tokens->weight.scalar_type(); }

c10::Device LlamaForCausalLM::device() const { return model->embed_tokens->weight.device(); }

KVCache LlamaForCausalLM::make_cache(int64_t batch, int64_t capacity) const {
  return KVCache(config_, batch, capacity, dtype(), device());
}

std::vector<ProjectionSlot> LlamaForCausalLM::projection_slots() {
  std::vector<ProjectionSlot> found;
  for (size_t i = 0; i < model->decoder_layers.size(); ++i) {
    auto& layer = model->decoder_layers[i];
    const std::string prefix = "model.layers." + std::to_string(i) + ".";
    auto add = [&](torch::nn::Module* parent, const std::string& group, const char* name, std::shared_ptr<LinearLayer>* holder) {
      found.push_back({prefix + group + "." + name, name, static_cast<int64_t>(i), parent, holder});
    };
    add(layer->self_attn.get(), "self_attn", "q_proj", &layer->self_attn->q_proj);
    add(layer->self_attn.get(), "self_attn", "k_proj", &layer->self_attn->k_proj);
    add(layer->self_attn.get(), "self_attn", "v_proj", &layer->self_attn->v_proj);
    add(layer->self_attn.get(), "self_attn", "o_proj", &layer->self_attn->o_proj);
    add(layer->mlp.get(), "mlp", "gate_proj", &layer->mlp->gate_proj);
    add(layer->mlp.get(), "mlp", "up_proj", &layer->mlp->up_proj);
    add(layer->mlp.get(), "mlp", "down_proj", &layer->mlp->down_proj);
  }
  if (lm_head) found.push_back({"lm_head", "lm_head", -1, this, &lm_head});
  return found;
}

void LlamaForCausalLM::replace_projection(const ProjectionSlot& slot, std::shared_ptr<LinearLayer> layer) {
  slot.parent->replace_module(slot.name, layer);
  *slot.holder = std::move(layer);
}

std::vector<std::pair<std::string, torch::Tensor>> LlamaForCausalLM::base_state_dict() {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  out.emplace_back("model.embed_tokens.weight", model->embed_tokens->weight);
  auto found = projection_slots();
  size_t next_slot = 0;
  for (size_t i = 0; i < model->decoder_layers.size(); ++i) {
    auto& layer = model->decoder_layers[i];
    const std::string prefix = "model.layers." + std::to_string(i) + ".";
    out.emplace_back(prefix + "input_layernorm.weight", layer->input_layernorm->weight);
    out.emplace_back(prefix + "post_attention_layernorm.weight", layer->post_attention_layernorm->weight);
    if (layer->self_attn->q_norm) out.emplace_back(prefix + "self_attn.q_norm.weight", layer->self_attn->q_norm->weight);
    if (layer->self_attn->k_norm) out.emplace_back(prefix + "self_attn.k_norm.weight", layer->self_attn->k_norm->weight);
    for (; next_slot < found.size() && found[next_slot].layer == static_cast<int64_t>(i); ++next_slot) {
      auto dense = (*found[next_slot].holder)->dense();
      out.emplace_back(found[next_slot].path + ".weight", dense->weight);
      if (dense->bias.defined()) out.emplace_back(found[next_slot].path + ".bias", dense->bias);
    }
  }
  out.emplace_back("model.norm.weight", model->norm->weight);
  if (lm_head) out.emplace_back("lm_head.weight", lm_head->dense()->weight);
  return out;
}

void allocate_weights(LlamaForCausalLM& m, torch::Dtype dtype) {
  torch::NoGradGuard no_grad;
  for (auto& [name, tensor] : m.base_state_dict()) tensor.set_data(torch::empty(tensor.sizes(), tensor.options().dtype(dtype)));
}

void initialize_weights(LlamaForCausalLM& m, uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto generator = at::detail::createCPUGenerator(seed);
  for (auto& [name, tensor] : m.base_state_dict()) {
    const bool is_norm = name.find("norm.weight") != std::string::npos;
    const bool is_bias = name.size() > 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
    if (is_norm) {
      tensor.fill_(1.0);
    } else if (is_bias) {
      tensor.zero_();
    } else {
      // Drawn in float32 a block of rows at a time: a whole-matrix float32 temporary per weight
      // would leave a bfloat16 model's heap holding about its own size again (TinyLlama-1.1B:
      // +2.4 GiB peak RSS), since freed blocks stay mapped (configure_allocator).
      const int64_t rows = tensor.dim() == 0 ? 1 : tensor.size(0);
      const int64_t row_elements = rows == 0 ? 1 : std::max<int64_t>(1, tensor.numel() / rows);
      const int64_t block = std::max<int64_t>(1, (int64_t{1} << 20) / row_elements);
      auto flat = tensor.dim() == 0 ? tensor.view({1, 1}) : tensor.view({rows, row_elements});
      for (int64_t start = 0; start < rows; start += block) {
        const int64_t count = std::min(block, rows - start);
        flat.narrow(0, start, count)
            .copy_(at::normal(0.0, 0.02, {count, row_elements}, generator, torch::TensorOptions().dtype(torch::kFloat)));
      }
    }
  }
}

}  // namespace medlora::model
