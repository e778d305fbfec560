#include "ui/shell/path_field.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>

namespace medlora::ui {
namespace {

PathField::Picker& test_picker() {
  static PathField::Picker picker;
  return picker;
}

}  // namespace

PathField::PathField(Kind kind, QWidget* parent) : QWidget(parent), kind_(kind), browse_(new QPushButton(this)) {
  build(new QLineEdit(this));
}

PathField::PathField(Kind kind, QWidget* editor, QWidget* parent)
    : QWidget(parent), kind_(kind), browse_(new QPushButton(this)) {
  build(editor ? editor : new QLineEdit(this));
}

void PathField::build(QWidget* editor) {
  setObjectName("path_field");
  browse_->setObjectName("browse");
  combo_ = qobject_cast<QComboBox*>(editor);
  edit_ = combo_ ? combo_->lineEdit() : qobject_cast<QLineEdit*>(editor);
  Q_ASSERT_X(edit_, "PathField", "the editor is a QLineEdit or an editable QComboBox");
  editor->setParent(this);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(editor, 1);
  layout->addWidget(browse_);
  setFocusProxy(editor);
  connect(browse_, &QPushButton::clicked, this, &PathField::browse);
  retranslate();
}

QString PathField::path() const { return (combo_ ? combo_->currentText() : edit_->text()).trimmed(); }

void PathField::set_path(const QString& path) {
  if (combo_) combo_->setEditText(path);
  else edit_->setText(path);
}

void PathField::browse() {
  // Start where the typed path is, or in its folder when it names a file that is not there yet.
  QString start = path().isEmpty() ? empty_start_ : path();
  if (!start.isEmpty() && kind_ != Kind::Folder && !QFileInfo(start).isDir() && !QFileInfo::exists(start))
    start = QFileInfo(start).absolutePath();
  QString chosen;
  if (test_picker()) chosen = test_picker()(kind_, title_, start, filter_);
  else if (kind_ == Kind::Folder) chosen = QFileDialog::getExistingDirectory(this, title_, start);
  else if (kind_ == Kind::OpenFile) chosen = QFileDialog::getOpenFileName(this, title_, start, filter_);
  else chosen = QFileDialog::getSaveFileName(this, title_, start, filter_);
  if (chosen.isEmpty()) return;
  chosen = QDir::toNativeSeparators(chosen);
  set_path(chosen);
  emit path_chosen(chosen);
}

void PathField::set_picker_for_tests(Picker picker) { test_picker() = std::move(picker); }

void PathField::retranslate() {
  browse_->setText(tr("Browse..."));
  browse_->setToolTip(kind_ == Kind::Folder ? tr("Choose a folder") : tr("Choose a file"));
}

void PathField::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
