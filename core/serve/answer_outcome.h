#pragma once
// A finished answer as the server returns it: the safety setting applied to the text (flag
// only, append the disclaimer, or refuse a flagged answer), OpenAI's finish reason and the
// "medlora" extras (adapter and route reason, safety report, grounding passages and citations).
#include <string>

#include "core/generate/chat_engine.h"
#include "core/serve/openai_response.h"

namespace medlora::serve {

enum class SafetyAction { Flag, Disclaimer, Refuse };

// "flag" | "disclaimer" | "refuse"; throws std::invalid_argument for another word.
SafetyAction parse_safety_action(const std::string& name);

// True when `action` withholds text until the answer is checked (refuse: nothing flagged may
// reach the client).
inline bool holds_back_text(SafetyAction action) { return action == SafetyAction::Refuse; }

struct AnswerOutcome {
  CompletionOutcome completion;  // the text the client gets in the end
  // What streaming still owes the client after the text it already sent: the disclaimer, or
  // (held back) the whole answer or the refusal.
  std::string tail;
  bool refused = false;
};

// `streamed` is the text a streaming client has already received.
AnswerOutcome answer_outcome(const generate::ChatReply& reply, SafetyAction action, const std::string& streamed);

}  // namespace medlora::serve
