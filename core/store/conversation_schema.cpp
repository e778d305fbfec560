#include "core/store/conversation_schema.h"

namespace medlora::store {

Migration conversation_schema_migration() {
  return {4, "conversation records: records.messages, record_versions.messages, search over turns",
          {
              "ALTER TABLE records ADD COLUMN messages TEXT NOT NULL DEFAULT '[]'",
              "ALTER TABLE record_versions ADD COLUMN messages TEXT NOT NULL DEFAULT '[]'",
              // FTS5 cannot add a column: drop the index and its triggers, create them anew.
              "DROP TRIGGER records_fts_delete",
              "DROP TRIGGER records_fts_update",
              "DROP TABLE records_fts",
              R"(CREATE VIRTUAL TABLE records_fts USING fts5(
                   instruction, input, output, messages, content='records', content_rowid='id', tokenize='trigram'))",
              "UPDATE search_index_state SET indexed_through = 0",
              R"(CREATE TRIGGER records_fts_delete AFTER DELETE ON records
                 WHEN old.id <= (SELECT indexed_through FROM search_index_state) BEGIN
                   INSERT INTO records_fts(records_fts, rowid, instruction, input, output, messages)
                     VALUES ('delete', old.id, old.instruction, old.input, old.output, old.messages);
                 END)",
              R"(CREATE TRIGGER records_fts_update AFTER UPDATE OF instruction, input, output, messages ON records
                 WHEN old.id <= (SELECT indexed_through FROM search_index_state) BEGIN
                   INSERT INTO records_fts(records_fts, rowid, instruction, input, output, messages)
                     VALUES ('delete', old.id, old.instruction, old.input, old.output, old.messages);
                   INSERT INTO records_fts(rowid, instruction, input, output, messages)
                     VALUES (new.id, new.instruction, new.input, new.output, new.messages);
                 END)",
          },
          {}};
}

}  // namespace medlora::store
