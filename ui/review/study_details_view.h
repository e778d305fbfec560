#pragma once
// The lower half of the lead's view: one study's progress per reviewer (pending / draft /
// submitted / skipped, with a bar), its systems (codes only while open; names, kinds and
// metadata once the lead has revealed them after closing), its audit log and its analysis.
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>
#include <QWidget>

#include <vector>

#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/workspace.h"
#include "ui/review/study_analysis_view.h"

namespace medlora::ui {

class StudyDetailsView : public QWidget {
  Q_OBJECT

 public:
  explicit StudyDetailsView(QWidget* parent = nullptr);

  // Fills the progress, systems and audit tabs from the workspace (quick queries on the GUI
  // thread's connection). `revealed`: the systems with names, when the lead revealed them.
  void show_study(store::Workspace& workspace, const store::ReviewerAccount& lead, const store::StudySummary& study,
                  const std::vector<store::StudySystem>* revealed);
  void clear();
  void show_analysis_tab() { tabs_->setCurrentWidget(analysis_); }

  QLabel* title_label() const { return title_; }
  QPushButton* reveal_button() const { return reveal_; }
  QTableWidget* progress_table() const { return progress_; }
  QTableWidget* systems_table() const { return systems_; }
  QTableWidget* audit_table() const { return audit_; }
  StudyAnalysisView* analysis_view() const { return analysis_; }

 signals:
  void reveal_requested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fill_progress(const store::StudyProgress& progress);
  void fill_systems(const std::vector<store::StudySystem>& systems, bool named);
  void fill_audit(const std::vector<store::AuditEntry>& entries);

  QLabel* title_;
  QPushButton* reveal_;
  QTabWidget* tabs_;
  QTableWidget* progress_;
  QTableWidget* systems_;
  QTableWidget* audit_;
  StudyAnalysisView* analysis_;
};

}  // namespace medlora::ui
