// A LoRA run on a Qwen2-shaped checkpoint with a tokenizer.json and a chat template, trained on
// conversation records: the run renders them through the model's own template, learns only the
// assistant turns (with their <|im_end|>), and the adapter then answers through the same prompt
// path in the chat engine, stopping at the model's end-of-turn token.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>

#include "core/generate/chat_engine.h"
#include "core/lora/peft_adapter.h"
#include "core/model/model_loader.h"
#include "core/runtime/bfloat16_speed.h"
#include "core/tokenizer/tokenizer.h"
#include "core/train/run_config.h"
#include "core/train/run_setup.h"
#include "core/train/trainer.h"
#include "tests/core/model/tiny_families.h"
#include "tests/support/temp_dir.h"
#include "tests/support/tiny_chat_tokenizer.h"

namespace medlora::train {
namespace {

namespace fs = std::filesystem;

const char* kQuestion = "孩子发烧怎么办";
const char* kAnswer = "多喝水,休息";

fs::path write_qwen2_folder(const fs::path& dir) {
  auto config = medlora::testing::tiny_qwen2_config();
  config.vocab_size = medlora::testing::kTinyChatVocab;
  config.eos_token_ids = {medlora::testing::kTinyChatImEnd};
  config.bos_token_id = medlora::testing::kTinyChatEndOfText;
  auto model = medlora::testing::make_tiny_model(config, 3, 0.2);
  model::save_llama(*model, dir, torch::kFloat);
  medlora::testing::write_tiny_chat_tokenizer(dir);
  return dir;
}

void write_conversations(const fs::path& file) {
  std::ofstream out(file);
  for (int i = 0; i < 8; ++i) {
    out << R"({"messages": [{"role": "user", "content": ")" << kQuestion << R"("}, {"role": "assistant", "content": ")"
        << kAnswer << R"("}]})" << "\n";
  }
  // A multi-turn record: both answers are learned.
  out << R"({"messages": [{"role": "system", "content": "你是儿科医生"}, {"role": "user", "content": "咳嗽"},)"
      << R"( {"role": "assistant", "content": "观察"}, {"role": "user", "content": ")" << kQuestion
      << R"("}, {"role": "assistant", "content": ")" << kAnswer << R"("}]})" << "\n";
}

RunConfig run_config(const fs::path& work, const fs::path& base) {
  const QJsonObject json{
      {"base_model", QString::fromStdString(base.string())},
      {"train_file", QString::fromStdString((work / "train.jsonl").string())},
      {"output_dir", QString::fromStdString((work / "run").string())},
      {"lora", QJsonObject{{"r", 8}, {"alpha", 16}, {"dropout", 0.0},
                           {"target_modules", QJsonArray{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}}}},
      {"training", QJsonObject{{"epochs", 40}, {"micro_batch_size", 3}, {"gradient_accumulation_steps", 1},
                               {"learning_rate", 1e-2}, {"warmup_ratio", 0.0}, {"lr_scheduler", "constant"},
                               {"logging_steps", 10}, {"save_steps", 0}, {"max_length", 256}, {"dtype", "float32"}}},
  };
  return RunConfig::from_json(json, work, "RUN.json");
}

TEST(ChatTemplateTraining, AnExplicitBFloat16RunSaysSoWhereBFloat16IsSlow) {
  medlora::testing::TempDir work;
  const auto base = write_qwen2_folder(work / "qwen2-tiny");
  write_conversations(work / "train.jsonl");
  auto config = run_config(work.path(), base);
  config.device = "cpu";
  config.training.dtype = "bfloat16";
  const auto prepared = prepare_run(config);
  EXPECT_EQ(prepared.compute.dtype, torch::kBFloat16);
  const bool slow = runtime::bfloat16_is_slow_on(c10::Device(c10::kCPU));
  EXPECT_EQ(prepared.setup.started_extra.contains("warning"), slow);
  if (slow) EXPECT_EQ(prepared.setup.started_extra.value("warning").toString().toStdString(), runtime::slow_bfloat16_warning());

  config.training.dtype = "float32";
  EXPECT_FALSE(prepare_run(config).setup.started_extra.contains("warning"));
}

TEST(ChatTemplateTraining, QwenShapedLoraLearnsTheAssistantTurnsAndAnswersThroughTheSamePath) {
  medlora::testing::TempDir work;
  const auto base = write_qwen2_folder(work / "qwen2-tiny");
  write_conversations(work / "train.jsonl");
  const auto config = run_config(work.path(), base);

  auto prepared = prepare_run(config);
  EXPECT_EQ(prepared.setup.started_extra.value("template").toString(), "model");
  ASSERT_EQ(prepared.setup.train.size() + prepared.setup.eval.size(), 9u)
      << "dropped " << prepared.setup.train_stats.dropped << ", eval " << prepared.setup.eval.size();
  // The labels are the assistant turns and their end-of-turn tokens, nothing of the prompts.
  const auto& tok = *prepared.tokenizer;
  for (const auto& example : prepared.setup.train) {
    std::vector<int64_t> learned;
    for (const auto label : example.labels)
      if (label != kIgnoreIndex) learned.push_back(label);
    const std::string text = tok.decode(learned, false);
    EXPECT_EQ(text.find(kQuestion), std::string::npos) << text;
    EXPECT_NE(text.find(std::string(kAnswer) + "<|im_end|>"), std::string::npos) << text;
  }

  Trainer trainer(std::move(prepared.setup), {});
  const auto result = trainer.run();
  ASSERT_GE(result.step_losses.size(), 20u);
  EXPECT_LT(result.step_losses.back(), 0.3 * result.step_losses.front()) << [&] {
    std::string all;
    for (const double loss : result.step_losses) all += std::to_string(loss) + " ";
    return all;
  }();
  ASSERT_TRUE(fs::exists(result.final_dir / "adapter_model.safetensors"));
  ASSERT_TRUE(fs::exists(result.final_dir / "adapter_config.json"));

  // The adapter answers the trained question greedily, through the model's template, and stops
  // at <|im_end|> without showing any markup.
  generate::ChatEngine engine(base, runtime::resolve_compute("cpu", "float32", 1));
  engine.load_adapter(result.final_dir, "clinic");
  generate::ChatRequest request;
  request.question = kQuestion;
  request.adapter = "clinic";
  request.sampling.temperature = 0.0;
  request.sampling.max_new_tokens = 24;
  const auto reply = engine.answer(request);
  EXPECT_EQ(reply.text, kAnswer);
  EXPECT_EQ(reply.finish_reason, "eos");
  EXPECT_NE(reply.prompt.find("<|im_start|>assistant\n"), std::string::npos);
  EXPECT_EQ(reply.prompt_ids.back(), tok.encode("\n", false).back());
}

}  // namespace
}  // namespace medlora::train
