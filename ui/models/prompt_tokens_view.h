#pragma once
// The prompt exactly as the model gets it: the rendered text, and a table of its tokens (id,
// piece, special ones marked), so a user can see what a chat template and the tokenizer made of
// a conversation. Used by the Models panel's tryout and the chat tester.
#include <QLabel>
#include <QList>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTableWidget>
#include <QWidget>

namespace medlora::ui {

class PromptTokensView : public QWidget {
  Q_OBJECT

 public:
  explicit PromptTokensView(QWidget* parent = nullptr);

  void show_prompt(const QString& text, const QList<qint64>& ids, const QStringList& pieces, const QList<bool>& special);
  void clear();

  QPlainTextEdit* text_view() const { return text_; }
  QTableWidget* token_table() const { return table_; }
  QLabel* summary_label() const { return summary_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLabel* summary_;
  QPlainTextEdit* text_;
  QTableWidget* table_;
  qint64 tokens_ = 0, special_count_ = 0;
};

}  // namespace medlora::ui
