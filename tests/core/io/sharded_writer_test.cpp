#include "core/io/sharded_writer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/checkpoint_reader.h"
#include "core/io/json_lite.h"
#include "core/io/safetensors_error.h"
#include "tests/core/io/safetensors_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::io {
namespace {

namespace fs = std::filesystem;

std::vector<std::pair<std::string, torch::Tensor>> model_tensors() {
  torch::manual_seed(3);
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (int i = 0; i < 5; ++i)
    out.emplace_back("model.layers." + std::to_string(i) + ".weight", torch::randn({16, 16}));  // 1024 bytes
  out.emplace_back("model.norm.weight", torch::randn({16}).to(torch::kBFloat16));            // 32 bytes
  return out;
}

void expect_equal_to(const CheckpointReader& r, const std::vector<std::pair<std::string, torch::Tensor>>& tensors) {
  ASSERT_EQ(r.size(), tensors.size());
  for (const auto& [name, t] : tensors) {
    SCOPED_TRACE(name);
    const auto loaded = r.load(name);
    EXPECT_EQ(loaded.scalar_type(), t.scalar_type());
    EXPECT_TRUE(torch::equal(loaded, t));
  }
}

TEST(ShardedWriter, SingleFileWhenItFits) {
  testing::TempDir dir;
  const auto tensors = model_tensors();
  write_sharded_safetensors(dir / "m", tensors, 1 << 20, {{"origin", "test"}});
  EXPECT_TRUE(fs::exists(dir / "m" / kSafetensorsWeightsName));
  EXPECT_FALSE(fs::exists(dir / "m" / kSafetensorsIndexName));
  const auto r = CheckpointReader::open(dir / "m");
  expect_equal_to(r, tensors);
  EXPECT_EQ(r.metadata().at("format"), "pt");
  EXPECT_EQ(r.metadata().at("origin"), "test");
}

TEST(ShardedWriter, ShardsAndIndexLikeHF) {
  testing::TempDir dir;
  const auto tensors = model_tensors();
  write_sharded_safetensors(dir.path(), tensors, 2100);  // two 1024-byte tensors per shard
  for (int i = 1; i <= 3; ++i) EXPECT_TRUE(fs::exists(dir / shard_file_name(i, 3))) << i;
  EXPECT_EQ(shard_file_name(1, 3), "model-00001-of-00003.safetensors");
  EXPECT_FALSE(fs::exists(dir / kSafetensorsWeightsName));

  const auto index = json::parse(test::read_bytes(dir / kSafetensorsIndexName));
  EXPECT_EQ(index.find("metadata")->find("total_size")->as_u64(), 5u * 1024u + 32u);
  EXPECT_EQ(index.find("weight_map")->find("model.layers.0.weight")->text, "model-00001-of-00003.safetensors");
  EXPECT_EQ(index.find("weight_map")->find("model.norm.weight")->text, "model-00003-of-00003.safetensors");

  const auto r = CheckpointReader::open(dir.path());
  EXPECT_TRUE(r.sharded());
  EXPECT_EQ(r.files().size(), 3u);
  expect_equal_to(r, tensors);
}

TEST(ShardedWriter, OversizedTensorGetsItsOwnShard) {
  testing::TempDir dir;
  const auto tensors = model_tensors();
  write_sharded_safetensors(dir.path(), tensors, 100);
  const auto r = CheckpointReader::open(dir.path());
  EXPECT_EQ(r.files().size(), 6u);
  expect_equal_to(r, tensors);
}

TEST(ShardedWriter, ResavingRemovesStaleFiles) {
  testing::TempDir dir;
  const auto tensors = model_tensors();
  write_sharded_safetensors(dir.path(), tensors, 100);  // 6 shards
  write_sharded_safetensors(dir.path(), tensors, 2100);  // 3 shards
  size_t count = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    ++count;
    EXPECT_EQ(e.path().filename().string().find("of-00006"), std::string::npos) << e.path();
  }
  EXPECT_EQ(count, 4u);  // 3 shards + index
  write_sharded_safetensors(dir.path(), tensors, 1 << 20);  // back to one file
  count = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++count;
  EXPECT_EQ(count, 1u);
  expect_equal_to(CheckpointReader::open(dir.path()), tensors);
}

TEST(ShardedWriter, RejectsDuplicatesBeforeWriting) {
  testing::TempDir dir;
  EXPECT_THROW(write_sharded_safetensors(dir / "m", {{"a", torch::ones({1})}, {"a", torch::ones({1})}}, 1000),
               SafetensorsError);
  EXPECT_FALSE(fs::exists(dir / "m"));
}

}  // namespace
}  // namespace medlora::io
