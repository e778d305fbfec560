#pragma once
// The optional request log of `medlora serve` (table serve_request_log, schema 5). The caller
// scrubs question and answer first (serve/request_log.h does).
#include <cstdint>
#include <string>
#include <vector>

namespace medlora::store {

class Workspace;

struct ServeLogEntry {
  std::string at;  // UTC ISO-8601
  std::string key_name;
  std::string endpoint;  // "chat.completions" | "completions"
  std::string model;
  std::string adapter;
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  std::string finish_reason;
  std::string flags_json = "[]";  // safety flags (chat::safety_flags_to_json)
  std::string question;
  std::string answer;
  double seconds = 0;
};

void append_serve_log(Workspace& workspace, const ServeLogEntry& entry);
// The latest `limit` entries, newest first.
std::vector<ServeLogEntry> recent_serve_log(Workspace& workspace, int limit);

}  // namespace medlora::store
