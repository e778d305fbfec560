#include "core/serve/request_log.h"

#include "core/data/pii_scrubber.h"
#include "core/serve/thread_workspace.h"
#include "core/store/serve_request_log.h"
#include "core/store/workspace.h"

namespace medlora::serve {

void RequestLog::record(const std::string& key_name, const ServeRequest& request, const generate::ChatReply& reply,
                        const std::string& finish_reason) const {
  if (!enabled()) return;
  static const data::PiiRules rules;
  store::ServeLogEntry entry;
  entry.at = store::Workspace::now_utc();
  entry.key_name = key_name;
  entry.endpoint = endpoint_name(request.endpoint);
  entry.model = request.model;
  entry.adapter = reply.adapter;
  entry.prompt_tokens = reply.prompt_tokens;
  entry.completion_tokens = static_cast<int64_t>(reply.tokens.size());
  entry.finish_reason = finish_reason;
  if (reply.safety) entry.flags_json = chat::safety_flags_to_json(reply.safety->flags);
  entry.question = data::scrub_pii(request.chat.question, rules);
  entry.answer = data::scrub_pii(reply.text, rules);
  entry.seconds = reply.seconds;
  store::append_serve_log(thread_workspace(workspace_path_), entry);
}

}  // namespace medlora::serve
