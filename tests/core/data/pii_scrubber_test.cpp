#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/data/pii_scanners.h"
#include "core/data/pii_scrubber.h"

namespace medlora::data {
namespace {

// GB 11643 check character computed independently of the code under test.
std::string with_check(const std::string& seventeen) {
  const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (seventeen[static_cast<size_t>(i)] - '0') * weights[i];
  return seventeen + "10X98765432"[sum % 11];
}

std::string wrong_check(const std::string& seventeen) {
  std::string id = with_check(seventeen);
  id[17] = id[17] == '0' ? '1' : '0';
  return id;
}

std::string masked(const std::string& text, const PiiRules& rules = {}) {
  RecordText r;
  r.instruction = "q";
  r.output = text;
  const auto result = plan_scrub({r}, rules);
  return result.changed.empty() ? text : result.changed[0].after.output;
}

TEST(ChineseIdTest, ChecksumDateAndRegionAreValidated) {
  EXPECT_TRUE(is_valid_chinese_id("11010519491231002X"));  // the standard's published example
  EXPECT_TRUE(is_valid_chinese_id("11010519491231002x"));
  EXPECT_FALSE(is_valid_chinese_id("110105194912310021"));  // checksum wrong
  EXPECT_TRUE(is_valid_chinese_id(with_check("44030419850312123")));
  EXPECT_FALSE(is_valid_chinese_id(wrong_check("44030419850312123")));
  EXPECT_FALSE(is_valid_chinese_id(with_check("44030419850230123")));  // 30 February
  EXPECT_FALSE(is_valid_chinese_id(with_check("44030418850312123")));  // born 1885
  EXPECT_FALSE(is_valid_chinese_id(with_check("44030421990312123")));  // born 2199
  EXPECT_FALSE(is_valid_chinese_id(with_check("04030419850312123")));  // region 0
  EXPECT_FALSE(is_valid_chinese_id("1101051949123100"));
}

TEST(PiiScrubTest, ValidIdsAreMaskedAndInvalidChecksumsAreNot) {
  const std::string valid = with_check("32010219900101234");
  const std::string invalid = wrong_check("32010219900101234");
  EXPECT_EQ(masked("身份证号：" + valid + "，已登记"), "身份证号：[CN_ID]，已登记");
  EXPECT_EQ(masked("身份证号：" + invalid + "，已登记"), "身份证号：" + invalid + "，已登记");
  EXPECT_EQ(masked("ID " + valid.substr(0, 6) + " " + valid.substr(6, 8) + " " + valid.substr(14)), "ID [CN_ID]");
  EXPECT_EQ(masked("x" + valid), "x" + valid);  // glued to a word: part of some other code
}

TEST(PiiScrubTest, PhonesCnAndInternational) {
  EXPECT_EQ(masked("请拨打13812345678联系"), "请拨打[PHONE]联系");
  EXPECT_EQ(masked("电话 +86 138-1234-5678。"), "电话 [PHONE]。");
  EXPECT_EQ(masked("tel 0086 139 1234 5678"), "tel [PHONE]");
  EXPECT_EQ(masked("座机010-12345678，或(0755)1234567"), "座机[PHONE]，或[PHONE]");
  EXPECT_EQ(masked("Call +1 (555) 123-4567 today"), "Call [PHONE] today");
  EXPECT_EQ(masked("London +44 (0)20 7946 0958."), "London [PHONE].");
  EXPECT_EQ(masked("+33.1.23.45.67.89"), "[PHONE]");
}

TEST(PiiScrubTest, OrdinaryNumbersStayUntouched) {
  const std::string texts[] = {
      "Take 500 mg twice a day for 14 days.",
      "Blood pressure 140/90 mmHg, HbA1c 7.5%, LDL 2.6 mmol/L.",
      "In 1985 and 2019 the trials enrolled 12345678 patients.",  // 8 digits, no area code
      "Order 138123456789 arrived",                              // 12 digits: not a mobile
      "0.13812345678 is a ratio",
      "Call 1-800-555-0199 for the national helpline.",          // no '+': not masked by design
      "+5 points on the scale, +10 mg",
      "Genotype 2 and 11 of 12 samples; ICD-10 code E11.9",
      "123456789012345678 is an accession number",               // 18 digits, invalid as an ID
  };
  for (const auto& text : texts) EXPECT_EQ(masked(text), text) << text;
}

TEST(PiiScrubTest, EmailsAreMasked) {
  EXPECT_EQ(masked("Write to john.doe+clinic@example-hospital.org.cn, or zhang_san@163.com."),
            "Write to [EMAIL], or [EMAIL].");
  EXPECT_EQ(masked("user@localhost and @handle and a@b.c"), "user@localhost and @handle and a@b.c");
}

TEST(PiiScrubTest, BirthDatesOnlyAfterACue) {
  EXPECT_EQ(masked("出生日期：1985-03-12，就诊日期：2023-05-01"), "出生日期：[DOB]，就诊日期：2023-05-01");
  EXPECT_EQ(masked("患者生日为1985年3月12日。"), "患者生日为[DOB]。");
  EXPECT_EQ(masked("DOB: 12/03/1985"), "DOB: [DOB]");
  EXPECT_EQ(masked("Date of birth is March 12, 1985."), "Date of birth is [DOB].");
  EXPECT_EQ(masked("She was born on 12 March 1985 in Leeds."), "She was born on [DOB] in Leeds.");
  EXPECT_EQ(masked("出生年月：1985年3月"), "出生年月：[DOB]");
  EXPECT_EQ(masked("Seen on 1985-03-12 for a checkup."), "Seen on 1985-03-12 for a checkup.");
  EXPECT_EQ(masked("Born 1985-02-30"), "Born 1985-02-30");  // not a real date
  EXPECT_EQ(masked("newborn 2020-01-01"), "newborn 2020-01-01");  // "born" inside a word is no cue
}

TEST(PiiScrubTest, RecordNumbersByConfigurablePatterns) {
  EXPECT_EQ(masked("住院号：ZY2023-0001，病历号 A12345"), "住院号：[MRN]，病历号 [MRN]");
  EXPECT_EQ(masked("MRN 00123456"), "MRN [MRN]");
  PiiRules rules;
  rules.record_number_patterns = {R"(PT-\d{6})"};  // no group: the whole match is masked
  EXPECT_EQ(masked("patient PT-123456 seen; 住院号：ZY2023-0001", rules), "patient [MRN] seen; 住院号：ZY2023-0001");
  rules.record_number_patterns = {"(unclosed"};
  EXPECT_THROW(plan_scrub({RecordText{}}, rules), std::invalid_argument);
}

TEST(PiiScrubTest, RecordNumberWinsOverAPhoneAtTheSamePlace) {
  EXPECT_EQ(masked("门诊号：13812345678"), "门诊号：[MRN]");
}

TEST(PiiScrubTest, KindsCanBeSwitchedOff) {
  PiiRules rules;
  rules.phones = false;
  rules.emails = false;
  EXPECT_EQ(masked("13812345678 a@example.com", rules), "13812345678 a@example.com");
}

TEST(PiiScrubTest, PlanReportsEveryMatchWithFieldOffsetAndCounts) {
  const std::string id = with_check("11010119800101001");
  RecordText a;
  a.instruction = "我的电话是13812345678";
  a.input = "身份证 " + id;
  a.output = "请发邮件到 doc@example.com";
  RecordText b;
  b.instruction = "无隐私信息";
  b.output = "多喝水";
  const ScrubResult result = plan_scrub({a, b}, PiiRules{});
  ASSERT_EQ(result.matches.size(), 3u);
  EXPECT_EQ(result.matches[0].field, "instruction");
  EXPECT_EQ(result.matches[0].kind, PiiKind::Phone);
  EXPECT_EQ(result.matches[0].offset, std::string("我的电话是").size());
  EXPECT_EQ(result.matches[0].length, 11u);
  EXPECT_EQ(result.matches[0].replacement, "[PHONE]");
  EXPECT_EQ(result.matches[1].field, "input");
  EXPECT_EQ(result.matches[1].kind, PiiKind::ChineseId);
  EXPECT_EQ(result.matches[2].field, "output");
  EXPECT_EQ(result.matches[2].kind, PiiKind::Email);
  ASSERT_EQ(result.changed.size(), 1u);
  EXPECT_EQ(result.changed[0].index, 0u);
  EXPECT_EQ(result.changed[0].after.instruction, "我的电话是[PHONE]");
  EXPECT_EQ(result.changed[0].after.input, "身份证 [CN_ID]");
  EXPECT_EQ(result.changed[0].rules, (std::vector<std::string>{"phone", "cn_id", "email"}));
  EXPECT_EQ(result.counts_per_kind.at("phone"), 1);
  EXPECT_EQ(result.counts_per_kind.at("cn_id"), 1);
  EXPECT_EQ(result.counts_per_kind.at("email"), 1);
  EXPECT_EQ(result.counts_per_kind.at("birth_date"), 0);
  EXPECT_EQ(result.counts_per_kind.at("record_number"), 0);
}

TEST(PiiScrubTest, RecordNumberOffsetsAreUtf8Bytes) {
  const auto matches = find_pii("诊断：肺炎。住院号：AB12345", PiiRules{});
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].kind, PiiKind::RecordNumber);
  EXPECT_EQ(matches[0].offset, std::string("诊断：肺炎。住院号：").size());
  EXPECT_EQ(matches[0].length, 7u);
}

TEST(PiiScrubTest, LargeInputIsFast) {
  RecordText r;
  r.instruction = "What is diabetes?";
  for (int i = 0; i < 20; ++i) r.output += "Diabetes affects 34.2 million people; take 500 mg metformin twice daily. ";
  const std::vector<RecordText> records(5000, r);
  const auto start = std::chrono::steady_clock::now();
  const auto result = plan_scrub(records, PiiRules{});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(result.matches.empty());
  EXPECT_LT(seconds, 3.0);  // ~7 MB of text
}

TEST(DateMatchTest, CommonFormats) {
  EXPECT_EQ(match_date("1985-03-12 x", 0), 10u);
  EXPECT_EQ(match_date("1985/3/12", 0), 9u);
  EXPECT_EQ(match_date("19850312", 0), 8u);
  EXPECT_EQ(match_date("12.03.1985", 0), 10u);
  EXPECT_EQ(match_date("Sept 3rd, 1985", 0), 14u);
  EXPECT_EQ(match_date("1985-13-12", 0), 0u);
  EXPECT_EQ(match_date("31/31/1985", 0), 0u);
  EXPECT_EQ(match_date("1985", 0), 0u);
}

}  // namespace
}  // namespace medlora::data
