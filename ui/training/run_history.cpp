#include "ui/training/run_history.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMap>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "core/io/json_util.h"
#include "core/store/model_registry.h"
#include "core/store/workspace.h"
#include "ui/models/model_export_dialog.h"
#include "ui/training/distill_metrics.h"
#include "ui/training/run_process.h"

namespace medlora::ui {
namespace {

QString duration_text(const store::TrainingRun& run) {
  const auto start = QDateTime::fromString(QString::fromStdString(run.started_at), Qt::ISODateWithMs);
  auto end = QDateTime::fromString(QString::fromStdString(run.finished_at), Qt::ISODateWithMs);
  if (!start.isValid()) return {};
  if (!end.isValid()) end = QDateTime::currentDateTimeUtc();
  const qint64 s = start.secsTo(end);
  return s < 3600 ? QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'))
                  : QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString join_tags(const std::vector<std::string>& tags) {
  QStringList out;
  for (const auto& t : tags) out << QString::fromStdString(t);
  return out.join(", ");
}

}  // namespace

RunHistory::RunHistory(QWidget* parent) : QWidget(parent) {
  table_ = new QTableWidget(0, ColumnCount, this);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  notes_ = new QPlainTextEdit(this);
  notes_->setMaximumHeight(70);
  tags_ = new QLineEdit(this);
  save_notes_ = new QPushButton(this);
  overlay_ = new QPushButton(this);
  diff_ = new QPushButton(this);
  resume_ = new QPushButton(this);
  delete_ = new QPushButton(this);
  export_ = new QPushButton(this);
  register_ = new QPushButton(this);
  export_model_ = new QPushButton(this);

  auto* actions = new QHBoxLayout;
  for (auto* b : {overlay_, diff_, resume_, export_, register_, export_model_, delete_}) actions->addWidget(b);
  actions->addStretch();
  auto* notes_row = new QHBoxLayout;
  notes_row->addWidget(notes_, 2);
  auto* tag_column = new QVBoxLayout;
  tag_column->addWidget(tags_);
  tag_column->addWidget(save_notes_);
  notes_row->addLayout(tag_column, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  empty_state_ = new EmptyState(this);
  empty_state_->setVisible(false);
  connect(empty_state_, &EmptyState::action_requested, this, &RunHistory::first_run_requested);
  layout->addWidget(empty_state_);
  layout->addWidget(table_, 1);
  layout->addLayout(actions);
  layout->addLayout(notes_row);

  connect(table_, &QTableWidget::itemSelectionChanged, this, &RunHistory::on_selection_changed);
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    Q_EMIT show_requested(table_->item(row, Name)->data(Qt::UserRole).toLongLong());
  });
  connect(overlay_, &QPushButton::clicked, this, [this] { Q_EMIT overlay_requested(selected_run_ids()); });
  connect(diff_, &QPushButton::clicked, this, &RunHistory::show_diff_dialog);
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (selected_run_ids().size() == 1) Q_EMIT resume_requested(selected_run_ids().front());
  });
  connect(delete_, &QPushButton::clicked, this, &RunHistory::delete_selected);
  connect(export_, &QPushButton::clicked, this, &RunHistory::export_with_dialog);
  connect(register_, &QPushButton::clicked, this, &RunHistory::register_selected);
  connect(export_model_, &QPushButton::clicked, this, [this] {
    const auto ids = selected_run_ids();
    if (ids.size() == 1) open_model_export(ids.front());
  });
  connect(save_notes_, &QPushButton::clicked, this, [this] {
    QString error;
    if (!save_notes_and_tags(&error)) QMessageBox::warning(this, tr("Notes and tags"), error);
  });
  retranslate();
  on_selection_changed();
}

