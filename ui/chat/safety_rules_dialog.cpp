#include "ui/chat/safety_rules_dialog.h"

#include <QEvent>

#include <array>
#include <functional>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <string>
#include <vector>

#include "ui/chat/chat_rules_files.h"
#include "ui/chat/routing_rules_dialog.h"

namespace medlora::ui {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

void set_cell(QTableWidget* table, int row, int column, const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setToolTip(text);  // regexes are longer than their column
  table->setItem(row, column, item);
}

QString cell(const QTableWidget* table, int row, int column) {
  const QTableWidgetItem* item = table->item(row, column);
  return item ? item->text().trimmed() : QString();
}

QString joined(const std::vector<std::string>& phrases) {
  QStringList list;
  for (const auto& phrase : phrases) list << q(phrase);
  return list.join(", ");
}

// Table rows with any text, i.e. the rows rules() turns into patterns, in order.
std::vector<int> filled_rows(const QTableWidget* table) {
  std::vector<int> rows;
  for (int row = 0; row < table->rowCount(); ++row) {
    for (int column = 0; column < table->columnCount(); ++column) {
      if (!cell(table, row, column).isEmpty()) {
        rows.push_back(row);
        break;
      }
    }
  }
  return rows;
}

QPlainTextEdit* text_edit(QWidget* parent, const QString& name, int height) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(name);
  edit->setTabChangesFocus(true);
  edit->setMaximumHeight(height);
  return edit;
}

}  // namespace

