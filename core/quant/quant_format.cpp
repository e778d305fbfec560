#include "core/quant/quant_format.h"

#include <stdexcept>

namespace medlora::quant {

BaseQuantization parse_base_quantization(const std::string& text) {
  if (text == "none") return {QuantFormat::None, false};
  if (text == "int8") return {QuantFormat::Int8, false};
  if (text == "nf4") return {QuantFormat::Nf4, false};
  if (text == "nf4-dq") return {QuantFormat::Nf4, true};
  throw std::invalid_argument("'" + text + "' is not a base quantization (use none, int8, nf4 or nf4-dq)");
}

std::string base_quantization_name(const BaseQuantization& q) {
  switch (q.format) {
    case QuantFormat::None: return "none";
    case QuantFormat::Int8: return "int8";
    case QuantFormat::Nf4: return q.double_quant ? "nf4-dq" : "nf4";
  }
  return "none";
}

}  // namespace medlora::quant
