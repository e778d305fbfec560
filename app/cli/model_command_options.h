#pragma once
// The model block of the commands that load one model folder (generate, chat, score, serve):
// --model DIR, where it runs (--device --dtype --threads) and how its frozen base is stored
// (--quantize none|int8|nf4|nf4-dq). One definition, so the four accept the same spelling.
#include <QCommandLineParser>
#include <filesystem>

#include "core/quant/quant_format.h"
#include "core/runtime/compute_options.h"

namespace medlora::cli {

struct ModelOptions {
  std::filesystem::path dir;
  runtime::ComputeOptions compute;
  quant::BaseQuantization quantization;
};

// --model --device --dtype --threads --quantize
void add_model_options(QCommandLineParser& parser);
// The model block with the chat-tester and sampling flags (generate, chat and serve).
void add_generation_options(QCommandLineParser& parser);

// The parsed block; resolves the compute options (sets torch's thread count). Throws
// std::invalid_argument without --model, for a bad --quantize or --threads, and for a
// quantised base on a device other than the CPU.
ModelOptions model_options(const QCommandLineParser& parser);

}  // namespace medlora::cli