SafetyRulesDialog::SafetyRulesDialog(chat::SafetyRules rules, QWidget* parent)
    : QDialog(parent),
      tabs_(new QTabWidget(this)),
      advice_(new QTableWidget(0, 7, this)),
      symptoms_(new QTableWidget(0, 4, this)),
      emergency_advice_(text_edit(this, "emergency_advice", 120)),
      notice_zh_(text_edit(this, "notice_zh", 70)),
      notice_en_(text_edit(this, "notice_en", 70)),
      disclaimer_zh_(text_edit(this, "disclaimer_zh", 70)),
      disclaimer_en_(text_edit(this, "disclaimer_en", 70)),
      test_question_(text_edit(this, "test_question", 80)),
      test_answer_(text_edit(this, "test_answer", 140)),
      test_flags_(new QTreeWidget(this)),
      test_summary_(new QLabel(this)),
      error_(new QLabel(this)) {
  setObjectName("safety_rules_dialog");
  // Each text is set by a small function, run now and again on QEvent::LanguageChange.
  auto translated = [this](std::function<void()> set) {
    set();
    retranslators_.push_back(std::move(set));
  };
  translated([this] { setWindowTitle(tr("Safety filter rules")); });
  advice_->setObjectName("dangerous_advice");
  translated([this] {
    advice_->setHorizontalHeaderLabels(
        {tr("Id"), tr("Category"), tr("Description"), tr("Regex"), tr("Phrases"), tr("Requires"), tr("Unless")});
    advice_->horizontalHeaderItem(RegexColumn)
        ->setToolTip(tr("Matched on the answer, case-insensitive (Perl-style regular expression)"));
    advice_->horizontalHeaderItem(PhrasesColumn)->setToolTip(tr("Plain phrases, separated by , or 、"));
    advice_->horizontalHeaderItem(RequiresColumn)
        ->setToolTip(tr("Optional regex that must also match the question or the answer"));
    advice_->horizontalHeaderItem(UnlessColumn)
        ->setToolTip(
            tr("Optional regex: a match whose sentence matches it is not flagged (\"antibiotics are not needed\")"));
  });
  symptoms_->setObjectName("emergency_symptoms");
  translated([this] { symptoms_->setHorizontalHeaderLabels({tr("Id"), tr("Description"), tr("Regex"), tr("Phrases")}); });
  for (QTableWidget* table : {advice_, symptoms_}) {
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMinimumSize(640, 220);
  }
  emergency_advice_->setMaximumHeight(QWIDGETSIZE_MAX);
  translated([this] {
    emergency_advice_->setToolTip(
        tr("One phrase a line. An answer to an emergency question that contains none of "
           "them is flagged for not telling the patient to seek care now."));
  });

  auto* advice_page = table_page(advice_);
  auto* emergency_page = table_page(symptoms_);
  auto* advice_label = new QLabel(emergency_page);
  advice_label->setBuddy(emergency_advice_);
  emergency_page->layout()->addWidget(advice_label);
  emergency_page->layout()->addWidget(emergency_advice_);
  tabs_->addTab(advice_page, QString());
  tabs_->addTab(emergency_page, QString());

  auto* texts_page = new QWidget(this);
  auto* texts = new QFormLayout(texts_page);
  std::array<QLabel*, 4> text_labels{};
  const std::array<QWidget*, 4> text_fields{notice_zh_, notice_en_, disclaimer_zh_, disclaimer_en_};
  for (size_t i = 0; i < text_fields.size(); ++i) {
    text_labels[i] = new QLabel(texts_page);
    text_labels[i]->setBuddy(text_fields[i]);
    texts->addRow(text_labels[i], text_fields[i]);
  }
  tabs_->addTab(texts_page, QString());

  auto* test_page = new QWidget(this);
  auto* test = new QFormLayout(test_page);
  auto* check = new QPushButton(test_page);
  test_flags_->setObjectName("test_flags");
  test_flags_->setRootIsDecorated(false);
  test_summary_->setObjectName("test_summary");
  test_summary_->setWordWrap(true);
  test_summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* question_label = new QLabel(test_page);
  auto* answer_label = new QLabel(test_page);
  auto* flags_label = new QLabel(test_page);
  question_label->setBuddy(test_question_);
  answer_label->setBuddy(test_answer_);
  test->addRow(question_label, test_question_);
  test->addRow(answer_label, test_answer_);
  test->addRow(QString(), check);
  test->addRow(flags_label, test_flags_);
  test->addRow(QString(), test_summary_);
  tabs_->addTab(test_page, QString());
  connect(check, &QPushButton::clicked, this, &SafetyRulesDialog::run_test);
  auto* check_shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), test_page);
  check_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
  connect(check_shortcut, &QShortcut::activated, this, &SafetyRulesDialog::run_test);

  error_->setObjectName("safety_error");
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #b00020;");
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* restore = box->addButton(QString(), QDialogButtonBox::ResetRole);
  connect(restore, &QPushButton::clicked, this, &SafetyRulesDialog::restore_shipped_rules);
  connect(box, &QDialogButtonBox::accepted, this, &SafetyRulesDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &SafetyRulesDialog::reject);

  translated([=] {
    advice_page->findChild<QLabel*>("table_hint")->setText(tr("Answers matching these patterns are flagged (never rewritten)."));
    emergency_page->findChild<QLabel*>("table_hint")->setText(tr("Questions mentioning these symptoms get an emergency notice."));
    advice_label->setText(tr("Phrases that advise to seek care &now:"));
    tabs_->setTabText(0, tr("&Dangerous advice"));
    tabs_->setTabText(1, tr("&Emergencies"));
    text_labels[0]->setText(tr("Emergency notice (Chinese):"));
    text_labels[1]->setText(tr("Emergency notice (English):"));
    text_labels[2]->setText(tr("Disclaimer (Chinese):"));
    text_labels[3]->setText(tr("Disclaimer (English):"));
    tabs_->setTabText(2, tr("&Notice and disclaimer"));
    check->setText(tr("&Check"));
    check->setToolTip(tr("Run the rules as edited here on the question and the answer (Ctrl+Return)"));
    test_flags_->setHeaderLabels({tr("Flag"), tr("Rule"), tr("Category"), tr("Matched"), tr("Description")});
    test_question_->setPlaceholderText(tr("A patient's question, e.g. 我感冒了，胸痛，怎么办？"));
    test_answer_->setPlaceholderText(tr("A model's answer, e.g. 吃点阿莫西林就好了。"));
    question_label->setText(tr("&Question:"));
    answer_label->setText(tr("&Answer:"));
    flags_label->setText(tr("Flags:"));
    tabs_->setTabText(3, tr("&Test"));
    restore->setText(tr("Restore &shipped rules"));
    restore->setToolTip(tr("Replace the form with the rules shipped with MedLoRA (nothing is saved until OK)"));
    for (QWidget* page : {advice_page, emergency_page}) {
      page->findChild<QPushButton*>("add_rule")->setText(tr("&Add"));
      page->findChild<QPushButton*>("add_rule")->setToolTip(tr("Add a rule at the end"));
      page->findChild<QPushButton*>("remove_rule")->setText(tr("&Remove"));
      page->findChild<QPushButton*>("remove_rule")->setToolTip(tr("Remove the selected rule"));
    }
  });

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs_, 1);
  layout->addWidget(error_);
  layout->addWidget(box);
  set_rules(rules);
}

