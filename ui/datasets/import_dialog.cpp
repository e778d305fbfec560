#include "ui/datasets/import_dialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>

namespace medlora::ui {

ImportDialog::ImportDialog(const QString& workspace_file, const std::vector<store::DatasetSummary>& datasets,
                           QWidget* parent)
    : TransferDialog("dataset-import", parent),
      workspace_file_(workspace_file),
      paths_label_(new QLabel(this)),
      paths_(new QListWidget(this)),
      add_files_(new QPushButton(this)),
      add_folder_(new QPushButton(this)),
      remove_path_(new QPushButton(this)),
      format_label_(new QLabel(this)),
      format_(new QComboBox(this)),
      encoding_label_(new QLabel(this)),
      encoding_(new QComboBox(this)),
      columns_label_(new QLabel(this)),
      columns_{new QLineEdit(this), new QLineEdit(this), new QLineEdit(this), new QLineEdit(this)},
      target_label_(new QLabel(this)),
      target_(new QComboBox(this)),
      name_(new QLineEdit(this)),
      import_(new QPushButton(this)),
      cancel_(new QPushButton(this)),
      close_(new QPushButton(this)),
      stage_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      result_(new QLabel(this)),
      errors_(new QTableWidget(0, 2, this)) {
  setObjectName("import_dialog");
  connect(worker(), &DatasetIoWorker::progress, this, [this](const QString& stage, qint64 done, qint64 total) {
    stage_->setText(stage == "reading" ? tr("Reading files...") : tr("Storing records..."));
    // Bytes may pass 2^31: show per mille.
    progress_->setRange(0, 1000);
    progress_->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 0);
  });
  connect(worker(), &DatasetIoWorker::import_finished, this, &ImportDialog::on_finished);
  connect(worker(), &DatasetIoWorker::failed, this, &ImportDialog::on_failed);

  paths_->setObjectName("paths");
  paths_label_->setBuddy(paths_);
  for (const char* format : {"auto", "json", "jsonl", "csv", "tsv", "medquad"}) format_->addItem(QString(), QString(format));
  for (const char* encoding : {"auto", "utf-8", "gb18030"}) encoding_->addItem(QString(), QString(encoding));
  format_label_->setBuddy(format_);
  encoding_label_->setBuddy(encoding_);
  target_->addItem(QString(), qint64{0});
  for (const auto& dataset : datasets)
    target_->addItem(QString::fromStdString(dataset.name), QVariant::fromValue<qint64>(dataset.id));
  target_label_->setBuddy(target_);
  name_->setObjectName("dataset_name");
  result_->setObjectName("import_result");
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  errors_->setObjectName("import_errors");
  errors_->verticalHeader()->hide();
  errors_->horizontalHeader()->setStretchLastSection(true);
  errors_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  progress_->setRange(0, 1000);
  progress_->setValue(0);

  auto* path_buttons = new QVBoxLayout;
  path_buttons->addWidget(add_files_);
  path_buttons->addWidget(add_folder_);
  path_buttons->addWidget(remove_path_);
  path_buttons->addStretch(1);
  auto* grid = new QGridLayout;
  grid->addWidget(paths_label_, 0, 0, Qt::AlignTop);
  auto* path_row = new QHBoxLayout;
  path_row->addWidget(paths_, 1);
  path_row->addLayout(path_buttons);
  grid->addLayout(path_row, 0, 1);
  grid->addWidget(format_label_, 1, 0);
  grid->addWidget(format_, 1, 1);
  grid->addWidget(encoding_label_, 2, 0);
  grid->addWidget(encoding_, 2, 1);
  grid->addWidget(columns_label_, 3, 0);
  auto* column_row = new QHBoxLayout;
  for (QLineEdit* edit : columns_) column_row->addWidget(edit);
  grid->addLayout(column_row, 3, 1);
  grid->addWidget(target_label_, 4, 0);
  auto* target_row = new QHBoxLayout;
  target_row->addWidget(target_);
  target_row->addWidget(name_, 1);
  grid->addLayout(target_row, 4, 1);
  auto* run_row = new QHBoxLayout;
  run_row->addWidget(import_);
  run_row->addWidget(cancel_);
  run_row->addWidget(stage_);
  run_row->addWidget(progress_, 1);
  auto* bottom = new QHBoxLayout;
  bottom->addStretch(1);
  bottom->addWidget(close_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addLayout(run_row);
  layout->addWidget(result_);
  layout->addWidget(errors_, 1);
  layout->addLayout(bottom);
  resize(760, 560);

  connect(add_files_, &QPushButton::clicked, this, [this] {
    add_paths(QFileDialog::getOpenFileNames(this, tr("Choose dataset files"), QString(),
                                            tr("Datasets (*.json *.jsonl *.ndjson *.csv *.tsv *.txt);;All files (*)")));
  });
  connect(add_folder_, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a MedQuAD folder (XML files)"));
    if (!dir.isEmpty()) add_paths({dir});
  });
  connect(remove_path_, &QPushButton::clicked, this, [this] { delete paths_->currentItem(); update_controls(); });
  connect(target_, &QComboBox::currentIndexChanged, this, &ImportDialog::update_controls);
  connect(name_, &QLineEdit::textChanged, this, &ImportDialog::update_controls);
  connect(import_, &QPushButton::clicked, this, &ImportDialog::start_import);
  connect(cancel_, &QPushButton::clicked, this, &ImportDialog::request_stop);
  connect(close_, &QPushButton::clicked, this, &ImportDialog::reject);
  retranslate();
  update_controls();
}

