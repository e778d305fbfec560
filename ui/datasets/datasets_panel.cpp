#include "ui/datasets/datasets_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/store/category_repository.h"
#include "ui/datasets/coverage_chart.h"
#include "ui/datasets/dataset_table_model.h"
#include "ui/datasets/record_editor.h"
#include "ui/datasets/record_filter_bar.h"
#include "ui/datasets/review_status_text.h"
#include "ui/datasets/token_histogram.h"

namespace medlora::ui {

DatasetsPanel::DatasetsPanel(const QString& workspace_file, QWidget* parent)
    : Panel(parent),
      problem_(new QLabel(this)),
      dataset_label_(new QLabel(this)),
      dataset_combo_(new QComboBox(this)),
      reviewer_label_(new QLabel(this)),
      reviewer_(new QLineEdit(this)),
      tabs_(new QTabWidget(this)),
      filter_bar_(new RecordFilterBar(this)),
      model_(new DatasetTableModel(this)),
      table_(new QTableView(this)),
      selection_label_(new QLabel(this)),
      editor_(new RecordEditor(this)),
      coverage_(new CoverageChart(this)),
      tokens_(new TokenHistogram(this)),
      operations_(new QTreeWidget(this)),
      bulk_bar_(new QWidget(this)) {
  setObjectName("datasets_panel");
  QString login = qEnvironmentVariable("USER");
  if (login.isEmpty()) login = qEnvironmentVariable("USERNAME");
  reviewer_->setText(login);
  reviewer_->setObjectName("reviewer");
  reviewer_label_->setBuddy(reviewer_);
  dataset_combo_->setObjectName("dataset_combo");
  dataset_combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  dataset_label_->setBuddy(dataset_combo_);
  problem_->setObjectName("problem");
  problem_->setWordWrap(true);
  problem_->setStyleSheet("color: #b3261e;");
  problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  problem_->hide();

  table_->setObjectName("records_table");
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setWordWrap(false);
  table_->setAlternatingRowColors(false);
  // Fixed row heights and column widths: nothing may ask the model for rows it does not show.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  table_->horizontalHeader()->setStretchLastSection(true);
  const int widths[DatasetTableModel::ColumnCount] = {70, 90, 80, 160, 220, 260, 60, 90, 90};
  for (int column = 0; column < DatasetTableModel::ColumnCount; ++column) table_->setColumnWidth(column, widths[column]);
  operations_->setObjectName("operations");
  operations_->setColumnCount(4);
  operations_->setRootIsDecorated(false);
  operations_->header()->setStretchLastSection(true);

  build_actions();
  build_layout();

  connect(dataset_combo_, &QComboBox::currentIndexChanged, this, &DatasetsPanel::on_dataset_chosen);
  connect(filter_bar_, &RecordFilterBar::filter_changed, this, &DatasetsPanel::on_filter_changed);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &DatasetsPanel::on_current_row_changed);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &DatasetsPanel::update_selection_label);
  connect(model_, &QAbstractItemModel::modelReset, this, &DatasetsPanel::update_selection_label);
  connect(model_, &DatasetTableModel::load_failed, this, &DatasetsPanel::show_problem);
  connect(editor_, &RecordEditor::modified_changed, this, &DatasetsPanel::update_enabled);
  connect(coverage_, &CoverageChart::refresh_requested, this, &DatasetsPanel::refresh_charts);
  connect(tabs_, &QTabWidget::currentChanged, this, [this] {
    if (tabs_->currentWidget() != tabs_->widget(0)) refresh_charts();
  });
  retranslate();
  open_workspace(workspace_file);
}

DatasetsPanel::~DatasetsPanel() {
  // Dialogs run background jobs on this workspace's file: they finish before it closes.
  for (auto* dialog : findChildren<QDialog*>(Qt::FindDirectChildrenOnly)) delete dialog;
  model_->set_source(nullptr, 0);
}

QString DatasetsPanel::panel_title() const { return tr("Datasets"); }

QIcon DatasetsPanel::panel_icon() const {
  return QIcon::fromTheme("x-office-spreadsheet", style()->standardIcon(QStyle::SP_FileDialogDetailedView));
}

