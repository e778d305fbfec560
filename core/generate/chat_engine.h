#pragma once
// The chat tester's engine: one base model loaded once, any number of PEFT adapters loaded by
// name onto it (switching never reloads the base), and answer(): a question (with earlier
// turns) rendered through the prompt template, optionally routed to an adapter by keyword
// rules, optionally grounded on knowledge-base passages, generated with streaming and cancel,
// and checked by the safety filter.
//
// THREADS: not thread-safe. One thread drives an engine (the GUI runs it on a worker QThread,
// the CLI on its main thread); only the cancel flag may be set from another thread. A
// knowledge base passed for grounding must belong to that same thread (store::Workspace rule).
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/chat/adapter_router.h"
#include "core/chat/answer_metadata.h"
#include "core/chat/grounding_prompt.h"
#include "core/chat/safety_filter.h"
#include "core/generate/generator.h"
#include "core/generate/sampling_params.h"
#include "core/quant/quant_format.h"
#include "core/runtime/compute_options.h"
#include "core/store/knowledge_base.h"
#include "core/tokenizer/prompt_format.h"

namespace medlora::model {
class LlamaForCausalLM;
}
namespace medlora::lora {
class AdapterRegistry;
}

namespace medlora::generate {

struct ChatTurn {
  std::string question;
  std::string answer;
};

struct ChatGrounding {
  const store::KnowledgeBase* knowledge_base = nullptr;  // must not be null when grounding
  int top_k = 3;                                         // passages put in front of the question
  chat::GroundingOptions options;                        // language ("auto", "zh", "en"), passage cut
};

struct ChatRequest {
  // Earlier turns, oldest first, rendered with the template; the oldest are left out when the
  // conversation would not fit the model's context (ChatReply::history_used says how many went in).
  std::vector<ChatTurn> history;
  std::string question;
  std::string template_name;      // "" = the model's chat template when it has one, else clinic
  std::string custom_template;    // a user's format string; when set, template_name is ignored
  std::string instruction;        // "" = the template's default instruction (the system message)
  SamplingParams sampling;
  // The adapter that answers: "" = the base model alone, else a loaded adapter's name.
  std::string adapter;
  // When set, the router picks the adapter per question and `adapter` is ignored.
  std::shared_ptr<const chat::AdapterRouter> router;
  std::optional<ChatGrounding> grounding;
  // When set, the final text (also of a cancelled answer) is checked against the rules.
  std::shared_ptr<const chat::SafetyFilter> safety;
};

struct ChatReply {
  std::string text;              // the answer as generated (never rewritten by the safety filter)
  std::vector<int64_t> tokens;   // generated ids, EOS excluded
  int64_t prompt_tokens = 0;
  double seconds = 0;
  double tokens_per_second = 0;
  std::string finish_reason;     // eos | stop_string | max_new_tokens | cancelled
  uint64_t seed = 0;             // the sampler's seed (the request's, or the one drawn for it)
  std::string adapter;           // the adapter that answered ("" = base model)
  std::optional<chat::RouteDecision> route;  // set when a router chose the adapter
  std::vector<store::Passage> passages;      // grounding passages, cited as [1]..[k]
  std::vector<int> cited;                    // passage numbers (1-based) the answer cites
  std::optional<chat::SafetyReport> safety;  // set when the request had safety rules
  std::string prompt;            // the full text the model continued (template, history, grounding)
  std::vector<int64_t> prompt_ids;  // its token ids, as the model got them
  // Earlier turns in the prompt: the latest ones, fewer than the request's history when the
  // whole conversation and max_new_tokens would not fit the model's context.
  size_t history_used = 0;
};

// An answer up to generation: the route, the grounding passages, the prompt ids and the seed
// are set in `reply`; `sampling` is the request's settings with that seed.
struct PreparedAnswer {
  ChatReply reply;
  SamplingParams sampling;
};

class ChatEngine {
 public:
  // Loads the model folder (config.json, safetensors, tokenizer files) without an adapter.
  // Throws like load_model_for_generation, which also quantises the base when asked.
  ChatEngine(const std::filesystem::path& model_dir, const runtime::ComputeOptions& compute,
             const quant::BaseQuantization& quantization = {});
  ~ChatEngine();
  ChatEngine(const ChatEngine&) = delete;
  ChatEngine& operator=(const ChatEngine&) = delete;

