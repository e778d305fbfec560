#pragma once
// The pieces of a sentencepiece tokenizer.model (its ModelProto, read as protobuf wire format:
// field 1 holds the SentencePiece messages {1: piece, 2: score, 3: type}), for the GGUF
// "llama" vocabulary. Reading the file directly keeps libsentencepiece out of this process
// (see docs/architecture.md) and gives the piece types sentencepiece itself stores.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace medlora::gguf {

struct SentencepiecePiece {
  std::string piece;
  float score = 0.0f;
  int32_t type = 1;  // sentencepiece's Type: NORMAL 1, UNKNOWN 2, CONTROL 3, USER_DEFINED 4, UNUSED 5, BYTE 6
};

// Throws GgufError naming `origin` for bytes that are not a ModelProto with pieces.
std::vector<SentencepiecePiece> parse_sentencepiece_model(std::string_view bytes, const std::string& origin);
std::vector<SentencepiecePiece> read_sentencepiece_model(const std::filesystem::path& tokenizer_model);

}  // namespace medlora::gguf
