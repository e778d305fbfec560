#pragma once
// A plan's edits as a table, one row per changed field: record id, field, the rules that
// changed it, and the text before and after around the first difference (full text in the
// tooltip). Cleaning, PII masking and term standardisation preview through it.
#include <QAbstractTableModel>

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/record_change.h"

namespace medlora::ui {

class ChangePreviewModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { RecordColumn, FieldColumn, RulesColumn, BeforeColumn, AfterColumn, ColumnCount };
  static constexpr int kContextChars = 60;

  using QAbstractTableModel::QAbstractTableModel;

  // `ids[change.index]` is the record id shown for each change. The texts are read from
  // `changes` when a row is shown (a plan over 100,000 records is not copied): it must stay
  // alive and unchanged until clear() or the next set_changes().
  void set_changes(const std::vector<data::RecordChange>& changes, const std::vector<int64_t>& ids);
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  struct Row {
    const data::RecordChange* change = nullptr;
    std::string field;  // "instruction", "input", "output", a turn "messages[N]", or "category"
    int64_t record_id = 0;
  };
  std::vector<Row> rows_;
};

// `text` cut to about 2 * context characters around `position`, marked with "…" where cut.
QString excerpt_around(const QString& text, int position, int context);

}  // namespace medlora::ui
