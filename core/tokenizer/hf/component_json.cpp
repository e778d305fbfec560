#include "core/tokenizer/hf/component_json.h"

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::hf {

using nlohmann::json;

void check_keys(const json& j, std::initializer_list<const char*> allowed, const std::string& where) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known = known || it.key() == a;
    if (!known) {
      throw TokenizerError(where + ": option \"" + it.key() +
                           "\" is not supported (this tokenizer follows HF tokenizers exactly and will not guess "
                           "what it means; remove it or use a tokenizer without it)");
    }
  }
}

std::string component_type(const json& j, const std::string& where) {
  if (!j.is_object()) throw TokenizerError(where + ": expected an object, found " + std::string(j.type_name()));
  const auto it = j.find("type");
  if (it == j.end() || !it->is_string()) throw TokenizerError(where + ": the object has no \"type\" string");
  return it->get<std::string>();
}

bool bool_field(const json& j, const char* key, bool fallback, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) throw TokenizerError(where + ": \"" + key + "\" must be true or false");
  return it->get<bool>();
}

std::string string_field(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) throw TokenizerError(where + ": \"" + key + "\" must be a string");
  return it->get<std::string>();
}

SplitPattern pattern_field(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object() || it->size() != 1) {
    throw TokenizerError(where + ": \"" + key + "\" must be {\"String\": ...} or {\"Regex\": ...}");
  }
  if (it->contains("String")) return SplitPattern::literal(string_field(*it, "String", where + "." + key));
  if (it->contains("Regex")) return SplitPattern::regex(string_field(*it, "Regex", where + "." + key), where + "." + key);
  throw TokenizerError(where + ": \"" + key + "\" must be {\"String\": ...} or {\"Regex\": ...}");
}

namespace {

const json& array_field(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) throw TokenizerError(where + ": \"" + key + "\" must be an array");
  return *it;
}

size_t count_field(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_unsigned()) throw TokenizerError(where + ": \"" + key + "\" must be a count");
  return it->get<size_t>();
}

std::string single_char_field(const json& j, const char* key, const std::string& where) {
  std::string s = string_field(j, key, where);
  if (s.empty()) throw TokenizerError(where + ": \"" + key + "\" must be one character");
  return s;
}

// prepend_scheme (default "always"); the legacy add_prefix_space must agree with it, as HF
// refuses a file where it does not (add_prefix_space false means "never").
PrependScheme metaspace_scheme(const json& j, const std::string& where) {
  PrependScheme scheme = PrependScheme::always;
  const auto it = j.find("prepend_scheme");
  if (it != j.end() && !it->is_null()) {
    const std::string s = it->is_string() ? it->get<std::string>() : std::string();
    if (s == "always") {
      scheme = PrependScheme::always;
    } else if (s == "first") {
      scheme = PrependScheme::first;
    } else if (s == "never") {
      scheme = PrependScheme::never;
    } else {
      throw TokenizerError(where + ": prepend_scheme must be \"always\", \"first\" or \"never\"");
    }
  }
  const auto legacy = j.find("add_prefix_space");
  if (legacy != j.end() && !legacy->is_null()) {
    if (bool_field(j, "add_prefix_space", true, where) != (scheme != PrependScheme::never)) {
      throw TokenizerError(where + ": add_prefix_space does not match prepend_scheme (HF refuses this file too); "
                                   "remove add_prefix_space or make them agree");
    }
  }
  return scheme;
}

std::string metaspace_replacement(const json& j, const std::string& where) {
  if (j.contains("replacement")) return single_char_field(j, "replacement", where);
  if (j.contains("str_rep")) return single_char_field(j, "str_rep", where);
  return "\xE2\x96\x81";
}

std::string unsupported(const std::string& where, const std::string& kind, const std::string& type) {
  return where + ": " + kind + " type \"" + type + "\" is not supported by MedLoRA's tokenizer.json reader";
}

}  // namespace

std::unique_ptr<Normalizer> build_normalizer(const json& j, const std::string& where) {
  const std::string type = component_type(j, where);
  if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
    check_keys(j, {"type"}, where);
    const UnicodeForm form = type == "NFC"    ? UnicodeForm::nfc
                             : type == "NFD"  ? UnicodeForm::nfd
                             : type == "NFKC" ? UnicodeForm::nfkc
                                              : UnicodeForm::nfkd;
    return make_unicode_normalizer(form);
  }
  if (type == "Lowercase") {
    check_keys(j, {"type"}, where);
    return make_lowercase_normalizer();
  }
  if (type == "Replace") {
    check_keys(j, {"type", "pattern", "content"}, where);
    return make_replace_normalizer(pattern_field(j, "pattern", where), string_field(j, "content", where));
  }
  if (type == "Prepend") {
    check_keys(j, {"type", "prepend"}, where);
    return make_prepend_normalizer(string_field(j, "prepend", where));
  }
  if (type == "Strip") {
    check_keys(j, {"type", "strip_left", "strip_right"}, where);
    return make_strip_normalizer(bool_field(j, "strip_left", true, where), bool_field(j, "strip_right", true, where));
  }
  if (type == "Sequence") {
    check_keys(j, {"type", "normalizers"}, where);
    std::vector<std::unique_ptr<Normalizer>> parts;
    const auto& list = array_field(j, "normalizers", where);
    for (size_t i = 0; i < list.size(); ++i) {
      parts.push_back(build_normalizer(list[i], where + ".normalizers[" + std::to_string(i) + "]"));
    }
    return make_sequence_normalizer(std::move(parts));
  }
  if (type == "BertNormalizer") {
    check_keys(j, {"type", "clean_text", "handle_chinese_chars", "strip_accents", "lowercase"}, where);
    const bool lowercase = bool_field(j, "lowercase", true, where);
    return make_bert_normalizer(bool_field(j, "clean_text", true, where),
                                bool_field(j, "handle_chinese_chars", true, where),
                                bool_field(j, "strip_accents", lowercase, where), lowercase);
  }
  throw TokenizerError(unsupported(where, "normalizer", type));
}