void DatasetsPanel::build_actions() {
  const auto make = [this](const QKeySequence& shortcut = {}) {
    auto* action = new QAction(this);
    if (!shortcut.isEmpty()) {
      action->setShortcut(shortcut);
      // Panel-wide, but not while another panel is shown.
      action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
      addAction(action);
    }
    return action;
  };
  import_ = make();
  export_ = make();
  delete_dataset_ = make();
  clean_ = make();
  dedup_ = make();
  pii_ = make();
  tag_ = make();
  terms_ = make();
  save_ = make(QKeySequence(Qt::CTRL | Qt::Key_S));
  approve_ = make(QKeySequence(Qt::CTRL | Qt::Key_Return));
  approve_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  reject_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  needs_edit_ = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  next_ = make(QKeySequence(Qt::ALT | Qt::Key_Down));
  previous_ = make(QKeySequence(Qt::ALT | Qt::Key_Up));
  find_ = make(QKeySequence(QKeySequence::Find));
  bulk_approve_ = make();
  bulk_reject_ = make();
  bulk_needs_edit_ = make();
  bulk_category_ = make();
  bulk_flag_ = make();
  bulk_delete_ = new QAction(this);
  bulk_delete_->setShortcut(QKeySequence::Delete);
  bulk_delete_->setShortcutContext(Qt::WidgetShortcut);
  table_->addAction(bulk_delete_);
  editor_->set_actions(save_, approve_, reject_, needs_edit_);

  connect(import_, &QAction::triggered, this, &DatasetsPanel::open_import_dialog);
  connect(export_, &QAction::triggered, this, &DatasetsPanel::open_export_dialog);
  connect(delete_dataset_, &QAction::triggered, this, [this] { delete_current_dataset(true); });
  connect(clean_, &QAction::triggered, this, [this] { open_tool(Tool::Clean); });
  connect(dedup_, &QAction::triggered, this, [this] { open_tool(Tool::Dedup); });
  connect(pii_, &QAction::triggered, this, [this] { open_tool(Tool::Pii); });
  connect(tag_, &QAction::triggered, this, [this] { open_tool(Tool::Tag); });
  connect(terms_, &QAction::triggered, this, [this] { open_tool(Tool::Terms); });
  connect(save_, &QAction::triggered, this, &DatasetsPanel::save_current_record);
  connect(approve_, &QAction::triggered, this, [this] { decide(data::ReviewStatus::Approved); });
  connect(reject_, &QAction::triggered, this, [this] { decide(data::ReviewStatus::Rejected); });
  connect(needs_edit_, &QAction::triggered, this, [this] { decide(data::ReviewStatus::NeedsEdit); });
  connect(next_, &QAction::triggered, this, [this] { select_row(table_->currentIndex().row() + 1); });
  connect(previous_, &QAction::triggered, this, [this] { select_row(std::max(0, table_->currentIndex().row() - 1)); });
  connect(find_, &QAction::triggered, this, [this] {
    tabs_->setCurrentIndex(0);
    filter_bar_->search_edit()->setFocus();
    filter_bar_->search_edit()->selectAll();
  });
  connect(bulk_approve_, &QAction::triggered, this, [this] { bulk_set_status(data::ReviewStatus::Approved); });
  connect(bulk_reject_, &QAction::triggered, this, [this] { bulk_set_status(data::ReviewStatus::Rejected); });
  connect(bulk_needs_edit_, &QAction::triggered, this, [this] { bulk_set_status(data::ReviewStatus::NeedsEdit); });
  connect(bulk_category_, &QAction::triggered, this, [this] {
    bool ok = false;
    QStringList names;
    for (int i = 1; i < editor_->category_combo()->count(); ++i) names << editor_->category_combo()->itemText(i);
    const QString category = QInputDialog::getItem(this, tr("Set category"), tr("Category for the selected records:"),
                                                   names, 0, true, &ok);
    if (ok) bulk_set_category(category);
  });
  connect(bulk_flag_, &QAction::triggered, this, [this] {
    bool ok = false;
    const QString flag = QInputDialog::getText(this, tr("Add flag"),
                                               tr("Flag for the selected records (a short word, e.g. check-dose):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok && !flag.trimmed().isEmpty()) bulk_add_flag(flag);
  });
  connect(bulk_delete_, &QAction::triggered, this, [this] {
    const auto count = selected_record_ids().size();
    if (count == 0) return;
    if (QMessageBox::question(this, tr("Delete records"),
                              tr("Delete %1 selected records? The deletion is logged in the dataset's history.")
                                  .arg(count)) == QMessageBox::Yes)
      bulk_delete();
  });
}

void DatasetsPanel::build_layout() {
  auto* toolbar = new QToolBar(this);
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  toolbar->addAction(import_);
  toolbar->addAction(export_);
  toolbar->addAction(delete_dataset_);
  toolbar->addSeparator();
  for (QAction* tool : {clean_, dedup_, pii_, tag_, terms_}) toolbar->addAction(tool);

  auto* top = new QHBoxLayout;
  top->addWidget(dataset_label_);
  top->addWidget(dataset_combo_, 1);
  top->addWidget(reviewer_label_);
  top->addWidget(reviewer_);

  auto* bulk_layout = new QHBoxLayout(bulk_bar_);
  bulk_layout->setContentsMargins(0, 0, 0, 0);
  bulk_layout->addWidget(selection_label_, 1);
  for (QAction* action : {bulk_approve_, bulk_reject_, bulk_needs_edit_, bulk_category_, bulk_flag_, bulk_delete_}) {
    auto* button = new QToolButton(bulk_bar_);
    button->setDefaultAction(action);
    bulk_layout->addWidget(button);
    table_->addAction(action);
  }
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);

  auto* records_side = new QWidget(this);
  auto* records_layout = new QVBoxLayout(records_side);
  records_layout->setContentsMargins(0, 0, 0, 0);
  empty_state_ = new EmptyState(records_side);
  empty_state_->setVisible(false);
  connect(empty_state_, &EmptyState::action_requested, import_, &QAction::trigger);
  records_layout->addWidget(empty_state_);
  records_layout->addWidget(table_, 1);
  records_layout->addWidget(bulk_bar_);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(records_side);
  splitter->addWidget(editor_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  auto* records_tab = new QWidget(this);
  auto* records_tab_layout = new QVBoxLayout(records_tab);
  records_tab_layout->addWidget(filter_bar_);
  records_tab_layout->addWidget(splitter, 1);
  tabs_->addTab(records_tab, QString());
  tabs_->addTab(coverage_, QString());
  tabs_->addTab(tokens_, QString());
  tabs_->addTab(operations_, QString());

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(toolbar);
  layout->addWidget(problem_);
  layout->addWidget(tabs_, 1);
}

bool DatasetsPanel::open_workspace(const QString& file) {
  for (auto* dialog : findChildren<QDialog*>(Qt::FindDirectChildrenOnly)) delete dialog;
  model_->set_source(nullptr, 0);
  editor_->clear_record();
  repository_.reset();
  workspace_.reset();
  workspace_file_ = file;
  datasets_.clear();
  if (file.isEmpty()) {
    show_problem(tr("No workspace is open: start the workbench with a workspace file to curate datasets."));
  } else {
    try {
      workspace_ = std::make_unique<store::Workspace>(file.toStdString());
      repository_ = std::make_unique<store::DatasetRepository>(*workspace_);
      problem_->hide();
    } catch (const std::exception& e) {
      workspace_.reset();
      show_problem(tr("The workspace %1 cannot be opened: %2").arg(file, QString::fromStdString(e.what())));
    }
  }
  {
    const QSignalBlocker block(dataset_combo_);
    dataset_combo_->clear();
  }
  refresh_datasets();
  on_dataset_chosen();
  return workspace_ != nullptr;
}

void DatasetsPanel::show_problem(const QString& message) {
  problem_->setText(message);
  problem_->show();
  Q_EMIT status_message(message);
}

void DatasetsPanel::refresh_datasets() {
  const int64_t current = current_dataset_id();
  datasets_.clear();
  if (repository_) {
    try {
      datasets_ = repository_->list_datasets();
    } catch (const std::exception& e) {
      report_failure(tr("Reading the datasets"), e);
    }
  }
  const QSignalBlocker block(dataset_combo_);
  dataset_combo_->clear();
  for (const auto& d : datasets_)
    dataset_combo_->addItem(tr("%1 — %2 records: %3 pending, %4 approved, %5 rejected, %6 need edit")
                                .arg(QString::fromStdString(d.name))
                                .arg(d.total)
                                .arg(d.pending)
                                .arg(d.approved)
                                .arg(d.rejected)
                                .arg(d.needs_edit),
                            QVariant::fromValue<qint64>(d.id));
  const int index = dataset_combo_->findData(QVariant::fromValue<qint64>(current));
  dataset_combo_->setCurrentIndex(index >= 0 ? index : (dataset_combo_->count() > 0 ? 0 : -1));
  if (dataset_combo_->currentData().toLongLong() != current) {
    // The chosen dataset went away (or none was chosen): show the new current one.
    QMetaObject::invokeMethod(this, &DatasetsPanel::on_dataset_chosen, Qt::QueuedConnection);
  }
  update_enabled();
}

int64_t DatasetsPanel::current_dataset_id() const {
  return dataset_combo_->currentIndex() >= 0 ? dataset_combo_->currentData().toLongLong() : 0;
}

bool DatasetsPanel::select_dataset(int64_t dataset_id) {
  const int index = dataset_combo_->findData(QVariant::fromValue<qint64>(dataset_id));
  if (index < 0) return false;
  if (index == dataset_combo_->currentIndex() && model_->dataset_id() == dataset_id) return true;
  dataset_combo_->setCurrentIndex(index);
  return true;
}

void DatasetsPanel::on_dataset_chosen() {
  const int64_t id = current_dataset_id();
  if (model_->dataset_id() == id && id != 0) return;
  if (model_->dataset_id() != 0 && repository_ && repository_->find_dataset(model_->dataset_id()) &&
      !settle_pending_edits()) {
    // Stay with the dataset whose record is being edited.
    const QSignalBlocker block(dataset_combo_);
    dataset_combo_->setCurrentIndex(dataset_combo_->findData(QVariant::fromValue<qint64>(model_->dataset_id())));
    return;
  }
  editor_->clear_record();
  filter_bar_->clear();
  model_->set_source(repository_.get(), id);
  tokens_->set_source(workspace_file_, id);
  refresh_categories();
  if (model_->rowCount() > 0) select_row(0);
  if (tabs_->currentIndex() != 0) refresh_charts();
  update_enabled();
}

void DatasetsPanel::refresh_categories() {
  QStringList names;
  if (workspace_) {
    try {
      for (const auto& category : store::CategoryRepository(*workspace_).list())
        names << QString::fromStdString(category.name);
      if (const int64_t id = current_dataset_id())
        for (const auto& [category, count] : repository_->category_counts(id))
          if (!category.empty() && !names.contains(QString::fromStdString(category)))
            names << QString::fromStdString(category);
    } catch (const std::exception& e) {
      report_failure(tr("Reading the categories"), e);
    }
  }
  filter_bar_->set_categories(names);
  editor_->set_categories(names);
}

void DatasetsPanel::on_filter_changed() {
  if (!settle_pending_edits()) return;
  const int64_t keep = current_record_id();
  model_->set_filter(filter_bar_->filter());
  const int row = keep ? model_->row_of(keep) : -1;
  if (row >= 0) select_row(row);
  else if (model_->rowCount() > 0) select_row(0);
  else editor_->clear_record();
  Q_EMIT status_message(tr("%n record(s) match", "", model_->rowCount()));
}

bool DatasetsPanel::select_row(int row) {
  if (row < 0 || row >= model_->rowCount()) return false;
  const QModelIndex index = model_->index(row, DatasetTableModel::IdColumn);
  table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  table_->scrollTo(index);
  // setCurrentIndex does not signal when the row is already current (after a reload).
  if (editor_->record_id() != model_->record_id(row)) load_editor(model_->record_id(row));
  return true;
}

int64_t DatasetsPanel::current_record_id() const { return editor_->record_id(); }

void DatasetsPanel::on_current_row_changed() {
  const int row = table_->currentIndex().row();
  const int64_t id = row >= 0 ? model_->record_id(row) : 0;
  if (id == editor_->record_id()) return;
  if (!settle_pending_edits()) {
    // Stay on the edited record.
    const int back = model_->row_of(editor_->record_id());
    if (back >= 0) {
      const QSignalBlocker block(table_->selectionModel());
      table_->selectionModel()->setCurrentIndex(model_->index(back, 0),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    return;
  }
  load_editor(id);
}

void DatasetsPanel::load_editor(int64_t record_id) {
  if (record_id == 0 || !repository_) {
    editor_->clear_record();
    update_enabled();
    return;
  }
  try {
    const auto record = repository_->get_record(record_id);
    if (!record) {
      editor_->clear_record();
    } else {
      editor_->show_record(*record, repository_->history(record_id));
    }
  } catch (const std::exception& e) {
    report_failure(tr("Reading record %1").arg(record_id), e);
    editor_->clear_record();
  }
  update_enabled();
}

bool DatasetsPanel::settle_pending_edits() {
  if (!editor_->is_modified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved edits"), tr("Record %1 has edits that are not saved. Save them as a new version?").arg(editor_->record_id()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) return save_current_record();
  return true;
}

QString DatasetsPanel::reviewer() const { return reviewer_->text().trimmed(); }

void DatasetsPanel::set_reviewer(const QString& name) { reviewer_->setText(name); }

bool DatasetsPanel::report_failure(const QString& what, const std::exception& e) {
  const QString message = tr("%1 failed: %2").arg(what, QString::fromStdString(e.what()));
  Q_EMIT status_message(message);
  problem_->setText(message);
  problem_->show();
  return false;
}

bool DatasetsPanel::save_current_record() {
  if (!repository_ || !editor_->has_record() || !editor_->is_modified()) return false;
  if (reviewer().isEmpty()) {
    show_problem(tr("Enter your name under Reviewer first: every edit is recorded with who made it."));
    reviewer_->setFocus();
    return false;
  }
  const int64_t id = editor_->record_id();
  try {
    repository_->update_record(id, editor_->edited_text(), reviewer().toStdString(), editor_->edit_reason().toStdString());
  } catch (const std::exception& e) {
    return report_failure(tr("Saving record %1").arg(id), e);
  }
  after_write(tr("Record %1 saved; the previous version is kept in its history.").arg(id));
  return true;
}

bool DatasetsPanel::decide(data::ReviewStatus status) {
  if (!repository_ || !editor_->has_record()) return false;
  if (reviewer().isEmpty()) {
    show_problem(tr("Enter your name under Reviewer first: every decision is recorded with who made it."));
    reviewer_->setFocus();
    return false;
  }
  const int64_t id = editor_->record_id();
  const QString note = editor_->review_note();
  if (editor_->is_modified() && !save_current_record()) return false;
  const int row = std::max(0, table_->currentIndex().row());
  try {
    repository_->set_status({id}, status, reviewer().toStdString(), note.toStdString());
  } catch (const std::exception& e) {
    return report_failure(tr("Recording the decision on record %1").arg(id), e);
  }
  after_write(tr("Record %1: %2.").arg(id).arg(review_status_label(status)));
  // Next record: the one after it, or the one that moved up into its row when the filter
  // no longer shows it.
  int next = model_->record_id(row) == id ? row + 1 : row;
  next = std::min(next, model_->rowCount() - 1);
  if (next >= 0) {
    editor_->clear_record();
    select_row(next);
  }
  return true;
}

void DatasetsPanel::after_write(const QString& message) {
  const int64_t record = editor_->record_id();
  refresh_datasets();
  model_->reload();
  refresh_categories();
  if (record != 0) {
    const int row = model_->row_of(record);
    if (row >= 0) {
      const QSignalBlocker block(table_->selectionModel());
      table_->selectionModel()->setCurrentIndex(model_->index(row, 0), QItemSelectionModel::Current |
                                                                           QItemSelectionModel::Rows);
    }
    load_editor(row >= 0 ? record : 0);
  }
  if (tabs_->currentIndex() != 0) refresh_charts();
  problem_->hide();
  update_selection_label();
  Q_EMIT status_message(message);
}

void DatasetsPanel::update_enabled() {
  const bool open = repository_ != nullptr;
  const bool dataset = open && current_dataset_id() != 0;
  const bool record = dataset && editor_->has_record();
  import_->setEnabled(open);
  empty_state_->setVisible(open && datasets_.empty());
  export_->setEnabled(dataset);
  delete_dataset_->setEnabled(dataset);
  for (QAction* action : {clean_, dedup_, pii_, tag_, terms_}) action->setEnabled(dataset);
  for (QAction* action : {approve_, reject_, needs_edit_}) action->setEnabled(record);
  save_->setEnabled(record && editor_->is_modified());
  next_->setEnabled(dataset);
  previous_->setEnabled(dataset);
  dataset_combo_->setEnabled(open);
  filter_bar_->setEnabled(dataset);
}

void DatasetsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    refresh_datasets();
  }
  Panel::changeEvent(event);
}

void DatasetsPanel::retranslate() {
  dataset_label_->setText(tr("&Dataset"));
  reviewer_label_->setText(tr("&Reviewer"));
  reviewer_->setToolTip(tr("Decisions and edits are recorded under this name"));
  import_->setText(tr("&Import..."));
  empty_state_->set_texts(tr("This workspace has no dataset yet. Import your question-and-answer records (JSON, "
                             "JSONL, CSV/TSV or MedQuAD XML) to review, clean and train on them."),
                          tr("Import data..."));
  import_->setToolTip(tr("Import JSON, JSONL, CSV/TSV or MedQuAD XML into a dataset"));
  export_->setText(tr("E&xport..."));
  export_->setToolTip(tr("Write the approved records (or all) for training, optionally split"));
  delete_dataset_->setText(tr("Delete dataset"));
  clean_->setText(tr("&Clean..."));
  clean_->setToolTip(tr("Whitespace, punctuation, HTML, control characters, empty and too short/long records, with a preview"));
  dedup_->setText(tr("De&duplicate..."));
  dedup_->setToolTip(tr("Exact and near-duplicates, with the groups to check before removing"));
  pii_->setText(tr("Mask &PII..."));
  pii_->setToolTip(tr("Phone numbers, ID numbers, e-mails, birth dates, record numbers, with a preview"));
  tag_->setText(tr("&Tag categories..."));
  tag_->setToolTip(tr("Assign department categories by keyword rules, with a preview"));
  terms_->setText(tr("Standardise &terms..."));
  terms_->setToolTip(tr("Replace synonyms by standard terms from the dictionary, with a preview"));
  save_->setText(tr("Save"));
  save_->setToolTip(tr("Save the edits as a new version; the old one stays in the history (Ctrl+S)"));
  approve_->setText(tr("Approve"));
  approve_->setToolTip(tr("Approve this record and go to the next (Ctrl+Return); unsaved edits are saved first"));
  reject_->setText(tr("Reject"));
  reject_->setToolTip(tr("Reject this record and go to the next (Ctrl+Shift+R)"));
  needs_edit_->setText(tr("Needs edit"));
  needs_edit_->setToolTip(tr("Mark this record as needing an edit and go to the next (Ctrl+Shift+E)"));
  next_->setText(tr("Next record"));
  next_->setToolTip(tr("Alt+Down"));
  previous_->setText(tr("Previous record"));
  previous_->setToolTip(tr("Alt+Up"));
  find_->setText(tr("Search"));
  bulk_approve_->setText(tr("Approve selected"));
  bulk_reject_->setText(tr("Reject selected"));
  bulk_needs_edit_->setText(tr("Selected need edit"));
  bulk_category_->setText(tr("Set category..."));
  bulk_flag_->setText(tr("Add flag..."));
  bulk_delete_->setText(tr("Delete selected..."));
  bulk_delete_->setToolTip(tr("Delete the selected records (Delete in the table); asks first"));
  tabs_->setTabText(0, tr("Records"));
  tabs_->setTabText(1, tr("Coverage"));
  tabs_->setTabText(2, tr("Token lengths"));
  tabs_->setTabText(3, tr("History"));
  operations_->setHeaderLabels({tr("When"), tr("Operation"), tr("Counts"), tr("Parameters")});
  update_selection_label();
}

}  // namespace medlora::ui
