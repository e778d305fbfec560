#pragma once
// How a frozen base linear weight is stored: as loaded (none), int8 with one absmax scale per
// output row (LLM.int8()-style, weight only), or NF4 (QLoRA's 4-bit NormalFloat, block 64),
// optionally with the NF4 scales double-quantised ("nf4-dq", bitsandbytes' compress_statistics).
#include <string>

namespace medlora::quant {

enum class QuantFormat { None, Int8, Nf4 };

struct BaseQuantization {
  QuantFormat format = QuantFormat::None;
  bool double_quant = false;  // nf4 only

  bool enabled() const { return format != QuantFormat::None; }
};

// "none" | "int8" | "nf4" | "nf4-dq" (RUN.json's base_quantization and --quantize); throws
// std::invalid_argument naming the accepted values.
BaseQuantization parse_base_quantization(const std::string& text);
std::string base_quantization_name(const BaseQuantization& quantization);

}  // namespace medlora::quant
