#pragma once
// The prompt one chat answer was generated from, in a small window: the rendered text (the
// template's markup, earlier turns, grounding passages, the question) and its tokens (ids,
// pieces, special ones marked), shown with the Models panel's PromptTokensView.
#include <QDialog>
#include <QLabel>

#include "ui/chat/chat_job.h"

class QDialogButtonBox;

namespace medlora::ui {

class PromptTokensView;

class PromptDialog : public QDialog {
  Q_OBJECT

 public:
  // `configuration_label`: the configuration that answered (in the title).
  PromptDialog(const QString& configuration_label, const AnswerPrompt& prompt, QWidget* parent = nullptr);

  PromptTokensView* tokens_view() const { return view_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QString label_;
  QLabel* intro_;
  PromptTokensView* view_;
  QDialogButtonBox* buttons_;
};

}  // namespace medlora::ui