  // Loads a PEFT adapter folder under `name` ("" = the folder's name) and returns the name.
  // Throws lora::LoraError for a taken name or an adapter made for another base / shape.
  std::string load_adapter(const std::filesystem::path& dir, const std::string& name = "");
  void unload_adapter(const std::string& name);
  bool has_adapter(const std::string& name) const;
  std::vector<std::string> adapter_names() const;
  // The folder an adapter was loaded from (throws for an unknown name).
  std::filesystem::path adapter_dir(const std::string& name) const;
  // Adapters the rules may pick that are not loaded (the default included); "" and "base" are
  // the base model and always present.
  std::vector<std::string> missing_route_adapters(const chat::RoutingRules& rules) const;

  // Answers `request`, streaming text pieces through on_token (they concatenate to the reply's
  // text) and stopping early when *cancel becomes true (finish_reason "cancelled").
  // Throws std::invalid_argument for an unknown adapter (also one the router picks), a bad
  // template or sampling setting, or grounding without a knowledge base.
  ChatReply answer(const ChatRequest& request, const TokenCallback& on_token = {},
                   const std::atomic<bool>* cancel = nullptr);

  // answer() in three steps, for callers that decode many answers together (the server's
  // continuous batch): prepare_answer() routes, retrieves and builds the prompt (it does not
  // switch the adapter; the caller applies reply.adapter before decoding), the caller
  // generates, and complete_answer() fills in the result, the citations and the safety report.
  // prepare_answer() throws as answer() does.
  PreparedAnswer prepare_answer(const ChatRequest& request) const;
  void complete_answer(const ChatRequest& request, ChatReply& reply, GenerationResult result) const;

  // What answer() would send to the model for `request` with these grounding passages (no
  // routing, retrieval or generation). With passages, the question goes through the grounding
  // template first.
  // The ids come from the one prompt path training uses too (tokenizer::PromptFormat).
  tokenizer::EncodedPrompt encode_prompt(const ChatRequest& request, const std::vector<store::Passage>& passages = {}) const;
  std::string build_prompt(const ChatRequest& request, const std::vector<store::Passage>& passages = {}) const {
    return encode_prompt(request, passages).text;
  }
  // The prompt format a request's template choice names (made once per choice).
  const tokenizer::PromptFormat& prompt_format(const ChatRequest& request) const;

  // Token id sequences that ban `words` (settings' bad words): each word as encoded at the
  // start of text and, when that differs, as encoded inside a text (without sentencepiece's
  // leading-space marker). Throws std::invalid_argument for an empty word.
  std::vector<std::vector<int64_t>> bad_words_ids(const std::vector<std::string>& words) const;

  const std::filesystem::path& model_dir() const { return model_dir_; }
  const runtime::ComputeOptions& compute() const { return compute_; }
  std::shared_ptr<model::LlamaForCausalLM> model() const { return model_; }
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer() const { return tokenizer_; }
  // The adapter currently applied to the model ("" = none). answer() switches it; use_adapter
  // does so for callers that drive generator-level code on model() themselves.
  std::string active_adapter() const;
  void use_adapter(const std::string& adapter);

 private:

  std::filesystem::path model_dir_;
  runtime::ComputeOptions compute_;
  std::shared_ptr<model::LlamaForCausalLM> model_;
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer_;
  std::unique_ptr<lora::AdapterRegistry> registry_;
  std::unique_ptr<Generator> generator_;
  // Prompt formats by (template name, custom format): a chat template is parsed once.
  mutable std::map<std::pair<std::string, std::string>, tokenizer::PromptFormat> formats_;
};

// A fresh random seed below 2^53, so that it survives JSON and int64 columns unchanged.
uint64_t draw_seed();

// What a transcript stores with the answer (ChatMessage::metadata_json) so that a reopened chat
// shows the same view: `configuration` is the label of the model configuration that answered.
chat::AnswerMetadata to_answer_metadata(const ChatReply& reply, const std::string& configuration);

}  // namespace medlora::generate