QWidget* SafetyRulesDialog::table_page(QTableWidget* table) {
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  auto* label = new QLabel(page);
  label->setObjectName("table_hint");
  label->setWordWrap(true);
  layout->addWidget(label);
  layout->addWidget(table, 1);
  auto* add = new QPushButton(page);
  auto* remove = new QPushButton(page);
  add->setObjectName("add_rule");
  remove->setObjectName("remove_rule");
  auto* row = new QHBoxLayout;
  row->addWidget(add);
  row->addWidget(remove);
  row->addStretch(1);
  static_cast<QVBoxLayout*>(layout)->addLayout(row);
  connect(add, &QPushButton::clicked, this, [table] {
    table->insertRow(table->rowCount());
    table->setCurrentCell(table->rowCount() - 1, 0);
    table->editItem(table->currentItem());
  });
  connect(remove, &QPushButton::clicked, this, [table] {
    if (table->currentRow() >= 0) table->removeRow(table->currentRow());
  });
  return page;
}

void SafetyRulesDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    for (const auto& set : retranslators_) set();
    if (!test_summary_->text().isEmpty()) run_test();  // the flags and the summary, said again
  }
  QDialog::changeEvent(event);
}

QPlainTextEdit* SafetyRulesDialog::notice_edit(const QString& language) const {
  return language == "zh" ? notice_zh_ : notice_en_;
}

QPlainTextEdit* SafetyRulesDialog::disclaimer_edit(const QString& language) const {
  return language == "zh" ? disclaimer_zh_ : disclaimer_en_;
}

void SafetyRulesDialog::set_rules(const chat::SafetyRules& rules) {
  advice_->setRowCount(0);
  for (const auto& pattern : rules.dangerous_advice) {
    const int row = advice_->rowCount();
    advice_->insertRow(row);
    set_cell(advice_, row, IdColumn, q(pattern.id));
    set_cell(advice_, row, CategoryColumn, q(pattern.category));
    set_cell(advice_, row, DescriptionColumn, q(pattern.description));
    set_cell(advice_, row, RegexColumn, q(pattern.regex));
    set_cell(advice_, row, PhrasesColumn, joined(pattern.phrases));
    set_cell(advice_, row, RequiresColumn, q(pattern.requires_regex));
    set_cell(advice_, row, UnlessColumn, q(pattern.unless_regex));
  }
  symptoms_->setRowCount(0);
  for (const auto& pattern : rules.emergency_symptoms) {
    const int row = symptoms_->rowCount();
    symptoms_->insertRow(row);
    set_cell(symptoms_, row, SymptomIdColumn, q(pattern.id));
    set_cell(symptoms_, row, SymptomDescriptionColumn, q(pattern.description));
    set_cell(symptoms_, row, SymptomRegexColumn, q(pattern.regex));
    set_cell(symptoms_, row, SymptomPhrasesColumn, joined(pattern.phrases));
  }
  QStringList advice;
  for (const auto& phrase : rules.emergency_advice) advice << q(phrase);
  emergency_advice_->setPlainText(advice.join('\n'));
  notice_zh_->setPlainText(q(rules.emergency_notice.zh));
  notice_en_->setPlainText(q(rules.emergency_notice.en));
  disclaimer_zh_->setPlainText(q(rules.disclaimer.zh));
  disclaimer_en_->setPlainText(q(rules.disclaimer.en));
  error_->clear();
}

chat::SafetyRules SafetyRulesDialog::rules() const {
  chat::SafetyRules rules;
  for (int row : filled_rows(advice_)) {
    chat::SafetyPattern pattern;
    pattern.id = cell(advice_, row, IdColumn).toStdString();
    pattern.category = cell(advice_, row, CategoryColumn).toStdString();
    pattern.description = cell(advice_, row, DescriptionColumn).toStdString();
    pattern.regex = cell(advice_, row, RegexColumn).toStdString();
    pattern.phrases = RoutingRulesDialog::split_keywords(cell(advice_, row, PhrasesColumn));
    pattern.requires_regex = cell(advice_, row, RequiresColumn).toStdString();
    pattern.unless_regex = cell(advice_, row, UnlessColumn).toStdString();
    rules.dangerous_advice.push_back(std::move(pattern));
  }
  for (int row : filled_rows(symptoms_)) {
    chat::SafetyPattern pattern;
    pattern.id = cell(symptoms_, row, SymptomIdColumn).toStdString();
    pattern.description = cell(symptoms_, row, SymptomDescriptionColumn).toStdString();
    pattern.regex = cell(symptoms_, row, SymptomRegexColumn).toStdString();
    pattern.phrases = RoutingRulesDialog::split_keywords(cell(symptoms_, row, SymptomPhrasesColumn));
    rules.emergency_symptoms.push_back(std::move(pattern));
  }
  for (const QString& line : emergency_advice_->toPlainText().split('\n')) {
    if (!line.trimmed().isEmpty()) rules.emergency_advice.push_back(line.trimmed().toStdString());
  }
  rules.emergency_notice = {notice_zh_->toPlainText().trimmed().toStdString(),
                            notice_en_->toPlainText().trimmed().toStdString()};
  rules.disclaimer = {disclaimer_zh_->toPlainText().trimmed().toStdString(),
                      disclaimer_en_->toPlainText().trimmed().toStdString()};
  return rules;
}

