#pragma once
// The one exception type for bad safetensors files and checkpoints: "<file>: <tensor>: <problem>".
#include <stdexcept>
#include <string>

namespace medlora::io {

class SafetensorsError : public std::runtime_error {
 public:
  // tensor may be empty when the problem concerns the whole file.
  SafetensorsError(std::string file, std::string tensor, const std::string& problem);

  const std::string& file() const { return file_; }
  const std::string& tensor() const { return tensor_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string tensor_;
  std::string problem_;
};

}  // namespace medlora::io
