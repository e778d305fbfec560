#include "ui/review/report_export_dialog.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include <exception>
#include <filesystem>

#include "core/io/atomic_file.h"
#include "core/review/score_csv.h"
#include "report/report_writer.h"

namespace medlora::ui {
namespace {

const char* suffix(ReportExportFormat format) {
  switch (format) {
    case ReportExportFormat::Pdf: return "pdf";
    case ReportExportFormat::Html: return "html";
    case ReportExportFormat::Csv: return "csv";
    case ReportExportFormat::Json: return "json";
  }
  return "";
}

std::filesystem::path to_path(const QString& file) { return std::filesystem::path(file.toStdU16String()); }

// CSV and JSON need no widgets, so the worker writes them.
void write_data_file(const StudyEvaluation& evaluation, ReportExportFormat format, const QString& file) {
  if (format == ReportExportFormat::Csv) {
    review::write_raw_scores_csv(file.toStdString(), evaluation.data.scores, evaluation.data.comments);
  } else {
    io::write_file_atomically(to_path(file), review::analysis_to_json(evaluation.analysis) + "\n");
  }
}

}  // namespace

ReportExportDialog::ReportExportDialog(const QString& workspace_file, const store::ReviewerAccount& lead,
                                       const store::StudySummary& study,
                                       std::shared_ptr<const StudyEvaluation> evaluation, QWidget* parent)
    : QDialog(parent),
      workspace_file_(workspace_file),
      lead_(lead),
      study_(study),
      evaluation_(std::move(evaluation)),
      format_(new QComboBox(this)),
      language_(new QComboBox(this)),
      path_(new QLineEdit(this)),
      progress_(new QProgressBar(this)),
      stage_(new QLabel(this)),
      result_(new QLabel(this)),
      export_(new QPushButton(tr("&Export"), this)),
      open_file_(new QPushButton(tr("Open f&ile"), this)),
      open_folder_(new QPushButton(tr("Open fol&der"), this)),
      close_(new QPushButton(tr("Close"), this)) {
  setObjectName("report_export_dialog");
  setWindowTitle(tr("Report of \"%1\"").arg(QString::fromStdString(study_.name)));
  format_->addItem(tr("PDF report (charts and tables)"), int(ReportExportFormat::Pdf));
  format_->addItem(tr("HTML report (one self-contained file)"), int(ReportExportFormat::Html));
  format_->addItem(tr("CSV of the raw scores (reviewer × answer × axis)"), int(ReportExportFormat::Csv));
  format_->addItem(tr("JSON summary of the analysis"), int(ReportExportFormat::Json));
  language_->addItem(tr("English"), QStringLiteral("en"));
  language_->addItem(tr("Chinese (中文)"), QStringLiteral("zh"));
  language_->setCurrentIndex(QLocale().language() == QLocale::Chinese ? 1 : 0);
  language_->setToolTip(tr("The language of the PDF or HTML report"));
  path_->setObjectName("report_path");
  QString base = QString::fromStdString(study_.name).simplified();
  base.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|]+)")), QStringLiteral("-"));
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  path_->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(base + "-report.pdf"));
  progress_->setRange(0, 100);
  progress_->setValue(0);
  result_->setObjectName("report_result");
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  export_->setDefault(true);
  if (study_.status != "closed")
    result_->setText(tr("The study is still open: the report shows system codes, not names, and the scores so far."));

  path_field_ = new PathField(PathField::Kind::SaveFile, path_, this);
  path_field_->set_dialog_title(tr("Save the report as"));
  auto* form = new QFormLayout;
  form->addRow(tr("F&ormat"), format_);
  form->addRow(tr("&Language"), language_);
  auto* path_label = new QLabel(tr("&File"), this);  // a row of two widgets gets no buddy by itself
  path_label->setBuddy(path_);
  form->addRow(path_label, path_field_);
  auto* progress_row = new QHBoxLayout;
  progress_row->addWidget(progress_, 1);
  progress_row->addWidget(stage_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(open_file_);
  buttons->addWidget(open_folder_);
  buttons->addStretch();
  buttons->addWidget(export_);
  buttons->addWidget(close_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(progress_row);
  layout->addWidget(result_, 1);
  layout->addLayout(buttons);
  resize(600, 300);

  connect(format_, &QComboBox::currentIndexChanged, this, [this] { set_format(format()); });
  connect(path_, &QLineEdit::textChanged, this, &ReportExportDialog::update_controls);
  connect(export_, &QPushButton::clicked, this, &ReportExportDialog::start_export);
  connect(close_, &QPushButton::clicked, this, &ReportExportDialog::reject);
  connect(open_file_, &QPushButton::clicked, this,
          [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(written_)); });
  connect(open_folder_, &QPushButton::clicked, this,
          [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(written_).absolutePath())); });
  connect(&runner_, &BackgroundRunner::finished, this,
          [this](const QString& error) { on_worker_finished(error); });
  update_controls();
}

