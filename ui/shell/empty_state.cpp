#include "ui/shell/empty_state.h"

#include <QHBoxLayout>

namespace medlora::ui {

EmptyState::EmptyState(QWidget* parent) : QFrame(parent), message_(new QLabel(this)), action_(new QPushButton(this)) {
  setObjectName("empty_state");
  setFrameShape(QFrame::StyledPanel);
  message_->setObjectName("empty_state_message");
  message_->setWordWrap(true);
  action_->setObjectName("empty_state_action");
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(message_, 1);
  layout->addWidget(action_, 0, Qt::AlignVCenter);
  connect(action_, &QPushButton::clicked, this, &EmptyState::action_requested);
}

void EmptyState::set_texts(const QString& message, const QString& action) {
  message_->setText(message);
  action_->setText(action);
  action_->setVisible(!action.isEmpty());
}

}  // namespace medlora::ui
