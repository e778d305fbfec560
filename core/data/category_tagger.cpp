#include "core/data/category_tagger.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <stdexcept>
#include <string>

#include "core/data/keyword_matcher.h"

namespace medlora::data {
namespace {

// All rules' keywords in one matcher; owner[k] is the rule of keyword k.
struct RuleMatcher {
  KeywordMatcher matcher;
  std::vector<size_t> owner;
};

RuleMatcher build_matcher(const std::vector<CategoryRule>& rules) {
  std::vector<std::string> keywords;
  std::vector<size_t> owner;
  for (size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].name.empty()) throw std::invalid_argument("category rule " + std::to_string(r + 1) + " has no name");
    for (const auto& keyword : rules[r].keywords) {
      if (keyword.empty() || keyword == "*")
        throw std::invalid_argument("category '" + rules[r].name + "' has an empty keyword; remove it");
      keywords.push_back(keyword);
      owner.push_back(r);
    }
  }
  return RuleMatcher{KeywordMatcher(keywords, /*prefix_wildcards=*/true), std::move(owner)};
}

// Index of the rule with the most hits in the texts (ties: the earlier rule), or -1 for none.
long best_rule(const RuleMatcher& rm, size_t rule_count, const std::vector<const std::string*>& texts) {
  std::vector<int64_t> hits(rule_count, 0);
  for (const std::string* text : texts)
    for (const auto& hit : rm.matcher.find_all(*text)) ++hits[rm.owner[hit.keyword]];
  long best = -1;
  for (size_t r = 0; r < rule_count; ++r)
    if (hits[r] > 0 && (best < 0 || hits[r] > hits[static_cast<size_t>(best)])) best = static_cast<long>(r);
  return best;
}

}  // namespace

std::vector<CategoryRule> default_category_rules() {
  return {
      {"内科",
       {"内科", "肺炎", "支气管炎", "哮喘", "胃炎", "胃溃疡", "肝炎", "肾炎", "心律失常", "心力衰竭", "贫血", "甲状腺",
        "感染", "发热", "发烧", "咳嗽", "internal medicine", "pneumonia", "bronchitis", "asthma", "gastritis", "ulcer*",
        "hepatitis", "kidney", "renal", "heart failure", "arrhythmia*", "anemia", "anaemia", "thyroid", "infection*",
        "fever", "cough*"}},
      {"外科",
       {"外科", "手术", "骨折", "阑尾炎", "疝气", "创伤", "切除", "缝合", "移植", "腹腔镜", "surgery", "surgical",
        "surgeon*", "operation*", "fracture*", "appendicitis", "hernia*", "trauma*", "resection*", "incision*",
        "suture*", "laparoscop*", "amputation*", "transplant*"}},
      {"儿科",
       {"儿科", "儿童", "小儿", "婴儿", "婴幼儿", "新生儿", "幼儿", "宝宝", "患儿", "pediatric*", "paediatric*", "child",
        "children", "childhood", "infant*", "newborn*", "neonat*", "toddler*", "baby", "babies"}},
      {"妇产科",
       {"妇产科", "妇科", "产科", "怀孕", "妊娠", "孕妇", "孕期", "分娩", "产后", "月经", "痛经", "子宫", "卵巢", "宫颈",
        "不孕", "避孕", "pregnan*", "obstetric*", "gynecolog*", "gynaecolog*", "menstrua*", "uterus", "uterine",
        "ovary", "ovaries", "ovarian", "cervix", "postpartum", "prenatal", "miscarriage*", "infertil*",
        "contracepti*", "menopaus*", "breastfeed*"}},
      {"急诊",
       {"急诊", "急救", "中毒", "休克", "昏迷", "心脏骤停", "心肺复苏", "烧伤", "溺水", "窒息", "大出血", "emergency",
        "emergencies", "poisoning", "overdose*", "shock", "unconscious*", "cardiac arrest", "cpr", "resuscitation",
        "burns", "drowning", "anaphyla*", "choking", "911"}},
      {"慢病",
       {"慢病", "慢性病", "慢性", "高血压", "糖尿病", "高血脂", "高脂血症", "慢阻肺", "关节炎", "骨质疏松", "痛风",
        "冠心病", "chronic", "hypertension", "high blood pressure", "diabetes", "diabetic", "copd",
        "hyperlipidemia", "cholesterol", "arthritis", "osteoporosis", "gout"}},
  };
}

TagPlan plan_tagging(const std::vector<RecordText>& records, const std::vector<CategoryRule>& rules,
                     bool overwrite_existing) {
  const RuleMatcher rm = build_matcher(rules);
  TagPlan plan;
  for (size_t i = 0; i < records.size(); ++i) {
    const RecordText& record = records[i];
    if (!record.category.empty() && !overwrite_existing) continue;
    std::vector<const std::string*> texts;
    for (const auto& field : text_fields(record)) texts.push_back(field.text);
    const long best = best_rule(rm, rules.size(), texts);
    if (best < 0) {
      // No keyword: the record keeps whatever it had, never loses a tag a person gave.
      if (record.category.empty()) ++plan.untagged;
      continue;
    }
    const std::string& name = rules[static_cast<size_t>(best)].name;
    if (name == record.category) continue;
    plan.assignments.emplace_back(i, name);
    ++plan.counts[name];
  }
  return plan;
}

std::string best_category(const std::string& text, const std::vector<CategoryRule>& rules) {
  const RuleMatcher rm = build_matcher(rules);
  const long best = best_rule(rm, rules.size(), {&text});
  return best < 0 ? std::string() : rules[static_cast<size_t>(best)].name;
}

std::vector<CoverageRow> coverage_report(const std::vector<RecordText>& records, const std::vector<CategoryRule>& rules) {
  std::map<std::string, int64_t> counts;
  for (const auto& record : records) ++counts[record.category];
  return coverage_report_from_counts(counts, rules);
}

std::vector<CoverageRow> coverage_report_from_counts(const std::map<std::string, int64_t>& category_counts,
                                                     const std::vector<CategoryRule>& rules) {
  std::map<std::string, int64_t> counts;
  int64_t untagged = 0, total_count = 0;
  for (const auto& [name, count] : category_counts) {
    total_count += count;
    if (name.empty()) untagged += count;
    else counts[name] += count;
  }
  const auto total = static_cast<double>(total_count);
  const auto share = [&](int64_t count) { return total > 0 ? static_cast<double>(count) / total : 0.0; };
  std::vector<CoverageRow> rows;
  std::set<std::string> listed;
  for (const auto& rule : rules) {
    if (!listed.insert(rule.name).second) continue;
    const auto it = counts.find(rule.name);
    const int64_t count = it == counts.end() ? 0 : it->second;
    CoverageRow row{rule.name, count, share(count), rule.required, rule.min_share, false};
    row.below_minimum = rule.required && row.share < rule.min_share;
    rows.push_back(row);
  }
  for (const auto& [name, count] : counts)  // std::map: alphabetical
    if (!listed.count(name)) rows.push_back(CoverageRow{name, count, share(count), false, 0.0, false});
  rows.push_back(CoverageRow{"(untagged)", untagged, share(untagged), false, 0.0, false});
  return rows;
}

}  // namespace medlora::data
