// The CLI (`medlora dataset clean|dedup|scrub|tag|terms`, through store::*_dataset with apply)
// and the Datasets panel's tool dialogs (a plan made earlier, written through store::apply_*)
// must leave the same operation-log entries and the same records for the same operation.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/store/category_repository.h"
#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "core/store/term_repository.h"
#include "core/store/workspace.h"
#include "store_test_support.h"

namespace medlora::store {
namespace {

using DatasetCurationTest = testing::TempWorkspaceTest;

std::vector<data::RecordText> messy_records() {
  std::vector<data::RecordText> records;
  records.push_back({"Answer.", "<b>What is  a fever?</b>", "A raised   body temperature. Call 13812345678.", ""});
  records.push_back({"Answer.", "What is a fever?", "A raised body temperature. Call 13812345678.", ""});  // dup of 0 once cleaned
  records.push_back({"回答患者的问题。", "心梗有什么症状？", "胸痛、出汗，请立即就医。", ""});
  records.push_back({"Answer.", "Why do children cough at night?", "Asthma or a cold; 儿童 should see a doctor.", ""});
  records.push_back({"Answer.", "", "", ""});  // dropped by cleaning
  return records;
}

struct Prepared {
  std::unique_ptr<Workspace> workspace;
  int64_t dataset = 0;
};

Prepared prepare(const std::string& file) {
  Prepared prepared{Workspace::open_for_this_thread(file), 0};
  DatasetRepository repository(*prepared.workspace);
  prepared.dataset = repository.create_dataset("messy", "test");
  repository.insert_records(prepared.dataset, messy_records());
  TermRepository(*prepared.workspace).import_csv_text("synonym,standard\n心梗,心肌梗死\n", "terms.csv");
  return prepared;
}

// What the CLI does: plan and apply in one call.
void run_cli_path(Workspace& workspace, int64_t dataset) {
  clean_dataset(workspace, dataset, data::CleaningRules{}, true, "tester");
  dedup_dataset(workspace, dataset, data::NearDupOptions{}, true, DuplicateAction::Delete, true);
  scrub_dataset(workspace, dataset, data::PiiRules{}, true, "tester");
  tag_dataset(workspace, dataset, false, true, "tester");
  standardise_terms(workspace, dataset, true, "tester");
}

// What the dialogs do: read the records, make the plan (Preview), write that plan later (Apply).
void run_dialog_path(Workspace& workspace, int64_t dataset) {
  const data::CleaningRules clean_rules;
  auto records = load_dataset(workspace, dataset);
  apply_cleaning(workspace, dataset, records.ids, data::plan_cleaning(records.texts, clean_rules), clean_rules, "tester");

  records = load_dataset(workspace, dataset);
  std::vector<bool> prefer_keep;
  for (const auto status : records.statuses) prefer_keep.push_back(status == data::ReviewStatus::Approved);
  const data::NearDupOptions dedup_options;
  apply_dedup(workspace, dataset, records.ids, data::find_duplicates(records.texts, dedup_options, true, {}, prefer_keep),
              dedup_options, true, /*prefer_approved=*/true, DuplicateAction::Delete);

  records = load_dataset(workspace, dataset);
  const data::PiiRules pii_rules;
  apply_scrub(workspace, dataset, records.ids, records.texts, data::plan_scrub(records.texts, pii_rules), pii_rules,
              "tester");

  records = load_dataset(workspace, dataset);
  const auto rules = CategoryRepository(workspace).rules();
  apply_tagging(workspace, dataset, records.ids, records.texts, data::plan_tagging(records.texts, rules, false), false,
                "tester");

  records = load_dataset(workspace, dataset);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& term : TermRepository(workspace).list()) pairs.emplace_back(term.synonym, term.standard);
  apply_term_standardisation(workspace, dataset, records.ids, data::plan_term_standardisation(records.texts, pairs),
                             "tester");
}

std::vector<std::string> log_of(Workspace& workspace, int64_t dataset) {
  std::vector<std::string> entries;
  for (const auto& operation : DatasetRepository(workspace).operations(dataset))
    entries.push_back(operation.kind + " " + operation.parameters_json + " " + operation.counts_json);
  return entries;
}

std::vector<std::string> texts_of(Workspace& workspace, int64_t dataset) {
  std::vector<std::string> texts;
  for (const auto& text : load_dataset(workspace, dataset).texts)
    texts.push_back(text.category + "|" + text.instruction + "|" + text.input + "|" + text.output);
  return texts;
}

TEST_F(DatasetCurationTest, TheCliAndTheDialogsWriteTheSameLogEntriesAndRecords) {
  auto cli = prepare(file("cli.mlw"));
  auto gui = prepare(file("gui.mlw"));
  run_cli_path(*cli.workspace, cli.dataset);
  run_dialog_path(*gui.workspace, gui.dataset);

  const auto cli_log = log_of(*cli.workspace, cli.dataset);
  const auto gui_log = log_of(*gui.workspace, gui.dataset);
  EXPECT_EQ(cli_log, gui_log);
  std::vector<std::string> kinds;
  for (const auto& operation : DatasetRepository(*gui.workspace).operations(gui.dataset)) kinds.push_back(operation.kind);
  // One vocabulary: the deletions of a step are logged under "<step>-..." beside the step's entry.
  EXPECT_EQ(kinds, (std::vector<std::string>{"clean-drop", "clean", "dedup-delete", "dedup", "scrub", "tag", "terms"}));

  const auto texts = texts_of(*gui.workspace, gui.dataset);
  EXPECT_EQ(texts_of(*cli.workspace, cli.dataset), texts);
  ASSERT_EQ(texts.size(), 3u);  // the empty record dropped, the duplicate deleted
  EXPECT_NE(texts[0].find("[PHONE]"), std::string::npos);
  EXPECT_NE(texts[1].find("心肌梗死"), std::string::npos);
}

TEST_F(DatasetCurationTest, SavedRulesAreTheRulesTaggingUses) {
  auto prepared = prepare(file());
  CategoryRepository categories(*prepared.workspace);
  categories.save_rules({{"睡眠", {"失眠", "insomnia"}, true, 0.2}, {"儿科", {"儿童"}, false, 0.0}});
  const auto rules = categories.rules();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].name, "睡眠");
  EXPECT_EQ(rules[0].keywords, (std::vector<std::string>{"失眠", "insomnia"}));
  EXPECT_TRUE(rules[0].required);
  EXPECT_DOUBLE_EQ(rules[0].min_share, 0.2);
  EXPECT_EQ(rules[1].name, "儿科");
  const auto outcome = tag_dataset(*prepared.workspace, prepared.dataset, false, false, "tester");
  ASSERT_EQ(outcome.plan.assignments.size(), 1u);  // only the record that mentions 儿童
  EXPECT_EQ(outcome.plan.assignments[0].second, "儿科");
}

}  // namespace
}  // namespace medlora::store
