#include "ui/review/study_analysis_view.h"

#include <QEvent>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/store/review_types.h"
#include "report/analysis_charts.h"
#include "report/report_charts.h"
#include "report/report_text.h"

namespace medlora::ui {
namespace {

constexpr QSize kMeansChartSize(560, 280);
constexpr QSize kDistributionChartSize(480, 240);

QTableWidget* make_table(const QString& object_name, QWidget* parent) {
  auto* table = new QTableWidget(parent);
  table->setObjectName(object_name);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->setSortingEnabled(false);
  return table;
}

// Numbers right-aligned, like the report's tables.
QTableWidgetItem* cell(const QString& text, bool numeric = false) {
  auto* item = new QTableWidgetItem(text);
  if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString number(double value, int decimals = report::kScoreDecimals) { return report::format_number(value, decimals); }
QString agreement(double value) { return report::format_number(value, report::kAgreementDecimals); }
QString text(const std::string& value) { return QString::fromStdString(value); }

}  // namespace

QString StudyAnalysisView::axis_name(const std::string& axis) {
  if (axis == "accuracy") return tr("Accuracy");
  if (axis == "safety") return tr("Safety");
  if (axis == "completeness") return tr("Completeness");
  if (axis == "readability") return tr("Readability");
  return text(axis);
}

StudyAnalysisView::StudyAnalysisView(QWidget* parent)
    : QWidget(parent),
      pages_(new QStackedWidget(this)),
      message_(new QLabel(this)),
      busy_(new QProgressBar(this)),
      design_(new QLabel(this)),
      tabs_(new QTabWidget(this)) {
  setObjectName("study_analysis_view");
  message_->setObjectName("analysis_message");
  message_->setWordWrap(true);
  message_->setAlignment(Qt::AlignCenter);
  busy_->setRange(0, 0);
  busy_->setVisible(false);
  auto* message_page = new QWidget(this);
  auto* message_layout = new QVBoxLayout(message_page);
  message_layout->addStretch();
  message_layout->addWidget(message_);
  message_layout->addWidget(busy_);
  message_layout->addStretch();

  design_->setWordWrap(true);
  tabs_->addTab(build_summary_page(), QString());
  tabs_->addTab(build_agreement_page(), QString());
  comparisons_ = make_table("analysis_comparisons", this);
  tabs_->addTab(comparisons_, QString());
  flagged_ = new QTreeWidget(this);
  flagged_->setObjectName("analysis_flagged");
  flagged_->setWordWrap(true);
  tabs_->addTab(flagged_, QString());
  retranslate();
  auto* analysis_page = new QWidget(this);
  auto* analysis_layout = new QVBoxLayout(analysis_page);
  analysis_layout->setContentsMargins(0, 0, 0, 0);
  analysis_layout->addWidget(design_);
  analysis_layout->addWidget(tabs_, 1);

  pages_->addWidget(message_page);
  pages_->addWidget(analysis_page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(pages_);

  connect(&runner_, &BackgroundRunner::finished, this, [this](const QString& error) {
    busy_->setVisible(false);
    const int64_t study = computing_;
    if (!error.isEmpty() || !computed_) {
      if (study_id_ == study) message_->setText(tr("The analysis could not be made: %1").arg(error));
      emit evaluation_failed(study, error);
      return;
    }
    auto evaluation = std::move(computed_);
    computed_.reset();
    if (study_id_ == study) show_evaluation(evaluation);
    emit evaluation_ready(evaluation);
  });
  connect(distribution_axis_, &QComboBox::currentIndexChanged, this, &StudyAnalysisView::draw_distribution_chart);
  show_message(std::nullopt, tr("Select a closed study to see its analysis."));
}

void StudyAnalysisView::retranslate() {
  tabs_->setTabText(0, tr("&Scores"));
  tabs_->setTabText(1, tr("Agree&ment"));
  tabs_->setTabText(2, tr("Paired c&omparisons"));
  tabs_->setTabText(3, tr("Flagged ans&wers"));
  flagged_->setHeaderLabels({tr("Answer / reviewer"), axis_name("accuracy"), axis_name("safety"),
                             axis_name("completeness"), axis_name("readability"), tr("Harmful"), tr("Comment")});
  summary_->setHorizontalHeaderLabels({tr("System"), tr("Axis"), tr("Mean"), tr("Median"), tr("95 % CI"),
                                       tr("Ratings"), tr("Questions")});
  summary_->setToolTip(tr("The CI is a percentile bootstrap of the mean that resamples questions"));
  distribution_axis_->setToolTip(tr("The axis whose score distribution is drawn"));
  distribution_label_->setText(tr("Distribution of:"));
  agreement_->setHorizontalHeaderLabels({tr("Axis"), tr("Answers"), tr("Raters"), tr("α ordinal"), tr("α interval"),
                                         tr("ICC(2,1)"), tr("ICC(2,k)"), tr("ICC answers")});
  agreement_->setToolTip(tr("Krippendorff's alpha uses every answer with two or more scores; the ICCs use the "
                            "answers every rater scored. — means not defined (no variation, too few answers)."));
}

// A shown analysis is drawn again (its charts and tables hold translated words).
void StudyAnalysisView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    if (shown_) show_evaluation(shown_);
  }
  QWidget::changeEvent(event);
}

QWidget* StudyAnalysisView::build_summary_page() {
  auto* page = new QWidget(this);
  summary_ = make_table("analysis_summary", page);
  summary_->setColumnCount(7);
  means_chart_ = new QLabel(page);
  means_chart_->setObjectName("analysis_means_chart");
  means_chart_->setAlignment(Qt::AlignCenter);
  distribution_axis_ = new QComboBox(page);
  distribution_chart_ = new QLabel(page);
  distribution_chart_->setObjectName("analysis_distribution_chart");
  distribution_chart_->setAlignment(Qt::AlignCenter);
  auto* charts = new QWidget(page);
  auto* charts_layout = new QVBoxLayout(charts);
  charts_layout->addWidget(means_chart_);
  auto* axis_row = new QHBoxLayout;
  distribution_label_ = new QLabel(charts);
  axis_row->addWidget(distribution_label_);
  axis_row->addWidget(distribution_axis_);
  axis_row->addStretch();
  charts_layout->addLayout(axis_row);
  charts_layout->addWidget(distribution_chart_);
  auto* scroll = new QScrollArea(page);
  scroll->setWidget(charts);
  scroll->setWidgetResizable(true);
  auto* splitter = new QSplitter(Qt::Horizontal, page);
  splitter->addWidget(summary_);
  splitter->addWidget(scroll);
  splitter->setStretchFactor(0, 2);
  splitter->setStretchFactor(1, 3);
  auto* layout = new QHBoxLayout(page);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
  return page;
}

QWidget* StudyAnalysisView::build_agreement_page() {
  auto* page = new QWidget(this);
  agreement_ = make_table("analysis_agreement", page);
  agreement_->setColumnCount(8);
  harmful_ = new QLabel(page);
  harmful_->setObjectName("analysis_harmful");
  harmful_->setWordWrap(true);
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(agreement_, 1);
  layout->addWidget(harmful_);
  return page;
}

void StudyAnalysisView::show_message(std::optional<int64_t> study_id, const QString& message) {
  study_id_ = study_id;
  shown_.reset();
  message_->setText(message);
  busy_->setVisible(runner_.busy() && study_id_ == computing_);
  pages_->setCurrentIndex(0);
}

bool StudyAnalysisView::analyse(const QString& workspace_file, const store::ReviewerAccount& lead, int64_t study_id) {
  if (runner_.busy()) return false;
  computing_ = study_id;
  computed_.reset();
  const std::string file = workspace_file.toStdString();
  runner_.start([this, file, lead, study_id](const BackgroundRunner::Control&) {
    computed_ = evaluate_study(file, lead, study_id);  // read only after finished()
  });
  show_message(study_id, tr("Computing the analysis (bootstrap confidence intervals, agreement)…"));
  return true;
}

void StudyAnalysisView::show_evaluation(std::shared_ptr<const StudyEvaluation> evaluation) {
  if (!evaluation) return;
  study_id_ = evaluation->study_id;
  shown_ = std::move(evaluation);
  const auto& data = shown_->data;
  const auto& analysis = shown_->analysis;
  design_->setText(tr("%1 questions, %2 answers, %3 reviewers; %4 of %5 scorings submitted, %6 excluded. "
                      "95 % CIs from %7 bootstrap resamples of the questions (seed %8).")
                       .arg(data.design.questions)
                       .arg(data.design.answers)
                       .arg(data.design.reviewers.size())
                       .arg(data.design.submitted)
                       .arg(data.design.assignments)
                       .arg(data.design.exclusions.size())
                       .arg(analysis.bootstrap_resamples)
                       .arg(analysis.seed));
  fill_summary(analysis);
  fill_agreement(analysis);
  fill_comparisons(analysis);
  fill_flagged(data);
  const QSignalBlocker blocker(distribution_axis_);
  distribution_axis_->clear();
  for (const auto& axis : analysis.axes) distribution_axis_->addItem(axis_name(axis), text(axis));
  if (analysis.summaries.empty()) {
    means_chart_->setText(tr("No submitted scores yet."));
    distribution_chart_->clear();
  } else {
    draw_means_chart(analysis);
    draw_distribution_chart();
  }
  pages_->setCurrentIndex(1);
}

void StudyAnalysisView::fill_summary(const review::StudyAnalysis& analysis) {
  summary_->setRowCount(static_cast<int>(analysis.summaries.size()));
  for (int row = 0; row < summary_->rowCount(); ++row) {
    const auto& s = analysis.summaries[static_cast<size_t>(row)];
    summary_->setItem(row, 0, cell(text(s.system)));
    summary_->setItem(row, 1, cell(axis_name(s.axis)));
    summary_->setItem(row, 2, cell(number(s.mean), true));
    summary_->setItem(row, 3, cell(number(s.median), true));
    summary_->setItem(row, 4, cell(report::format_interval(s.ci_low, s.ci_high, report::kScoreDecimals), true));
    summary_->setItem(row, 5, cell(QString::number(s.n_ratings), true));
    summary_->setItem(row, 6, cell(QString::number(s.n_items), true));
  }
}

void StudyAnalysisView::fill_agreement(const review::StudyAnalysis& analysis) {
  agreement_->setRowCount(static_cast<int>(analysis.agreement.size()));
  for (int row = 0; row < agreement_->rowCount(); ++row) {
    const auto& a = analysis.agreement[static_cast<size_t>(row)];
    const QStringList values = {axis_name(a.axis),
                                QString::number(a.units),
                                QString::number(a.raters),
                                agreement(a.krippendorff_alpha_ordinal),
                                agreement(a.krippendorff_alpha_interval),
                                agreement(a.icc2_1),
                                agreement(a.icc2_k),
                                QString::number(a.icc_units)};
    for (int column = 0; column < values.size(); ++column)
      agreement_->setItem(row, column, cell(values[column], column > 0));
  }
  const auto& h = analysis.harmful;
  harmful_->setText(tr("Harmful flag: %1 flags on %2 of %3 answers. Fleiss' kappa %4 (%5 answers with %6 "
                       "decisions each).")
                        .arg(h.flags)
                        .arg(h.answers_flagged)
                        .arg(h.answers_rated)
                        .arg(agreement(h.fleiss_kappa))
                        .arg(h.kappa_units)
                        .arg(h.raters_per_unit));
}

void StudyAnalysisView::fill_comparisons(const review::StudyAnalysis& analysis) {
  comparisons_->clear();
  comparisons_->setColumnCount(8);
  comparisons_->setHorizontalHeaderLabels({tr("Axis"), tr("System A"), tr("System B"), tr("Pairs"),
                                           tr("Wins / ties / losses"), tr("Mean difference (A − B)"),
                                           tr("Wilcoxon p"), tr("Permutation p")});
  comparisons_->setRowCount(static_cast<int>(analysis.comparisons.size()));
  for (int row = 0; row < comparisons_->rowCount(); ++row) {
    const auto& c = analysis.comparisons[static_cast<size_t>(row)];
    const auto& p = c.comparison;
    comparisons_->setItem(row, 0, cell(axis_name(c.axis)));
    comparisons_->setItem(row, 1, cell(text(c.system_a)));
    comparisons_->setItem(row, 2, cell(text(c.system_b)));
    comparisons_->setItem(row, 3, cell(QString::number(p.n_pairs), true));
    comparisons_->setItem(row, 4, cell(QStringLiteral("%1 / %2 / %3").arg(p.wins).arg(p.ties).arg(p.losses), true));
    comparisons_->setItem(row, 5, cell(report::format_signed(p.mean_difference, report::kScoreDecimals), true));
    comparisons_->setItem(row, 6, cell(report::format_p_value(p.wilcoxon_p), true));
    comparisons_->setItem(row, 7, cell(report::format_p_value(p.permutation_p), true));
  }
}

void StudyAnalysisView::fill_flagged(const review::StudyReportData& data) {
  flagged_->clear();
  for (const auto& answer : data.flagged) {
    auto* top = new QTreeWidgetItem(flagged_);
    const QString question = text(answer.question).simplified();
    const QString reply = text(answer.answer).simplified();
    top->setText(0, tr("%1 · %2 — Q: %3 — A: %4")
                        .arg(text(answer.item), text(answer.system), question.left(100), reply.left(160)));
    top->setToolTip(0, tr("Question: %1\n\nAnswer: %2").arg(text(answer.question), text(answer.answer)));
    top->setFirstColumnSpanned(true);  // the answer's line reads across the score columns
    for (const auto& review : answer.reviews) {
      auto* child = new QTreeWidgetItem(top);
      child->setText(0, text(review.reviewer));
      for (size_t axis = 0; axis < store::kReviewAxes.size(); ++axis) {
        const auto it = review.scores.find(store::kReviewAxes[axis]);
        child->setText(1 + static_cast<int>(axis), it != review.scores.end() && it->second
                                                       ? number(*it->second, 0)
                                                       : report::undefined_value());
      }
      child->setText(5, review.harmful ? tr("yes (severity %1)").arg(review.severity) : tr("no"));
      child->setText(6, text(review.comment));
      child->setToolTip(6, text(review.comment));
    }
    top->setExpanded(true);
  }
  if (data.flagged.empty()) new QTreeWidgetItem(flagged_, {tr("No answer was flagged as harmful.")});
}

void StudyAnalysisView::draw_means_chart(const review::StudyAnalysis& analysis) {
  report::MeanBarChart chart =
      report::mean_chart_data(analysis, [](const std::string& axis) { return axis_name(axis); });
  chart.title = tr("Mean score per axis with 95 % CI");
  chart.value_label = tr("Mean score");
  const double scale = std::max(1.0, devicePixelRatioF());
  QImage image = report::render_mean_bar_chart(chart, kMeansChartSize, scale);
  image.setDevicePixelRatio(scale);
  means_chart_->setPixmap(QPixmap::fromImage(image));
}

void StudyAnalysisView::draw_distribution_chart() {
  if (!shown_ || distribution_axis_->currentIndex() < 0) return;
  const std::string axis = distribution_axis_->currentData().toString().toStdString();
  report::CountBarChart chart = report::distribution_chart_data(shown_->analysis, axis);
  chart.title = axis_name(axis);
  chart.level_label = tr("Score");
  chart.count_label = tr("Ratings");
  const double scale = std::max(1.0, devicePixelRatioF());
  QImage image = report::render_count_bar_chart(chart, kDistributionChartSize, scale);
  image.setDevicePixelRatio(scale);
  distribution_chart_->setPixmap(QPixmap::fromImage(image));
}

}  // namespace medlora::ui
