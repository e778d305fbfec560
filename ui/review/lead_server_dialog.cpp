// LeadServerDialog, part 1: its widgets, texts, the workspace's studies and the progress display
// (the jobs are lead_server_dialog_actions.cpp).
#include "ui/review/lead_server_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <exception>

#include "core/store/workspace.h"
#include "ui/review/server_reviewer_dialog.h"

namespace medlora::ui {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

QTableWidgetItem* cell(const QString& text, bool numeric = false) {
  auto* item = new QTableWidgetItem(text);
  if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

LeadServerDialog::LeadServerDialog(const QString& workspace_file, const store::ReviewerAccount& lead,
                                   int64_t study_id, QWidget* parent)
    : QDialog(parent),
      workspace_file_(workspace_file),
      lead_(lead),
      intro_(new QLabel(this)),
      connection_(new QLabel(this)),
      connect_(new QPushButton(this)),
      set_up_(new QPushButton(this)),
      add_reviewer_(new QPushButton(this)),
      study_label_(new QLabel(this)),
      study_(new QComboBox(this)),
      publish_(new QPushButton(this)),
      close_(new QPushButton(this)),
      pull_(new QPushButton(this)),
      progress_title_(new QLabel(this)),
      progress_(new QTableWidget(0, 3, this)),
      progress_bar_(new QProgressBar(this)),
      progress_note_(new QLabel(this)),
      message_(new QLabel(this)),
      timer_(new QTimer(this)) {
  setObjectName("leadServerDialog");
  confirm_ = [this](const QString& title, const QString& question) {
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
  };
  intro_->setWordWrap(true);
  connection_->setObjectName("leadServerConnection");
  connection_->setWordWrap(true);
  study_->setObjectName("leadServerStudy");
  study_label_->setBuddy(study_);
  progress_->setObjectName("leadServerProgress");
  progress_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  progress_->setSelectionMode(QAbstractItemView::NoSelection);
  progress_->verticalHeader()->hide();
  progress_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  progress_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  progress_bar_->setObjectName("leadServerProgressBar");
  progress_bar_->setRange(0, 1);
  progress_bar_->setValue(0);
  progress_note_->setObjectName("leadServerProgressNote");
  progress_note_->setWordWrap(true);
  message_->setObjectName("leadServerMessage");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->hide();
  timer_->setInterval(kProgressIntervalMs);

  auto* server_row = new QHBoxLayout;
  server_row->addWidget(connection_, 1);
  for (QPushButton* button : {connect_, set_up_, add_reviewer_}) server_row->addWidget(button);
  auto* study_row = new QHBoxLayout;
  study_row->addWidget(study_label_);
  study_row->addWidget(study_, 1);
  for (QPushButton* button : {publish_, close_, pull_}) study_row->addWidget(button);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro_);
  layout->addLayout(server_row);
  layout->addLayout(study_row);
  layout->addWidget(progress_title_);
  layout->addWidget(progress_, 1);
  layout->addWidget(progress_bar_);
  layout->addWidget(progress_note_);
  layout->addWidget(message_);
  layout->addWidget(buttons);
  resize(720, 520);

  connect(connect_, &QPushButton::clicked, this, &LeadServerDialog::open_connect_dialog);
  connect(set_up_, &QPushButton::clicked, this, &LeadServerDialog::set_up_server);
  connect(add_reviewer_, &QPushButton::clicked, this, &LeadServerDialog::open_add_reviewer_dialog);
  connect(publish_, &QPushButton::clicked, this, &LeadServerDialog::publish_study);
  connect(close_, &QPushButton::clicked, this, &LeadServerDialog::close_study);
  connect(pull_, &QPushButton::clicked, this, &LeadServerDialog::pull_scores);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(timer_, &QTimer::timeout, this, [this] { refresh_progress(); });
  connect(study_, &QComboBox::currentIndexChanged, this, &LeadServerDialog::study_picked);

  try {
    workspace_ = std::make_unique<store::Workspace>(workspace_file_.toStdString());
  } catch (const std::exception& e) {
    const QString why = QString::fromUtf8(e.what());
    show_message([why] { return tr("The workspace could not be opened: %1").arg(why); }, true);
  }
  reload_studies();
  if (study_id != 0) pick_study(study_id);
  clear_progress({});
  retranslate();
}

LeadServerDialog::~LeadServerDialog() = default;

void LeadServerDialog::retranslate() {
  setWindowTitle(tr("Review server"));
  intro_->setText(tr("Publish the workspace's studies to a review server, so that doctors score them from their "
                     "own computers, then pull their scores back here for the analysis and the report. The "
                     "systems behind the codes never leave this workspace."));
  connect_->setText(tr("C&onnect…"));
  connect_->setToolTip(tr("Sign in to the review server with the PostgreSQL account that owns its database"));
  set_up_->setText(tr("&Set up server"));
  set_up_->setToolTip(tr("Once, in an empty database: create the schema, the reviewer group and the access rules"));
  add_reviewer_->setText(tr("&Add reviewer…"));
  add_reviewer_->setToolTip(tr("Give a doctor or an adjudicator a sign-in on the review server"));
  study_label_->setText(tr("S&tudy:"));
  publish_->setText(tr("&Publish"));
  publish_->setToolTip(tr("Send the study's questions, coded answers and assignments to the server (never the "
                          "systems behind the codes)"));
  close_->setText(tr("C&lose on server"));
  close_->setToolTip(tr("The server then refuses every further score of this study"));
  pull_->setText(tr("P&ull scores"));
  pull_->setToolTip(tr("Bring the scores, revisions, skips and audit entries into the workspace's study; a second "
                       "pull adds only what is new"));
  progress_title_->setText(tr("Progress on the server (read every %1 seconds while shown)")
                               .arg(kProgressIntervalMs / 1000));
  progress_->setHorizontalHeaderLabels({tr("Reviewer"), tr("Done"), tr("Assigned")});
  progress_bar_->setFormat(tr("%v of %m done"));
  update_connection_text();
  show_progress_texts();
  if (message_text_) message_->setText(message_text_());
  update_buttons();
}

void LeadServerDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && intro_) retranslate();
  QDialog::changeEvent(event);
}

