// medlora dataset clean | dedup | scrub | tag | terms | augment | approve: the curation steps.
// Each prints what it found; --dry-run previews without writing, and --preview N shows the first
// N planned changes.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include "app/cli/cli_command.h"
#include "app/cli/dataset_cli_support.h"
#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "core/store/term_repository.h"
#include "core/store/workspace.h"

namespace medlora::cli::dataset {
namespace {

void add_change_options(QCommandLineParser& parser) {
  parser.addOptions({
      {"dry-run", "Show what would change; write nothing."},
      {"preview", "Also list the first N planned changes (default 0).", "N", "0"},
      {"editor", "Who the change is attributed to (default $USER).", "NAME"},
  });
}

QJsonObject counts_json(const std::map<std::string, int64_t>& counts) {
  QJsonObject object;
  for (const auto& [name, count] : counts) object.insert(QString::fromStdString(name), qint64(count));
  return object;
}

QJsonArray preview_json(const QCommandLineParser& parser, const std::vector<int64_t>& ids,
                        const std::vector<data::RecordChange>& changes) {
  QJsonArray preview;
  const qsizetype limit = parser.value("preview").toLongLong();
  auto field = [](const data::RecordText& t) {
    return QString::fromStdString(t.instruction + (t.instruction.empty() ? "" : " | ") + t.input + " => " + t.output);
  };
  for (qsizetype i = 0; i < limit && i < static_cast<qsizetype>(changes.size()); ++i) {
    QJsonArray rules;
    for (const auto& rule : changes[i].rules) rules.append(QString::fromStdString(rule));
    preview.append(QJsonObject{{"record", qint64(ids.at(changes[i].index))},
                               {"rules", rules},
                               {"before", field(changes[i].before)},
                               {"after", field(changes[i].after)}});
  }
  return preview;
}

int run_clean(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Normalise whitespace and punctuation, strip HTML and control characters, drop empty, too short or too long records.");
  add_common_options(parser, true);
  add_change_options(parser);
  parser.addOptions({
      {"min-chars", "Drop records whose answer is shorter (default 2; 0 = off).", "N", "2"},
      {"max-chars", "Drop records longer than this (default 20000; 0 = off).", "N", "20000"},
      {"keep-html", "Do not strip HTML."},
      {"keep-punctuation", "Do not normalise full/half-width punctuation."},
  });
  if (const auto done = parse_arguments(parser, args, "dataset clean")) return *done;
  return guarded("clean", [&] {
    data::CleaningRules rules;
    rules.min_chars = parser.value("min-chars").toLongLong();
    rules.max_chars = parser.value("max-chars").toLongLong();
    rules.strip_html = !parser.isSet("keep-html");
    rules.normalise_punctuation = !parser.isSet("keep-punctuation");
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const bool apply = !parser.isSet("dry-run");
    const auto outcome = store::clean_dataset(*workspace, id, rules, apply, editor_name(parser));
    print_result(parser, {{"dry_run", !apply},
                          {"counts", counts_json(outcome.plan.counts)},
                          {"to_change", qint64(outcome.plan.changed.size())},
                          {"to_drop", qint64(outcome.plan.dropped.size())},
                          {"changed", qint64(outcome.changed)},
                          {"deleted", qint64(outcome.deleted)},
                          {"preview", preview_json(parser, outcome.ids, outcome.plan.changed)}});
    return 0;
  });
}

int run_dedup(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Find exact and near duplicates (MinHash + LSH over character shingles) and delete or flag them. "
      "Approved records are kept in preference.");
  add_common_options(parser, true);
  add_change_options(parser);
  parser.addOptions({
      {"threshold", "Near-duplicate similarity threshold (estimated Jaccard, default 0.55).", "T", "0.55"},
      {"exact-only", "Only exact duplicates (after normalisation)."},
      {"flag-only", "Flag duplicates (dup, near-dup) instead of deleting them."},
  });
  if (const auto done = parse_arguments(parser, args, "dataset dedup")) return *done;
  return guarded("dedup", [&] {
    data::NearDupOptions options;
    bool ok = false;
    options.threshold = parser.value("threshold").toDouble(&ok);
    if (!ok) throw std::invalid_argument("--threshold takes a number in (0, 1]");
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const bool apply = !parser.isSet("dry-run");
    const auto action = parser.isSet("flag-only") ? store::DuplicateAction::Flag : store::DuplicateAction::Delete;
    const auto outcome = store::dedup_dataset(*workspace, id, options, !parser.isSet("exact-only"), action, apply);
    QJsonArray groups;
    const qsizetype limit = parser.value("preview").toLongLong();
    for (const auto* kind : {&outcome.plan.exact, &outcome.plan.near}) {
      for (const auto& group : *kind) {
        if (groups.size() >= limit) break;
        QJsonArray duplicates;
        for (size_t index : group.duplicates) duplicates.append(qint64(outcome.ids.at(index)));
        groups.append(QJsonObject{{"keep", qint64(outcome.ids.at(group.keep))},
                                  {"duplicates", duplicates},
                                  {"kind", kind == &outcome.plan.exact ? "exact" : "near"}});
      }
    }
    print_result(parser, {{"dry_run", !apply},
                          {"exact_groups", qint64(outcome.plan.exact.size())},
                          {"near_groups", qint64(outcome.plan.near.size())},
                          {"exact_duplicates", qint64(outcome.plan.exact_removed)},
                          {"near_duplicates", qint64(outcome.plan.near_removed)},
                          {"deleted", qint64(outcome.deleted)},
                          {"flagged", qint64(outcome.flagged)},
                          {"preview", groups}});
    return 0;
  });
}

int run_scrub(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Mask personal identifiers: phone numbers, Chinese resident IDs (valid checksum), e-mail addresses, "
      "dates of birth and hospital record numbers. Every masking is logged (hashed).");
  add_common_options(parser, true);
  add_change_options(parser);
  parser.addOption({"record-pattern",
                    "A hospital record number pattern (PCRE; group 1 is masked when present). Repeatable; replaces "
                    "the default pattern.",
                    "REGEX"});
  if (const auto done = parse_arguments(parser, args, "dataset scrub")) return *done;
  return guarded("scrub", [&] {
    data::PiiRules rules;
    if (parser.isSet("record-pattern")) {
      rules.record_number_patterns.clear();
      for (const auto& pattern : parser.values("record-pattern")) rules.record_number_patterns.push_back(pattern.toStdString());
    }
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const bool apply = !parser.isSet("dry-run");
    const auto outcome = store::scrub_dataset(*workspace, id, rules, apply, editor_name(parser));
    QJsonObject result = counts_json(outcome.plan.counts_per_kind);
    result.insert("dry_run", !apply);
    result.insert("records_with_pii", qint64(outcome.plan.changed.size()));
    result.insert("records_changed", qint64(outcome.changed));
    result.insert("preview", preview_json(parser, outcome.ids, outcome.plan.changed));
    print_result(parser, result);
    return 0;
  });
}

