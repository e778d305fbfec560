#include "ui/models/model_list_model.h"

#include <QIcon>

namespace medlora::ui {

void ModelListModel::set_entries(std::vector<model::CatalogEntry> entries) {
  beginResetModel();
  entries_ = std::move(entries);
  endResetModel();
}

const model::CatalogEntry* ModelListModel::entry(int row) const {
  if (row < 0 || row >= static_cast<int>(entries_.size())) return nullptr;
  return &entries_[static_cast<size_t>(row)];
}

int ModelListModel::row_of(const QString& path) const {
  for (size_t i = 0; i < entries_.size(); ++i)
    if (QString::fromStdString(entries_[i].path.string()) == path) return static_cast<int>(i);
  return -1;
}

int ModelListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const {
  const auto* e = entry(index.row());
  if (!e) return {};
  switch (role) {
    case Qt::DisplayRole: {
      QString text = QString::fromStdString(e->name);
      if (e->usable()) text += QStringLiteral("  (%1)").arg(QString::fromStdString(model::format_count(e->parameter_count)));
      return text;
    }
    case Qt::DecorationRole:
      return QIcon(e->usable() ? ":/icons/models.png" : ":/icons/remove.png");
    case Qt::ToolTipRole:
      return e->usable() ? QString::fromStdString(e->path.string())
                         : QString::fromStdString(e->path.string() + "\n" + e->config_error);
    case PathRole:
      return QString::fromStdString(e->path.string());
    case UserAddedRole:
      return e->user_added;
    case UsableRole:
      return e->usable();
    default:
      return {};
  }
}

}  // namespace medlora::ui
