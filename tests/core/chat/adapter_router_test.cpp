#include "core/chat/adapter_router.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <stdexcept>

namespace medlora::chat {
namespace {

TEST(AdapterRouterTest, ChineseQuestionsGoToTheirRule) {
  const AdapterRouter router(RoutingRules::defaults());
  const RouteDecision headache = router.route("孩子头痛发烧两天了怎么办？");
  EXPECT_EQ(headache.adapter, "common");
  EXPECT_EQ(headache.rule_index, 2);
  EXPECT_EQ(headache.matched_keywords, (std::vector<std::string>{"头痛", "发烧"}));
  EXPECT_EQ(headache.reason, "matched 头痛, 发烧 → common");

  const RouteDecision chronic = router.route("糖尿病患者能吃水果吗");
  EXPECT_EQ(chronic.adapter, "chronic");
  EXPECT_EQ(chronic.matched_keywords, (std::vector<std::string>{"糖尿病"}));

  EXPECT_EQ(router.route("突然胸痛出冷汗").adapter, "emergency");
}

TEST(AdapterRouterTest, EnglishKeywordsAreCaseInsensitiveWholeWords) {
  const AdapterRouter router(RoutingRules::defaults());
  EXPECT_EQ(router.route("My father has HYPERTENSION, what should he eat?").adapter, "chronic");
  EXPECT_EQ(router.route("Sudden Chest Pain while running").adapter, "emergency");
  // "cough*" is a word prefix; "fever" must not match inside another word.
  EXPECT_EQ(router.route("coughing at night").adapter, "common");
  EXPECT_EQ(router.route("coughing at night").matched_keywords, (std::vector<std::string>{"cough*"}));
  const RouteDecision decision = router.route("Is feverfew tea safe?");
  EXPECT_EQ(decision.rule_index, -1);
  EXPECT_EQ(decision.adapter, "common");
  EXPECT_EQ(decision.reason, "no rule matched → default common");
}

TEST(AdapterRouterTest, EarlierRuleWinsAndTheOthersAreNamed) {
  const AdapterRouter router(RoutingRules::defaults());
  const RouteDecision decision = router.route("高血压病人今天头痛而且胸痛");
  EXPECT_EQ(decision.adapter, "emergency");
  EXPECT_EQ(decision.rule_index, 0);
  EXPECT_EQ(decision.matched_keywords, (std::vector<std::string>{"胸痛"}));
  EXPECT_EQ(decision.reason, "matched 胸痛 → emergency (also matched: 高血压 → chronic; 头痛 → common)");

  // Reordering the rules changes the winner: order is the documented priority.
  RoutingRules reversed = RoutingRules::defaults();
  std::reverse(reversed.rules.begin(), reversed.rules.end());
  EXPECT_EQ(AdapterRouter(reversed).route("高血压病人今天头痛而且胸痛").adapter, "common");
}

TEST(AdapterRouterTest, WildcardsAndBaseModelDefault) {
  RoutingRules rules = RoutingRules::from_json(
      R"({"default": "", "rules": [{"adapter": "chronic", "keywords": ["diabet*"]}]})");
  const AdapterRouter router(rules);
  EXPECT_EQ(router.route("Diabetics and fruit").adapter, "chronic");
  const RouteDecision decision = router.route("a sore knee");
  EXPECT_EQ(decision.adapter, "");
  EXPECT_EQ(decision.reason, "no rule matched → default base model");
}

TEST(AdapterRouterTest, JsonRoundTripAndFiles) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const std::string path = dir.filePath("rules.json").toStdString();
  const RoutingRules rules = RoutingRules::defaults();
  rules.save(path);
  const RoutingRules loaded = RoutingRules::load(path);
  EXPECT_EQ(loaded.to_json(), rules.to_json());
  EXPECT_EQ(loaded.default_adapter, "common");
  ASSERT_EQ(loaded.rules.size(), 3u);
  EXPECT_EQ(loaded.rules[0].keywords.front(), "胸痛");
}

TEST(AdapterRouterTest, ShippedFileEqualsCompiledDefaults) {
  const RoutingRules file = RoutingRules::load(MEDLORA_SOURCE_DIR "/resources/chat/routing_rules.json");
  EXPECT_EQ(file.to_json(), RoutingRules::defaults().to_json());
}

TEST(AdapterRouterTest, ParseErrorsNameTheProblem) {
  const auto message = [](const std::string& json) {
    try {
      RoutingRules::from_json(json);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{\"rules\": [").find("not valid JSON at offset"), std::string::npos);
  EXPECT_EQ(message("[]"), "routing rules: the top level must be a JSON object");
  EXPECT_EQ(message("{}"), "routing rules: \"rules\" is missing");
  EXPECT_EQ(message(R"({"rules": [{"adapter": "x", "keywords": []}]})"), "routing rules: rules[0] has no keywords");
  EXPECT_EQ(message(R"({"rules": [{"adapter": "x", "keywords": ["a", " "]}]})"),
            "routing rules: rules[0].keywords[1] is empty");
  EXPECT_EQ(message(R"({"rules": [{"adapter": 3, "keywords": ["a"]}]})"),
            "routing rules: rules[0].adapter must be a string");
  EXPECT_EQ(message(R"({"rules": [{"keywords": ["a"]}]})"), "routing rules: rules[0]: \"adapter\" is missing");
  EXPECT_THROW(RoutingRules::load("/nonexistent/rules.json"), std::runtime_error);
}

}  // namespace
}  // namespace medlora::chat
