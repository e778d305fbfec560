#pragma once
// A reviewer client's unsent writes to a review server, kept in a file so that neither a lost
// connection nor a killed program loses them. Each entry is written here (atomically, fsync'ed)
// before it is sent, carries an id made here (a UUID), and leaves only once the server has
// acknowledged it; the server keeps the first copy of an id, so resending after a crash between
// the server's commit and our acknowledgement stores nothing twice.
//
// One outbox per reviewer, server and study. An empty path keeps the entries in memory only.
// Same thread rule as the connection that sends them.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/store/review_types.h"

namespace medlora::review_server {

struct OutboxEntry {
  enum class Kind { kDraft, kSubmit, kRevise, kSkip };
  std::string id;  // UUID, the server's submission_id (drafts: only for the order of sending)
  Kind kind = Kind::kSubmit;
  int64_t assignment_id = 0;
  store::ScoreEntry scores;  // draft / submit / revise
  std::string reason;        // revise / skip
  std::string created_at;    // UTC ISO-8601, when the reviewer gave it
};

std::string to_string(OutboxEntry::Kind kind);  // draft | submit | revise | skip

class Outbox {
 public:
  // Reads `path` when it exists (std::runtime_error naming the file when it is not an outbox).
  explicit Outbox(std::filesystem::path path = {});

  const std::filesystem::path& path() const { return path_; }
  const std::vector<OutboxEntry>& entries() const { return entries_; }  // oldest first
  bool empty() const { return entries_.empty(); }

  // Appends with a new id and saves; returns the entry. A draft replaces the unsent drafts of
  // the same assignment (only the latest screen state matters).
  OutboxEntry add(OutboxEntry::Kind kind, int64_t assignment_id, const store::ScoreEntry& scores,
                  const std::string& reason = "");
  // Drops an entry once acknowledged (or refused for good) and saves.
  void remove(const std::string& id);

  // The default file for a reviewer's outbox: <app data>/review-outbox/<user@host_port_db>-<study>.json.
  static std::filesystem::path default_path(const std::string& server_label, const std::string& study);

 private:
  void save() const;
  std::filesystem::path path_;
  std::vector<OutboxEntry> entries_;
};

}  // namespace medlora::review_server
