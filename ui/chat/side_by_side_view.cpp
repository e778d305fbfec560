#include "ui/chat/side_by_side_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QScrollBar>
#include <QTextCursor>
#include <QVBoxLayout>

#include "ui/chat/answer_view.h"

namespace medlora::ui {

SideBySideView::SideBySideView(QWidget* parent)
    : QWidget(parent),
      question_(new QPlainTextEdit(this)),
      compare_(new QPushButton(QIcon(":/icons/generate.png"), QString(), this)),
      stop_(new QPushButton(QIcon(":/icons/stop.png"), QString(), this)),
      hint_(new QLabel(this)),
      columns_layout_(new QHBoxLayout) {
  setObjectName("side_by_side_view");
  question_->setObjectName("side_by_side_question");
  question_->setTabChangesFocus(true);
  question_->setMaximumHeight(70);
  compare_->setObjectName("compare_button");
  compare_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  stop_->setObjectName("side_by_side_stop");
  stop_->setShortcut(QKeySequence(Qt::Key_Escape));
  hint_->setWordWrap(true);
  flush_timer_.setSingleShot(true);
  flush_timer_.setInterval(30);

  auto* ask = new QHBoxLayout;
  ask->addWidget(question_, 1);
  auto* buttons = new QVBoxLayout;
  buttons->addWidget(compare_);
  buttons->addWidget(stop_);
  buttons->addStretch(1);
  ask->addLayout(buttons);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(ask);
  layout->addWidget(hint_);
  layout->addLayout(columns_layout_, 1);

  connect(compare_, &QPushButton::clicked, this, [this] {
    const QString question = question_->toPlainText().trimmed();
    if (!busy_ && !question.isEmpty()) emit compare_requested(question);
  });
  connect(stop_, &QPushButton::clicked, this, &SideBySideView::stop_requested);
  connect(question_, &QPlainTextEdit::textChanged, this, &SideBySideView::update_buttons);
  connect(&flush_timer_, &QTimer::timeout, this, &SideBySideView::flush);
  retranslate();
  update_buttons();
}

void SideBySideView::reset(const QStringList& labels) {
  flush_timer_.stop();
  for (Column& c : columns_) c.box->deleteLater();
  columns_.clear();
  for (const QString& label : labels) {
    Column c;
    c.box = new QGroupBox(label, this);
    c.box->setObjectName("side_by_side_column");
    c.state = new QLabel(tr("Waiting"), c.box);
    c.text = new QPlainTextEdit(c.box);
    c.text->setReadOnly(true);
    c.text->setObjectName("column_text");
    c.info = new QLabel(c.box);
    c.info->setWordWrap(true);
    c.flags = new QLabel(c.box);
    c.flags->setWordWrap(true);
    c.flags->setTextFormat(Qt::RichText);
    c.flags->setStyleSheet("background: #fde7e9; color: #8a1020; border: 1px solid #d13438; padding: 3px;");
    c.flags->hide();
    c.prompt_button = new QPushButton(c.box);
    c.prompt_button->setObjectName("column_prompt_button");
    const int index = columns_.size();
    connect(c.prompt_button, &QPushButton::clicked, this, [this, index] { show_prompt(index); });
    auto* layout = new QVBoxLayout(c.box);
    layout->addWidget(c.state);
    layout->addWidget(c.text, 1);
    layout->addWidget(c.info);
    layout->addWidget(c.flags);
    layout->addWidget(c.prompt_button, 0, Qt::AlignRight);
    columns_layout_->addWidget(c.box, 1);
    columns_ << c;
    update_prompt_button(columns_.last());
  }
}

void SideBySideView::mark_started(int column) {
  if (column < 0 || column >= columns_.size()) return;
  columns_[column].state->setText(tr("Answering..."));
}

void SideBySideView::append(int column, const QString& piece) {
  if (column < 0 || column >= columns_.size()) return;
  columns_[column].pending += piece;
  if (!flush_timer_.isActive()) flush_timer_.start();
}

void SideBySideView::flush() {
  for (Column& c : columns_) {
    if (c.pending.isEmpty()) continue;
    QString shown;
    for (const QChar ch : c.pending)
      if (ch.unicode() >= 0x20 || ch == QLatin1Char('\n') || ch == QLatin1Char('\t')) shown.append(ch);
    QTextCursor cursor = c.text->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(shown);
    c.text->verticalScrollBar()->setValue(c.text->verticalScrollBar()->maximum());
    c.pending.clear();
  }
}

void SideBySideView::finish(const ChatAnswer& answer) {
  flush();
  if (answer.configuration < 0 || answer.configuration >= columns_.size()) return;
  Column& c = columns_[answer.configuration];
  c.done = true;
  c.prompt = answer.prompt;
  update_prompt_button(c);
  const auto& m = answer.metadata;
  if (answer.status == "error") {
    c.state->setText(tr("Failed"));
    c.info->setText(tr("No answer: %1").arg(answer.error));
    return;
  }
  c.text->setPlainText(answer.text);  // the final text (also of a column that never streamed)
  c.state->setText(answer.status == "stopped" ? tr("Stopped") : tr("Done"));
  QStringList parts;
  parts << tr("%1 tokens/s").arg(QString::number(m.tokens_per_second, 'f', 1))
        << tr("%n token(s)", nullptr, static_cast<int>(m.tokens)) << AnswerView::finish_text(m.finish_reason);
  parts << (m.adapter.empty() ? tr("base model") : tr("adapter %1").arg(QString::fromStdString(m.adapter)));
  if (!m.route_reason.empty()) parts << tr("route: %1").arg(QString::fromStdString(m.route_reason));
  if (m.seed >= 0) parts << tr("seed %1").arg(static_cast<qulonglong>(m.seed));
  c.info->setText(parts.join(QStringLiteral(" · ")));
  QString flags = AnswerView::flags_html(m.safety);
  if (!m.safety.emergency_notice.empty())
    flags += (flags.isEmpty() ? QString() : QStringLiteral("<br>")) +
             QString::fromStdString(m.safety.emergency_notice).toHtmlEscaped();
  c.flags->setText(flags);
  c.flags->setVisible(!flags.isEmpty());
}

void SideBySideView::finish_all(const QString& message) {
  flush();
  for (Column& c : columns_)
    if (!c.done) {
      c.state->setText(message);
      c.ended = true;
      update_prompt_button(c);
    }
}

void SideBySideView::set_busy(bool busy) {
  busy_ = busy;
  update_buttons();
}

QString SideBySideView::column_label(int column) const {
  return column >= 0 && column < columns_.size() ? columns_[column].box->title() : QString();
}

QString SideBySideView::column_text(int column) const {
  return column >= 0 && column < columns_.size() ? columns_[column].text->toPlainText() : QString();
}

QLabel* SideBySideView::column_info(int column) const {
  return column >= 0 && column < columns_.size() ? columns_[column].info : nullptr;
}

QLabel* SideBySideView::column_flags(int column) const {
  return column >= 0 && column < columns_.size() ? columns_[column].flags : nullptr;
}

QPushButton* SideBySideView::column_prompt_button(int column) const {
  return column >= 0 && column < columns_.size() ? columns_[column].prompt_button : nullptr;
}

PromptDialog* SideBySideView::column_prompt_dialog(int column) const {
  return column >= 0 && column < columns_.size() ? columns_[column].prompt_dialog.data() : nullptr;
}

void SideBySideView::show_prompt(int column) {
  if (column < 0 || column >= columns_.size() || columns_[column].prompt.empty()) return;
  Column& c = columns_[column];
  if (!c.prompt_dialog) {
    c.prompt_dialog = new PromptDialog(c.box->title(), c.prompt, c.box);
    c.prompt_dialog->setAttribute(Qt::WA_DeleteOnClose);
  }
  c.prompt_dialog->show();
  c.prompt_dialog->raise();
  c.prompt_dialog->activateWindow();
}

void SideBySideView::update_prompt_button(Column& c) {
  c.prompt_button->setText(tr("Prompt an&d tokens..."));
  c.prompt_button->setEnabled(!c.prompt.empty());
  if (!c.prompt.empty()) c.prompt_button->setToolTip(tr("Show the prompt this configuration was given and its tokens"));
  else if (!c.done && !c.ended) c.prompt_button->setToolTip(tr("The prompt can be seen once the answer is finished"));
  else c.prompt_button->setToolTip(tr("This configuration failed before the model was given a prompt"));
}

void SideBySideView::update_buttons() {
  compare_->setEnabled(!busy_ && !question_->toPlainText().trimmed().isEmpty());
  stop_->setEnabled(busy_);
}

void SideBySideView::retranslate() {
  question_->setPlaceholderText(tr("A question for every configuration (Ctrl+Enter compares)"));
  compare_->setText(tr("Co&mpare"));
  compare_->setToolTip(tr("Send the question with one seed to every configuration, one after the other (Ctrl+Enter)"));
  stop_->setText(tr("&Stop"));
  stop_->setToolTip(tr("Stop generating (Esc)"));
  hint_->setText(tr("Choose the configurations to compare in the rows below; they answer one after the other, with one seed."));
  for (Column& c : columns_) update_prompt_button(c);
}

void SideBySideView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
