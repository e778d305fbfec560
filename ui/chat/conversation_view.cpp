#include "ui/chat/conversation_view.h"

#include <QScrollBar>

namespace medlora::ui {

ConversationView::ConversationView(QWidget* parent)
    : QScrollArea(parent), canvas_(new QWidget(this)), layout_(new QVBoxLayout(canvas_)) {
  setObjectName("conversation_view");
  setWidgetResizable(true);
  setFocusPolicy(Qt::StrongFocus);
  layout_->addStretch(1);
  setWidget(canvas_);
  flush_timer_.setSingleShot(true);
  flush_timer_.setInterval(30);
  connect(&flush_timer_, &QTimer::timeout, this, &ConversationView::flush);
}

void ConversationView::clear() {
  flush_timer_.stop();
  pending_.clear();
  streaming_ = nullptr;
  for (QWidget* w : entries_) w->deleteLater();
  entries_.clear();
}

void ConversationView::add_entry(QWidget* widget) {
  layout_->insertWidget(layout_->count() - 1, widget);  // before the stretch
  widget->show();  // now, not when the layout's queued show comes (a reopened chat is complete at once)
  entries_ << widget;
  scroll_to_bottom_soon();
}

int ConversationView::add_question(const QString& text) {
  auto* label = new QLabel(text, canvas_);
  label->setObjectName("question_text");
  label->setTextFormat(Qt::PlainText);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  label->setStyleSheet("background: palette(alternate-base); border-radius: 6px; padding: 6px;");
  label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  add_entry(label);
  return entries_.size() - 1;
}

int ConversationView::add_answer(const QString& label, const QString& text, const chat::AnswerMetadata& metadata,
                                 const QString& status) {
  auto* view = new AnswerView(label, canvas_);
  view->finish(text, metadata, status);
  view->set_regenerate_enabled(!busy_);
  connect(view, &AnswerView::regenerate_requested, this, [this, view] { emit regenerate_requested(entry_of(view)); });
  add_entry(view);
  return entries_.size() - 1;
}

int ConversationView::begin_answer(const QString& label) {
  flush();
  auto* view = new AnswerView(label, canvas_);
  connect(view, &AnswerView::regenerate_requested, this, [this, view] { emit regenerate_requested(entry_of(view)); });
  streaming_ = view;
  add_entry(view);
  return entries_.size() - 1;
}

void ConversationView::append_piece(const QString& piece) {
  if (!streaming_) return;
  pending_ += piece;
  if (!flush_timer_.isActive()) flush_timer_.start();
}

void ConversationView::flush() {
  if (!streaming_ || pending_.isEmpty()) return;
  QScrollBar* bar = verticalScrollBar();
  const bool at_bottom = bar->value() >= bar->maximum() - 4;
  streaming_->append(pending_);
  pending_.clear();
  if (at_bottom) scroll_to_bottom_soon();  // follow the answer unless the user scrolled up
}

void ConversationView::finish_streaming(const ChatAnswer& answer) {
  flush_timer_.stop();
  pending_.clear();
  if (!streaming_) return;
  if (answer.status == "error") streaming_->fail(answer.error);
  else streaming_->finish(answer.text, answer.metadata, answer.status, answer.prompt);
  streaming_->set_regenerate_enabled(!busy_);
  streaming_ = nullptr;
  scroll_to_bottom_soon();
}

void ConversationView::fail_streaming(const QString& message) {
  flush();
  flush_timer_.stop();
  if (!streaming_) return;
  streaming_->fail(message);
  streaming_->set_regenerate_enabled(!busy_);
  streaming_ = nullptr;
}

void ConversationView::remove_from(int entry) {
  while (entries_.size() > entry && entry >= 0) {
    QWidget* w = entries_.takeLast();
    if (w == streaming_) streaming_ = nullptr;
    w->deleteLater();
  }
}

void ConversationView::set_busy(bool busy) {
  busy_ = busy;
  for (AnswerView* view : answers()) view->set_regenerate_enabled(!busy);
}

QList<AnswerView*> ConversationView::answers() const {
  QList<AnswerView*> list;
  for (QWidget* w : entries_)
    if (auto* view = qobject_cast<AnswerView*>(w)) list << view;
  return list;
}

void ConversationView::scroll_to_bottom_soon() {
  // After the layout has taken the new size in.
  QTimer::singleShot(0, this, [this] { verticalScrollBar()->setValue(verticalScrollBar()->maximum()); });
}

}  // namespace medlora::ui
