#include "core/store/term_repository.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store_test_support.h"

namespace medlora::store {
namespace {

class TermRepositoryTest : public testing::TempWorkspaceTest {
 protected:
  void SetUp() override {
    TempWorkspaceTest::SetUp();
    ws_ = std::make_unique<Workspace>(file());
    terms_ = std::make_unique<TermRepository>(*ws_);
  }
  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = file(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<TermRepository> terms_;
};

TEST_F(TermRepositoryTest, SetsLooksUpAndRemoves) {
  EXPECT_EQ(terms_->count(), 0);
  terms_->set("心梗", "心肌梗死");
  terms_->set("heart attack", "myocardial infarction");
  terms_->set("心梗", "急性心肌梗死");  // replaces
  EXPECT_EQ(terms_->count(), 2);
  EXPECT_EQ(terms_->standard_for("心梗"), "急性心肌梗死");
  EXPECT_FALSE(terms_->standard_for("高血压"));
  EXPECT_THROW(terms_->set("", "x"), StoreError);
  EXPECT_THROW(terms_->set("same", "same"), StoreError);
  EXPECT_TRUE(terms_->remove("心梗"));
  EXPECT_FALSE(terms_->remove("心梗"));
  ASSERT_EQ(terms_->list().size(), 1u);
  EXPECT_EQ(terms_->list()[0].standard, "myocardial infarction");
}

TEST_F(TermRepositoryTest, ImportsACsvWithHeaderQuotesAndBadLines) {
  terms_->set("血压高", "高血压");
  terms_->set("糖尿", "旧的标准");
  const std::string path = write("terms.csv",
                                 "\xEF\xBB\xBF"  // UTF-8 BOM
                                 "synonym,standard\r\n"
                                 "心梗,心肌梗死\r\n"
                                 "\"heart attack, acute\",\"myocardial infarction\"\r\n"
                                 "血压高,高血压\r\n"       // unchanged
                                 "糖尿,糖尿病\r\n"         // updated
                                 "\r\n"                    // blank: ignored
                                 "只有一列\r\n"            // line 7: too few columns
                                 ",空的\r\n"               // line 8: empty synonym
                                 "同义,同义\r\n"           // line 9: maps to itself
                                 "\"say \"\"hi\"\"\",greeting\r\n"
                                 "\"never closed,x\r\n");  // line 11
  const TermImportResult result = terms_->import_csv(path);
  EXPECT_EQ(result.added, 3);
  EXPECT_EQ(result.updated, 1);
  EXPECT_EQ(result.unchanged, 1);
  EXPECT_EQ(result.skipped, 4);
  ASSERT_EQ(result.problems.size(), 4u);
  EXPECT_EQ(result.problems[0].where, path + ":7");
  EXPECT_EQ(result.problems[1].where, path + ":8");
  EXPECT_EQ(result.problems[2].where, path + ":9");
  EXPECT_EQ(result.problems[3].where, path + ":11");
  EXPECT_NE(result.problems[3].why.find("never closed"), std::string::npos) << result.problems[3].why;
  EXPECT_EQ(terms_->standard_for("心梗"), "心肌梗死");
  EXPECT_EQ(terms_->standard_for("heart attack, acute"), "myocardial infarction");
  EXPECT_EQ(terms_->standard_for("糖尿"), "糖尿病");
  EXPECT_EQ(terms_->standard_for("say \"hi\""), "greeting");
  EXPECT_EQ(terms_->count(), 5);
}

TEST_F(TermRepositoryTest, HeaderColumnsMayComeInAnyOrder) {
  const TermImportResult result =
      terms_->import_csv_text("note,Standard,Synonym\nfrom a book,慢性阻塞性肺疾病,慢阻肺\n", "inline.csv");
  EXPECT_EQ(result.added, 1);
  EXPECT_EQ(terms_->standard_for("慢阻肺"), "慢性阻塞性肺疾病");
}

TEST_F(TermRepositoryTest, RefusesFilesItCannotRead) {
  EXPECT_THROW(terms_->import_csv(file("missing.csv")), StoreError);
  try {
    terms_->import_csv(write("noheader.csv", "心梗,心肌梗死\n"));
    FAIL() << "a file without a header was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("synonym"), std::string::npos) << e.what();
  }
  // "心梗,心肌梗死" in GB18030: not UTF-8.
  EXPECT_THROW(terms_->import_csv(write("gbk.csv", "synonym,standard\n\xD0\xC4\xB9\xA3,\xD0\xC4\xBC\xA1\n")), StoreError);
  EXPECT_EQ(terms_->count(), 0);
}

}  // namespace
}  // namespace medlora::store
