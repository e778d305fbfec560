#pragma once
// A shuffle that depends only on its seed (not on the standard library's distributions), so that
// a study's stored seed reproduces its system codes and reviewer orders on any build.
#include <cstdint>
#include <utility>
#include <vector>

namespace medlora::store {

// SplitMix64 (Steele, Lea & Flood 2014): a small generator with well-mixed 64-bit outputs.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound) by rejection, without modulo bias.
  uint64_t below(uint64_t bound) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t value = next();
    while (value >= limit) value = next();
    return value % bound;
  }

 private:
  uint64_t state_;
};

// Seeds for separate purposes drawn from one study seed (codes, the question rotation, each
// reviewer's order) so that they do not repeat one another.
inline uint64_t derived_seed(uint64_t study_seed, uint64_t purpose, uint64_t index = 0) {
  SplitMix64 mix(study_seed ^ (purpose * 0xD1B54A32D192ED03ull));
  return mix.next() + index * 0x9E3779B97F4A7C15ull;
}

// Fisher-Yates.
template <typename T>
void seeded_shuffle(std::vector<T>& values, uint64_t seed) {
  SplitMix64 random(seed);
  for (size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[random.below(i)]);
}

}  // namespace medlora::store
