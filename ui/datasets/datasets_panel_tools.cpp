// DatasetsPanel: bulk actions on the selection, the tool dialogs, import/export and charts.
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QMessageBox>

#include <algorithm>
#include <unordered_set>

#include "core/io/json_util.h"
#include "core/store/category_repository.h"
#include "ui/datasets/cleaning_dialog.h"
#include "ui/datasets/coverage_chart.h"
#include "ui/datasets/datasets_panel.h"
#include "ui/datasets/dataset_table_model.h"
#include "ui/datasets/dedup_dialog.h"
#include "ui/datasets/export_dialog.h"
#include "ui/datasets/import_dialog.h"
#include "ui/datasets/review_status_text.h"
#include "ui/datasets/pii_dialog.h"
#include "ui/datasets/record_editor.h"
#include "ui/datasets/tagging_dialog.h"
#include "ui/datasets/terms_dialog.h"
#include "ui/datasets/token_histogram.h"

namespace medlora::ui {

std::vector<int64_t> DatasetsPanel::selected_record_ids() const {
  std::vector<int> rows;
  for (const QItemSelectionRange& range : table_->selectionModel()->selection())
    for (int row = range.top(); row <= range.bottom(); ++row) rows.push_back(row);
  if (rows.empty()) return {};
  // One id query, not a page per 256 rows ("select all" over 100,000 rows stays quick).
  return model_->ids_of_rows(std::move(rows));
}

void DatasetsPanel::update_selection_label() {
  const auto* selection = table_->selectionModel();
  int64_t count = 0;
  for (const QItemSelectionRange& range : selection->selection()) count += range.height();
  selection_label_->setText(tr("%1 of %2 records selected").arg(count).arg(model_->rowCount()));
  for (QAction* action : {bulk_approve_, bulk_reject_, bulk_needs_edit_, bulk_category_, bulk_flag_, bulk_delete_})
    action->setEnabled(count > 0);
}

int64_t DatasetsPanel::bulk_set_status(data::ReviewStatus status) {
  const auto ids = selected_record_ids();
  if (!repository_ || ids.empty()) return 0;
  if (reviewer().isEmpty()) {
    show_problem(tr("Enter your name under Reviewer first: every decision is recorded with who made it."));
    return 0;
  }
  int64_t changed = 0;
  try {
    changed = repository_->set_status(ids, status, reviewer().toStdString(), editor_->review_note().toStdString());
  } catch (const std::exception& e) {
    report_failure(tr("The bulk decision"), e);
    return 0;
  }
  after_write(tr("%1 records: %2.").arg(changed).arg(review_status_label(status)));
  return changed;
}

int64_t DatasetsPanel::bulk_set_category(const QString& category) {
  const auto ids = selected_record_ids();
  if (!repository_ || ids.empty()) return 0;
  if (reviewer().isEmpty()) {
    show_problem(tr("Enter your name under Reviewer first: every edit is recorded with who made it."));
    return 0;
  }
  int64_t changed = 0;
  try {
    std::vector<std::pair<int64_t, data::RecordText>> texts;
    texts.reserve(ids.size());
    const auto add = [&](store::StoredRecord record) {
      record.text.category = category.trimmed().toStdString();
      texts.emplace_back(record.id, std::move(record.text));
    };
    if (ids.size() <= 2000) {
      for (const int64_t id : ids)
        if (auto record = repository_->get_record(id)) add(std::move(*record));
    } else {
      // Many records: read the filtered rows page by page rather than one query each.
      const std::unordered_set<int64_t> wanted(ids.begin(), ids.end());
      for (int64_t offset = 0;; offset += 5000) {
        auto page = repository_->page(current_dataset_id(), model_->filter(), offset, 5000);
        for (auto& record : page)
          if (wanted.count(record.id)) add(std::move(record));
        if (page.size() < 5000) break;
      }
    }
    changed = repository_->replace_all_texts(current_dataset_id(), texts, reviewer().toStdString(),
                                             tr("category set in bulk").toStdString());
  } catch (const std::exception& e) {
    report_failure(tr("Setting the category"), e);
    return 0;
  }
  after_write(tr("%1 records now in category \"%2\".").arg(changed).arg(category));
  return changed;
}

int64_t DatasetsPanel::bulk_add_flag(const QString& flag) {
  const auto ids = selected_record_ids();
  if (!repository_ || ids.empty() || flag.trimmed().isEmpty()) return 0;
  int64_t added = 0;
  try {
    added = repository_->add_flag(ids, flag.trimmed().toStdString());
  } catch (const std::exception& e) {
    report_failure(tr("Adding the flag"), e);
    return 0;
  }
  after_write(tr("Flag \"%1\" added to %2 records.").arg(flag.trimmed()).arg(added));
  return added;
}

int64_t DatasetsPanel::bulk_delete() {
  const auto ids = selected_record_ids();
  if (!repository_ || ids.empty()) return 0;
  int64_t deleted = 0;
  try {
    const QJsonObject parameters{{"by", reviewer()}, {"how", "selection in the Datasets panel"}};
    deleted = repository_->delete_records(current_dataset_id(), ids, "delete", io::json::compact(parameters));
  } catch (const std::exception& e) {
    report_failure(tr("Deleting records"), e);
    return 0;
  }
  editor_->clear_record();
  after_write(tr("%1 records deleted.").arg(deleted));
  const int row = std::min(std::max(0, table_->currentIndex().row()), model_->rowCount() - 1);
  select_row(row);
  return deleted;
}

bool DatasetsPanel::delete_current_dataset(bool ask) {
  const int64_t id = current_dataset_id();
  if (!repository_ || id == 0) return false;
  if (ask && QMessageBox::question(this, tr("Delete dataset"),
                                   tr("Delete \"%1\" with all its records and their history? This cannot be undone.")
                                       .arg(dataset_combo_->currentText())) != QMessageBox::Yes)
    return false;
  try {
    repository_->delete_dataset(id);
  } catch (const std::exception& e) {
    return report_failure(tr("Deleting the dataset"), e);
  }
  editor_->clear_record();
  refresh_datasets();
  Q_EMIT status_message(tr("Dataset deleted."));
  return true;
}

PlanDialog* DatasetsPanel::open_tool(Tool tool) {
  const int64_t dataset = current_dataset_id();
  if (!workspace_ || dataset == 0) return nullptr;
  if (!settle_pending_edits()) return nullptr;
  PlanDialog* dialog = nullptr;
  switch (tool) {
    case Tool::Clean: dialog = new CleaningDialog(workspace_file_, dataset, reviewer(), this); break;
    case Tool::Dedup: dialog = new DedupDialog(workspace_file_, dataset, reviewer(), this); break;
    case Tool::Pii: dialog = new PiiDialog(workspace_file_, dataset, reviewer(), this); break;
    case Tool::Tag: dialog = new TaggingDialog(*workspace_, dataset, reviewer(), this); break;
    case Tool::Terms: dialog = new TermsDialog(*workspace_, dataset, reviewer(), this); break;
  }
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &PlanDialog::applied, this, [this](const QString& summary) { after_write(summary); });
  dialog->open();
  return dialog;
}

