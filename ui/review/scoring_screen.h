#pragma once
// The doctor's scoring screen for one study: one answer at a time with its question (and nothing
// else about where it came from), four ScoreScales, a harmful-answer flag with severity, a free
// comment, progress "n of N", and Submit / Save draft / Skip… / Previous / Next; a submitted answer
// shows its latest scores read-only with Revise… (a new revision with a reason).
//
// Everything goes through a store::ReviewQueue at once (the workspace's ReviewerQueue, or a review
// server's ServerReviewQueue: the same screen, keyboard and drafts): submit, revise and skip commit when
// pressed; the answer on screen is saved as a draft a moment after each change and whenever the
// screen moves away from it, so a killed program loses at most that answer's last second.
//
// Keyboard: digits 1-5 score the focused axis (or the first unscored one) and move to the next
// axis; Tab moves; Enter (or Ctrl+Enter, also from the comment) submits when all four axes are set
// and opens the next unscored answer; Ctrl+S saves the draft; Alt+Left / Alt+Right go to the
// previous / next answer; Escape cancels a skip or revision being entered.
//
// A server queue can go offline: a write then waits in its outbox, the screen keeps the answer (read-only
// once submitted, Mode::Waiting) and a line says "Offline, will retry" until set_connection_state() says
// the connection is back (ServerQueueWatch polls it), then it moves on.
#include <QString>
#include <QWidget>

#include <array>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/store/review_types.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/review_queue.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class ScoreScale;

class ScoringScreen : public QWidget {
  Q_OBJECT

 public:
  enum class Mode {
    Finished,   // no answer on screen (every answer submitted or skipped)
    Scoring,    // a pending, draft or skipped answer: editable
    Submitted,  // the latest submitted revision, read-only
    Revising,   // a submitted answer being changed: needs a reason
    Skipping,   // asking for the reason to skip
    Closed,     // the study is closed: read-only
    Waiting,    // offline: the submission or skip waits in the outbox; read-only until it is sent
  };

  // A queue and what it reads through (a workspace, a server connection), released after the queue.
  struct OwnedQueue {
    std::shared_ptr<void> source;
    std::unique_ptr<store::ReviewQueue> queue;
  };

  // Opens its own connection to `workspace_file` for `reviewer`'s queue in `study_id` and shows
  // the first unscored answer (or the first answer when all are done). Throws store::StoreError
  // when the file cannot be opened or the account is not one of that workspace's.
  ScoringScreen(const QString& workspace_file, const store::ReviewerAccount& reviewer, int64_t study_id,
                QWidget* parent = nullptr);
  // Any queue, e.g. a review server's; shows the first unscored answer as above.
  explicit ScoringScreen(OwnedQueue queue, QWidget* parent = nullptr);
  ~ScoringScreen() override;  // saves the draft on screen

  // --- navigation (each saves the answer on screen as a draft first when it changed) ---
  bool open_assignment(int64_t assignment_id);
  bool go_next();
  bool go_previous();
  bool go_next_unscored();  // false (and the Finished view) when none is left
  // Saves a changed answer as a draft; true when nothing needed saving or it was saved.
  bool leave();

  // --- actions (false, with the reason shown inline, when refused) ---
  bool submit();       // in Scoring: submit; in Revising: revise; in Skipping: skip
  bool save_draft();
  void begin_skip();
  void begin_revise();
  void cancel_reason();

  Mode mode() const { return mode_; }
  int64_t current_assignment() const { return item_ ? item_->assignment_id : 0; }
  bool dirty() const { return dirty_; }
  store::ScoreEntry entry_on_screen() const;
  store::QueueProgress progress() const;

