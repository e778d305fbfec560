// A whole tiny LLaMA with a quantised base: loading from an HF folder, logits and LoRA
// gradients against the float base, training lowers the loss.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include "core/lora/lora_model.h"
#include "core/model/model_loader.h"
#include "core/quant/quantize_layers.h"
#include "core/quant/quantized_weight.h"
#include "core/train/adamw_optimizer.h"
#include "core/train/causal_lm_loss.h"
#include "tests/core/model/tiny_llama.h"
#include "tests/support/temp_dir.h"

namespace medlora::quant {
namespace {

// hidden 64, ffn 128: every projection's columns are whole NF4 blocks.
std::shared_ptr<model::LlamaForCausalLM> tiny(uint64_t seed = 7) {
  return medlora::testing::make_tiny_model(medlora::testing::tiny_config(), seed, 0.1);
}

torch::Tensor ids() { return torch::tensor(medlora::testing::random_ids(24, 100, 3), torch::kLong).view({2, 12}); }

double relative_error(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a - b).norm() / b.norm()).item<double>();
}

lora::LoraConfig lora_config() {
  lora::LoraConfig c;
  c.r = 4;
  c.alpha = 8;
  c.dropout = 0.0;
  return c;
}

TEST(QuantizedModel, LoaderQuantisesProjectionsOnly) {
  medlora::testing::TempDir dir;
  auto float_model = tiny();
  medlora::testing::write_tiny_model_folder(*float_model, dir.path() / "m");
  runtime::ComputeOptions compute;
  for (const char* spec : {"int8", "nf4", "nf4-dq"}) {
    auto m = model::load_llama(dir.path() / "m", compute, parse_base_quantization(spec));
    int quantized = 0;
    for (const auto& slot : m->projection_slots()) {
      const bool expect = slot.name != "lm_head";
      EXPECT_EQ(static_cast<bool>((*slot.holder)->dense()->quantized), expect) << slot.path;
      quantized += expect;
    }
    EXPECT_EQ(quantized, 14);
    EXPECT_TRUE(torch::equal(m->model->embed_tokens->weight, float_model->model->embed_tokens->weight));
    EXPECT_GT(quantized_bytes(*m), 0);
    torch::NoGradGuard no_grad;
    auto expected = float_model->forward(ids());
    auto logits = m->forward(ids());
    // int8 is close; NF4 (4 bits) is far coarser on this tiny random model (~0.3 measured),
    // a loose sanity bound only.
    EXPECT_LT(relative_error(logits, expected), std::string(spec) == "int8" ? 0.02 : 0.4) << spec;
  }
}

TEST(QuantizedModel, QuantisedBaseRefusesOtherDevicesAndMerging) {
  medlora::testing::TempDir dir;
  medlora::testing::write_tiny_model_folder(*tiny(), dir.path() / "m");
  runtime::ComputeOptions compute;
  auto m = model::load_llama(dir.path() / "m", compute, parse_base_quantization("int8"));
  lora::inject_lora(*m, lora_config());
  EXPECT_THROW(lora::merge_adapter(*m), lora::LoraError);
}

TEST(QuantizedModel, LoraGradientsThroughInt8BaseMatchFloatBase) {
  auto float_model = tiny();
  auto quant_model = tiny();
  quantize_model(*quant_model, BaseQuantization{QuantFormat::Int8, false});
  for (auto* m : {float_model.get(), quant_model.get()}) {
    lora::inject_lora(*m, lora_config(), "default", 5);
    // Non-zero B so that every A gets a gradient too.
    torch::NoGradGuard no_grad;
    for (auto& [name, t] : lora::lora_trainable_parameters(*m))
      if (name.find("lora_B") != std::string::npos) t.copy_(0.05 * at::randn(t.sizes(), at::detail::createCPUGenerator(9)));
    m->train();
  }
  std::vector<torch::Tensor> grads_float, grads_quant;
  for (auto [m, grads] : {std::pair{float_model.get(), &grads_float}, std::pair{quant_model.get(), &grads_quant}}) {
    auto loss = train::causal_lm_loss_sum(*m, ids(), ids());
    loss.backward();
    for (auto& [name, t] : lora::lora_trainable_parameters(*m)) {
      ASSERT_TRUE(t.grad().defined()) << name;
      grads->push_back(t.grad().clone());
    }
  }
  for (size_t i = 0; i < grads_float.size(); ++i) EXPECT_LT(relative_error(grads_quant[i], grads_float[i]), 0.08) << i;  // ~0.05 measured at worst
}

TEST(QuantizedModel, LoraTrainingOnNf4BaseLowersLoss) {
  auto m = tiny();
  quantize_model(*m, BaseQuantization{QuantFormat::Nf4, true});
  auto config = lora_config();
  config.target_modules = {"all-linear"};
  lora::inject_lora(*m, config, "default", 1);
  m->train();
  auto params = lora::lora_trainable_parameters(*m);
  train::AdamWOptimizer optimizer(params, train::default_weight_decay_mask(params), train::AdamWSettings{});
  const auto batch = ids();
  double first = 0, last = 0;
  for (int step = 0; step < 30; ++step) {
    auto loss = train::causal_lm_loss_sum(*m, batch, batch) / 22.0;
    loss.backward();
    optimizer.step(5e-3);
    optimizer.zero_grad();
    (step == 0 ? first : last) = loss.item<double>();
  }
  EXPECT_LT(last, first * 0.7);
  // The base stayed as loaded: quantised, no gradient.
  for (const auto& slot : m->projection_slots())
    if (slot.name != "lm_head") EXPECT_TRUE((*slot.holder)->dense()->quantized);
}

}  // namespace
}  // namespace medlora::quant
