#include "core/store/chat_schema.h"

namespace medlora::store {

Migration chat_schema_migration() {
  return {2, "chat tester: transcript settings and flags, knowledge chunks, test-set runs",
          {
              // --- transcripts (chat_transcripts.h) ---
              "ALTER TABLE chats ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
              "ALTER TABLE chats ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''",
              // adapter, route reason, passages, safety flags, tokens/s, finish reason
              "ALTER TABLE chat_messages ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}'",

              // --- knowledge base (knowledge_base.h) ---
              "ALTER TABLE knowledge_documents ADD COLUMN kind TEXT NOT NULL DEFAULT 'document'",
              // AUTOINCREMENT: a removed passage's rowid never comes back, so an FTS5 entry
              // left behind by a bug could never be mistaken for a new passage.
              R"(CREATE TABLE knowledge_chunks (
                   id INTEGER PRIMARY KEY AUTOINCREMENT,
                   document_id INTEGER NOT NULL REFERENCES knowledge_documents(id) ON DELETE CASCADE,
                   seq INTEGER NOT NULL,
                   title TEXT NOT NULL,
                   text TEXT NOT NULL,
                   char_count INTEGER NOT NULL,
                   UNIQUE (document_id, seq)))",
              // External content: the passage text lives once, in knowledge_chunks; the triggers
              // below keep the index in step (cascaded deletes fire them too).
              R"(CREATE VIRTUAL TABLE knowledge_chunks_fts USING fts5(
                   title, text, content='knowledge_chunks', content_rowid='id', tokenize='trigram'))",
              R"(CREATE TRIGGER knowledge_chunks_fts_insert AFTER INSERT ON knowledge_chunks BEGIN
                   INSERT INTO knowledge_chunks_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
                 END)",
              R"(CREATE TRIGGER knowledge_chunks_fts_delete AFTER DELETE ON knowledge_chunks BEGIN
                   INSERT INTO knowledge_chunks_fts(knowledge_chunks_fts, rowid, title, text)
                     VALUES ('delete', old.id, old.title, old.text);
                 END)",
              R"(CREATE TRIGGER knowledge_chunks_fts_update AFTER UPDATE OF title, text ON knowledge_chunks BEGIN
                   INSERT INTO knowledge_chunks_fts(knowledge_chunks_fts, rowid, title, text)
                     VALUES ('delete', old.id, old.title, old.text);
                   INSERT INTO knowledge_chunks_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
                 END)",

              // --- test-set runs (test_set_runs.h) ---
              R"(CREATE TABLE test_set_runs (
                   id INTEGER PRIMARY KEY,
                   name TEXT NOT NULL,
                   source TEXT NOT NULL DEFAULT '',
                   created_at TEXT NOT NULL))",
              R"(CREATE TABLE test_set_questions (
                   id INTEGER PRIMARY KEY,
                   run_id INTEGER NOT NULL REFERENCES test_set_runs(id) ON DELETE CASCADE,
                   seq INTEGER NOT NULL,
                   item TEXT NOT NULL,
                   question TEXT NOT NULL,
                   reference TEXT NOT NULL DEFAULT '',
                   UNIQUE (run_id, seq),
                   UNIQUE (run_id, item)))",
              R"(CREATE TABLE test_set_configurations (
                   id INTEGER PRIMARY KEY,
                   run_id INTEGER NOT NULL REFERENCES test_set_runs(id) ON DELETE CASCADE,
                   seq INTEGER NOT NULL,
                   label TEXT NOT NULL,
                   config TEXT NOT NULL DEFAULT '{}',
                   UNIQUE (run_id, seq),
                   UNIQUE (run_id, label)))",
              R"(CREATE TABLE test_set_answers (
                   id INTEGER PRIMARY KEY,
                   question_id INTEGER NOT NULL REFERENCES test_set_questions(id) ON DELETE CASCADE,
                   configuration_id INTEGER NOT NULL
                     REFERENCES test_set_configurations(id) ON DELETE CASCADE,
                   answer TEXT NOT NULL DEFAULT '',
                   finish_reason TEXT NOT NULL DEFAULT '',
                   tokens_per_second REAL NOT NULL DEFAULT 0,
                   safety_flags TEXT NOT NULL DEFAULT '[]',
                   status TEXT NOT NULL CHECK (status IN ('done', 'stopped', 'error')),
                   error TEXT NOT NULL DEFAULT '',
                   at TEXT NOT NULL,
                   UNIQUE (question_id, configuration_id)))",
              "CREATE INDEX test_set_answers_by_configuration ON test_set_answers(configuration_id)",
          },
          {}};
}

}  // namespace medlora::store
