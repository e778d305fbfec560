#pragma once
// Side by side: one question sent with one seed to 2-4 configurations, one column each,
// headed by the configuration's label. Columns fill in turn as each configuration answers;
// under each answer: tokens/s, how it ended, which adapter answered, its safety flags, and a
// button that opens the prompt that configuration was given (PromptDialog).
#include <QGroupBox>
#include <QLabel>
#include <QList>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

#include "ui/chat/chat_job.h"
#include "ui/chat/prompt_dialog.h"

class QHBoxLayout;

namespace medlora::ui {

class SideBySideView : public QWidget {
  Q_OBJECT

 public:
  explicit SideBySideView(QWidget* parent = nullptr);

  // A new comparison: one empty column per label.
  void reset(const QStringList& labels);
  void mark_started(int column);
  void append(int column, const QString& piece);
  void finish(const ChatAnswer& answer);
  // Columns that never got an answer say why (failed or stopped job).
  void finish_all(const QString& message);
  void set_busy(bool busy);

  int column_count() const { return columns_.size(); }
  QString column_label(int column) const;
  QString column_text(int column) const;
  QLabel* column_info(int column) const;
  QLabel* column_flags(int column) const;
  QPushButton* column_prompt_button(int column) const;
  // The column's open prompt window, or null.
  PromptDialog* column_prompt_dialog(int column) const;
  // Opens (or raises) the prompt window of a column that has a prompt.
  void show_prompt(int column);
  QPlainTextEdit* question_edit() const { return question_; }
  QPushButton* compare_button() const { return compare_; }
  QPushButton* stop_button() const { return stop_; }

 signals:
  void compare_requested(const QString& question);
  void stop_requested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Column {
    QGroupBox* box = nullptr;
    QLabel* state = nullptr;
    QPlainTextEdit* text = nullptr;
    QLabel* info = nullptr;
    QLabel* flags = nullptr;
    QPushButton* prompt_button = nullptr;
    AnswerPrompt prompt;
    QPointer<PromptDialog> prompt_dialog;
    QString pending;
    bool done = false;
    bool ended = false;  // the job ended without this column's answer (finish_all)
  };
  void retranslate();
  void flush();
  void update_buttons();
  void update_prompt_button(Column& column);

  QPlainTextEdit* question_;
  QPushButton* compare_;
  QPushButton* stop_;
  QLabel* hint_;
  QHBoxLayout* columns_layout_;
  QList<Column> columns_;
  QTimer flush_timer_;
  bool busy_ = false;
};

}  // namespace medlora::ui
