#include "core/io/safetensors_header.h"

#include <gtest/gtest.h>

#include <random>

#include "core/io/safetensors_error.h"
#include "tests/core/io/safetensors_fixture.h"

namespace medlora::io {
namespace {

using test::le_u64;
using test::make_safetensors;

SafetensorsHeader parse(const std::string& bytes, const std::string& name = "x.safetensors") {
  return parse_safetensors_header(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), name);
}

// Expects a SafetensorsError whose message names the file, the tensor (if given) and a phrase.
void expect_error(const std::string& bytes, const std::string& tensor, const std::string& phrase) {
  try {
    parse(bytes, "bad.safetensors");
    FAIL() << "no error; expected: " << phrase;
  } catch (const SafetensorsError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(e.file(), "bad.safetensors");
    EXPECT_EQ(msg.rfind("bad.safetensors: ", 0), 0u) << msg;
    EXPECT_EQ(e.tensor(), tensor) << msg;
    if (!tensor.empty()) EXPECT_NE(msg.find("'" + tensor + "'"), std::string::npos) << msg;
    EXPECT_NE(msg.find(phrase), std::string::npos) << "message: " << msg << "\nwanted: " << phrase;
  }
}

const std::string kData16(16, '\x01');

TEST(SafetensorsHeader, ParsesValidHeader) {
  const std::string json =
      R"({"__metadata__":{"format":"pt"},"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},)"
      R"("a":{"dtype":"BF16","shape":[2,2],"data_offsets":[0,8]},"e":{"dtype":"I64","shape":[0,3],"data_offsets":[16,16]}})";
  const auto h = parse(make_safetensors(json, kData16));
  EXPECT_EQ(h.metadata.at("format"), "pt");
  ASSERT_EQ(h.tensors.size(), 3u);
  EXPECT_EQ(h.tensors[0].name, "a");  // sorted by name
  EXPECT_EQ(h.data_offset, 8 + json.size());
  EXPECT_EQ(h.data_size, 16u);
  const TensorEntry* a = h.find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->dtype, DType::BF16);
  EXPECT_EQ(a->shape, (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(a->numel(), 4);
  EXPECT_EQ(h.find("e")->numel(), 0);
  EXPECT_EQ(h.find("zz"), nullptr);
}

TEST(SafetensorsHeader, ScalarAndGapsAreAccepted) {
  // A scalar has shape [] and one element; an unused gap in the data region is fine.
  const auto h = parse(make_safetensors(R"({"s":{"dtype":"F32","shape":[],"data_offsets":[8,12]}})", kData16));
  EXPECT_EQ(h.find("s")->numel(), 1);
}

TEST(SafetensorsHeader, PaddedHeaderAndEmptyFile) {
  EXPECT_NO_THROW(parse(make_safetensors("{}      ", "")));
  EXPECT_TRUE(parse(make_safetensors("{}", "")).tensors.empty());
}

TEST(SafetensorsHeader, TruncatedFile) {
  expect_error("", "", "truncated");
  expect_error(std::string("\x02\0\0", 3), "", "fewer than the 8-byte header length");
}

TEST(SafetensorsHeader, HeaderLengthBeyondFile) {
  expect_error(le_u64(200) + "{}", "", "beyond the end");
  expect_error(le_u64(uint64_t{1} << 62) + "{}", "", "exceeds");
  expect_error(le_u64(UINT64_MAX) + "{}", "", "exceeds");
}

TEST(SafetensorsHeader, InvalidJson) {
  expect_error(make_safetensors(R"({"a":{"dtype":"F32",)", ""), "", "not valid JSON");
  expect_error(make_safetensors("[1,2]", ""), "", "does not start with '{'");
  expect_error(make_safetensors("{} garbage", ""), "", "not valid JSON");
  expect_error(make_safetensors("{\"a\":1}", ""), "a", "must be a JSON object");
}

TEST(SafetensorsHeader, UnknownDtype) {
  expect_error(make_safetensors(R"({"w":{"dtype":"F12","shape":[1],"data_offsets":[0,2]}})", kData16), "w",
               "unknown or unsupported dtype \"F12\"");
  expect_error(make_safetensors(R"({"w":{"dtype":7,"shape":[1],"data_offsets":[0,2]}})", kData16), "w",
               "\"dtype\" must be a string");
}

TEST(SafetensorsHeader, MissingFields) {
  expect_error(make_safetensors(R"({"w":{"shape":[1],"data_offsets":[0,4]}})", kData16), "w", "missing \"dtype\"");
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","data_offsets":[0,4]}})", kData16), "w", "missing \"shape\"");
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[1]}})", kData16), "w", "missing \"data_offsets\"");
}

