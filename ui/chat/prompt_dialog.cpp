#include "ui/chat/prompt_dialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/models/prompt_tokens_view.h"

namespace medlora::ui {

PromptDialog::PromptDialog(const QString& configuration_label, const AnswerPrompt& prompt, QWidget* parent)
    : QDialog(parent),
      label_(configuration_label),
      intro_(new QLabel(this)),
      view_(new PromptTokensView(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
  setObjectName("prompt_dialog");
  intro_->setWordWrap(true);
  view_->show_prompt(prompt.text, prompt.ids, prompt.pieces, prompt.special);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro_);
  layout->addWidget(view_, 1);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(820, 480);
  retranslate();
}

void PromptDialog::retranslate() {
  setWindowTitle(label_.isEmpty() ? tr("Prompt and tokens") : tr("Prompt and tokens: %1").arg(label_));
  intro_->setText(tr("What the model was given for this answer: the prompt as rendered by the template (left) "
                     "and its tokens (right)."));
}

void PromptDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(event);
}

}  // namespace medlora::ui
