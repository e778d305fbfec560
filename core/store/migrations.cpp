#include "core/store/migrations.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/store/category_repository.h"
#include "core/store/chat_schema.h"
#include "core/store/conversation_schema.h"
#include "core/store/review_schema.h"
#include "core/store/serve_keys_schema.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

// Schema 1: everything issue 4 needs plus the tables later features fill (models, runs, chats,
// knowledge). Timestamps are UTC ISO-8601 text; JSON columns hold JSON objects as text.
std::vector<std::string> schema_v1() {
  return {
      R"(CREATE TABLE datasets (
           id INTEGER PRIMARY KEY,
           name TEXT NOT NULL UNIQUE,
           source TEXT NOT NULL DEFAULT '',
           created_at TEXT NOT NULL))",
      // AUTOINCREMENT: ids never come back after a delete, which the search index's
      // "indexed through id N" mark relies on.
      R"(CREATE TABLE records (
           id INTEGER PRIMARY KEY AUTOINCREMENT,
           dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
           instruction TEXT NOT NULL DEFAULT '',
           input TEXT NOT NULL DEFAULT '',
           output TEXT NOT NULL DEFAULT '',
           category TEXT NOT NULL DEFAULT '',
           status TEXT NOT NULL DEFAULT 'pending'
             CHECK (status IN ('pending', 'approved', 'rejected', 'needs-edit')),
           reviewer TEXT NOT NULL DEFAULT '',
           reviewed_at TEXT NOT NULL DEFAULT '',
           review_note TEXT NOT NULL DEFAULT '',
           synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
           metadata TEXT NOT NULL DEFAULT '{}',
           content_hash TEXT NOT NULL DEFAULT '',
           flags TEXT NOT NULL DEFAULT '',
           version INTEGER NOT NULL DEFAULT 1,
           created_at TEXT NOT NULL,
           updated_at TEXT NOT NULL))",
      // Every index starts with dataset_id and ends (implicitly) with id, so a page "ORDER BY id"
      // of one dataset needs no sort; records_by_dataset serves the unfiltered table.
      "CREATE INDEX records_by_dataset ON records(dataset_id)",
      "CREATE INDEX records_by_status ON records(dataset_id, status)",
      "CREATE INDEX records_by_category ON records(dataset_id, category)",
      "CREATE INDEX records_by_hash ON records(content_hash)",
      R"(CREATE TABLE record_versions (
           id INTEGER PRIMARY KEY,
           record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
           version INTEGER NOT NULL,
           instruction TEXT NOT NULL,
           input TEXT NOT NULL,
           output TEXT NOT NULL,
           category TEXT NOT NULL,
           edited_by TEXT NOT NULL DEFAULT '',
           edited_at TEXT NOT NULL,
           reason TEXT NOT NULL DEFAULT '',
           UNIQUE (record_id, version)))",
      R"(CREATE TABLE record_maskings (
           id INTEGER PRIMARY KEY,
           record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
           field TEXT NOT NULL,
           kind TEXT NOT NULL,
           original_hash TEXT NOT NULL,
           replacement TEXT NOT NULL,
           at TEXT NOT NULL))",
      "CREATE INDEX record_maskings_by_record ON record_maskings(record_id)",
      R"(CREATE TABLE dataset_operations (
           id INTEGER PRIMARY KEY,
           dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
           kind TEXT NOT NULL,
           parameters TEXT NOT NULL DEFAULT '{}',
           counts TEXT NOT NULL DEFAULT '{}',
           at TEXT NOT NULL))",
      "CREATE INDEX dataset_operations_by_dataset ON dataset_operations(dataset_id)",
      R"(CREATE TABLE categories (
           id INTEGER PRIMARY KEY,
           name TEXT NOT NULL UNIQUE,
           keywords TEXT NOT NULL DEFAULT '[]',
           required INTEGER NOT NULL DEFAULT 0,
           min_share REAL NOT NULL DEFAULT 0 CHECK (min_share >= 0 AND min_share <= 1),
           sort_order INTEGER NOT NULL DEFAULT 0))",
      R"(CREATE TABLE terms (
           id INTEGER PRIMARY KEY,
           synonym TEXT NOT NULL UNIQUE,
           standard TEXT NOT NULL))",
      R"(CREATE TABLE models (
           id INTEGER PRIMARY KEY,
           name TEXT NOT NULL,
           path TEXT NOT NULL,
           kind TEXT NOT NULL CHECK (kind IN ('base', 'merged')),
           registered_at TEXT NOT NULL))",
      R"(CREATE TABLE adapters (
           id INTEGER PRIMARY KEY,
           model_id INTEGER REFERENCES models(id) ON DELETE SET NULL,
           name TEXT NOT NULL,
           path TEXT NOT NULL,
           registered_at TEXT NOT NULL))",
      R"(CREATE TABLE training_runs (
           id INTEGER PRIMARY KEY,
           name TEXT NOT NULL,
           folder TEXT NOT NULL,
           config TEXT NOT NULL DEFAULT '{}',
           status TEXT NOT NULL DEFAULT 'created',
           started_at TEXT NOT NULL DEFAULT '',
           finished_at TEXT NOT NULL DEFAULT '',
           best_eval_loss REAL,
           pid INTEGER,
           notes TEXT NOT NULL DEFAULT '',
           tags TEXT NOT NULL DEFAULT '',
           adapter_id INTEGER REFERENCES adapters(id) ON DELETE SET NULL))",
      R"(CREATE TABLE run_metrics (
           id INTEGER PRIMARY KEY,
           run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
           step INTEGER NOT NULL,
           split TEXT NOT NULL CHECK (split IN ('train', 'eval')),
           name TEXT NOT NULL,
           value REAL NOT NULL))",
      "CREATE INDEX run_metrics_by_run ON run_metrics(run_id, split, name, step)",
      R"(CREATE TABLE run_checkpoints (
           id INTEGER PRIMARY KEY,
           run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
           step INTEGER NOT NULL,
           path TEXT NOT NULL,
           eval_loss REAL,
           is_best INTEGER NOT NULL DEFAULT 0))",
      "CREATE INDEX run_checkpoints_by_run ON run_checkpoints(run_id, step)",
      R"(CREATE TABLE chats (
           id INTEGER PRIMARY KEY,
           title TEXT NOT NULL DEFAULT '',
           created_at TEXT NOT NULL,
           model TEXT NOT NULL DEFAULT '{}'))",
      R"(CREATE TABLE chat_messages (
           id INTEGER PRIMARY KEY,
           chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
           seq INTEGER NOT NULL,
           role TEXT NOT NULL,
           content TEXT NOT NULL,
           at TEXT NOT NULL,
           UNIQUE (chat_id, seq)))",
      R"(CREATE TABLE knowledge_documents (
           id INTEGER PRIMARY KEY,
           title TEXT NOT NULL,
           path TEXT NOT NULL DEFAULT '',
           content TEXT NOT NULL,
           added_at TEXT NOT NULL))",
      // Substring search for the Datasets panel (see search_index.h). External content: the text
      // lives once, in records. Trigram indexing costs ~0.5 ms per MedQuAD-sized record, far
      // more than the insert itself, so new records are indexed later, in chunks, and records
      // with id > indexed_through are searched with LIKE instead. The triggers keep the indexed
      // part in step with edits and deletes (cascaded ones included).
      R"(CREATE VIRTUAL TABLE records_fts USING fts5(
           instruction, input, output, content='records', content_rowid='id', tokenize='trigram'))",
      R"(CREATE TABLE search_index_state (
           id INTEGER PRIMARY KEY CHECK (id = 1),
           indexed_through INTEGER NOT NULL))",
      "INSERT INTO search_index_state (id, indexed_through) VALUES (1, 0)",
      R"(CREATE TRIGGER records_fts_delete AFTER DELETE ON records
         WHEN old.id <= (SELECT indexed_through FROM search_index_state) BEGIN
           INSERT INTO records_fts(records_fts, rowid, instruction, input, output)
             VALUES ('delete', old.id, old.instruction, old.input, old.output);
         END)",
      R"(CREATE TRIGGER records_fts_update AFTER UPDATE OF instruction, input, output ON records
         WHEN old.id <= (SELECT indexed_through FROM search_index_state) BEGIN
           INSERT INTO records_fts(records_fts, rowid, instruction, input, output)
             VALUES ('delete', old.id, old.instruction, old.input, old.output);
           INSERT INTO records_fts(rowid, instruction, input, output)
             VALUES (new.id, new.instruction, new.input, new.output);
         END)",
  };
}

void seed_categories(Workspace& workspace) {
  CategoryRepository categories(workspace);
  for (const Category& category : default_categories()) categories.add(category);
}

}  // namespace

const std::vector<Migration>& workspace_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "datasets, records, review, terms, categories, runs, chats, knowledge", schema_v1(),
       seed_categories},
      chat_schema_migration(),
      review_schema_migration(),
      conversation_schema_migration(),
      serve_keys_schema_migration(),
  };
  return migrations;
}

int latest_schema_version() { return workspace_migrations().back().version; }

}  // namespace medlora::store
