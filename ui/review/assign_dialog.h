#pragma once
// "Assign…": which doctors score the study (three by default: the ones already assigned, else
// the first three) and the overlap: every reviewer on every answer (the default), or N reviewers
// per question, rotated so that loads stay even. Re-assigning is possible only until someone
// has started; the core says so when it is too late.
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

#include <optional>
#include <string>
#include <vector>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"

namespace medlora::ui {

class AssignDialog : public QDialog {
  Q_OBJECT

 public:
  AssignDialog(store::Workspace& workspace, const store::ReviewerAccount& lead, int64_t study_id,
               QWidget* parent = nullptr);

  std::vector<std::string> chosen_reviewers() const;  // checked doctors, by name
  std::optional<int> overlap() const;                  // std::nullopt: everyone on every answer
  // Assigns; on success closes the dialog (accepted). False (and the reason in message_label())
  // when nobody is chosen or the core refuses.
  bool assign();
  int assignments() const { return assignments_; }

  QListWidget* reviewers_list() const { return reviewers_; }
  QRadioButton* everyone_radio() const { return everyone_; }
  QRadioButton* overlap_radio() const { return per_answer_; }
  QSpinBox* overlap_spin() const { return overlap_; }
  QPushButton* assign_button() const { return assign_; }
  QLabel* message_label() const { return message_; }

 signals:
  void assigned(int assignments);

 private:
  void update_controls();

  store::Workspace& workspace_;
  store::ReviewerAccount lead_;
  int64_t study_id_;
  int answers_ = 0;
  int assignments_ = 0;
  QLabel* summary_;
  QListWidget* reviewers_;
  QRadioButton* everyone_;
  QRadioButton* per_answer_;
  QSpinBox* overlap_;
  QLabel* message_;
  QPushButton* assign_;
};

}  // namespace medlora::ui
