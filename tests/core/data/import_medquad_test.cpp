#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/data/dataset_importer.h"
#include "core/data/medquad_reader.h"
#include "import_test_files.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace medlora::data;
using medlora::testing::ends_with;
using medlora::testing::read_test_file;
using medlora::testing::TempDir;
using medlora::testing::write_test_file;
namespace fs = std::filesystem;

std::string medquad_document(const std::string& id, const std::string& pairs, bool with_umls = true) {
  std::string umls = with_umls ? "<FocusAnnotations>\n\t<UMLS>\n\t\t<CUIs><CUI>C0011849</CUI></CUIs>\n"
                                 "\t\t<SemanticTypes><SemanticType>T047</SemanticType></SemanticTypes>\n"
                                 "\t\t<SemanticGroup>Disorders</SemanticGroup>\n\t</UMLS>\n</FocusAnnotations>\n"
                               : "";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document id=\"" + id +
         "\" source=\"NIDDK\" url=\"https://example.org/" + id + "\">\n<Focus>Diabetes</Focus>\n" + umls +
         "<QAPairs>\n" + pairs + "</QAPairs>\n</Document>\n";
}

std::string qa_pair(int pid, const std::string& id, const std::string& qtype, const std::string& question,
                    const std::string& answer) {
  return "\t<QAPair pid=\"" + std::to_string(pid) + "\">\n\t\t<Question qid=\"" + id + "-" + std::to_string(pid) +
         "\" qtype=\"" + qtype + "\">" + question + "</Question>\n\t\t<Answer>" + answer + "</Answer>\n\t</QAPair>\n";
}

// Pairs and empty answers counted by plain text search, independently of the XML reader. Both
// of MedQuAD's spellings count: <QAPair>/<Answer> and, in a few NINDS files, <pair>/<answer>.
struct PairCount {
  int64_t pairs = 0, empty_answers = 0;
};

bool opens_element(const std::string& text, size_t at, const std::string& tag) {
  if (text.compare(at, tag.size(), tag) != 0) return false;
  const char next = at + tag.size() < text.size() ? text[at + tag.size()] : '\0';
  return next == ' ' || next == '>' || next == '/';
}

PairCount count_pairs(const fs::path& folder) {
  PairCount count;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() != ".xml") continue;
    std::string text = read_test_file(entry.path());
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    for (size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
      if (opens_element(text, at, "<qapair") || opens_element(text, at, "<pair")) ++count.pairs;
      if (!opens_element(text, at, "<answer")) continue;
      const size_t close = text.find('>', at);
      if (text[close - 1] == '/') {
        ++count.empty_answers;
        continue;
      }
      const std::string body = text.substr(close + 1, text.find("</answer>", close) - close - 1);
      if (body.find_first_not_of(" \t\r\n") == std::string::npos) ++count.empty_answers;
    }
  }
  return count;
}

TEST(ImportMedQuad, KeepsQuestionAnswerAndMetadata) {
  TempDir dir;
  write_test_file(dir / "set" / "0001.xml",
                  medquad_document("0001", qa_pair(1, "0001", "information", "What is (are) Diabetes ?",
                                                   "\n   Diabetes is a disease &amp; more.\n  ") +
                                               qa_pair(2, "0001", "treatment", "How to treat Diabetes ?", "")));
  const ImportResult result = import_medquad_folder(dir / "set");
  ASSERT_TRUE(result.errors.empty());
  ASSERT_EQ(result.records.size(), 1u);
  const RecordText& r = result.records[0];
  EXPECT_EQ(r.input, "What is (are) Diabetes ?");
  EXPECT_EQ(r.output, "Diabetes is a disease & more.");
  EXPECT_EQ(r.metadata.at("qtype"), "information");
  EXPECT_EQ(r.metadata.at("qid"), "0001-1");
  EXPECT_EQ(r.metadata.at("focus"), "Diabetes");
  EXPECT_EQ(r.metadata.at("source"), "NIDDK");
  EXPECT_EQ(r.metadata.at("url"), "https://example.org/0001");
  EXPECT_EQ(r.metadata.at("document_id"), "0001");
  EXPECT_EQ(r.metadata.at("semantic_group"), "Disorders");
  EXPECT_TRUE(ends_with(r.metadata.at("source_file"), "0001.xml"));
  EXPECT_EQ(r.metadata.at("line"), "12");  // the <QAPair> line
  EXPECT_EQ(result.skipped_by_reason.at("empty answer"), 1);
  EXPECT_EQ(result.skipped, 1);
}

