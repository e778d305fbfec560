#pragma once
// Flags (never rewrites) unsafe model answers before they are shown, from rules the user edits:
//  - dangerous advice in the ANSWER: antibiotics for a common cold, stopping prescribed
//    medication, absolute guarantees (绝对治愈, 100% cure), doses beyond the maximum, ...;
//  - emergency symptoms in the QUESTION (胸痛, 昏迷, chest pain, ...): the report then carries an
//    emergency notice, and an answer that gives no advice to seek care now is flagged too;
//  - a disclaimer (zh/en) shown under every answer.
// The UI shows the flags next to the answer; flags are stored with the transcript as JSON.
//
// RULES FILE (JSON, UTF-8; the shipped one is resources/chat/safety_rules.json):
// {"version": 1,
//  "dangerous_advice": [
//    {"id": "antibiotics-for-cold", "category": "antibiotics", "description": "...",
//     "regex": "抗生素|antibiotic",         // ECMAScript-like PCRE, case-insensitive, on the answer
//     "phrases": ["阿莫西林"],               // and/or plain phrases (keyword_matcher.h rules)
//     "requires": "感冒|common cold",       // optional: must also match question or answer
//     "unless": "不需要|not needed"}],       // optional: a match whose sentence matches this is
//                                            //   not flagged ("感冒一般不需要抗生素" is benign)
//  "emergency_symptoms": [{"id": "chest-pain", "description": "...",
//                          "phrases": ["胸痛", "chest pain"], "regex": "..."}],
//  "emergency_advice": ["立即就医", "120", "call 911", ...],  // phrases that count as advising
//                                                              // to seek care now
//  "emergency_notice": {"zh": "...", "en": "..."},
//  "disclaimer": {"zh": "...", "en": "..."}}
// Each pattern needs an id (unique within its list) and at least one of regex/phrases.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace medlora::chat {

struct SafetyPattern {
  std::string id;
  std::string category;  // free text: "antibiotics", "medication-stop", "guarantee", "dose", ...
  std::string description;
  std::string regex;                 // may be empty when phrases are given
  std::vector<std::string> phrases;  // may be empty when regex is given
  std::string requires_regex;        // optional context condition (question or answer)
  std::string unless_regex;          // optional negation, checked on the match's sentence
};

struct LocalisedText {
  std::string zh;
  std::string en;
  const std::string& in(const std::string& language) const { return language == "zh" ? zh : en; }
};

struct SafetyRules {
  std::vector<SafetyPattern> dangerous_advice;
  std::vector<SafetyPattern> emergency_symptoms;  // category/requires/unless unused
  std::vector<std::string> emergency_advice;      // phrases
  LocalisedText emergency_notice;
  LocalisedText disclaimer;

  // Throws std::invalid_argument naming the problem ("safety rules: dangerous_advice[3]
  // (id 'dose-paracetamol'): invalid regex: missing ) at offset 12").
  static SafetyRules from_json(const std::string& json);
  std::string to_json() const;
  // As RoutingRules::load/save.
  static SafetyRules load(const std::string& path);
  void save(const std::string& path) const;
  // The shipped rules (same content as resources/chat/safety_rules.json), compiled in.
  static SafetyRules defaults();
};

enum class SafetyFlagKind {
  DangerousAdvice,         // offsets are in the answer
  EmergencyQuestion,       // offsets are in the question
  MissingEmergencyAdvice,  // emergency question, no emergency advice in the answer; offsets
                           // are those of the emergency symptom in the question
};
// "dangerous_advice", "emergency_question", "missing_emergency_advice".
const char* safety_flag_kind_name(SafetyFlagKind kind);
// Throws std::invalid_argument for another word.
SafetyFlagKind parse_safety_flag_kind(const std::string& name);

struct SafetyFlag {
  SafetyFlagKind kind = SafetyFlagKind::DangerousAdvice;
  std::string rule_id;
  std::string category;
  std::string description;
  std::string matched_text;
  size_t offset = 0;  // bytes (UTF-8) into the question or the answer, see SafetyFlagKind
  size_t length = 0;  // bytes
  bool operator==(const SafetyFlag&) const = default;
};

struct SafetyReport {
  std::vector<SafetyFlag> flags;  // dangerous advice in answer order, then question flags
  std::string language;           // "zh" when the question (or answer) contains CJK, else "en"
  std::string emergency_notice;   // non-empty when the question has emergency symptoms
  std::string disclaimer;         // always set (in `language`)

  bool emergency() const { return !emergency_notice.empty(); }
  bool has(SafetyFlagKind kind) const;

  // {"flags":[{"kind","rule_id","category","description","matched_text","offset","length"}],
  //  "language","emergency_notice","disclaimer"}
  std::string to_json() const;
  // Throws std::invalid_argument for malformed JSON.
  static SafetyReport from_json(const std::string& json);
};

// Just the flags, as a JSON array (what test-set answers store).
std::string safety_flags_to_json(const std::vector<SafetyFlag>& flags);
std::vector<SafetyFlag> safety_flags_from_json(const std::string& json);

class SafetyFilter {
 public:
  // Compiles the rules; throws std::invalid_argument like SafetyRules::from_json for a pattern
  // without id, without regex and phrases, or with an invalid regex.
  explicit SafetyFilter(SafetyRules rules);
  ~SafetyFilter();
  SafetyFilter(SafetyFilter&&) noexcept;
  SafetyFilter& operator=(SafetyFilter&&) noexcept;

  // Checks an answer to a question. `answer` may be empty (then only the question is checked:
  // emergency_question flags and the notice, no missing_emergency_advice).
  SafetyReport check(const std::string& question, const std::string& answer) const;

  const SafetyRules& rules() const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace medlora::chat