void LeadServerDialog::showEvent(QShowEvent* event) {
  QDialog::showEvent(event);
  update_progress_timer();
  refresh_progress();
}

void LeadServerDialog::hideEvent(QHideEvent* event) {
  QDialog::hideEvent(event);
  update_progress_timer();
}

void LeadServerDialog::update_progress_timer() {
  const bool poll = isVisible() && login_ && picked_study();
  if (poll && !timer_->isActive()) timer_->start();
  if (!poll) timer_->stop();
}

void LeadServerDialog::update_connection_text() {
  connection_->setText(login_ ? tr("Connected to %1 as the study lead.").arg(qs(login_->address.label()))
                              : tr("Not connected to a review server."));
}

ServerConnectDialog* LeadServerDialog::open_connect_dialog() {
  if (connect_dialog_) return connect_dialog_;
  connect_dialog_ = new ServerConnectDialog(ServerPurpose::Lead, this);
  connect_dialog_->setAttribute(Qt::WA_DeleteOnClose);
  connect(connect_dialog_, &QDialog::accepted, this, [this] {
    if (connect_dialog_ && connect_dialog_->login()) adopt_login(*connect_dialog_->login());
  });
  connect_dialog_->open();
  return connect_dialog_;
}

void LeadServerDialog::adopt_login(const ServerLogin& login) {
  login_ = login;
  shown_progress_.reset();
  clear_progress({});
  update_connection_text();
  update_buttons();
  const QString label = qs(login.address.label());
  show_message([label] { return tr("Connected to %1.").arg(label); }, false);
  emit status_message(tr("Connected to %1.").arg(label));
  update_progress_timer();
  refresh_progress();
}

ServerReviewerDialog* LeadServerDialog::open_add_reviewer_dialog() {
  if (!login_ || busy_) return nullptr;
  if (reviewer_dialog_) return reviewer_dialog_;
  reviewer_dialog_ = new ServerReviewerDialog(login_->address, login_->password, this);
  reviewer_dialog_->setAttribute(Qt::WA_DeleteOnClose);
  connect(reviewer_dialog_, &ServerReviewerDialog::reviewer_added, this, [this](const QString& name, const QString&) {
    emit status_message(tr("Reviewer %1 added to the server.").arg(name));
  });
  reviewer_dialog_->open();
  return reviewer_dialog_;
}