TEST(ImportMedQuad, MalformedFileIsOneErrorAndGoodFilesImport) {
  TempDir dir;
  write_test_file(dir / "mq" / "a" / "1.xml", medquad_document("1", qa_pair(1, "1", "symptoms", "Q1 ?", "A1")));
  write_test_file(dir / "mq" / "a" / "2.xml",
                  "<?xml version=\"1.0\"?>\n<Document id=\"2\">\n<QAPairs>\n" +
                      qa_pair(1, "2", "causes", "Q2 ?", "A2") +
                      qa_pair(2, "2", "causes", "Q2b ?", "A2b <b>unclosed") + "</QAPairs>\n</Document>\n");
  write_test_file(dir / "mq" / "b" / "3.xml",
                  medquad_document("3", qa_pair(1, "3", "genetic changes", "Q3 ?", "A3") +
                                            qa_pair(2, "3", "inheritance", "Q4 ?", "A4"), false));
  write_test_file(dir / "mq" / "notes.txt", "not xml, not read");
  int64_t last_done = 0, last_total = 0;
  const ImportResult result = import_medquad_folder(dir / "mq", [&](int64_t done, int64_t total) {
    last_done = done;
    last_total = total;
    return true;
  });
  EXPECT_EQ(last_done, 3);
  EXPECT_EQ(last_total, 3);
  ASSERT_EQ(result.records.size(), 3u);  // nothing from 2.xml, not even its first pair
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].where.find("2.xml:"), std::string::npos) << result.errors[0].where;
  EXPECT_NE(result.errors[0].why.find("malformed XML"), std::string::npos);
  EXPECT_EQ(result.records[0].output, "A1");
  EXPECT_EQ(result.records[2].input, "Q4 ?");
  EXPECT_EQ(result.records[2].metadata.count("semantic_group"), 0u);
  EXPECT_EQ(result.skipped, 1);
  EXPECT_EQ(result.skipped_by_reason.at(kMalformedFile), 1);  // the summary names why the file went
}

TEST(ImportMedQuad, AnyRootThatHoldsQaPairsIsRead) {
  TempDir dir;
  // Some CDC files: <DiseaseFile> around the same Focus / QAPairs structure.
  write_test_file(dir / "cdc" / "1.xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DiseaseFile id=\"0001\" source=\"CDC\" url=\"https://cdc.example/x\">\n"
                  "<Focus>Zika</Focus>\n<QAPairs>\n" +
                      qa_pair(1, "0001", "information", "What is Zika?", "A virus spread by mosquitoes.") +
                      qa_pair(2, "0001", "prevention", "How to prevent Zika?", "Avoid mosquito bites.") +
                      "</QAPairs>\n</DiseaseFile>\n");
  // A root of any name whose pairs sit directly under it.
  write_test_file(dir / "cdc" / "2.xml", "<Collection source=\"CDC\">\n" +
                                             qa_pair(1, "0002", "symptoms", "Symptoms of flu?", "Fever and cough.") +
                                             "</Collection>\n");
  const ImportResult result = import_medquad_folder(dir / "cdc");
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].where << ": " << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_EQ(result.records[0].input, "What is Zika?");
  EXPECT_EQ(result.records[0].metadata.at("source"), "CDC");
  EXPECT_EQ(result.records[0].metadata.at("document_id"), "0001");
  EXPECT_EQ(result.records[0].metadata.at("focus"), "Zika");
  EXPECT_EQ(result.records[1].metadata.at("qtype"), "prevention");
  EXPECT_EQ(result.records[2].output, "Fever and cough.");
  EXPECT_EQ(result.skipped, 0);
  EXPECT_TRUE(result.skipped_by_reason.empty());
}

