#pragma once
// One assistant answer of the conversation: its text (streaming while it is generated), then
// speed and how it ended, which adapter answered and why, the knowledge-base passages it was
// grounded on ([1]..[k], each expandable to its text), the safety flags (highlighted, with the
// rule's description), the emergency notice and the disclaimer. Flags are shown beside the
// answer; the answer itself is never rewritten. Copy and Regenerate act on this answer;
// "Prompt and tokens" opens the prompt it was generated from (PromptDialog) — answers reopened
// from a transcript have none (transcripts do not store prompts), and the button says so.
#include <QFrame>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/chat/answer_metadata.h"
#include "ui/chat/chat_job.h"
#include "ui/chat/prompt_dialog.h"

namespace medlora::ui {

class AnswerView : public QFrame {
  Q_OBJECT

 public:
  explicit AnswerView(const QString& configuration_label, QWidget* parent = nullptr);

  // While streaming: more text.
  void append(const QString& piece);
  // The final state (also used for answers reopened from a transcript). `status`: "done",
  // "stopped" or "error". `prompt`: what the model was given (empty for reopened answers).
  void finish(const QString& text, const chat::AnswerMetadata& metadata, const QString& status,
              const AnswerPrompt& prompt = {});
  void fail(const QString& message);

  QString text() const { return text_; }
  const chat::AnswerMetadata& metadata() const { return metadata_; }
  bool streaming() const { return streaming_; }
  QString status() const { return status_; }
  const AnswerPrompt& prompt() const { return prompt_; }
  void set_regenerate_enabled(bool enabled) { regenerate_->setEnabled(enabled && !streaming_); }

  QLabel* text_label() const { return body_; }
  QLabel* info_label() const { return info_; }
  QLabel* flags_label() const { return flags_; }
  QLabel* notice_label() const { return notice_; }
  QLabel* disclaimer_label() const { return disclaimer_; }
  // One checkable button per passage ("[1] title"); checking it shows the passage's text.
  QList<QToolButton*> passage_buttons() const { return passage_buttons_; }
  QList<QLabel*> passage_texts() const { return passage_texts_; }
  QPushButton* copy_button() const { return copy_; }
  QPushButton* regenerate_button() const { return regenerate_; }
  QPushButton* prompt_button() const { return prompt_button_; }
  // The open prompt window, or null.
  PromptDialog* prompt_dialog() const { return prompt_dialog_; }

 public slots:
  // Opens (or raises) the prompt window; does nothing without a prompt.
  void show_prompt();

  // Translated names for safety flags and finish reasons (also used by side by side).
  static QString flag_kind_text(chat::SafetyFlagKind kind);
  static QString finish_text(const std::string& finish_reason);
  // "<b>Dangerous advice</b> (rule): description — “matched”" lines, HTML-escaped.
  static QString flags_html(const chat::SafetyReport& report);

 signals:
  void regenerate_requested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void show_metadata();
  void clear_passages();
  void update_prompt_button();

  QString label_;
  QString text_;
  QString status_;
  bool streaming_ = true;
  chat::AnswerMetadata metadata_;
  AnswerPrompt prompt_;
  QLabel* header_;
  QLabel* body_;
  QLabel* info_;
  QLabel* flags_;
  QLabel* notice_;
  QLabel* disclaimer_;
  QWidget* passages_box_;
  QVBoxLayout* passages_layout_;
  QLabel* passages_heading_;
  QList<QToolButton*> passage_buttons_;
  QList<QLabel*> passage_texts_;
  QPushButton* copy_;
  QPushButton* regenerate_;
  QPushButton* prompt_button_;
  QPointer<PromptDialog> prompt_dialog_;
};

}  // namespace medlora::ui