  // Widgets, for tests and the panel.
  ScoreScale* scale(int axis) const { return scales_.at(static_cast<size_t>(axis)); }
  QTextBrowser* question_view() const { return question_; }
  QTextBrowser* answer_view() const { return answer_; }
  QCheckBox* harmful_box() const { return harmful_; }
  QComboBox* severity_combo() const { return severity_; }
  QPlainTextEdit* comment_edit() const { return comment_; }
  QLineEdit* reason_edit() const { return reason_; }
  QLabel* message_label() const { return message_; }
  QLabel* status_label() const { return status_; }
  QLabel* position_label() const { return position_; }
  QProgressBar* progress_bar() const { return progress_bar_; }
  QPushButton* submit_button() const { return submit_; }
  QPushButton* save_button() const { return save_; }
  QPushButton* skip_button() const { return skip_; }
  QPushButton* revise_button() const { return revise_; }
  QPushButton* previous_button() const { return previous_; }
  QPushButton* next_button() const { return next_; }
  QLabel* connection_label() const { return connection_; }

 public slots:
  // From a server queue's watch: offline shows "Offline, will retry"; back online with nothing
  // unsent, a Waiting screen moves on to the next unscored answer.
  void set_connection_state(bool online, int unsent);

 signals:
  void progress_changed(int done, int total);
  void status_message(const QString& text);

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  // Puts the focus where this mode's keyboard flow starts (the first unscored axis ...).
  void focus_for_mode();
  size_t first_unscored_axis() const;  // 0 when all four are set
  void build();
  void build_shortcuts();
  // Every text of the screen, again: on QEvent::LanguageChange. retranslate_static() sets the
  // texts that do not depend on the answer shown; set_mode_texts() those of the mode.
  void retranslate();
  void retranslate_static();
  void set_mode_texts();
  // The status line is kept as a recipe so that it can be said again in another language.
  void set_status(std::function<QString()> text);
  void show_item(const store::ScreenItem& item);
  void show_finished();
  void show_finished_texts();  // the Done view's texts
  void fill_fields(const store::ScoreEntry& entry);
  void set_mode(Mode mode);
  void update_progress();
  void mark_dirty();
  void show_message(const QString& text, bool error);
  void on_scored(int axis);
  bool check_complete(const store::ScoreEntry& entry);
  bool confirm_skip();
  bool submit_revision();
  bool submit_first();
  bool report_failure(const std::exception& e);
  // True (and the offline line shown) when `e` is a server queue's lost connection.
  bool went_offline(const std::exception& e);
  // After a write the server has not acknowledged: keep the answer on screen until it is sent.
  void hold_until_sent(const QString& what);
  // Opens the next unscored answer after a submit or skip, or holds this one while offline.
  void move_on_after_write();
  void show_connection_texts();
  // The neighbour of the current answer in queue order (+1 / -1), when there is one.
  std::optional<int64_t> neighbour(int step) const;

  std::shared_ptr<void> source_;  // declared first: outlives queue_
  std::unique_ptr<store::ReviewQueue> queue_;
  std::optional<store::ScreenItem> item_;
  Mode mode_ = Mode::Finished;
  bool dirty_ = false;
  bool loading_ = false;
  bool online_ = true;
  int unsent_ = 0;

  QLabel* position_;
  QProgressBar* progress_bar_;
  QTextBrowser* question_;
  QTextBrowser* answer_;
  std::array<ScoreScale*, 4> scales_{};
  QCheckBox* harmful_;
  QComboBox* severity_;
  QPlainTextEdit* comment_;
  QLabel* status_;
  std::function<QString()> status_text_;
  QLabel* question_title_ = nullptr;
  QLabel* answer_title_ = nullptr;
  QLabel* comment_label_ = nullptr;
  QLabel* reason_label_;
  QLineEdit* reason_;
  QLabel* message_;
  QPushButton* submit_;
  QPushButton* save_;
  QPushButton* skip_;
  QPushButton* revise_;
  QPushButton* cancel_;
  QPushButton* previous_;
  QPushButton* next_;
  QLabel* connection_;
  QTimer* autosave_;
};

}  // namespace medlora::ui
