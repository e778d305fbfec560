#include "app/cli/sampling_options.h"

#include <stdexcept>

namespace medlora::cli {

void add_sampling_options(QCommandLineParser& parser) {
  const generate::SamplingParams defaults;
  parser.addOptions({
      {"max-new-tokens", QString("Most tokens to generate (default %1).").arg(defaults.max_new_tokens), "N",
       QString::number(defaults.max_new_tokens)},
      {"temperature", QString("Sampling temperature, 0 = greedy (default %1).").arg(defaults.temperature), "T",
       QString::number(defaults.temperature)},
      {"top-k", QString("Keep the k most likely tokens, 0 = off (default %1).").arg(defaults.top_k), "K",
       QString::number(defaults.top_k)},
      {"top-p", QString("Nucleus sampling mass in (0, 1] (default %1).").arg(defaults.top_p), "P",
       QString::number(defaults.top_p)},
      {"repetition-penalty",
       QString("Penalty for tokens already seen, 1 = off (default %1).").arg(defaults.repetition_penalty), "R",
       QString::number(defaults.repetition_penalty)},
      {"seed", "Random seed for reproducible sampling.", "S"},
      {"stop", "Stop before this text (repeatable).", "S"},
      {"bad-word", "Never generate this word (repeatable).", "WORD"},
  });
}

void add_compute_options(QCommandLineParser& parser) {
  parser.addOptions({
      {"device", "auto, cpu or cuda (default auto).", "D", "auto"},
      {"dtype", "auto, float32, bfloat16 or float16 (default auto).", "T", "auto"},
      {"threads", "CPU threads, 0 = all cores (default 0).", "N", "0"},
  });
}

double parse_number(const QCommandLineParser& parser, const QString& option) {
  bool ok = false;
  const double value = parser.value(option).toDouble(&ok);
  if (!ok) throw std::invalid_argument("--" + option.toStdString() + " expects a number, got \"" +
                                       parser.value(option).toStdString() + "\"");
  return value;
}

int parse_int(const QCommandLineParser& parser, const QString& option) {
  bool ok = false;
  const int value = parser.value(option).toInt(&ok);
  if (!ok) throw std::invalid_argument("--" + option.toStdString() + " expects an integer, got \"" +
                                       parser.value(option).toStdString() + "\"");
  return value;
}

generate::SamplingParams sampling_params(const QCommandLineParser& parser) {
  generate::SamplingParams params;
  params.max_new_tokens = parse_int(parser, "max-new-tokens");
  params.temperature = parse_number(parser, "temperature");
  params.top_k = parse_int(parser, "top-k");
  params.top_p = parse_number(parser, "top-p");
  params.repetition_penalty = parse_number(parser, "repetition-penalty");
  if (parser.isSet("seed")) {
    bool ok = false;
    params.seed = parser.value("seed").toULongLong(&ok);
    if (!ok) throw std::invalid_argument("--seed expects a non-negative integer, got \"" +
                                         parser.value("seed").toStdString() + "\"");
  }
  for (const auto& stop : parser.values("stop")) params.stop_strings.push_back(stop.toStdString());
  params.validate();
  return params;
}

std::vector<std::string> bad_words(const QCommandLineParser& parser) {
  std::vector<std::string> words;
  for (const auto& word : parser.values("bad-word")) {
    if (word.trimmed().isEmpty()) throw std::invalid_argument("--bad-word expects a word, got an empty one");
    words.push_back(word.toStdString());
  }
  return words;
}

runtime::ComputeOptions compute_options(const QCommandLineParser& parser) {
  const int threads = parse_int(parser, "threads");
  if (threads < 0) throw std::invalid_argument("--threads must be 0 (all cores) or positive");
  return runtime::resolve_compute(parser.value("device").toStdString(), parser.value("dtype").toStdString(), threads);
}

}  // namespace medlora::cli
