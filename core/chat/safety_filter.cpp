#include "core/chat/safety_filter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include "core/chat/rules_file.h"
#include "core/chat/text_offsets.h"

namespace medlora::chat {

const char* default_safety_rules_json();  // safety_rules_default.cpp

namespace {

const char* const kWhat = "safety rules";

// A phrase as a regex with keyword_matcher.h's rules: a phrase that starts (ends) with an ASCII
// letter or digit only matches on a word boundary; "convulsion*" matches as a word prefix.
QString phrase_regex(const std::string& phrase) {
  std::string body = phrase;
  bool prefix = false;
  if (body.size() > 1 && body.back() == '*') {
    body.pop_back();
    prefix = true;
  }
  const auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  QString regex = QRegularExpression::escape(QString::fromStdString(body));
  if (is_word(body.front())) regex.prepend("(?<![A-Za-z0-9])");
  if (prefix) {
    regex.append("[A-Za-z0-9]*");
  } else if (is_word(body.back())) {
    regex.append("(?![A-Za-z0-9])");
  }
  return regex;
}

// One regex for a pattern's regex and phrases (longest phrase first, so that "chest pains" wins
// over "chest pain").
QString combined_regex(const std::string& regex, std::vector<std::string> phrases) {
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  QStringList parts;
  if (!regex.empty()) parts << "(?:" + QString::fromStdString(regex) + ")";
  for (const std::string& phrase : phrases) parts << phrase_regex(phrase);
  return parts.join('|');
}

QRegularExpression compile(const QString& source, const std::string& where) {
  QRegularExpression regex(source, QRegularExpression::CaseInsensitiveOption);
  if (!regex.isValid()) {
    throw std::invalid_argument(where + ": invalid regex: " + regex.errorString().toStdString() +
                                " at offset " + std::to_string(regex.patternErrorOffset()));
  }
  return regex;
}

std::optional<QRegularExpression> compile_optional(const std::string& source, const std::string& where) {
  if (source.empty()) return std::nullopt;
  return compile(QString::fromStdString(source), where);
}

std::string pattern_where(const char* list, size_t index, const std::string& id) {
  return std::string(kWhat) + ": " + list + "[" + std::to_string(index) + "]" +
         (id.empty() ? "" : " (id '" + id + "')");
}

void check_ids(const std::vector<SafetyPattern>& patterns, const char* list) {
  for (size_t i = 0; i < patterns.size(); ++i) {
    const std::string where = pattern_where(list, i, patterns[i].id);
    if (patterns[i].id.empty()) throw std::invalid_argument(where + " has no id");
    if (patterns[i].regex.empty() && patterns[i].phrases.empty()) {
      throw std::invalid_argument(where + " needs a regex or phrases");
    }
    for (const std::string& phrase : patterns[i].phrases) {
      if (phrase.empty() || phrase == "*") throw std::invalid_argument(where + " has an empty phrase");
    }
    for (size_t j = 0; j < i; ++j) {
      if (patterns[j].id == patterns[i].id) throw std::invalid_argument(where + ": the id is used twice");
    }
  }
}

std::vector<SafetyPattern> patterns_from_json(const QJsonObject& root, const char* list) {
  std::vector<SafetyPattern> patterns;
  const QJsonArray array = rules_file::array_member(root, list, kWhat, false);
  for (qsizetype i = 0; i < array.size(); ++i) {
    const std::string where = std::string(kWhat) + ": " + list + "[" + std::to_string(i) + "]";
    if (!array[i].isObject()) throw std::invalid_argument(where + " must be an object");
    const QJsonObject object = array[i].toObject();
    SafetyPattern pattern;
    pattern.id = rules_file::string_member(object, "id", where, true);
    pattern.category = rules_file::string_member(object, "category", where, false);
    pattern.description = rules_file::string_member(object, "description", where, false);
    pattern.regex = rules_file::string_member(object, "regex", where, false);
    pattern.phrases = rules_file::string_list_member(object, "phrases", where, false);
    pattern.requires_regex = rules_file::string_member(object, "requires", where, false);
    pattern.unless_regex = rules_file::string_member(object, "unless", where, false);
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

QJsonArray patterns_to_json(const std::vector<SafetyPattern>& patterns) {
  QJsonArray array;
  for (const SafetyPattern& pattern : patterns) {
    QJsonObject object;
    object["id"] = QString::fromStdString(pattern.id);
    if (!pattern.category.empty()) object["category"] = QString::fromStdString(pattern.category);
    if (!pattern.description.empty()) object["description"] = QString::fromStdString(pattern.description);
    if (!pattern.regex.empty()) object["regex"] = QString::fromStdString(pattern.regex);
    if (!pattern.phrases.empty()) object["phrases"] = rules_file::to_array(pattern.phrases);
    if (!pattern.requires_regex.empty()) object["requires"] = QString::fromStdString(pattern.requires_regex);
    if (!pattern.unless_regex.empty()) object["unless"] = QString::fromStdString(pattern.unless_regex);
    array.append(object);
  }
  return array;
}

LocalisedText localised_from_json(const QJsonObject& root, const char* key) {
  const QJsonValue value = root.value(QLatin1String(key));
  if (value.isUndefined() || value.isNull()) return {};
  const std::string where = std::string(kWhat) + ": " + key;
  if (!value.isObject()) throw std::invalid_argument(where + " must be an object {\"zh\": ..., \"en\": ...}");
  return {rules_file::string_member(value.toObject(), "zh", where, false),
          rules_file::string_member(value.toObject(), "en", where, false)};
}

QJsonObject localised_to_json(const LocalisedText& text) {
  QJsonObject object;
  object["zh"] = QString::fromStdString(text.zh);
  object["en"] = QString::fromStdString(text.en);
  return object;
}

// Sentence around [begin, end) of `text`: from after the previous sentence end to the next one.
QString sentence_around(const QString& text, qsizetype begin, qsizetype end) {
  const auto ends_sentence = [&](qsizetype i) {
    const QChar c = text[i];
    if (c == u'。' || c == u'！' || c == u'？' || c == u'；' || c == u'!' || c == u'?' || c == u';' ||
        c == u'\n') {
      return true;
    }
    return c == u'.' && (i + 1 == text.size() || text[i + 1].isSpace());
  };
  qsizetype from = begin;
  while (from > 0 && !ends_sentence(from - 1)) --from;
  qsizetype to = end;
  while (to < text.size() && !ends_sentence(to)) ++to;
  return text.mid(from, to - from);
}

SafetyFlag make_flag(SafetyFlagKind kind, const SafetyPattern& rule, const std::string& category,
                     const MappedText& text, qsizetype begin, qsizetype end) {
  SafetyFlag flag;
  flag.kind = kind;
  flag.rule_id = rule.id;
  flag.category = category;
  flag.description = rule.description;
  flag.offset = text.byte_offset(begin);
  flag.length = text.byte_offset(end) - flag.offset;
  flag.matched_text = text.source().substr(flag.offset, flag.length);
  return flag;
}

}  // namespace

// ---- rules ----

SafetyRules SafetyRules::from_json(const std::string& json) {
  const QJsonObject root = rules_file::parse_object(json, kWhat);
  SafetyRules rules;
  rules.dangerous_advice = patterns_from_json(root, "dangerous_advice");
  rules.emergency_symptoms = patterns_from_json(root, "emergency_symptoms");
  rules.emergency_advice = rules_file::string_list_member(root, "emergency_advice", kWhat, false);
  rules.emergency_notice = localised_from_json(root, "emergency_notice");
  rules.disclaimer = localised_from_json(root, "disclaimer");
  SafetyFilter check(rules);  // compiles every regex: a bad one fails here, with its place
  return rules;
}

std::string SafetyRules::to_json() const {
  QJsonObject root;
  root["version"] = 1;
  root["dangerous_advice"] = patterns_to_json(dangerous_advice);
  root["emergency_symptoms"] = patterns_to_json(emergency_symptoms);
  root["emergency_advice"] = rules_file::to_array(emergency_advice);
  root["emergency_notice"] = localised_to_json(emergency_notice);
  root["disclaimer"] = localised_to_json(disclaimer);
  return rules_file::to_text(root);
}

SafetyRules SafetyRules::load(const std::string& path) {
  const std::string bytes = rules_file::read(path);
  try {
    return from_json(bytes);
  } catch (const std::invalid_argument& error) {
    throw std::invalid_argument(path + ": " + error.what());
  }
}

void SafetyRules::save(const std::string& path) const { rules_file::write(path, to_json()); }

SafetyRules SafetyRules::defaults() { return from_json(default_safety_rules_json()); }

// ---- filter ----

struct SafetyFilter::Compiled {
  struct Pattern {
    const SafetyPattern* rule = nullptr;
    QRegularExpression match;
    std::optional<QRegularExpression> requires_match;
    std::optional<QRegularExpression> unless_match;
  };
  SafetyRules rules;
  std::vector<Pattern> dangerous;
  std::vector<Pattern> emergency;
  std::optional<QRegularExpression> advice;
};

SafetyFilter::SafetyFilter(SafetyRules rules) : compiled_(std::make_unique<Compiled>()) {
  check_ids(rules.dangerous_advice, "dangerous_advice");
  check_ids(rules.emergency_symptoms, "emergency_symptoms");
  compiled_->rules = std::move(rules);
  const SafetyRules& r = compiled_->rules;
  const auto compile_list = [](const std::vector<SafetyPattern>& list, const char* name,
                               std::vector<Compiled::Pattern>& out) {
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string where = pattern_where(name, i, list[i].id);
      out.push_back({&list[i], compile(combined_regex(list[i].regex, list[i].phrases), where),
                     compile_optional(list[i].requires_regex, where + " requires"),
                     compile_optional(list[i].unless_regex, where + " unless")});
    }
  };
  compile_list(r.dangerous_advice, "dangerous_advice", compiled_->dangerous);
  compile_list(r.emergency_symptoms, "emergency_symptoms", compiled_->emergency);
  for (const std::string& phrase : r.emergency_advice) {
    if (phrase.empty() || phrase == "*") {
      throw std::invalid_argument(std::string(kWhat) + ": emergency_advice has an empty phrase");
    }
  }
  if (!r.emergency_advice.empty()) {
    compiled_->advice = compile(combined_regex("", r.emergency_advice), std::string(kWhat) + ": emergency_advice");
  }
}

SafetyFilter::~SafetyFilter() = default;
SafetyFilter::SafetyFilter(SafetyFilter&&) noexcept = default;
SafetyFilter& SafetyFilter::operator=(SafetyFilter&&) noexcept = default;

const SafetyRules& SafetyFilter::rules() const { return compiled_->rules; }

SafetyReport SafetyFilter::check(const std::string& question, const std::string& answer) const {
  const MappedText q(question);
  const MappedText a(answer);
  SafetyReport report;
  report.language = contains_cjk(question) || (question.empty() && contains_cjk(answer)) ? "zh" : "en";
  report.disclaimer = compiled_->rules.disclaimer.in(report.language);

  for (const Compiled::Pattern& pattern : compiled_->dangerous) {
    if (pattern.requires_match && !pattern.requires_match->match(q.text()).hasMatch() &&
        !pattern.requires_match->match(a.text()).hasMatch()) {
      continue;
    }
    auto it = pattern.match.globalMatch(a.text());
    while (it.hasNext()) {
      const QRegularExpressionMatch m = it.next();
      if (m.capturedLength() == 0) continue;
      if (pattern.unless_match &&
          pattern.unless_match->match(sentence_around(a.text(), m.capturedStart(), m.capturedEnd())).hasMatch()) {
        continue;
      }
      const SafetyPattern& rule = *pattern.rule;
      report.flags.push_back(make_flag(SafetyFlagKind::DangerousAdvice, rule, rule.category, a,
                                       m.capturedStart(), m.capturedEnd()));
    }
  }
  std::stable_sort(report.flags.begin(), report.flags.end(),
                   [](const SafetyFlag& x, const SafetyFlag& y) { return x.offset < y.offset; });

  std::vector<SafetyFlag> symptoms;
  for (const Compiled::Pattern& pattern : compiled_->emergency) {
    const QRegularExpressionMatch m = pattern.match.match(q.text());  // first occurrence per symptom
    if (!m.hasMatch() || m.capturedLength() == 0) continue;
    const SafetyPattern& rule = *pattern.rule;
    symptoms.push_back(make_flag(SafetyFlagKind::EmergencyQuestion, rule,
                                 rule.category.empty() ? "emergency" : rule.category, q, m.capturedStart(),
                                 m.capturedEnd()));
  }
  std::stable_sort(symptoms.begin(), symptoms.end(),
                   [](const SafetyFlag& x, const SafetyFlag& y) { return x.offset < y.offset; });
  report.flags.insert(report.flags.end(), symptoms.begin(), symptoms.end());
  if (!symptoms.empty()) {
    report.emergency_notice = compiled_->rules.emergency_notice.in(report.language);
    if (report.emergency_notice.empty()) report.emergency_notice = compiled_->rules.emergency_notice.en;
    const bool advised = compiled_->advice && compiled_->advice->match(a.text()).hasMatch();
    if (!answer.empty() && !advised) {
      SafetyFlag missing = symptoms.front();
      missing.kind = SafetyFlagKind::MissingEmergencyAdvice;
      missing.description = "the question describes an emergency symptom (" + missing.description +
                            ") but the answer does not advise seeking care now";
      report.flags.push_back(std::move(missing));
    }
  }
  return report;
}

}  // namespace medlora::chat
