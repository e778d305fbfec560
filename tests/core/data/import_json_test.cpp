#include <gtest/gtest.h>

#include <string>

#include "core/data/dataset_importer.h"
#include "import_test_files.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace medlora::data;
using medlora::testing::ends_with;
using medlora::testing::import_one;
using medlora::testing::kept_with_one_error;
using medlora::testing::TempDir;
using medlora::testing::write_test_file;

TEST(ImportJson, JsonlBrokenLineIsReportedAndTheRestImported) {
  TempDir dir;
  const auto file = write_test_file(dir / "qa.jsonl",
                                    "{\"input\": \"胸闷气短\", \"output\": \"请到心内科就诊\", \"category\": \"内科\"}\n"
                                    "{\"question\": \"What is asthma?\", \"answer\": \"A chronic airway disease.\"}\n"
                                    "{\"input\": \"broken\", \"output\": \n"
                                    "\n"
                                    "{\"input\": \"last\", \"output\": \"kept\", \"lang\": \"en\"}\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(kept_with_one_error(result, 3, "qa.jsonl:3"));
  EXPECT_NE(result.errors[0].why.find("bad JSON"), std::string::npos) << result.errors[0].why;
  EXPECT_EQ(result.skipped, 1);

  EXPECT_EQ(result.records[0].input, "胸闷气短");
  EXPECT_EQ(result.records[0].category, "内科");
  EXPECT_EQ(result.records[1].input, "What is asthma?");
  EXPECT_EQ(result.records[1].output, "A chronic airway disease.");
  EXPECT_EQ(result.records[2].metadata.at("line"), "5");
  EXPECT_EQ(result.records[2].metadata.at("lang"), "en");
  EXPECT_EQ(result.records[2].metadata.at("source_file"), file.string());
}

TEST(ImportJson, RecordsWithoutOutputAreErrorsNamingTheReason) {
  TempDir dir;
  const auto file = write_test_file(dir / "x.jsonl",
                                    "{\"input\": \"a\"}\n"
                                    "{\"input\": \"b\", \"output\": \"  \"}\n"
                                    "[1, 2]\n"
                                    "{\"input\": \"c\", \"output\": \"d\"}\n");
  const ImportResult result = import_one(file);
  ASSERT_EQ(result.records.size(), 1u);
  ASSERT_EQ(result.errors.size(), 3u);
  EXPECT_TRUE(ends_with(result.errors[0].where, "x.jsonl:1"));
  EXPECT_NE(result.errors[0].why.find("no output field"), std::string::npos) << result.errors[0].why;
  EXPECT_EQ(result.errors[1].why, "empty output");
  EXPECT_NE(result.errors[2].why.find("expected a JSON object"), std::string::npos);
}

TEST(ImportJson, AlpacaArrayKeepsInstructionInputOutput) {
  TempDir dir;
  const auto file = write_test_file(dir / "alpaca.json", R"([
  {
    "instruction": "Answer as a cardiologist.",
    "input": "Is 150/95 high blood pressure?",
    "output": "Yes, that is stage 2 hypertension."
  },
  {
    "instruction": "List three symptoms of diabetes.",
    "input": "",
    "output": "Thirst, frequent urination, tiredness."
  }
])");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].instruction, "Answer as a cardiologist.");
  EXPECT_EQ(result.records[0].input, "Is 150/95 high blood pressure?");
  EXPECT_EQ(result.records[0].output, "Yes, that is stage 2 hypertension.");
  EXPECT_EQ(result.records[1].instruction, "List three symptoms of diabetes.");
  EXPECT_EQ(result.records[1].input, "");
  EXPECT_EQ(result.records[0].metadata.at("line"), "2");
  EXPECT_EQ(result.records[1].metadata.at("line"), "7");
}

