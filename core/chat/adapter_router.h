#pragma once
// Picks the LoRA adapter that answers a question from keyword rules the user edits
// (头痛/发烧 → common, 糖尿病/高血压 → chronic, 胸痛/昏迷 → emergency, otherwise a default).
//
// CONFLICTS: the rules are tried in file order and the FIRST rule with a matching keyword wins
// (rule order = priority, visible and editable in the file). That is why the shipped file lists
// "emergency" first: "胸痛还头痛" must go to emergency, not common. The decision's reason names
// the rules that also matched, so a surprising choice can be explained.
//
// MATCHING (core/data/keyword_matcher.h): ASCII letters case-insensitive; a keyword starting or
// ending with an ASCII letter/digit only matches on a word boundary ("cold" is not in
// "scolding"); "diabet*" matches as a word prefix; Chinese keywords match anywhere.
//
// FILE (JSON, UTF-8):
//   {"version": 1, "default": "common",
//    "rules": [{"adapter": "emergency", "keywords": ["胸痛", "chest pain"]}, ...]}
// An adapter name is what the adapter registry calls the adapter; "" (or "base") means the base
// model without any adapter.
#include <string>
#include <vector>

#include "core/data/keyword_matcher.h"

namespace medlora::chat {

struct RoutingRule {
  std::string adapter;
  std::vector<std::string> keywords;
};

struct RoutingRules {
  std::vector<RoutingRule> rules;  // priority order: earlier rules win
  std::string default_adapter;     // used when no rule matches

  // Parses the JSON above. Throws std::invalid_argument naming the problem and where it is
  // ("routing rules: rules[2].keywords[0] is empty", "... is not valid JSON at offset 17: ...").
  static RoutingRules from_json(const std::string& json);
  std::string to_json() const;  // indented, UTF-8 unescaped

  // Reads/writes a rules file. load() throws std::runtime_error for an unreadable file and
  // std::invalid_argument (prefixed with the path) for bad content; save() writes to a
  // temporary file renamed into place and throws std::runtime_error on failure.
  static RoutingRules load(const std::string& path);
  void save(const std::string& path) const;

  // The shipped rules (same content as resources/chat/routing_rules.json), compiled in so that
  // routing works without any file.
  static RoutingRules defaults();
};

struct RouteDecision {
  std::string adapter;                        // the chosen adapter ("" = base model)
  std::vector<std::string> matched_keywords;  // keywords of the winning rule found in the question
  int rule_index = -1;                        // index into RoutingRules::rules; -1 = default
  // "matched 胸痛 → emergency (also matched: 头痛 → common)" or
  // "no rule matched → default common".
  std::string reason;
};

class AdapterRouter {
 public:
  // Throws std::invalid_argument for a rule without keywords or with an empty keyword.
  explicit AdapterRouter(RoutingRules rules);

  RouteDecision route(const std::string& question) const;
  const RoutingRules& rules() const { return rules_; }

 private:
  RoutingRules rules_;
  std::vector<size_t> keyword_rule_;         // flat keyword index -> rule index
  std::vector<std::string> flat_keywords_;  // every rule's keywords, rule by rule
  data::KeywordMatcher matcher_;             // over flat_keywords_
};

}  // namespace medlora::chat
