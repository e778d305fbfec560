#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data/dataset_importer.h"
#include "import_test_files.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace medlora::data;
using medlora::testing::import_one;
using medlora::testing::TempDir;
using medlora::testing::write_test_file;

TEST(ImportPaths, ParsesFormatsAndColumnMaps) {
  EXPECT_EQ(parse_import_format("auto"), ImportFormat::Auto);
  EXPECT_EQ(parse_import_format("JSONL"), ImportFormat::Jsonl);
  EXPECT_EQ(parse_import_format("medquad"), ImportFormat::MedQuad);
  EXPECT_THROW(parse_import_format("xlsx"), std::invalid_argument);

  const ColumnMap map = parse_column_map("input=Q,output=A,instruction=Sys,category=科室");
  EXPECT_EQ(map.input, "Q");
  EXPECT_EQ(map.output, "A");
  EXPECT_EQ(map.instruction, "Sys");
  EXPECT_EQ(map.category, "科室");
  EXPECT_TRUE(parse_column_map("").output.empty());
  EXPECT_THROW(parse_column_map("answer"), std::invalid_argument);
  EXPECT_THROW(parse_column_map("label=x"), std::invalid_argument);
  EXPECT_THROW(parse_column_map("output="), std::invalid_argument);
}

TEST(ImportPaths, DetectsFormatsFromExtensionAndContent) {
  TempDir dir;
  const auto jsonl_as_json = write_test_file(dir / "a.json", "{\"input\": \"a\", \"output\": \"b\"}\n{\"input\": \"c\", \"output\": \"d\"}\n");
  const auto pretty_object = write_test_file(dir / "b.json", "{\n  \"input\": \"e\",\n  \"output\": \"f\"\n}\n");
  const auto csv_txt = write_test_file(dir / "c.txt", "question,answer\ng,h\n");
  const auto tsv_txt = write_test_file(dir / "d.dat", "question\tanswer\ni\tj\n");
  const ImportResult result = import_paths({jsonl_as_json, pretty_object, csv_txt, tsv_txt}, ImportOptions{});
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].where << " " << result.errors[0].why;
  ASSERT_EQ(result.records.size(), 5u);
  EXPECT_EQ(result.records[2].output, "f");
  EXPECT_EQ(result.records[3].input, "g");
  EXPECT_EQ(result.records[4].output, "j");
}

TEST(ImportPaths, UnknownFormatAndMissingFilesFailTheWholeCall) {
  TempDir dir;
  const auto prose = write_test_file(dir / "notes.txt", "just some prose\nwithout structure\n");
  EXPECT_THROW(import_one(prose), std::invalid_argument);
  EXPECT_THROW(import_one(dir / "nope.jsonl"), std::runtime_error);
  EXPECT_THROW(import_paths({}, ImportOptions{}), std::invalid_argument);
  ImportOptions csv;
  csv.format = ImportFormat::Csv;
  EXPECT_THROW(import_paths({dir.path()}, csv), std::invalid_argument);  // a folder is MedQuAD only
}

TEST(ImportPaths, ExplicitFormatOverridesTheExtension) {
  TempDir dir;
  const auto file = write_test_file(dir / "data.txt", "input\toutput\nx\ty\n");
  ImportOptions options;
  options.format = ImportFormat::Tsv;
  const ImportResult result = import_one(file, options);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].output, "y");
}

TEST(ImportPaths, ProgressCountsBytesAndCancelThrows) {
  TempDir dir;
  std::string big;
  for (int i = 0; i < 40000; ++i) big += "{\"input\": \"question " + std::to_string(i) + "\", \"output\": \"answer\"}\n";
  const auto file = write_test_file(dir / "big.jsonl", big);
  std::vector<std::pair<int64_t, int64_t>> calls;
  const ImportResult result = import_paths({file}, ImportOptions{}, [&](int64_t done, int64_t total) {
    calls.emplace_back(done, total);
    return true;
  });
  EXPECT_EQ(result.records.size(), 40000u);
  ASSERT_GE(calls.size(), 2u);  // at least one report inside the file, then the end
  EXPECT_EQ(calls.back().first, static_cast<int64_t>(big.size()));
  EXPECT_EQ(calls.back().second, static_cast<int64_t>(big.size()));
  for (size_t i = 1; i < calls.size(); ++i) EXPECT_LE(calls[i - 1].first, calls[i].first);

  EXPECT_THROW(import_paths({file}, ImportOptions{}, [](int64_t, int64_t) { return false; }), ImportCancelled);
}

}  // namespace