std::unique_ptr<PreTokenizer> build_pre_tokenizer(const json& j, const std::string& where) {
  const std::string type = component_type(j, where);
  if (type == "ByteLevel") {
    check_keys(j, {"type", "add_prefix_space", "trim_offsets", "use_regex"}, where);
    return make_byte_level_pre_tokenizer(bool_field(j, "add_prefix_space", true, where),
                                         bool_field(j, "use_regex", true, where));
  }
  if (type == "Split") {
    check_keys(j, {"type", "pattern", "behavior", "invert"}, where);
    return make_split_pre_tokenizer(pattern_field(j, "pattern", where),
                                    parse_split_behavior(string_field(j, "behavior", where), where),
                                    bool_field(j, "invert", false, where));
  }
  if (type == "Digits") {
    check_keys(j, {"type", "individual_digits"}, where);
    return make_digits_pre_tokenizer(bool_field(j, "individual_digits", false, where));
  }
  if (type == "Metaspace") {
    check_keys(j, {"type", "replacement", "str_rep", "prepend_scheme", "split", "add_prefix_space"}, where);
    return make_metaspace_pre_tokenizer(metaspace_replacement(j, where), metaspace_scheme(j, where),
                                        bool_field(j, "split", true, where));
  }
  if (type == "Whitespace") {
    check_keys(j, {"type"}, where);
    return make_whitespace_pre_tokenizer();
  }
  if (type == "WhitespaceSplit") {
    check_keys(j, {"type"}, where);
    return make_whitespace_split_pre_tokenizer();
  }
  if (type == "Punctuation") {
    check_keys(j, {"type", "behavior"}, where);
    const auto it = j.find("behavior");
    const SplitBehavior behavior = it == j.end() || it->is_null()
                                       ? SplitBehavior::isolated
                                       : parse_split_behavior(string_field(j, "behavior", where), where);
    return make_punctuation_pre_tokenizer(behavior);
  }
  if (type == "BertPreTokenizer") {
    check_keys(j, {"type"}, where);
    return make_bert_pre_tokenizer();
  }
  if (type == "Sequence") {
    check_keys(j, {"type", "pretokenizers"}, where);
    std::vector<std::unique_ptr<PreTokenizer>> parts;
    const auto& list = array_field(j, "pretokenizers", where);
    for (size_t i = 0; i < list.size(); ++i) {
      parts.push_back(build_pre_tokenizer(list[i], where + ".pretokenizers[" + std::to_string(i) + "]"));
    }
    return make_sequence_pre_tokenizer(std::move(parts));
  }
  throw TokenizerError(unsupported(where, "pre-tokenizer", type));
}

std::unique_ptr<Decoder> build_decoder(const json& j, const std::string& where) {
  const std::string type = component_type(j, where);
  if (type == "ByteLevel") {
    check_keys(j, {"type", "add_prefix_space", "trim_offsets", "use_regex"}, where);
    return make_byte_level_decoder();
  }
  if (type == "Metaspace") {
    check_keys(j, {"type", "replacement", "str_rep", "prepend_scheme", "split", "add_prefix_space"}, where);
    return make_metaspace_decoder(metaspace_replacement(j, where), metaspace_scheme(j, where));
  }
  if (type == "Replace") {
    check_keys(j, {"type", "pattern", "content"}, where);
    return make_replace_decoder(pattern_field(j, "pattern", where), string_field(j, "content", where));
  }
  if (type == "ByteFallback") {
    check_keys(j, {"type"}, where);
    return make_byte_fallback_decoder();
  }
  if (type == "Fuse") {
    check_keys(j, {"type"}, where);
    return make_fuse_decoder();
  }
  if (type == "Strip") {
    check_keys(j, {"type", "content", "start", "stop"}, where);
    return make_strip_decoder(single_char_field(j, "content", where), count_field(j, "start", where),
                              count_field(j, "stop", where));
  }
  if (type == "WordPiece") {
    check_keys(j, {"type", "prefix", "cleanup"}, where);
    return make_wordpiece_decoder(j.contains("prefix") ? string_field(j, "prefix", where) : "##",
                                  bool_field(j, "cleanup", true, where));
  }
  if (type == "Sequence") {
    check_keys(j, {"type", "decoders"}, where);
    std::vector<std::unique_ptr<Decoder>> parts;
    const auto& list = array_field(j, "decoders", where);
    for (size_t i = 0; i < list.size(); ++i) {
      parts.push_back(build_decoder(list[i], where + ".decoders[" + std::to_string(i) + "]"));
    }
    return make_sequence_decoder(std::move(parts));
  }
  throw TokenizerError(unsupported(where, "decoder", type));
}

}  // namespace medlora::tokenizer::hf
