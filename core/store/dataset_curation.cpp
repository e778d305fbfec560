#include "core/store/dataset_curation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/data/augmentation.h"
#include "core/store/category_repository.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"
#include "core/store/term_repository.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

std::string to_json(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject counts_object(const std::map<std::string, int64_t>& counts) {
  QJsonObject object;
  for (const auto& [name, count] : counts) object.insert(QString::fromStdString(name), qint64(count));
  return object;
}

// (id, new text) for every planned change.
std::vector<std::pair<int64_t, data::RecordText>> texts_by_id(const std::vector<int64_t>& ids,
                                                              const std::vector<data::RecordChange>& changes) {
  std::vector<std::pair<int64_t, data::RecordText>> texts;
  texts.reserve(changes.size());
  for (const auto& change : changes) texts.emplace_back(ids.at(change.index), change.after);
  return texts;
}

std::vector<std::pair<std::string, std::string>> term_pairs(Workspace& workspace) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& term : TermRepository(workspace).list()) pairs.emplace_back(term.synonym, term.standard);
  return pairs;
}

}  // namespace

LoadedDataset load_dataset(Workspace& workspace, int64_t dataset_id) {
  DatasetRepository repository(workspace);
  if (!repository.find_dataset(dataset_id))
    throw StoreError("workspace " + workspace.path() + " has no dataset " + std::to_string(dataset_id) +
                     " (medlora dataset list shows them)");
  LoadedDataset loaded;
  loaded.dataset_id = dataset_id;
  auto records = repository.records_for_export(dataset_id, /*approved_only=*/false);
  loaded.ids.reserve(records.size());
  loaded.texts.reserve(records.size());
  loaded.statuses.reserve(records.size());
  for (auto& record : records) {
    loaded.ids.push_back(record.id);
    loaded.statuses.push_back(record.status);
    loaded.texts.push_back(std::move(record.text));
  }
  return loaded;
}

CleanOutcome clean_dataset(Workspace& workspace, int64_t dataset_id, const data::CleaningRules& rules, bool apply,
                           const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  CleanOutcome outcome;
  outcome.plan = data::plan_cleaning(loaded.texts, rules);
  outcome.ids = std::move(loaded.ids);
  if (!apply) return outcome;
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  outcome.changed = repository.replace_all_texts(dataset_id, texts_by_id(outcome.ids, outcome.plan.changed), editor,
                                                 "cleaning");
  std::vector<int64_t> dropped;
  for (const auto& [index, reason] : outcome.plan.dropped) dropped.push_back(outcome.ids.at(index));
  QJsonObject parameters{{"normalise_whitespace", rules.normalise_whitespace},
                         {"normalise_punctuation", rules.normalise_punctuation},
                         {"strip_html", rules.strip_html},
                         {"strip_control", rules.strip_control},
                         {"min_chars", qint64(rules.min_chars)},
                         {"max_chars", qint64(rules.max_chars)},
                         {"drop_empty", rules.drop_empty}};
  if (!dropped.empty()) outcome.deleted = repository.delete_records(dataset_id, dropped, "clean-drop", to_json(parameters));
  auto counts = counts_object(outcome.plan.counts);
  counts.insert("changed", qint64(outcome.changed));
  counts.insert("deleted", qint64(outcome.deleted));
  repository.log_operation(dataset_id, "clean", to_json(parameters), to_json(counts));
  transaction.commit();
  return outcome;
}

DedupOutcome dedup_dataset(Workspace& workspace, int64_t dataset_id, const data::NearDupOptions& options, bool near,
                           DuplicateAction action, bool apply, const ProgressCallback& progress) {
  auto loaded = load_dataset(workspace, dataset_id);
  std::vector<bool> prefer_keep(loaded.statuses.size());
  for (size_t i = 0; i < loaded.statuses.size(); ++i)
    prefer_keep[i] = loaded.statuses[i] == data::ReviewStatus::Approved;
  DedupOutcome outcome;
  outcome.plan = data::find_duplicates(loaded.texts, options, near, progress, prefer_keep);
  outcome.ids = std::move(loaded.ids);
  if (!apply || outcome.plan.cancelled) return outcome;

  const QJsonObject parameters{{"threshold", options.threshold},
                               {"shingle", options.shingle},
                               {"num_hashes", options.num_hashes},
                               {"bands", options.bands},
                               {"prompt_threshold", options.prompt_threshold},
                               {"near", near},
                               {"action", action == DuplicateAction::Delete ? "delete" : "flag"}};
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  if (action == DuplicateAction::Delete) {
    std::vector<int64_t> doomed;
    for (size_t index : data::duplicate_indices(outcome.plan)) doomed.push_back(outcome.ids.at(index));
    if (!doomed.empty()) outcome.deleted = repository.delete_records(dataset_id, doomed, "dedup-delete", to_json(parameters));
  } else {
    auto flag_groups = [&](const std::vector<data::DuplicateGroup>& groups, const std::string& flag) {
      std::vector<int64_t> flagged;
      for (const auto& group : groups)
        for (size_t index : group.duplicates) flagged.push_back(outcome.ids.at(index));
      if (!flagged.empty()) outcome.flagged += repository.add_flag(flagged, flag);
    };
    flag_groups(outcome.plan.exact, "dup");
    flag_groups(outcome.plan.near, "near-dup");
  }
  const QJsonObject counts{{"exact_groups", qint64(outcome.plan.exact.size())},
                           {"near_groups", qint64(outcome.plan.near.size())},
                           {"exact_duplicates", qint64(outcome.plan.exact_removed)},
                           {"near_duplicates", qint64(outcome.plan.near_removed)},
                           {"deleted", qint64(outcome.deleted)},
                           {"flagged", qint64(outcome.flagged)}};
  repository.log_operation(dataset_id, "dedup", to_json(parameters), to_json(counts));
  transaction.commit();
  return outcome;
}

