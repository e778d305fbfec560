#pragma once
// The turns of a conversation record, each a role (system, user, assistant) and its text, with
// a button to add a turn and one per turn to remove it. Only edits the list: the record editor
// shows it instead of the instruction/input/output boxes for a conversation record, and the
// panel saves through the same path (and history) as any other edit.
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidget>

#include <vector>

#include "core/tokenizer/chat_message.h"

namespace medlora::ui {

class TurnListEditor : public QWidget {
  Q_OBJECT

 public:
  explicit TurnListEditor(QWidget* parent = nullptr);

  // Shows `turns` (replacing what was shown) without emitting edited().
  void set_conversation(const tokenizer::Conversation& turns);
  tokenizer::Conversation conversation() const;

  int turn_count() const { return static_cast<int>(rows_.size()); }
  QComboBox* role_combo(int turn) const { return rows_.at(static_cast<size_t>(turn)).role; }
  QPlainTextEdit* content_edit(int turn) const { return rows_.at(static_cast<size_t>(turn)).content; }
  QToolButton* remove_button(int turn) const { return rows_.at(static_cast<size_t>(turn)).remove; }
  QPushButton* add_button() const { return add_; }

  // Appends a turn: the role that usually comes next (user after assistant or system, else assistant).
  void add_turn();
  void remove_turn(int turn);

 Q_SIGNALS:
  void edited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Row {
    QWidget* box = nullptr;
    QComboBox* role = nullptr;
    QPlainTextEdit* content = nullptr;
    QToolButton* remove = nullptr;
  };
  void append_row(const tokenizer::ChatMessage& turn);
  void retranslate();

  std::vector<Row> rows_;
  QVBoxLayout* rows_layout_;
  QPushButton* add_;
};

}  // namespace medlora::ui
