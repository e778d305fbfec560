// A distillation run from RUN.json settings through prepare_run: the teacher folder is loaded
// (float, int8-quantised, or equal to the student's base), the metrics lines carry the
// distillation terms, a resumed run follows the uninterrupted one, and a teacher with another
// vocabulary is refused naming both sizes.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <fstream>
#include <map>

#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "core/train/run_config.h"
#include "core/train/run_setup.h"
#include "core/train/train_error.h"
#include "tests/support/temp_dir.h"

namespace medlora::train {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  medlora::testing::TempDir dir{"medlora-distill-run"};

  void save_model(const fs::path& at, int64_t vocab, uint64_t seed) {
    model::LlamaConfig c;
    c.vocab_size = vocab;
    c.hidden_size = 32;
    c.intermediate_size = 64;
    c.num_hidden_layers = 2;
    c.num_attention_heads = 4;
    c.num_key_value_heads = 2;
    c.head_dim = 8;
    c.max_position_embeddings = 256;
    model::LlamaForCausalLM m(c);
    model::initialize_weights(m, seed);
    model::save_llama(m, at, torch::kFloat);
  }

  Fixture() {
    const auto corpus = dir / "corpus.txt";
    {
      std::ofstream out(corpus);
      for (int i = 0; i < 200; ++i)
        out << "patient " << i << " has fever and cough; rest, fluids and a doctor visit help " << (i % 7) << "\n";
    }
    for (const char* name : {"student", "teacher", "wide_teacher"}) {
      tokenizer::TokenizerTrainOptions tok;
      tok.input_files = {corpus};
      tok.output_dir = dir / name;
      tok.vocab_size = 300;
      tokenizer::train_tokenizer(tok);
    }
    save_model(dir / "student", 300, 3);
    save_model(dir / "teacher", 300, 9);
    save_model(dir / "wide_teacher", 320, 9);
    std::ofstream data(dir / "train.jsonl");
    const char* q[] = {"fever", "cough", "rash", "headache"};
    const char* a[] = {"rest and fluids", "see a doctor", "keep it dry", "drink water"};
    for (int i = 0; i < 32; ++i)
      data << "{\"question\": \"what helps " << q[i % 4] << " " << i << "?\", \"answer\": \"" << a[i % 4] << "\"}\n";
  }

  RunConfig config(const std::string& out, const std::string& teacher, const std::string& quantization = "none",
                   int64_t precompute_top_k = 0, const std::string& train_file = "train.jsonl") {
    const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(
        R"({"base_model": "student", "train_file": ")" + train_file + R"(", "output_dir": ")" + out +
        R"(", "template": "raw", "threads": 1, "mode": "distill",
        "teacher": {"model": ")" + teacher + R"(", "quantization": ")" + quantization +
        R"(", "precompute_top_k": )" + std::to_string(precompute_top_k) + R"(},
        "temperature": 2.0, "alpha": 0.5, "lora": {"r": 4, "alpha": 8, "dropout": 0.0},
        "training": {"max_steps": 6, "micro_batch_size": 2, "gradient_accumulation_steps": 2, "learning_rate": 0.01,
                     "logging_steps": 1, "save_steps": 3, "save_total_limit": 0, "max_length": 64,
                     "dtype": "float32", "seed": 5}})"));
    return RunConfig::from_json(json.object(), dir.path(), "RUN.json");
  }
};

struct Lines {
  QJsonObject started;
  std::map<int64_t, QJsonObject> metrics;
  std::vector<QJsonObject> top_k_events;
};

// stop_after > 0: cancel once that step's metrics line is out (the run stops after the next step).
Lines run(const RunConfig& config, const RunOverrides& overrides = {}, int64_t stop_after = 0) {
  Lines lines;
  std::atomic<bool> cancel{false};
  TrainerCallbacks callbacks;
  callbacks.cancel = &cancel;
  callbacks.on_line = [&lines, &cancel, stop_after](const QJsonObject& line) {
    if (line.value("event") == "started") lines.started = line;
    if (line.value("event") == "teacher_top_k") lines.top_k_events.push_back(line);
    if (!line.contains("loss")) return;
    lines.metrics[line.value("step").toInteger()] = line;
    if (stop_after > 0 && line.value("step").toInteger() >= stop_after) cancel = true;
  };
  run_training(config, overrides, callbacks);
  return lines;
}

