// medlora dataset <sub-command>: dataset curation in a workspace. This file dispatches and holds
// the sub-commands that move data (import, list, stats, export, split); the curation steps
// live in command_dataset_curation.cpp.
#include "core/pipeline/dataset_token_stats.h"  // torch headers before any Qt header

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>

#include "app/cli/cli_command.h"
#include "app/cli/dataset_cli_support.h"
#include "core/data/conversation_record.h"
#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "core/store/dataset_transfer.h"
#include "core/store/workspace.h"

namespace medlora::cli::dataset {
namespace {

QJsonObject manifest_json(const data::ExportManifest& manifest, const std::filesystem::path& file) {
  QJsonObject per_category;
  for (const auto& [category, count] : manifest.per_category)
    per_category.insert(QString::fromStdString(category.empty() ? "(untagged)" : category), qint64(count));
  return {{"file", QString::fromStdString(file.string())},
          {"records", qint64(manifest.records)},
          {"per_category", per_category},
          {"sha256", QString::fromStdString(manifest.sha256)},
          {"format", QString::fromStdString(manifest.format)}};
}

int run_import(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Import files (JSON, JSONL, CSV, TSV; instruction/input/output records or conversations: OpenAI "
      "{\"messages\": [{\"role\", \"content\"}]} and ShareGPT {\"conversations\": [{\"from\", \"value\"}]}) "
      "or MedQuAD XML folders into a dataset.");
  add_common_options(parser, false);
  parser.addOptions({
      {"name", "Dataset name (default: the first file's name; an existing name receives the records).", "N"},
      {"format", "auto | json | jsonl | csv | tsv | medquad (default auto).", "F", "auto"},
      {"encoding", "auto | utf-8 | gb18030 (default auto).", "E", "auto"},
      {"map", "Column mapping: input=COL,output=COL,instruction=COL,category=COL.", "SPEC"},
  });
  parser.addPositionalArgument("PATH", "Files or MedQuAD folders.", "PATH...");
  if (!parser.parse(args)) return fail("dataset import", parser.errorText() + " (see medlora dataset import --help)");
  if (parser.isSet("help")) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    return 0;
  }
  return guarded("import", [&] {
    if (parser.positionalArguments().isEmpty()) throw std::invalid_argument("give at least one file or folder to import");
    data::ImportOptions options;
    options.format = data::parse_import_format(parser.value("format").toStdString());
    options.encoding = data::parse_text_encoding(parser.value("encoding").toStdString());
    if (parser.isSet("map")) options.columns = data::parse_column_map(parser.value("map").toStdString());
    std::vector<std::filesystem::path> paths;
    for (const auto& path : parser.positionalArguments()) paths.emplace_back(path.toStdString());
    auto workspace = open_workspace(parser);
    const auto outcome = store::import_into_workspace(*workspace, parser.value("name").toStdString(), paths, options);
    QJsonArray errors;
    for (const auto& problem : outcome.errors)
      errors.append(QJsonObject{{"where", QString::fromStdString(problem.where)}, {"why", QString::fromStdString(problem.why)}});
    QJsonObject reasons;
    for (const auto& [reason, count] : outcome.skipped_by_reason) reasons.insert(QString::fromStdString(reason), qint64(count));
    print_result(parser, {{"dataset", qint64(outcome.dataset_id)},
                          {"name", QString::fromStdString(outcome.dataset_name)},
                          {"created", outcome.created},
                          {"imported", qint64(outcome.imported)},
                          {"skipped", qint64(outcome.skipped)},
                          {"skipped_by_reason", reasons},
                          {"errors", errors}});
    return 0;
  });
}

int run_list(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("List the workspace's datasets with their review counts.");
  add_common_options(parser, false);
  if (const auto done = parse_arguments(parser, args, "dataset list")) return *done;
  return guarded("list", [&] {
    auto workspace = open_workspace(parser);
    QJsonArray datasets;
    for (const auto& d : store::DatasetRepository(*workspace).list_datasets())
      datasets.append(QJsonObject{{"id", qint64(d.id)},
                                  {"name", QString::fromStdString(d.name)},
                                  {"source", QString::fromStdString(d.source)},
                                  {"created_at", QString::fromStdString(d.created_at)},
                                  {"records", qint64(d.total)},
                                  {"pending", qint64(d.pending)},
                                  {"approved", qint64(d.approved)},
                                  {"rejected", qint64(d.rejected)},
                                  {"needs_edit", qint64(d.needs_edit)}});
    print_result(parser, {{"datasets", datasets}});
    return 0;
  });
}

QJsonObject length_json(std::vector<int64_t> lengths) {
  std::sort(lengths.begin(), lengths.end());
  auto at = [&](double q) {
    return lengths.empty() ? 0 : lengths[std::min(lengths.size() - 1, static_cast<size_t>(q * lengths.size()))];
  };
  return {{"p50", qint64(at(0.5))}, {"p95", qint64(at(0.95))}, {"max", qint64(lengths.empty() ? 0 : lengths.back())}};
}

int run_stats(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Review counts, category coverage (with warnings), lengths, PII maskings and, with --tokenizer, token lengths.");
  add_common_options(parser, true);
  parser.addOptions({
      {"approved-only", "Coverage and lengths over approved records only."},
      {"tokenizer", "A model folder (or one with only its tokenizer files) to count tokens with.", "PATH"},
      {"template", "Prompt template the trainer will use (default: the model's chat template, else clinic).", "NAME"},
      {"max-length", "The trainer's max_length (default 512).", "N", "512"},
  });
  if (const auto done = parse_arguments(parser, args, "dataset stats")) return *done;
  return guarded("stats", [&] {
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const bool approved_only = parser.isSet("approved-only");
    store::DatasetRepository repository(*workspace);
    const auto summary = *repository.find_dataset(id);
    auto loaded = store::load_dataset(*workspace, id);
    std::vector<data::RecordText> texts;
    for (size_t i = 0; i < loaded.texts.size(); ++i)
      if (!approved_only || loaded.statuses[i] == data::ReviewStatus::Approved) texts.push_back(std::move(loaded.texts[i]));

    QJsonArray coverage;
    QJsonArray warnings;
    for (const auto& row : store::dataset_coverage(*workspace, id, approved_only)) {
      coverage.append(QJsonObject{{"category", QString::fromStdString(row.category)},
                                  {"count", qint64(row.count)},
                                  {"share", row.share},
                                  {"required", row.required},
                                  {"min_share", row.min_share},
                                  {"below_minimum", row.below_minimum}});
      if (row.below_minimum)
        warnings.append(QString("category %1 holds %2 % of the records; at least %3 % is required")
                            .arg(QString::fromStdString(row.category))
                            .arg(row.share * 100, 0, 'f', 1)
                            .arg(row.min_share * 100, 0, 'f', 1));
    }
    // Characters of every text field (a conversation's turns included); turns per conversation.
    std::vector<int64_t> lengths, turns;
    int64_t all_turns = 0, multi_turn = 0;
    for (const auto& t : texts) {
      int64_t length = 0;
      for (const auto& field : data::text_fields(t)) length += QString::fromStdString(*field.text).size();
      lengths.push_back(length);
      if (!t.is_conversation()) continue;
      turns.push_back(static_cast<int64_t>(t.messages.size()));
      all_turns += static_cast<int64_t>(t.messages.size());
      multi_turn += data::is_single_turn(t.messages) ? 0 : 1;
    }
    QJsonObject conversations{{"records", qint64(turns.size())},
                              {"multi_turn", qint64(multi_turn)},
                              {"turns", qint64(all_turns)},
                              {"turns_per_record", length_json(turns)}};
    QJsonObject maskings;
    for (const auto& [kind, count] : repository.masking_counts(id)) maskings.insert(QString::fromStdString(kind), qint64(count));

    QJsonObject result{{"dataset", qint64(id)},
                       {"name", QString::fromStdString(summary.name)},
                       {"records", qint64(summary.total)},
                       {"status", QJsonObject{{"pending", qint64(summary.pending)},
                                              {"approved", qint64(summary.approved)},
                                              {"rejected", qint64(summary.rejected)},
                                              {"needs-edit", qint64(summary.needs_edit)}}},
                       {"coverage", coverage},
                       {"warnings", warnings},
                       {"characters", length_json(lengths)},
                       {"conversations", conversations},
                       {"pii_maskings", maskings}};
    if (parser.isSet("tokenizer")) {
      const auto stats = pipeline::dataset_token_stats(texts, parser.value("tokenizer").toStdString(),
                                                       parser.value("template").toStdString(),
                                                       parser.value("max-length").toLongLong());
      QJsonArray histogram;
      for (const auto& [start, count] : stats.histogram) histogram.append(QJsonArray{qint64(start), qint64(count)});
      result.insert("tokens", QJsonObject{{"max_length", qint64(stats.max_length)},
                                          {"over_max", qint64(stats.over_max)},
                                          {"share_over_max", stats.share_over_max},
                                          {"p50", qint64(stats.p50)},
                                          {"p95", qint64(stats.p95)},
                                          {"max", qint64(stats.max)},
                                          {"histogram", histogram}});
    }
    print_result(parser, result);
    return 0;
  });
}

int run_export(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Write the dataset for training (approved records only unless --all), with a manifest.");
  add_common_options(parser, true);
  parser.addOptions({
      {"out", "Output file (FILE.manifest.json is written beside it).", "FILE"},
      {"format", "jsonl (trainer) | json (trainer, one array) | seed-json (formatted instruction/input/output).", "F", "jsonl"},
      {"all", "Export every record, not only approved ones."},
  });
  if (const auto done = parse_arguments(parser, args, "dataset export")) return *done;
  return guarded("export", [&] {
    if (!parser.isSet("out")) throw std::invalid_argument("--out FILE is required");
    const auto format = data::parse_export_format(parser.value("format").toStdString());
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const std::filesystem::path file = parser.value("out").toStdString();
    const auto manifest = store::export_dataset(*workspace, id, file, format, !parser.isSet("all"));
    print_result(parser, manifest_json(manifest, file));
    return 0;
  });
}

int run_split(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Write train / validation (/ test) files, stratified by category, from a seed.");
  add_common_options(parser, true);
  parser.addOptions({
      {"out-dir", "Folder for train.jsonl, validation.jsonl (and test.jsonl).", "DIR"},
      {"validation", "Validation fraction (default 0.1).", "F", "0.1"},
      {"test", "Test fraction (default 0).", "F", "0"},
      {"seed", "Shuffle seed (default 42).", "N", "42"},
      {"format", "jsonl | json | seed-json (default jsonl).", "F", "jsonl"},
      {"all", "Split every record, not only approved ones."},
  });
  if (const auto done = parse_arguments(parser, args, "dataset split")) return *done;
  return guarded("split", [&] {
    if (!parser.isSet("out-dir")) throw std::invalid_argument("--out-dir DIR is required");
    data::SplitSpec spec;
    bool ok_validation = false, ok_test = false, ok_seed = false;
    spec.validation = parser.value("validation").toDouble(&ok_validation);
    spec.test = parser.value("test").toDouble(&ok_test);
    spec.seed = parser.value("seed").toULongLong(&ok_seed);
    if (!ok_validation || !ok_test || !ok_seed) throw std::invalid_argument("--validation, --test and --seed take numbers");
    const auto format = data::parse_export_format(parser.value("format").toStdString());
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const auto written = store::split_dataset(*workspace, id, spec, parser.value("out-dir").toStdString(), format,
                                              !parser.isSet("all"));
    QJsonObject parts;
    for (const auto& [part, manifest] : written.parts)
      parts.insert(QString::fromStdString(part), manifest_json(manifest, written.files.at(part)));
    print_result(parser, {{"seed", qint64(spec.seed)}, {"parts", parts}});
    return 0;
  });
}

const SubCommandRegistration kImport("import", "Import files or MedQuAD folders into a dataset.", run_import);
const SubCommandRegistration kList("list", "List datasets with review counts.", run_list);
const SubCommandRegistration kStats("stats", "Counts, coverage, lengths and token statistics.", run_stats);
const SubCommandRegistration kExport("export", "Write records for training with a manifest.", run_export);
const SubCommandRegistration kSplit("split", "Stratified train/validation/test files.", run_split);

int run_dataset(const QStringList& args) {
  auto& commands = sub_commands();
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  auto usage = [&](FILE* out) {
    std::fprintf(out, "usage: medlora dataset <sub-command> --workspace W [options]   (--help on each)\n\nsub-commands:\n");
    for (const auto& c : commands) std::fprintf(out, "  %-10s %s\n", qPrintable(c.name), qPrintable(c.summary));
  };
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    usage(args.size() < 2 ? stderr : stdout);
    return args.size() < 2 ? 2 : 0;
  }
  for (const auto& command : commands) {
    if (command.name == args[1]) {
      QStringList sub = args.mid(2);
      sub.prepend("medlora dataset " + command.name);
      return command.run(sub);
    }
  }
  return fail("dataset", "unknown sub-command '" + args[1] + "' (medlora dataset --help lists them)");
}

}  // namespace

}  // namespace medlora::cli::dataset

namespace medlora::cli {
namespace {
const CliRegistration kDataset("dataset", "Import, clean, dedup, scrub, tag, approve, split and export datasets.",
                               dataset::run_dataset);
}  // namespace
}  // namespace medlora::cli
