#pragma once
// Schema 5: what `medlora serve` keeps in the workspace. serve_keys holds the API keys (only the
// SHA-256 of each key, never the key), with their per-minute request and token limits;
// serve_request_log holds the optional request log (off by default), question and answer
// PII-scrubbed before they are written.
#include "core/store/migrations.h"

namespace medlora::store {

Migration serve_keys_schema_migration();  // version 5

}  // namespace medlora::store
