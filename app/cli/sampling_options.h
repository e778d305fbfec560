#pragma once
// The generation flags shared by `medlora generate` and `medlora chat`: sampling settings
// (temperature, top-k, top-p, repetition penalty, max new tokens, seed, stop strings, bad
// words) and where the model runs (device, dtype, threads). One definition, so both commands
// accept the same spelling and defaults (the clinic's, from SamplingParams).
#include <QCommandLineParser>
#include <QString>
#include <string>
#include <vector>

#include "core/generate/sampling_params.h"
#include "core/runtime/compute_options.h"

namespace medlora::cli {

// --max-new-tokens --temperature --top-k --top-p --repetition-penalty --seed --stop --bad-word
void add_sampling_options(QCommandLineParser& parser);
// --device --dtype --threads
void add_compute_options(QCommandLineParser& parser);

// The parsed and validated sampling settings (bad words are text: see bad_words()). Throws
// std::invalid_argument naming the flag and what it expects.
generate::SamplingParams sampling_params(const QCommandLineParser& parser);
// The --bad-word values, turned into ids once the model's tokenizer is known.
std::vector<std::string> bad_words(const QCommandLineParser& parser);
// Resolves --device/--dtype/--threads (sets torch's thread count).
runtime::ComputeOptions compute_options(const QCommandLineParser& parser);

// "--<option> expects a number/integer" errors for a flag's value.
double parse_number(const QCommandLineParser& parser, const QString& option);
int parse_int(const QCommandLineParser& parser, const QString& option);

}  // namespace medlora::cli
