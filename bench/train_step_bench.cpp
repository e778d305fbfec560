// LoRA training-step throughput: the trainer's step (causal-LM loss, backward, gradient
// clipping, AdamW on the LoRA tensors) on random tokens, for the fixed config (batch 4, seq 256)
// or the TinyLlama-1.1B shape (batch 1, bfloat16 base weights), r 16 on q/k/v/o, float32 or
// bfloat16, with or without gradient checkpointing. Prints tokens/s, the FLOPs of one step
// (formula below), achieved GFLOP/s and peak RSS as one JSON object.
#include <torch/torch.h>

#include <algorithm>

#include "bench/bench_support.h"
#include "bench/op_profile.h"
#include "core/model/llama_model.h"
#include "core/model/recomputed_forward.h"
#include "core/runtime/process_environment.h"
#include "core/runtime/compute_options.h"

// The bench builds before and after core/lora and core/train land; it uses them when present.
#if __has_include("core/lora/lora_model.h")
#include "core/lora/lora_model.h"
#define MEDLORA_BENCH_HAS_LORA 1
#endif
#if __has_include("core/train/adamw_optimizer.h") && __has_include("core/train/causal_lm_loss.h")
#include "core/train/adamw_optimizer.h"
#include "core/train/causal_lm_loss.h"
#define MEDLORA_BENCH_HAS_TRAIN 1
#endif

using namespace medlora;

namespace {

constexpr int64_t kRank = 16;
constexpr double kAlpha = 32.0, kDropout = 0.05, kLearningRate = 2e-4, kMaxGradNorm = 1.0;

#ifndef MEDLORA_BENCH_HAS_LORA
// Stand-in with LoraLinear's maths (y = W x + s * B A dropout(x), A/B float32 cast to x's dtype).
class BenchLoraLinear : public model::LinearLayer {
 public:
  explicit BenchLoraLinear(std::shared_ptr<model::DenseLinear> base) : base_(std::move(base)) {
    register_module("base_layer", base_);
    const double bound = 1.0 / std::sqrt(static_cast<double>(base_->in_features()));
    A = register_parameter("lora_A", torch::empty({kRank, base_->in_features()}).uniform_(-bound, bound));
    B = register_parameter("lora_B", torch::zeros({base_->out_features(), kRank}));
  }
  torch::Tensor forward(const torch::Tensor& x) override {
    auto out = torch::linear(x, base_->weight, base_->bias);
    auto input = is_training() ? torch::dropout(x, kDropout, true) : x;
    return out.add_(torch::linear(torch::linear(input, A.to(x.scalar_type())), B.to(x.scalar_type())), kAlpha / kRank);
  }
  int64_t in_features() const override { return base_->in_features(); }
  int64_t out_features() const override { return base_->out_features(); }
  std::shared_ptr<model::DenseLinear> dense() override { return base_; }
  torch::Tensor A, B;

