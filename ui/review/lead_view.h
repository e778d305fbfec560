#pragma once
// The study lead's side of the Review panel: the workspace's studies (name, status, systems,
// questions, answers, reviewers, progress) with New study…, Accounts…, Assign…, Close study…,
// Report… and Review server… (LeadServerDialog: publish to a review server, pull the scores back),
// and below them the selected study's details (progress per reviewer, systems, audit log,
// analysis). Systems stay codes until the study is closed and the lead confirms a reveal,
// which the core records in the audit log.
//
// Dialogs open window-modal without blocking (open(), deleted on close) and are returned, so that
// tests can drive them; questions to the lead go through prompts(), which tests may replace.
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QString>
#include <QTableWidget>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"
#include "ui/review/study_details_view.h"
#include "ui/review/study_evaluation.h"

namespace medlora::ui {

class AccountsDialog;
class AssignDialog;
class LeadServerDialog;
class NewStudyDialog;
class ReportExportDialog;

class LeadView : public QWidget {
  Q_OBJECT

 public:
  // How the view asks and tells the lead: message boxes by default.
  struct Prompts {
    std::function<bool(const QString& title, const QString& question)> confirm;
    std::function<void(const QString& title, const QString& message)> warn;
  };

  LeadView(const QString& workspace_file, const store::ReviewerAccount& lead, QWidget* parent = nullptr);

  void set_prompts(Prompts prompts) { prompts_ = std::move(prompts); }
  const store::ReviewerAccount& lead() const { return lead_; }

  // Re-reads the studies, keeping the selection.
  void refresh();
  bool select_study(int64_t study_id);
  std::optional<int64_t> selected_study() const;

  NewStudyDialog* open_new_study_dialog();
  AccountsDialog* open_accounts_dialog();
  AssignDialog* open_assign_dialog();       // nullptr without an open selected study
  ReportExportDialog* open_report_dialog();  // nullptr without a selected study (or when the lead declines)
  // The lead's review-server window (not modal, so progress can stay in view), on the selected
  // study; the one already open is raised. Pulled scores refresh this view.
  LeadServerDialog* open_server_dialog();
  // Asks, closes the selected study (asking again before dropping unsubmitted drafts), then
  // offers the reveal. False when nothing was closed.
  bool close_selected_study();
  // Asks, then reveals the closed selected study's systems and computes its analysis off the
  // GUI thread (analysis_view() shows it). False when declined or not possible.
  bool reveal_selected_study();
  // The cached analysis of a study once revealed (this session), else null.
  std::shared_ptr<const StudyEvaluation> evaluation(int64_t study_id) const;

  QTableWidget* studies_table() const { return studies_; }
  StudyDetailsView* details() const { return details_; }
  StudyAnalysisView* analysis_view() const { return details_->analysis_view(); }
  QPushButton* new_study_button() const { return new_study_; }
  QPushButton* accounts_button() const { return accounts_; }
  QPushButton* assign_button() const { return assign_; }
  QPushButton* close_button() const { return close_; }
  QPushButton* report_button() const { return report_; }
  QPushButton* server_button() const { return server_; }

 signals:
  void status_message(const QString& text);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  // Every text again, then the studies and the selected one (their words are translated too).
  void retranslate();
  void retranslate_static();
  bool workspace_failed_ = false;
  std::optional<store::StudySummary> selected_summary() const;
  void show_selected();
  void update_buttons();
  void remember(std::shared_ptr<const StudyEvaluation> evaluation);

  QString workspace_file_;
  store::ReviewerAccount lead_;
  std::unique_ptr<store::Workspace> workspace_;
  Prompts prompts_;
  std::vector<store::StudySummary> summaries_;  // the table's rows
  std::map<int64_t, std::shared_ptr<const StudyEvaluation>> evaluations_;
  QLabel* heading_;
  QTableWidget* studies_;
  StudyDetailsView* details_;
  QPushButton* new_study_;
  QPushButton* accounts_;
  QPushButton* assign_;
  QPushButton* close_;
  QPushButton* report_;
  QPushButton* server_;
  QPushButton* refresh_;
  QPointer<LeadServerDialog> server_dialog_;
};

}  // namespace medlora::ui
