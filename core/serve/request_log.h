#pragma once
// The optional request log (off by default): one row per answered request in the workspace —
// time, key, model, adapter, tokens, finish reason, safety flags — with the question and the
// answer PII-scrubbed (data/pii_scrubber.h) before they are written.
#include <string>

#include "core/generate/chat_engine.h"
#include "core/serve/openai_request.h"

namespace medlora::serve {

class RequestLog {
 public:
  // An empty path: logging is off.
  explicit RequestLog(std::string workspace_path) : workspace_path_(std::move(workspace_path)) {}
  bool enabled() const { return !workspace_path_.empty(); }
  // Writes on the calling thread's own connection.
  void record(const std::string& key_name, const ServeRequest& request, const generate::ChatReply& reply,
              const std::string& finish_reason) const;

 private:
  std::string workspace_path_;
};

}  // namespace medlora::serve
