#include "core/io/safetensors_file.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/safetensors_error.h"
#include "core/io/safetensors_writer.h"
#include "tests/core/io/safetensors_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::io {
namespace {

using test::make_safetensors;
using test::write_bytes;

std::vector<std::pair<std::string, torch::Tensor>> every_dtype() {
  torch::manual_seed(7);
  const auto f = torch::randn({3, 5});
  return {
      {"bool", torch::rand({4, 2}) > 0.5},
      {"u8", torch::randint(0, 256, {7}, torch::kByte)},
      {"i8", torch::randint(-128, 128, {2, 3}, torch::kChar)},
      {"i16", torch::randint(-30000, 30000, {5}, torch::kShort)},
      {"i32", torch::randint(-100000, 100000, {2, 2, 2}, torch::kInt)},
      {"i64", torch::tensor({int64_t{1} << 40, int64_t{-3}, int64_t{0}})},
      {"f16", f.to(torch::kHalf)},
      {"bf16", f.to(torch::kBFloat16)},
      {"f32", f},
      {"f64", torch::randn({2, 3}, torch::kDouble)},
      {"scalar", torch::scalar_tensor(3.5)},
      {"empty", torch::zeros({0, 4})},
  };
}

TEST(SafetensorsFile, RoundTripsEveryDtypeAndMetadata) {
  testing::TempDir dir;
  const auto tensors = every_dtype();
  const std::map<std::string, std::string> meta{{"format", "pt"}, {"note", "ünïcode \"quoted\""}};
  write_safetensors(dir / "t.safetensors", tensors, meta);

  auto file = SafetensorsFile::open(dir / "t.safetensors");
  EXPECT_EQ(file->metadata(), meta);
  EXPECT_EQ(file->names().size(), tensors.size());
  for (const auto& [name, original] : tensors) {
    SCOPED_TRACE(name);
    const torch::Tensor loaded = file->load(name);
    EXPECT_EQ(loaded.scalar_type(), original.scalar_type());
    EXPECT_EQ(loaded.sizes(), original.sizes());
    EXPECT_TRUE(loaded.device().is_cpu());
    EXPECT_TRUE(torch::equal(loaded, original));
  }
  EXPECT_EQ(file->header().data_offset % 8, 0u);
}

TEST(SafetensorsFile, LoadedTensorOutlivesTheFile) {
  testing::TempDir dir;
  write_safetensors(dir / "t.safetensors", {{"w", torch::arange(6, torch::kFloat).reshape({2, 3})}});
  torch::Tensor w;
  {
    auto file = SafetensorsFile::open(dir / "t.safetensors");
    w = file->load("w");
  }
  std::filesystem::remove(dir / "t.safetensors");
  EXPECT_FLOAT_EQ(w[1][2].item<float>(), 5.0f);
}

TEST(SafetensorsFile, ReadsHandBuiltFile) {
  testing::TempDir dir;
  // Two little-endian floats 1.0 and -2.0, then a BF16 1.0 (0x3F80), unaligned header.
  const std::string data = std::string("\x00\x00\x80\x3f\x00\x00\x00\xc0", 8) + std::string("\x80\x3f", 2);
  write_bytes(dir / "h.safetensors",
              make_safetensors(R"({"b":{"dtype":"BF16","shape":[1],"data_offsets":[8,10]},)"
                               R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
                               data));
  auto file = SafetensorsFile::open(dir / "h.safetensors");
  EXPECT_EQ(file->names(), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(torch::equal(file->load("a"), torch::tensor({1.0f, -2.0f})));
  EXPECT_EQ(file->load("b").scalar_type(), torch::kBFloat16);
  EXPECT_FLOAT_EQ(file->load("b").to(torch::kFloat).item<float>(), 1.0f);
  EXPECT_EQ(std::memcmp(file->data(file->entry("a")), data.data(), 8), 0);
}

TEST(SafetensorsFile, MissingTensorNamesFileAndTensor) {
  testing::TempDir dir;
  write_safetensors(dir / "t.safetensors", {{"w", torch::ones({2})}});
  auto file = SafetensorsFile::open(dir / "t.safetensors");
  try {
    file->entry("nope");
    FAIL();
  } catch (const SafetensorsError& e) {
    EXPECT_EQ(e.tensor(), "nope");
    EXPECT_NE(std::string(e.what()).find("t.safetensors"), std::string::npos);
  }
  EXPECT_THROW(file->load("nope"), SafetensorsError);
}

TEST(SafetensorsFile, OpenErrors) {
  testing::TempDir dir;
  EXPECT_THROW(SafetensorsFile::open(dir / "absent.safetensors"), SafetensorsError);
  EXPECT_THROW(SafetensorsFile::open(dir.path()), SafetensorsError);
  write_bytes(dir / "empty.safetensors", "");
  try {
    SafetensorsFile::open(dir / "empty.safetensors");
    FAIL();
  } catch (const SafetensorsError& e) {
    EXPECT_NE(std::string(e.what()).find("empty.safetensors"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos);
  }
}

TEST(SafetensorsFile, TruncatedDataIsReportedOnOpen) {
  testing::TempDir dir;
  write_safetensors(dir / "t.safetensors", {{"w", torch::ones({64})}});
  std::string bytes = test::read_bytes(dir / "t.safetensors");
  bytes.resize(bytes.size() - 10);
  write_bytes(dir / "cut.safetensors", bytes);
  try {
    SafetensorsFile::open(dir / "cut.safetensors");
    FAIL();
  } catch (const SafetensorsError& e) {
    EXPECT_EQ(e.tensor(), "w");
    EXPECT_NE(std::string(e.what()).find("outside"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace medlora::io
