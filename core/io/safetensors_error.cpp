#include "core/io/safetensors_error.h"

#include <utility>

namespace medlora::io {
namespace {

std::string compose(const std::string& file, const std::string& tensor, const std::string& problem) {
  std::string out = file.empty() ? std::string("<unnamed file>") : file;
  if (!tensor.empty()) out += ": tensor '" + tensor + "'";
  out += ": " + problem;
  return out;
}

}  // namespace

SafetensorsError::SafetensorsError(std::string file, std::string tensor, const std::string& problem)
    : std::runtime_error(compose(file, tensor, problem)),
      file_(std::move(file)),
      tensor_(std::move(tensor)),
      problem_(problem) {}

}  // namespace medlora::io
