#include "core/io/dtype.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/io/torch_dtype.h"

namespace medlora::io {
namespace {

const DType kAll[] = {DType::BOOL, DType::U8, DType::I8, DType::I16, DType::I32,
                      DType::I64,  DType::F16, DType::BF16, DType::F32, DType::F64};

TEST(DType, NamesRoundTrip) {
  for (DType d : kAll) {
    const auto parsed = parse_dtype(to_string(d));
    ASSERT_TRUE(parsed.has_value()) << to_string(d);
    EXPECT_EQ(*parsed, d);
  }
  EXPECT_EQ(to_string(DType::BF16), "BF16");
  EXPECT_EQ(to_string(DType::BOOL), "BOOL");
}

TEST(DType, RejectsUnknownAndWrongCase) {
  EXPECT_FALSE(parse_dtype("f32").has_value());
  EXPECT_FALSE(parse_dtype("U16").has_value());
  EXPECT_FALSE(parse_dtype("F8_E4M3").has_value());
  EXPECT_FALSE(parse_dtype("").has_value());
  EXPECT_FALSE(parse_dtype("F32 ").has_value());
}

TEST(DType, ElementSizesMatchTorch) {
  for (DType d : kAll)
    EXPECT_EQ(element_size(d), c10::elementSize(to_scalar_type(d))) << to_string(d);
  EXPECT_EQ(element_size(DType::BF16), 2u);
  EXPECT_EQ(element_size(DType::I64), 8u);
}

TEST(DType, TorchMappingRoundTrips) {
  for (DType d : kAll) EXPECT_EQ(from_scalar_type(to_scalar_type(d)), d) << to_string(d);
  EXPECT_EQ(to_scalar_type(DType::BF16), c10::ScalarType::BFloat16);
  EXPECT_EQ(to_scalar_type(DType::U8), c10::ScalarType::Byte);
}

TEST(DType, UnsupportedTorchTypeThrowsNamingIt) {
  try {
    from_scalar_type(c10::ScalarType::ComplexFloat);
    FAIL() << "expected an exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("ComplexFloat"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace medlora::io
