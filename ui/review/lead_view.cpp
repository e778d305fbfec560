#include "ui/review/lead_view.h"

#include <QEvent>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include <exception>

#include "ui/review/accounts_dialog.h"
#include "ui/review/assign_dialog.h"
#include "ui/review/new_study_dialog.h"
#include "ui/review/report_export_dialog.h"

namespace medlora::ui {
namespace {

QTableWidgetItem* cell(const QString& text, bool numeric = false) {
  auto* item = new QTableWidgetItem(text);
  if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString what(const std::exception& e) { return QString::fromUtf8(e.what()); }

}  // namespace

LeadView::LeadView(const QString& workspace_file, const store::ReviewerAccount& lead, QWidget* parent)
    : QWidget(parent),
      workspace_file_(workspace_file),
      lead_(lead),
      heading_(new QLabel(this)),
      studies_(new QTableWidget(0, 7, this)),
      details_(new StudyDetailsView(this)),
      new_study_(new QPushButton(this)),
      accounts_(new QPushButton(this)),
      assign_(new QPushButton(this)),
      close_(new QPushButton(this)),
      report_(new QPushButton(this)),
      server_(new QPushButton(this)),
      refresh_(new QPushButton(this)) {
  setObjectName("lead_view");
  prompts_.confirm = [this](const QString& title, const QString& question) {
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
  };
  prompts_.warn = [this](const QString& title, const QString& message) { QMessageBox::warning(this, title, message); };

  heading_->setObjectName("lead_heading");
  studies_->setObjectName("studies_table");
  studies_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  studies_->setSelectionBehavior(QAbstractItemView::SelectRows);
  studies_->setSelectionMode(QAbstractItemView::SingleSelection);
  studies_->verticalHeader()->hide();
  studies_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  studies_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  auto* refresh_key = new QShortcut(QKeySequence::Refresh, this);
  connect(refresh_key, &QShortcut::activated, this, &LeadView::refresh);

  auto* buttons = new QHBoxLayout;
  for (QPushButton* button : {new_study_, accounts_, assign_, close_, report_, server_}) buttons->addWidget(button);
  buttons->addStretch();
  buttons->addWidget(refresh_);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(studies_);
  splitter->addWidget(details_);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading_);
  layout->addLayout(buttons);
  layout->addWidget(splitter, 1);

  connect(studies_, &QTableWidget::itemSelectionChanged, this, [this] {
    show_selected();
    update_buttons();
  });
  connect(new_study_, &QPushButton::clicked, this, &LeadView::open_new_study_dialog);
  connect(accounts_, &QPushButton::clicked, this, &LeadView::open_accounts_dialog);
  connect(assign_, &QPushButton::clicked, this, &LeadView::open_assign_dialog);
  connect(close_, &QPushButton::clicked, this, &LeadView::close_selected_study);
  connect(report_, &QPushButton::clicked, this, &LeadView::open_report_dialog);
  connect(server_, &QPushButton::clicked, this, &LeadView::open_server_dialog);
  connect(refresh_, &QPushButton::clicked, this, &LeadView::refresh);
  connect(details_, &StudyDetailsView::reveal_requested, this, &LeadView::reveal_selected_study);
  connect(analysis_view(), &StudyAnalysisView::evaluation_ready, this, &LeadView::remember);
  connect(analysis_view(), &StudyAnalysisView::evaluation_failed, this, [this](qint64, const QString& message) {
    emit status_message(tr("The analysis failed: %1").arg(message));
  });