void RunHistory::retranslate() {
  table_->setHorizontalHeaderLabels({tr("Name"), tr("Status"), tr("Started"), tr("Duration"), tr("Steps"),
                                     tr("Final loss"), tr("Best eval"), tr("Adapter"), tr("Tags")});
  notes_->setPlaceholderText(tr("Notes on the selected run"));
  tags_->setPlaceholderText(tr("Tags, comma-separated"));
  save_notes_->setText(tr("Save notes and tags"));
  overlay_->setText(tr("Overlay"));
  overlay_->setToolTip(tr("Draw the curves of the selected runs together"));
  diff_->setText(tr("Compare configs"));
  diff_->setToolTip(tr("The settings in which two selected runs differ"));
  resume_->setText(tr("Resume"));
  resume_->setToolTip(tr("Continue the selected run from its last checkpoint"));
  delete_->setText(tr("Delete…"));
  export_->setText(tr("Export CSV…"));
  register_->setText(tr("Register adapter"));
  register_->setToolTip(tr("Make the run's adapter available to the chat tester and review"));
  export_model_->setText(tr("Export model…"));
  export_model_->setToolTip(tr("The run's adapter as GGUF for llama.cpp and Ollama (merged, or as a GGUF LoRA), "
                               "or merged into an HF folder"));
  empty_state_->set_texts(tr("No training run yet. Start a first run: choose a base model and a dataset on the "
                             "New run tab, then Launch run."),
                          tr("Start a first run..."));
}

void RunHistory::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RunHistory::set_workspace(store::Workspace* workspace) {
  workspace_ = workspace;
  refresh();
}

QString RunHistory::display_status(const store::TrainingRun& run) {
  if (run.status == "running" && !(run.pid && RunProcess::process_alive(*run.pid))) return "interrupted";
  return QString::fromStdString(run.status);
}

void RunHistory::refresh() {
  const QList<qint64> selected = selected_run_ids();
  table_->setRowCount(0);
  empty_state_->setVisible(false);
  if (!workspace_) return;
  store::RunRepository runs(*workspace_);
  for (const auto& run : runs.list()) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    const auto loss = runs.metric(run.id, "train", "loss");
    const QString status = display_status(run);
    QStringList cells{QString::fromStdString(run.name),
                      status,
                      QString::fromStdString(run.started_at).left(19).replace('T', ' '),
                      duration_text(run),
                      loss.empty() ? QString() : QString::number(loss.back().step),
                      loss.empty() ? QString() : QString::number(loss.back().value, 'f', 4),
                      run.best_eval_loss ? QString::number(*run.best_eval_loss, 'f', 4) : QString(),
                      run.adapter_id ? tr("#%1").arg(*run.adapter_id) : QString(),
                      join_tags(run.tags)};
    for (int c = 0; c < ColumnCount; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == Name) {
        item->setData(Qt::UserRole, qint64(run.id));
        item->setToolTip(QString::fromStdString(run.folder));
      }
      if (c == Status && status == "interrupted")
        item->setToolTip(tr("The trainer process is gone without finishing; Resume continues from the last checkpoint."));
      table_->setItem(row, c, item);
    }
  }
  table_->resizeColumnsToContents();
  empty_state_->setVisible(table_->rowCount() == 0);
  select_runs(selected);
}

QList<qint64> RunHistory::selected_run_ids() const {
  QList<qint64> ids;
  for (const auto& index : table_->selectionModel()->selectedRows(Name))
    ids << table_->item(index.row(), Name)->data(Qt::UserRole).toLongLong();
  return ids;
}

void RunHistory::select_runs(const QList<qint64>& ids) {
  table_->clearSelection();
  for (int row = 0; row < table_->rowCount(); ++row) {
    if (!ids.contains(table_->item(row, Name)->data(Qt::UserRole).toLongLong())) continue;
    table_->selectionModel()->select(table_->model()->index(row, 0),
                                     QItemSelectionModel::Select | QItemSelectionModel::Rows);
  }
}

std::optional<store::TrainingRun> RunHistory::run(qint64 id) const {
  if (!workspace_) return std::nullopt;
  return store::RunRepository(*workspace_).find(id);
}

void RunHistory::on_selection_changed() {
  const auto ids = selected_run_ids();
  const auto one = ids.size() == 1 ? run(ids.front()) : std::nullopt;
  notes_->setPlainText(one ? QString::fromStdString(one->notes) : QString());
  tags_->setText(one ? join_tags(one->tags) : QString());
  notes_->setEnabled(one.has_value());
  tags_->setEnabled(one.has_value());
  save_notes_->setEnabled(one.has_value());
  overlay_->setEnabled(!ids.isEmpty());
  diff_->setEnabled(ids.size() == 2);
  const QString status = one ? display_status(*one) : QString();
  resume_->setEnabled(status == "interrupted" || status == "stopped");
  delete_->setEnabled(one && status != "running");
  export_->setEnabled(one.has_value());
  const bool has_adapter = one && QFileInfo::exists(QDir(QString::fromStdString(one->folder)).filePath("adapter/adapter_config.json"));
  register_->setEnabled(has_adapter);
  export_model_->setEnabled(has_adapter);
  if (one) Q_EMIT show_requested(one->id);
}

