#include "core/chat/adapter_router.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "core/chat/rules_file.h"

namespace medlora::chat {
namespace {

const char* const kWhat = "routing rules";

// Same content as resources/chat/routing_rules.json (a test keeps them equal): routing works
// out of the box, and the file is the editable example.
const char* const kDefaultRules = R"({
  "version": 1,
  "default": "common",
  "rules": [
    {"adapter": "emergency",
     "keywords": ["胸痛", "昏迷", "大出血", "chest pain", "coma", "unconscious", "severe bleeding", "heavy bleeding"]},
    {"adapter": "chronic",
     "keywords": ["糖尿病", "高血压", "冠心病", "diabet*", "hypertension", "high blood pressure",
                  "coronary heart disease", "coronary artery disease"]},
    {"adapter": "common",
     "keywords": ["头痛", "发烧", "咳嗽", "headache*", "fever", "cough*"]}
  ]
})";

std::string adapter_label(const std::string& adapter) { return adapter.empty() ? "base model" : adapter; }

void validate(const RoutingRules& rules) {
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    const std::string where = std::string(kWhat) + ": rules[" + std::to_string(r) + "]";
    if (rules.rules[r].keywords.empty()) throw std::invalid_argument(where + " has no keywords");
    for (size_t k = 0; k < rules.rules[r].keywords.size(); ++k) {
      const std::string& keyword = rules.rules[r].keywords[k];
      if (keyword.find_first_not_of(" \t\r\n*") == std::string::npos) {
        throw std::invalid_argument(where + ".keywords[" + std::to_string(k) + "] is empty");
      }
    }
  }
}

std::vector<std::string> flatten(const RoutingRules& rules, std::vector<size_t>& keyword_rule) {
  std::vector<std::string> keywords;
  for (size_t r = 0; r < rules.rules.size(); ++r) {
    for (const std::string& keyword : rules.rules[r].keywords) {
      keywords.push_back(keyword);
      keyword_rule.push_back(r);
    }
  }
  return keywords;
}

}  // namespace

RoutingRules RoutingRules::from_json(const std::string& json) {
  const QJsonObject root = rules_file::parse_object(json, kWhat);
  RoutingRules rules;
  rules.default_adapter = rules_file::string_member(root, "default", kWhat, false);
  const QJsonArray array = rules_file::array_member(root, "rules", kWhat, true);
  for (qsizetype i = 0; i < array.size(); ++i) {
    const std::string where = std::string(kWhat) + ": rules[" + std::to_string(i) + "]";
    if (!array[i].isObject()) throw std::invalid_argument(where + " must be an object");
    const QJsonObject object = array[i].toObject();
    RoutingRule rule;
    rule.adapter = rules_file::string_member(object, "adapter", where, true);
    rule.keywords = rules_file::string_list_member(object, "keywords", where, true);
    rules.rules.push_back(std::move(rule));
  }
  validate(rules);
  return rules;
}

std::string RoutingRules::to_json() const {
  QJsonArray array;
  for (const RoutingRule& rule : rules) {
    QJsonObject object;
    object["adapter"] = QString::fromStdString(rule.adapter);
    object["keywords"] = rules_file::to_array(rule.keywords);
    array.append(object);
  }
  QJsonObject root;
  root["version"] = 1;
  root["default"] = QString::fromStdString(default_adapter);
  root["rules"] = array;
  return rules_file::to_text(root);
}

RoutingRules RoutingRules::load(const std::string& path) {
  const std::string bytes = rules_file::read(path);
  try {
    return from_json(bytes);
  } catch (const std::invalid_argument& error) {
    throw std::invalid_argument(path + ": " + error.what());
  }
}

void RoutingRules::save(const std::string& path) const { rules_file::write(path, to_json()); }

RoutingRules RoutingRules::defaults() { return from_json(kDefaultRules); }

AdapterRouter::AdapterRouter(RoutingRules rules)
    : rules_((validate(rules), std::move(rules))),
      flat_keywords_(flatten(rules_, keyword_rule_)),
      matcher_(flat_keywords_, /*prefix_wildcards=*/true) {}

RouteDecision AdapterRouter::route(const std::string& question) const {
  // Keywords found, per rule, in the order they occur in the question (each once).
  std::vector<std::vector<std::string>> found(rules_.rules.size());
  std::vector<data::KeywordMatcher::Hit> hits = matcher_.find_all(question);
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.offset < b.offset; });
  for (const auto& hit : hits) {
    std::vector<std::string>& list = found[keyword_rule_[hit.keyword]];
    const std::string& keyword = flat_keywords_[hit.keyword];
    if (std::find(list.begin(), list.end(), keyword) == list.end()) list.push_back(keyword);
  }

  RouteDecision decision;
  for (size_t r = 0; r < found.size(); ++r) {
    if (found[r].empty()) continue;
    if (decision.rule_index < 0) {
      decision.rule_index = static_cast<int>(r);
      decision.adapter = rules_.rules[r].adapter;
      decision.matched_keywords = found[r];
      continue;
    }
    // Lower-priority rules that matched too: named so that the choice can be explained.
    decision.reason += decision.reason.empty() ? " (also matched: " : "; ";
    decision.reason += found[r].front() + " → " + adapter_label(rules_.rules[r].adapter);
  }
  if (decision.rule_index < 0) {
    decision.adapter = rules_.default_adapter;
    decision.reason = "no rule matched → default " + adapter_label(rules_.default_adapter);
    return decision;
  }
  std::string matched;
  for (const std::string& keyword : decision.matched_keywords) {
    matched += (matched.empty() ? "" : ", ") + keyword;
  }
  decision.reason = "matched " + matched + " → " + adapter_label(decision.adapter) + decision.reason +
                    (decision.reason.empty() ? "" : ")");
  return decision;
}

}  // namespace medlora::chat
