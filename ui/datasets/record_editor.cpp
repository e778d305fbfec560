#include "ui/datasets/record_editor.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/datasets/review_status_text.h"

namespace medlora::ui {

RecordEditor::RecordEditor(QWidget* parent)
    : QWidget(parent),
      header_(new QLabel(this)),
      category_label_(new QLabel(this)),
      instruction_label_(new QLabel(this)),
      input_label_(new QLabel(this)),
      output_label_(new QLabel(this)),
      history_label_(new QLabel(this)),
      category_(new QComboBox(this)),
      instruction_(new QPlainTextEdit(this)),
      input_(new QPlainTextEdit(this)),
      output_(new QPlainTextEdit(this)),
      turns_label_(new QLabel(this)),
      turns_(new TurnListEditor(this)),
      reason_(new QLineEdit(this)),
      note_(new QLineEdit(this)),
      save_(new QToolButton(this)),
      approve_(new QToolButton(this)),
      reject_(new QToolButton(this)),
      needs_edit_(new QToolButton(this)),
      history_(new QTreeWidget(this)),
      version_view_(new QPlainTextEdit(this)) {
  setObjectName("record_editor");
  header_->setWordWrap(true);
  header_->setTextFormat(Qt::PlainText);
  category_->setEditable(true);
  category_->setInsertPolicy(QComboBox::NoInsert);
  category_->setObjectName("record_category");
  instruction_->setObjectName("record_instruction");
  input_->setObjectName("record_input");
  output_->setObjectName("record_output");
  reason_->setObjectName("edit_reason");
  note_->setObjectName("review_note");
  instruction_->setTabChangesFocus(true);
  input_->setTabChangesFocus(true);
  output_->setTabChangesFocus(true);
  instruction_->setMaximumHeight(80);
  category_label_->setBuddy(category_);
  instruction_label_->setBuddy(instruction_);
  input_label_->setBuddy(input_);
  output_label_->setBuddy(output_);
  history_->setObjectName("record_history");
  history_->setColumnCount(4);
  history_->setRootIsDecorated(false);
  history_->header()->setStretchLastSection(true);
  history_label_->setBuddy(history_);
  version_view_->setReadOnly(true);
  version_view_->setObjectName("version_view");
  version_view_->setMaximumHeight(120);
  for (QToolButton* button : {save_, approve_, reject_, needs_edit_})
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);

  auto* form = new QWidget(this);
  auto* grid = new QGridLayout(form);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(header_, 0, 0, 1, 2);
  grid->addWidget(category_label_, 1, 0);
  grid->addWidget(category_, 1, 1);
  grid->addWidget(instruction_label_, 2, 0, Qt::AlignTop);
  grid->addWidget(instruction_, 2, 1);
  grid->addWidget(input_label_, 3, 0, Qt::AlignTop);
  grid->addWidget(input_, 3, 1);
  grid->addWidget(output_label_, 4, 0, Qt::AlignTop);
  grid->addWidget(output_, 4, 1);
  grid->addWidget(turns_label_, 5, 0, Qt::AlignTop);
  grid->addWidget(turns_, 5, 1);
  grid->setRowStretch(3, 1);
  grid->setRowStretch(4, 2);
  grid->setRowStretch(5, 3);
  auto* save_row = new QHBoxLayout;
  save_row->addWidget(reason_, 1);
  save_row->addWidget(save_);
  grid->addLayout(save_row, 6, 1);
  auto* decision_row = new QHBoxLayout;
  decision_row->addWidget(note_, 1);
  decision_row->addWidget(approve_);
  decision_row->addWidget(reject_);
  decision_row->addWidget(needs_edit_);
  grid->addLayout(decision_row, 7, 1);

  auto* history_box = new QWidget(this);
  auto* history_layout = new QVBoxLayout(history_box);
  history_layout->setContentsMargins(0, 0, 0, 0);
  history_layout->addWidget(history_label_);
  history_layout->addWidget(history_, 1);
  history_layout->addWidget(version_view_);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(form);
  splitter->addWidget(history_box);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(instruction_, &QPlainTextEdit::textChanged, this, &RecordEditor::on_edited);
  connect(input_, &QPlainTextEdit::textChanged, this, &RecordEditor::on_edited);
  connect(output_, &QPlainTextEdit::textChanged, this, &RecordEditor::on_edited);
  connect(category_, &QComboBox::currentTextChanged, this, &RecordEditor::on_edited);
  connect(turns_, &TurnListEditor::edited, this, &RecordEditor::on_edited);
  connect(history_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    show_version(item ? history_->indexOfTopLevelItem(item) : -1);
  });
  retranslate();
  clear_record();
}

void RecordEditor::set_actions(QAction* save, QAction* approve, QAction* reject, QAction* needs_edit) {
  save_->setDefaultAction(save);
  approve_->setDefaultAction(approve);
  reject_->setDefaultAction(reject);
  needs_edit_->setDefaultAction(needs_edit);
}

void RecordEditor::set_categories(const QStringList& categories) {
  const QString text = category_->currentText();
  const bool was_loading = loading_;
  loading_ = true;
  category_->clear();
  category_->addItem(QString());
  category_->addItems(categories);
  category_->setCurrentText(text);
  loading_ = was_loading;
}