QList<ConfigDifference> RunHistory::diff(qint64 left, qint64 right) const {
  const auto a = run(left), b = run(right);
  if (!a || !b) return {};
  auto parse = [](const std::string& text) { return io::json::object_or_empty(text); };
  return diff_configs(parse(a->config_json), parse(b->config_json));
}

void RunHistory::show_diff_dialog() {
  const auto ids = selected_run_ids();
  if (ids.size() != 2) return;
  const auto differences = diff(ids[0], ids[1]);
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Config differences"));
  auto* view = new QTableWidget(differences.size(), 3, &dialog);
  view->setHorizontalHeaderLabels({tr("Setting"), QString::fromStdString(run(ids[0])->name), QString::fromStdString(run(ids[1])->name)});
  for (int i = 0; i < differences.size(); ++i) {
    view->setItem(i, 0, new QTableWidgetItem(differences[i].key));
    view->setItem(i, 1, new QTableWidgetItem(differences[i].left));
    view->setItem(i, 2, new QTableWidgetItem(differences[i].right));
  }
  view->resizeColumnsToContents();
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(view);
  layout->addWidget(buttons);
  dialog.resize(700, 400);
  dialog.exec();
}

bool RunHistory::save_notes_and_tags(QString* error) {
  const auto ids = selected_run_ids();
  if (ids.size() != 1 || !workspace_) {
    if (error) *error = tr("Select one run.");
    return false;
  }
  std::vector<std::string> tags;
  for (const QString& t : tags_->text().split(',', Qt::SkipEmptyParts))
    if (!t.trimmed().isEmpty()) tags.push_back(t.trimmed().toStdString());
  try {
    store::RunRepository runs(*workspace_);
    runs.set_notes(ids.front(), notes_->toPlainText().toStdString());
    runs.set_tags(ids.front(), tags);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  refresh();
  Q_EMIT message(tr("Saved the notes and tags."));
  return true;
}

bool RunHistory::delete_run(qint64 id, bool confirm, QString* error) {
  const auto r = run(id);
  auto fail = [&](const QString& why) {
    if (error) *error = why;
    return false;
  };
  if (!r) return fail(tr("No run %1 in this workspace.").arg(id));
  if (display_status(*r) == "running") return fail(tr("Stop the run before deleting it."));
  const QString folder = QString::fromStdString(r->folder);
  // Only a folder the trainer made is removed, never an arbitrary directory a config named.
  const bool is_run_folder = QFileInfo::exists(QDir(folder).filePath("run_config.json")) ||
                             QFileInfo::exists(RunProcess::console_file(folder));
  if (confirm) {
    const auto answer = QMessageBox::question(
        this, tr("Delete run"),
        is_run_folder ? tr("Delete the run \"%1\" and its folder %2 (checkpoints, adapter, metrics)? This cannot be undone.")
                            .arg(QString::fromStdString(r->name), folder)
                      : tr("Delete the run \"%1\" from the workspace?").arg(QString::fromStdString(r->name)));
    if (answer != QMessageBox::Yes) return fail(tr("Cancelled."));
  }
  if (is_run_folder && !QDir(folder).removeRecursively()) return fail(tr("Could not remove all of %1.").arg(folder));
  store::RunRepository(*workspace_).delete_run(id);
  refresh();
  Q_EMIT runs_changed();
  return true;
}

void RunHistory::delete_selected() {
  const auto ids = selected_run_ids();
  if (ids.size() != 1) return;
  QString error;
  if (!delete_run(ids.front(), true, &error) && error != tr("Cancelled."))
    QMessageBox::warning(this, tr("Delete run"), error);
}

QString RunHistory::metrics_csv(const store::RunRepository& runs, qint64 id) {
  const QList<QPair<QString, QString>> columns{{"train", "loss"},          {"train", "learning_rate"},
                                               {"train", "grad_norm"},     {"train", "tokens_per_second"},
                                               {"train", "epoch"},         {"eval", "eval_loss"},
                                               {"eval", "eval_perplexity"}};
  // A distillation run adds its terms as three more columns.
  const auto run = runs.find(id);
  const auto distill = run ? recorded_distill_points(runs, *run) : QVector<DistillPoint>{};
  QStringList names;
  for (const auto& c : columns) names << c.second;
  if (!distill.isEmpty()) names << "kl_loss" << "ce_loss" << "teacher_agreement";
  QMap<qint64, QVector<QString>> rows;
  auto cell = [&](qint64 step, int column, double value) {
    auto& row = rows[step];
    row.resize(names.size());
    if (std::isfinite(value)) row[column] = QString::number(value, 'g', 10);
  };
  for (int c = 0; c < columns.size(); ++c)
    for (const auto& p : runs.metric(id, columns[c].first.toStdString(), columns[c].second.toStdString()))
      cell(p.step, c, p.value);
  for (const auto& p : distill) {
    const auto step = static_cast<qint64>(p.step);
    cell(step, columns.size(), p.kl_loss);
    cell(step, columns.size() + 1, p.ce_loss);
    cell(step, columns.size() + 2, p.teacher_agreement);
  }
  QString csv = "step," + names.join(',') + "\n";
  for (auto it = rows.begin(); it != rows.end(); ++it) {
    QVector<QString> row = it.value();
    row.resize(names.size());
    csv += QString::number(it.key()) + "," + QStringList(row.begin(), row.end()).join(',') + "\n";
  }
  return csv;
}

bool RunHistory::export_csv(qint64 id, const QString& file, QString* error) const {
  if (!workspace_) return false;
  QFile out(file);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    if (error) *error = tr("Cannot write %1: %2").arg(file, out.errorString());
    return false;
  }
  out.write(metrics_csv(store::RunRepository(*workspace_), id).toUtf8());
  return true;
}

