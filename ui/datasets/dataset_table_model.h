#pragma once
// The records of one dataset as a table, fetched lazily a page at a time from the workspace
// and kept in a small LRU cache, so that a view over 100,000 records only ever reads the few
// pages it shows. The row order is the repository's (by id), under the current filter.
#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

#include "core/store/dataset_repository.h"

namespace medlora::ui {

class DatasetTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    IdColumn,
    StatusColumn,
    CategoryColumn,
    InstructionColumn,
    InputColumn,
    OutputColumn,
    LengthColumn,
    FlagsColumn,
    ReviewerColumn,
    ColumnCount
  };
  enum Role { RecordIdRole = Qt::UserRole + 1, StatusRole };

  static constexpr int kPageSize = 256;
  static constexpr int kCachedPages = 12;
  static constexpr int kExcerptChars = 120;

  explicit DatasetTableModel(QObject* parent = nullptr);

  // Shows `dataset_id` from `repository` (not owned; it must outlive this model or be replaced
  // first). A null repository or id 0 shows nothing. Resets the filter.
  void set_source(const store::DatasetRepository* repository, int64_t dataset_id);
  void set_filter(const store::RecordFilter& filter);
  const store::RecordFilter& filter() const { return filter_; }
  int64_t dataset_id() const { return dataset_id_; }

  // Forgets cached pages and counts again (after a write). When the row count is unchanged the
  // rows are refreshed in place and the view keeps its selection; otherwise the model resets.
  void reload();

  // The record shown in `row` (its page is fetched when not cached); null when out of range.
  const store::StoredRecord* record_at(int row) const;
  int64_t record_id(int row) const;  // 0 when out of range
  // The row of a record under the current filter, or -1 (one id query, no page fetch).
  int row_of(int64_t record_id) const;
  // Record ids of `rows` (any order) under the current filter, in row order (one id query).
  std::vector<int64_t> ids_of_rows(std::vector<int> rows) const;
  // All record ids under the current filter.
  std::vector<int64_t> all_ids() const;

  // How many pages have been read from the workspace since construction (for tests and
  // for judging the cache).
  int64_t page_fetches() const { return page_fetches_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 Q_SIGNALS:
  // A page could not be read (the workspace is locked or damaged); the rows stay empty.
  void load_failed(const QString& message) const;

 private:
  struct Row {
    store::StoredRecord record;
    QString excerpt[3];  // instruction, input, output on one line, shortened
    QString category;
    QString flags;
    qint64 length = 0;  // code points of instruction + input + output
  };
  struct Page {
    std::vector<Row> rows;
    std::list<int>::iterator lru_position;
  };

  const Row* row_at(int row) const;
  const Page* fetch_page(int page_index) const;
  int64_t count_rows() const;

  const store::DatasetRepository* repository_ = nullptr;
  int64_t dataset_id_ = 0;
  store::RecordFilter filter_;
  int64_t row_count_ = 0;
  mutable std::unordered_map<int, Page> pages_;
  mutable std::list<int> lru_;  // most recently used page first
  mutable int64_t page_fetches_ = 0;
};

// One line of at most `max_chars` characters: line breaks and tabs become spaces, "…" marks a cut.
QString text_excerpt(const QString& text, int max_chars);

}  // namespace medlora::ui