TEST(ImportMedQuad, SkippedFilesAreCountedByReason) {
  TempDir dir;
  write_test_file(dir / "mq" / "1.xml", medquad_document("1", qa_pair(1, "1", "symptoms", "Q1 ?", "A1")));
  write_test_file(dir / "mq" / "2.xml", medquad_document("2", ""));  // an empty <QAPairs>, as in 6 NIDDK files
  write_test_file(dir / "mq" / "3.xml", "<?xml version=\"1.0\"?><html><body>no pairs</body></html>");
  write_test_file(dir / "mq" / "4.xml", "<Document id=\"4\"><QAPairs>");
  write_test_file(dir / "mq" / "5.xml", medquad_document("5", qa_pair(1, "5", "t", "Q5 ?", "")));
  const ImportResult result = import_medquad_folder(dir / "mq");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.skipped_by_reason.at(kFileWithoutPairs), 1);
  EXPECT_EQ(result.skipped_by_reason.at(kNotMedQuad), 1);
  EXPECT_EQ(result.skipped_by_reason.at(kMalformedFile), 1);
  EXPECT_EQ(result.skipped_by_reason.at("empty answer"), 1);
  EXPECT_EQ(result.skipped, 4);
  ASSERT_EQ(result.errors.size(), 2u);  // the foreign file and the broken one; an empty document is no error
  EXPECT_TRUE(ends_with(result.errors[0].where, "3.xml")) << result.errors[0].where;
  EXPECT_NE(result.errors[0].why.find("not a MedQuAD document"), std::string::npos) << result.errors[0].why;
  EXPECT_NE(result.errors[1].where.find("4.xml:"), std::string::npos) << result.errors[1].where;
}

TEST(ImportMedQuad, NonMedQuadXmlIsRefusedAndEmptyFolderThrows) {
  TempDir dir;
  write_test_file(dir / "x" / "other.xml", "<?xml version=\"1.0\"?><html><body/></html>");
  const ImportResult result = import_medquad_folder(dir / "x");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].why.find("<html>"), std::string::npos) << result.errors[0].why;
  fs::create_directories(dir / "empty");
  EXPECT_THROW(import_medquad_folder(dir / "empty"), std::invalid_argument);
  EXPECT_THROW(import_medquad_folder(dir / "missing"), std::runtime_error);
}

TEST(ImportMedQuad, CancelStopsTheImport) {
  TempDir dir;
  for (int i = 0; i < 3; ++i) {
    write_test_file(dir / "c" / (std::to_string(i) + ".xml"),
                    medquad_document(std::to_string(i), qa_pair(1, "d", "t", "Q ?", "A")));
  }
  EXPECT_THROW(import_medquad_folder(dir / "c", [](int64_t done, int64_t) { return done < 2; }), ImportCancelled);
}

TEST(ImportMedQuad, RealFolderCountsMatchThePairsInTheFiles) {
  const auto shared = medlora::testing::shared_datasets_dir();
  if (shared.empty() || !fs::exists(shared / "medquad")) GTEST_SKIP() << "shared/datasets/medquad is absent";
  const fs::path folder = shared / "medquad";
  const PairCount expected = count_pairs(folder);
  ASSERT_GT(expected.pairs, 0);

  const ImportResult result = import_paths({folder}, ImportOptions{});
  EXPECT_TRUE(result.errors.empty()) << result.errors[0].where << ": " << result.errors[0].why;
  const int64_t empty = result.skipped_by_reason.count("empty answer") ? result.skipped_by_reason.at("empty answer") : 0;
  EXPECT_EQ(static_cast<int64_t>(result.records.size()) + empty, expected.pairs);
  EXPECT_EQ(empty, expected.empty_answers);
  // Besides empty answers, only documents without a single pair (an empty <QAPairs>) are skipped.
  const int64_t empty_files =
      result.skipped_by_reason.count(kFileWithoutPairs) ? result.skipped_by_reason.at(kFileWithoutPairs) : 0;
  EXPECT_EQ(result.skipped, empty + empty_files);
  EXPECT_EQ(result.skipped_by_reason.size(), static_cast<size_t>((empty > 0) + (empty_files > 0)));

  // Every record carries its provenance; CancerGov documents carry their UMLS group.
  const auto cancer = std::find_if(result.records.begin(), result.records.end(), [](const RecordText& r) {
    return r.metadata.count("source") && r.metadata.at("source") == "CancerGov";
  });
  ASSERT_NE(cancer, result.records.end());
  EXPECT_FALSE(cancer->metadata.at("qtype").empty());
  EXPECT_FALSE(cancer->metadata.at("focus").empty());
  EXPECT_FALSE(cancer->metadata.at("semantic_group").empty());
  for (const auto& r : result.records) {
    ASSERT_FALSE(r.input.empty());
    ASSERT_FALSE(r.output.empty());
    ASSERT_TRUE(r.metadata.count("qid") && r.metadata.count("document_id") && r.metadata.count("url"));
  }
}

}  // namespace
