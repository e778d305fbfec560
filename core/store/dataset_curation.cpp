#include "core/store/dataset_curation.h"

#include <QJsonArray>
#include <QJsonObject>

#include "core/data/augmentation.h"
#include "core/io/json_util.h"
#include "core/store/category_repository.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"
#include "core/store/term_repository.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

using io::json::compact;
using io::json::counts_object;

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

CleanApplied apply_cleaning(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                            const data::CleaningResult& plan, const data::CleaningRules& rules,
                            const std::string& editor) {
  CleanApplied applied;
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  applied.changed = repository.replace_all_texts(dataset_id, texts_by_id(ids, plan.changed), editor, "cleaning");
  std::vector<int64_t> dropped;
  for (const auto& [index, reason] : plan.dropped) dropped.push_back(ids.at(index));
  QJsonObject parameters{{"normalise_whitespace", rules.normalise_whitespace},
                         {"normalise_punctuation", rules.normalise_punctuation},
                         {"strip_html", rules.strip_html},
                         {"strip_control", rules.strip_control},
                         {"min_chars", qint64(rules.min_chars)},
                         {"max_chars", qint64(rules.max_chars)},
                         {"drop_empty", rules.drop_empty}};
  if (!dropped.empty()) applied.deleted = repository.delete_records(dataset_id, dropped, "clean-drop", compact(parameters));
  auto counts = counts_object(plan.counts);
  counts.insert("changed", qint64(applied.changed));
  counts.insert("deleted", qint64(applied.deleted));
  repository.log_operation(dataset_id, "clean", compact(parameters), compact(counts));
  transaction.commit();
  return applied;
}

CleanOutcome clean_dataset(Workspace& workspace, int64_t dataset_id, const data::CleaningRules& rules, bool apply,
                           const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  CleanOutcome outcome;
  outcome.plan = data::plan_cleaning(loaded.texts, rules);
  outcome.ids = std::move(loaded.ids);
  if (!apply) return outcome;
  const auto applied = apply_cleaning(workspace, dataset_id, outcome.ids, outcome.plan, rules, editor);
  outcome.changed = applied.changed;
  outcome.deleted = applied.deleted;
  return outcome;
}

DedupApplied apply_dedup(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                         const data::DedupResult& plan, const data::NearDupOptions& options, bool near,
                         bool prefer_approved, DuplicateAction action) {
  const QJsonObject parameters{{"threshold", options.threshold},
                               {"shingle", options.shingle},
                               {"num_hashes", options.num_hashes},
                               {"bands", options.bands},
                               {"prompt_threshold", options.prompt_threshold},
                               {"near", near},
                               {"prefer_approved", prefer_approved},
                               {"action", action == DuplicateAction::Delete ? "delete" : "flag"}};
  DedupApplied applied;
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  if (action == DuplicateAction::Delete) {
    std::vector<int64_t> doomed;
    for (size_t index : data::duplicate_indices(plan)) doomed.push_back(ids.at(index));
    if (!doomed.empty()) applied.deleted = repository.delete_records(dataset_id, doomed, "dedup-delete", compact(parameters));
  } else {
    auto flag_groups = [&](const std::vector<data::DuplicateGroup>& groups, const std::string& flag) {
      std::vector<int64_t> flagged;
      for (const auto& group : groups)
        for (size_t index : group.duplicates) flagged.push_back(ids.at(index));
      if (!flagged.empty()) applied.flagged += repository.add_flag(flagged, flag);
    };
    flag_groups(plan.exact, "dup");
    flag_groups(plan.near, "near-dup");
  }
  const QJsonObject counts{{"exact_groups", qint64(plan.exact.size())},
                           {"near_groups", qint64(plan.near.size())},
                           {"exact_duplicates", qint64(plan.exact_removed)},
                           {"near_duplicates", qint64(plan.near_removed)},
                           {"deleted", qint64(applied.deleted)},
                           {"flagged", qint64(applied.flagged)}};
  repository.log_operation(dataset_id, "dedup", compact(parameters), compact(counts));
  transaction.commit();
  return applied;
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
  const auto applied =
      apply_dedup(workspace, dataset_id, outcome.ids, outcome.plan, options, near, /*prefer_approved=*/true, action);
  outcome.deleted = applied.deleted;
  outcome.flagged = applied.flagged;
  return outcome;
}

