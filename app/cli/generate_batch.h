#pragma once
// `medlora generate --batch FILE [--out FILE]`: a test set through every configuration (the
// base, each --adapter, a --route configuration, each --merged folder), one JSON line per
// answer {"item","question","system","answer","reference","finish_reason","tokens_per_second",
// "adapter","flags"}. An existing --out file is resumed: pairs (item, system) already in it
// are skipped and new lines appended.
#include <QCommandLineParser>

#include "app/cli/model_command_options.h"
#include "core/generate/chat_engine.h"

namespace medlora::cli {

// `settings` holds the parsed template, instruction and sampling flags; every folder (the
// --model one and each --merged) loads as `model` says. Returns the exit code (1 when an
// answer failed or the run was stopped); throws for bad options.
int run_batch(const QCommandLineParser& parser, const ModelOptions& model, generate::ChatRequest settings);

}  // namespace medlora::cli
