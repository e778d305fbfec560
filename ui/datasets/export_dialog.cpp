#include "ui/datasets/export_dialog.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace medlora::ui {

ExportDialog::ExportDialog(const QString& workspace_file, const store::DatasetSummary& dataset, QWidget* parent)
    : TransferDialog("dataset-export", parent),
      workspace_file_(workspace_file),
      dataset_(dataset),
      counts_(new QLabel(this)),
      file_label_(new QLabel(this)),
      file_(new QLineEdit(this)),
      file_field_(new PathField(PathField::Kind::SaveFile, file_, this)),
      format_label_(new QLabel(this)),
      format_(new QComboBox(this)),
      all_records_(new QCheckBox(this)),
      split_(new QCheckBox(this)),
      validation_label_(new QLabel(this)),
      validation_(new QDoubleSpinBox(this)),
      test_label_(new QLabel(this)),
      test_(new QDoubleSpinBox(this)),
      seed_label_(new QLabel(this)),
      seed_(new QSpinBox(this)),
      export_(new QPushButton(this)),
      cancel_(new QPushButton(this)),
      close_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      result_(new QLabel(this)) {
  setObjectName("export_dialog");
  connect(worker(), &DatasetIoWorker::progress, this, [this](const QString&, qint64 done, qint64 total) {
    progress_->setRange(0, 1000);
    progress_->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 0);
  });
  connect(worker(), &DatasetIoWorker::export_finished, this, [this](const ExportSummary& summary) {
    summary_ = summary;
    if (summary.cancelled) {
      result_->setText(tr("Export cancelled. Files already written: %1")
                           .arg(summary.files.isEmpty() ? tr("none") : summary.files.join(", ")));
    } else {
      QStringList parts;
      for (const auto& [name, count] : summary.parts) parts << tr("%1: %2").arg(name).arg(count);
      result_->setText(tr("Exported %1 records (%2) to %3, each with a .manifest.json beside it.")
                           .arg(summary.records)
                           .arg(parts.join(", "), summary.files.join(", ")));
    }
    end_job();
  });
  connect(worker(), &DatasetIoWorker::failed, this, [this](const QString& message) {
    error_ = message;
    result_->setText(tr("The export failed: %1").arg(message));
    end_job();
  });

  file_->setObjectName("export_file");
  file_label_->setBuddy(file_);
  for (const char* format : {"jsonl", "json", "seed-json"}) format_->addItem(QString(), QString(format));
  format_label_->setBuddy(format_);
  validation_->setRange(0.0, 0.9);
  validation_->setSingleStep(0.05);
  validation_->setValue(0.1);
  test_->setRange(0.0, 0.9);
  test_->setSingleStep(0.05);
  test_->setValue(0.0);
  seed_->setRange(0, 1 << 30);
  seed_->setValue(42);
  validation_label_->setBuddy(validation_);
  test_label_->setBuddy(test_);
  seed_label_->setBuddy(seed_);
  result_->setObjectName("export_result");
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setRange(0, 1000);
  progress_->setValue(0);

  auto* grid = new QGridLayout;
  grid->addWidget(counts_, 0, 0, 1, 3);
  grid->addWidget(file_label_, 1, 0);
  grid->addWidget(file_field_, 1, 1, 1, 2);
  grid->addWidget(format_label_, 2, 0);
  grid->addWidget(format_, 2, 1);
  grid->addWidget(all_records_, 3, 1);
  grid->addWidget(split_, 4, 1);
  grid->addWidget(validation_label_, 5, 0);
  grid->addWidget(validation_, 5, 1);
  grid->addWidget(test_label_, 6, 0);
  grid->addWidget(test_, 6, 1);
  grid->addWidget(seed_label_, 7, 0);
  grid->addWidget(seed_, 7, 1);
  auto* run_row = new QHBoxLayout;
  run_row->addWidget(export_);
  run_row->addWidget(cancel_);
  run_row->addWidget(progress_, 1);
  auto* bottom = new QHBoxLayout;
  bottom->addStretch(1);
  bottom->addWidget(close_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addLayout(run_row);
  layout->addWidget(result_, 1);
  layout->addLayout(bottom);
  resize(620, 380);

  connect(file_, &QLineEdit::textChanged, this, &ExportDialog::update_controls);
  connect(split_, &QCheckBox::toggled, this, &ExportDialog::update_controls);
  connect(export_, &QPushButton::clicked, this, &ExportDialog::start_export);
  connect(cancel_, &QPushButton::clicked, this, &ExportDialog::request_stop);
  connect(close_, &QPushButton::clicked, this, &ExportDialog::reject);
  retranslate();
  update_controls();
}

void ExportDialog::start_export() {
  if (running()) return;
  ExportRequest request;
  request.workspace_file = workspace_file_;
  request.dataset_id = dataset_.id;
  request.file = file_->text().trimmed();
  request.format = format_->currentData().toString();
  request.approved_only = !all_records_->isChecked();
  request.split = split_->isChecked();
  request.validation = validation_->value();
  request.test = test_->value();
  request.seed = static_cast<quint64>(seed_->value());
  summary_.reset();
  error_.clear();
  result_->setText(tr("Exporting..."));
  progress_->setValue(0);
  begin_job();
  QMetaObject::invokeMethod(worker(), [worker = worker(), request] { worker->run_export(request); }, Qt::QueuedConnection);
}

void ExportDialog::update_controls() {
  export_->setEnabled(!running() && !file_->text().trimmed().isEmpty());
  cancel_->setEnabled(running());
  for (QWidget* w : std::initializer_list<QWidget*>{file_field_, format_, all_records_, split_}) w->setEnabled(!running());
  for (QWidget* w : std::initializer_list<QWidget*>{validation_, test_, seed_})
    w->setEnabled(!running() && split_->isChecked());
}

void ExportDialog::retranslate() {
  setWindowTitle(tr("Export \"%1\"").arg(QString::fromStdString(dataset_.name)));
  counts_->setText(tr("%1 records, %2 approved.").arg(dataset_.total).arg(dataset_.approved));
  file_label_->setText(tr("&File"));
  file_field_->set_dialog_title(tr("Export to"));
  file_field_->set_filter(tr("JSON Lines (*.jsonl);;JSON (*.json);;All files (*)"));
  format_label_->setText(tr("F&ormat"));
  format_->setItemText(0, tr("Trainer JSONL (instruction, input, output, category)"));
  format_->setItemText(1, tr("Trainer JSON array"));
  format_->setItemText(2, tr("Seed-style formatted JSON (instruction, input, output)"));
  all_records_->setText(tr("Export all records, not only approved ones"));
  all_records_->setToolTip(tr("Training should only see records a doctor approved; tick this only on purpose"));
  split_->setText(tr("Split into train / validation / test (stratified by category)"));
  validation_label_->setText(tr("&Validation share"));
  test_label_->setText(tr("&Test share"));
  seed_label_->setText(tr("S&eed"));
  export_->setText(tr("&Export"));
  cancel_->setText(tr("Cancel"));
  close_->setText(tr("&Close"));
}

}  // namespace medlora::ui