void RecordEditor::show_record(const store::StoredRecord& record, const std::vector<store::RecordVersion>& history) {
  loading_ = true;
  record_ = record;
  history_versions_ = history;
  instruction_->setPlainText(QString::fromStdString(record.text.instruction));
  input_->setPlainText(QString::fromStdString(record.text.input));
  output_->setPlainText(QString::fromStdString(record.text.output));
  turns_->set_conversation(record.text.messages);
  show_fields_for(record.text.is_conversation());
  category_->setCurrentText(QString::fromStdString(record.text.category));
  reason_->clear();
  note_->setText(QString::fromStdString(record.review_note));
  history_->clear();
  // Newest first: the version the last edit replaced is the one a reviewer looks for.
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    auto* item = new QTreeWidgetItem(history_);
    item->setText(0, QString::number(it->version));
    item->setText(1, QString::fromStdString(it->edited_by));
    item->setText(2, QString::fromStdString(it->edited_at));
    item->setText(3, QString::fromStdString(it->reason));
  }
  version_view_->clear();
  loading_ = false;
  setEnabled(true);
  modified_ = false;
  update_header();
  Q_EMIT modified_changed(false);
}

void RecordEditor::clear_record() {
  loading_ = true;
  record_.reset();
  history_versions_.clear();
  instruction_->clear();
  input_->clear();
  output_->clear();
  turns_->set_conversation({});
  show_fields_for(false);
  category_->setCurrentText(QString());
  reason_->clear();
  note_->clear();
  history_->clear();
  version_view_->clear();
  loading_ = false;
  modified_ = false;
  setEnabled(false);
  update_header();
}

void RecordEditor::on_edited() {
  if (loading_ || !record_) return;
  const bool modified = is_modified();
  if (modified == modified_) return;
  modified_ = modified;
  update_header();
  Q_EMIT modified_changed(modified);
}

bool RecordEditor::is_modified() const {
  if (!record_) return false;
  const data::RecordText text = edited_text();
  return text.instruction != record_->text.instruction || text.input != record_->text.input ||
         text.output != record_->text.output || text.category != record_->text.category ||
         text.messages != record_->text.messages;
}

// A record is either instruction/input/output or turns: only its kind of fields is shown.
void RecordEditor::show_fields_for(bool conversation) {
  for (QWidget* w : std::initializer_list<QWidget*>{instruction_label_, instruction_, input_label_, input_, output_label_, output_})
    w->setVisible(!conversation);
  turns_label_->setVisible(conversation);
  turns_->setVisible(conversation);
}

data::RecordText RecordEditor::edited_text() const {
  data::RecordText text = record_ ? record_->text : data::RecordText{};
  text.instruction = instruction_->toPlainText().toStdString();
  text.input = input_->toPlainText().toStdString();
  text.output = output_->toPlainText().toStdString();
  if (record_ && record_->text.is_conversation()) text.messages = turns_->conversation();
  text.category = category_->currentText().trimmed().toStdString();
  return text;
}

QString RecordEditor::edit_reason() const {
  const QString reason = reason_->text().trimmed();
  return reason.isEmpty() ? tr("edited in the Datasets panel") : reason;
}

QString RecordEditor::review_note() const { return note_->text().trimmed(); }

void RecordEditor::show_version(int index) {
  // Items are listed newest first.
  const int count = static_cast<int>(history_versions_.size());
  if (index < 0 || index >= count) {
    version_view_->clear();
    return;
  }
  const store::RecordVersion& v = history_versions_[static_cast<size_t>(count - 1 - index)];
  if (!v.messages.empty()) {
    QString turns;
    for (const auto& turn : v.messages)
      turns += QStringLiteral("\n\n%1:\n%2").arg(QString::fromStdString(turn.role), QString::fromStdString(turn.content));
    version_view_->setPlainText(tr("Version %1 (category: %2)").arg(v.version).arg(
                                    v.category.empty() ? tr("none") : QString::fromStdString(v.category)) + turns);
    return;
  }
  version_view_->setPlainText(tr("Version %1 (category: %2)\n\nInstruction:\n%3\n\nInput:\n%4\n\nOutput:\n%5")
                                  .arg(v.version)
                                  .arg(v.category.empty() ? tr("none") : QString::fromStdString(v.category),
                                       QString::fromStdString(v.instruction), QString::fromStdString(v.input),
                                       QString::fromStdString(v.output)));
}

void RecordEditor::update_header() {
  if (!record_) {
    header_->setText(tr("Choose a record in the table to read, edit and review it."));
    return;
  }
  QString text = tr("Record %1, version %2: %3").arg(record_->id).arg(record_->version).arg(review_status_label(record_->status));
  if (!record_->reviewer.empty())
    text += tr(" by %1 at %2").arg(QString::fromStdString(record_->reviewer), QString::fromStdString(record_->reviewed_at));
  if (!record_->flags.empty()) {
    QStringList flags;
    for (const auto& flag : record_->flags) flags << QString::fromStdString(flag);
    text += tr("; flags: %1").arg(flags.join(", "));
  }
  if (record_->text.synthetic) text += tr("; synthetic (made by augmentation)");
  if (modified_) text += tr(" (edited, not saved)");
  header_->setText(text);
}

void RecordEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RecordEditor::retranslate() {
  category_label_->setText(tr("&Category"));
  instruction_label_->setText(tr("&Instruction"));
  input_label_->setText(tr("In&put"));
  output_label_->setText(tr("&Output"));
  turns_label_->setText(tr("Tu&rns"));
  turns_label_->setBuddy(turns_);
  history_label_->setText(tr("Earlier &versions"));
  history_->setHeaderLabels({tr("Version"), tr("Replaced by"), tr("When"), tr("Reason")});
  reason_->setPlaceholderText(tr("Reason for the edit (kept in the history)"));
  note_->setPlaceholderText(tr("Review note (saved with the decision)"));
  update_header();
}

}  // namespace medlora::ui
