#include "ui/datasets/turn_list_editor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QSignalBlocker>

#include <algorithm>

namespace medlora::ui {

namespace {
// The roles a conversation record may hold (core/data/conversation_record.h), as stored.
const char* const kRoles[] = {"system", "user", "assistant"};
}  // namespace

TurnListEditor::TurnListEditor(QWidget* parent)
    : QWidget(parent), rows_layout_(new QVBoxLayout), add_(new QPushButton(this)) {
  setObjectName("record_turns");
  add_->setObjectName("add_turn");
  rows_layout_->setContentsMargins(0, 0, 0, 0);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(rows_layout_, 1);
  auto* add_row = new QHBoxLayout;
  add_row->addWidget(add_);
  add_row->addStretch(1);
  layout->addLayout(add_row);
  connect(add_, &QPushButton::clicked, this, [this] {
    add_turn();
    rows_.back().content->setFocus();
  });
  retranslate();
}

void TurnListEditor::append_row(const tokenizer::ChatMessage& turn) {
  Row row;
  row.box = new QWidget(this);
  row.role = new QComboBox(row.box);
  for (const char* role : kRoles) row.role->addItem(QString::fromLatin1(role), QString::fromLatin1(role));
  // A role this editor does not offer stays visible (and is refused on save with its name).
  if (row.role->findData(QString::fromStdString(turn.role)) < 0)
    row.role->addItem(QString::fromStdString(turn.role), QString::fromStdString(turn.role));
  row.role->setCurrentIndex(row.role->findData(QString::fromStdString(turn.role)));
  row.content = new QPlainTextEdit(row.box);
  row.content->setPlainText(QString::fromStdString(turn.content));
  row.content->setTabChangesFocus(true);
  row.content->setMinimumHeight(48);
  row.remove = new QToolButton(row.box);
  row.remove->setText(QStringLiteral("×"));
  row.remove->setToolTip(tr("Remove this turn"));
  auto* line = new QHBoxLayout(row.box);
  line->setContentsMargins(0, 0, 0, 0);
  auto* side = new QVBoxLayout;
  side->addWidget(row.role);
  side->addWidget(row.remove, 0, Qt::AlignLeft);
  side->addStretch(1);
  line->addLayout(side);
  line->addWidget(row.content, 1);
  rows_layout_->addWidget(row.box);
  connect(row.role, &QComboBox::currentIndexChanged, this, &TurnListEditor::edited);
  connect(row.content, &QPlainTextEdit::textChanged, this, &TurnListEditor::edited);
  QWidget* box = row.box;
  connect(row.remove, &QToolButton::clicked, this, [this, box] {
    const auto it = std::find_if(rows_.begin(), rows_.end(), [box](const Row& r) { return r.box == box; });
    if (it != rows_.end()) remove_turn(static_cast<int>(it - rows_.begin()));
  });
  rows_.push_back(row);
}

void TurnListEditor::set_conversation(const tokenizer::Conversation& turns) {
  const QSignalBlocker blocker(this);
  for (Row& row : rows_) delete row.box;
  rows_.clear();
  for (const auto& turn : turns) append_row(turn);
}

tokenizer::Conversation TurnListEditor::conversation() const {
  tokenizer::Conversation turns;
  turns.reserve(rows_.size());
  for (const Row& row : rows_)
    turns.push_back({row.role->currentData().toString().toStdString(), row.content->toPlainText().toStdString()});
  return turns;
}

void TurnListEditor::add_turn() {
  const bool after_answer = rows_.empty() || rows_.back().role->currentData().toString() != QLatin1String("user");
  append_row({after_answer ? "user" : "assistant", ""});
  Q_EMIT edited();
}

void TurnListEditor::remove_turn(int turn) {
  if (turn < 0 || turn >= turn_count()) return;
  rows_[static_cast<size_t>(turn)].box->deleteLater();
  rows_[static_cast<size_t>(turn)].box->hide();
  rows_.erase(rows_.begin() + turn);
  Q_EMIT edited();
}

void TurnListEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TurnListEditor::retranslate() {
  add_->setText(tr("&Add turn"));
  for (const Row& row : rows_) row.remove->setToolTip(tr("Remove this turn"));
}

}  // namespace medlora::ui
