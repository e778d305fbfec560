#include "ui/review/review_panel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <stdexcept>

#include "core/pipeline/sample_workspace.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"
#include "ui/review/lead_view.h"
#include "ui/review/login_dialog.h"
#include "ui/review/scoring_screen.h"

namespace medlora::ui {
namespace {

constexpr int kStudyIdRole = Qt::UserRole + 1;

}  // namespace

ReviewPanel::ReviewPanel(const QString& workspace_file, QWidget* parent)
    : Panel(parent), iterations_(store::ReviewerAccounts::kPbkdf2Iterations) {
  setObjectName("reviewPanel");
  build();
  retranslate();
  open_workspace(workspace_file);
}

ReviewPanel::~ReviewPanel() {
  // The views use the workspace file and the account: save and drop them while both exist.
  close_views();
}

LoginDialog* ReviewPanel::login_dialog() const { return login_; }
ScoringScreen* ReviewPanel::scoring_screen() const { return screen_; }
LeadView* ReviewPanel::lead_view() const { return lead_view_; }

QString ReviewPanel::panel_title() const { return tr("Review"); }

QIcon ReviewPanel::panel_icon() const {
  return QIcon::fromTheme("document-edit", style()->standardIcon(QStyle::SP_DialogApplyButton));
}

void ReviewPanel::build() {
  user_ = new QLabel(this);
  user_->setObjectName("reviewUser");
  sign_button_ = new QPushButton(this);
  connect(sign_button_, &QPushButton::clicked, this, &ReviewPanel::toggle_sign_in);
  sign_action_ = new QAction(this);
  sign_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  // Panel-wide, but not while another panel is shown.
  sign_action_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(sign_action_, &QAction::triggered, this, &ReviewPanel::toggle_sign_in);
  addAction(sign_action_);
  auto* header = new QHBoxLayout;
  header->addWidget(user_, 1);
  header->addWidget(sign_button_);

  problem_ = new QLabel(this);
  problem_->setWordWrap(true);
  problem_->setStyleSheet("color: #b3261e;");
  problem_->hide();

  pages_ = new QStackedWidget(this);

  auto* signed_out = new QWidget(pages_);
  auto* signed_out_layout = new QVBoxLayout(signed_out);
  signed_out_note_ = new QLabel(signed_out);
  signed_out_note_->setWordWrap(true);
  big_sign_in_ = new QPushButton(signed_out);
  connect(big_sign_in_, &QPushButton::clicked, this, &ReviewPanel::sign_in);
  signed_out_layout->addWidget(signed_out_note_);
  signed_out_layout->addWidget(big_sign_in_, 0, Qt::AlignLeft);
  connect_server_ = new QPushButton(signed_out);
  connect_server_->setObjectName("connectServerButton");
  connect(connect_server_, &QPushButton::clicked, this, &ReviewPanel::connect_to_server);
  signed_out_layout->addWidget(connect_server_, 0, Qt::AlignLeft);
  connect_server_action_ = new QAction(this);
  connect_server_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
  connect_server_action_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(connect_server_action_, &QAction::triggered, this, &ReviewPanel::connect_to_server);
  addAction(connect_server_action_);
  signed_out_layout->addStretch(1);
  pages_->addWidget(signed_out);

  auto* studies_page = new QWidget(pages_);
  auto* studies_layout = new QVBoxLayout(studies_page);
  studies_title_ = new QLabel(studies_page);
  studies_ = new QTreeWidget(studies_page);
  studies_->setObjectName("reviewStudies");
  studies_->setRootIsDecorated(false);
  studies_->setUniformRowHeights(true);
  studies_->setColumnCount(3);
  studies_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  connect(studies_, &QTreeWidget::itemActivated, this,
          [this](QTreeWidgetItem* item) { open_study(item->data(0, kStudyIdRole).toLongLong()); });
  no_studies_ = new QLabel(studies_page);
  no_studies_->setWordWrap(true);
  open_study_ = new QPushButton(studies_page);
  connect(open_study_, &QPushButton::clicked, this, [this] {
    if (auto* item = studies_->currentItem()) open_study(item->data(0, kStudyIdRole).toLongLong());
  });
  studies_layout->addWidget(studies_title_);
  studies_layout->addWidget(studies_, 1);
  studies_layout->addWidget(no_studies_);
  studies_layout->addWidget(open_study_, 0, Qt::AlignLeft);
  pages_->addWidget(studies_page);

  scoring_page_ = new QWidget(pages_);
  auto* scoring_layout = new QVBoxLayout(scoring_page_);
  scoring_layout->setContentsMargins(0, 0, 0, 0);
  auto* scoring_header = new QHBoxLayout;
  back_ = new QPushButton(scoring_page_);
  connect(back_, &QPushButton::clicked, this, &ReviewPanel::back_to_studies);
  study_title_ = new QLabel(scoring_page_);
  QFont bold = study_title_->font();
  bold.setBold(true);
  study_title_->setFont(bold);
  scoring_header->addWidget(back_);
  scoring_header->addWidget(study_title_, 1);
  scoring_layout->addLayout(scoring_header);
  pages_->addWidget(scoring_page_);

  lead_page_ = new QWidget(pages_);
  auto* lead_layout = new QVBoxLayout(lead_page_);
  lead_layout->setContentsMargins(0, 0, 0, 0);
  sample_study_note_ = new QLabel(lead_page_);
  sample_study_note_->setObjectName("sampleStudyNote");
  sample_study_note_->setWordWrap(true);
  sample_study_note_->setFrameShape(QFrame::StyledPanel);
  sample_study_note_->setMargin(6);
  sample_study_note_->hide();
  lead_layout->addWidget(sample_study_note_);
  pages_->addWidget(lead_page_);

  auto* engineer_page = new QWidget(pages_);
  auto* engineer_layout = new QVBoxLayout(engineer_page);
  engineer_note_ = new QLabel(engineer_page);
  engineer_note_->setObjectName("engineerNote");
  engineer_note_->setWordWrap(true);
  engineer_layout->addWidget(engineer_note_);
  engineer_layout->addStretch(1);
  pages_->addWidget(engineer_page);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(header);
  layout->addWidget(problem_);
  layout->addWidget(pages_, 1);
}

void ReviewPanel::retranslate() {
  sign_action_->setText(tr("Sign in / Sign out"));
  sign_button_->setToolTip(tr("Sign in or out of your review account (Ctrl+L)."));
  studies_title_->setText(tr("Your studies"));
  studies_->setHeaderLabels({tr("Study"), tr("Status"), tr("Your progress")});
  no_studies_->setText(tr("No study is assigned to you yet. The study lead assigns answers to score."));
  open_study_->setText(tr("&Open study"));
  back_->setText(tr("&Back to my studies"));
  back_->setToolTip(tr("The answer on screen is kept as a draft."));
  engineer_note_->setText(
      tr("Reviews are for doctors and study leads. An engineer account has no answers to score and no studies "
         "to lead; ask the study lead for a doctor or lead account if you take part in a review."));
  sample_study_note_->setText(
      tr("The sample study \"%1\" was made for you from the sample dataset: %2 questions, each answered by two "
         "systems shown as codes. To score it, add a doctor account (Accounts…), assign the study to that doctor "
         "(Assign…), then sign in as the doctor. Once it is scored, close it and read the report.")
          .arg(QString::fromUtf8(pipeline::kSampleStudyName))
          .arg(pipeline::kSampleStudyQuestions));
  retranslate_server();
  update_header();
  if (page() == Page::Studies) refresh_studies();
}

void ReviewPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  Panel::changeEvent(event);
}

