#pragma once
// "Review server…" in the study lead's view: the lead's side of a review server.
//   - Connect… signs in through the ServerConnectDialog (lead purpose: the PostgreSQL account
//     that owns the server's database);
//   - Set up server (init, once), Add reviewer… (ServerReviewerDialog);
//   - for the study picked from the workspace's studies: Publish, Close on the server, Pull scores
//     (what came back, or that nothing new did), and its progress per reviewer (done / assigned,
//     with a bar), read again every few seconds while the dialog is shown.
// Every server call runs on a thread of its own with a connection of its own (ui/shell/off_thread_job.h);
// while an action runs its buttons are disabled, and its outcome or error is shown in one line.
// The progress poll runs beside the actions and disables nothing.
#include <QDialog>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/review_server/study_publisher.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "ui/review/server_connect_dialog.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class ServerReviewerDialog;

class LeadServerDialog : public QDialog {
  Q_OBJECT

 public:
  static constexpr int kProgressIntervalMs = 3000;

  // `study_id`: the workspace study to pick first (0: the first one).
  LeadServerDialog(const QString& workspace_file, const store::ReviewerAccount& lead, int64_t study_id = 0,
                   QWidget* parent = nullptr);
  ~LeadServerDialog() override;

  // How the dialog asks the lead (Close): a message box by default; tests may replace it.
  void set_confirm(std::function<bool(const QString& title, const QString& question)> confirm) {
    confirm_ = std::move(confirm);
  }

  // Opens the connect dialog (window-modal); its sign-in is adopted when it succeeds.
  ServerConnectDialog* open_connect_dialog();
  ServerConnectDialog* connect_dialog() const { return connect_dialog_; }
  void adopt_login(const ServerLogin& login);
  const std::optional<ServerLogin>& login() const { return login_; }

  // The actions; each starts a job and returns true, or returns false when it cannot start now
  // (not connected, no study picked, another action running, the lead declined).
  bool set_up_server();
  ServerReviewerDialog* open_add_reviewer_dialog();
  bool publish_study();
  bool close_study();
  bool pull_scores();
  // Reads the picked study's progress now (off the GUI thread); false when one read is under way.
  bool refresh_progress();

  bool busy() const { return busy_; }
  bool reading_progress() const { return reading_progress_; }
  // The workspace study picked (nullopt when the workspace has none).
  std::optional<store::StudySummary> picked_study() const;
  bool pick_study(int64_t study_id);
  // Re-reads the workspace's studies, keeping the pick.
  void reload_studies();

  QLabel* connection_label() const { return connection_; }
  QPushButton* connect_button() const { return connect_; }
  QPushButton* set_up_button() const { return set_up_; }
  QPushButton* add_reviewer_button() const { return add_reviewer_; }
  QComboBox* study_combo() const { return study_; }
  QPushButton* publish_button() const { return publish_; }
  QPushButton* close_button() const { return close_; }
  QPushButton* pull_button() const { return pull_; }
  QTableWidget* progress_table() const { return progress_; }
  QProgressBar* progress_bar() const { return progress_bar_; }
  QLabel* progress_label() const { return progress_note_; }
  QLabel* message_label() const { return message_; }
  QTimer* progress_timer() const { return timer_; }

 signals:
  // After an action's job ended, done or failed (message_label() says which).
  void action_finished();
  // After each progress read, shown or failed.
  void progress_read();
  // Scores came into the workspace's study `study_id` (the lead view re-reads it).
  void scores_pulled(qint64 study_id);
  void status_message(const QString& text);

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  void retranslate();
  void update_connection_text();
  void update_buttons();
  // Texts are kept as functions so that a language change shows them again in the new language.
  using Text = std::function<QString()>;
  void show_message(Text text, bool error);
  void show_progress(const review_server::ServerStudyProgress& progress);
  void clear_progress(Text why);
  void show_progress_texts();
  void update_progress_timer();
  // Another study was picked: its progress is read afresh.
  void study_picked();
  // Runs `job` off the GUI thread with the buttons disabled; `done` turns its result into the line
  // to show, `failure` the error (one line) into the line to show instead.
  template <class Result>
  void run_action(std::function<Result()> job, std::function<Text(const Result&)> done,
                  std::function<Text(const QString& error)> failure);

  QString workspace_file_;
  store::ReviewerAccount lead_;
  std::unique_ptr<store::Workspace> workspace_;  // the GUI thread's, for the list of studies
  std::vector<store::StudySummary> studies_;
  std::function<bool(const QString&, const QString&)> confirm_;
  std::optional<ServerLogin> login_;
  std::optional<review_server::ServerStudyProgress> shown_progress_;
  Text progress_problem_;  // why no progress is shown
  Text message_text_;
  bool message_error_ = false;
  bool busy_ = false;
  bool reading_progress_ = false;
  bool read_progress_again_ = false;  // asked for while a read was under way
  QPointer<ServerConnectDialog> connect_dialog_;
  QPointer<ServerReviewerDialog> reviewer_dialog_;

  QLabel* intro_;
  QLabel* connection_;
  QPushButton* connect_;
  QPushButton* set_up_;
  QPushButton* add_reviewer_;
  QLabel* study_label_;
  QComboBox* study_;
  QPushButton* publish_;
  QPushButton* close_;
  QPushButton* pull_;
  QLabel* progress_title_;
  QTableWidget* progress_;
  QProgressBar* progress_bar_;
  QLabel* progress_note_;
  QLabel* message_;
  QTimer* timer_;
};

}  // namespace medlora::ui