int64_t apply_scrub(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                    const std::vector<data::RecordText>& texts, const data::ScrubResult& plan,
                    const data::PiiRules& rules, const std::string& editor) {
  std::vector<MaskingInput> maskings;
  maskings.reserve(plan.matches.size());
  for (const auto& match : plan.matches) {
    const auto& text = texts.at(match.record);
    const std::string* field = data::find_text_field(text, match.field);  // a turn: "messages[N]"
    if (!field) throw StoreError("PII scrub: record " + std::to_string(ids.at(match.record)) + " has no field " + match.field);
    maskings.push_back({ids.at(match.record), match.field, data::pii_kind_name(match.kind),
                        field->substr(match.offset, match.length), match.replacement});
  }
  std::vector<int64_t> masked_ids;
  for (const auto& change : plan.changed) masked_ids.push_back(ids.at(change.index));

  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  const int64_t changed = repository.replace_all_texts(dataset_id, texts_by_id(ids, plan.changed), editor, "PII masking");
  repository.record_maskings(maskings);
  if (!masked_ids.empty()) repository.add_flag(masked_ids, "pii");
  QJsonArray patterns;
  for (const auto& pattern : rules.record_number_patterns) patterns.append(QString::fromStdString(pattern));
  const QJsonObject parameters{{"phones", rules.phones},
                               {"ids", rules.ids},
                               {"emails", rules.emails},
                               {"birth_dates", rules.birth_dates},
                               {"record_number_patterns", patterns}};
  auto counts = counts_object(plan.counts_per_kind);
  counts.insert("records_changed", qint64(changed));
  repository.log_operation(dataset_id, "scrub", compact(parameters), compact(counts));
  transaction.commit();
  return changed;
}

ScrubOutcome scrub_dataset(Workspace& workspace, int64_t dataset_id, const data::PiiRules& rules, bool apply,
                           const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  ScrubOutcome outcome;
  outcome.plan = data::plan_scrub(loaded.texts, rules);
  outcome.ids = std::move(loaded.ids);
  if (!apply) return outcome;
  outcome.changed = apply_scrub(workspace, dataset_id, outcome.ids, loaded.texts, outcome.plan, rules, editor);
  return outcome;
}

int64_t apply_tagging(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                      const std::vector<data::RecordText>& texts, const data::TagPlan& plan, bool overwrite_existing,
                      const std::string& editor) {
  std::vector<std::pair<int64_t, data::RecordText>> retagged;
  retagged.reserve(plan.assignments.size());
  for (const auto& [index, category] : plan.assignments) {
    auto text = texts.at(index);
    text.category = category;
    retagged.emplace_back(ids.at(index), std::move(text));
  }
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  const int64_t changed = repository.replace_all_texts(dataset_id, retagged, editor, "category tagging");
  auto counts = counts_object(plan.counts);
  counts.insert("changed", qint64(changed));
  counts.insert("untagged", qint64(plan.untagged));
  repository.log_operation(dataset_id, "tag", compact(QJsonObject{{"overwrite_existing", overwrite_existing}}),
                           compact(counts));
  transaction.commit();
  return changed;
}

TagOutcome tag_dataset(Workspace& workspace, int64_t dataset_id, bool overwrite_existing, bool apply,
                       const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  TagOutcome outcome;
  outcome.plan = data::plan_tagging(loaded.texts, CategoryRepository(workspace).rules(), overwrite_existing);
  outcome.ids = loaded.ids;
  if (!apply) return outcome;
  outcome.changed =
      apply_tagging(workspace, dataset_id, loaded.ids, loaded.texts, outcome.plan, overwrite_existing, editor);
  return outcome;
}

std::vector<data::CoverageRow> dataset_coverage(Workspace& workspace, int64_t dataset_id, bool approved_only) {
  std::map<std::string, int64_t> counts;
  for (const auto& [category, count] : DatasetRepository(workspace).category_counts(dataset_id, approved_only))
    counts[category] += count;
  return data::coverage_report_from_counts(counts, CategoryRepository(workspace).rules());
}

int64_t apply_term_standardisation(Workspace& workspace, int64_t dataset_id, const std::vector<int64_t>& ids,
                                   const data::TermPlan& plan, const std::string& editor) {
  DatasetRepository repository(workspace);
  Transaction transaction(workspace);
  const int64_t changed =
      repository.replace_all_texts(dataset_id, texts_by_id(ids, plan.changed), editor, "term standardisation");
  repository.log_operation(dataset_id, "terms", "{}",
                           compact(QJsonObject{{"replacements", qint64(plan.changes.size())},
                                               {"records_changed", qint64(changed)}}));
  transaction.commit();
  return changed;
}

TermOutcome standardise_terms(Workspace& workspace, int64_t dataset_id, bool apply, const std::string& editor) {
  auto loaded = load_dataset(workspace, dataset_id);
  TermOutcome outcome;
  outcome.plan = data::plan_term_standardisation(loaded.texts, term_pairs(workspace));
  outcome.ids = std::move(loaded.ids);
  if (!apply) return outcome;
  outcome.changed = apply_term_standardisation(workspace, dataset_id, outcome.ids, outcome.plan, editor);
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
                           compact(QJsonObject{{"method", "synonym"}, {"per_record", per_record}, {"seed", qint64(seed)}}),
                           compact(QJsonObject{{"inserted", qint64(outcome.inserted)}}));
  transaction.commit();
  return outcome;
}

}  // namespace medlora::store