ScrubOutcome scrub_dataset(Workspace& workspace, int64_t dataset_id, const data::PiiRules& rules, bool apply,
                           const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  ScrubOutcome outcome;
  outcome.plan = data::plan_scrub(loaded.texts, rules);
  outcome.ids = std::move(loaded.ids);
  if (!apply) return outcome;

  std::vector<MaskingInput> maskings;
  maskings.reserve(outcome.plan.matches.size());
  for (const auto& match : outcome.plan.matches) {
    const auto& text = loaded.texts.at(match.record);
    const std::string* field = data::find_text_field(text, match.field);  // a turn: "messages[N]"
    if (!field) throw StoreError("PII scrub: record " + std::to_string(outcome.ids.at(match.record)) + " has no field " + match.field);
    maskings.push_back({outcome.ids.at(match.record), match.field, data::pii_kind_name(match.kind),
                        field->substr(match.offset, match.length), match.replacement});
  }
  std::vector<int64_t> masked_ids;
  for (const auto& change : outcome.plan.changed) masked_ids.push_back(outcome.ids.at(change.index));

  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  outcome.changed = repository.replace_all_texts(dataset_id, texts_by_id(outcome.ids, outcome.plan.changed), editor,
                                                 "PII masking");
  repository.record_maskings(maskings);
  if (!masked_ids.empty()) repository.add_flag(masked_ids, "pii");
  QJsonArray patterns;
  for (const auto& pattern : rules.record_number_patterns) patterns.append(QString::fromStdString(pattern));
  const QJsonObject parameters{{"phones", rules.phones},
                               {"ids", rules.ids},
                               {"emails", rules.emails},
                               {"birth_dates", rules.birth_dates},
                               {"record_number_patterns", patterns}};
  auto counts = counts_object(outcome.plan.counts_per_kind);
  counts.insert("records_changed", qint64(outcome.changed));
  repository.log_operation(dataset_id, "scrub", to_json(parameters), to_json(counts));
  transaction.commit();
  return outcome;
}

std::vector<data::CategoryRule> category_rules(Workspace& workspace) {
  std::vector<data::CategoryRule> rules;
  for (const auto& category : CategoryRepository(workspace).list())
    rules.push_back({category.name, category.keywords, category.required, category.min_share});
  return rules;
}

TagOutcome tag_dataset(Workspace& workspace, int64_t dataset_id, bool overwrite_existing, bool apply,
                       const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  TagOutcome outcome;
  outcome.plan = data::plan_tagging(loaded.texts, category_rules(workspace), overwrite_existing);
  outcome.ids = loaded.ids;
  if (!apply) return outcome;
  std::vector<std::pair<int64_t, data::RecordText>> texts;
  for (const auto& [index, category] : outcome.plan.assignments) {
    auto text = loaded.texts.at(index);
    text.category = category;
    texts.emplace_back(loaded.ids.at(index), std::move(text));
  }
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  outcome.changed = repository.replace_all_texts(dataset_id, texts, editor, "category tagging");
  auto counts = counts_object(outcome.plan.counts);
  counts.insert("untagged", qint64(outcome.plan.untagged));
  repository.log_operation(dataset_id, "tag", to_json(QJsonObject{{"overwrite_existing", overwrite_existing}}),
                           to_json(counts));
  transaction.commit();
  return outcome;
}

std::vector<data::CoverageRow> dataset_coverage(Workspace& workspace, int64_t dataset_id, bool approved_only) {
  std::map<std::string, int64_t> counts;
  for (const auto& [category, count] : DatasetRepository(workspace).category_counts(dataset_id, approved_only))
    counts[category] += count;
  return data::coverage_report_from_counts(counts, category_rules(workspace));
}

TermOutcome standardise_terms(Workspace& workspace, int64_t dataset_id, bool apply, const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  TermOutcome outcome;
  outcome.plan = data::plan_term_standardisation(loaded.texts, term_pairs(workspace));
  outcome.ids = std::move(loaded.ids);
  if (!apply) return outcome;
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  outcome.changed = repository.replace_all_texts(dataset_id, texts_by_id(outcome.ids, outcome.plan.changed), editor,
                                                 "term standardisation");
  repository.log_operation(dataset_id, "terms", "{}",
                           to_json(QJsonObject{{"replacements", qint64(outcome.plan.changes.size())},
                                               {"records_changed", qint64(outcome.changed)}}));
  transaction.commit();
  return outcome;
}

AugmentOutcome augment_dataset(Workspace& workspace, int64_t dataset_id, int per_record, uint64_t seed, bool apply) {
  auto loaded = load_dataset(workspace, dataset_id);
  AugmentOutcome outcome;
  outcome.created = data::augment_with_synonyms(loaded.texts, term_pairs(workspace), per_record, seed);
  for (auto& record : outcome.created) {
    // The augmenter names its source by index; the workspace names records by id.
    auto source = record.metadata.find("augmented_from");
    if (source != record.metadata.end())
      source->second = std::to_string(loaded.ids.at(static_cast<size_t>(std::stoll(source->second))));
  }
  if (!apply) return outcome;
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  outcome.inserted = static_cast<int64_t>(repository.insert_records(dataset_id, outcome.created).ids.size());
  repository.log_operation(dataset_id, "augment",
                           to_json(QJsonObject{{"method", "synonym"}, {"per_record", per_record}, {"seed", qint64(seed)}}),
                           to_json(QJsonObject{{"inserted", qint64(outcome.inserted)}}));
  transaction.commit();
  return outcome;
}

}  // namespace medlora::store
