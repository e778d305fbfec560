#include "core/generate/chat_engine.h"

#include "core/lora/adapter_registry.h"  // torch headers before Qt ones

#include <algorithm>
#include <random>
#include <stdexcept>

#include "core/generate/loaded_model.h"
#include "core/lora/lora_model.h"
#include "core/model/llama_model.h"
#include "core/tokenizer/prompt_format.h"
#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_error.h"

namespace medlora::generate {

namespace {

// sentencepiece's word-start marker U+2581.
constexpr std::string_view kWordStart = "\xE2\x96\x81";

}  // namespace

ChatEngine::ChatEngine(const std::filesystem::path& model_dir, const runtime::ComputeOptions& compute,
                       const quant::BaseQuantization& quantization)
    : model_dir_(model_dir), compute_(compute) {
  auto loaded = load_model_for_generation(model_dir, {}, compute, quantization);
  model_ = loaded.model;
  tokenizer_ = loaded.tokenizer;
  // Adapters name their base in base_model_name_or_path; the registry refuses one made for
  // another model (same folder or same folder name counts as the same model).
  registry_ = std::make_unique<lora::AdapterRegistry>(model_, model_dir.string());
  generator_ = std::make_unique<Generator>(model_, tokenizer_);
}

ChatEngine::~ChatEngine() = default;

std::string ChatEngine::load_adapter(const std::filesystem::path& dir, const std::string& name) {
  if (name == "base") throw std::invalid_argument("'base' names the model without an adapter; pick another name");
  return registry_->load(dir, name).name;
}

void ChatEngine::unload_adapter(const std::string& name) { registry_->unload(name); }

bool ChatEngine::has_adapter(const std::string& name) const { return registry_->contains(name); }

std::vector<std::string> ChatEngine::adapter_names() const {
  std::vector<std::string> names;
  for (const auto& entry : registry_->list()) names.push_back(entry.name);
  return names;
}

std::filesystem::path ChatEngine::adapter_dir(const std::string& name) const {
  for (const auto& entry : registry_->list())
    if (entry.name == name) return entry.dir;
  throw std::invalid_argument("no adapter named '" + name + "' is loaded");
}

std::string ChatEngine::active_adapter() const { return registry_->active(); }

std::vector<std::string> ChatEngine::missing_route_adapters(const chat::RoutingRules& rules) const {
  std::vector<std::string> missing;
  auto check = [&](const std::string& name) {
    if (name.empty() || name == "base" || has_adapter(name)) return;
    if (std::find(missing.begin(), missing.end(), name) == missing.end()) missing.push_back(name);
  };
  for (const auto& rule : rules.rules) check(rule.adapter);
  check(rules.default_adapter);
  return missing;
}

void ChatEngine::use_adapter(const std::string& adapter) {
  if (!adapter.empty() && !has_adapter(adapter))
    throw std::invalid_argument("no adapter named '" + adapter + "' is loaded");
  if (registry_->active() != adapter) registry_->activate(adapter);
}

const tokenizer::PromptFormat& ChatEngine::prompt_format(const ChatRequest& request) const {
  const auto key = std::make_pair(request.template_name, request.custom_template);
  auto found = formats_.find(key);
  if (found == formats_.end()) {
    try {
      found = formats_
                  .emplace(key, tokenizer::PromptFormat::resolve(request.template_name, request.custom_template,
                                                                 model_dir_, tokenizer_))
                  .first;
    } catch (const tokenizer::TokenizerError& e) {
      throw std::invalid_argument(e.what());
    }
  }
  return found->second;
}

tokenizer::EncodedPrompt ChatEngine::encode_prompt(const ChatRequest& request,
                                                   const std::vector<store::Passage>& passages) const {
  std::string user_message = request.question;
  if (!passages.empty()) {
    const chat::GroundingOptions options = request.grounding ? request.grounding->options : chat::GroundingOptions{};
    user_message = chat::build_grounded_prompt(request.question, passages, options).user_message;
  }
  tokenizer::Conversation conversation;
  if (!request.instruction.empty()) conversation.push_back({"system", request.instruction});
  for (const auto& turn : request.history) {
    conversation.push_back({"user", turn.question});
    conversation.push_back({"assistant", turn.answer});
  }
  conversation.push_back({"user", user_message});
  return prompt_format(request).encode_prompt(conversation);
}

PreparedAnswer ChatEngine::prepare_answer(const ChatRequest& request) const {
  if (request.question.empty()) throw std::invalid_argument("the question is empty");
  PreparedAnswer prepared;
  ChatReply& reply = prepared.reply;
  std::string adapter = request.adapter;
  if (request.router) {
    reply.route = request.router->route(request.question);
    adapter = reply.route->adapter;
  }
  if (adapter == "base") adapter.clear();
  if (!adapter.empty() && !has_adapter(adapter)) {
    std::string message = "no adapter named '" + adapter + "' is loaded";
    if (reply.route) message += " (the routing rules chose it: " + reply.route->reason + "); load it or edit the rules";
    throw std::invalid_argument(message);
  }

  if (request.grounding) {
    const auto& grounding = *request.grounding;
    if (!grounding.knowledge_base) throw std::invalid_argument("grounding is on but no knowledge base was given");
    if (grounding.top_k < 1) throw std::invalid_argument("grounding needs top-k of at least 1 passage");
    reply.passages = grounding.knowledge_base->search(request.question, grounding.top_k);
  }

  // Drop the oldest turns when the conversation would not fit the model's context.
  ChatRequest fitted = request;
  const int64_t context = model_->config().max_position_embeddings;
  auto prompt = encode_prompt(fitted, reply.passages);
  while (!fitted.history.empty() &&
         static_cast<int64_t>(prompt.ids.size()) + request.sampling.max_new_tokens > context) {
    fitted.history.erase(fitted.history.begin());
    prompt = encode_prompt(fitted, reply.passages);
  }
  reply.prompt = std::move(prompt.text);
  reply.prompt_ids = std::move(prompt.ids);
  reply.history_used = fitted.history.size();

  prepared.sampling = request.sampling;
  if (!prepared.sampling.seed) prepared.sampling.seed = draw_seed();  // drawn here so that the reply can report it
  reply.seed = *prepared.sampling.seed;
  reply.adapter = adapter;
  return prepared;
}

void ChatEngine::complete_answer(const ChatRequest& request, ChatReply& reply, GenerationResult result) const {
  reply.text = std::move(result.text);
  reply.tokens = std::move(result.tokens);
  reply.prompt_tokens = result.prompt_tokens;
  reply.seconds = result.seconds;
  reply.tokens_per_second = result.tokens_per_second;
  reply.finish_reason = std::move(result.finish_reason);
  if (!reply.passages.empty()) reply.cited = chat::cited_passages(reply.text, reply.passages.size());
  if (request.safety) reply.safety = request.safety->check(request.question, reply.text);
}

ChatReply ChatEngine::answer(const ChatRequest& request, const TokenCallback& on_token,
                             const std::atomic<bool>* cancel) {
  PreparedAnswer prepared = prepare_answer(request);
  use_adapter(prepared.reply.adapter);
  auto result = generator_->generate_ids(prepared.reply.prompt_ids, prepared.sampling, on_token, cancel);
  complete_answer(request, prepared.reply, std::move(result));
  return std::move(prepared.reply);
}

std::vector<std::vector<int64_t>> ChatEngine::bad_words_ids(const std::vector<std::string>& words) const {
  std::vector<std::vector<int64_t>> banned;
  auto add = [&](std::vector<int64_t> ids) {
    if (!ids.empty() && std::find(banned.begin(), banned.end(), ids) == banned.end()) banned.push_back(std::move(ids));
  };
  for (const auto& word : words) {
    if (word.empty()) throw std::invalid_argument("a bad word must not be empty");
    auto ids = tokenizer_->encode(word, /*add_special_tokens=*/false);
    add(ids);
    // Byte-level BPE spells a word inside a text with its leading space ("Ġword").
    if (tokenizer_->kind() != "sentencepiece") add(tokenizer_->encode(" " + word, false));
    // Inside a text (after a Chinese character, say) the word has no word-start marker.
    if (ids.empty()) continue;
    const std::string first = tokenizer_->piece(ids.front());
    if (first.compare(0, kWordStart.size(), kWordStart) != 0) continue;
    if (first.size() == kWordStart.size()) {
      add(std::vector<int64_t>(ids.begin() + 1, ids.end()));
    } else {
      const int64_t bare = tokenizer_->piece_to_id(first.substr(kWordStart.size()));
      if (bare >= 0) {
        ids.front() = bare;
        add(ids);
      }
    }
  }
  return banned;
}

uint64_t draw_seed() {
  std::random_device device;
  return ((static_cast<uint64_t>(device()) << 32) ^ device()) & ((uint64_t{1} << 53) - 1);
}

chat::AnswerMetadata to_answer_metadata(const ChatReply& reply, const std::string& configuration) {
  chat::AnswerMetadata metadata;
  metadata.configuration = configuration;
  metadata.adapter = reply.adapter;
  metadata.route_reason = reply.route ? reply.route->reason : "";
  metadata.passages = reply.passages;
  if (reply.safety) metadata.safety = *reply.safety;
  metadata.tokens_per_second = reply.tokens_per_second;
  metadata.tokens = static_cast<int64_t>(reply.tokens.size());
  metadata.finish_reason = reply.finish_reason;
  metadata.seed = static_cast<int64_t>(reply.seed);
  return metadata;
}

}  // namespace medlora::generate