QString SafetyRulesDialog::validate() const {
  try {
    const chat::SafetyFilter filter(rules());
  } catch (const std::exception& e) {
    return q(e.what());
  }
  return {};
}

void SafetyRulesDialog::select_rule_at_fault(const QString& problem) {
  static const QRegularExpression where(QStringLiteral("(dangerous_advice|emergency_symptoms)\\[(\\d+)\\]"));
  const QRegularExpressionMatch match = where.match(problem);
  if (!match.hasMatch()) return;
  QTableWidget* table = match.captured(1) == "dangerous_advice" ? advice_ : symptoms_;
  const std::vector<int> rows = filled_rows(table);
  const size_t index = match.captured(2).toULongLong();
  if (index >= rows.size()) return;
  tabs_->setCurrentIndex(table == advice_ ? 0 : 1);
  table->setCurrentCell(rows[index], table == advice_ ? int(RegexColumn) : int(SymptomRegexColumn));
  table->setFocus();
}

void SafetyRulesDialog::accept() {
  const QString problem = validate();
  if (!problem.isEmpty()) {
    error_->setText(problem);
    select_rule_at_fault(problem);
    return;
  }
  QDialog::accept();
}

void SafetyRulesDialog::run_test() {
  test_flags_->clear();
  const QString problem = validate();
  error_->setText(problem);
  if (!problem.isEmpty()) {
    test_summary_->setText(tr("The rules cannot be checked until this is fixed: %1").arg(problem));
    return;
  }
  const chat::SafetyFilter filter(rules());
  const chat::SafetyReport report =
      filter.check(test_question_->toPlainText().toStdString(), test_answer_->toPlainText().toStdString());
  for (const auto& flag : report.flags) {
    QString kind;
    switch (flag.kind) {
      case chat::SafetyFlagKind::DangerousAdvice:
        kind = tr("Dangerous advice");
        break;
      case chat::SafetyFlagKind::EmergencyQuestion:
        kind = tr("Emergency in the question");
        break;
      case chat::SafetyFlagKind::MissingEmergencyAdvice:
        kind = tr("No advice to seek care now");
        break;
    }
    new QTreeWidgetItem(test_flags_,
                        {kind, q(flag.rule_id), q(flag.category), q(flag.matched_text), q(flag.description)});
  }
  for (int column = 0; column < test_flags_->columnCount() - 1; ++column) test_flags_->resizeColumnToContents(column);
  QString summary = report.flags.empty() ? tr("No flags.") : tr("%n flag(s).", nullptr, int(report.flags.size()));
  if (report.emergency()) summary += '\n' + tr("Emergency notice: %1").arg(q(report.emergency_notice));
  summary += '\n' + tr("Disclaimer: %1").arg(q(report.disclaimer));
  test_summary_->setText(summary);
}

void SafetyRulesDialog::restore_shipped_rules() { set_rules(chat::SafetyRules::defaults()); }

std::optional<chat::SafetyRules> edit_safety_rules(QWidget* parent) {
  QString problem;
  const chat::SafetyRules current = load_safety_rules(&problem);
  if (!problem.isEmpty()) QMessageBox::warning(parent, SafetyRulesDialog::tr("Safety rules"), problem);
  SafetyRulesDialog dialog(current, parent);
  while (dialog.exec() == QDialog::Accepted) {
    const chat::SafetyRules edited = dialog.rules();
    try {
      save_safety_rules(edited);
      return edited;
    } catch (const std::exception& e) {
      QMessageBox::critical(&dialog, SafetyRulesDialog::tr("Safety rules"),
                            SafetyRulesDialog::tr("The rules were not saved: %1").arg(q(e.what())));
    }
  }
  return std::nullopt;
}

}  // namespace medlora::ui
