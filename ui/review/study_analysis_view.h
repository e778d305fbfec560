#pragma once
// The lead's analysis of a study: per system × axis mean, median, 95 % bootstrap CI and counts;
// the means chart with CI whiskers and the score distribution of a chosen axis (the report's
// own QCustomPlot charts, as images); agreement per axis (Krippendorff's alpha ordinal and
// interval, ICC(2,1), ICC(2,k)) and Fleiss' kappa on the harmful flag; paired comparisons; the
// flagged answers with every reviewer's scores and comments.
//
// analyse() gathers and computes on a worker thread (the job opens its own workspace); only the
// tables and charts are made on the GUI thread. For a closed study the gathering reveals the
// systems (audited), so the caller asks the lead first.
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QWidget>

#include <memory>
#include <optional>

#include "core/store/reviewer_accounts.h"
#include "ui/datasets/background_runner.h"
#include "ui/review/study_evaluation.h"

namespace medlora::ui {

class StudyAnalysisView : public QWidget {
  Q_OBJECT

 public:
  explicit StudyAnalysisView(QWidget* parent = nullptr);

  // Shows `message` instead of an analysis (e.g. "close the study first") for `study_id`; a
  // computation still running for another study is then not shown when it ends.
  void show_message(std::optional<int64_t> study_id, const QString& message);
  // Starts gathering and computing; false while a computation runs.
  bool analyse(const QString& workspace_file, const store::ReviewerAccount& lead, int64_t study_id);
  bool busy() const { return runner_.busy(); }
  // The study being computed, if any.
  std::optional<int64_t> computing_study() const {
    return runner_.busy() ? std::optional<int64_t>(computing_) : std::nullopt;
  }
  void show_evaluation(std::shared_ptr<const StudyEvaluation> evaluation);
  std::shared_ptr<const StudyEvaluation> evaluation() const { return shown_; }

  QTableWidget* summary_table() const { return summary_; }
  QTableWidget* agreement_table() const { return agreement_; }
  QTableWidget* comparisons_table() const { return comparisons_; }
  QTreeWidget* flagged_tree() const { return flagged_; }
  QLabel* means_chart() const { return means_chart_; }
  QLabel* distribution_chart() const { return distribution_chart_; }
  QComboBox* distribution_axis_combo() const { return distribution_axis_; }
  QLabel* harmful_label() const { return harmful_; }
  QLabel* message_label() const { return message_; }

  // The UI's name of a study axis ("accuracy" -> "Accuracy"); another axis as it is.
  static QString axis_name(const std::string& axis);

 signals:
  // Every finished computation, also one whose study is no longer shown (for a cache).
  void evaluation_ready(std::shared_ptr<const StudyEvaluation> evaluation);
  void evaluation_failed(qint64 study_id, const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  QWidget* build_summary_page();
  QWidget* build_agreement_page();
  void fill_summary(const review::StudyAnalysis& analysis);
  void fill_agreement(const review::StudyAnalysis& analysis);
  void fill_comparisons(const review::StudyAnalysis& analysis);
  void fill_flagged(const review::StudyReportData& data);
  void draw_means_chart(const review::StudyAnalysis& analysis);
  void draw_distribution_chart();

  std::optional<int64_t> study_id_;  // the study this view shows (or waits for)
  std::shared_ptr<const StudyEvaluation> shown_;
  std::shared_ptr<const StudyEvaluation> computed_;  // written by the job, read after finished()
  int64_t computing_ = 0;
  BackgroundRunner runner_;  // after computed_: its destructor waits for the job
  QStackedWidget* pages_;
  QLabel* message_;
  QProgressBar* busy_;
  QLabel* design_;
  QLabel* distribution_label_ = nullptr;
  QTabWidget* tabs_;
  QTableWidget* summary_;
  QLabel* means_chart_;
  QComboBox* distribution_axis_;
  QLabel* distribution_chart_;
  QTableWidget* agreement_;
  QLabel* harmful_;
  QTableWidget* comparisons_;
  QTreeWidget* flagged_;
};

}  // namespace medlora::ui
