#include "ui/review/study_details_view.h"

#include <QEvent>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QProgressBar>
#include <QVBoxLayout>

namespace medlora::ui {
namespace {

QTableWidget* make_table(const QString& object_name, const QStringList& headers, QWidget* parent) {
  auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
  table->setObjectName(object_name);
  table->setHorizontalHeaderLabels(headers);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setStretchLastSection(true);
  return table;
}

QTableWidgetItem* cell(const QString& text, bool numeric = false) {
  auto* item = new QTableWidgetItem(text);
  if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString text(const std::string& value) { return QString::fromStdString(value); }

}  // namespace

void StudyDetailsView::retranslate() {
  reveal_->setText(tr("Re&veal systems and analyse…"));
  reveal_->setToolTip(tr("Shows which system is behind each code and computes the analysis. Only for a closed "
                         "study; recorded in the audit log."));
  progress_->setHorizontalHeaderLabels({tr("Reviewer"), tr("Assigned"), tr("Pending"), tr("Draft"), tr("Submitted"),
                                        tr("Skipped"), tr("Done")});
  systems_->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Kind"), tr("Generation settings")});
  audit_->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("User"), tr("Action"), tr("Target"), tr("Detail")});
  tabs_->setTabText(0, tr("Pro&gress"));
  tabs_->setTabText(1, tr("S&ystems"));
  tabs_->setTabText(2, tr("Au&dit log"));
  tabs_->setTabText(3, tr("Analys&is"));
}

// The study's own texts come back when the lead view shows the study again.
void StudyDetailsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

StudyDetailsView::StudyDetailsView(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      reveal_(new QPushButton(this)),
      tabs_(new QTabWidget(this)),
      analysis_(new StudyAnalysisView(this)) {
  title_->setObjectName("study_title");
  title_->setTextFormat(Qt::PlainText);
  reveal_->setObjectName("reveal_button");
  progress_ = make_table("progress_table", {QString(), QString(), QString(), QString(), QString(), QString(), QString()}, this);
  systems_ = make_table("systems_table", {QString(), QString(), QString(), QString()}, this);
  audit_ = make_table("audit_table", {QString(), QString(), QString(), QString(), QString()}, this);
  tabs_->addTab(progress_, QString());
  tabs_->addTab(systems_, QString());
  tabs_->addTab(audit_, QString());
  tabs_->addTab(analysis_, QString());
  retranslate();
  auto* header = new QHBoxLayout;
  header->addWidget(title_, 1);
  header->addWidget(reveal_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(header);
  layout->addWidget(tabs_, 1);
  connect(reveal_, &QPushButton::clicked, this, &StudyDetailsView::reveal_requested);
  clear();
}

void StudyDetailsView::clear() {
  title_->setText(tr("No study selected."));
  reveal_->setEnabled(false);
  for (QTableWidget* table : {progress_, systems_, audit_}) table->setRowCount(0);
  analysis_->show_message(std::nullopt, tr("Select a closed study to see its analysis."));
}

void StudyDetailsView::show_study(store::Workspace& workspace, const store::ReviewerAccount& lead,
                                  const store::StudySummary& study, const std::vector<store::StudySystem>* revealed) {
  store::ReviewStudyRepository studies(workspace);
  const bool closed = study.status == "closed";
  title_->setText(tr("%1 — %2, created by %3 on %4%5")
                      .arg(text(study.name), closed ? tr("closed") : tr("open"), text(study.created_by),
                           text(study.created_at.substr(0, 10)),
                           study.source.empty() ? QString() : tr("; source: %1").arg(text(study.source))));
  reveal_->setEnabled(closed && !revealed);
  fill_progress(studies.progress(lead, study.id));
  if (revealed) fill_systems(*revealed, true);
  else fill_systems(studies.systems(lead, study.id), false);
  fill_audit(studies.audit_log(lead, study.id));
}

void StudyDetailsView::fill_progress(const store::StudyProgress& progress) {
  progress_->setRowCount(static_cast<int>(progress.reviewers.size()));
  for (int row = 0; row < progress_->rowCount(); ++row) {
    const auto& r = progress.reviewers[static_cast<size_t>(row)];
    progress_->setItem(row, 0, cell(text(r.reviewer)));
    const int counts[] = {r.total, r.pending, r.draft, r.submitted, r.skipped};
    for (int column = 0; column < 5; ++column) progress_->setItem(row, 1 + column, cell(QString::number(counts[column]), true));
    auto* bar = new QProgressBar(progress_);
    bar->setRange(0, std::max(1, r.total));
    bar->setValue(r.submitted + r.skipped);
    bar->setFormat(tr("%1 of %2").arg(r.submitted + r.skipped).arg(r.total));
    bar->setToolTip(tr("Submitted or skipped"));
    progress_->setCellWidget(row, 6, bar);
  }
}

void StudyDetailsView::fill_systems(const std::vector<store::StudySystem>& systems, bool named) {
  systems_->setRowCount(static_cast<int>(systems.size()));
  for (int row = 0; row < systems_->rowCount(); ++row) {
    const auto& s = systems[static_cast<size_t>(row)];
    systems_->setItem(row, 0, cell(text(s.code)));
    systems_->setItem(row, 1, cell(named ? text(s.name) : tr("hidden until the study is closed and revealed")));
    systems_->setItem(row, 2, cell(named ? text(s.kind) : QString()));
    systems_->setItem(row, 3, cell(named ? text(s.metadata_json) : QString()));
  }
}

void StudyDetailsView::fill_audit(const std::vector<store::AuditEntry>& entries) {
  audit_->setRowCount(static_cast<int>(entries.size()));
  for (int row = 0; row < audit_->rowCount(); ++row) {
    const auto& e = entries[static_cast<size_t>(row)];
    const QStringList values = {text(e.at), text(e.user), text(e.action), text(e.target), text(e.detail)};
    for (int column = 0; column < values.size(); ++column) audit_->setItem(row, column, cell(values[column]));
  }
  audit_->scrollToBottom();
}

}  // namespace medlora::ui
