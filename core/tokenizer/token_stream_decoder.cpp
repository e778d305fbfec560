#include "core/tokenizer/token_stream_decoder.h"

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {
namespace {

// True when `text` ends in an incomplete UTF-8 sequence (or its U+FFFD stand-in, which a
// decoder writes for bytes that later ids may still complete).
bool ends_unfinished(const std::string& text) {
  static const std::string replacement = "\xEF\xBF\xBD";
  if (text.size() >= 3 && text.compare(text.size() - 3, 3, replacement) == 0) return true;
  int continuation = 0;
  for (auto it = text.rbegin(); it != text.rend() && continuation < 4; ++it) {
    const auto byte = static_cast<unsigned char>(*it);
    if ((byte & 0xC0) == 0x80) {
      ++continuation;
      continue;
    }
    int needed = 0;
    if ((byte & 0xE0) == 0xC0) needed = 1;
    else if ((byte & 0xF0) == 0xE0) needed = 2;
    else if ((byte & 0xF8) == 0xF0) needed = 3;
    return continuation < needed;
  }
  return false;
}

}  // namespace

TokenStreamDecoder::TokenStreamDecoder(std::shared_ptr<const Tokenizer> tokenizer) : tokenizer_(std::move(tokenizer)) {
  if (!tokenizer_) throw TokenizerError("TokenStreamDecoder needs a tokenizer");
}

// The window ids_[prefix_, ...) is decoded twice, without and with the new ids; the
// difference is the new text. Decoding from a few ids back keeps decoders that treat the
// first piece specially (sentencepiece's dropped leading space) from changing the text.
std::string TokenStreamDecoder::push(int64_t id) {
  if (tokenizer_->is_special(id)) return {};  // also rejects ids outside the vocabulary
  ids_.push_back(id);
  const std::vector<int64_t> known(ids_.begin() + static_cast<std::ptrdiff_t>(prefix_),
                                   ids_.begin() + static_cast<std::ptrdiff_t>(read_));
  const std::vector<int64_t> all(ids_.begin() + static_cast<std::ptrdiff_t>(prefix_), ids_.end());
  const std::string before = tokenizer_->decode(known, true);
  const std::string after = tokenizer_->decode(all, true);
  if (ends_unfinished(after) || after.size() < before.size() || after.compare(0, before.size(), before) != 0) {
    return {};
  }
  std::string text = after.substr(before.size());
  prefix_ = read_;
  read_ = ids_.size();
  // Keep the window short: a few ids of context are enough.
  if (prefix_ > 64) {
    ids_.erase(ids_.begin(), ids_.begin() + static_cast<std::ptrdiff_t>(prefix_));
    read_ -= prefix_;
    prefix_ = 0;
  }
  return text;
}

std::string TokenStreamDecoder::finish() {
  std::string text;
  if (read_ < ids_.size()) {
    const std::vector<int64_t> known(ids_.begin() + static_cast<std::ptrdiff_t>(prefix_),
                                     ids_.begin() + static_cast<std::ptrdiff_t>(read_));
    const std::vector<int64_t> all(ids_.begin() + static_cast<std::ptrdiff_t>(prefix_), ids_.end());
    const std::string before = tokenizer_->decode(known, true);
    const std::string after = tokenizer_->decode(all, true);
    text = after.size() >= before.size() ? after.substr(before.size()) : after;
  }
  reset();
  return text;
}

void TokenStreamDecoder::reset() {
  ids_.clear();
  prefix_ = read_ = 0;
}

}  // namespace medlora::tokenizer
