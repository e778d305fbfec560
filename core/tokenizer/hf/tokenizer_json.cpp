#include "core/tokenizer/hf/tokenizer_json.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/tokenizer/hf/component_json.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::hf {

using nlohmann::json;

namespace {

std::optional<std::string> optional_string(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw TokenizerError(where + ": \"" + key + "\" must be a string or null");
  return it->get<std::string>();
}

std::unique_ptr<BpeModel> build_model(const json& j, const std::string& where, const std::string& origin) {
  std::string type;
  if (j.is_object() && !j.contains("type") && j.contains("merges")) {
    type = "BPE";  // old files leave the type out
  } else {
    type = component_type(j, where);
  }
  if (type != "BPE") {
    throw TokenizerError(where + ": model type \"" + type +
                         "\" is not supported (MedLoRA reads BPE tokenizer.json files; WordPiece, Unigram and "
                         "WordLevel are not implemented — use a BPE model's tokenizer or its tokenizer.model)");
  }
  check_keys(j, {"type", "dropout", "unk_token", "continuing_subword_prefix", "end_of_word_suffix", "fuse_unk",
                 "byte_fallback", "ignore_merges", "vocab", "merges"},
             where);
  if (const auto it = j.find("dropout"); it != j.end() && !it->is_null()) {
    throw TokenizerError(where + ": BPE dropout is " + it->dump() +
                         "; only null is supported (dropout makes encoding random; set it to null)");
  }
  BpeOptions options;
  options.unk_token = optional_string(j, "unk_token", where);
  options.fuse_unk = bool_field(j, "fuse_unk", false, where);
  options.byte_fallback = bool_field(j, "byte_fallback", false, where);
  options.ignore_merges = bool_field(j, "ignore_merges", false, where);
  options.continuing_subword_prefix = optional_string(j, "continuing_subword_prefix", where).value_or("");
  options.end_of_word_suffix = optional_string(j, "end_of_word_suffix", where).value_or("");

  const auto vit = j.find("vocab");
  if (vit == j.end() || !vit->is_object()) throw TokenizerError(where + ": \"vocab\" must be an object of token: id");
  VocabMap vocab;
  vocab.reserve(vit->size());
  for (const auto& [token, id] : vit->get_ref<const json::object_t&>()) {
    if (!id.is_number_unsigned() || id.get<uint64_t>() > 0x7FFFFFFF) {
      throw TokenizerError(where + ": vocab entry \"" + token + "\" has no valid id");
    }
    vocab.emplace(token, id.get<uint32_t>());
  }
  const auto mit = j.find("merges");
  if (mit == j.end() || !mit->is_array()) throw TokenizerError(where + ": \"merges\" must be an array");
  std::vector<std::pair<std::string, std::string>> merges;
  merges.reserve(mit->size());
  for (size_t i = 0; i < mit->size(); ++i) {
    const json& m = (*mit)[i];
    if (m.is_string()) {
      const auto& s = m.get_ref<const std::string&>();
      const size_t space = s.find(' ');
      if (space == std::string::npos || s.find(' ', space + 1) != std::string::npos) {
        throw TokenizerError(where + ": merges[" + std::to_string(i) + "] \"" + s + "\" is not \"a b\"");
      }
      merges.emplace_back(s.substr(0, space), s.substr(space + 1));
    } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
      merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
    } else {
      throw TokenizerError(where + ": merges[" + std::to_string(i) + "] is neither \"a b\" nor [\"a\", \"b\"]");
    }
  }
  return std::make_unique<BpeModel>(std::move(vocab), merges, std::move(options), origin);
}

std::vector<AddedToken> build_added_tokens(const json& j, const std::string& where) {
  std::vector<AddedToken> out;
  if (j.is_null()) return out;
  if (!j.is_array()) throw TokenizerError(where + ": must be an array");
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string w = where + "[" + std::to_string(i) + "]";
    const json& t = j[i];
    if (!t.is_object()) throw TokenizerError(w + ": must be an object");
    check_keys(t, {"id", "content", "single_word", "lstrip", "rstrip", "normalized", "special"}, w);
    AddedToken token;
    if (!t.contains("id") || !t["id"].is_number_unsigned()) throw TokenizerError(w + ": \"id\" must be a count");
    token.id = t["id"].get<uint32_t>();
    token.content = string_field(t, "content", w);
    token.special = bool_field(t, "special", false, w);
    token.single_word = bool_field(t, "single_word", false, w);
    token.lstrip = bool_field(t, "lstrip", false, w);
    token.rstrip = bool_field(t, "rstrip", false, w);
    token.normalized = bool_field(t, "normalized", !token.special, w);
    out.push_back(std::move(token));
  }
  return out;
}

std::pair<std::string, int64_t> token_and_id(const json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array() || it->size() != 2 || !(*it)[0].is_string() ||
      !(*it)[1].is_number_unsigned()) {
    throw TokenizerError(where + ": \"" + key + "\" must be [\"token\", id]");
  }
  return {(*it)[0].get<std::string>(), (*it)[1].get<int64_t>()};
}

