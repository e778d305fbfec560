#pragma once
// "New study…": a name, where the questions and answers come from (a test-set run of the
// workspace, a dataset with its reference answers as the system, or a JSON-lines answers file),
// reviewers per answer, whether the reference answers join as a system, and an optional seed for
// the blinding codes and orders. The study is made on a worker thread (a large dataset or file
// must not freeze the window); errors stay in the dialog so that the lead can fix the input.
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>

#include "ui/shell/path_field.h"
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>

#include <optional>

#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"
#include "ui/datasets/background_runner.h"
#include "ui/review/study_sources.h"

namespace medlora::ui {

class NewStudyDialog : public QDialog {
  Q_OBJECT

 public:
  // `workspace` (the GUI thread's) lists the runs and datasets; the worker opens `workspace_file`.
  NewStudyDialog(const QString& workspace_file, store::Workspace& workspace, const store::ReviewerAccount& lead,
                 QWidget* parent = nullptr);

  void set_source(StudySource source);
  StudySource source() const;
  // The request the form describes; std::nullopt (and the reason in message_label()) when the
  // form is incomplete or the seed is not a number.
  std::optional<NewStudyRequest> request();
  // Starts creating the study; false when the form is incomplete or a creation is running.
  bool create_study();
  bool running() const { return runner_.busy(); }
  std::optional<qint64> created_study() const { return created_; }

  QLineEdit* name_edit() const { return name_; }
  QComboBox* source_combo() const { return source_; }
  QComboBox* run_combo() const { return runs_; }
  QComboBox* dataset_combo() const { return datasets_; }
  QCheckBox* approved_only_check() const { return approved_only_; }
  QSpinBox* max_questions_spin() const { return max_questions_; }
  QLineEdit* file_edit() const { return file_; }
  PathField* file_field() const { return file_field_; }
  QSpinBox* reviewers_spin() const { return reviewers_; }
  QCheckBox* reference_check() const { return reference_; }
  QLineEdit* seed_edit() const { return seed_; }
  QPushButton* create_button() const { return create_; }
  QLabel* message_label() const { return message_; }

 signals:
  void study_created(qint64 study_id);
  void creation_failed(const QString& message);

 public slots:
  void reject() override;  // not while the study is being made

 private:
  QWidget* build_run_page(store::Workspace& workspace);
  QWidget* build_dataset_page(store::Workspace& workspace);
  QWidget* build_file_page();
  void update_controls();
  void on_finished(const QString& error);

  QString workspace_file_;
  store::ReviewerAccount lead_;
  std::optional<NewStudyResult> result_;  // written by the job, read after finished()
  BackgroundRunner runner_;  // after result_: its destructor waits for the job that writes it
  std::optional<qint64> created_;
  QLineEdit* name_;
  QComboBox* source_;
  QStackedWidget* pages_;
  QComboBox* runs_ = nullptr;
  QComboBox* datasets_ = nullptr;
  QCheckBox* approved_only_ = nullptr;
  QSpinBox* max_questions_ = nullptr;
  QLineEdit* file_ = nullptr;
  PathField* file_field_ = nullptr;
  QSpinBox* reviewers_;
  QCheckBox* reference_;
  QLineEdit* seed_;
  QProgressBar* busy_;
  QLabel* message_;
  QPushButton* create_;
  QPushButton* cancel_;
};

}  // namespace medlora::ui
