#include "core/store/knowledge_base.h"

#include "core/data/dataset_record.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/data/utf8_text.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Inserts passages with one prepared statement; the FTS5 index is filled by the insert trigger.
class ChunkWriter {
 public:
  ChunkWriter(Workspace& ws, int64_t document_id)
      : ws_(ws),
        document_id_(document_id),
        insert_(ws.prepare("INSERT INTO knowledge_chunks (document_id, seq, title, text, char_count) "
                           "VALUES (?, ?, ?, ?, ?)")) {}

  void add(const std::string& title, const std::string& text) {
    insert_.addBindValue(static_cast<qlonglong>(document_id_));
    insert_.addBindValue(static_cast<qlonglong>(seq_++));
    insert_.addBindValue(q(title));
    insert_.addBindValue(q(text));
    insert_.addBindValue(static_cast<qlonglong>(data::utf8::count_code_points(text)));
    ws_.exec(insert_);
  }
  int64_t count() const { return seq_; }

 private:
  Workspace& ws_;
  int64_t document_id_;
  QSqlQuery insert_;
  int64_t seq_ = 0;
};

KnowledgeDocument document_from(const QSqlQuery& row) {
  KnowledgeDocument document;
  document.id = row.value(0).toLongLong();
  document.title = row.value(1).toString().toStdString();
  document.path = row.value(2).toString().toStdString();
  document.kind = row.value(3).toString().toStdString();
  document.added_at = row.value(4).toString().toStdString();
  document.chunk_count = row.value(5).toLongLong();
  document.char_count = row.value(6).toLongLong();
  return document;
}

const char* const kDocumentColumns =
    "SELECT d.id, d.title, d.path, d.kind, d.added_at, count(c.id), coalesce(sum(c.char_count), 0) "
    "FROM knowledge_documents d LEFT JOIN knowledge_chunks c ON c.document_id = d.id ";

}  // namespace

int64_t KnowledgeBase::insert_document(const std::string& title, const std::string& path, const std::string& kind,
                                       const std::string& content) {
  QSqlQuery insert = ws_.prepare(
      "INSERT INTO knowledge_documents (title, path, content, added_at, kind) VALUES (?, ?, ?, ?, ?)");
  insert.addBindValue(q(title));
  insert.addBindValue(q(path));
  insert.addBindValue(q(content));
  insert.addBindValue(q(Workspace::now_utc()));
  insert.addBindValue(q(kind));
  ws_.exec(insert);
  return insert.lastInsertId().toLongLong();
}

KnowledgeImportResult KnowledgeBase::import_document(const std::string& title, const std::string& path,
                                                     const std::string& text, const chat::ChunkOptions& chunking,
                                                     const ProgressCallback& progress) {
  const std::string clean_title = trimmed(title);
  if (clean_title.empty()) throw StoreError("a knowledge-base document needs a title (" + path + ")");
  const std::vector<chat::TextChunk> chunks = chat::chunk_text(text, chunking);
  if (chunks.empty()) throw StoreError("document '" + clean_title + "' has no text to import");

  Transaction transaction(ws_);
  KnowledgeImportResult result;
  const int64_t id = insert_document(clean_title, path, "document", text);
  ChunkWriter writer(ws_, id);
  const int64_t total = static_cast<int64_t>(chunks.size());
  for (const chat::TextChunk& chunk : chunks) {
    writer.add(clean_title, chunk.text);
    if (progress && (writer.count() % 200 == 0 || writer.count() == total) && !progress(writer.count(), total)) {
      result.cancelled = true;
      return result;  // the transaction rolls back
    }
  }
  transaction.commit();
  result.document_id = id;
  result.chunks = writer.count();
  return result;
}