void LeadServerDialog::reload_studies() {
  const auto keep = picked_study();
  studies_.clear();
  if (workspace_) {
    try {
      studies_ = store::ReviewStudyRepository(*workspace_).list_studies(lead_);
    } catch (const std::exception& e) {
      const QString why = QString::fromUtf8(e.what());
      show_message([why] { return tr("The studies could not be read: %1").arg(why); }, true);
    }
  }
  {
    const QSignalBlocker blocker(study_);
    study_->clear();
    for (const auto& study : studies_) study_->addItem(qs(study.name), qint64(study.id));
    if (keep && study_->findData(qint64(keep->id)) >= 0) study_->setCurrentIndex(study_->findData(qint64(keep->id)));
  }
  const auto now = picked_study();
  if (!keep || !now || now->id != keep->id) study_picked();  // the shown progress is another study's
  else update_buttons();
}

void LeadServerDialog::study_picked() {
  shown_progress_.reset();
  clear_progress({});
  update_buttons();
  refresh_progress();
}

std::optional<store::StudySummary> LeadServerDialog::picked_study() const {
  const int index = study_->currentIndex();
  if (index < 0 || index >= static_cast<int>(studies_.size())) return std::nullopt;
  return studies_[static_cast<size_t>(index)];
}

bool LeadServerDialog::pick_study(int64_t study_id) {
  const int index = study_->findData(qint64(study_id));
  if (index < 0) return false;
  study_->setCurrentIndex(index);  // a change re-reads the progress
  update_buttons();
  return true;
}

void LeadServerDialog::update_buttons() {
  const bool connected = login_.has_value();
  const auto study = picked_study();
  connect_->setEnabled(!busy_);
  set_up_->setEnabled(connected && !busy_);
  add_reviewer_->setEnabled(connected && !busy_);
  study_->setEnabled(!busy_);
  publish_->setEnabled(connected && !busy_ && study && study->status == "open");
  close_->setEnabled(connected && !busy_ && shown_progress_ && shown_progress_->status == "open");
  pull_->setEnabled(connected && !busy_ && shown_progress_.has_value());
  update_progress_timer();
}

void LeadServerDialog::show_message(Text text, bool error) {
  message_text_ = std::move(text);
  message_error_ = error;
  message_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
  message_->setText(message_text_ ? message_text_() : QString());
  message_->setVisible(!message_->text().isEmpty());
}

void LeadServerDialog::show_progress(const review_server::ServerStudyProgress& progress) {
  shown_progress_ = progress;
  progress_problem_ = {};
  int done = 0, assigned = 0;
  progress_->setRowCount(static_cast<int>(progress.reviewers.size()));
  for (int row = 0; row < progress_->rowCount(); ++row) {
    const auto& reviewer = progress.reviewers[static_cast<size_t>(row)];
    const int reviewer_done = reviewer.submitted + reviewer.skipped;
    done += reviewer_done;
    assigned += reviewer.total;
    progress_->setItem(row, 0, cell(qs(reviewer.reviewer)));
    progress_->setItem(row, 1, cell(QString::number(reviewer_done), true));
    progress_->setItem(row, 2, cell(QString::number(reviewer.total), true));
  }
  progress_bar_->setRange(0, std::max(assigned, 1));
  progress_bar_->setValue(done);
  show_progress_texts();
  update_buttons();
}

void LeadServerDialog::clear_progress(Text why) {
  progress_problem_ = std::move(why);
  progress_->setRowCount(0);
  progress_bar_->setRange(0, 1);
  progress_bar_->setValue(0);
  show_progress_texts();
}

void LeadServerDialog::show_progress_texts() {
  if (progress_problem_) {
    progress_note_->setText(progress_problem_());
  } else if (shown_progress_) {
    const auto& p = *shown_progress_;
    progress_note_->setText((p.status == "closed" ? tr("\"%1\" is closed on the server (published %2).")
                                                  : tr("\"%1\" is open on the server (published %2)."))
                                .arg(qs(p.name), qs(p.published_at)));
  } else {
    progress_note_->setText(login_ ? tr("Reading the progress…") : tr("Connect to see the progress."));
  }
}

}  // namespace medlora::ui
