#pragma once
// The Chat panel: try models before a formal review. Three tabs share one model picker and one
// set of generation settings:
//  - Chat: a multi-turn conversation; the answer streams token by token from the worker
//    thread (tokens/s in the status), Stop (Esc) at any time, Copy / Regenerate per answer;
//    every message is saved in the workspace as it completes (store::ChatTranscripts) with what
//    the answer view shows (adapter and route, passages, safety flags), and saved chats reopen;
//  - Side by side: one question and seed through 2-4 configurations, in columns;
//  - Test sets: questions x configurations in batch, stored, resumable, exported or sent to
//    a review study.
// Routing rules, safety rules and the knowledge base are edited in their dialogs.
// Generation runs on a ChatWorker on its own QThread; the GUI thread never waits for it.
#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QThread>

#include <memory>
#include <optional>
#include <vector>

#include "core/chat/adapter_router.h"
#include "core/chat/safety_filter.h"
#include "ui/chat/chat_job.h"
#include "ui/settings/workbench_settings.h"
#include "ui/shell/panel.h"

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class ChatWorker;
class ConfigurationPicker;
class ConversationView;
class EmptyState;
class GenerationSettingsForm;
class SideBySideView;
class TestSetPage;
class TranscriptList;

class ChatPanel : public Panel {
  Q_OBJECT

 public:
  enum class JobKind { None, Chat, SideBySide, TestSet };

  // Opens `workspace_file` (an empty name or a file that cannot be opened leaves the panel
  // saying why). Reads the user's routing and safety rules (ui/chat/chat_rules_files.h).
  explicit ChatPanel(const QString& workspace_file, QWidget* parent = nullptr);
  ~ChatPanel() override;

  QString panel_title() const override;
  QIcon panel_icon() const override;

  bool busy() const { return running_kind_ != JobKind::None; }
  JobKind running_kind() const { return running_kind_; }
  qint64 current_chat_id() const { return chat_id_; }
  store::Workspace* workspace() const { return workspace_.get(); }
  const chat::RoutingRules& routing_rules() const { return routing_rules_; }
  const chat::SafetyRules& safety_rules() const { return safety_rules_; }

  QTabWidget* tabs() const { return tabs_; }
  ConfigurationPicker* picker() const { return picker_; }
  GenerationSettingsForm* settings_form() const { return form_; }
  ConversationView* conversation() const { return conversation_; }
  // Shown above the conversation while no model is offered, with Add model folder.
  EmptyState* no_model_state() const { return no_model_; }
  SideBySideView* side_by_side_view() const { return side_by_side_; }
  TestSetPage* test_set_page() const { return test_page_; }
  TranscriptList* transcripts() const { return transcripts_; }
  QPlainTextEdit* question_edit() const { return question_; }
  QPushButton* send_button() const { return send_; }
  QPushButton* stop_button() const { return stop_; }
  QLabel* status_label() const { return status_; }
  QCheckBox* safety_check() const { return safety_on_; }
  ChatWorker* worker() const { return worker_; }

 public slots:
  // Switches to another workspace file; false (and the reason shown) when it cannot be opened.
  bool open_workspace(const QString& file);
  // The models folder whose models are offered (besides the workspace's registered ones).
  void set_models_dir(const QString& dir);
  // Compute settings (device, dtype, threads), the models folder and the added model folders.
  void configure(const WorkbenchSettings& settings);
  // Re-reads the offered models and adapters (workspace registry, models folder).
  void refresh_models();

  // Chat tab: asks the question box's text (Ctrl+Enter); false when nothing was started.
  bool send();
  bool ask(const QString& question);
  // Asks the question of the answer at conversation entry `entry` again (later entries go).
  bool regenerate(int entry);
  // Stops the running generation or test set (Esc).
  void stop();
  void new_chat();
  bool open_chat(qint64 chat_id);
  // Side by side: the question through the picker's compared configurations.
  bool compare(const QString& question);
  // Test sets: starts or resumes a run (the page's Run / Resume).
  bool run_test_set(TestSetJob job, bool use_compared_configurations);

  void set_routing_rules(const chat::RoutingRules& rules) { routing_rules_ = rules; }
  void set_safety_rules(const chat::SafetyRules& rules) { safety_rules_ = rules; }
  void edit_routing_rules();
  void edit_safety_rules();
  void open_knowledge_base();

  // Before the window closes: stops a running generation and ends the worker thread. Always
  // true (nothing to ask: answers so far are saved, a test set resumes later).
  bool prepare_to_close();

 signals:
  void busy_changed(bool busy);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Turn {
    QString role;     // "user" or "assistant"
    QString text;
    qint64 seq = -1;  // in the stored chat; -1 = not stored (a failed answer)
  };

  void build_layout();
  void connect_worker();
  void retranslate();
  void set_status(const QString& text);
  void set_running(JobKind kind, qint64 job_id);
  void update_buttons();
  std::optional<JobContext> make_context(QString* error);
  void show_problem(const QString& title, const QString& problem);
  std::vector<std::pair<std::string, std::string>> history_before(int entry) const;
  bool start_chat_answer(int question_entry, const ChatConfiguration& configuration);
  void store_answer(const ChatAnswer& answer);
  qint64 ensure_chat(const QString& question, const ChatConfiguration& configuration);
  void on_reply(const ChatAnswer& answer);
  void on_job_finished(qint64 job_id, bool cancelled);
  void on_failed(qint64 job_id, const QString& message);

  QString workspace_file_;
  std::unique_ptr<store::Workspace> workspace_;
  WorkbenchSettings settings_;
  chat::RoutingRules routing_rules_;
  chat::SafetyRules safety_rules_;

  QThread worker_thread_;
  ChatWorker* worker_;
  qint64 next_job_id_ = 0;
  qint64 running_job_ = 0;
  JobKind running_kind_ = JobKind::None;
  QString failure_;  // the running job's failure, if any

  qint64 chat_id_ = 0;
  qint64 next_seq_ = 0;
  std::vector<Turn> turns_;  // parallel to the conversation view's entries

  TranscriptList* transcripts_;
  QTabWidget* tabs_;
  ConversationView* conversation_;
  EmptyState* no_model_;
  QPlainTextEdit* question_;
  QPushButton* send_;
  QPushButton* stop_;
  QLabel* status_;
  SideBySideView* side_by_side_;
  TestSetPage* test_page_;
  ConfigurationPicker* picker_;
  GenerationSettingsForm* form_;
  QCheckBox* safety_on_;
  QPushButton* routing_button_;
  QPushButton* safety_button_;
  QPushButton* knowledge_button_;
  QLabel* workspace_problem_;
};

}  // namespace medlora::ui
