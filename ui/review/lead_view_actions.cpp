// LeadView, part 2: what its buttons do (dialogs, closing, the reveal).
#include <exception>

#include "ui/review/accounts_dialog.h"
#include "ui/review/assign_dialog.h"
#include "ui/review/lead_server_dialog.h"
#include "ui/review/lead_view.h"
#include "ui/review/new_study_dialog.h"
#include "ui/review/report_export_dialog.h"

namespace medlora::ui {
namespace {

QString what(const std::exception& e) { return QString::fromUtf8(e.what()); }

// Window-modal, without blocking the caller, gone when closed.
template <typename Dialog>
Dialog* show_dialog(Dialog* dialog) {
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return dialog;
}

}  // namespace

NewStudyDialog* LeadView::open_new_study_dialog() {
  if (!workspace_) return nullptr;
  NewStudyDialog* dialog = nullptr;
  try {
    dialog = new NewStudyDialog(workspace_file_, *workspace_, lead_, this);
  } catch (const std::exception& e) {
    prompts_.warn(tr("New study"), tr("The workspace could not be read: %1").arg(what(e)));
    return nullptr;
  }
  connect(dialog, &NewStudyDialog::study_created, this, [this](qint64 id) {
    refresh();
    select_study(id);
    emit status_message(tr("Study created. Assign reviewers next."));
  });
  return show_dialog(dialog);
}

AccountsDialog* LeadView::open_accounts_dialog() {
  if (!workspace_) return nullptr;
  try {
    return show_dialog(new AccountsDialog(*workspace_, lead_, this));
  } catch (const std::exception& e) {
    prompts_.warn(tr("Accounts"), tr("The accounts could not be read: %1").arg(what(e)));
    return nullptr;
  }
}

AssignDialog* LeadView::open_assign_dialog() {
  const auto summary = selected_summary();
  if (!workspace_ || !summary || summary->status != "open") return nullptr;
  AssignDialog* dialog = nullptr;
  try {
    dialog = new AssignDialog(*workspace_, lead_, summary->id, this);
  } catch (const std::exception& e) {
    prompts_.warn(tr("Assign"), tr("The study could not be read: %1").arg(what(e)));
    return nullptr;
  }
  connect(dialog, &AssignDialog::assigned, this, [this](int assignments) {
    refresh();
    emit status_message(tr("%1 scorings assigned.").arg(assignments));
  });
  return show_dialog(dialog);
}

ReportExportDialog* LeadView::open_report_dialog() {
  const auto summary = selected_summary();
  if (!workspace_ || !summary) return nullptr;
  auto cached = evaluation(summary->id);
  if (summary->status == "closed" && !cached &&
      !prompts_.confirm(tr("Report"), tr("The report names the systems behind the codes of \"%1\". The reveal is "
                                         "recorded in the audit log. Continue?")
                                          .arg(QString::fromStdString(summary->name))))
    return nullptr;
  auto* dialog = new ReportExportDialog(workspace_file_, lead_, *summary, cached, this);
  connect(dialog, &ReportExportDialog::evaluation_ready, this, &LeadView::remember);
  connect(dialog, &ReportExportDialog::exported, this, [this](const QString& path) {
    emit status_message(tr("Report written: %1").arg(path));
    refresh();  // the audit log shows the reveal
  });
  return show_dialog(dialog);
}

LeadServerDialog* LeadView::open_server_dialog() {
  if (!workspace_) return nullptr;
  if (!server_dialog_) {
    server_dialog_ = new LeadServerDialog(workspace_file_, lead_, selected_study().value_or(0), this);
    server_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(server_dialog_, &LeadServerDialog::scores_pulled, this, [this](qint64) { refresh(); });
    connect(server_dialog_, &LeadServerDialog::status_message, this, &LeadView::status_message);
  }
  server_dialog_->show();
  server_dialog_->raise();
  return server_dialog_;
}

bool LeadView::close_selected_study() {
  const auto summary = selected_summary();
  if (!workspace_ || !summary || summary->status != "open") return false;
  store::ReviewStudyRepository studies(*workspace_);
  try {
    int drafts = 0, pending = 0, done = 0;
    for (const auto& reviewer : studies.progress(lead_, summary->id).reviewers) {
      drafts += reviewer.draft;
      pending += reviewer.pending;
      done += reviewer.submitted + reviewer.skipped;
    }
    const QString name = QString::fromStdString(summary->name);
    if (!prompts_.confirm(tr("Close study"),
                          tr("Close \"%1\"? Reviewers can no longer score it. %2 of %3 scorings are done; %4 not "
                             "started, %5 drafts.")
                              .arg(name)
                              .arg(done)
                              .arg(summary->assignments)
                              .arg(pending)
                              .arg(drafts)))
      return false;
    const bool force = drafts > 0;
    if (force && !prompts_.confirm(tr("Unsubmitted drafts"),
                                   tr("%1 answers have unsubmitted drafts. Close anyway? Those drafts then stay "
                                      "unscored (they are listed as exclusions in the report).")
                                       .arg(drafts)))
      return false;
    studies.close(lead_, summary->id, force);
    emit status_message(tr("Study \"%1\" closed.").arg(name));
  } catch (const std::exception& e) {
    prompts_.warn(tr("Close study"), tr("The study was not closed: %1").arg(what(e)));
    return false;
  }
  refresh();
  reveal_selected_study();
  return true;
}

bool LeadView::reveal_selected_study() {
  const auto summary = selected_summary();
  if (!workspace_ || !summary || summary->status != "closed") return false;
  if (const auto cached = evaluation(summary->id)) {  // revealed already this session
    analysis_view()->show_evaluation(cached);
    details_->show_analysis_tab();
    return true;
  }
  if (!prompts_.confirm(tr("Reveal systems"),
                        tr("Reveal which system is behind each code of \"%1\" and compute the analysis? The reveal "
                           "is recorded in the audit log with your name.")
                            .arg(QString::fromStdString(summary->name))))
    return false;
  if (!analysis_view()->analyse(workspace_file_, lead_, summary->id)) {
    prompts_.warn(tr("Reveal systems"), tr("Another analysis is being computed; try again when it is done."));
    return false;
  }
  details_->reveal_button()->setEnabled(false);
  details_->show_analysis_tab();
  return true;
}

}  // namespace medlora::ui
