// The GGUF writer and reader: every value type and tensor type round-trips, the byte layout is
// GGUF v3's, and damaged files are refused with a message.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>

#include "core/gguf/gguf_reader.h"
#include "core/gguf/gguf_writer.h"
#include "tests/support/temp_dir.h"

namespace medlora::gguf {
namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

GgufWriter sample_writer() {
  GgufWriter w;
  w.set("general.architecture", Value::string("llama"));
  w.set("general.alignment", Value::u32(kGgufAlignment));
  w.set("llama.block_count", Value::u32(2));
  w.set("llama.rope.freq_base", Value::f32(10000.5f));
  w.set("x.i32", Value::i32(-7));
  w.set("x.u64", Value::u64(1ull << 40));
  w.set("x.flag", Value::boolean(true));
  w.set("x.i8", Value::integer(ValueType::INT8, -3));
  w.set("x.f64", Value{ValueType::FLOAT64, ValueType::FLOAT64, {}, {0.1}, {}});
  w.set("tokenizer.ggml.tokens", Value::string_array({"<s>", "", "▁héllo"}));
  w.set("tokenizer.ggml.scores", Value::f32_array({0.0f, -1.5f, -1e4f}));
  w.set("tokenizer.ggml.token_type", Value::integer_array(ValueType::INT32, {3, 1, 6}));
  std::vector<float> a(6), b(64);
  for (int i = 0; i < 6; ++i) a[i] = i * 0.5f - 1;
  for (int i = 0; i < 64; ++i) b[i] = std::sin(i * 0.3f);
  w.add_tensor("a.weight", {2, 3}, TensorType::F32, encode_tensor(TensorType::F32, a.data(), 6));
  w.add_tensor("b.weight", {2, 32}, TensorType::Q8_0, encode_tensor(TensorType::Q8_0, b.data(), 64));
  w.add_tensor("c.weight", {64}, TensorType::F16, encode_tensor(TensorType::F16, b.data(), 64));
  w.add_tensor("d.weight", {4, 16}, TensorType::BF16, encode_tensor(TensorType::BF16, b.data(), 64));
  return w;
}

TEST(GgufFile, EveryValueAndTensorRoundTrips) {
  testing::TempDir dir;
  const auto path = dir.path() / "m.gguf";
  const uint64_t size = sample_writer().write(path);
  EXPECT_EQ(size, std::filesystem::file_size(path));
  const auto f = GgufFile::open(path);
  EXPECT_EQ(f.version(), 3u);
  EXPECT_EQ(f.alignment(), 32u);
  ASSERT_EQ(f.metadata().size(), 12u);
  EXPECT_EQ(f.metadata()[0].first, "general.architecture");  // order kept
  EXPECT_EQ(f.value("general.architecture"), Value::string("llama"));
  EXPECT_EQ(f.value("llama.block_count").as_int(), 2);
  EXPECT_EQ(f.value("llama.block_count").type, ValueType::UINT32);
  EXPECT_EQ(f.value("llama.rope.freq_base").as_float(), 10000.5f);
  EXPECT_EQ(f.value("x.i32").as_int(), -7);
  EXPECT_EQ(f.value("x.u64").as_int(), 1ll << 40);
  EXPECT_TRUE(f.value("x.flag").as_bool());
  EXPECT_EQ(f.value("x.i8").as_int(), -3);
  EXPECT_EQ(f.value("x.f64").as_float(), 0.1);
  EXPECT_EQ(f.value("tokenizer.ggml.tokens"), Value::string_array({"<s>", "", "▁héllo"}));
  EXPECT_EQ(f.value("tokenizer.ggml.scores"), Value::f32_array({0.0f, -1.5f, -1e4f}));
  EXPECT_EQ(f.value("tokenizer.ggml.token_type"), Value::integer_array(ValueType::INT32, {3, 1, 6}));
  EXPECT_THROW(f.value("general.name"), GgufError);
  EXPECT_THROW(f.value("x.i32").as_string(), GgufError);

  ASSERT_EQ(f.tensors().size(), 4u);
  EXPECT_EQ(f.tensor("a.weight").shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(f.tensor_values("a.weight"), (std::vector<float>{-1, -0.5f, 0, 0.5f, 1, 1.5f}));
  EXPECT_EQ(f.tensor("b.weight").type, TensorType::Q8_0);
  EXPECT_EQ(f.tensor("b.weight").bytes, 68u);
  for (const auto& t : f.tensors()) EXPECT_EQ(t.offset % 32, 0u) << t.name;
  const auto c = f.tensor_values("c.weight");
  const auto d = f.tensor_values("d.weight");
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(c[i], fp16_to_fp32(fp32_to_fp16(std::sin(i * 0.3f))));
    EXPECT_EQ(d[i], bf16_to_fp32(fp32_to_bf16(std::sin(i * 0.3f))));
  }
}

TEST(GgufFile, HeaderBytesAreGgufV3LittleEndian) {
  testing::TempDir dir;
  GgufWriter w;
  w.set("k", Value::u32(0x01020304));
  const float one = 1.0f;
  w.add_tensor("t", {1}, TensorType::F32, encode_tensor(TensorType::F32, &one, 1));
  w.write(dir.path() / "x.gguf");
  const std::string bytes = read_all(dir.path() / "x.gguf");
  const std::string expected_head = std::string("GGUF") + std::string("\x03\0\0\0", 4) + std::string("\x01\0\0\0\0\0\0\0", 8) +
                                    std::string("\x01\0\0\0\0\0\0\0", 8) + std::string("\x01\0\0\0\0\0\0\0", 8) + "k" +
                                    std::string("\x04\0\0\0", 4) + std::string("\x04\x03\x02\x01", 4) +
                                    std::string("\x01\0\0\0\0\0\0\0", 8) + "t" + std::string("\x01\0\0\0", 4) +
                                    std::string("\x01\0\0\0\0\0\0\0", 8) + std::string("\0\0\0\0", 4) + std::string(8, '\0');
  ASSERT_GE(bytes.size(), expected_head.size());
  EXPECT_EQ(bytes.substr(0, expected_head.size()), expected_head);
  // The header is 74 bytes: the data starts at the next 32-byte boundary.
  EXPECT_EQ(bytes.substr(96, 4), std::string("\0\0\x80\x3f", 4));
  EXPECT_EQ(bytes.size() % 32, 0u);
}

TEST(GgufFile, DamagedFilesAreRefused) {
  testing::TempDir dir;
  sample_writer().write(dir.path() / "m.gguf");
  const std::string good = read_all(dir.path() / "m.gguf");
  auto refuses = [](std::string bytes, const std::string& needle) {
    try {
      GgufFile::parse(std::move(bytes), "damaged.gguf");
    } catch (const GgufError& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("damaged.gguf"), std::string::npos);
      return;
    }
    ADD_FAILURE() << "accepted a damaged file (" << needle << ")";
  };
  refuses("GGUX" + good.substr(4), "no GGUF magic");
  std::string v9 = good;
  v9[4] = 9;
  refuses(v9, "version 9");
  refuses(good.substr(0, 100), "truncated");
  refuses(good.substr(0, good.size() - 40), "past the end");
  std::string bad_type = good;
  const size_t at = good.find("general.architecture") + std::strlen("general.architecture");
  bad_type[at] = 42;
  refuses(bad_type, "unknown metadata value type 42");
  EXPECT_THROW(GgufFile::open(dir.path() / "none.gguf"), GgufError);
}

TEST(GgufFile, WriterRefusesMistakes) {
  GgufWriter w;
  w.set("a", Value::u32(1));
  EXPECT_THROW(w.set("a", Value::u32(2)), std::logic_error);
  EXPECT_THROW(w.add_tensor("t", {2, 2}, TensorType::F32, std::string(15, '\0')), std::logic_error);
}

}  // namespace
}  // namespace medlora::gguf
