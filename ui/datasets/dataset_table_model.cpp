#include "ui/datasets/dataset_table_model.h"

#include <QBrush>
#include <algorithm>

#include "core/data/conversation_record.h"
#include "ui/datasets/review_status_text.h"

namespace medlora::ui {

QString text_excerpt(const QString& text, int max_chars) {
  QString line = text.left(max_chars + 1);
  for (QChar& c : line)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (line.size() > max_chars) line = line.left(max_chars - 1) + QChar(0x2026);
  return line;
}

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetTableModel::set_source(const store::DatasetRepository* repository, int64_t dataset_id) {
  beginResetModel();
  repository_ = repository;
  dataset_id_ = repository ? dataset_id : 0;
  filter_ = {};
  pages_.clear();
  lru_.clear();
  row_count_ = count_rows();
  endResetModel();
}

void DatasetTableModel::set_filter(const store::RecordFilter& filter) {
  beginResetModel();
  filter_ = filter;
  pages_.clear();
  lru_.clear();
  row_count_ = count_rows();
  endResetModel();
}

void DatasetTableModel::reload() {
  const int64_t count = count_rows();
  if (count == row_count_) {
    pages_.clear();
    lru_.clear();
    if (row_count_ > 0) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return;
  }
  beginResetModel();
  pages_.clear();
  lru_.clear();
  row_count_ = count;
  endResetModel();
}

int64_t DatasetTableModel::count_rows() const {
  if (!repository_ || dataset_id_ == 0) return 0;
  try {
    return repository_->record_count(dataset_id_, filter_);
  } catch (const std::exception& e) {
    Q_EMIT load_failed(QString::fromStdString(e.what()));
    return 0;
  }
}

const DatasetTableModel::Page* DatasetTableModel::fetch_page(int page_index) const {
  if (auto found = pages_.find(page_index); found != pages_.end()) {
    lru_.splice(lru_.begin(), lru_, found->second.lru_position);
    return &found->second;
  }
  std::vector<store::StoredRecord> records;
  try {
    ++page_fetches_;
    records = repository_->page(dataset_id_, filter_, int64_t{page_index} * kPageSize, kPageSize);
  } catch (const std::exception& e) {
    Q_EMIT load_failed(QString::fromStdString(e.what()));
    return nullptr;
  }
  if (static_cast<int>(pages_.size()) >= kCachedPages) {
    pages_.erase(lru_.back());
    lru_.pop_back();
  }
  Page page;
  page.rows.reserve(records.size());
  for (auto& record : records) {
    Row row;
    const auto& turns = record.text.messages;
    if (record.text.is_conversation()) {
      // A conversation: its system turn, "[N turns]" and the first question, the first answer.
      row.excerpt[0] = text_excerpt(QString::fromStdString(data::first_turn(turns, "system")), kExcerptChars);
      row.excerpt[1] = tr("[%1 turns] ").arg(data::exchange_turns(turns)) +
                       text_excerpt(QString::fromStdString(data::first_turn(turns, "user")), kExcerptChars);
      row.excerpt[2] = text_excerpt(QString::fromStdString(data::first_turn(turns, "assistant")), kExcerptChars);
    }
    for (const auto& field : data::text_fields(record.text)) {
      const QString text = QString::fromStdString(*field.text);
      if (!record.text.is_conversation() && field.name[0] != 'm')
        row.excerpt[field.name == "instruction" ? 0 : field.name == "input" ? 1 : 2] = text_excerpt(text, kExcerptChars);
      for (const QChar c : text) row.length += c.isLowSurrogate() ? 0 : 1;
    }
    row.category = QString::fromStdString(record.text.category);
    QStringList flags;
    for (const auto& flag : record.flags) flags << QString::fromStdString(flag);
    row.flags = flags.join(", ");
    row.record = std::move(record);
    page.rows.push_back(std::move(row));
  }
  lru_.push_front(page_index);
  page.lru_position = lru_.begin();
  return &pages_.emplace(page_index, std::move(page)).first->second;
}

const DatasetTableModel::Row* DatasetTableModel::row_at(int row) const {
  if (row < 0 || row >= row_count_ || !repository_) return nullptr;
  const Page* page = fetch_page(row / kPageSize);
  if (!page) return nullptr;
  const size_t offset = static_cast<size_t>(row % kPageSize);
  // The table may have shrunk since it was counted (another window deleted records).
  return offset < page->rows.size() ? &page->rows[offset] : nullptr;
}

const store::StoredRecord* DatasetTableModel::record_at(int row) const {
  const Row* r = row_at(row);
  return r ? &r->record : nullptr;
}

int64_t DatasetTableModel::record_id(int row) const {
  const Row* r = row_at(row);
  return r ? r->record.id : 0;
}

std::vector<int64_t> DatasetTableModel::all_ids() const {
  if (!repository_ || dataset_id_ == 0) return {};
  try {
    return repository_->record_ids(dataset_id_, filter_);
  } catch (const std::exception& e) {
    Q_EMIT load_failed(QString::fromStdString(e.what()));
    return {};
  }
}

int DatasetTableModel::row_of(int64_t record_id) const {
  const std::vector<int64_t> ids = all_ids();
  const auto found = std::lower_bound(ids.begin(), ids.end(), record_id);
  return found != ids.end() && *found == record_id ? static_cast<int>(found - ids.begin()) : -1;
}

std::vector<int64_t> DatasetTableModel::ids_of_rows(std::vector<int> rows) const {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::vector<int64_t> result;
  if (rows.empty()) return result;
  const std::vector<int64_t> ids = all_ids();
  result.reserve(rows.size());
  for (const int row : rows)
    if (row >= 0 && static_cast<size_t>(row) < ids.size()) result.push_back(ids[static_cast<size_t>(row)]);
  return result;
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(row_count_);
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::BackgroundRole &&
      role != Qt::TextAlignmentRole && role != RecordIdRole && role != StatusRole)
    return {};
  const Row* row = row_at(index.row());
  if (!row) return {};
  const store::StoredRecord& record = row->record;
  switch (role) {
    case RecordIdRole: return QVariant::fromValue<qint64>(record.id);
    case StatusRole: return QString::fromLatin1(data::review_status_name(record.status));
    case Qt::BackgroundRole: {
      const QColor colour = review_status_colour(record.status);
      return colour.isValid() ? QVariant(QBrush(colour)) : QVariant();
    }
    case Qt::TextAlignmentRole:
      if (index.column() == IdColumn || index.column() == LengthColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    default: break;
  }
  if (role == Qt::ToolTipRole) {
    const std::string* field = nullptr;
    if (index.column() == InstructionColumn) field = &record.text.instruction;
    if (index.column() == InputColumn) field = &record.text.input;
    if (index.column() == OutputColumn) field = &record.text.output;
    if (field && record.text.is_conversation() && index.column() != InstructionColumn) {
      QString turns;  // the whole conversation, one turn a paragraph
      for (const auto& turn : record.text.messages)
        turns += QStringLiteral("%1: %2\n\n").arg(QString::fromStdString(turn.role), QString::fromStdString(turn.content));
      return turns.left(2000).trimmed();
    }
    if (field && record.text.is_conversation()) return QString::fromStdString(data::first_turn(record.text.messages, "system").substr(0, 2000));
    if (field) return QString::fromStdString(field->substr(0, 2000));
    if (index.column() == StatusColumn && !record.review_note.empty())
      return QString::fromStdString(record.review_note);
    if (index.column() == ReviewerColumn && !record.reviewed_at.empty())
      return QString::fromStdString(record.reviewed_at);
    return {};
  }
  switch (index.column()) {
    case IdColumn: return QVariant::fromValue<qint64>(record.id);
    case StatusColumn: return review_status_label(record.status);
    case CategoryColumn: return row->category;
    case InstructionColumn: return row->excerpt[0];
    case InputColumn: return row->excerpt[1];
    case OutputColumn: return row->excerpt[2];
    case LengthColumn: return row->length;
    case FlagsColumn: return record.text.synthetic ? (row->flags.isEmpty() ? tr("synthetic") : row->flags + tr(", synthetic"))
                                                   : row->flags;
    case ReviewerColumn: return QString::fromStdString(record.reviewer);
    default: return {};
  }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case IdColumn: return tr("Id");
    case StatusColumn: return tr("Status");
    case CategoryColumn: return tr("Category");
    case InstructionColumn: return tr("Instruction");
    case InputColumn: return tr("Input");
    case OutputColumn: return tr("Output");
    case LengthColumn: return tr("Length");
    case FlagsColumn: return tr("Flags");
    case ReviewerColumn: return tr("Reviewer");
    default: return {};
  }
}

}  // namespace medlora::ui
