#include "ui/datasets/change_preview_model.h"

#include <QStringList>

#include "ui/datasets/dataset_table_model.h"

namespace medlora::ui {

QString excerpt_around(const QString& text, int position, int context) {
  const int start = std::max(0, position - context);
  const int end = std::min(static_cast<int>(text.size()), position + context);
  QString excerpt = text_excerpt(text.mid(start, end - start), 2 * context + 1);
  if (start > 0) excerpt.prepend(QChar(0x2026));
  if (end < text.size()) excerpt.append(QChar(0x2026));
  return excerpt;
}

namespace {
// A text field by its data::text_fields() name, or the category; "" when the record has no such turn.
const std::string& field_of(const data::RecordText& text, const std::string& field) {
  static const std::string kNone;
  if (field == "category") return text.category;
  const std::string* found = data::find_text_field(text, field);
  return found ? *found : kNone;
}
}  // namespace

void ChangePreviewModel::set_changes(const std::vector<data::RecordChange>& changes, const std::vector<int64_t>& ids) {
  beginResetModel();
  rows_.clear();
  for (const auto& change : changes) {
    std::vector<std::string> fields;
    for (const auto& field : data::text_fields(change.after.messages.size() >= change.before.messages.size() ? change.after : change.before))
      fields.push_back(field.name);
    fields.push_back("category");
    for (const std::string& field : fields) {
      if (field_of(change.before, field) == field_of(change.after, field)) continue;
      rows_.push_back({&change, field, change.index < ids.size() ? ids[change.index] : 0});
    }
  }
  endResetModel();
}

void ChangePreviewModel::clear() {
  beginResetModel();
  rows_.clear();
  endResetModel();
}

int ChangePreviewModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ChangePreviewModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ChangePreviewModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  const Row& row = rows_[static_cast<size_t>(index.row())];
  const bool text_column = index.column() == BeforeColumn || index.column() == AfterColumn;
  if (role == Qt::ToolTipRole && !text_column) return {};
  if (text_column) {
    const QString before = QString::fromStdString(field_of(row.change->before, row.field));
    const QString after = QString::fromStdString(field_of(row.change->after, row.field));
    const QString& text = index.column() == BeforeColumn ? before : after;
    if (role == Qt::ToolTipRole) return text.left(4000);
    const int shorter = static_cast<int>(std::min(before.size(), after.size()));
    int first_difference = 0;
    while (first_difference < shorter && before[first_difference] == after[first_difference]) ++first_difference;
    return excerpt_around(text, first_difference, kContextChars);
  }
  switch (index.column()) {
    case RecordColumn: return QVariant::fromValue<qint64>(row.record_id);
    case FieldColumn: return QString::fromStdString(row.field);
    case RulesColumn: {
      QStringList rules;
      for (const auto& rule : row.change->rules) rules << QString::fromStdString(rule);
      return rules.join(", ");
    }
    default: return {};
  }
}

QVariant ChangePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case RecordColumn: return tr("Record");
    case FieldColumn: return tr("Field");
    case RulesColumn: return tr("Rules");
    case BeforeColumn: return tr("Before");
    case AfterColumn: return tr("After");
    default: return {};
  }
}

}  // namespace medlora::ui
