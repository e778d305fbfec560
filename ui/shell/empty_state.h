#pragma once
// What an empty list or table shows instead of nothing: one sentence that says what to do next
// and a button that does it (the panel's own action). The owner sets both texts (translated)
// in its retranslate() and shows the widget while its list is empty.
#include <QFrame>
#include <QLabel>
#include <QPushButton>

namespace medlora::ui {

class EmptyState : public QFrame {
  Q_OBJECT

 public:
  explicit EmptyState(QWidget* parent = nullptr);

  // `action` empty: no button.
  void set_texts(const QString& message, const QString& action);

  QLabel* message_label() const { return message_; }
  QPushButton* action_button() const { return action_; }

 signals:
  void action_requested();

 private:
  QLabel* message_;
  QPushButton* action_;
};

}  // namespace medlora::ui