int run_tag(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Tag records with department categories by the workspace's keyword rules.");
  add_common_options(parser, true);
  add_change_options(parser);
  parser.addOption({"overwrite", "Re-tag records that already have a category."});
  if (const auto done = parse_arguments(parser, args, "dataset tag")) return *done;
  return guarded("tag", [&] {
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const bool apply = !parser.isSet("dry-run");
    const auto outcome = store::tag_dataset(*workspace, id, parser.isSet("overwrite"), apply, editor_name(parser));
    print_result(parser, {{"dry_run", !apply},
                          {"assigned", counts_json(outcome.plan.counts)},
                          {"untagged", qint64(outcome.plan.untagged)},
                          {"changed", qint64(outcome.changed)}});
    return 0;
  });
}

int run_terms(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Standardise terms with the workspace's dictionary (synonym -> standard); --import adds CSV rows first.");
  add_common_options(parser, true);
  add_change_options(parser);
  parser.addOption({"import", "A CSV with columns synonym,standard to add to the dictionary.", "CSV"});
  if (const auto done = parse_arguments(parser, args, "dataset terms")) return *done;
  return guarded("terms", [&] {
    auto workspace = open_workspace(parser);
    QJsonObject result;
    if (parser.isSet("import")) {
      const auto imported = store::TermRepository(*workspace).import_csv(parser.value("import").toStdString());
      QJsonArray problems;
      for (const auto& p : imported.problems)
        problems.append(QJsonObject{{"where", QString::fromStdString(p.where)}, {"why", QString::fromStdString(p.why)}});
      result.insert("dictionary", QJsonObject{{"added", qint64(imported.added)},
                                              {"updated", qint64(imported.updated)},
                                              {"unchanged", qint64(imported.unchanged)},
                                              {"skipped", qint64(imported.skipped)},
                                              {"problems", problems}});
    }
    if (parser.isSet("dataset")) {
      const int64_t id = dataset_option(parser, *workspace);
      const bool apply = !parser.isSet("dry-run");
      const auto outcome = store::standardise_terms(*workspace, id, apply, editor_name(parser));
      result.insert("dry_run", !apply);
      result.insert("replacements", qint64(outcome.plan.changes.size()));
      result.insert("records_to_change", qint64(outcome.plan.changed.size()));
      result.insert("changed", qint64(outcome.changed));
      result.insert("preview", preview_json(parser, outcome.ids, outcome.plan.changed));
    } else if (!parser.isSet("import")) {
      throw std::invalid_argument("give --dataset ID to standardise, --import CSV to extend the dictionary, or both");
    }
    print_result(parser, result);
    return 0;
  });
}