ReportExportFormat ReportExportDialog::format() const {
  return static_cast<ReportExportFormat>(format_->currentData().toInt());
}

void ReportExportDialog::set_format(ReportExportFormat format) {
  const QSignalBlocker blocker(format_);
  format_->setCurrentIndex(format_->findData(int(format)));
  const QFileInfo info(path_->text().trimmed());
  if (!path_->text().trimmed().isEmpty())
    path_->setText(info.dir().filePath(info.completeBaseName() + "." + suffix(format)));
  update_controls();
}


bool ReportExportDialog::start_export() {
  const QString file = path_->text().trimmed();
  if (running_ || file.isEmpty()) return false;
  running_ = true;
  target_ = QFileInfo(file).absoluteFilePath();
  written_.clear();
  error_.clear();
  computed_.reset();
  result_->clear();
  progress_->setRange(0, 0);  // busy until the data is gathered
  stage_->setText(evaluation_ ? tr("Preparing…") : tr("Gathering scores and computing statistics…"));
  update_controls();
  const std::string workspace = workspace_file_.toStdString();
  const bool data_file = format() == ReportExportFormat::Csv || format() == ReportExportFormat::Json;
  runner_.start([this, workspace, lead = lead_, study_id = study_.id, evaluation = evaluation_,
                 format = format(), data_file, file = target_](const BackgroundRunner::Control&) {
    auto gathered = evaluation ? evaluation : evaluate_study(workspace, lead, study_id);
    if (data_file) write_data_file(*gathered, format, file);
    computed_ = std::move(gathered);  // read only after finished()
  });
  return true;
}

void ReportExportDialog::on_worker_finished(const QString& error) {
  if (!error.isEmpty() || !computed_) return finish(error.isEmpty() ? tr("nothing was gathered") : error);
  if (!evaluation_) {
    evaluation_ = computed_;
    emit evaluation_ready(evaluation_);
  }
  computed_.reset();
  if (format() == ReportExportFormat::Pdf || format() == ReportExportFormat::Html) return write_document();
  finish(QString());
}

void ReportExportDialog::write_document() {
  progress_->setRange(0, 100);
  report::ReportOptions options;
  options.format = format() == ReportExportFormat::Pdf ? report::ReportFormat::Pdf : report::ReportFormat::Html;
  options.language = report::parse_language(language_->currentData().toString().toStdString());
  options.path = to_path(target_);
  try {
    report::write_report(evaluation_->data, evaluation_->analysis, options, [this](int percent, const QString& stage) {
      progress_->setValue(percent);
      if (stage == QLatin1String("charts")) stage_->setText(tr("Drawing the charts…"));
      else if (stage == QLatin1String("layout")) stage_->setText(tr("Laying out the pages…"));
      else if (stage == QLatin1String("writing")) stage_->setText(tr("Writing the file…"));
      // The renderer needs the GUI thread: keep the window painted, but take no input meanwhile.
      QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    });
  } catch (const std::exception& e) {
    return finish(QString::fromUtf8(e.what()));
  }
  finish(QString());
}

void ReportExportDialog::finish(const QString& error) {
  running_ = false;
  progress_->setRange(0, 100);
  progress_->setValue(error.isEmpty() ? 100 : 0);
  stage_->clear();
  if (error.isEmpty()) {
    written_ = target_;
    result_->setText(tr("Written: %1").arg(QDir::toNativeSeparators(written_)));
    emit exported(written_);
  } else {
    error_ = error;
    result_->setText(tr("The report was not written: %1").arg(error));
    emit export_failed(error);
  }
  update_controls();
}

void ReportExportDialog::reject() {
  if (!running_) QDialog::reject();
}

void ReportExportDialog::update_controls() {
  const bool document = format() == ReportExportFormat::Pdf || format() == ReportExportFormat::Html;
  language_->setEnabled(!running_ && document);
  format_->setEnabled(!running_);
  path_field_->setEnabled(!running_);
  path_field_->set_filter(tr("%1 files (*.%2);;All files (*)")
                              .arg(QString::fromLatin1(suffix(format())).toUpper(), QString::fromLatin1(suffix(format()))));
  export_->setEnabled(!running_ && !path_->text().trimmed().isEmpty());
  close_->setEnabled(!running_);
  open_file_->setEnabled(!running_ && !written_.isEmpty());
  open_folder_->setEnabled(!running_ && !written_.isEmpty());
}

}  // namespace medlora::ui
