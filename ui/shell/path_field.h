#pragma once
// A path typed by hand or picked with Browse...: a line edit (or an editable combo box that
// lists known choices, such as the models) and a button that opens a file or folder picker
// starting at what is typed. Every path field of the workbench is one of these.
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>

#include <functional>

namespace medlora::ui {

class PathField : public QWidget {
  Q_OBJECT

 public:
  enum class Kind { OpenFile, SaveFile, Folder };

  // A field with its own line edit.
  explicit PathField(Kind kind, QWidget* parent = nullptr);
  // A field around `editor`, a QLineEdit or an editable QComboBox, which it takes into its row.
  PathField(Kind kind, QWidget* editor, QWidget* parent);

  Kind kind() const { return kind_; }
  QString path() const;
  void set_path(const QString& path);
  // The picker's title and, for files, its name filter ("JSON lines (*.jsonl);;All files (*)").
  // The owner sets them (translated) in its retranslate().
  void set_dialog_title(const QString& title) { title_ = title; }
  void set_filter(const QString& filter) { filter_ = filter; }
  // Where the picker opens while the field is empty (e.g. the default models folder).
  void set_empty_start(const QString& dir) { empty_start_ = dir; }
  QString dialog_title() const { return title_; }
  QString filter() const { return filter_; }

  QLineEdit* line_edit() const { return edit_; }
  QComboBox* combo() const { return combo_; }
  QPushButton* browse_button() const { return browse_; }

  // Opens the picker; a chosen path replaces the text and is emitted as path_chosen().
  void browse();

  // Tests replace the file dialogs: the picker gets (kind, title, start, filter) and returns
  // the chosen path or "" (cancelled). An empty function restores the dialogs.
  using Picker = std::function<QString(Kind, const QString&, const QString&, const QString&)>;
  static void set_picker_for_tests(Picker picker);

 signals:
  void path_chosen(const QString& path);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void build(QWidget* editor);
  void retranslate();

  Kind kind_;
  QLineEdit* edit_ = nullptr;
  QComboBox* combo_ = nullptr;
  QPushButton* browse_;
  QString title_;
  QString filter_;
  QString empty_start_;
};

}  // namespace medlora::ui
