#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

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

std::string to_gb18030(const std::string& utf8) {
  QStringEncoder encoder("GB18030");
  EXPECT_TRUE(encoder.isValid());
  const QByteArray bytes = encoder.encode(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
  return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

TEST(ImportDelimited, CsvWithQuotedNewlinesAndHeaderMapping) {
  TempDir dir;
  const auto file = write_test_file(dir / "qa.csv",
                                    "id,患者提问,医生回复,科室\r\n"
                                    "1,\"咳嗽两周，\r\n夜间加重\",\"可能是咳嗽变异性哮喘，\"\"建议\"\"查肺功能。\",内科\r\n"
                                    "2,腹痛,\"先禁食, 再就诊\",外科\r\n");
  ImportOptions options;
  options.columns = parse_column_map("input=患者提问, output=医生回复");
  const ImportResult result = import_one(file, options);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].where << " " << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].input, "咳嗽两周，\r\n夜间加重");
  EXPECT_EQ(result.records[0].output, "可能是咳嗽变异性哮喘，\"建议\"查肺功能。");
  EXPECT_EQ(result.records[0].category, "内科");
  EXPECT_EQ(result.records[0].metadata.at("id"), "1");
  EXPECT_EQ(result.records[0].metadata.at("line"), "2");
  EXPECT_EQ(result.records[1].output, "先禁食, 再就诊");
  EXPECT_EQ(result.records[1].metadata.at("line"), "4");  // the quoted newline moved it down one line
}

TEST(ImportDelimited, WrongFieldCountIsReportedAtItsLine) {
  TempDir dir;
  const auto file = write_test_file(dir / "bad.csv",
                                    "question,answer\n"
                                    "q1,a1\n"
                                    "q2,a2,extra\n"
                                    "\n"
                                    "q3,a3\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(kept_with_one_error(result, 2, "bad.csv:3"));
  EXPECT_NE(result.errors[0].why.find("expected 2 fields"), std::string::npos);
  EXPECT_EQ(result.records[1].input, "q3");
}

TEST(ImportDelimited, HeaderWithoutAnOutputColumnIsOneErrorListingTheColumns) {
  TempDir dir;
  const auto file = write_test_file(dir / "nocol.csv", "foo,bar\n1,2\n3,4\n");
  const ImportResult result = import_one(file);
  EXPECT_TRUE(result.records.empty());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_TRUE(ends_with(result.errors[0].where, "nocol.csv:1"));
  EXPECT_NE(result.errors[0].why.find("foo, bar"), std::string::npos) << result.errors[0].why;
}

TEST(ImportDelimited, UnclosedQuoteIsReported) {
  TempDir dir;
  const auto file = write_test_file(dir / "q.csv", "input,output\na,b\nc,\"never closed\nmore\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(kept_with_one_error(result, 1, "q.csv:3"));
}

TEST(ImportDelimited, TsvWithAlpacaColumns) {
  TempDir dir;
  const auto file = write_test_file(dir / "a.tsv",
                                    "instruction\tinput\toutput\tcategory\n"
                                    "Explain simply.\tWhat is HbA1c?\tAverage blood sugar over 3 months.\t慢病\n"
                                    "Be brief.\t\"Fever, 3 days\"\tSee a doctor.\t急诊\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].instruction, "Explain simply.");
  EXPECT_EQ(result.records[0].input, "What is HbA1c?");
  EXPECT_EQ(result.records[1].input, "Fever, 3 days");
  EXPECT_EQ(result.records[1].category, "急诊");
}

TEST(ImportDelimited, Utf8BomIsNotPartOfTheFirstColumnName) {
  TempDir dir;
  const auto file = write_test_file(dir / "bom.csv", "\xEF\xBB\xBFinput,output\n头痛,休息\n");
  const ImportResult result = import_one(file);
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].input, "头痛");
  EXPECT_EQ(result.records[0].output, "休息");
}

TEST(ImportDelimited, Gb18030CsvIsDetectedOrChosen) {
  TempDir dir;
  const std::string text =
      "问题,答案,科室\n"
      "孕期可以吃感冒药吗？,请先咨询产科医生，不要自行用药。,妇产科\n"
      "\"血糖高，\n需要打胰岛素吗？\",视分型和血糖水平而定。,慢病\n";
  const auto file = write_test_file(dir / "gbk.csv", to_gb18030(text));

  for (TextEncoding encoding : {TextEncoding::Auto, TextEncoding::Gb18030}) {
    ImportOptions options;
    options.encoding = encoding;
    const ImportResult result = import_one(file, options);
    ASSERT_TRUE(result.errors.empty()) << result.errors[0].why;
    ASSERT_EQ(result.records.size(), 2u);
    EXPECT_EQ(result.records[0].input, "孕期可以吃感冒药吗？");
    EXPECT_EQ(result.records[0].output, "请先咨询产科医生，不要自行用药。");
    EXPECT_EQ(result.records[0].category, "妇产科");
    EXPECT_EQ(result.records[1].input, "血糖高，\n需要打胰岛素吗？");
  }
  ImportOptions utf8;
  utf8.encoding = TextEncoding::Utf8;
  EXPECT_THROW(import_one(file, utf8), std::runtime_error);
}

}  // namespace
