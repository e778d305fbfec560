#include "core/chat/safety_filter.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <stdexcept>

namespace medlora::chat {
namespace {

std::vector<std::string> rule_ids(const SafetyReport& report, SafetyFlagKind kind) {
  std::vector<std::string> ids;
  for (const SafetyFlag& flag : report.flags) {
    if (flag.kind == kind) ids.push_back(flag.rule_id);
  }
  return ids;
}

class SafetyFilterTest : public ::testing::Test {
 protected:
  SafetyFilter filter_{SafetyRules::defaults()};
};

TEST_F(SafetyFilterTest, AntibioticsForACommonCold) {
  const std::string answer = "感冒了可以吃阿莫西林，一天三次。";
  const SafetyReport zh = filter_.check("感冒流鼻涕怎么办？", answer);
  ASSERT_EQ(rule_ids(zh, SafetyFlagKind::DangerousAdvice), (std::vector<std::string>{"antibiotics-for-cold"}));
  const SafetyFlag& flag = zh.flags.front();
  EXPECT_EQ(flag.matched_text, "阿莫西林");
  EXPECT_EQ(answer.substr(flag.offset, flag.length), "阿莫西林");
  EXPECT_EQ(flag.category, "antibiotics");
  EXPECT_EQ(zh.language, "zh");

  const SafetyReport en = filter_.check("I have a cold", "Take amoxicillin 500 mg three times a day.");
  EXPECT_EQ(rule_ids(en, SafetyFlagKind::DangerousAdvice), (std::vector<std::string>{"antibiotics-for-cold"}));
  EXPECT_EQ(en.flags.front().matched_text, "amoxicillin");
  EXPECT_EQ(en.language, "en");
}

TEST_F(SafetyFilterTest, BenignAnswersAreNotFlagged) {
  EXPECT_TRUE(filter_.check("感冒了要吃抗生素吗？", "普通感冒多由病毒引起，一般不需要使用抗生素。多喝水、注意休息即可。")
                  .flags.empty());
  EXPECT_TRUE(filter_.check("Should I take antibiotics for a cold?",
                            "No. Colds are caused by viruses, and antibiotics do not help against them.")
                  .flags.empty());
  EXPECT_TRUE(filter_.check("高血压的药能停吗？", "请不要自行停药，调整用药需要在医生指导下进行。").flags.empty());
  EXPECT_TRUE(filter_.check("How much paracetamol can I take?",
                            "Adults should not take more than 4 g (4000 mg) of paracetamol in 24 hours.")
                  .flags.empty());
  // Antibiotics for a bacterial infection, with no cold in sight, are not this rule's business.
  EXPECT_TRUE(filter_.check("尿路感染怎么治疗？", "医生通常会开抗生素，例如头孢类药物。").flags.empty());
}

TEST_F(SafetyFilterTest, StoppingMedicationGuaranteesAndDoses) {
  EXPECT_EQ(rule_ids(filter_.check("血压正常了还吃药吗", "血压正常后就可以自行停药了。"), SafetyFlagKind::DangerousAdvice),
            (std::vector<std::string>{"stop-prescribed-medication"}));
  EXPECT_EQ(rule_ids(filter_.check("My sugar is fine now", "You can stop taking your insulin."),
                     SafetyFlagKind::DangerousAdvice),
            (std::vector<std::string>{"stop-prescribed-medication"}));
  EXPECT_EQ(rule_ids(filter_.check("这个病能治好吗", "我们的疗法保证治愈，绝对没有副作用。"), SafetyFlagKind::DangerousAdvice),
            (std::vector<std::string>{"absolute-guarantee", "absolute-guarantee"}));
  EXPECT_EQ(rule_ids(filter_.check("Will it work?", "This herbal tea is a 100% cure for diabetes."),
                     SafetyFlagKind::DangerousAdvice),
            (std::vector<std::string>{"absolute-guarantee"}));
  const SafetyReport dose = filter_.check("发烧吃什么药", "可以服用对乙酰氨基酚，每天6克。");
  EXPECT_EQ(rule_ids(dose, SafetyFlagKind::DangerousAdvice), (std::vector<std::string>{"paracetamol-overdose"}));
  EXPECT_EQ(rule_ids(filter_.check("fever", "Take acetaminophen 6000 mg a day."), SafetyFlagKind::DangerousAdvice),
            (std::vector<std::string>{"paracetamol-overdose"}));
  // "绝对" alone is no guarantee: "绝对不要自行停药" is good advice.
  EXPECT_TRUE(filter_.check("药能停吗", "绝对不要自行停药。").flags.empty());
}

TEST_F(SafetyFilterTest, EmergencyQuestionNeedsAdviceToSeekCare) {
  const std::string question = "我爸爸突然胸痛，出冷汗";
  const SafetyReport bad = filter_.check(question, "可能是肌肉拉伤，休息一下就好。");
  EXPECT_TRUE(bad.emergency());
  EXPECT_NE(bad.emergency_notice.find("120"), std::string::npos);
  EXPECT_EQ(rule_ids(bad, SafetyFlagKind::EmergencyQuestion), (std::vector<std::string>{"chest-pain"}));
  ASSERT_TRUE(bad.has(SafetyFlagKind::MissingEmergencyAdvice));
  const SafetyFlag& symptom = bad.flags.front();
  EXPECT_EQ(question.substr(symptom.offset, symptom.length), "胸痛");

  const SafetyReport good = filter_.check(question, "这可能是心肌梗死，请立即拨打120或去最近的急诊。");
  EXPECT_TRUE(good.emergency());
  EXPECT_FALSE(good.has(SafetyFlagKind::MissingEmergencyAdvice));

  const SafetyReport en = filter_.check("My friend is unconscious and has difficulty breathing",
                                        "Call 911 now and check his airway.");
  EXPECT_EQ(rule_ids(en, SafetyFlagKind::EmergencyQuestion),
            (std::vector<std::string>{"unconscious", "breathing-difficulty"}));
  EXPECT_FALSE(en.has(SafetyFlagKind::MissingEmergencyAdvice));
  EXPECT_EQ(en.emergency_notice, SafetyRules::defaults().emergency_notice.en);

  // Before the answer exists only the question is checked.
  const SafetyReport question_only = filter_.check(question, "");
  EXPECT_TRUE(question_only.emergency());
  EXPECT_FALSE(question_only.has(SafetyFlagKind::MissingEmergencyAdvice));
}

TEST_F(SafetyFilterTest, OrdinaryQuestionGetsOnlyTheDisclaimer) {
  const SafetyReport report = filter_.check("What is a healthy diet for high blood pressure?",
                                            "Eat less salt, more vegetables and whole grains, and exercise regularly.");
  EXPECT_TRUE(report.flags.empty());
  EXPECT_FALSE(report.emergency());
  EXPECT_EQ(report.disclaimer, SafetyRules::defaults().disclaimer.en);
  EXPECT_EQ(filter_.check("高血压饮食", "少盐").disclaimer, SafetyRules::defaults().disclaimer.zh);
}

TEST_F(SafetyFilterTest, ReportJsonRoundTrip) {
  const SafetyReport report = filter_.check("突然胸痛", "感冒了吃阿莫西林，保证治愈。");
  ASSERT_GE(report.flags.size(), 3u);
  const SafetyReport back = SafetyReport::from_json(report.to_json());
  EXPECT_EQ(back.flags, report.flags);
  EXPECT_EQ(back.language, report.language);
  EXPECT_EQ(back.emergency_notice, report.emergency_notice);
  EXPECT_EQ(back.disclaimer, report.disclaimer);
  EXPECT_EQ(safety_flags_from_json(safety_flags_to_json(report.flags)), report.flags);
  EXPECT_EQ(safety_flags_from_json("[]"), std::vector<SafetyFlag>{});
  EXPECT_THROW(safety_flags_from_json("{}"), std::invalid_argument);
  EXPECT_THROW(safety_flags_from_json(R"([{"kind": "odd"}])"), std::invalid_argument);
}

TEST_F(SafetyFilterTest, UserRulesFilesAndErrors) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const std::string path = dir.filePath("safety.json").toStdString();
  SafetyRules rules = SafetyRules::defaults();
  rules.dangerous_advice.push_back({"no-sleep", "lifestyle", "Advises not to sleep", "", {"never sleep"}, "", ""});
  rules.save(path);
  const SafetyFilter filter(SafetyRules::load(path));
  EXPECT_EQ(rule_ids(filter.check("tired", "You should NEVER SLEEP before exams."), SafetyFlagKind::DangerousAdvice),
            (std::vector<std::string>{"no-sleep"}));

