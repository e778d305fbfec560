#pragma once
// "Report…": exports a study's evaluation report as PDF or HTML (charts, design, agreement,
// flagged answers; English or Chinese), the raw scores as CSV (one row per reviewer × answer ×
// axis) or the analysis as JSON. Gathering the data and the statistics, and writing CSV/JSON,
// run on a worker thread; the PDF/HTML renderer draws its QCustomPlot charts and so must run on
// the GUI thread, where it reports progress and lets the window repaint. Every file appears
// atomically. Afterwards the file or its folder can be opened.
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>

#include "ui/shell/path_field.h"
#include <QProgressBar>
#include <QPushButton>

#include <memory>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "ui/datasets/background_runner.h"
#include "ui/review/study_evaluation.h"

namespace medlora::ui {

enum class ReportExportFormat { Pdf, Html, Csv, Json };

class ReportExportDialog : public QDialog {
  Q_OBJECT

 public:
  // `evaluation` may be null: the dialog then gathers and analyses the study itself (for a
  // closed study that is an audited reveal; the caller asks the lead first).
  ReportExportDialog(const QString& workspace_file, const store::ReviewerAccount& lead,
                     const store::StudySummary& study, std::shared_ptr<const StudyEvaluation> evaluation,
                     QWidget* parent = nullptr);

  // Also gives the file name the format's extension.
  void set_format(ReportExportFormat format);
  ReportExportFormat format() const;
  // Starts the export; false when the path is empty or an export runs.
  bool start_export();
  bool running() const { return running_; }
  const QString& written_file() const { return written_; }
  const QString& error() const { return error_; }
  std::shared_ptr<const StudyEvaluation> evaluation() const { return evaluation_; }

  QComboBox* format_combo() const { return format_; }
  QComboBox* language_combo() const { return language_; }
  QLineEdit* path_edit() const { return path_; }
  PathField* path_field() const { return path_field_; }
  QPushButton* export_button() const { return export_; }
  QPushButton* open_file_button() const { return open_file_; }
  QPushButton* open_folder_button() const { return open_folder_; }
  QProgressBar* progress_bar() const { return progress_; }
  QLabel* result_label() const { return result_; }

 signals:
  void exported(const QString& path);
  void export_failed(const QString& message);
  // The data and statistics the dialog gathered itself (for the caller's cache).
  void evaluation_ready(std::shared_ptr<const StudyEvaluation> evaluation);

 public slots:
  void reject() override;  // not while an export runs

 private:
  void on_worker_finished(const QString& error);
  void write_document();  // PDF/HTML, on the GUI thread
  void finish(const QString& error);
  void update_controls();

  QString workspace_file_;
  store::ReviewerAccount lead_;
  store::StudySummary study_;
  std::shared_ptr<const StudyEvaluation> evaluation_;
  std::shared_ptr<const StudyEvaluation> computed_;  // written by the job, read after finished()
  BackgroundRunner runner_;  // after computed_: its destructor waits for the job
  bool running_ = false;
  QString target_;  // the file being written
  QString written_;
  QString error_;
  QComboBox* format_;
  QComboBox* language_;
  QLineEdit* path_;
  PathField* path_field_ = nullptr;
  QProgressBar* progress_;
  QLabel* stage_;
  QLabel* result_;
  QPushButton* export_;
  QPushButton* open_file_;
  QPushButton* open_folder_;
  QPushButton* close_;
};

}  // namespace medlora::ui
