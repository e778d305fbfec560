#pragma once
// Edits the adapter routing rules (core/chat/adapter_router.h): a table of rules in priority
// order (the first rule with a matching keyword wins), each an adapter and its keywords
// separated by commas or 、; move up/down, add, remove; the default adapter; "Restore shipped
// rules"; and a "Try a question" line that shows the router's decision and reason live.
// OK is refused, with the problem shown, while the rules are not valid.
#include <QDialog>
#include <QStringList>

#include <optional>

#include "core/chat/adapter_router.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

class QFormLayout;

namespace medlora::ui {

class RoutingRulesDialog : public QDialog {
  Q_OBJECT

 public:
  enum Column { AdapterColumn = 0, KeywordsColumn = 1 };

  // `adapter_names`: the adapters the user can pick from (free text is allowed too).
  RoutingRulesDialog(chat::RoutingRules rules, QStringList adapter_names, QWidget* parent = nullptr);

  // The rules as the form shows them (rows with neither adapter nor keywords left out;
  // "base" stands for the base model). Not validated: see validate().
  chat::RoutingRules rules() const;
  void set_rules(const chat::RoutingRules& rules);
  // Empty when the form's rules are valid, else what is wrong and where ("Rule 2: ...");
  // `row` (if given) receives the table row at fault, -1 when none is.
  QString validate(int* row = nullptr) const;

  // Keywords of one cell: split at , ， 、 ; ；, trimmed, empty pieces dropped.
  static std::vector<std::string> split_keywords(const QString& text);

  QTableWidget* rules_table() const { return table_; }
  QComboBox* default_adapter_combo() const { return default_adapter_; }
  QLineEdit* try_question_edit() const { return try_question_; }
  QLabel* decision_label() const { return decision_; }
  QLabel* error_label() const { return error_; }

 public Q_SLOTS:
  void accept() override;
  void add_rule();
  void remove_rule();
  void move_rule(int delta);  // -1 up, +1 down (the current row)
  void restore_shipped_rules();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();  // every text; the decision and the problem said again
  void append_row(const QString& adapter, const QString& keywords);
  void update_decision();

  QStringList adapter_names_;
  QTableWidget* table_;
  QFormLayout* form_ = nullptr;
  QComboBox* default_adapter_;
  QLineEdit* try_question_;
  QLabel* decision_;
  QLabel* error_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* up_;
  QPushButton* down_;
  QPushButton* restore_;
};

// Loads the user's rules (showing a broken file's problem), runs the dialog and saves what was
// accepted (showing a save failure). Returns the saved rules, std::nullopt when cancelled or
// not saved.
std::optional<chat::RoutingRules> edit_routing_rules(const QStringList& adapter_names, QWidget* parent);

}  // namespace medlora::ui