TEST(ImportJson, BrokenArrayElementIsReportedAtItsLineAndOthersKept) {
  TempDir dir;
  const auto file = write_test_file(dir / "arr.json",
                                    "[\n"
                                    "  {\"input\": \"one\", \"output\": \"1\"},\n"
                                    "  {\"input\": \"two\", \"output\": 2 3},\n"
                                    "  {\"prompt\": \"three\", \"response\": \"3\"}\n"
                                    "]\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(kept_with_one_error(result, 2, "arr.json:3"));
  EXPECT_EQ(result.records[1].input, "three");
  EXPECT_EQ(result.records[1].output, "3");
}

TEST(ImportJson, UnclosedRecordStopsTheFileButKeepsWhatCameBefore) {
  TempDir dir;
  const auto file = write_test_file(dir / "cut.json", "[{\"input\": \"a\", \"output\": \"b\"},\n {\"input\": \"c\", \"output\": \"d");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(kept_with_one_error(result, 1, "cut.json:2"));
}

TEST(ImportJson, WrappedArrayAndChineseFieldNames) {
  TempDir dir;
  const auto file = write_test_file(dir / "wrapped.json",
                                    "{\"version\": 2,\n \"data\": [\n"
                                    "  {\"问题\": \"孩子发烧39度怎么办？\", \"答案\": \"物理降温并就医。\", \"科室\": \"儿科\"},\n"
                                    "  {\"问题\": \"高血压能停药吗？\", \"答案\": \"不要自行停药。\", \"科室\": \"慢病\"}\n"
                                    " ]}\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].where << " " << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].input, "孩子发烧39度怎么办？");
  EXPECT_EQ(result.records[0].output, "物理降温并就医。");
  EXPECT_EQ(result.records[0].category, "儿科");
  EXPECT_EQ(result.records[1].category, "慢病");
  EXPECT_EQ(result.records[1].metadata.at("line"), "4");
}

TEST(ImportJson, NestedQaPairsBecomeOneRecordEachWithTheCaseAsContext) {
  TempDir dir;
  const auto file = write_test_file(dir / "cases.json", R"([
  {"id": "7", "title": "腹外疝", "description": "男，49岁，右下腹包块3小时。",
   "QA_pairs": [
     {"question": "诊断是什么？", "answer": "嵌顿性腹股沟斜疝。"},
     {"question": "如何处理？", "answer": ""},
     {"question": "需要手术吗？", "answer": "需要急诊手术。"}
   ]}
])");
  const ImportResult result = import_one(file);
  ASSERT_EQ(result.records.size(), 2u);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].why, "QA pair 2: empty output");
  EXPECT_EQ(result.records[0].input, "男，49岁，右下腹包块3小时。\n\n诊断是什么？");
  EXPECT_EQ(result.records[0].output, "嵌顿性腹股沟斜疝。");
  EXPECT_EQ(result.records[1].metadata.at("title"), "腹外疝");
  EXPECT_EQ(result.records[1].metadata.at("id"), "7");
  EXPECT_EQ(result.records[1].metadata.at("qa_pair"), "3");
}

TEST(ImportJson, NestedQaPairsFollowAColumnMap) {
  TempDir dir;
  const auto file = write_test_file(dir / "mapped.json",
                                    R"([{"病例": "女，30岁。", "items": [{"问": "诊断？", "答复": "偏头痛。"}]}])");
  ImportOptions options;
  options.columns = parse_column_map("output=答复");
  const ImportResult result = import_one(file, options);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].input, "女，30岁。\n\n诊断？");
  EXPECT_EQ(result.records[0].output, "偏头痛。");
}

TEST(ImportJson, Utf8BomBeforeJsonl) {
  TempDir dir;
  const auto file = write_test_file(dir / "bom.jsonl", "\xEF\xBB\xBF{\"input\": \"发热\", \"output\": \"多饮水\"}\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].input, "发热");
}

TEST(ImportJson, ColumnMapChoosesFieldsAndReportsMissingOnes) {
  TempDir dir;
  const auto file = write_test_file(dir / "m.jsonl",
                                    "{\"q\": \"x?\", \"a\": \"y\", \"dept\": \"外科\"}\n"
                                    "{\"q\": \"z?\", \"reply\": \"w\"}\n");
  ImportOptions options;
  options.columns = parse_column_map("input=q,output=a");
  const ImportResult result = import_one(file, options);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].input, "x?");
  EXPECT_EQ(result.records[0].output, "y");
  EXPECT_EQ(result.records[0].category, "外科");  // not mapped: found by its usual name
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].why.find("output=a"), std::string::npos) << result.errors[0].why;
}

TEST(ImportJson, RealChineseDatasetsImport) {
  const auto shared = medlora::testing::shared_datasets_dir();
  if (shared.empty() || !std::filesystem::exists(shared / "zh")) GTEST_SKIP() << "shared/datasets/zh is absent";
  const ImportResult cases = import_one(shared / "zh" / "cmb-clin.json");
  EXPECT_TRUE(cases.errors.empty()) << cases.errors[0].where << " " << cases.errors[0].why;
  EXPECT_EQ(cases.records.size(), 208u);  // 74 cases holding 208 question/answer pairs
  for (const auto& r : cases.records) ASSERT_FALSE(r.output.empty());
  EXPECT_NE(cases.records[0].input.find("现病史"), std::string::npos);

  const ImportResult dialog = import_one(shared / "zh" / "huatuogpt-med-dialog-100.json");
  EXPECT_TRUE(dialog.errors.empty()) << dialog.errors[0].where << " " << dialog.errors[0].why;
  ASSERT_EQ(dialog.records.size(), 100u);
  EXPECT_EQ(dialog.records[0].category, "皮肤科");
  EXPECT_NE(dialog.records[0].input.find("指甲营养不良"), std::string::npos);
  EXPECT_NE(dialog.records[0].output.find("甲营养不良"), std::string::npos);
}

}  // namespace
