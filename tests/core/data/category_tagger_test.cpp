#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data/category_tagger.h"

namespace medlora::data {
namespace {

RecordText record(std::string instruction, std::string output, std::string category = "") {
  RecordText r;
  r.instruction = std::move(instruction);
  r.output = std::move(output);
  r.category = std::move(category);
  return r;
}

TEST(CategoryTaggerTest, DefaultRulesCoverTheSixDepartmentsInBothLanguages) {
  const auto rules = default_category_rules();
  std::vector<std::string> names;
  for (const auto& r : rules) names.push_back(r.name);
  EXPECT_EQ(names, (std::vector<std::string>{"内科", "外科", "儿科", "妇产科", "急诊", "慢病"}));
  EXPECT_EQ(best_category("孕妇妊娠期间可以吃什么？", rules), "妇产科");
  EXPECT_EQ(best_category("Is it safe to exercise during pregnancy?", rules), "妇产科");
  EXPECT_EQ(best_category("新生儿黄疸怎么办", rules), "儿科");
  EXPECT_EQ(best_category("How is a hip FRACTURE treated? Surgery is usually needed.", rules), "外科");
  EXPECT_EQ(best_category("高血压和糖尿病患者的饮食", rules), "慢病");
  EXPECT_EQ(best_category("What to do in an emergency: call 911 and start CPR.", rules), "急诊");
  EXPECT_EQ(best_category("The weather is nice", rules), "");
}

TEST(CategoryTaggerTest, LatinKeywordsNeedWordBoundariesAndStarMeansPrefix) {
  const std::vector<CategoryRule> rules = {{"er", {"ER"}}, {"ob", {"pregnan*"}}};
  EXPECT_EQ(best_category("Cancer treatment", rules), "");          // "er" inside words
  EXPECT_EQ(best_category("go to the ER now", rules), "er");
  EXPECT_EQ(best_category("Pregnancy and PREGNANT women", rules), "ob");
  EXPECT_EQ(best_category("nonpregnant", rules), "");                 // prefix of a word only
}

TEST(CategoryTaggerTest, MostHitsWinAndTiesGoToTheEarlierRule) {
  const std::vector<CategoryRule> rules = {{"A", {"fever"}}, {"B", {"cough"}}};
  EXPECT_EQ(best_category("fever cough cough", rules), "B");
  EXPECT_EQ(best_category("fever cough", rules), "A");
}

TEST(CategoryTaggerTest, PlanAssignsOnlyUntaggedUnlessOverwriting) {
  const std::vector<CategoryRule> rules = {{"儿科", {"儿童", "child"}}, {"外科", {"手术", "surgery"}}};
  const std::vector<RecordText> records = {
      record("儿童发烧怎么办", "多喝水"),                    // -> 儿科
      record("Does my child need surgery?", "surgery surgery", "内科"),  // tagged by a person
      record("天气", "晴"),                                  // no keyword
      record("手术后注意什么", "休息", "外科"),              // already right
  };
  const TagPlan plan = plan_tagging(records, rules);
  EXPECT_EQ(plan.assignments, (std::vector<std::pair<size_t, std::string>>{{0, "儿科"}}));
  EXPECT_EQ(plan.untagged, 1);
  EXPECT_EQ(plan.counts.at("儿科"), 1);

  const TagPlan overwrite = plan_tagging(records, rules, true);
  EXPECT_EQ(overwrite.assignments, (std::vector<std::pair<size_t, std::string>>{{0, "儿科"}, {1, "外科"}}));
  EXPECT_EQ(overwrite.untagged, 1);
}

TEST(CategoryTaggerTest, BadRulesAreRejected) {
  EXPECT_THROW(plan_tagging({}, {{"", {"x"}}}), std::invalid_argument);
  EXPECT_THROW(plan_tagging({}, {{"name", {""}}}), std::invalid_argument);
}

TEST(CoverageReportTest, CountsSharesRequiredMinimumsAndUntagged) {
  std::vector<CategoryRule> rules = default_category_rules();
  rules[2].required = true;  // 儿科
  rules[2].min_share = 0.3;
  rules[0].required = true;  // 内科
  rules[0].min_share = 0.2;
  const std::vector<RecordText> records = {record("a", "b", "内科"), record("a", "b", "内科"), record("a", "b", "儿科"),
                                           record("a", "b", "皮肤科"), record("a", "b")};
  const auto rows = coverage_report(records, rules);
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[0].category, "内科");
  EXPECT_EQ(rows[0].count, 2);
  EXPECT_DOUBLE_EQ(rows[0].share, 0.4);
  EXPECT_FALSE(rows[0].below_minimum);
  EXPECT_EQ(rows[2].category, "儿科");
  EXPECT_DOUBLE_EQ(rows[2].share, 0.2);
  EXPECT_TRUE(rows[2].below_minimum);
  EXPECT_EQ(rows[3].count, 0);
  EXPECT_FALSE(rows[3].below_minimum);  // not required
  EXPECT_EQ(rows[6].category, "皮肤科");  // found in records, not in the rules
  EXPECT_EQ(rows[6].count, 1);
  EXPECT_EQ(rows[7].category, "(untagged)");
  EXPECT_EQ(rows[7].count, 1);
  EXPECT_DOUBLE_EQ(rows[7].share, 0.2);
  EXPECT_EQ(coverage_report({}, rules).back().share, 0.0);
}

}  // namespace
}  // namespace medlora::data