ReviewPanel::Page ReviewPanel::page() const { return static_cast<Page>(pages_->currentIndex()); }

void ReviewPanel::show_problem(const QString& message) {
  problem_->setText(message);
  problem_->setVisible(!message.isEmpty());
}

void ReviewPanel::update_signed_out_texts() {
  bool no_account = false;
  if (workspace_) {
    try {
      no_account = store::ReviewerAccounts(*workspace_).empty();
    } catch (const std::exception&) {
      no_account = false;  // the sign-in dialog says what is wrong
    }
  }
  if (no_account) {
    signed_out_note_->setText(
        tr("This workspace has no review account yet. Create the first account, a study lead: the lead then adds "
           "the doctors (Accounts…), builds a review study from a test-set run or a dataset and assigns it."));
    big_sign_in_->setText(tr("&Create the first lead account…"));
  } else {
    signed_out_note_->setText(
        tr("Sign in with your review account: doctors score the answers of their studies; the study lead sets up "
           "studies and reads the report."));
    big_sign_in_->setText(tr("&Sign in…"));
  }
}

void ReviewPanel::update_header() {
  if (server_)
    user_->setText(tr("Connected to the review server %1").arg(QString::fromStdString(server_->address.label())));
  else if (account_)
    user_->setText(tr("Signed in as %1 (%2)")
                       .arg(QString::fromStdString(account_->name()), role_display_name(account_->role())));
  else
    user_->setText(tr("Not signed in"));
  sign_button_->setText(server_ ? tr("Disc&onnect") : account_ ? tr("Sign &out") : tr("Sign &in"));
  sign_button_->setEnabled(workspace_ != nullptr);
  big_sign_in_->setEnabled(workspace_ != nullptr);
  update_signed_out_texts();
}

