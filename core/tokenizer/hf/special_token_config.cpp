#include "core/tokenizer/hf/special_token_config.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer::hf {

using nlohmann::json;

SpecialTokenConfigTexts read_special_token_config(const std::filesystem::path& folder) {
  SpecialTokenConfigTexts texts;
  texts.folder = folder.string();
  auto read = [&](const char* name) -> std::optional<std::string> {
    const auto path = folder / name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TokenizerError(path.string() + ": cannot be read; check its permissions");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  texts.tokenizer_config = read("tokenizer_config.json");
  texts.generation_config = read("generation_config.json");
  texts.config = read("config.json");
  return texts;
}

namespace {

std::optional<json> parse(const std::optional<std::string>& text, const std::string& where) {
  if (!text) return std::nullopt;
  try {
    json j = json::parse(*text);
    if (!j.is_object()) throw TokenizerError(where + ": must hold one JSON object");
    return j;
  } catch (const json::parse_error& e) {
    throw TokenizerError(where + ": not valid JSON (" + e.what() + "); fix or remove the file");
  }
}

// tokenizer_config's "<key>": a string, an object with "content", or null.
std::optional<std::string> token_text(const json& cfg, const char* key, const std::string& where) {
  const auto it = cfg.find(key);
  if (it == cfg.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object() && it->contains("content") && (*it)["content"].is_string()) {
    return (*it)["content"].get<std::string>();
  }
  throw TokenizerError(where + ": \"" + key + "\" must be a token string or an object with \"content\"");
}

// An int, a list of ints, or null.
std::vector<int64_t> id_list(const json& cfg, const char* key, const std::string& where) {
  std::vector<int64_t> out;
  const auto it = cfg.find(key);
  if (it == cfg.end() || it->is_null()) return out;
  auto take = [&](const json& v) {
    if (!v.is_number_integer()) throw TokenizerError(where + ": \"" + key + "\" must be an id or a list of ids");
    out.push_back(v.get<int64_t>());
  };
  if (it->is_array()) {
    for (const auto& v : *it) take(v);
  } else {
    take(*it);
  }
  return out;
}

}  // namespace

SpecialTokenIds resolve_special_token_ids(const SpecialTokenConfigTexts& texts,
                                          const std::function<int64_t(std::string_view)>& piece_to_id,
                                          int64_t model_unk) {
  const std::string tc_where = texts.folder + "/tokenizer_config.json";
  const std::string gc_where = texts.folder + "/generation_config.json";
  const std::string mc_where = texts.folder + "/config.json";
  const auto tc = parse(texts.tokenizer_config, tc_where);
  const auto gc = parse(texts.generation_config, gc_where);
  const auto mc = parse(texts.config, mc_where);

  SpecialTokenIds ids;
  auto named = [&](const char* key) -> int64_t {
    if (!tc) return -1;
    const auto text = token_text(*tc, key, tc_where);
    if (!text) return -1;
    const int64_t id = piece_to_id(*text);
    if (id < 0) {
      throw TokenizerError(tc_where + ": " + key + " \"" + *text +
                           "\" is not a token of the tokenizer.json beside it; the two files do not belong together");
    }
    return id;
  };
  auto first_of = [&](const char* key) -> int64_t {
    for (const auto* cfg : {&gc, &mc}) {
      if (*cfg) {
        const auto list = id_list(**cfg, key, cfg == &gc ? gc_where : mc_where);
        if (!list.empty()) return list.front();
      }
    }
    return -1;
  };

  ids.bos = named("bos_token");
  if (ids.bos < 0) ids.bos = first_of("bos_token_id");
  ids.pad = named("pad_token");
  if (ids.pad < 0) ids.pad = first_of("pad_token_id");
  ids.unk = named("unk_token");
  if (ids.unk < 0) ids.unk = model_unk;

  auto add_eos = [&](int64_t id) {
    if (id >= 0 && std::find(ids.eos.begin(), ids.eos.end(), id) == ids.eos.end()) ids.eos.push_back(id);
  };
  add_eos(named("eos_token"));
  if (gc) {
    for (const auto id : id_list(*gc, "eos_token_id", gc_where)) add_eos(id);
  }
  if (mc) {
    for (const auto id : id_list(*mc, "eos_token_id", mc_where)) add_eos(id);
  }
  return ids;
}

}  // namespace medlora::tokenizer::hf
