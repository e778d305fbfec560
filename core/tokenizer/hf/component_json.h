#pragma once
// Builds normalizers, pre-tokenizers and decoders from their tokenizer.json objects, checking
// every type and option (tokenizer_json.cpp reads the model, added tokens and post-processor).
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/tokenizer/hf/decoders.h"
#include "core/tokenizer/hf/normalizers.h"
#include "core/tokenizer/hf/pre_tokenizers.h"

namespace medlora::tokenizer::hf {

// `where` is "FILE: normalizer" or deeper ("FILE: pre_tokenizer.pretokenizers[0]").
std::unique_ptr<Normalizer> build_normalizer(const nlohmann::json& j, const std::string& where);
std::unique_ptr<PreTokenizer> build_pre_tokenizer(const nlohmann::json& j, const std::string& where);
std::unique_ptr<Decoder> build_decoder(const nlohmann::json& j, const std::string& where);

// Helpers shared with tokenizer_json.cpp.
// Throws when `j` has a key outside `allowed`.
void check_keys(const nlohmann::json& j, std::initializer_list<const char*> allowed, const std::string& where);
// The "type" string of a component object.
std::string component_type(const nlohmann::json& j, const std::string& where);
bool bool_field(const nlohmann::json& j, const char* key, bool fallback, const std::string& where);
std::string string_field(const nlohmann::json& j, const char* key, const std::string& where);
// {"String": s} or {"Regex": r}.
SplitPattern pattern_field(const nlohmann::json& j, const char* key, const std::string& where);

}  // namespace medlora::tokenizer::hf
