// medlora train --config RUN.json [--resume RUN_DIR] [--max-steps N]
// Prints one JSON object a line on stdout (metrics and events); the same lines go to
// output_dir/metrics.jsonl. SIGINT/SIGTERM stop after the current step with a checkpoint.
#include "app/cli/cli_command.h"
#include "core/io/json_util.h"
#include "core/train/checkpoint_io.h"
#include "core/train/metrics_log.h"
#include "core/train/run_config.h"
#include "core/train/run_setup.h"
#include "core/train/train_error.h"
#include "core/store/training_run_recorder.h"
#include "core/store/workspace.h"

#include <QCommandLineParser>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>

namespace medlora::cli {
namespace {

std::atomic<bool> g_stop_requested{false};

void request_stop(int) { g_stop_requested.store(true); }

int run_train(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Fine-tune a model with LoRA (or train every weight) as RUN.json describes. Prints one JSON object a line.");
  parser.addHelpOption();
  QCommandLineOption config_option("config", "The run config (RUN.json).", "RUN.json");
  QCommandLineOption resume_option("resume", "Continue the run in RUN_DIR (its output_dir) from its last checkpoint.", "RUN_DIR");
  QCommandLineOption steps_option("max-steps", "Stop after N optimiser steps (overrides training.max_steps).", "N");
  QCommandLineOption workspace_option("workspace", "Also record the run (metrics, checkpoints, status) in workspace W.", "W");
  parser.addOptions({config_option, resume_option, steps_option, workspace_option});
  if (const auto done = parse_arguments(parser, args, "train")) return *done;

  train::RunOverrides overrides;
  std::filesystem::path config_path;
  if (parser.isSet(resume_option)) {
    overrides.resume_from = parser.value(resume_option).toStdString();
    if (!parser.isSet(config_option)) {
      // The run folder keeps the config it was started with.
      auto dir = overrides.resume_from;
      if (std::filesystem::exists(dir / "trainer_state.json")) dir = dir.parent_path();
      config_path = dir / "run_config.json";
      if (!std::filesystem::exists(config_path))
        return fail("train", QString::fromStdString("--resume: " + config_path.string() + " is missing; pass --config RUN.json too"));
    }
  }
  if (parser.isSet(config_option)) config_path = parser.value(config_option).toStdString();
  if (config_path.empty()) return fail("train", "--config RUN.json is required (see --help)");
  if (parser.isSet(steps_option)) {
    bool ok = false;
    overrides.max_steps = parser.value(steps_option).toLongLong(&ok);
    if (!ok || overrides.max_steps <= 0) return fail("train", "--max-steps must be a positive whole number");
  }

  bool error_reported = false;
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<store::TrainingRunRecorder> recorder;
  train::TrainerCallbacks callbacks;
  callbacks.on_line = [&](const QJsonObject& line) {
    if (line.value("event") == "error") error_reported = true;
    io::json::write_line(line);
    if (recorder) recorder->record(line);
  };
  callbacks.cancel = &g_stop_requested;
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  try {
    auto config = train::RunConfig::from_json_file(config_path);
    if (parser.isSet(workspace_option)) {
      workspace = std::make_unique<store::Workspace>(parser.value(workspace_option).toStdString());
      const auto folder = std::filesystem::absolute(config.output_dir).string();
      const auto config_json = io::json::compact(config.to_json());
      recorder = std::make_unique<store::TrainingRunRecorder>(*workspace, config.output_dir.filename().string(), folder,
                                                              config_json, !overrides.resume_from.empty());
    }
    train::run_training(config, overrides, callbacks);
    return 0;
  } catch (const std::exception& e) {
    if (!error_reported) io::json::write_line({{"event", "error"}, {"message", e.what()}});
    if (recorder) recorder->close("failed");
    return fail("train", e.what());
  }
}

CliRegistration registration("train", "fine-tune with LoRA (or pretrain) as RUN.json says; JSON lines on stdout", run_train);

}  // namespace
}  // namespace medlora::cli
