#pragma once
// HF tokenizer.json decoders: each turns the list of token strings into another list
// (HF's decode_chain); the decoded text is the final list joined.
#include <memory>
#include <string>
#include <vector>

#include "core/tokenizer/hf/pre_tokenizers.h"
#include "core/tokenizer/hf/split_pattern.h"

namespace medlora::tokenizer::hf {

class Decoder {
 public:
  virtual ~Decoder() = default;
  virtual void decode_chain(std::vector<std::string>& tokens) const = 0;
};

std::unique_ptr<Decoder> make_byte_level_decoder();
std::unique_ptr<Decoder> make_metaspace_decoder(std::string replacement, PrependScheme scheme);
std::unique_ptr<Decoder> make_replace_decoder(SplitPattern pattern, std::string content);
std::unique_ptr<Decoder> make_byte_fallback_decoder();
std::unique_ptr<Decoder> make_fuse_decoder();
std::unique_ptr<Decoder> make_strip_decoder(std::string content, size_t start, size_t stop);
std::unique_ptr<Decoder> make_wordpiece_decoder(std::string prefix, bool cleanup);
std::unique_ptr<Decoder> make_sequence_decoder(std::vector<std::unique_ptr<Decoder>> parts);

}  // namespace medlora::tokenizer::hf
