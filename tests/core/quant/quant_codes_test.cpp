#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <set>

#include "tests/core/model/python_reference.h"

#include "core/quant/dynamic_map.h"
#include "core/quant/nf4_code.h"

namespace medlora::quant {
namespace {

TEST(Nf4Code, IsBitsandbytesTable) {
  // bitsandbytes.functional.get_4bit_type("nf4"), as printed there.
  const double expected[16] = {-1.0,
                               -0.6961928009986877,
                               -0.5250730514526367,
                               -0.39491748809814453,
                               -0.28444138169288635,
                               -0.18477343022823334,
                               -0.09105003625154495,
                               0.0,
                               0.07958029955625534,
                               0.16093020141124725,
                               0.24611230194568634,
                               0.33791524171829224,
                               0.44070982933044434,
                               0.5626170039176941,
                               0.7229568362236023,
                               1.0};
  for (int i = 0; i < 16; ++i) EXPECT_EQ(kNf4Code[i], static_cast<float>(expected[i])) << i;
}

TEST(Nf4Code, NearestPicksEachCodeAndSplitsAtMidpoints) {
  for (int i = 0; i < 16; ++i) EXPECT_EQ(nearest_nf4(kNf4Code[i]), i);
  EXPECT_EQ(nearest_nf4(-2.0f), 0);
  EXPECT_EQ(nearest_nf4(2.0f), 15);
  // bitsandbytes' first threshold: x > 0.03979014977812767 goes up to code 8.
  EXPECT_EQ(nearest_nf4(0.0397f), 7);
  EXPECT_EQ(nearest_nf4(0.0399f), 8);
  EXPECT_EQ(nearest_nf4(0.8615f), 15);
  EXPECT_EQ(nearest_nf4(0.8614f), 14);
}

TEST(DynamicMap, SignedMapShape) {
  const auto& map = signed_dynamic_map();
  EXPECT_FLOAT_EQ(map.front(), -0.99296875f);  // -(linspace(0.1, 1, 65)[-2] + 1) / 2
  EXPECT_EQ(map.back(), 1.0f);
  EXPECT_TRUE(std::is_sorted(map.begin(), map.end()));
  EXPECT_EQ(std::set<float>(map.begin(), map.end()).size(), 256u);  // no padding zeros
  int negative = 0;
  for (float v : map) negative += v < 0;
  EXPECT_EQ(negative, 127);
  // The smallest magnitude: 1e-6 * (0.1 + 1) / 2.
  EXPECT_FLOAT_EQ(map[128], 5.5e-7f);
  EXPECT_EQ(map[127], 0.0f);
}

TEST(DynamicMap, UnsignedMapShape) {
  const auto& map = unsigned_dynamic_map();
  EXPECT_EQ(map.front(), 0.0f);
  EXPECT_EQ(map.back(), 1.0f);
  EXPECT_TRUE(std::is_sorted(map.begin(), map.end()));
  EXPECT_EQ(std::set<float>(map.begin(), map.end()).size(), 256u);
  // Twice the fraction values of the signed map per exponent: the first decade has 2 means.
  EXPECT_FLOAT_EQ(map[1], 1e-6f * (0.1f + 0.55f) / 2);
}

TEST(DynamicMap, NearestCode) {
  const auto& map = signed_dynamic_map();
  for (int i = 0; i < 256; ++i) EXPECT_EQ(nearest_code(map, map[i]), i);
  EXPECT_EQ(nearest_code(map, -5.0f), 0);
  EXPECT_EQ(nearest_code(map, 5.0f), 255);
  const float mid = 0.5f * (map[200] + map[201]);
  EXPECT_EQ(nearest_code(map, std::nextafter(mid, 0.0f)), 200);
  EXPECT_EQ(nearest_code(map, std::nextafter(mid, 2.0f)), 201);
}

// The maps against bitsandbytes' recipe run in Python (python3-torch), value for value.
TEST(DynamicMap, MatchesPythonRecipeExactly) {
  const auto python = medlora::testing::python_with_torch();
  ASSERT_FALSE(python.isEmpty()) << "python3 with torch is needed (python3-torch, see ./dev)";
  QProcess p;
  p.start(python, {QString::fromStdString(medlora::testing::source_path("tests/reference/dynamic_map_reference.py").string())});
  ASSERT_TRUE(p.waitForFinished(120000));
  ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  const auto json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
  for (const auto& [key, map] : {std::pair{"signed", &signed_dynamic_map()}, std::pair{"unsigned", &unsigned_dynamic_map()}}) {
    const auto values = json[key].toArray();
    ASSERT_EQ(values.size(), 256) << key;
    for (int i = 0; i < 256; ++i) EXPECT_EQ((*map)[i], static_cast<float>(values[i].toDouble())) << key << " " << i;
  }
}

}  // namespace
}  // namespace medlora::quant