TEST(SafetensorsHeader, BadShapeValues) {
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", kData16), "w",
               "non-negative integers");
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", kData16), "w",
               "non-negative integers");
  expect_error(make_safetensors(
                   R"({"w":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,4]}})", kData16),
               "w", "too large");
  // A zero dimension empties the tensor even when the others overflow on their own.
  EXPECT_EQ(parse(make_safetensors(
                      R"({"w":{"dtype":"F32","shape":[4294967296,4294967296,16,0],"data_offsets":[0,0]}})", kData16))
                .find("w")
                ->numel(),
            0);
}

TEST(SafetensorsHeader, OffsetsOutOfRange) {
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[8],"data_offsets":[0,32]}})", kData16), "w",
               "outside the 16-byte data region");
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}})", kData16), "w",
               "is after end");
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", kData16), "w",
               "[begin, end]");
  expect_error(make_safetensors(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,-4]}})", kData16), "w",
               "non-negative integers");
}

TEST(SafetensorsHeader, OverlappingTensors) {
  expect_error(make_safetensors(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                kData16),
               "b", "overlap tensor 'a'");
}

TEST(SafetensorsHeader, ShapeTimesDtypeMismatch) {
  expect_error(make_safetensors(R"({"w":{"dtype":"F16","shape":[3],"data_offsets":[0,8]}})", kData16), "w",
               "shape × dtype size is 6 bytes");
}

TEST(SafetensorsHeader, DuplicateNames) {
  expect_error(make_safetensors(R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},)"
                                R"("w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})",
                                kData16),
               "w", "more than once");
}

TEST(SafetensorsHeader, MetadataMustBeStrings) {
  expect_error(make_safetensors(R"({"__metadata__":{"total":5}})", ""), "", "must be a string");
  expect_error(make_safetensors(R"({"__metadata__":[1]})", ""), "", "must be an object");
}

TEST(SafetensorsHeader, SerializeIsAlignedAndParsesBack) {
  std::vector<TensorEntry> entries(2);
  entries[0] = {"a\"q", DType::F16, {3}, 0, 6};
  entries[1] = {"b", DType::I32, {1, 1}, 6, 10};
  for (size_t extra = 0; extra < 9; ++extra) {
    const std::map<std::string, std::string> meta{{"k", std::string(extra, 'x')}};
    const std::string head = serialize_safetensors_header(entries, meta);
    ASSERT_EQ(head.size() % 8, 0u);
    const auto h = parse(head + std::string(10, '\0'));
    EXPECT_EQ(h.data_offset, head.size());
    EXPECT_EQ(h.metadata.at("k"), std::string(extra, 'x'));
    EXPECT_EQ(h.find("a\"q")->end, 6u);
  }
}

// Random and mutated headers must only ever raise SafetensorsError (ASan/UBSan builds catch more).
TEST(SafetensorsHeader, RandomAndMutatedBytesNeverCrash) {
  const std::string valid = make_safetensors(
      R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
      R"("b":{"dtype":"BF16","shape":[2,2],"data_offsets":[8,16]}})",
      kData16);
  std::mt19937 rng(1234);
  auto byte = [&] { return static_cast<char>(rng() & 0xFF); };
  int accepted = 0, rejected = 0;
  const std::string alphabet = "{}[]\":,0123456789-.eE \\u\"abF32BI6U8";
  for (int iter = 0; iter < 4000; ++iter) {
    std::string bytes = valid;
    const int kind = iter % 5;
    if (kind == 0) {  // pure random bytes
      bytes.resize(rng() % 64);
      for (char& c : bytes) c = byte();
    } else if (kind == 1) {  // flip a few bytes
      for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) bytes[rng() % bytes.size()] = byte();
    } else if (kind == 2) {  // truncate
      bytes.resize(rng() % bytes.size());
    } else if (kind == 3) {  // JSON-ish characters into the header, keeping the length prefix
      for (int k = 0; k < 1 + static_cast<int>(rng() % 3); ++k)
        bytes[8 + rng() % (bytes.size() - 24)] = alphabet[rng() % alphabet.size()];
    } else {  // random length prefix
      const std::string len = le_u64(rng() % 256);
      bytes.replace(0, 8, len);
    }
    try {
      parse(bytes);
      ++accepted;
    } catch (const SafetensorsError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 1000);
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace medlora::io
