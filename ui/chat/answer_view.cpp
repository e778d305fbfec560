#include "ui/chat/answer_view.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>

#include "ui/chat/prompt_dialog.h"

namespace medlora::ui {
namespace {

// Model output may hold control characters (byte-fallback pieces); they mean nothing on screen.
QString printable(const QString& text) {
  QString shown;
  shown.reserve(text.size());
  for (const QChar c : text)
    if (c.unicode() >= 0x20 || c == QLatin1Char('\n') || c == QLatin1Char('\t')) shown.append(c);
  return shown;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

AnswerView::AnswerView(const QString& configuration_label, QWidget* parent)
    : QFrame(parent),
      label_(configuration_label),
      header_(new QLabel(this)),
      body_(new QLabel(this)),
      info_(new QLabel(this)),
      flags_(new QLabel(this)),
      notice_(new QLabel(this)),
      disclaimer_(new QLabel(this)),
      passages_box_(new QWidget(this)),
      passages_layout_(new QVBoxLayout(passages_box_)),
      passages_heading_(new QLabel(passages_box_)),
      copy_(new QPushButton(this)),
      regenerate_(new QPushButton(this)),
      prompt_button_(new QPushButton(this)) {
  setObjectName("answer_view");
  setFrameShape(QFrame::StyledPanel);
  body_->setObjectName("answer_text");
  body_->setTextFormat(Qt::PlainText);
  body_->setWordWrap(true);
  body_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  info_->setObjectName("answer_info");
  info_->setWordWrap(true);
  info_->setStyleSheet("color: palette(mid);");
  flags_->setObjectName("safety_flags");
  flags_->setWordWrap(true);
  flags_->setTextFormat(Qt::RichText);
  flags_->setStyleSheet("background: #fde7e9; color: #8a1020; border: 1px solid #d13438; padding: 4px;");
  notice_->setObjectName("emergency_notice");
  notice_->setWordWrap(true);
  notice_->setStyleSheet("background: #fff4ce; color: #5c3c00; border: 1px solid #c19c00; padding: 4px; font-weight: bold;");
  disclaimer_->setObjectName("disclaimer");
  disclaimer_->setWordWrap(true);
  disclaimer_->setStyleSheet("color: palette(mid); font-size: small;");
  passages_layout_->setContentsMargins(0, 0, 0, 0);
  passages_layout_->setSpacing(2);
  passages_layout_->addWidget(passages_heading_);
  for (QWidget* w : std::initializer_list<QWidget*>{flags_, notice_, disclaimer_, passages_box_}) w->hide();
  copy_->setObjectName("copy_button");
  regenerate_->setObjectName("regenerate_button");
  regenerate_->setEnabled(false);
  prompt_button_->setObjectName("prompt_button");

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(info_, 1);
  buttons->addWidget(copy_);
  buttons->addWidget(prompt_button_);
  buttons->addWidget(regenerate_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(header_);
  layout->addWidget(body_);
  layout->addWidget(flags_);
  layout->addWidget(notice_);
  layout->addWidget(passages_box_);
  layout->addWidget(disclaimer_);
  layout->addLayout(buttons);

  connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text_); });
  connect(regenerate_, &QPushButton::clicked, this, &AnswerView::regenerate_requested);
  connect(prompt_button_, &QPushButton::clicked, this, &AnswerView::show_prompt);
  retranslate();
}

void AnswerView::append(const QString& piece) {
  text_ += piece;
  body_->setText(printable(text_));
}

void AnswerView::finish(const QString& text, const chat::AnswerMetadata& metadata, const QString& status,
                        const AnswerPrompt& prompt) {
  streaming_ = false;
  text_ = text;
  metadata_ = metadata;
  status_ = status;
  prompt_ = prompt;
  update_prompt_button();
  body_->setText(printable(text_));
  regenerate_->setEnabled(true);
  show_metadata();
}

void AnswerView::fail(const QString& message) {
  streaming_ = false;
  status_ = QStringLiteral("error");
  info_->setText(tr("No answer: %1").arg(message));
  info_->setStyleSheet("color: #b00020;");
  regenerate_->setEnabled(true);
  update_prompt_button();
}

void AnswerView::show_prompt() {
  if (prompt_.empty()) return;
  if (!prompt_dialog_) {
    prompt_dialog_ = new PromptDialog(label_, prompt_, this);
    prompt_dialog_->setAttribute(Qt::WA_DeleteOnClose);
  }
  prompt_dialog_->show();
  prompt_dialog_->raise();
  prompt_dialog_->activateWindow();
}

void AnswerView::update_prompt_button() {
  prompt_button_->setEnabled(!prompt_.empty());
  if (!prompt_.empty())
    prompt_button_->setToolTip(tr("Show the prompt the model was given for this answer and its tokens"));
  else if (streaming_)
    prompt_button_->setToolTip(tr("The prompt can be seen once the answer is finished"));
  else if (status_ == "error")
    prompt_button_->setToolTip(tr("This answer failed before the model was given a prompt"));
  else
    prompt_button_->setToolTip(tr("Not kept for answers reopened from a saved chat (transcripts store no prompt); "
                                  "regenerate the answer to see its prompt"));
}

QString AnswerView::flag_kind_text(chat::SafetyFlagKind kind) {
  switch (kind) {
    case chat::SafetyFlagKind::DangerousAdvice: return tr("Dangerous advice");
    case chat::SafetyFlagKind::EmergencyQuestion: return tr("Emergency symptom in the question");
    case chat::SafetyFlagKind::MissingEmergencyAdvice: return tr("No advice to seek care now");
  }
  return {};
}

QString AnswerView::finish_text(const std::string& reason) {
  if (reason == "eos") return tr("end of answer");
  if (reason == "max_new_tokens") return tr("token limit reached");
  if (reason == "stop_string") return tr("stop text reached");
  if (reason == "cancelled") return tr("stopped");
  if (reason == "error") return tr("failed");
  return q(reason);
}

QString AnswerView::flags_html(const chat::SafetyReport& report) {
  QStringList lines;
  for (const chat::SafetyFlag& flag : report.flags) {
    QString line = QStringLiteral("<b>%1</b>").arg(flag_kind_text(flag.kind).toHtmlEscaped());
    if (!flag.rule_id.empty()) line += QStringLiteral(" (%1)").arg(q(flag.rule_id).toHtmlEscaped());
    if (!flag.description.empty()) line += QStringLiteral(": ") + q(flag.description).toHtmlEscaped();
    if (!flag.matched_text.empty()) line += QStringLiteral(" — “%1”").arg(q(flag.matched_text).toHtmlEscaped());
    lines << line;
  }
  return lines.join(QStringLiteral("<br>"));
}

void AnswerView::show_metadata() {
  const auto& m = metadata_;
  QStringList parts;
  parts << tr("%1 tokens/s").arg(QString::number(m.tokens_per_second, 'f', 1));
  parts << tr("%n token(s)", nullptr, static_cast<int>(m.tokens));
  parts << finish_text(m.finish_reason);
  if (m.adapter.empty()) parts << tr("answered by the base model");
  else parts << tr("answered by adapter %1").arg(q(m.adapter));
  if (!m.route_reason.empty()) parts << tr("route: %1").arg(q(m.route_reason));
  if (m.seed >= 0) parts << tr("seed %1").arg(static_cast<qulonglong>(m.seed));
  info_->setText(parts.join(QStringLiteral(" · ")));
  info_->setStyleSheet("color: palette(mid);");

  const QString flags = flags_html(m.safety);
  flags_->setText(flags.isEmpty() ? QString() : tr("⚠ Safety flags:") + QStringLiteral("<br>") + flags);
  flags_->setVisible(!flags.isEmpty());
  notice_->setText(q(m.safety.emergency_notice));
  notice_->setVisible(!m.safety.emergency_notice.empty());
  disclaimer_->setText(q(m.safety.disclaimer));
  disclaimer_->setVisible(!m.safety.disclaimer.empty());

  clear_passages();
  for (size_t i = 0; i < m.passages.size(); ++i) {
    const store::Passage& p = m.passages[i];
    auto* button = new QToolButton(passages_box_);
    button->setObjectName("passage_button");
    button->setCheckable(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setArrowType(Qt::RightArrow);
    QString title = QStringLiteral("[%1] %2").arg(i + 1).arg(q(p.title));
    if (!p.document_title.empty() && p.document_title != p.title) title += QStringLiteral(" — ") + q(p.document_title);
    button->setText(title);
    button->setToolTip(tr("Show or hide the passage's text"));
    auto* text = new QLabel(q(p.text), passages_box_);
    text->setObjectName("passage_text");
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setIndent(16);
    text->hide();
    connect(button, &QToolButton::toggled, text, [button, text](bool on) {
      button->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
      text->setVisible(on);
    });
    passages_layout_->addWidget(button);
    passages_layout_->addWidget(text);
    passage_buttons_ << button;
    passage_texts_ << text;
  }
  passages_box_->setVisible(!m.passages.empty());
}

void AnswerView::clear_passages() {
  for (QToolButton* b : passage_buttons_) b->deleteLater();
  for (QLabel* l : passage_texts_) l->deleteLater();
  passage_buttons_.clear();
  passage_texts_.clear();
}

void AnswerView::retranslate() {
  header_->setText(QStringLiteral("<b>%1</b>").arg(label_.toHtmlEscaped()));
  passages_heading_->setText(tr("Passages used:"));
  copy_->setText(tr("&Copy"));
  copy_->setToolTip(tr("Copy this answer to the clipboard"));
  regenerate_->setText(tr("Re&generate"));
  regenerate_->setToolTip(tr("Ask this question again with the current settings"));
  prompt_button_->setText(tr("Prompt an&d tokens..."));
  update_prompt_button();
  if (!streaming_ && status_ != "error") show_metadata();
}

void AnswerView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QFrame::changeEvent(event);
}

}  // namespace medlora::ui
