// `medlora train` end to end: a tiny base model and tokenizer made here, a run killed with
// SIGKILL after its first checkpoint, then --resume to the end; the resumed run's losses must
// equal an uninterrupted run's.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <fstream>
#include <map>

#include "core/model/model_loader.h"
#include "core/store/run_repository.h"
#include "core/store/workspace.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "core/train/checkpoint_io.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  medlora::testing::TempDir dir{"medlora-train-cli"};
  fs::path config;

  Fixture() {
    const auto corpus = dir / "corpus.txt";
    {
      std::ofstream out(corpus);
      for (int i = 0; i < 200; ++i)
        out << "patient " << i << " has fever and cough; rest, fluids and a doctor visit help " << (i % 7) << "\n";
    }
    const auto base = dir / "base";
    tokenizer::TokenizerTrainOptions tok;
    tok.input_files = {corpus};
    tok.output_dir = base;
    tok.vocab_size = 300;
    tokenizer::train_tokenizer(tok);
    model::LlamaConfig c;
    c.vocab_size = 300;
    c.hidden_size = 32;
    c.intermediate_size = 64;
    c.num_hidden_layers = 2;
    c.num_attention_heads = 4;
    c.num_key_value_heads = 2;
    c.head_dim = 8;
    c.max_position_embeddings = 256;
    model::LlamaForCausalLM m(c);
    model::initialize_weights(m, 3);
    model::save_llama(m, base, torch::kFloat);
    {
      std::ofstream data(dir / "train.jsonl");
      const char* q[] = {"fever", "cough", "rash", "headache"};
      const char* a[] = {"rest and fluids", "see a doctor", "keep it dry", "drink water"};
      for (int i = 0; i < 32; ++i)
        data << "{\"question\": \"what helps " << q[i % 4] << " " << i << "?\", \"answer\": \"" << a[i % 4] << "\"}\n";
    }
  }

  fs::path write_config(const std::string& out) {
    const auto path = dir / (out + ".json");
    std::ofstream(path) << R"({"base_model": "base", "train_file": "train.jsonl", "val_size": 4, "output_dir": ")" << out
                        << R"(", "template": "raw", "threads": 1,
      "lora": {"r": 4, "alpha": 8, "dropout": 0.1},
      "training": {"max_steps": 12, "micro_batch_size": 2, "gradient_accumulation_steps": 2, "learning_rate": 0.003,
                   "logging_steps": 1, "eval_steps": 4, "save_steps": 4, "save_total_limit": 2, "max_length": 64,
                   "dtype": "float32", "seed": 5}})";
    return path;
  }
};

std::map<int64_t, double> losses_of(const fs::path& metrics) {
  std::map<int64_t, double> out;
  std::ifstream in(metrics);
  std::string line;
  while (std::getline(in, line)) {
    const auto o = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
    if (o.contains("loss")) out[o["step"].toInteger()] = o["loss"].toDouble();
  }
  return out;
}

QString medlora_bin() { return QString::fromStdString(medlora::testing::bin_path("medlora").string()); }

TEST(TrainCliSlowTest, KilledRunResumesAndFollowsTheSameLosses) {
  Fixture f;
  // Uninterrupted reference.
  QProcess reference;
  reference.start(medlora_bin(), {"train", "--config", QString::fromStdString(f.write_config("ref").string())});
  ASSERT_TRUE(reference.waitForFinished(300000));
  ASSERT_EQ(reference.exitCode(), 0) << reference.readAllStandardError().toStdString();
  const auto reference_losses = losses_of(f.dir / "ref" / "metrics.jsonl");
  ASSERT_EQ(reference_losses.size(), 12u);
  EXPECT_TRUE(fs::exists(f.dir / "ref" / "adapter" / "adapter_model.safetensors"));
  EXPECT_TRUE(fs::exists(f.dir / "ref" / "adapter" / "adapter_config.json"));

  // Killed with SIGKILL once the first checkpoint is announced.
  const auto config = f.write_config("run");
  QProcess victim;
  // Both halves record into one workspace: the resumed run must continue the same row.
  const auto workspace_file = QString::fromStdString((f.dir / "runs.mlw").string());
  victim.start(medlora_bin(), {"train", "--config", QString::fromStdString(config.string()), "--workspace", workspace_file});
  ASSERT_TRUE(victim.waitForStarted());
  bool killed = false;
  std::string seen;
  while (!killed && victim.waitForReadyRead(120000)) {
    while (victim.canReadLine()) {
      const auto line = victim.readLine().toStdString();
      seen += line;
      if (line.find("\"checkpoint\"") != std::string::npos) {
        victim.kill();
        killed = true;
        break;
      }
    }
  }
  victim.waitForFinished(30000);
  ASSERT_TRUE(killed) << seen;
  ASSERT_FALSE(list_checkpoints(f.dir / "run").empty());

  QProcess resumed;
  resumed.start(medlora_bin(),
                {"train", "--resume", QString::fromStdString((f.dir / "run").string()), "--workspace", workspace_file});
  ASSERT_TRUE(resumed.waitForFinished(300000));
  const auto out = resumed.readAllStandardOutput().toStdString();
  ASSERT_EQ(resumed.exitCode(), 0) << resumed.readAllStandardError().toStdString();
  EXPECT_NE(out.find("\"resumed_from\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"finished\""), std::string::npos) << out;
  const auto losses = losses_of(f.dir / "run" / "metrics.jsonl");
  ASSERT_EQ(losses.size(), reference_losses.size());
  for (const auto& [step, loss] : reference_losses) EXPECT_NEAR(losses.at(step), loss, 1e-6 * std::max(1.0, loss)) << step;
  EXPECT_TRUE(fs::exists(f.dir / "run" / "adapter" / "adapter_model.safetensors"));
  EXPECT_LE(list_checkpoints(f.dir / "run").size(), 2u);

  store::Workspace workspace(workspace_file.toStdString());
  store::RunRepository runs(workspace);
  const auto recorded = runs.list();
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].status, "finished");
  const auto train_loss = runs.metric(recorded[0].id, "train", "loss");
  ASSERT_EQ(train_loss.size(), reference_losses.size());
  for (const auto& point : train_loss) EXPECT_NEAR(point.value, reference_losses.at(point.step), 1e-6 * std::max(1.0, point.value));
  EXPECT_FALSE(runs.checkpoints(recorded[0].id).empty());
}

}  // namespace
}  // namespace medlora::train
