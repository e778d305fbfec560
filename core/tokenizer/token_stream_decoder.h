#pragma once
// Turns ids arriving one at a time (generation) into text as soon as it is final.
// Everything push() returns followed by finish() equals tokenizer.decode(all ids): text is
// held back while it ends inside a UTF-8 character (byte-fallback or byte-level pieces), and
// each step decodes a short window of recent ids so that what decoding a suffix alone would
// change (a dropped leading space) cancels out. Special ids produce no text.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/tokenizer/tokenizer.h"

namespace medlora::tokenizer {

class TokenStreamDecoder {
 public:
  explicit TokenStreamDecoder(std::shared_ptr<const Tokenizer> tokenizer);

  // The newly complete text after `id` (possibly empty).
  std::string push(int64_t id);
  // Whatever is still held back (incomplete bytes decode as U+FFFD, as in decode()).
  // The decoder then starts over as for a new text.
  std::string finish();
  // Drops held-back ids and starts over.
  void reset();

 private:
  std::shared_ptr<const Tokenizer> tokenizer_;
  std::vector<int64_t> ids_;  // plain ids since the window start
  size_t prefix_ = 0;         // ids_[0, prefix_) were already turned into text (context only)
  size_t read_ = 0;           // ids_[0, read_) are covered by the text given out
};

}  // namespace medlora::tokenizer