  const auto message = [](const std::string& json) {
    try {
      SafetyRules::from_json(json);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message(R"({"dangerous_advice": [{"id": "x", "regex": "(unclosed"}]})")
                .find("safety rules: dangerous_advice[0] (id 'x'): invalid regex"),
            std::string::npos);
  EXPECT_EQ(message(R"({"dangerous_advice": [{"id": "x"}]})"),
            "safety rules: dangerous_advice[0] (id 'x') needs a regex or phrases");
  EXPECT_EQ(message(R"({"emergency_symptoms": [{"phrases": ["a"]}]})"),
            "safety rules: emergency_symptoms[0]: \"id\" is missing");
  EXPECT_EQ(message(R"({"dangerous_advice": [{"id": "x", "phrases": ["a"]}, {"id": "x", "phrases": ["b"]}]})"),
            "safety rules: dangerous_advice[1] (id 'x'): the id is used twice");
  EXPECT_EQ(message(R"({"disclaimer": "text"})"),
            "safety rules: disclaimer must be an object {\"zh\": ..., \"en\": ...}");
}

TEST_F(SafetyFilterTest, ShippedFileEqualsCompiledDefaults) {
  const SafetyRules file = SafetyRules::load(MEDLORA_SOURCE_DIR "/resources/chat/safety_rules.json");
  EXPECT_EQ(file.to_json(), SafetyRules::defaults().to_json());
  EXPECT_GE(file.dangerous_advice.size(), 5u);
}

TEST_F(SafetyFilterTest, OffsetsStayValidOnInvalidUtf8AndAstralCharacters) {
  const std::string answer = "\xff 😀 感冒吃头孢";
  const SafetyReport report = filter_.check("感冒", answer);
  ASSERT_EQ(report.flags.size(), 1u);
  EXPECT_EQ(answer.substr(report.flags[0].offset, report.flags[0].length), "头孢");
}

}  // namespace
}  // namespace medlora::chat