void ReviewPanel::close_views() {
  if (login_) login_->reject();
  if (server_dialog_) server_dialog_->reject();
  sample_study_note_->hide();
  if (screen_) {
    screen_->leave();
    delete screen_;
  }
  if (lead_view_) delete lead_view_;
  study_id_ = 0;
}

bool ReviewPanel::open_workspace(const QString& file) {
  sign_out();
  workspace_.reset();
  workspace_file_ = file;
  if (file.isEmpty()) {
    show_problem(tr("No workspace is open. Open one with File > Open workspace."));
    update_header();
    return false;
  }
  try {
    workspace_ = std::make_unique<store::Workspace>(file.toStdString());
  } catch (const std::exception& e) {
    show_problem(tr("The workspace %1 cannot be opened: %2").arg(file, QString::fromUtf8(e.what())));
    update_header();
    return false;
  }
  show_problem({});
  update_header();
  return true;
}

void ReviewPanel::toggle_sign_in() {
  if (account_ || server_)
    sign_out();
  else
    sign_in();
}

void ReviewPanel::sign_in() {
  if (!workspace_ || login_) return;
  login_ = new LoginDialog(*workspace_, this, {}, iterations_);
  login_->setAttribute(Qt::WA_DeleteOnClose);
  connect(login_, &QDialog::accepted, this, [this] {
    if (!login_ || !login_->account()) return;
    const store::ReviewerAccount account = *login_->account();
    // Made before the lead view opens, so that the view lists it.
    QString problem;
    const int64_t sample_study = login_->created_first_lead() ? set_up_sample_study(account, &problem) : 0;
    adopt(account);
    show_problem(problem);
    if (sample_study != 0 && lead_view_) {
      sample_study_note_->show();
      lead_view_->select_study(sample_study);
    }
  });
  login_->open();
}

int64_t ReviewPanel::set_up_sample_study(const store::ReviewerAccount& lead, QString* problem) {
  try {
    const auto report = pipeline::set_up_sample_study(*workspace_, lead);
    return report.study_step == "created" ? report.study_id : 0;
  } catch (const std::exception& e) {
    *problem = tr("The sample study cannot be made: %1").arg(QString::fromUtf8(e.what()));
    return 0;
  }
}

void ReviewPanel::sign_out() {
  const bool was_signed_in = account_.has_value() || server_.has_value();
  close_views();
  account_.reset();
  server_.reset();
  pages_->setCurrentIndex(static_cast<int>(Page::SignedOut));
  update_header();
  // Keeps the focus inside the panel, so that Ctrl+L signs in again at once.
  if (isVisible()) big_sign_in_->setFocus();
  if (was_signed_in) emit status_message(tr("Signed out."));
}