int run_augment(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Add synthetic records by synonym replacement from the term dictionary (marked synthetic, pending review).");
  add_common_options(parser, true);
  parser.addOptions({
      {"dry-run", "Count what would be added; write nothing."},
      {"per-record", "At most N variants per record (default 1).", "N", "1"},
      {"seed", "Seed (default 42).", "N", "42"},
  });
  if (const auto done = parse_arguments(parser, args, "dataset augment")) return *done;
  return guarded("augment", [&] {
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    const bool apply = !parser.isSet("dry-run");
    const auto outcome = store::augment_dataset(*workspace, id, parser.value("per-record").toInt(),
                                                parser.value("seed").toULongLong(), apply);
    print_result(parser, {{"dry_run", !apply}, {"variants", qint64(outcome.created.size())}, {"inserted", qint64(outcome.inserted)}});
    return 0;
  });
}

int run_approve(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Record a doctor's decision on records: approved, rejected, needs-edit or pending.");
  add_common_options(parser, true);
  parser.addOptions({
      {"ids", "Comma-separated record ids.", "LIST"},
      {"all-pending", "Every pending record of the dataset."},
      {"status", "approved | rejected | needs-edit | pending (default approved).", "S", "approved"},
      {"reviewer", "Who decided (default $USER).", "NAME"},
      {"note", "A note kept with the decision.", "TEXT"},
  });
  if (const auto done = parse_arguments(parser, args, "dataset approve")) return *done;
  return guarded("approve", [&] {
    const auto status = data::parse_review_status(parser.value("status").toStdString());
    auto workspace = open_workspace(parser);
    const int64_t id = dataset_option(parser, *workspace);
    store::DatasetRepository repository(*workspace);
    std::vector<int64_t> ids;
    if (parser.isSet("all-pending")) {
      store::RecordFilter pending;
      pending.status = data::ReviewStatus::Pending;
      ids = repository.record_ids(id, pending);
    } else if (parser.isSet("ids")) {
      for (const auto& part : parser.value("ids").split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 record = part.trimmed().toLongLong(&ok);
        if (!ok) throw std::invalid_argument("--ids takes record ids separated by commas, got '" + part.toStdString() + "'");
        const auto found = repository.get_record(record);
        if (!found || found->dataset_id != id)
          throw std::invalid_argument("record " + std::to_string(record) + " is not in this dataset");
        ids.push_back(record);
      }
    } else {
      throw std::invalid_argument("give --ids LIST or --all-pending");
    }
    const std::string reviewer =
        parser.isSet("reviewer") ? parser.value("reviewer").toStdString() : editor_name(parser);
    const int64_t updated = repository.set_status(ids, status, reviewer, parser.value("note").toStdString());
    print_result(parser, {{"status", data::review_status_name(status)},
                          {"updated", qint64(updated)},
                          {"reviewer", QString::fromStdString(reviewer)}});
    return 0;
  });
}

const SubCommandRegistration kClean("clean", "Normalise text and drop empty / too short / too long records.", run_clean);
const SubCommandRegistration kDedup("dedup", "Remove or flag exact and near duplicates.", run_dedup);
const SubCommandRegistration kScrub("scrub", "Mask personal identifiers (logged).", run_scrub);
const SubCommandRegistration kTag("tag", "Tag department categories by keyword rules.", run_tag);
const SubCommandRegistration kTerms("terms", "Standardise terms; import the term dictionary.", run_terms);
const SubCommandRegistration kAugment("augment", "Synthetic records by synonym replacement.", run_augment);
const SubCommandRegistration kApprove("approve", "Approve, reject or send back records.", run_approve);

}  // namespace
}  // namespace medlora::cli::dataset
