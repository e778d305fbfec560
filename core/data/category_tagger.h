#pragma once
// Department tags by keyword rules, and the coverage report that warns when a required
// category is under-represented.
//
// Matching: keywords are searched in instruction + input + output. Latin keywords match
// case-insensitively on word boundaries ("ER" does not match inside "cancer"); a keyword
// ending in '*' matches as a word prefix ("pregnan*" matches "pregnancy"). Keywords with
// CJK characters match as substrings. Every occurrence is a hit; the rule with the most hits
// wins, ties go to the rule listed first.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::data {

struct CategoryRule {
  std::string name;
  std::vector<std::string> keywords;
  bool required = false;
  double min_share = 0.0;  // 0..1, checked when required
};

// 内科, 外科, 儿科, 妇产科, 急诊, 慢病 with Chinese and English keywords.
std::vector<CategoryRule> default_category_rules();

struct TagPlan {
  std::vector<std::pair<size_t, std::string>> assignments;  // index, new category (only real changes)
  int64_t untagged = 0;                   // records left without a category after the plan
  std::map<std::string, int64_t> counts;  // category -> records this plan assigns to it
};

// Records that already have a category keep it unless overwrite_existing. Throws
// std::invalid_argument for a rule without a name or with an empty keyword.
TagPlan plan_tagging(const std::vector<RecordText>& records, const std::vector<CategoryRule>& rules,
                     bool overwrite_existing = false);

// The best rule for one text, or "" when no keyword hits.
std::string best_category(const std::string& text, const std::vector<CategoryRule>& rules);

struct CoverageRow {
  std::string category;
  int64_t count = 0;
  double share = 0.0;  // of all records
  bool required = false;
  double min_share = 0.0;
  bool below_minimum = false;  // required && share < min_share
};

// Rows in rule order, then categories found in the records but not in the rules
// (alphabetical), then "(untagged)".
std::vector<CoverageRow> coverage_report(const std::vector<RecordText>& records,
                                                     const std::vector<CategoryRule>& rules);
// The same from record counts per category ("" = untagged), e.g. straight from the workspace.
std::vector<CoverageRow> coverage_report_from_counts(const std::map<std::string, int64_t>& category_counts,
                                                     const std::vector<CategoryRule>& rules);

}  // namespace medlora::data
