#include <gtest/gtest.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <string>
#include <vector>

#include "core/data/dataset_export.h"
#include "core/data/dataset_importer.h"
#include "import_test_files.h"
#include "tests/support/temp_dir.h"

namespace {

using namespace medlora::data;
using medlora::testing::import_one;
using medlora::testing::read_test_file;
using medlora::testing::TempDir;
namespace fs = std::filesystem;

std::vector<RecordText> sample_records() {
  std::vector<RecordText> records(3);
  records[0] = {"", "胸痛\"放射\"到左臂\n出汗", "立即拨打120。\\ 不要自行驾车。", "急诊", {}, false};
  records[1] = {"Answer briefly.", "Tab\there, bell\x07", "OK", "内科", {}, false};
  records[2] = {"", "无科室的问题", "回答", "", {}, false};
  return records;
}

QJsonDocument parse_json(const std::string& bytes) {
  QJsonParseError error{};
  QJsonDocument doc = QJsonDocument::fromJson(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())), &error);
  EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
  return doc;
}

TEST(ExportRecords, JsonlRoundTripsThroughTheImporter) {
  TempDir dir;
  const auto records = sample_records();
  const ExportManifest manifest = export_records(records, dir / "out.jsonl", ExportFormat::TrainerJsonl, {"status=approved"});
  EXPECT_EQ(manifest.records, 3);
  EXPECT_EQ(manifest.per_category.at("急诊"), 1);
  EXPECT_EQ(manifest.per_category.at(""), 1);
  EXPECT_EQ(manifest.format, "jsonl");

  const ImportResult back = import_one(dir / "out.jsonl");
  ASSERT_TRUE(back.errors.empty()) << back.errors[0].why;
  ASSERT_EQ(back.records.size(), records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(back.records[i].instruction, records[i].instruction);
    EXPECT_EQ(back.records[i].input, records[i].input);
    EXPECT_EQ(back.records[i].output, records[i].output);
    EXPECT_EQ(back.records[i].category, records[i].category);
  }
  // CJK stays readable rather than \u-escaped.
  EXPECT_NE(read_test_file(dir / "out.jsonl").find("胸痛"), std::string::npos);
}

TEST(ExportRecords, ManifestChecksumMatchesTheFileBytes) {
  TempDir dir;
  const ExportManifest manifest =
      export_records(sample_records(), dir / "train.json", ExportFormat::TrainerJson, {"status=approved", "dedup"});
  const std::string bytes = read_test_file(dir / "train.json");
  const QByteArray expected =
      QCryptographicHash::hash(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())), QCryptographicHash::Sha256)
          .toHex();
  EXPECT_EQ(manifest.sha256, expected.toStdString());

  const QJsonObject on_disk = parse_json(read_test_file(dir / "train.json.manifest.json")).object();
  EXPECT_EQ(on_disk["sha256"].toString().toStdString(), manifest.sha256);
  EXPECT_EQ(on_disk["records"].toInt(), 3);
  EXPECT_EQ(on_disk["file"].toString(), "train.json");
  EXPECT_EQ(on_disk["per_category"].toObject()["内科"].toInt(), 1);
  EXPECT_EQ(on_disk["filters"].toArray().size(), 2);
  EXPECT_FALSE(on_disk["created_at"].toString().isEmpty());

  const QJsonArray array = parse_json(bytes).array();
  ASSERT_EQ(array.size(), 3);
  EXPECT_EQ(array[1].toObject()["input"].toString().toStdString(), "Tab\there, bell\x07");
  EXPECT_EQ(array[0].toObject()["category"].toString().toStdString(), "急诊");

  // Nothing but the two files: the temporary files were renamed away.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 2);
}

TEST(ExportRecords, SeedJsonIsAnIndentedArrayOfThreeFields) {
  TempDir dir;
  export_records(sample_records(), dir / "seed.json", ExportFormat::SeedJson, {});
  const std::string bytes = read_test_file(dir / "seed.json");
  EXPECT_EQ(bytes.rfind("[\n  {\n    \"instruction\": \"\",\n    \"input\": ", 0), 0u) << bytes.substr(0, 60);
  const QJsonArray array = parse_json(bytes).array();
  ASSERT_EQ(array.size(), 3);
  EXPECT_EQ(array[0].toObject().keys(), (QStringList{"input", "instruction", "output"}));
  EXPECT_EQ(array[0].toObject()["output"].toString().toStdString(), "立即拨打120。\\ 不要自行驾车。");

  const ImportResult back = import_one(dir / "seed.json");
  ASSERT_EQ(back.records.size(), 3u);
  EXPECT_EQ(back.records[1].instruction, "Answer briefly.");
}

TEST(ExportRecords, EmptyExportIsValidJsonAndFormatsParse) {
  TempDir dir;
  export_records({}, dir / "none.json", ExportFormat::TrainerJson, {});
  EXPECT_TRUE(parse_json(read_test_file(dir / "none.json")).isArray());
  EXPECT_EQ(parse_export_format("seed-json"), ExportFormat::SeedJson);
  EXPECT_EQ(parse_export_format("JSONL"), ExportFormat::TrainerJsonl);
  EXPECT_THROW(parse_export_format("parquet"), std::invalid_argument);
  EXPECT_THROW(export_records({}, dir / "missing-folder" / "x.jsonl", ExportFormat::TrainerJsonl, {}), std::exception);
}

}  // namespace
