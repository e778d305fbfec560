#include "core/tokenizer/hf/hf_tokenizer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/io/utf8.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::tokenizer {

using hf::AddedToken;

std::shared_ptr<HfTokenizer> HfTokenizer::load(const std::filesystem::path& tokenizer_json) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(tokenizer_json, ec)) {
    throw TokenizerError(tokenizer_json.string() + ": no such file (expected a Hugging Face tokenizer.json)");
  }
  std::ifstream in(tokenizer_json, std::ios::binary);
  if (!in) throw TokenizerError(tokenizer_json.string() + ": cannot be read; check its permissions");
  std::ostringstream ss;
  ss << in.rdbuf();
  const auto configs = hf::read_special_token_config(tokenizer_json.parent_path());
  return from_json_text(ss.str(), tokenizer_json.string(), configs);
}

std::shared_ptr<HfTokenizer> HfTokenizer::from_json_text(std::string_view json, const std::string& origin,
                                                         const hf::SpecialTokenConfigTexts& configs) {
  std::shared_ptr<HfTokenizer> t(new HfTokenizer(hf::parse_tokenizer_json(json, origin), origin));
  const auto& opts = t->parts_.model->options();
  int64_t model_unk = -1;
  if (opts.unk_token) model_unk = t->piece_to_id(*opts.unk_token);
  t->special_ids_ = hf::resolve_special_token_ids(
      configs, [&](std::string_view p) { return t->piece_to_id(p); }, model_unk);
  return t;
}

HfTokenizer::HfTokenizer(hf::TokenizerParts parts, std::string origin)
    : Tokenizer(std::move(origin)), parts_(std::move(parts)) {
  vocab_size_ = parts_.model->id_end();
  // Ids as HF's deserializer gives them (it only warns about the file's "id"): a token the
  // vocabulary or an earlier added token spells keeps that id, a new one gets the next id
  // after the vocabulary and the added tokens so far.
  std::vector<AddedToken> declared = std::move(parts_.added_tokens);
  parts_.added_tokens.clear();
  const auto vocab_count = static_cast<int64_t>(parts_.model->vocab_count());
  int64_t max_added = -1;
  for (auto& t : declared) {
    if (t.content.empty() || added_by_text_.count(t.content)) continue;
    int64_t id = -1;
    if (const auto model_id = parts_.model->token_to_id(t.content)) {
      id = *model_id;
    } else {
      id = max_added >= vocab_count || vocab_count == 0 ? max_added + 1 : vocab_count;
      if (max_added < 0) id = vocab_count;
    }
    max_added = std::max(max_added, id);
    t.id = static_cast<uint32_t>(id);
    added_by_text_.emplace(t.content, id);
    parts_.added_tokens.push_back(std::move(t));
  }
  std::vector<std::pair<std::string, size_t>> raw, normalized;
  for (size_t i = 0; i < parts_.added_tokens.size(); ++i) {
    const AddedToken& t = parts_.added_tokens[i];
    added_by_id_[t.id] = i;
    vocab_size_ = std::max<int64_t>(vocab_size_, int64_t(t.id) + 1);
    if (t.normalized) {
      std::string spelled = t.content;
      if (parts_.normalizer) parts_.normalizer->normalize(spelled);
      normalized.emplace_back(spelled, i);
      // HF's id -> token gives the normalised spelling, and decode's special-token check
      // compares that spelling with the special contents (so "SPN" lowercased is not skipped).
      if (spelled != t.content) piece_override_[t.id] = std::move(spelled);
    } else {
      raw.emplace_back(t.content, i);
    }
  }
  raw_matcher_ = std::make_unique<hf::AddedTokenMatcher>(&parts_.added_tokens, raw);
  normalized_matcher_ = std::make_unique<hf::AddedTokenMatcher>(&parts_.added_tokens, normalized);
}

namespace {

// Whether [begin, end) lies wholly inside one of the sorted, non-overlapping ranges.
bool inside_markup(const std::vector<TextRange>& markup, size_t begin, size_t end) {
  auto it = std::upper_bound(markup.begin(), markup.end(), begin,
                             [](size_t b, const TextRange& r) { return b < r.begin; });
  if (it == markup.begin()) return false;
  --it;
  return begin >= it->begin && end <= it->end;
}

}  // namespace

