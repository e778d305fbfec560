#include "ui/datasets/plan_dialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>

#include "core/store/dataset_repository.h"
#include "core/store/transaction.h"
#include "ui/datasets/change_preview_model.h"

namespace medlora::ui {

PlanDialog::PlanDialog(const QString& workspace_file, int64_t dataset_id, const QString& editor, QWidget* parent)
    : QDialog(parent),
      workspace_file_(workspace_file),
      dataset_id_(dataset_id),
      editor_(editor),
      preview_(new QPushButton(this)),
      stop_(new QPushButton(this)),
      apply_(new QPushButton(this)),
      close_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      summary_(new QLabel(this)) {
  preview_->setObjectName("preview");
  apply_->setObjectName("apply");
  stop_->setObjectName("stop");
  summary_->setObjectName("summary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setTextVisible(false);
  progress_->setVisible(false);
  preview_->setDefault(true);
  connect(preview_, &QPushButton::clicked, this, &PlanDialog::preview);
  connect(apply_, &QPushButton::clicked, this, &PlanDialog::apply);
  connect(stop_, &QPushButton::clicked, &runner_, &BackgroundRunner::request_stop);
  connect(close_, &QPushButton::clicked, this, &PlanDialog::reject);
  connect(&runner_, &BackgroundRunner::progress, this, [this](qint64 done, qint64 total) {
    progress_->setRange(0, total > 0 ? 1000 : 0);
    if (total > 0) progress_->setValue(static_cast<int>(1000 * done / total));
  });
  connect(&runner_, &BackgroundRunner::finished, this, &PlanDialog::on_finished);
  resize(900, 640);
  retranslate_base();
  update_buttons();
}

PlanDialog::~PlanDialog() {
  runner_.request_stop();
  runner_.wait();
}

void PlanDialog::set_content(QWidget* options, QWidget* preview) {
  auto* run_row = new QHBoxLayout;
  run_row->addWidget(preview_);
  run_row->addWidget(stop_);
  run_row->addWidget(progress_, 1);
  auto* bottom = new QHBoxLayout;
  bottom->addStretch(1);
  bottom->addWidget(apply_);
  bottom->addWidget(close_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(options);
  layout->addLayout(run_row);
  layout->addWidget(summary_);
  layout->addWidget(preview, 1);
  layout->addLayout(bottom);
}

void PlanDialog::preview() {
  if (runner_.busy()) return;
  capture_options();
  options_changed_while_busy_ = false;
  has_plan_ = false;
  plan_has_changes_ = false;
  last_error_.clear();
  clear_plan();
  stage_ = Stage::Planning;
  summary_->setText(tr("Reading the dataset and planning; nothing is changed yet..."));
  auto snapshot = std::make_shared<DatasetSnapshot>();
  snapshot_ = snapshot;
  const std::string file = workspace_file_.toStdString();
  const int64_t dataset = dataset_id_;
  runner_.start([this, snapshot, file, dataset](const BackgroundRunner::Control& control) {
    auto workspace = store::Workspace::open_for_this_thread(file);
    store::DatasetRepository repository(*workspace);
    bool complete = true;
    *snapshot = load_snapshot(repository, dataset, [&control] { return !control.stop_requested(); }, &complete);
    if (!complete) return;
    plan(*snapshot, control);
  });
  update_buttons();
}

void PlanDialog::apply() {
  if (runner_.busy() || !has_plan_ || !plan_has_changes_) return;
  stage_ = Stage::Applying;
  last_error_.clear();
  summary_->setText(tr("Applying..."));
  const std::string file = workspace_file_.toStdString();
  auto snapshot = snapshot_;
  runner_.start([this, snapshot, file](const BackgroundRunner::Control&) {
    auto workspace = store::Workspace::open_for_this_thread(file);
    store::Transaction transaction(*workspace);
    apply_summary_ = apply_plan(*workspace, *snapshot);
    transaction.commit();
  });
  update_buttons();
}

void PlanDialog::on_finished(const QString& error, bool stopped) {
  const Stage stage = stage_;
  stage_ = Stage::Idle;
  if (!error.isEmpty()) {
    last_error_ = error;
    has_plan_ = false;
    summary_->setText(stage == Stage::Applying ? tr("Nothing was changed: %1").arg(error)
                                               : tr("The preview failed: %1").arg(error));
    update_buttons();
    Q_EMIT failed(error);
    return;
  }
  if (stage == Stage::Planning) {
    if (stopped) {
      summary_->setText(tr("Preview stopped; nothing was changed."));
      clear_plan();
    } else if (options_changed_while_busy_) {
      // The plan follows the options as they were when Preview was pressed.
      clear_plan();
      summary_->setText(tr("The options changed during the preview: preview again before applying."));
    } else {
      has_plan_ = true;
      const QString summary = show_plan();
      plan_has_changes_ = !summary.isEmpty();
      summary_->setText(plan_has_changes_ ? summary : tr("Nothing to change: the dataset already passes."));
    }
    update_buttons();
    if (has_plan_) Q_EMIT preview_ready();
    return;
  }
  // Applied: the preview is spent; a new one would start from the changed dataset.
  has_plan_ = false;
  plan_has_changes_ = false;
  summary_->setText(apply_summary_);
  update_buttons();
  Q_EMIT applied(apply_summary_);
}

void PlanDialog::invalidate_plan() {
  if (runner_.busy()) {
    options_changed_while_busy_ = stage_ == Stage::Planning;
    return;
  }
  if (!has_plan_) return;
  has_plan_ = false;
  plan_has_changes_ = false;
  clear_plan();
  summary_->setText(tr("The options changed: preview again before applying."));
  update_buttons();
}

void PlanDialog::update_buttons() {
  const bool busy = runner_.busy();
  preview_->setEnabled(!busy);
  stop_->setEnabled(busy && stage_ == Stage::Planning);
  apply_->setEnabled(!busy && has_plan_ && plan_has_changes_);
  close_->setEnabled(stage_ != Stage::Applying);
  progress_->setVisible(busy);
  progress_->setRange(0, 0);
}

void PlanDialog::reject() {
  if (stage_ == Stage::Applying) return;  // the write is short; closing waits for it
  runner_.request_stop();
  QDialog::reject();
}

void PlanDialog::set_up_preview_table(QTableWidget* table, const char* name, StretchColumns stretch) {
  table->setObjectName(name);
  table->verticalHeader()->hide();
  if (stretch == StretchColumns::All)
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  else
    table->horizontalHeader()->setStretchLastSection(true);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void PlanDialog::set_up_changes_view(QTableView* view, ChangePreviewModel* model) {
  view->setObjectName("changes");
  view->setModel(model);
  view->verticalHeader()->hide();
  view->horizontalHeader()->setStretchLastSection(true);
  view->setColumnWidth(ChangePreviewModel::BeforeColumn, 320);
}

void PlanDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate_base();
    retranslate();
  }
  QDialog::changeEvent(event);
}

void PlanDialog::retranslate_base() {
  preview_->setText(tr("&Preview"));
  preview_->setToolTip(tr("Show what would change; nothing is written"));
  stop_->setText(tr("&Stop"));
  apply_->setText(tr("&Apply"));
  apply_->setToolTip(tr("Write the previewed changes to the workspace in one transaction (kept in the record history)"));
  close_->setText(tr("&Close"));
}

}  // namespace medlora::ui