void ImportDialog::add_paths(const QStringList& paths) {
  for (const QString& path : paths) {
    if (path.isEmpty() || !paths_->findItems(path, Qt::MatchExactly).isEmpty()) continue;
    paths_->addItem(path);
    if (name_->text().isEmpty()) name_->setText(QFileInfo(path).completeBaseName());
  }
  update_controls();
}

void ImportDialog::start_import() {
  if (running()) return;
  ImportRequest request;
  request.workspace_file = workspace_file_;
  for (int i = 0; i < paths_->count(); ++i) request.paths << paths_->item(i)->text();
  request.format = format_->currentData().toString();
  request.encoding = encoding_->currentData().toString();
  request.instruction_column = columns_[0]->text();
  request.input_column = columns_[1]->text();
  request.output_column = columns_[2]->text();
  request.category_column = columns_[3]->text();
  request.dataset_id = target_->currentData().toLongLong();
  request.new_dataset_name = name_->text();
  summary_.reset();
  error_.clear();
  errors_->setRowCount(0);
  result_->clear();
  progress_->setValue(0);
  stage_->setText(tr("Starting..."));
  begin_job();
  QMetaObject::invokeMethod(worker(), [worker = worker(), request] { worker->run_import(request); }, Qt::QueuedConnection);
}

void ImportDialog::on_stop_requested() { stage_->setText(tr("Cancelling...")); }

void ImportDialog::on_finished(const ImportSummary& summary) {
  summary_ = summary;
  stage_->clear();
  if (summary.cancelled) {
    result_->setText(tr("Import cancelled: nothing was added to the workspace."));
  } else {
    progress_->setValue(1000);
    QString text = tr("Imported %1 records into \"%2\"; %3 skipped.")
                       .arg(summary.imported)
                       .arg(summary.dataset_name)
                       .arg(summary.skipped);
    QStringList reasons;
    for (auto it = summary.skipped_by_reason.begin(); it != summary.skipped_by_reason.end(); ++it)
      reasons << tr("%1: %2").arg(it.key()).arg(it.value());
    if (!reasons.isEmpty()) text += ' ' + tr("Skipped on purpose: %1.").arg(reasons.join(", "));
    if (!summary.errors.isEmpty()) text += ' ' + tr("%n record(s) could not be read (listed below).", "", static_cast<int>(summary.errors.size()));
    result_->setText(text);
    errors_->setRowCount(static_cast<int>(summary.errors.size()));
    for (int row = 0; row < summary.errors.size(); ++row) {
      errors_->setItem(row, 0, new QTableWidgetItem(summary.errors[row].first));
      errors_->setItem(row, 1, new QTableWidgetItem(summary.errors[row].second));
    }
  }
  if (!summary.cancelled) Q_EMIT imported(summary.dataset_id);
  end_job();
}

void ImportDialog::on_failed(const QString& message) {
  error_ = message;
  stage_->clear();
  result_->setText(tr("Nothing was imported: %1").arg(message));
  end_job();
}

void ImportDialog::update_controls() {
  const bool new_dataset = target_->currentData().toLongLong() == 0;
  name_->setEnabled(new_dataset && !running());
  import_->setEnabled(!running() && paths_->count() > 0 && (!new_dataset || !name_->text().trimmed().isEmpty()));
  cancel_->setEnabled(running());
  for (QWidget* w : std::initializer_list<QWidget*>{paths_, add_files_, add_folder_, remove_path_, format_, encoding_, target_})
    w->setEnabled(!running());
  for (QLineEdit* edit : columns_) edit->setEnabled(!running());
}

void ImportDialog::retranslate() {
  setWindowTitle(tr("Import records"));
  paths_label_->setText(tr("&Files and folders"));
  add_files_->setText(tr("Add files..."));
  add_folder_->setText(tr("Add folder..."));
  add_folder_->setToolTip(tr("A folder is read as MedQuAD XML, recursively"));
  remove_path_->setText(tr("Remove"));
  format_label_->setText(tr("F&ormat"));
  const QStringList formats = {tr("Automatic (by extension and content)"), tr("JSON array"), tr("JSONL (one object a line)"),
                               tr("CSV (header row)"), tr("TSV (header row)"), tr("MedQuAD XML folder")};
  for (int i = 0; i < formats.size(); ++i) format_->setItemText(i, formats[i]);
  encoding_label_->setText(tr("&Encoding"));
  const QStringList encodings = {tr("Automatic (UTF-8, else GB18030)"), tr("UTF-8"), tr("GB18030 / GBK")};
  for (int i = 0; i < encodings.size(); ++i) encoding_->setItemText(i, encodings[i]);
  columns_label_->setText(tr("Columns"));
  const QStringList fields = {tr("instruction column"), tr("input column"), tr("output column"), tr("category column")};
  for (int i = 0; i < 4; ++i) {
    columns_[i]->setPlaceholderText(fields[i]);
    columns_[i]->setToolTip(tr("The JSON key or CSV header that feeds this field; empty = found automatically "
                               "(instruction/input/output, question/answer, 问题/答案, ...)"));
  }
  target_label_->setText(tr("&Into"));
  target_->setItemText(0, tr("New dataset named"));
  name_->setPlaceholderText(tr("dataset name"));
  import_->setText(tr("&Import"));
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Stop the import; nothing of it is kept"));
  close_->setText(tr("&Close"));
  errors_->setHorizontalHeaderLabels({tr("Where"), tr("Why")});
}

}  // namespace medlora::ui
