#include "core/io/safetensors_writer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/safetensors_error.h"
#include "core/io/safetensors_file.h"
#include "tests/core/io/safetensors_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::io {
namespace {

TEST(SafetensorsWriter, BytesMatchHandBuiltLayout) {
  testing::TempDir dir;
  // Given out of order: the file lists and lays out tensors by name.
  write_safetensors(dir / "t.safetensors",
                    {{"z", torch::tensor({7}, torch::kInt)}, {"a", torch::tensor({1.0f, -2.0f})}},
                    {{"format", "pt"}});
  std::string json =
      R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
      R"("z":{"dtype":"I32","shape":[1],"data_offsets":[8,12]}})";
  while ((json.size() + 8) % 8 != 0) json += ' ';
  const std::string data = std::string("\x00\x00\x80\x3f\x00\x00\x00\xc0", 8) + std::string("\x07\0\0\0", 4);
  const std::string expected = test::make_safetensors(json, data);
  const std::string actual = test::read_bytes(dir / "t.safetensors");
  EXPECT_EQ(actual, expected);
  // The first 8 bytes are the little-endian header length.
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(actual[i]);
  EXPECT_EQ(n, json.size());
  EXPECT_EQ(actual[8], '{');
}

TEST(SafetensorsWriter, NonContiguousAndViewsAreWrittenByValue) {
  testing::TempDir dir;
  const auto base = torch::arange(12, torch::kFloat).reshape({3, 4});
  const auto t = base.t();                 // non-contiguous
  const auto slice = base.narrow(0, 1, 2);  // storage offset
  write_safetensors(dir / "v.safetensors", {{"t", t}, {"s", slice}});
  auto f = SafetensorsFile::open(dir / "v.safetensors");
  EXPECT_TRUE(torch::equal(f->load("t"), t));
  EXPECT_TRUE(torch::equal(f->load("s"), slice));
}

TEST(SafetensorsWriter, RejectsDuplicateAndBadNames) {
  testing::TempDir dir;
  try {
    write_safetensors(dir / "d.safetensors", {{"w", torch::ones({1})}, {"w", torch::ones({1})}});
    FAIL();
  } catch (const SafetensorsError& e) {
    EXPECT_EQ(e.tensor(), "w");
    EXPECT_NE(std::string(e.what()).find("twice"), std::string::npos);
  }
  EXPECT_THROW(write_safetensors(dir / "e.safetensors", {{"", torch::ones({1})}}), SafetensorsError);
  EXPECT_THROW(write_safetensors(dir / "m.safetensors", {{"__metadata__", torch::ones({1})}}), SafetensorsError);
  EXPECT_THROW(write_safetensors(dir / "u.safetensors", {{"u", torch::Tensor()}}), SafetensorsError);
  EXPECT_THROW(write_safetensors(dir / "c.safetensors", {{"c", torch::ones({2}, torch::kComplexFloat)}}),
               SafetensorsError);
  // Nothing was left behind, not even temporary files.
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(SafetensorsWriter, ReplacesExistingFileAtomically) {
  testing::TempDir dir;
  write_safetensors(dir / "r.safetensors", {{"w", torch::zeros({4})}});
  write_safetensors(dir / "r.safetensors", {{"w", torch::ones({2})}});
  auto f = SafetensorsFile::open(dir / "r.safetensors");
  EXPECT_TRUE(torch::equal(f->load("w"), torch::ones({2})));
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(SafetensorsWriter, WriteIntoMissingFolderFailsClearly) {
  testing::TempDir dir;
  try {
    write_safetensors(dir / "no" / "such" / "x.safetensors", {{"w", torch::ones({1})}});
    FAIL();
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("x.safetensors"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace medlora::io
