#pragma once
// The chat tester's knowledge base: documents (text, Markdown, PDF text, or a dataset's answers)
// cut into passages (core/chat/text_chunker.h) stored in knowledge_chunks, indexed by FTS5 with
// the trigram tokenizer, and searched with BM25 ranking for grounded answers.
//
// INDEX: knowledge_chunks_fts is an EXTERNAL-CONTENT FTS5 table over knowledge_chunks(title,
// text): the passage text is stored once, and triggers keep the index in step with inserts,
// edits and deletes (cascaded ones from knowledge_documents included). Passages are indexed as
// they are imported (an import is a deliberate user action with a progress bar).
//
// QUERY: the trigram tokenizer only matches strings of 3+ characters, but Chinese medical terms
// are often 2 (头痛, 发烧). So search() does this:
//  1. split the query into terms: Latin/digit words (lower-cased, English stop words dropped)
//     and CJK runs, which are further cut at Chinese function words and question phrases
//     (的, 吗, 怎么办, 什么, 如何, 患者, ...);
//  2. "long" terms: every Latin word of 3+ characters and every trigram of every CJK run of
//     3+ characters, OR'ed in one FTS5 MATCH, scored by fts5 bm25() (title weighted 2, text 1);
//  3. "short" terms: Latin words of 2 characters, every CJK bigram (the 2-character words of
//     the runs, 头痛 in 头痛发烧) and single CJK characters standing alone between function words
//     (痔 in 痔的治疗), scored with the same Okapi BM25 formula (k1 1.2, b 0.75, title
//     occurrences counted twice) over the passages that contain one (found by instr());
//  4. a passage's score is the sum of both parts; each part's 200 best candidates are merged
//     and each part's score is computed for every merged candidate, so the sum is exact for all
//     of them. Ties break by chunk id.
// So 头痛怎么办 (only a 2-character term) and "chest pain" (only 3+) both work, and mixed
// queries use both indexes. A query with no usable term returns no passages.
// Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/chat/text_chunker.h"
#include "core/store/record_types.h"
#include "core/store/workspace.h"

namespace medlora::store {

struct KnowledgeDocument {
  int64_t id = 0;
  std::string title;
  std::string path;    // file path, or "dataset:<name>" for a dataset's answers
  std::string kind;    // "document" or "dataset"
  std::string added_at;
  int64_t chunk_count = 0;
  int64_t char_count = 0;  // characters over all passages
};

// One retrieved passage.
struct Passage {
  int64_t chunk_id = 0;
  int64_t document_id = 0;
  int64_t seq = 0;          // passage number within its document, from 0
  std::string title;        // document title; for a dataset answer, the record's question
  std::string document_title;
  std::string text;
  double score = 0;         // higher = more relevant (BM25 sum, see above)
  bool operator==(const Passage&) const = default;
};

struct KnowledgeImportResult {
  int64_t document_id = 0;  // 0 when cancelled
  int64_t chunks = 0;
  bool cancelled = false;
};

class KnowledgeBase {
 public:
  explicit KnowledgeBase(Workspace& workspace) : ws_(workspace) {}

  // Stores the document and its passages in one transaction. `progress(done, total)` counts
  // passages (called every 200 and at the end); false rolls everything back (cancelled).
  // Throws StoreError for an empty title or a text that gives no passages.
  KnowledgeImportResult import_document(const std::string& title, const std::string& path,
                                        const std::string& text,
                                        const chat::ChunkOptions& chunking = {},
                                        const ProgressCallback& progress = {});

  // Imports the answers (output) of a workspace dataset as one document of kind "dataset"
  // titled "dataset: <name>"; each answer becomes one or more passages titled with the record's
  // question (input, or instruction when input is empty). Records with an empty answer are
  // skipped; approved_only keeps approved records only. Progress counts records (every 500).
  // Throws StoreError for an unknown dataset or when no record has an answer.
  KnowledgeImportResult import_dataset_answers(int64_t dataset_id, bool approved_only = false,
                                               const chat::ChunkOptions& chunking = {},
                                               const ProgressCallback& progress = {});

  std::vector<KnowledgeDocument> documents() const;  // newest first
  std::optional<KnowledgeDocument> find_document(int64_t id) const;
  // Removes the document and its passages (and their index entries). False when unknown.
  bool remove_document(int64_t id);
  // The passages of one document, in order (score 0).
  std::vector<Passage> passages(int64_t document_id) const;
  int64_t chunk_count() const;

  // The k best passages for `query` (see QUERY above), best first. k <= 0 gives none.
  std::vector<Passage> search(const std::string& query, int k = 3) const;

  // The terms search() derives from `query` (for tests and for showing what was searched).
  struct QueryTerms {
    std::vector<std::string> long_terms;   // FTS5 trigram MATCH terms (3+ characters)
    std::vector<std::string> short_terms;  // 1-2 character terms scored by instr()
  };
  static QueryTerms query_terms(const std::string& query);

  // FTS5's integrity check of the index against knowledge_chunks (tests, diagnostics).
  bool index_consistent() const;

 private:
  int64_t insert_document(const std::string& title, const std::string& path, const std::string& kind,
                          const std::string& content);
  Workspace& ws_;
};

}  // namespace medlora::store