void HfTokenizer::encode_plain(std::string_view text, bool at_origin, std::vector<int64_t>& out) const {
  if (text.empty()) return;  // HF drops empty pieces before pre-tokenizing
  std::vector<hf::PreToken> pieces;
  pieces.push_back({std::string(text), at_origin, false});
  if (parts_.pre_tokenizer) parts_.pre_tokenizer->pre_tokenize(pieces);
  for (const auto& p : pieces) parts_.model->tokenize(p.text, p.byte_level_pending, out);
}

void HfTokenizer::encode_normalized_piece(std::string normalized, bool at_origin, const std::vector<TextRange>& markup,
                                          size_t begin, size_t end, std::vector<int64_t>& out) const {
  if (normalized_matcher_->empty()) {
    encode_plain(normalized, at_origin, out);
    return;
  }
  // Normalised positions do not map back to the text: a special normalised token counts as
  // markup when the whole piece it was found in is.
  const bool piece_in_markup = inside_markup(markup, begin, end);
  const auto sub = normalized_matcher_->split(
      normalized, [&](const AddedToken& t, size_t, size_t) { return !t.special || piece_in_markup; });
  for (const auto& s : sub) {
    if (s.token >= 0) {
      out.push_back(s.token);
    } else {
      encode_plain(std::string_view(normalized).substr(s.begin, s.end - s.begin), at_origin && s.begin == 0, out);
    }
  }
}

std::vector<int64_t> HfTokenizer::encode_marked(std::string_view text, const std::vector<TextRange>& markup,
                                                bool add_special_tokens) const {
  if (const size_t bad = io::utf8::find_invalid(text); bad != std::string_view::npos) {
    throw TokenizerError("the text to encode is not valid UTF-8 (byte " + std::to_string(bad) +
                         "); convert it to UTF-8 first");
  }
  std::vector<int64_t> ids;
  ids.reserve(text.size() / 3 + 4);
  const auto pieces = raw_matcher_->split(text, [&](const AddedToken& t, size_t b, size_t e) {
    return !t.special || inside_markup(markup, b, e);
  });
  for (const auto& piece : pieces) {
    if (piece.token >= 0) {
      ids.push_back(piece.token);
      continue;
    }
    std::string normalized(text.substr(piece.begin, piece.end - piece.begin));
    if (parts_.normalizer) parts_.normalizer->normalize(normalized);
    encode_normalized_piece(std::move(normalized), piece.begin == 0, markup, piece.begin, piece.end, ids);
  }
  if (add_special_tokens && parts_.post_processor) parts_.post_processor->process(ids);
  return ids;
}

std::string HfTokenizer::piece(int64_t id) const {
  if (const auto it = added_by_id_.find(id); it != added_by_id_.end()) {
    if (const auto o = piece_override_.find(id); o != piece_override_.end()) return o->second;
    return parts_.added_tokens[it->second].content;
  }
  const std::string* p = id >= 0 && id <= 0xFFFFFFFFll ? parts_.model->id_to_token(static_cast<uint32_t>(id)) : nullptr;
  if (!p) {
    throw TokenizerError("token id " + std::to_string(id) + " is outside the vocabulary of " + origin() + " (" +
                         std::to_string(vocab_size_) + " ids); the ids belong to another model");
  }
  return *p;
}

int64_t HfTokenizer::piece_to_id(std::string_view piece) const {
  if (const auto it = added_by_text_.find(std::string(piece)); it != added_by_text_.end()) return it->second;
  const auto id = parts_.model->token_to_id(piece);
  return id ? static_cast<int64_t>(*id) : -1;
}

bool HfTokenizer::is_special(int64_t id) const {
  const auto it = added_by_id_.find(id);
  return it != added_by_id_.end() && parts_.added_tokens[it->second].special && !piece_override_.count(id);
}

bool HfTokenizer::byte_fallback() const { return parts_.model->options().byte_fallback; }

std::string HfTokenizer::decode(const std::vector<int64_t>& ids, bool skip_special) const {
  std::vector<std::string> tokens;
  tokens.reserve(ids.size());
  for (const int64_t id : ids) {
    if (skip_special && is_special(id)) continue;
    tokens.push_back(piece(id));
  }
  if (!parts_.decoder) {
    std::string joined;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i) joined.push_back(' ');
      joined += tokens[i];
    }
    return joined;
  }
  parts_.decoder->decode_chain(tokens);
  std::string out;
  for (const auto& t : tokens) out += t;
  return out;
}

}  // namespace medlora::tokenizer
