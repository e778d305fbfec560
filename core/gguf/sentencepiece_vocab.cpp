#include "core/gguf/sentencepiece_vocab.h"

#include <bit>

#include "core/gguf/file_bytes.h"
#include "core/gguf/gguf_value.h"

namespace medlora::gguf {

namespace {

class WireReader {
 public:
  WireReader(std::string_view bytes, const std::string& origin) : bytes_(bytes), origin_(origin) {}
  bool done() const { return at_ >= bytes_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw GgufError(origin_ + ": not a sentencepiece model (" + what + " at byte " + std::to_string(at_) + ")");
  }
  uint64_t varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (done()) fail("truncated varint");
      const auto byte = static_cast<unsigned char>(bytes_[at_++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
    fail("overlong varint");
  }
  std::string_view bytes(uint64_t n) {
    if (n > bytes_.size() - at_) fail("a field runs past the end");
    const auto out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }
  uint32_t fixed32() {
    const auto b = bytes(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(b[i])) << (8 * i);
    return v;
  }
  // Skips a field of the given wire type.
  void skip(uint32_t wire_type) {
    switch (wire_type) {
      case 0: varint(); break;
      case 1: bytes(8); break;
      case 2: bytes(varint()); break;
      case 5: bytes(4); break;
      default: fail("wire type " + std::to_string(wire_type));
    }
  }

 private:
  std::string_view bytes_;
  const std::string& origin_;
  size_t at_ = 0;
};

SentencepiecePiece parse_piece(std::string_view message, const std::string& origin) {
  SentencepiecePiece piece;
  WireReader r(message, origin);
  while (!r.done()) {
    const uint64_t tag = r.varint();
    const auto field = tag >> 3;
    const auto wire = static_cast<uint32_t>(tag & 7);
    if (field == 1 && wire == 2) piece.piece = std::string(r.bytes(r.varint()));
    else if (field == 2 && wire == 5) piece.score = std::bit_cast<float>(r.fixed32());
    else if (field == 3 && wire == 0) piece.type = static_cast<int32_t>(r.varint());
    else r.skip(wire);
  }
  if (piece.type < 1 || piece.type > 6) r.fail("piece type " + std::to_string(piece.type));
  return piece;
}

}  // namespace

std::vector<SentencepiecePiece> parse_sentencepiece_model(std::string_view bytes, const std::string& origin) {
  std::vector<SentencepiecePiece> pieces;
  WireReader r(bytes, origin);
  while (!r.done()) {
    const uint64_t tag = r.varint();
    const auto wire = static_cast<uint32_t>(tag & 7);
    if ((tag >> 3) == 1 && wire == 2) pieces.push_back(parse_piece(r.bytes(r.varint()), origin));
    else r.skip(wire);
  }
  if (pieces.empty()) throw GgufError(origin + ": not a sentencepiece model (no pieces)");
  return pieces;
}

std::vector<SentencepiecePiece> read_sentencepiece_model(const std::filesystem::path& tokenizer_model) {
  return parse_sentencepiece_model(read_file_bytes(tokenizer_model), tokenizer_model.string());
}

}  // namespace medlora::gguf
