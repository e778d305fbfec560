#include "core/store/serve_keys_schema.h"

namespace medlora::store {

Migration serve_keys_schema_migration() {
  return {5, "medlora serve: API keys (hashed) and the request log",
          {
              R"(CREATE TABLE serve_keys (
                   id INTEGER PRIMARY KEY AUTOINCREMENT,
                   name TEXT NOT NULL UNIQUE,
                   key_hash TEXT NOT NULL UNIQUE,
                   key_prefix TEXT NOT NULL,
                   requests_per_minute INTEGER NOT NULL DEFAULT 0 CHECK (requests_per_minute >= 0),
                   tokens_per_minute INTEGER NOT NULL DEFAULT 0 CHECK (tokens_per_minute >= 0),
                   created_at TEXT NOT NULL,
                   revoked_at TEXT NOT NULL DEFAULT ''))",
              R"(CREATE TABLE serve_request_log (
                   id INTEGER PRIMARY KEY AUTOINCREMENT,
                   at TEXT NOT NULL,
                   key_name TEXT NOT NULL,
                   endpoint TEXT NOT NULL,
                   model TEXT NOT NULL,
                   adapter TEXT NOT NULL DEFAULT '',
                   prompt_tokens INTEGER NOT NULL,
                   completion_tokens INTEGER NOT NULL,
                   finish_reason TEXT NOT NULL,
                   flags TEXT NOT NULL DEFAULT '[]',
                   question TEXT NOT NULL,
                   answer TEXT NOT NULL,
                   seconds REAL NOT NULL))",
              "CREATE INDEX serve_request_log_by_time ON serve_request_log(at)",
          },
          {}};
}

}  // namespace medlora::store
