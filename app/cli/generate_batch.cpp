#include "app/cli/generate_batch.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <utility>

#include "app/cli/chat_options.h"
#include "app/cli/sampling_options.h"
#include "core/io/json_util.h"
#include "core/chat/test_questions.h"
#include "core/generate/test_set_runner.h"

namespace medlora::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void request_batch_stop(int) { g_stop = true; }

std::string folder_name(const std::filesystem::path& dir) {
  const auto path = dir.lexically_normal();
  return (path.has_filename() ? path : path.parent_path()).filename().string();
}

std::vector<generate::ModelConfiguration> batch_configurations(const QCommandLineParser& parser,
                                                                const std::filesystem::path& model) {
  const auto adapters = adapter_options(parser);
  const auto router = router_option(parser);
  std::vector<generate::ModelConfiguration> configurations;
  if (router) {
    configurations.push_back({"routed", model, std::nullopt, adapters, router});
  } else {
    for (const auto& spec : adapters)
      configurations.push_back({spec.name.empty() ? folder_name(spec.dir) : spec.name, model, spec, {}, nullptr});
  }
  if (configurations.empty() || parser.isSet("base"))
    configurations.insert(configurations.begin(), {"base", model, std::nullopt, {}, nullptr});
  for (const auto& merged : parser.values("merged"))
    configurations.push_back({folder_name(merged.toStdString()), merged.toStdString(), std::nullopt, {}, nullptr});
  return configurations;
}

using AnsweredPairs = std::set<std::pair<std::string, std::string>>;

// (item, system) pairs an earlier run already wrote to `path`.
AnsweredPairs answered_pairs(const QString& path) {
  AnsweredPairs pairs;
  QFile file(path);
  if (!file.exists()) return pairs;
  if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error(path.toStdString() + ": cannot be read to resume");
  int line_number = 0;
  while (!file.atEnd()) {
    const QByteArray line = file.readLine().trimmed();
    ++line_number;
    if (line.isEmpty()) continue;
    const auto object = QJsonDocument::fromJson(line).object();
    if (object.isEmpty() || !object.contains("item") || !object.contains("system")) {
      std::fprintf(stderr, "medlora generate: %s:%d is not an answer line; ignored\n", qPrintable(path), line_number);
      continue;
    }
    pairs.emplace(object["item"].toString().toStdString(), object["system"].toString().toStdString());
  }
  return pairs;
}

QByteArray answer_line(const generate::TestSetAnswer& answer) {
  const auto flags = answer.reply.safety ? chat::safety_flags_to_json(answer.reply.safety->flags) : std::string("[]");
  const QJsonObject object{
      {"item", QString::fromStdString(answer.item)},
      {"question", QString::fromStdString(answer.question)},
      {"system", QString::fromStdString(answer.system)},
      {"answer", QString::fromStdString(answer.reply.text)},
      {"reference", QString::fromStdString(answer.reference)},
      {"finish_reason", QString::fromStdString(answer.reply.finish_reason)},
      {"tokens_per_second", answer.reply.tokens_per_second},
      {"adapter", QString::fromStdString(answer.reply.adapter)},
      {"flags", io::json::array_or_empty(flags)},
  };
  return QByteArray::fromStdString(io::json::compact(object) + "\n");
}

}  // namespace

int run_batch(const QCommandLineParser& parser, const ModelOptions& model, generate::ChatRequest settings) {
  const auto questions = chat::read_test_questions(parser.value("batch").toStdString());
  const auto configurations = batch_configurations(parser, model.dir);
  const auto grounding = grounding_option(parser);
  if (grounding) settings.grounding = grounding->grounding;
  settings.safety = safety_option(parser);

  const auto items = generate::TestSetRunner::assign_items(questions);
  const QString out_path = parser.value("out");
  const AnsweredPairs done = out_path.isEmpty() ? AnsweredPairs{} : answered_pairs(out_path);
  QFile out;
  if (out_path.isEmpty()) {
    if (!out.open(stdout, QIODevice::WriteOnly)) throw std::runtime_error("cannot write to stdout");
  } else {
    out.setFileName(out_path);
    if (!out.open(QIODevice::ReadWrite | QIODevice::Append))
      throw std::runtime_error(out_path.toStdString() + ": cannot be written: " + out.errorString().toStdString());
    // A line cut by a crash must not swallow the next answer.
    if (out.size() > 0 && out.seek(out.size() - 1) && out.read(1) != "\n") out.write("\n");
  }

  generate::EnginePool pool(model.compute, model.quantization);
  settings.sampling.bad_words_ids = pool.engine(configurations.front().model_dir).bad_words_ids(bad_words(parser));
  generate::TestSetRunner runner(pool);
  int failures = 0;
  size_t written = 0;
  const size_t total = questions.size() * configurations.size();
  auto sink = [&](const generate::TestSetAnswer& answer) {
    if (answer.status == "done") {
      const QByteArray line = answer_line(answer);
      if (out.write(line) != line.size() || !out.flush())
        throw std::runtime_error(out_path.toStdString() + ": write failed: " + out.errorString().toStdString());
      ++written;
      std::fprintf(stderr, "[%zu/%zu] %s · %s: %s, %.1f tokens/s\n", done.size() + written, total,
                   answer.item.c_str(), answer.system.c_str(), answer.reply.finish_reason.c_str(),
                   answer.reply.tokens_per_second);
    } else if (answer.status == "error") {
      ++failures;
      std::fprintf(stderr, "medlora generate: %s · %s failed: %s\n", answer.item.c_str(), answer.system.c_str(),
                   answer.error.c_str());
    }
  };
  auto already_done = [&](size_t q, size_t c) { return done.count({items[q], configurations[c].label}) > 0; };

  g_stop = false;
  const auto previous = std::signal(SIGINT, request_batch_stop);
  generate::TestSetSummary summary;
  try {
    summary = runner.run(questions, configurations, settings, sink, already_done, {}, &g_stop);
  } catch (...) {
    std::signal(SIGINT, previous);
    throw;
  }
  std::signal(SIGINT, previous);
  std::fprintf(stderr, "%zu answered, %zu already done, %zu failed%s\n", summary.answered, summary.skipped,
               summary.failed, summary.cancelled ? "; stopped (run again to resume)" : "");
  return failures > 0 || summary.cancelled ? 1 : 0;
}

}  // namespace medlora::cli
