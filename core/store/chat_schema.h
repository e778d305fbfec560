#pragma once
// Schema 2: what the chat tester stores beyond schema 1's chats and knowledge tables
// (generation settings and flags per transcript, knowledge chunks with their FTS5 index,
// test-set runs and their answers).
#include "core/store/migrations.h"

namespace medlora::store {

Migration chat_schema_migration();  // version 2

}  // namespace medlora::store
