#pragma once
// The catalog's entries as a list for a view: name, path tooltip, a mark for broken models.
#include <QAbstractListModel>
#include <vector>

#include "core/model/model_catalog.h"

namespace medlora::ui {

class ModelListModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { PathRole = Qt::UserRole + 1, UserAddedRole, UsableRole };

  using QAbstractListModel::QAbstractListModel;
  void set_entries(std::vector<model::CatalogEntry> entries);
  const model::CatalogEntry* entry(int row) const;
  int row_of(const QString& path) const;  // -1 when absent

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;

 private:
  std::vector<model::CatalogEntry> entries_;
};

}  // namespace medlora::ui
