// medlora demo: the whole pipeline in one command, what `./dev run` does without a display —
// base model (made once, reused) -> LoRA run on the bundled clinic QA data with live loss lines
// -> the clinic test questions answered side by side by the base model and by the adapter,
// each answer checked by the chat tester's safety filter -> where the adapter files are.
#include "app/cli/cli_command.h"
#include "core/chat/safety_filter.h"
#include "core/data/sample_data.h"
#include "core/generate/side_by_side.h"
#include "core/model/model_loader.h"
#include "core/pipeline/base_model_builder.h"
#include "core/tokenizer/prompt_template.h"
#include "core/train/run_config.h"
#include "core/train/run_setup.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>

#include <chrono>
#include <cstdio>
#include <exception>

namespace medlora::cli {
namespace {

const char* const kQuestions[] = {
    "头痛、恶心、视力模糊应该怎么办?",
    "高血压患者日常需要注意什么?",
    "糖尿病早期有哪些症状?",
    "突然胸痛、呼吸困难怎么办?",  // an emergency: the safety filter asks for advice to seek care now
};

std::filesystem::path default_runs_dir() { return pipeline::default_models_dir().parent_path() / "runs"; }

void ensure_base_model(const std::filesystem::path& dir) {
  if (model::looks_like_model_dir(dir) && std::filesystem::exists(dir / "tokenizer.model")) {
    std::printf("== 1/3 base model: reusing %s\n", dir.string().c_str());
    return;
  }
  std::printf("== 1/3 base model: making it once (tokenizer + pretraining, a few minutes) -> %s\n",
              dir.string().c_str());
  pipeline::BaseModelOptions options;
  options.output_dir = dir;
  pipeline::build_base_model(options, [](const QJsonObject& event) {
    const auto stage = event.value("stage").toString();
    if (stage == "tokenizer") std::printf("   training the tokenizer\n");
    if (stage == "init")
      std::printf("   a LLaMA of %.2f M parameters\n", event.value("parameters").toDouble() / 1e6);
    if (stage == "pretrain" && event.contains("loss"))
      std::printf("   pretraining step %4d  loss %.3f  %6.0f tokens/s\n", event.value("step").toInt(),
                  event.value("loss").toDouble(), event.value("tokens_per_second").toDouble());
    std::fflush(stdout);
  });
}

train::RunConfig demo_run_config(const std::filesystem::path& base, const std::filesystem::path& out, int64_t max_steps) {
  const auto data = data::sample_data_dir();
  QJsonObject lora{{"r", 16}, {"alpha", 32}, {"dropout", 0.05},
                   {"target_modules", QJsonArray{"q_proj", "k_proj", "v_proj", "o_proj"}}};
  QJsonObject training{{"epochs", 3},          {"micro_batch_size", 8},  {"gradient_accumulation_steps", 1},
                       {"learning_rate", 1e-3}, {"lr_scheduler", "cosine"}, {"warmup_ratio", 0.1},
                       {"max_length", 256},    {"logging_steps", 10},   {"eval_steps", 40},
                       {"save_steps", 80},     {"save_total_limit", 2},  {"seed", 42}};
  if (max_steps > 0) training["max_steps"] = static_cast<qint64>(max_steps);
  QJsonObject json{{"base_model", QString::fromStdString(base.string())},
                   {"train_file", QString::fromStdString((data / "clinic_qa.jsonl").string())},
                   {"eval_file", QString::fromStdString((data / "clinic_qa_eval.jsonl").string())},
                   {"output_dir", QString::fromStdString(out.string())},
                   {"template", "clinic"},
                   {"lora", lora},
                   {"training", training}};
  return train::RunConfig::from_json(json, out.parent_path(), "demo run");
}

void print_training_line(const QJsonObject& line) {
  if (line.contains("loss")) {
    std::printf("   step %4d  epoch %.2f  loss %.4f  lr %.2e  %6.0f tokens/s\n", line.value("step").toInt(),
                line.value("epoch").toDouble(), line.value("loss").toDouble(), line.value("learning_rate").toDouble(),
                line.value("tokens_per_second").toDouble());
  } else if (line.contains("eval_loss")) {
    std::printf("   step %4d  eval loss %.4f  perplexity %.2f\n", line.value("step").toInt(),
                line.value("eval_loss").toDouble(), line.value("eval_perplexity").toDouble());
  } else if (line.value("event").toString() == "error") {
    std::printf("   error: %s\n", qPrintable(line.value("message").toString()));
  }
  std::fflush(stdout);
}

// One side-by-side answer with the safety filter's flags under it.
void print_answer(const generate::SideBySideResult& result) {
  if (!result.ran) {
    std::printf("  [%-7s] (failed: %s)\n", result.label.c_str(), result.error.c_str());
    return;
  }
  std::printf("  [%-7s] %s\n", result.label.c_str(), result.reply.text.c_str());
  if (!result.reply.safety) return;
  for (const auto& flag : result.reply.safety->flags)
    std::printf("            ! %s: %s (\"%s\")\n", chat::safety_flag_kind_name(flag.kind), flag.description.c_str(),
                flag.matched_text.c_str());
}

int run_demo(const QStringList& args) {
  const QString command = "demo";
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Run the whole pipeline: base model (made once), a LoRA run on the bundled clinic QA data,\n"
      "then the clinic test questions answered side by side by the base model and by the adapter,\n"
      "each answer checked by the safety filter.");
  parser.addHelpOption();
  parser.addOption({"base", "Base model folder (default: <models folder>/medlora-base, made if missing).", "DIR"});
  parser.addOption({"out", "Run folder (default: <data folder>/MedLoRA/runs/demo-<time>).", "DIR"});
  parser.addOption({"max-steps", "Stop the LoRA run after N optimiser steps (default: 3 epochs).", "N"});
  if (const auto done = parse_arguments(parser, args, command)) return *done;
  int64_t max_steps = 0;
  if (parser.isSet("max-steps")) {
    bool ok = false;
    max_steps = parser.value("max-steps").toLongLong(&ok);
    if (!ok || max_steps <= 0) return fail(command, "--max-steps must be a positive integer");
  }
  try {
    const auto started = std::chrono::steady_clock::now();
    const std::filesystem::path base =
        parser.isSet("base") ? std::filesystem::path(parser.value("base").toStdString()) : pipeline::default_base_model_dir();
    ensure_base_model(base);

    const auto stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss").toStdString();
    const std::filesystem::path out = parser.isSet("out") ? std::filesystem::path(parser.value("out").toStdString())
                                                          : default_runs_dir() / ("demo-" + stamp);
    std::filesystem::create_directories(out.parent_path());
    std::printf("== 2/3 LoRA fine-tuning on the bundled clinic QA data (r 16, alpha 32, q/k/v/o) -> %s\n",
                out.string().c_str());
    train::TrainerCallbacks callbacks;
    callbacks.on_line = print_training_line;
    const auto result = train::run_training(demo_run_config(base, out, max_steps), {}, callbacks);

    std::printf("== 3/3 the clinic test questions side by side, base model vs. LoRA adapter "
                "(clinic defaults, seed 42), with the safety filter\n");
    generate::EnginePool pool(runtime::resolve_compute("auto", "auto"));
    generate::SideBySide side_by_side(pool);
    std::vector<generate::ModelConfiguration> configurations(2);
    configurations[0].label = "base";
    configurations[0].model_dir = base;
    configurations[1].label = "adapter";
    configurations[1].model_dir = base;  // the same loaded base, with the adapter switched on
    configurations[1].adapter = generate::AdapterSpec{"clinic", result.final_dir};
    generate::ChatRequest request;  // the clinic template and sampling defaults
    request.sampling.seed = 42;
    request.sampling.max_new_tokens = 120;
    request.safety = std::make_shared<const chat::SafetyFilter>(chat::SafetyRules::defaults());
    for (const char* question : kQuestions) {
      std::printf("\nQ: %s\n", question);
      request.question = question;
      const auto results = side_by_side.run(request, configurations);
      for (const auto& r : results) print_answer(r);
      if (!results.empty() && results.front().reply.safety && results.front().reply.safety->emergency())
        std::printf("  notice: %s\n", results.front().reply.safety->emergency_notice.c_str());
      std::fflush(stdout);
    }
    const double minutes =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 60.0;
    std::printf("\nadapter (PEFT files): %s\n", result.final_dir.string().c_str());
    std::printf("metrics: %s\n", (out / "metrics.jsonl").string().c_str());
    std::printf("try it:  medlora generate --model %s --adapter %s --prompt \"%s\"\n", base.string().c_str(),
                result.final_dir.string().c_str(), kQuestions[0]);
    std::printf("or chat: medlora chat --model %s --adapter clinic=%s\n", base.string().c_str(),
                result.final_dir.string().c_str());
    std::printf("demo finished in %.1f minutes\n", minutes);
  } catch (const std::exception& e) {
    return fail(command, QString::fromUtf8(e.what()));
  }
  return 0;
}

CliRegistration registration("demo", "run the whole pipeline: base model, LoRA run, base vs adapter side by side",
                              run_demo);

}  // namespace
}  // namespace medlora::cli
