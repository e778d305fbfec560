#pragma once
// The side pane that shows one record: its texts (or, for a conversation record, its turns in a
// TurnListEditor) and category to edit, the review decision
// with a note, and the versions it had before (who changed it, when, why). It holds no
// workspace: the panel reads the record, and performs the save and the decisions through the
// actions it hands in.
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QTreeWidget>
#include <QWidget>

#include <optional>
#include <vector>

#include "core/store/record_types.h"
#include "ui/datasets/turn_list_editor.h"

namespace medlora::ui {

class RecordEditor : public QWidget {
  Q_OBJECT

 public:
  explicit RecordEditor(QWidget* parent = nullptr);

  // The panel's actions, shown as buttons here (their shortcuts work panel-wide).
  void set_actions(QAction* save, QAction* approve, QAction* reject, QAction* needs_edit);
  void set_categories(const QStringList& categories);

  void show_record(const store::StoredRecord& record, const std::vector<store::RecordVersion>& history);
  void clear_record();
  bool has_record() const { return record_.has_value(); }
  int64_t record_id() const { return record_ ? record_->id : 0; }

  // Whether the texts or category differ from the stored record.
  bool is_modified() const;
  // The stored text with the edits applied (metadata and the synthetic mark kept).
  data::RecordText edited_text() const;
  // The reason typed for the edit (a default one when left empty).
  QString edit_reason() const;
  QString review_note() const;

  QLabel* header_label() const { return header_; }
  QPlainTextEdit* instruction_edit() const { return instruction_; }
  QPlainTextEdit* input_edit() const { return input_; }
  QPlainTextEdit* output_edit() const { return output_; }
  TurnListEditor* turns_edit() const { return turns_; }
  QComboBox* category_combo() const { return category_; }
  QLineEdit* reason_edit() const { return reason_; }
  QLineEdit* note_edit() const { return note_; }
  QTreeWidget* history_tree() const { return history_; }
  QPlainTextEdit* version_view() const { return version_view_; }

 Q_SIGNALS:
  void modified_changed(bool modified);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void update_header();
  void show_version(int index);
  void on_edited();
  void show_fields_for(bool conversation);

  std::optional<store::StoredRecord> record_;
  std::vector<store::RecordVersion> history_versions_;
  bool loading_ = false;
  bool modified_ = false;
  QLabel* header_;
  QLabel* category_label_;
  QLabel* instruction_label_;
  QLabel* input_label_;
  QLabel* output_label_;
  QLabel* history_label_;
  QComboBox* category_;
  QPlainTextEdit* instruction_;
  QPlainTextEdit* input_;
  QPlainTextEdit* output_;
  QLabel* turns_label_;
  TurnListEditor* turns_;
  QLineEdit* reason_;
  QLineEdit* note_;
  QToolButton* save_;
  QToolButton* approve_;
  QToolButton* reject_;
  QToolButton* needs_edit_;
  QTreeWidget* history_;
  QPlainTextEdit* version_view_;
};

}  // namespace medlora::ui
