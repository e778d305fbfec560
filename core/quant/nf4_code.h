#pragma once
// The 16 NormalFloat4 values of the QLoRA paper, exactly as bitsandbytes' get_4bit_type("nf4")
// lists them: quantiles of N(0, 1) scaled to [-1, 1], with an exact zero.
#include <array>
#include <cstdint>

namespace medlora::quant {

inline constexpr std::array<float, 16> kNf4Code = {
    -1.0f,
    -0.6961928009986877f,
    -0.5250730514526367f,
    -0.39491748809814453f,
    -0.28444138169288635f,
    -0.18477343022823334f,
    -0.09105003625154495f,
    0.0f,
    0.07958029955625534f,
    0.16093020141124725f,
    0.24611230194568634f,
    0.33791524171829224f,
    0.44070982933044434f,
    0.5626170039176941f,
    0.7229568362236023f,
    1.0f,
};

// Index of the code value nearest to x (x already divided by its block's absmax). Ties go to
// the upper value, as bitsandbytes' dQuantizeNF4 (thresholds are the midpoints, compared with >).
uint8_t nearest_nf4(float x);

}  // namespace medlora::quant
