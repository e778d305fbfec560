// The C++ decoder against tests/reference/llama_reference.py, an independent plain-PyTorch
// implementation of HF's LlamaForCausalLM, on tiny random HF folders.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QJsonArray>

#include "core/generate/generator.h"
#include "core/generate/sequence_score.h"
#include "core/model/model_loader.h"
#include "tests/core/model/python_reference.h"
#include "tests/core/model/tiny_llama.h"
#include "tests/support/temp_dir.h"

namespace medlora::model {
namespace {

using testing::python_with_torch;
using testing::run_reference;

struct Case {
  int64_t kv_heads;
  bool tied;
  bool llama3_rope;
  bool save_with_project_writer;  // save_llama, else the test's own minimal safetensors writer
};

class ReferenceLogits : public ::testing::TestWithParam<Case> {};

TEST_P(ReferenceLogits, MatchThePythonReference) {
  static const QString python = python_with_torch();
  if (python.isEmpty()) GTEST_SKIP() << "python3 with torch is not installed (apt install python3-torch)";
  auto config = testing::tiny_config(GetParam().kv_heads, GetParam().tied);
  if (GetParam().llama3_rope) {
    config.rope_theta = 500000.0;
    config.rope_scaling.type = "llama3";
    config.rope_scaling.factor = 8.0;
    config.rope_scaling.original_max_position_embeddings = 16;  // puts the tiny head_dim's bands to use
  }
  auto original = testing::make_tiny_model(config, 21);
  testing::TempDir dir;
  if (GetParam().save_with_project_writer)
    save_llama(*original, dir.path(), torch::kFloat);
  else
    testing::write_tiny_model_folder(*original, dir.path());
  // The C++ side reads the folder back too, so the loader is part of what is checked.
  auto m = load_llama(dir.path(), runtime::ComputeOptions{});

  const auto ids = testing::random_ids(10, config.vocab_size, 17);
  const auto reference = run_reference(python, dir.path(), ids, 6);
  torch::NoGradGuard no_grad;
  auto logits = m->forward(torch::tensor(ids).view({1, 10}))[0];
  const auto rows = reference["logits"].toArray();
  ASSERT_EQ(rows.size(), 10);
  double worst = 0;
  for (int t = 0; t < rows.size(); ++t) {
    const auto row = rows[t].toArray();
    ASSERT_EQ(row.size(), config.vocab_size);
    for (int v = 0; v < row.size(); ++v)
      worst = std::max(worst, std::abs(row[v].toDouble() - logits[t][v].item<double>()));
  }
  EXPECT_LT(worst, 1e-4);

  auto score = generate::score_sequence(*m, ids);
  const auto logprobs = reference["logprobs"].toArray();
  ASSERT_EQ(static_cast<size_t>(logprobs.size()), score.logprobs.size());
  for (int i = 0; i < logprobs.size(); ++i) EXPECT_NEAR(score.logprobs[i], logprobs[i].toDouble(), 1e-4);

  generate::SamplingParams greedy;
  greedy.temperature = 0;
  greedy.repetition_penalty = 1.0;
  greedy.max_new_tokens = 6;
  generate::Generator generator(m, nullptr);
  auto result = generator.generate_ids(ids, greedy);
  std::vector<int64_t> expected;
  for (const auto& id : reference["greedy_ids"].toArray()) expected.push_back(id.toInteger());
  EXPECT_EQ(result.tokens, expected);
}

INSTANTIATE_TEST_SUITE_P(Shapes, ReferenceLogits,
                         ::testing::Values(Case{2, false, false, true}, Case{4, true, false, true},
                                           Case{1, false, true, false}));

}  // namespace
}  // namespace medlora::model
