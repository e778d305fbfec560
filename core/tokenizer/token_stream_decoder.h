#pragma once
// Turns ids arriving one at a time (generation) into text as soon as it is final.
// Everything push() returns followed by finish() equals tokenizer.decode(all ids):
// incomplete UTF-8 from byte-fallback pieces is held back, and the leading space that
// decoding a suffix alone would drop is kept. Special ids produce no text.
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
  bool ends_inside_character() const;
  std::string decode_pending() const;

  std::shared_ptr<const Tokenizer> tokenizer_;
  std::vector<int64_t> pending_;  // plain ids not yet turned into text
  bool started_ = false;          // the first plain piece (whose leading space drops) is out
};

}  // namespace medlora::tokenizer