std::unique_ptr<PostProcessor> build_post_processor(const json& j, const std::string& where) {
  const std::string type = component_type(j, where);
  if (type == "ByteLevel") {
    check_keys(j, {"type", "add_prefix_space", "trim_offsets", "use_regex"}, where);
    return make_noop_post_processor();
  }
  if (type == "TemplateProcessing") {
    check_keys(j, {"type", "single", "pair", "special_tokens"}, where);
    std::unordered_map<std::string, std::vector<int64_t>> specials;
    if (const auto it = j.find("special_tokens"); it != j.end() && !it->is_null()) {
      if (!it->is_object()) throw TokenizerError(where + ": \"special_tokens\" must be an object");
      for (const auto& [name, value] : it->items()) {
        if (!value.is_object() || !value.contains("ids") || !value["ids"].is_array()) {
          throw TokenizerError(where + ": special_tokens." + name + " has no \"ids\" array");
        }
        std::vector<int64_t> ids;
        for (const auto& id : value["ids"]) {
          if (!id.is_number_unsigned()) throw TokenizerError(where + ": special_tokens." + name + ".ids: not an id");
          ids.push_back(id.get<int64_t>());
        }
        specials[name] = std::move(ids);
      }
    }
    const auto sit = j.find("single");
    if (sit == j.end() || !sit->is_array()) throw TokenizerError(where + ": \"single\" must be an array");
    std::vector<TemplateItem> items;
    for (size_t i = 0; i < sit->size(); ++i) {
      const std::string w = where + ".single[" + std::to_string(i) + "]";
      const json& item = (*sit)[i];
      if (item.is_object() && item.contains("Sequence")) {
        items.push_back({true, {}});
      } else if (item.is_object() && item.contains("SpecialToken") && item["SpecialToken"].contains("id")) {
        const std::string name = string_field(item["SpecialToken"], "id", w);
        const auto found = specials.find(name);
        if (found == specials.end()) {
          throw TokenizerError(w + ": special token \"" + name + "\" is not listed in special_tokens");
        }
        items.push_back({false, found->second});
      } else {
        throw TokenizerError(w + ": expected {\"Sequence\": ...} or {\"SpecialToken\": ...}");
      }
    }
    return make_template_post_processor(std::move(items));
  }
  if (type == "BertProcessing" || type == "RobertaProcessing") {
    if (type == "BertProcessing") {
      check_keys(j, {"type", "sep", "cls"}, where);
    } else {
      check_keys(j, {"type", "sep", "cls", "trim_offsets", "add_prefix_space"}, where);
    }
    return make_wrap_post_processor({token_and_id(j, "cls", where).second}, {token_and_id(j, "sep", where).second});
  }
  if (type == "Sequence") {
    check_keys(j, {"type", "processors"}, where);
    const auto it = j.find("processors");
    if (it == j.end() || !it->is_array()) throw TokenizerError(where + ": \"processors\" must be an array");
    std::vector<std::unique_ptr<PostProcessor>> parts;
    for (size_t i = 0; i < it->size(); ++i) {
      parts.push_back(build_post_processor((*it)[i], where + ".processors[" + std::to_string(i) + "]"));
    }
    return make_sequence_post_processor(std::move(parts));
  }
  throw TokenizerError(where + ": post-processor type \"" + type + "\" is not supported by MedLoRA's tokenizer.json reader");
}

}  // namespace

TokenizerParts parse_tokenizer_json(std::string_view json_text, const std::string& origin) {
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    throw TokenizerError(origin + ": not valid JSON (" + e.what() + "); the tokenizer.json is damaged, download it again");
  }
  if (!root.is_object()) throw TokenizerError(origin + ": a tokenizer.json must hold one JSON object");
  check_keys(root, {"version", "truncation", "padding", "added_tokens", "normalizer", "pre_tokenizer", "post_processor",
                    "decoder", "model"},
             origin);
  for (const char* key : {"truncation", "padding"}) {
    if (const auto it = root.find(key); it != root.end() && !it->is_null()) {
      throw TokenizerError(origin + ": \"" + key +
                           "\" is set; MedLoRA does its own truncation and padding, so set it to null in the file");
    }
  }
  const auto mit = root.find("model");
  if (mit == root.end()) throw TokenizerError(origin + ": no \"model\"; this is not a tokenizer.json");

  TokenizerParts parts;
  parts.model = build_model(*mit, origin + ": model", origin);
  if (const auto it = root.find("added_tokens"); it != root.end()) {
    parts.added_tokens = build_added_tokens(*it, origin + ": added_tokens");
  }
  if (const auto it = root.find("normalizer"); it != root.end() && !it->is_null()) {
    parts.normalizer = build_normalizer(*it, origin + ": normalizer");
  }
  if (const auto it = root.find("pre_tokenizer"); it != root.end() && !it->is_null()) {
    parts.pre_tokenizer = build_pre_tokenizer(*it, origin + ": pre_tokenizer");
  }
  if (const auto it = root.find("post_processor"); it != root.end() && !it->is_null()) {
    parts.post_processor = build_post_processor(*it, origin + ": post_processor");
  }
  if (const auto it = root.find("decoder"); it != root.end() && !it->is_null()) {
    parts.decoder = build_decoder(*it, origin + ": decoder");
  }
  return parts;
}

}  // namespace medlora::tokenizer::hf