ImportDialog* DatasetsPanel::open_import_dialog() {
  if (!workspace_) return nullptr;
  auto* dialog = new ImportDialog(workspace_file_, datasets_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ImportDialog::imported, this, [this](qint64 dataset_id) {
    refresh_datasets();
    if (select_dataset(dataset_id)) model_->reload();
    after_write(tr("Import finished."));
  });
  dialog->open();
  return dialog;
}

ExportDialog* DatasetsPanel::open_export_dialog() {
  const int64_t id = current_dataset_id();
  const auto found = std::find_if(datasets_.begin(), datasets_.end(), [id](const auto& d) { return d.id == id; });
  if (!workspace_ || found == datasets_.end()) return nullptr;
  auto* dialog = new ExportDialog(workspace_file_, *found, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ExportDialog::finished, this, [this] { refresh_charts(); });
  dialog->open();
  return dialog;
}

void DatasetsPanel::refresh_charts() {
  operations_->clear();
  const int64_t id = current_dataset_id();
  if (!repository_ || id == 0) {
    coverage_->clear();
    return;
  }
  try {
    store::CategoryRepository categories(*workspace_);
    coverage_->show_dataset(*repository_, categories, id);
    const auto compact = [](const std::string& json) { return io::json::compact_text(io::json::object_or_empty(json)); };
    const auto operations = repository_->operations(id);
    for (auto it = operations.rbegin(); it != operations.rend(); ++it) {
      auto* item = new QTreeWidgetItem(operations_);
      item->setText(0, QString::fromStdString(it->at));
      item->setText(1, QString::fromStdString(it->kind));
      item->setText(2, compact(it->counts_json));
      item->setText(3, compact(it->parameters_json));
    }
  } catch (const std::exception& e) {
    report_failure(tr("Reading the coverage"), e);
  }
}

}  // namespace medlora::ui
