#pragma once
// Schema 4: conversation (chat-format) records. records.messages and record_versions.messages
// hold a JSON array of {"role", "content"} turns ("[]" for an instruction record), and the
// search index gains a messages column, so that a search finds text in any turn. The index is
// rebuilt from scratch: every record becomes pending (searched with LIKE until
// SearchIndex::update() re-indexes it).
#include "core/store/migrations.h"

namespace medlora::store {

Migration conversation_schema_migration();  // version 4

}  // namespace medlora::store
