#include "core/io/checkpoint_reader.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/safetensors_error.h"
#include "core/io/safetensors_writer.h"
#include "tests/core/io/safetensors_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::io {
namespace {

namespace fs = std::filesystem;

void write_index(const fs::path& path, const std::string& weight_map_json) {
  test::write_bytes(path, R"({"metadata":{"total_size":40},"weight_map":)" + weight_map_json + "}");
}

// Two shards: a (4 floats) + b (2 floats) in shard 1, c (4 floats) in shard 2.
void make_sharded(const fs::path& dir) {
  write_safetensors(dir / "s1.safetensors", {{"a", torch::ones({4})}, {"b", torch::full({2}, 2.0)}},
                    {{"format", "pt"}});
  write_safetensors(dir / "s2.safetensors", {{"c", torch::arange(4, torch::kFloat)}}, {{"format", "pt"}, {"x", "y"}});
  write_index(dir / kSafetensorsIndexName, R"({"a":"s1.safetensors","b":"s1.safetensors","c":"s2.safetensors"})");
}

void expect_error(const std::function<void()>& f, const std::string& file_part, const std::string& tensor,
                  const std::string& phrase) {
  try {
    f();
    FAIL() << "no error; expected: " << phrase;
  } catch (const SafetensorsError& e) {
    const std::string msg = e.what();
    EXPECT_NE(e.file().find(file_part), std::string::npos) << msg;
    EXPECT_EQ(e.tensor(), tensor) << msg;
    EXPECT_NE(msg.find(phrase), std::string::npos) << "message: " << msg << "\nwanted: " << phrase;
  }
}

TEST(CheckpointReader, OpensSingleFileAndFolder) {
  testing::TempDir dir;
  write_safetensors(dir / kSafetensorsWeightsName, {{"w", torch::ones({2, 2})}, {"b", torch::zeros({2})}},
                    {{"format", "pt"}});
  for (const fs::path& p : {dir.path(), dir / kSafetensorsWeightsName}) {
    const auto r = CheckpointReader::open(p);
    EXPECT_FALSE(r.sharded());
    EXPECT_EQ(r.names(), (std::vector<std::string>{"b", "w"}));
    EXPECT_TRUE(r.contains("w"));
    EXPECT_FALSE(r.contains("x"));
    EXPECT_EQ(r.entry("w").shape, (std::vector<int64_t>{2, 2}));
    EXPECT_TRUE(torch::equal(r.load("w"), torch::ones({2, 2})));
    EXPECT_EQ(r.metadata().at("format"), "pt");
  }
}

TEST(CheckpointReader, OpensShardedFolder) {
  testing::TempDir dir;
  make_sharded(dir.path());
  const auto r = CheckpointReader::open(dir.path());
  EXPECT_TRUE(r.sharded());
  EXPECT_EQ(r.names(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(torch::equal(r.load("c"), torch::arange(4, torch::kFloat)));
  EXPECT_TRUE(torch::equal(r.load("b"), torch::full({2}, 2.0)));
  EXPECT_EQ(r.index_metadata().at("total_size"), "40");
  EXPECT_EQ(r.metadata().at("x"), "y");
  EXPECT_EQ(r.files().size(), 2u);
  // The index file itself can be given too.
  EXPECT_EQ(CheckpointReader::open(dir / kSafetensorsIndexName).names().size(), 3u);
}

TEST(CheckpointReader, OpenFileForAdapters) {
  testing::TempDir dir;
  write_safetensors(dir / kAdapterWeightsName, {{"base_model.model.x.lora_A.weight", torch::ones({2, 3})}});
  const auto r = CheckpointReader::open_file(dir.path(), kAdapterWeightsName);
  EXPECT_TRUE(r.contains("base_model.model.x.lora_A.weight"));
  expect_error([&] { CheckpointReader::open_file(dir.path(), "other.safetensors"); }, "other.safetensors", "",
               "not found");
}

TEST(CheckpointReader, NoCheckpointInFolderSaysWhatWasLookedFor) {
  testing::TempDir dir;
  expect_error([&] { CheckpointReader::open(dir.path()); }, dir.path().string(), "",
               "looked for model.safetensors and model.safetensors.index.json");
  expect_error([&] { CheckpointReader::open(dir / "nothing"); }, "nothing", "", "no such file");
}

TEST(CheckpointReader, MissingShard) {
  testing::TempDir dir;
  make_sharded(dir.path());
  fs::remove(dir / "s2.safetensors");
  expect_error([&] { CheckpointReader::open(dir.path()); }, kSafetensorsIndexName, "c",
               "shard file s2.safetensors listed in the index is missing");
}

TEST(CheckpointReader, TensorListedButAbsentFromShard) {
  testing::TempDir dir;
  make_sharded(dir.path());
  write_index(dir / kSafetensorsIndexName,
              R"({"a":"s1.safetensors","b":"s1.safetensors","c":"s2.safetensors","d":"s2.safetensors"})");
  expect_error([&] { CheckpointReader::open(dir.path()); }, "s2.safetensors", "d", "absent from this shard");
}

TEST(CheckpointReader, TensorInTwoShards) {
  testing::TempDir dir;
  make_sharded(dir.path());
  write_safetensors(dir / "s2.safetensors", {{"c", torch::ones({4})}, {"a", torch::ones({4})}});
  expect_error([&] { CheckpointReader::open(dir.path()); }, kSafetensorsIndexName, "a", "present in two shards");
}

TEST(CheckpointReader, TensorInShardButNotInIndex) {
  testing::TempDir dir;
  make_sharded(dir.path());
  write_index(dir / kSafetensorsIndexName, R"({"a":"s1.safetensors","c":"s2.safetensors"})");
  expect_error([&] { CheckpointReader::open(dir.path()); }, "s1.safetensors", "b", "not listed in");
}

TEST(CheckpointReader, BadIndexFiles) {
  testing::TempDir dir;
  make_sharded(dir.path());
  test::write_bytes(dir / kSafetensorsIndexName, "{\"weight_map\": {\"a\": ");
  expect_error([&] { CheckpointReader::open(dir.path()); }, kSafetensorsIndexName, "", "not valid JSON");
  test::write_bytes(dir / kSafetensorsIndexName, R"({"metadata":{}})");
  expect_error([&] { CheckpointReader::open(dir.path()); }, kSafetensorsIndexName, "", "weight_map");
  write_index(dir / kSafetensorsIndexName, R"({"a":"../s1.safetensors"})");
  expect_error([&] { CheckpointReader::open(dir.path()); }, kSafetensorsIndexName, "a", "inside the checkpoint folder");
  write_index(dir / kSafetensorsIndexName, R"({"a":3})");
  expect_error([&] { CheckpointReader::open(dir.path()); }, kSafetensorsIndexName, "a", "shard file name");
}

TEST(CheckpointReader, CorruptShardNamesTheShard) {
  testing::TempDir dir;
  make_sharded(dir.path());
  test::write_bytes(dir / "s1.safetensors", "garbage!");
  expect_error([&] { CheckpointReader::open(dir.path()); }, "s1.safetensors", "", "");
}

TEST(CheckpointReader, UnknownTensorNamesCheckpoint) {
  testing::TempDir dir;
  make_sharded(dir.path());
  const auto r = CheckpointReader::open(dir.path());
  expect_error([&] { r.load("zzz"); }, kSafetensorsIndexName, "zzz", "no such tensor");
}

}  // namespace
}  // namespace medlora::io
