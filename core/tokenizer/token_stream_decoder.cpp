#include "core/tokenizer/token_stream_decoder.h"

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

// Length of the UTF-8 sequence a lead byte starts (lenient: may over-estimate for
// invalid leads, which only delays output), 1 for ASCII and stray continuation bytes.
int sequence_length(int byte) {
  if (byte >= 0xC0 && byte <= 0xDF) return 2;
  if (byte >= 0xE0 && byte <= 0xEF) return 3;
  if (byte >= 0xF0 && byte <= 0xF7) return 4;
  return 1;
}

bool is_continuation(int byte) { return byte >= 0x80 && byte <= 0xBF; }

}  // namespace

TokenStreamDecoder::TokenStreamDecoder(std::shared_ptr<const Tokenizer> tokenizer) : tokenizer_(std::move(tokenizer)) {
  if (!tokenizer_) throw TokenizerError("TokenStreamDecoder needs a tokenizer");
}

// True when the pending ids end in byte pieces that begin a UTF-8 character which later
// bytes could still complete. Output then waits: sentencepiece would show U+FFFD now.
bool TokenStreamDecoder::ends_inside_character() const {
  int trailing = 0;  // byte pieces after the last lead byte
  for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
    const int byte = tokenizer_->byte_value(*it);
    if (byte < 0) return false;  // a plain piece: the bytes before it are flushed
    if (is_continuation(byte)) {
      if (++trailing >= 3) return false;  // no lead needs more than 3 of them
      continue;
    }
    return sequence_length(byte) > trailing + 1;
  }
  return false;
}

std::string TokenStreamDecoder::decode_pending() const {
  return started_ ? tokenizer_->decode_continuation(pending_) : tokenizer_->decode(pending_, true);
}

std::string TokenStreamDecoder::push(int64_t id) {
  if (tokenizer_->is_special(id)) return {};  // also rejects ids outside the vocabulary
  pending_.push_back(id);
  if (ends_inside_character()) return {};
  std::string text = decode_pending();
  pending_.clear();
  started_ = true;
  return text;
}

std::string TokenStreamDecoder::finish() {
  std::string text = pending_.empty() ? std::string() : decode_pending();
  reset();
  return text;
}

void TokenStreamDecoder::reset() {
  pending_.clear();
  started_ = false;
}

}  // namespace medlora::tokenizer