 private:
  std::shared_ptr<model::DenseLinear> base_;
};
#endif

std::vector<std::pair<std::string, torch::Tensor>> add_lora(model::LlamaForCausalLM& m) {
  for (auto& p : m.parameters()) p.set_requires_grad(false);
#ifdef MEDLORA_BENCH_HAS_LORA
  lora::LoraConfig config;
  config.r = kRank;
  config.alpha = kAlpha;
  config.dropout = kDropout;
  config.target_modules = {"q_proj", "k_proj", "v_proj", "o_proj"};
  lora::inject_lora(m, config, "default", 0);
  return lora::lora_trainable_parameters(m, "default");
#else
  for (const auto& slot : m.projection_slots()) {
    if (slot.name != "q_proj" && slot.name != "k_proj" && slot.name != "v_proj" && slot.name != "o_proj") continue;
    model::LlamaForCausalLM::replace_projection(slot, std::make_shared<BenchLoraLinear>((*slot.holder)->dense()));
  }
  std::vector<std::pair<std::string, torch::Tensor>> named;
  for (auto& item : m.named_parameters())
    if (item.value().requires_grad()) named.emplace_back(item.key(), item.value());
  return named;
#endif
}

// FLOPs of one step, counted as for MFU (what the model needs, not what a recompute adds):
//   N = batch*seq tokens, L layers, d hidden, V vocab, H/K query/kv heads of size h, f ffn, r rank.
//   matmul weights per layer  P = d*H*h + 2*d*K*h + H*h*d + 3*d*f;  lm_head d*V
//   LoRA per layer            R = r*[(d + H*h) + 2*(d + K*h) + (H*h + d)]
//   attention per layer       S = 4*batch*seq^2*H*h   (QK^T and PV, full square as computed)
//   forward   = 2*N*(L*P + d*V) + 2*N*L*R + L*S
//   backward  = 2*N*(L*P + d*V)            (input gradients; base weights are frozen: no dW)
//             + 4*N*L*R                    (input and weight gradients of A and B)
//             + 2*L*S                      (dQ, dK, dP, dV)
// Gradient checkpointing recomputes each layer's forward once more: 2*N*L*(P + R) + L*S.
struct StepFlops {
  double model = 0, recompute = 0;
};

StepFlops step_flops(const model::LlamaConfig& c, int64_t batch, int64_t seq) {
  const double N = static_cast<double>(batch) * seq, L = c.num_hidden_layers, d = c.hidden_size, V = c.vocab_size;
  const double Hh = static_cast<double>(c.num_attention_heads) * c.head_dim;
  const double Kh = static_cast<double>(c.num_key_value_heads) * c.head_dim;
  const double P = d * Hh + 2 * d * Kh + Hh * d + 3 * d * c.intermediate_size;
  const double R = kRank * ((d + Hh) + 2 * (d + Kh) + (Hh + d));
  const double S = 4.0 * batch * static_cast<double>(seq) * seq * Hh;
  const double forward = 2 * N * (L * P + d * V) + 2 * N * L * R + L * S;
  const double backward = 2 * N * (L * P + d * V) + 4 * N * L * R + 2 * L * S;
  return {forward + backward, 2 * N * L * (P + R) + L * S};
}

}  // namespace