TEST(DistillationRunSlowTest, RunsFromTheConfigAndResumes) {
  Fixture f;
  const auto reference = run(f.config("ref", "teacher"));
  EXPECT_EQ(reference.started.value("mode").toString(), "distill");
  EXPECT_DOUBLE_EQ(reference.started.value("temperature").toDouble(), 2.0);
  ASSERT_EQ(reference.metrics.size(), 6u);
  for (const auto& [step, line] : reference.metrics) {
    ASSERT_TRUE(line.contains("kl_loss") && line.contains("ce_loss") && line.contains("teacher_agreement")) << step;
    EXPECT_NEAR(line.value("loss").toDouble(),
                0.5 * 4.0 * line.value("kl_loss").toDouble() + 0.5 * line.value("ce_loss").toDouble(), 1e-4);
  }
  EXPECT_GT(reference.metrics.at(1).value("kl_loss").toDouble(), 0.0) << "another initialisation: the KL starts above 0";
  EXPECT_TRUE(fs::exists(f.dir / "ref" / "adapter" / "adapter_model.safetensors"));
  const auto saved = QJsonDocument::fromJson([&] {
    std::ifstream in(f.dir / "ref" / "run_config.json");
    return QByteArray::fromStdString(std::string(std::istreambuf_iterator<char>(in), {}));
  }()).object();
  EXPECT_EQ(saved.value("mode").toString(), "distill");

  // Cancelled after step 4 (a checkpoint is written), then resumed from the run folder.
  const auto first_half = run(f.config("run", "teacher"), {}, 3);
  ASSERT_EQ(first_half.metrics.size(), 4u);
  const auto resumed = run(RunConfig::from_json_file(f.dir / "run" / "run_config.json"), RunOverrides{f.dir / "run", 0});
  for (int64_t step : {5, 6}) {
    ASSERT_TRUE(resumed.metrics.count(step)) << step;
    EXPECT_NEAR(resumed.metrics.at(step).value("kl_loss").toDouble(), reference.metrics.at(step).value("kl_loss").toDouble(), 1e-6);
    EXPECT_NEAR(resumed.metrics.at(step).value("loss").toDouble(), reference.metrics.at(step).value("loss").toDouble(), 1e-6);
  }
}

TEST(DistillationRunSlowTest, PrecomputedTopKFromTheConfigFollowsTheOnlineRunAndIsReused) {
  Fixture f;
  const auto online = run(f.config("online", "teacher"));
  // k = the whole vocabulary (300): the same loss as the online teacher.
  const auto pre = run(f.config("pre", "teacher", "none", 300));
  EXPECT_EQ(pre.started.value("teacher_precompute_top_k").toInt(), 300);
  ASSERT_FALSE(pre.top_k_events.empty());
  EXPECT_EQ(pre.top_k_events.back().value("status").toString(), "written");
  ASSERT_TRUE(fs::exists(f.dir / "pre" / "teacher_top_k.safetensors"));
  ASSERT_EQ(pre.metrics.size(), 6u);
  for (const auto& [step, line] : online.metrics) {
    EXPECT_NEAR(pre.metrics.at(step).value("kl_loss").toDouble(), line.value("kl_loss").toDouble(),
                1e-4 * line.value("kl_loss").toDouble()) << step;
    EXPECT_NEAR(pre.metrics.at(step).value("loss").toDouble(), line.value("loss").toDouble(), 1e-4 * line.value("loss").toDouble())
        << step;
  }

  // Resumed with k 300 from run_config.json: the file is reopened, the teacher not loaded.
  const auto first_half = run(f.config("resume", "teacher", "none", 300), {}, 3);
  const auto resumed = run(RunConfig::from_json_file(f.dir / "resume" / "run_config.json"), RunOverrides{f.dir / "resume", 0});
  ASSERT_EQ(resumed.top_k_events.size(), 1u);
  EXPECT_EQ(resumed.top_k_events.back().value("status").toString(), "reused");
  EXPECT_NEAR(resumed.metrics.at(6).value("loss").toDouble(), pre.metrics.at(6).value("loss").toDouble(), 1e-6);

  // The same file handed to a run over other data is rebuilt, saying why.
  {
    std::ofstream data(f.dir / "other.jsonl");
    for (int i = 0; i < 12; ++i) data << "{\"question\": \"what helps pain " << i << "?\", \"answer\": \"rest\"}\n";
  }
  fs::create_directories(f.dir / "other");
  fs::copy_file(f.dir / "pre" / "teacher_top_k.safetensors", f.dir / "other" / "teacher_top_k.safetensors");
  const auto other = run(f.config("other", "teacher", "none", 300, "other.jsonl"));
  ASSERT_FALSE(other.top_k_events.empty());
  EXPECT_EQ(other.top_k_events.back().value("status").toString(), "written");
  EXPECT_NE(other.top_k_events.back().value("rebuilt_because").toString().indexOf("other training data"), -1);
}

TEST(DistillationRunSlowTest, TeacherEqualToTheStudentBaseStartsAtZeroKl) {
  Fixture f;
  const auto lines = run(f.config("same", "student"));
  EXPECT_NEAR(lines.metrics.at(1).value("kl_loss").toDouble(-1), 0.0, 1e-6);
  EXPECT_DOUBLE_EQ(lines.metrics.at(1).value("teacher_agreement").toDouble(), 1.0);
}

TEST(DistillationRunSlowTest, Int8TeacherIsCloseToTheFloatOne) {
  Fixture f;
  const auto float_run = run(f.config("f", "teacher"));
  const auto int8_run = run(f.config("q", "teacher", "int8"));
  EXPECT_EQ(int8_run.started.value("teacher_quantization").toString(), "int8");
  const double kl_float = float_run.metrics.at(1).value("kl_loss").toDouble();
  const double kl_int8 = int8_run.metrics.at(1).value("kl_loss").toDouble();
  EXPECT_NE(kl_float, kl_int8) << "the int8 teacher's logits differ a little";
  EXPECT_NEAR(kl_int8, kl_float, 0.05 * kl_float + 1e-4);
}

TEST(DistillationRunSlowTest, TeacherWithAnotherVocabularyIsRefused) {
  Fixture f;
  try {
    run(f.config("wide", "wide_teacher"));
    FAIL() << "expected a TrainingError";
  } catch (const TrainingError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("teacher.model"), std::string::npos) << what;
    EXPECT_NE(what.find("vocab_size 320"), std::string::npos) << what;
    EXPECT_NE(what.find("has 300"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace medlora::train