void ReviewPanel::adopt(const store::ReviewerAccount& account) {
  close_views();
  account_ = account;
  update_header();
  show_problem({});
  const std::string& role = account.role();
  if (role == "doctor") {
    refresh_studies();
    pages_->setCurrentIndex(static_cast<int>(Page::Studies));
    studies_->setFocus();
  } else if (role == "lead") {
    try {
      lead_view_ = new LeadView(workspace_file_, account, lead_page_);
      connect(lead_view_, &LeadView::status_message, this, &Panel::status_message);
      lead_page_->layout()->addWidget(lead_view_);
    } catch (const std::exception& e) {
      show_problem(tr("The study lead's view cannot be shown: %1").arg(QString::fromUtf8(e.what())));
    }
    pages_->setCurrentIndex(static_cast<int>(Page::Lead));
    if (lead_view_) lead_view_->setFocus();
  } else {
    pages_->setCurrentIndex(static_cast<int>(Page::Engineer));
    sign_button_->setFocus();
  }
  emit status_message(tr("Signed in as %1.").arg(QString::fromStdString(account.name())));
}

void ReviewPanel::refresh_studies() {
  if (server_) {
    refresh_server_studies();
    return;
  }
  studies_->clear();
  if (!workspace_ || !account_) return;
  std::vector<store::ReviewerStudy> studies;
  try {
    studies = store::ReviewerQueue::studies_of(*workspace_, *account_);
  } catch (const std::exception& e) {
    show_problem(tr("Your studies cannot be listed: %1").arg(QString::fromUtf8(e.what())));
  }
  fill_studies(studies);
}

void ReviewPanel::fill_studies(const std::vector<store::ReviewerStudy>& studies) {
  studies_->clear();
  for (const store::ReviewerStudy& study : studies) {
    auto* item = new QTreeWidgetItem(studies_);
    item->setText(0, QString::fromStdString(study.name));
    item->setData(0, kStudyIdRole, qint64(study.id));
    item->setText(1, study.open ? tr("open") : tr("closed"));
    item->setText(2, tr("%1 of %2 done").arg(study.done).arg(study.total));
  }
  if (studies_->topLevelItemCount() > 0) studies_->setCurrentItem(studies_->topLevelItem(0));
  no_studies_->setVisible(studies.empty());
  open_study_->setEnabled(!studies.empty());
}

bool ReviewPanel::open_study(int64_t study_id) {
  if (!server_ && (!account_ || account_->role() != "doctor")) return false;
  QString name;
  for (int i = 0; i < studies_->topLevelItemCount(); ++i)
    if (studies_->topLevelItem(i)->data(0, kStudyIdRole).toLongLong() == study_id)
      name = studies_->topLevelItem(i)->text(0);
  close_views();
  try {
    // A server study is known there by its name, as it was published.
    screen_ = server_ ? server_screen(name) : new ScoringScreen(workspace_file_, *account_, study_id, scoring_page_);
  } catch (const std::exception& e) {
    show_problem(tr("The study cannot be opened: %1").arg(QString::fromUtf8(e.what()).simplified()));
    return false;
  }
  study_id_ = study_id;
  study_name_ = name;
  study_title_->setText(study_name_);
  connect(screen_, &ScoringScreen::status_message, this, &Panel::status_message);
  scoring_page_->layout()->addWidget(screen_);
  show_problem({});
  pages_->setCurrentIndex(static_cast<int>(Page::Scoring));
  return true;
}

void ReviewPanel::back_to_studies() {
  if ((!account_ && !server_) || page() != Page::Scoring) return;
  close_views();
  refresh_studies();
  pages_->setCurrentIndex(static_cast<int>(Page::Studies));
  studies_->setFocus();
}

}  // namespace medlora::ui