int main(int argc, char** argv) {
  medlora::runtime::configure_allocator();  // as the medlora executable does
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const auto model_name = args.get("model", "fixed");
    const auto compute = runtime::resolve_compute("cpu", args.get("dtype", "bfloat16"),
                                                  static_cast<int>(args.get_int("threads", 2)));
    const bool checkpointing = args.flag("gradient-checkpointing");
    // RUN.json's training.recompute_activations (off by default, as in a run).
    const bool recompute = args.flag("recompute-activations");
    const int64_t batch = args.get_int("batch", model_name == "fixed" ? 4 : 1);
    const int64_t seq = args.get_int("seq", 256);
    const int warmup = static_cast<int>(args.get_int("warmup", 2));
    const int steps = static_cast<int>(args.get_int("steps", 5));
    const bool allow_slow_bfloat16 = args.flag("allow-slow-bfloat16");
    args.check_all_used();
    if (steps < 1) throw std::invalid_argument("--steps must be at least 1");
    if (bench::skipped_for_slow_bfloat16(compute.dtype, allow_slow_bfloat16)) return;

    const auto config = bench::config_by_name(model_name);
    const double setup_start = bench::now_seconds();
    auto m = std::make_shared<model::LlamaForCausalLM>(config);
    // Fresh storage in the compute dtype before filling: the constructor's float32 tensors are
    // never read, so the bfloat16 model never holds a float32 copy in memory.
    model::allocate_weights(*m, compute.dtype);
    m->to(compute.dtype);  // buffers and anything else the constructor made
    model::initialize_weights(*m, 0);
    auto params = add_lora(*m);
    m->set_gradient_checkpointing(checkpointing);
    model::set_recompute_in_backward(recompute);
    m->train();

#ifdef MEDLORA_BENCH_HAS_TRAIN
    train::AdamWOptimizer optimizer(params, train::default_weight_decay_mask(params), train::AdamWSettings{});
    auto step_optimizer = [&] {
      train::clip_grad_norm(params, kMaxGradNorm);
      optimizer.step(kLearningRate);
      optimizer.zero_grad();
    };
#else
    std::vector<torch::Tensor> plain;
    for (auto& [name, t] : params) plain.push_back(t);
    torch::optim::AdamW optimizer(plain, torch::optim::AdamWOptions(kLearningRate));
    auto step_optimizer = [&] {
      torch::nn::utils::clip_grad_norm_(plain, kMaxGradNorm);
      optimizer.step();
      optimizer.zero_grad();
    };
#endif
    int64_t trainable = 0;
    for (auto& [name, t] : params) trainable += t.numel();

    torch::manual_seed(1);
    auto ids = torch::randint(3, config.vocab_size, {batch, seq}, torch::kLong);
    auto step = [&] {
      torch::Tensor loss;
      {
        MEDLORA_PROFILE_PHASE("forward_and_loss");
#ifdef MEDLORA_BENCH_HAS_TRAIN
        loss = train::causal_lm_loss_sum(*m, ids, ids) / static_cast<double>(batch * (seq - 1));
#else
        auto logits = m->forward(ids);
        loss = torch::cross_entropy_loss(logits.narrow(1, 0, seq - 1).reshape({-1, config.vocab_size}),
                                         ids.narrow(1, 1, seq - 1).reshape({-1}));
#endif
      }
      {
        MEDLORA_PROFILE_PHASE("backward");
        loss.backward();
      }
      {
        MEDLORA_PROFILE_PHASE("optimizer");
        step_optimizer();
      }
      return loss.item<double>();
    };
    const double setup_seconds = bench::now_seconds() - setup_start;
    for (int i = 0; i < warmup; ++i) step();
    std::vector<double> times;
    double loss = 0;
    const double cpu_start = bench::cpu_seconds();
    for (int i = 0; i < steps; ++i) {
      const double start = bench::now_seconds();
      loss = step();
      times.push_back(bench::now_seconds() - start);
    }
    const double cpu_per_step = (bench::cpu_seconds() - cpu_start) / steps;
    double mean = 0;
    for (double t : times) mean += t / steps;
    const auto flops = step_flops(config, batch, seq);
    // One more step under libtorch's profiler: where the step's time goes (after the timed ones,
    // so that the profiler's own cost stays out of the figures above).
    const QJsonObject profile = bench::profile_breakdown([&] { step(); });

    QJsonObject result{{"benchmark", "train_step"},
                       {"implementation", "medlora-cpp"},
#ifdef MEDLORA_BENCH_HAS_TRAIN
                       {"step", "core/train (causal_lm_loss_sum, clip_grad_norm, AdamWOptimizer)"},
#else
                       {"step", "stand-in (cross_entropy, torch::optim::AdamW)"},
#endif
#ifdef MEDLORA_BENCH_HAS_LORA
                       {"lora", "core/lora inject_lora"},
#else
                       {"lora", "stand-in LoRA layer"},
#endif
                       {"model", QString::fromStdString(model_name)},
                       {"dtype", QString::fromStdString(runtime::dtype_name(compute.dtype))},
                       {"base_weight_dtype", QString::fromStdString(runtime::dtype_name(compute.dtype))},
                       {"gradient_checkpointing", checkpointing},
                       {"recompute_activations", recompute},
                       {"batch", static_cast<qint64>(batch)},
                       {"seq", static_cast<qint64>(seq)},
                       {"rank", static_cast<qint64>(kRank)},
                       {"threads", compute.threads},
                       {"omp_wait_policy", bench::omp_wait_policy()},
                       {"trainable_parameters", static_cast<qint64>(trainable)},
                       {"steps", steps},
                       {"setup_seconds", setup_seconds},
                       {"seconds_per_step", mean},
                       {"best_seconds_per_step", *std::min_element(times.begin(), times.end())},
                       {"tokens_per_second", batch * seq / mean},
                       {"best_tokens_per_second", batch * seq / *std::min_element(times.begin(), times.end())},
                       {"cpu_seconds_per_step", cpu_per_step},
                       {"tokens_per_cpu_second", batch * seq / cpu_per_step},
                       {"model_flops_per_step", flops.model},
                       {"recompute_flops_per_step", checkpointing ? flops.recompute : 0.0},
                       {"achieved_gflops", flops.model / mean / 1e9},
                       {"final_loss", loss},
                       {"profile", profile},
                       {"peak_rss_bytes", bench::peak_rss_bytes()}};
    bench::print_json(result);
  });
}
