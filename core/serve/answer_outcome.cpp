#include "core/serve/answer_outcome.h"

#include <stdexcept>

namespace medlora::serve {
namespace {

using nlohmann::json;

// What a refused answer says instead, in the question's language.
std::string refusal_text(const chat::SafetyReport& report) {
  std::string text = report.language == "zh"
                         ? "抱歉，这个回答没有通过安全检查，不能提供。请咨询医生。"
                         : "I can't give this answer: it did not pass the safety check. Please consult a doctor.";
  if (report.emergency()) text += "\n\n" + report.emergency_notice;
  return text;
}

bool should_refuse(const chat::SafetyReport& report) {
  return report.has(chat::SafetyFlagKind::DangerousAdvice) || report.has(chat::SafetyFlagKind::MissingEmergencyAdvice);
}

json extras(const generate::ChatReply& reply, bool refused) {
  json passages = json::array();
  for (const auto& p : reply.passages)
    passages.push_back({{"title", p.title}, {"document", p.document_title}, {"text", p.text}, {"score", p.score}});
  json out = {{"adapter", reply.adapter.empty() ? "base" : reply.adapter},
              {"route_reason", reply.route ? json(reply.route->reason) : json(nullptr)},
              {"passages", passages},
              {"cited", reply.cited},
              {"safety", reply.safety ? json::parse(reply.safety->to_json()) : json(nullptr)},
              {"refused", refused},
              {"seed", reply.seed},
              {"generator_finish_reason", reply.finish_reason},
              {"cached", false}};
  return out;
}

}  // namespace

SafetyAction parse_safety_action(const std::string& name) {
  if (name == "flag") return SafetyAction::Flag;
  if (name == "disclaimer") return SafetyAction::Disclaimer;
  if (name == "refuse") return SafetyAction::Refuse;
  throw std::invalid_argument("safety action '" + name + "' is not one of flag, disclaimer, refuse");
}

AnswerOutcome answer_outcome(const generate::ChatReply& reply, SafetyAction action, const std::string& streamed) {
  AnswerOutcome outcome;
  auto& completion = outcome.completion;
  completion.finish_reason = openai_finish_reason(reply.finish_reason);
  completion.prompt_tokens = reply.prompt_tokens;
  completion.completion_tokens = static_cast<int64_t>(reply.tokens.size());
  completion.text = reply.text;
  if (reply.safety && action == SafetyAction::Refuse && should_refuse(*reply.safety)) {
    outcome.refused = true;
    completion.text = refusal_text(*reply.safety);
    completion.finish_reason = "content_filter";
  } else if (reply.safety && action == SafetyAction::Disclaimer) {
    if (reply.safety->emergency()) completion.text += "\n\n" + reply.safety->emergency_notice;
    completion.text += "\n\n" + reply.safety->disclaimer;
  }
  // Streaming sent `streamed` (a prefix of the text) already, or nothing when it held back.
  outcome.tail = completion.text.compare(0, streamed.size(), streamed) == 0 ? completion.text.substr(streamed.size())
                                                                           : completion.text;
  completion.medlora = extras(reply, outcome.refused);
  return outcome;
}

}  // namespace medlora::serve
