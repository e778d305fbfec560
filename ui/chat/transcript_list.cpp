#include "ui/chat/transcript_list.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMessageBox>
#include <QVBoxLayout>

#include "core/store/chat_transcripts.h"
#include "core/store/workspace.h"

namespace medlora::ui {

TranscriptList::TranscriptList(QWidget* parent)
    : QWidget(parent),
      heading_(new QLabel(this)),
      list_(new QListWidget(this)),
      new_(new QPushButton(this)),
      rename_(new QPushButton(this)),
      delete_(new QPushButton(this)) {
  setObjectName("transcript_list");
  list_->setObjectName("transcripts");
  heading_->setBuddy(list_);
  new_->setShortcut(QKeySequence::New);
  rename_->setShortcut(QKeySequence(Qt::Key_F2));

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(new_);
  buttons->addWidget(rename_);
  buttons->addWidget(delete_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(heading_);
  layout->addWidget(list_, 1);
  layout->addLayout(buttons);

  connect(list_, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { emit chat_chosen(item->data(Qt::UserRole).toLongLong()); });
  connect(list_, &QListWidget::itemClicked, this,
          [this](QListWidgetItem* item) { emit chat_chosen(item->data(Qt::UserRole).toLongLong()); });
  connect(list_, &QListWidget::currentRowChanged, this, &TranscriptList::update_buttons);
  connect(new_, &QPushButton::clicked, this, &TranscriptList::new_chat_requested);
  connect(rename_, &QPushButton::clicked, this, &TranscriptList::rename_with_dialog);
  connect(delete_, &QPushButton::clicked, this, [this] { delete_chat(current_chat()); });
  retranslate();
  update_buttons();
}

void TranscriptList::set_workspace(store::Workspace* workspace) {
  workspace_ = workspace;
  list_->clear();
  refresh();
}

void TranscriptList::refresh() {
  const qint64 keep = current_chat();
  const QSignalBlocker blocker(list_);
  list_->clear();
  try {
    if (workspace_) {
      for (const auto& chat : store::ChatTranscripts(*workspace_).list_chats()) {
        auto* item = new QListWidgetItem(QString::fromStdString(chat.title), list_);
        item->setData(Qt::UserRole, static_cast<qlonglong>(chat.id));
        item->setToolTip(tr("%n message(s), last %1", nullptr, static_cast<int>(chat.message_count))
                             .arg(QString::fromStdString(chat.updated_at)));
      }
    }
  } catch (const std::exception& e) {
    auto* item = new QListWidgetItem(tr("The saved chats cannot be read: %1").arg(e.what()), list_);
    item->setFlags(Qt::NoItemFlags);
  }
  mark_current(keep);
  update_buttons();
}

qint64 TranscriptList::current_chat() const {
  const QListWidgetItem* item = list_->currentItem();
  return item && item->isSelected() ? item->data(Qt::UserRole).toLongLong() : 0;
}

void TranscriptList::mark_current(qint64 chat_id) {
  const QSignalBlocker blocker(list_);
  list_->setCurrentItem(nullptr);
  list_->clearSelection();
  for (int row = 0; row < list_->count(); ++row)
    if (list_->item(row)->data(Qt::UserRole).toLongLong() == chat_id && chat_id > 0) {
      list_->setCurrentRow(row);
      list_->item(row)->setSelected(true);
    }
  update_buttons();
}

bool TranscriptList::open_chat(qint64 chat_id) {
  mark_current(chat_id);
  if (current_chat() != chat_id || chat_id <= 0) return false;
  emit chat_chosen(chat_id);
  return true;
}

bool TranscriptList::rename_chat(qint64 chat_id, const QString& title) {
  if (!workspace_ || chat_id <= 0 || title.trimmed().isEmpty()) return false;
  try {
    store::ChatTranscripts(*workspace_).rename(chat_id, title.trimmed().toStdString());
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Rename chat"), QString::fromStdString(e.what()));
    return false;
  }
  refresh();
  return true;
}

bool TranscriptList::delete_chat(qint64 chat_id, bool ask) {
  if (!workspace_ || chat_id <= 0) return false;
  if (ask && QMessageBox::question(this, tr("Delete chat"),
                                   tr("Delete the chat \"%1\" and all its messages?").arg(list_->currentItem()->text())) !=
                 QMessageBox::Yes)
    return false;
  try {
    store::ChatTranscripts(*workspace_).remove(chat_id);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Delete chat"), QString::fromStdString(e.what()));
    return false;
  }
  const bool was_current = current_chat() == chat_id;
  refresh();
  if (was_current) emit new_chat_requested();  // the open chat is gone: start afresh
  return true;
}

void TranscriptList::rename_with_dialog() {
  const qint64 id = current_chat();
  if (id <= 0) return;
  bool ok = false;
  const QString title = QInputDialog::getText(this, tr("Rename chat"), tr("&Title:"), QLineEdit::Normal,
                                              list_->currentItem()->text(), &ok);
  if (ok) rename_chat(id, title);
}

void TranscriptList::update_buttons() {
  const bool chosen = current_chat() > 0;
  rename_->setEnabled(chosen && isEnabled());
  delete_->setEnabled(chosen && isEnabled());
  new_->setEnabled(workspace_ != nullptr);
}

void TranscriptList::retranslate() {
  heading_->setText(tr("Saved c&hats"));
  new_->setText(tr("&New"));
  new_->setToolTip(tr("Start a new chat (Ctrl+N)"));
  rename_->setText(tr("Rena&me"));
  rename_->setToolTip(tr("Rename the chosen chat (F2)"));
  delete_->setText(tr("&Delete"));
  delete_->setToolTip(tr("Delete the chosen chat"));
}

void TranscriptList::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