KnowledgeImportResult KnowledgeBase::import_dataset_answers(int64_t dataset_id, bool approved_only,
                                                            const chat::ChunkOptions& chunking,
                                                            const ProgressCallback& progress) {
  DatasetRepository datasets(ws_);
  const std::optional<DatasetSummary> dataset = datasets.find_dataset(dataset_id);
  if (!dataset) throw StoreError("no dataset with id " + std::to_string(dataset_id) + " in " + ws_.path());
  const std::vector<StoredRecord> records = datasets.records_for_export(dataset_id, approved_only);

  Transaction transaction(ws_);
  KnowledgeImportResult result;
  const std::string title = "dataset: " + dataset->name;
  const int64_t id = insert_document(title, "dataset:" + dataset->name, "dataset", "");
  ChunkWriter writer(ws_, id);
  const int64_t total = static_cast<int64_t>(records.size());
  int64_t done = 0;
  for (const StoredRecord& record : records) {
    ++done;
    // A passage is titled by the record's question (its input alone when it has one).
    const auto qa = data::question_and_answer(record.text);
    std::string question = record.text.is_conversation() ? qa.question : trimmed(record.text.input);
    if (question.empty()) question = trimmed(record.text.instruction);
    if (question.empty()) question = title;
    for (const chat::TextChunk& chunk : chat::chunk_text(qa.answer, chunking)) {
      writer.add(question, chunk.text);
    }
    if (progress && (done % 500 == 0 || done == total) && !progress(done, total)) {
      result.cancelled = true;
      return result;
    }
  }
  if (writer.count() == 0) {
    throw StoreError("dataset '" + dataset->name + "' has no " + (approved_only ? "approved " : "") +
                     "record with an answer to import");
  }
  transaction.commit();
  result.document_id = id;
  result.chunks = writer.count();
  return result;
}

std::vector<KnowledgeDocument> KnowledgeBase::documents() const {
  QSqlQuery query = ws_.prepare(QString(kDocumentColumns) + "GROUP BY d.id ORDER BY d.added_at DESC, d.id DESC");
  ws_.exec(query);
  std::vector<KnowledgeDocument> documents;
  while (query.next()) documents.push_back(document_from(query));
  return documents;
}

std::optional<KnowledgeDocument> KnowledgeBase::find_document(int64_t id) const {
  QSqlQuery query = ws_.prepare(QString(kDocumentColumns) + "WHERE d.id = ? GROUP BY d.id");
  query.addBindValue(static_cast<qlonglong>(id));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return document_from(query);
}

bool KnowledgeBase::remove_document(int64_t id) {
  Transaction transaction(ws_);
  QSqlQuery remove = ws_.prepare("DELETE FROM knowledge_documents WHERE id = ?");
  remove.addBindValue(static_cast<qlonglong>(id));
  ws_.exec(remove);  // passages cascade; their index entries go with them (trigger)
  const bool removed = remove.numRowsAffected() > 0;
  transaction.commit();
  return removed;
}

std::vector<Passage> KnowledgeBase::passages(int64_t document_id) const {
  QSqlQuery query = ws_.prepare(
      "SELECT c.id, c.document_id, c.seq, c.title, c.text, d.title FROM knowledge_chunks c "
      "JOIN knowledge_documents d ON d.id = c.document_id WHERE c.document_id = ? ORDER BY c.seq");
  query.addBindValue(static_cast<qlonglong>(document_id));
  ws_.exec(query);
  std::vector<Passage> passages;
  while (query.next()) {
    passages.push_back({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                        query.value(3).toString().toStdString(), query.value(5).toString().toStdString(),
                        query.value(4).toString().toStdString(), 0.0});
  }
  return passages;
}

int64_t KnowledgeBase::chunk_count() const {
  return ws_.scalar("SELECT count(*) FROM knowledge_chunks").toLongLong();
}

bool KnowledgeBase::index_consistent() const {
  QSqlQuery query(ws_.database());
  return query.exec("INSERT INTO knowledge_chunks_fts(knowledge_chunks_fts, rank) VALUES ('integrity-check', 1)");
}

}  // namespace medlora::store
