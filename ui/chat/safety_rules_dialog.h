#pragma once
// Edits the safety filter's rules (core/chat/safety_filter.h): dangerous-advice patterns (id,
// category, description, regex, phrases, requires, unless), emergency symptoms, the phrases that
// count as advising to seek care now, and the emergency notice and disclaimer in Chinese and
// English; a Test tab runs the edited rules on a question and an answer and lists the flags.
// OK is refused while a rule is invalid (a bad regex, a missing id ...): the problem is shown
// with the rule's id and the row is selected.
#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

#include "core/chat/safety_filter.h"

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace medlora::ui {

class SafetyRulesDialog : public QDialog {
  Q_OBJECT

 public:
  // Columns of the dangerous-advice table; the emergency-symptom table has Id, Description,
  // Regex and Phrases only (in that order).
  enum AdviceColumn {
    IdColumn,
    CategoryColumn,
    DescriptionColumn,
    RegexColumn,
    PhrasesColumn,
    RequiresColumn,
    UnlessColumn
  };
  enum SymptomColumn { SymptomIdColumn, SymptomDescriptionColumn, SymptomRegexColumn, SymptomPhrasesColumn };

  explicit SafetyRulesDialog(chat::SafetyRules rules, QWidget* parent = nullptr);

  // The rules as the form shows them (blank rows left out; phrases split at , 、 ;). Not
  // validated: see validate().
  chat::SafetyRules rules() const;
  void set_rules(const chat::SafetyRules& rules);
  // Empty when the rules compile, else the problem naming the rule ("safety rules:
  // dangerous_advice[2] (id 'x'): invalid regex: ...").
  QString validate() const;

  QTableWidget* advice_table() const { return advice_; }
  QTableWidget* symptom_table() const { return symptoms_; }
  QPlainTextEdit* emergency_advice_edit() const { return emergency_advice_; }  // one phrase a line
  QPlainTextEdit* notice_edit(const QString& language) const;                  // "zh" or "en"
  QPlainTextEdit* disclaimer_edit(const QString& language) const;              // "zh" or "en"
  QPlainTextEdit* test_question_edit() const { return test_question_; }
  QPlainTextEdit* test_answer_edit() const { return test_answer_; }
  QTreeWidget* test_flags() const { return test_flags_; }  // kind, rule, category, matched, description
  QLabel* test_summary_label() const { return test_summary_; }
  QLabel* error_label() const { return error_; }
  QTabWidget* tabs() const { return tabs_; }

 public Q_SLOTS:
  void accept() override;
  // Checks the Test tab's question and answer with the form's rules and lists the flags (or
  // the rules' problem).
  void run_test();
  void restore_shipped_rules();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QWidget* table_page(QTableWidget* table);  // the hint label and Add / Remove, texts set by the caller
  void select_rule_at_fault(const QString& problem);

  QTabWidget* tabs_;
  QTableWidget* advice_;
  QTableWidget* symptoms_;
  QPlainTextEdit* emergency_advice_;
  QPlainTextEdit* notice_zh_;
  QPlainTextEdit* notice_en_;
  QPlainTextEdit* disclaimer_zh_;
  QPlainTextEdit* disclaimer_en_;
  QPlainTextEdit* test_question_;
  QPlainTextEdit* test_answer_;
  QTreeWidget* test_flags_;
  QLabel* test_summary_;
  QLabel* error_;
  std::vector<std::function<void()>> retranslators_;  // each sets some texts in the current language
};

// Loads the user's safety rules (showing a broken file's problem), runs the dialog and saves
// what was accepted. Returns the saved rules, std::nullopt when cancelled or not saved.
std::optional<chat::SafetyRules> edit_safety_rules(QWidget* parent);

}  // namespace medlora::ui
