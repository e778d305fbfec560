#pragma once
// The multi-turn transcript of the Chat tab: questions and answers in order, the answer being
// generated streaming at the bottom. Streamed pieces are gathered and shown every few tens of
// milliseconds, so a fast model never floods the GUI thread with relayouts.
#include <QLabel>
#include <QList>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/chat/answer_view.h"
#include "ui/chat/chat_job.h"

namespace medlora::ui {

class ConversationView : public QScrollArea {
  Q_OBJECT

 public:
  explicit ConversationView(QWidget* parent = nullptr);

  void clear();
  // Entries are questions (QLabel) and answers (AnswerView), in order; returns the new index.
  int add_question(const QString& text);
  // A finished answer (reopened transcripts).
  int add_answer(const QString& label, const QString& text, const chat::AnswerMetadata& metadata,
                 const QString& status);
  // The answer being generated: pieces go to it until finish_streaming() or fail_streaming().
  int begin_answer(const QString& label);
  void append_piece(const QString& piece);
  void finish_streaming(const ChatAnswer& answer);
  void fail_streaming(const QString& message);
  // Drops entries from `entry` on (regenerate).
  void remove_from(int entry);
  // Enables Regenerate on finished answers unless busy.
  void set_busy(bool busy);

  int entry_count() const { return entries_.size(); }
  QWidget* entry(int index) const { return entries_.value(index); }
  QList<AnswerView*> answers() const;
  AnswerView* streaming_answer() const { return streaming_; }
  int entry_of(const QWidget* widget) const { return entries_.indexOf(const_cast<QWidget*>(widget)); }

 signals:
  // Regenerate was clicked on the answer at `entry`.
  void regenerate_requested(int entry);

 private:
  void add_entry(QWidget* widget);
  void flush();
  void scroll_to_bottom_soon();

  QWidget* canvas_;
  QVBoxLayout* layout_;
  QList<QWidget*> entries_;
  AnswerView* streaming_ = nullptr;
  QString pending_;  // streamed text not shown yet
  QTimer flush_timer_;
  bool busy_ = false;
};

}  // namespace medlora::ui
