#include "core/tokenizer/prompt_template.h"

#include <gtest/gtest.h>

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

const std::string kClinicInstruction = "你是一位经验丰富的临床医生,请根据患者描述提供专业建议";

TEST(PromptTemplate, ClinicIsExactlyTheAgreedText) {
  const auto& clinic = find_template("clinic");
  EXPECT_EQ(clinic.name, "clinic");
  EXPECT_EQ(clinic.prompt_format, "{instruction}\n\n患者描述:{input}\n\n医生建议:");
  EXPECT_EQ(clinic.default_instruction, kClinicInstruction);
  EXPECT_EQ(clinic.render_prompt("头痛三天"), kClinicInstruction + "\n\n患者描述:头痛三天\n\n医生建议:");
  EXPECT_EQ(clinic.render_full("头痛三天", "建议休息。"),
            kClinicInstruction + "\n\n患者描述:头痛三天\n\n医生建议:建议休息。");
  EXPECT_EQ(clinic.render_prompt("头痛", "请简短回答"), "请简短回答\n\n患者描述:头痛\n\n医生建议:");
  EXPECT_EQ(default_template_name(), "clinic");
}

TEST(PromptTemplate, ClinicEnglishTwin) {
  const auto& english = find_template("clinic-en");
  const std::string instruction =
      "You are an experienced clinician. Give professional advice based on the patient's description.";
  EXPECT_EQ(english.default_instruction, instruction);
  EXPECT_EQ(english.render_full("Headache for 3 days.", " Rest."),
            instruction + "\n\nPatient description: Headache for 3 days.\n\nDoctor's advice: Rest.");
}

TEST(PromptTemplate, RawIsTheInputAlone) {
  const auto& raw = find_template("raw");
  EXPECT_EQ(raw.render_prompt("just text"), "just text");
  EXPECT_EQ(raw.render_full("just text", " more"), "just text more");
  EXPECT_THROW(raw.render_prompt("text", "an instruction it cannot hold"), TokenizerError);
}

TEST(PromptTemplate, PlaceholdersInTheInputStayLiteral) {
  const auto& clinic = find_template("clinic");
  const auto prompt = clinic.render_prompt("{instruction} and {input}", "I");
  EXPECT_EQ(prompt, "I\n\n患者描述:{instruction} and {input}\n\n医生建议:");
}

TEST(PromptTemplate, ListsAndFindsTemplates) {
  EXPECT_EQ(template_names(), (std::vector<std::string>{"clinic", "clinic-en", "raw"}));
  try {
    find_template("alpaca");
    FAIL() << "expected an error";
  } catch (const TokenizerError& e) {
    const std::string message = e.what();
    for (const auto& name : {"alpaca", "clinic", "clinic-en", "raw"}) {
      EXPECT_NE(message.find(name), std::string::npos) << message;
    }
  }
}

TEST(PromptTemplate, CustomTemplates) {
  const auto custom = make_custom_template("### {instruction}\nQ: {input}\nA:");
  EXPECT_EQ(custom.render_prompt("fever?", "Answer briefly"), "### Answer briefly\nQ: fever?\nA:");
  const auto with_output = make_custom_template("Q: {input} {not a placeholder} A:{output}");
  EXPECT_EQ(with_output.prompt_format, "Q: {input} {not a placeholder} A:");
  EXPECT_EQ(with_output.render_full("x", "y"), "Q: x {not a placeholder} A:y");
  EXPECT_THROW(make_custom_template("no input here"), TokenizerError);
  EXPECT_THROW(make_custom_template("{input} {input}"), TokenizerError);
  EXPECT_THROW(make_custom_template("{question} {input}"), TokenizerError);
  EXPECT_THROW(make_custom_template("{output} {input}"), TokenizerError);
  try {
    make_custom_template("Question: {query}");
    FAIL() << "expected an error";
  } catch (const TokenizerError& e) {
    EXPECT_NE(std::string(e.what()).find("{query}"), std::string::npos) << e.what();
  }
}

TEST(PromptTemplate, RendersConversations) {
  const auto& clinic = find_template("clinic");
  const auto text = render_conversation(clinic, {{"头痛", "多休息。"}, {"还发热", "测体温。"}}, "吃什么药?");
  EXPECT_EQ(text, clinic.render_full("头痛", "多休息。") + "\n\n" + clinic.render_full("还发热", "测体温。") +
                      "\n\n" + clinic.render_prompt("吃什么药?"));
  EXPECT_EQ(render_conversation(find_template("raw"), {}, "hi"), "hi");
  EXPECT_EQ(render_conversation(find_template("raw"), {{"a", "b"}}, "c"), "ab\n\nc");
}

}  // namespace
}  // namespace medlora::tokenizer
