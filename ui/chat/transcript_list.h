#pragma once
// The saved chats of the workspace (store::ChatTranscripts), newest first: choose one to
// reopen it, New chat, Rename (F2) and Delete (asks first).
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QWidget>

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class TranscriptList : public QWidget {
  Q_OBJECT

 public:
  explicit TranscriptList(QWidget* parent = nullptr);

  // The GUI thread's workspace (nullptr: none open).
  void set_workspace(store::Workspace* workspace);
  // Re-reads the list, keeping the chosen chat (no chat_chosen signal).
  void refresh();
  qint64 current_chat() const;
  // Marks a chat as the chosen one without reopening it (a chat just created); 0 = none.
  void mark_current(qint64 chat_id);
  // Chooses and reopens a chat (emits chat_chosen). False when it is not listed.
  bool open_chat(qint64 chat_id);
  // Throw nothing: failures are shown in a message box and return false.
  bool rename_chat(qint64 chat_id, const QString& title);
  bool delete_chat(qint64 chat_id, bool ask = true);

  QListWidget* list() const { return list_; }
  QPushButton* new_button() const { return new_; }
  QPushButton* rename_button() const { return rename_; }
  QPushButton* delete_button() const { return delete_; }

 signals:
  void chat_chosen(qint64 chat_id);
  void new_chat_requested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void rename_with_dialog();
  void update_buttons();

  store::Workspace* workspace_ = nullptr;
  QLabel* heading_;
  QListWidget* list_;
  QPushButton* new_;
  QPushButton* rename_;
  QPushButton* delete_;
};

}  // namespace medlora::ui