void RunHistory::export_with_dialog() {
  const auto ids = selected_run_ids();
  if (ids.size() != 1) return;
  const QString file = QFileDialog::getSaveFileName(this, tr("Export metrics"), QString::fromStdString(run(ids.front())->name) + ".csv",
                                                    tr("CSV files (*.csv)"));
  if (file.isEmpty()) return;
  QString error;
  if (!export_csv(ids.front(), file, &error)) QMessageBox::warning(this, tr("Export metrics"), error);
  else Q_EMIT message(tr("Wrote %1").arg(file));
}

std::optional<qint64> RunHistory::register_adapter(qint64 id, QString* error) {
  const auto r = run(id);
  const QString adapter = r ? QDir(QString::fromStdString(r->folder)).filePath("adapter") : QString();
  if (!r || !QFileInfo::exists(QDir(adapter).filePath("adapter_config.json"))) {
    if (error) *error = tr("The run has no adapter yet (%1/adapter_config.json); it is written when the run finishes.").arg(adapter);
    return std::nullopt;
  }
  try {
    store::ModelRegistry registry(*workspace_);
    const auto config = io::json::object_or_empty(r->config_json);
    std::optional<int64_t> model_id;
    const QString base = config.value("base_model").toString();
    if (!base.isEmpty()) model_id = registry.register_model(QFileInfo(base).fileName().toStdString(), base.toStdString());
    const int64_t adapter_id = registry.register_adapter(r->name, adapter.toStdString(), model_id);
    store::RunRepository(*workspace_).set_adapter(id, adapter_id);
    refresh();
    Q_EMIT message(tr("Registered the adapter of %1.").arg(QString::fromStdString(r->name)));
    return adapter_id;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return std::nullopt;
  }
}

ModelExportDialog* RunHistory::open_model_export(qint64 id) {
  const auto r = run(id);
  const QString adapter = r ? QDir(QString::fromStdString(r->folder)).filePath("adapter") : QString();
  if (!r || !QFileInfo::exists(QDir(adapter).filePath("adapter_config.json"))) return nullptr;
  auto* dialog = new ModelExportDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->set_base(io::json::object_or_empty(r->config_json).value("base_model").toString());
  dialog->set_adapter(adapter);
  connect(dialog, &ModelExportDialog::finished, this, [this](bool ok, const QString& text) {
    if (ok) Q_EMIT message(text);
  });
  dialog->show();
  return dialog;
}

void RunHistory::register_selected() {
  const auto ids = selected_run_ids();
  if (ids.size() != 1) return;
  QString error;
  if (!register_adapter(ids.front(), &error)) QMessageBox::warning(this, tr("Register adapter"), error);
}

}  // namespace medlora::ui