  retranslate_static();
  try {
    workspace_ = std::make_unique<store::Workspace>(workspace_file_.toStdString());
  } catch (const std::exception& e) {
    workspace_failed_ = true;
    heading_->setText(tr("The workspace could not be opened: %1").arg(what(e)));
  }
  refresh();
}

void LeadView::retranslate_static() {
  if (!workspace_failed_) heading_->setText(tr("Signed in as %1 (study lead).").arg(QString::fromStdString(lead_.name())));
  studies_->setHorizontalHeaderLabels({tr("Study"), tr("Status"), tr("Systems"), tr("Questions"), tr("Answers"),
                                       tr("Reviewers"), tr("Progress")});
  new_study_->setText(tr("&New study…"));
  accounts_->setText(tr("A&ccounts…"));
  assign_->setText(tr("&Assign…"));
  close_->setText(tr("C&lose study…"));
  report_->setText(tr("&Report…"));
  server_->setText(tr("Review ser&ver…"));
  refresh_->setText(tr("Re&fresh"));
  new_study_->setToolTip(tr("Make a study from a test-set run, a dataset or an answers file"));
  accounts_->setToolTip(tr("Reviewer accounts: add doctors, leads and engineers"));
  assign_->setToolTip(tr("Choose the doctors who score the selected study"));
  close_->setToolTip(tr("End scoring of the selected study; its analysis becomes available"));
  report_->setToolTip(tr("Export the evaluation report (PDF, HTML), the raw scores (CSV) or the analysis (JSON)"));
  server_->setToolTip(tr("Publish studies to a review server, follow their progress there and pull the scores back"));
  refresh_->setToolTip(tr("Read the studies and their progress again (F5)"));
}

void LeadView::retranslate() {
  retranslate_static();
  refresh();  // the status and progress words of the table, the selected study's details
}

void LeadView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void LeadView::refresh() {
  const auto keep = selected_study();
  const QSignalBlocker blocker(studies_);
  studies_->setRowCount(0);
  summaries_.clear();
  if (workspace_) {
    try {
      store::ReviewStudyRepository studies(*workspace_);
      summaries_ = studies.list_studies(lead_);
      studies_->setRowCount(static_cast<int>(summaries_.size()));
      for (int row = 0; row < studies_->rowCount(); ++row) {
        const auto& s = summaries_[static_cast<size_t>(row)];
        const auto progress = studies.progress(lead_, s.id);
        int done = 0;
        for (const auto& reviewer : progress.reviewers) done += reviewer.submitted + reviewer.skipped;
        auto* name = cell(QString::fromStdString(s.name));
        name->setData(Qt::UserRole, qint64(s.id));
        name->setToolTip(QString::fromStdString(s.source));
        studies_->setItem(row, 0, name);
        studies_->setItem(row, 1, cell(s.status == "closed" ? tr("closed") : tr("open")));
        studies_->setItem(row, 2, cell(QString::number(s.systems), true));
        studies_->setItem(row, 3, cell(QString::number(s.questions), true));
        studies_->setItem(row, 4, cell(QString::number(s.answers), true));
        studies_->setItem(row, 5, cell(QString::number(progress.reviewers.size()), true));
        studies_->setItem(row, 6, cell(s.assignments > 0 ? tr("%1 %").arg(100 * done / s.assignments)
                                                         : tr("not assigned"), true));
      }
    } catch (const std::exception& e) {
      prompts_.warn(tr("Studies"), tr("The studies could not be read: %1").arg(what(e)));
    }
  }
  if (keep) {
    for (int row = 0; row < studies_->rowCount(); ++row)
      if (studies_->item(row, 0)->data(Qt::UserRole).toLongLong() == *keep) studies_->selectRow(row);
  } else if (studies_->rowCount() > 0) {
    studies_->selectRow(0);  // the current row looks selected; make it so, details included
  }
  show_selected();
  update_buttons();
}

bool LeadView::select_study(int64_t study_id) {
  for (int row = 0; row < studies_->rowCount(); ++row) {
    if (studies_->item(row, 0)->data(Qt::UserRole).toLongLong() != study_id) continue;
    studies_->selectRow(row);
    return true;
  }
  return false;
}

std::optional<int64_t> LeadView::selected_study() const {
  const auto rows = studies_->selectionModel()->selectedRows();
  if (rows.isEmpty()) return std::nullopt;
  return studies_->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

std::optional<store::StudySummary> LeadView::selected_summary() const {
  const auto id = selected_study();
  if (!id) return std::nullopt;
  for (const auto& summary : summaries_)
    if (summary.id == *id) return summary;
  return std::nullopt;
}

std::shared_ptr<const StudyEvaluation> LeadView::evaluation(int64_t study_id) const {
  const auto it = evaluations_.find(study_id);
  return it == evaluations_.end() ? nullptr : it->second;
}

void LeadView::show_selected() {
  const auto summary = selected_summary();
  if (!summary || !workspace_) {
    details_->clear();
    return;
  }
  const auto cached = evaluation(summary->id);
  try {
    details_->show_study(*workspace_, lead_, *summary, cached ? &cached->systems : nullptr);
  } catch (const std::exception& e) {
    details_->clear();
    prompts_.warn(tr("Study"), tr("The study could not be read: %1").arg(what(e)));
    return;
  }
  if (analysis_view()->computing_study() == summary->id) {  // its result is on the way
    details_->reveal_button()->setEnabled(false);
    return;
  }
  if (cached) analysis_view()->show_evaluation(cached);
  else if (summary->status == "closed")
    analysis_view()->show_message(summary->id, tr("The study is closed. Reveal the systems to see the analysis "
                                                  "(the reveal is recorded in the audit log)."));
  else
    analysis_view()->show_message(summary->id, tr("The analysis appears once the study is closed."));
}

void LeadView::update_buttons() {
  const auto summary = selected_summary();
  const bool open = summary && summary->status == "open";
  new_study_->setEnabled(workspace_ != nullptr);
  accounts_->setEnabled(workspace_ != nullptr);
  assign_->setEnabled(open && summary->answers > 0);
  close_->setEnabled(open);
  report_->setEnabled(summary && summary->assignments > 0);
  server_->setEnabled(workspace_ != nullptr);
}

void LeadView::remember(std::shared_ptr<const StudyEvaluation> evaluation) {
  if (!evaluation || !evaluation->closed) return;  // an open study's numbers go stale
  evaluations_[evaluation->study_id] = evaluation;
  emit status_message(tr("Systems revealed and analysis computed for \"%1\".")
                          .arg(QString::fromStdString(evaluation->data.design.name)));
  if (selected_study() == evaluation->study_id) show_selected();
}

}  // namespace medlora::ui
