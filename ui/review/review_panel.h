#pragma once
// The Review panel: sign in to the workspace's review accounts, then
//  - a doctor sees the studies assigned to them (with their progress) and scores one in the
//    ScoringScreen; nothing on these pages names a system under test;
//  - a study lead sees the LeadView (studies, reviewers, progress, report);
//  - an engineer account is told that reviews are for doctors and leads.
// Creating the workspace's first lead account here also makes the sample study for it when the
// sample workspace was set up, and the lead view opens on it with a note saying what comes next.
// A header shows who is signed in with Sign in / Sign out (Ctrl+L). Signing out, switching the
// workspace or closing the program saves the answer on screen as a draft first.
//
// A doctor can instead "Connect to a review server…" (signed-out page, Ctrl+Shift+L): the same
// studies page lists their studies there and the same ScoringScreen scores one on a
// review_server::ServerReviewQueue, with a ServerQueueWatch retrying while offline.
#include <QPointer>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/store/reviewer_accounts.h"
#include "ui/review/server_connect_dialog.h"
#include "ui/shell/panel.h"

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class LeadView;
class LoginDialog;
class ScoringScreen;

class ReviewPanel : public Panel {
  Q_OBJECT

 public:
  enum class Page { SignedOut, Studies, Scoring, Lead, Engineer };

  // Opens `workspace_file` (creating it when new); a file that cannot be opened leaves the panel
  // showing why.
  explicit ReviewPanel(const QString& workspace_file, QWidget* parent = nullptr);
  ~ReviewPanel() override;

  QString panel_title() const override;
  QIcon panel_icon() const override;

  const std::optional<store::ReviewerAccount>& account() const { return account_; }
  Page page() const;
  const QString& workspace_file() const { return workspace_file_; }

  // The sign-in dialog while it is open (window-modal, deleted when closed), else nullptr.
  // (Defined out of line: QPointer needs the complete types, which this header does not include.)
  LoginDialog* login_dialog() const;
  ScoringScreen* scoring_screen() const;
  LeadView* lead_view() const;
  QTreeWidget* studies_list() const { return studies_; }
  QLabel* user_label() const { return user_; }
  QLabel* problem_label() const { return problem_; }
  QPushButton* sign_button() const { return sign_button_; }
  QPushButton* big_sign_in_button() const { return big_sign_in_; }
  QLabel* signed_out_note() const { return signed_out_note_; }
  // Above the lead view after the first lead account made the sample study: what to do next.
  QLabel* sample_study_note() const { return sample_study_note_; }
  QAction* sign_action() const { return sign_action_; }
  QAction* connect_server_action() const { return connect_server_action_; }
  QPushButton* connect_server_button() const { return connect_server_; }
  // The "Connect to a review server" dialog while it is open, else nullptr.
  ServerConnectDialog* server_dialog() const;
  // The review server a doctor is connected to (nullopt when working in the workspace).
  const std::optional<ServerLogin>& server_login() const { return server_; }

  // PBKDF2 iterations for a first lead account created from this panel (tests use fewer).
  void set_pbkdf2_iterations(int iterations) { iterations_ = iterations; }

 public slots:
  // Switches to another workspace file (signing out first); false (and shown) when it cannot be
  // opened.
  bool open_workspace(const QString& file);
  // Opens the sign-in dialog (or the "first lead account" dialog on a workspace without accounts).
  void sign_in();
  // Saves the answer on screen as a draft and forgets the account.
  void sign_out();
  // Ctrl+L: sign in when signed out, sign out otherwise.
  void toggle_sign_in();
  // Adopts an account (what the sign-in dialog does on success).
  void adopt(const store::ReviewerAccount& account);
  // Doctor: opens a study of their list in the scoring screen; false (and shown) on failure.
  bool open_study(int64_t study_id);
  // Doctor: back from the scoring screen to the list of studies (saving the answer on screen).
  void back_to_studies();
  void refresh_studies();
  // Opens the review-server dialog (window-modal); on success the server's studies are listed.
  void connect_to_server();
  // Adopts a server sign-in (what the dialog does on success): the doctor's studies there.
  void adopt_server(const ServerLogin& login);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void build();
  void retranslate();
  void close_views();
  void show_problem(const QString& message);
  void update_header();
  // The signed-out page: sign in, or, on a workspace without any account, create the first lead.
  void update_signed_out_texts();
  // After the first lead account was created: the sample study for it, when the workspace has the
  // sample dataset (pipeline::set_up_sample_study). Returns the study's id, 0 when none was made
  // (and why in `problem` when it failed).
  int64_t set_up_sample_study(const store::ReviewerAccount& lead, QString* problem);
  // The server side (review_panel_server.cpp).
  void fill_studies(const std::vector<store::ReviewerStudy>& studies);
  // A scoring screen on the server queue of `study_name`, with its watch (throws as the queue does).
  ScoringScreen* server_screen(const QString& study_name);
  void refresh_server_studies();
  void retranslate_server();

  QString workspace_file_;
  std::unique_ptr<store::Workspace> workspace_;
  std::optional<store::ReviewerAccount> account_;
  int iterations_;
  int64_t study_id_ = 0;
  QString study_name_;

  QLabel* user_;
  QPushButton* sign_button_;
  QAction* sign_action_;
  QLabel* problem_;
  QStackedWidget* pages_;
  QLabel* signed_out_note_;
  QPushButton* big_sign_in_;
  QLabel* studies_title_;
  QTreeWidget* studies_;
  QLabel* no_studies_;
  QPushButton* open_study_;
  QPushButton* back_;
  QLabel* study_title_;
  QWidget* scoring_page_;
  QWidget* lead_page_;
  QLabel* engineer_note_;
  QLabel* sample_study_note_;
  QPointer<ScoringScreen> screen_;
  QPointer<LeadView> lead_view_;
  QPointer<LoginDialog> login_;
  std::optional<ServerLogin> server_;
  QAction* connect_server_action_;
  QPushButton* connect_server_;
  QPointer<ServerConnectDialog> server_dialog_;
};

}  // namespace medlora::ui
