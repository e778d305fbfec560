#pragma once
// What is stored with an assistant message of a transcript (ChatMessage::metadata_json) so that
// a reopened chat shows the same answer view: which configuration and adapter answered and why,
// the passages it was grounded on, the safety report, speed and how generation ended.
#include <cstdint>
#include <string>
#include <vector>

#include "core/chat/safety_filter.h"
#include "core/store/knowledge_base.h"

namespace medlora::chat {

struct AnswerMetadata {
  std::string configuration;  // the configuration label ("base", "lora-r8", ...)
  std::string adapter;        // adapter that answered ("" = base model)
  std::string route_reason;   // RouteDecision::reason, "" when routing was off
  std::vector<store::Passage> passages;  // grounding passages, cited as [1]..[k]
  SafetyReport safety;
  double tokens_per_second = 0;
  int64_t tokens = 0;          // new tokens generated
  std::string finish_reason;   // the generator's word ("eos", "max_new_tokens", "stop_string", "cancelled")
  int64_t seed = -1;           // -1 = not recorded

  // {"configuration","adapter","route_reason","passages":[{"chunk_id","document_id","seq",
  //  "title","document_title","text","score"}],"safety":{...},"tokens_per_second","tokens",
  //  "finish_reason","seed"}
  std::string to_json() const;
  // Missing keys keep their defaults (older transcripts); throws std::invalid_argument when
  // `json` is not a JSON object.
  static AnswerMetadata from_json(const std::string& json);
};

}  // namespace medlora::chat
