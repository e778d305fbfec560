#pragma once
// Test sets: questions from a workspace dataset or a file (core/chat/test_questions.h) sent
// through the chosen configurations in batch, with a progress bar and Stop; every answer is
// stored as it arrives (store::TestSetRuns), so a stopped run resumes where it stopped. The
// results table shows question x configuration; a run exports as JSON lines or goes to a
// blind review study ("Send to review").
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

#include "ui/shell/path_field.h"
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QWidget>

#include <optional>

#include "core/store/test_set_runs.h"
#include "ui/chat/chat_job.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class TestSetPage : public QWidget {
  Q_OBJECT

 public:
  explicit TestSetPage(QWidget* parent = nullptr);

  // The GUI thread's workspace (nullptr: none open); lists its datasets and runs.
  void set_workspace(store::Workspace* workspace, const QString& workspace_file);
  void refresh_runs();
  bool select_run(qint64 run_id);
  qint64 current_run_id() const;
  // Reloads the chosen run into the results table.
  void show_run(qint64 run_id);
  void set_busy(bool busy);

  // Events of the running job (the panel forwards the worker's signals).
  void run_started(qint64 run_id, qint64 total);
  void run_progress(qint64 done, qint64 total);
  void answer_arrived(const ChatAnswer& answer);
  void run_finished(bool cancelled, const QString& error);

  // Writes the shown run's finished answers as JSON lines; false with `error` set on failure.
  bool export_jsonl(const QString& path, QString* error = nullptr);

  QRadioButton* dataset_radio() const { return from_dataset_; }
  QRadioButton* file_radio() const { return from_file_; }
  QComboBox* dataset_combo() const { return dataset_; }
  QLineEdit* file_edit() const { return file_; }
  PathField* file_field() const { return file_field_; }
  QRadioButton* compared_radio() const { return use_compared_; }
  QRadioButton* chat_configuration_radio() const { return use_chat_; }
  QLineEdit* name_edit() const { return name_; }
  QPushButton* run_button() const { return run_; }
  QPushButton* stop_button() const { return stop_; }
  QPushButton* resume_button() const { return resume_; }
  QProgressBar* progress_bar() const { return progress_; }
  QComboBox* runs_combo() const { return runs_; }
  QTableWidget* results_table() const { return results_; }
  QPushButton* export_button() const { return export_; }
  QPushButton* review_button() const { return review_; }

 signals:
  // A run to start (or resume, when job.resume_run_id > 0): the panel adds the context and,
  // for a new run, the configurations (the compared ones, or the chat's).
  void run_requested(const medlora::ui::TestSetJob& job, bool use_compared_configurations);
  void stop_requested();
  void status_message(const QString& text);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void start_new();
  void resume_current();
  void export_with_dialog();
  void send_to_review();
  void delete_current();
  void set_cell(int row, int column, const QString& text, const QString& status, bool flagged, const QString& error);
  void update_buttons();

  store::Workspace* workspace_ = nullptr;
  QString workspace_file_;
  std::optional<store::TestSetRun> shown_;
  bool busy_ = false;
  qint64 running_run_ = 0;

  QLabel* questions_label_;
  QRadioButton* from_dataset_;
  QComboBox* dataset_;
  QCheckBox* approved_only_;
  QLabel* limit_label_;
  QSpinBox* limit_;
  QRadioButton* from_file_;
  QLineEdit* file_;
  PathField* file_field_;
  QLabel* configurations_label_;
  QRadioButton* use_compared_;
  QRadioButton* use_chat_;
  QLabel* name_label_;
  QLineEdit* name_;
  QPushButton* run_;
  QPushButton* stop_;
  QPushButton* resume_;
  QProgressBar* progress_;
  QLabel* runs_label_;
  QComboBox* runs_;
  QPushButton* delete_;
  QPushButton* export_;
  QPushButton* review_;
  QTableWidget* results_;
};

}  // namespace medlora::ui
