#include "ui/chat/routing_rules_dialog.h"

#include <QEvent>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <stdexcept>
#include <utility>

#include "ui/chat/chat_rules_files.h"

namespace medlora::ui {
namespace {

const char* const kBase = "base";

QString adapter_text(const std::string& adapter) {
  return adapter.empty() ? QString(kBase) : QString::fromStdString(adapter);
}

// The adapter cell edits in a combo box of the known adapters that also takes free text.
class AdapterDelegate : public QStyledItemDelegate {
 public:
  AdapterDelegate(QStringList names, QObject* parent) : QStyledItemDelegate(parent), names_(std::move(names)) {}

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
    auto* combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->addItems(names_);
    return combo;
  }
  void setEditorData(QWidget* editor, const QModelIndex& index) const override {
    static_cast<QComboBox*>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
  }
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
    model->setData(index, static_cast<QComboBox*>(editor)->currentText().trimmed(), Qt::EditRole);
  }

 private:
  QStringList names_;
};

}  // namespace

RoutingRulesDialog::RoutingRulesDialog(chat::RoutingRules rules, QStringList adapter_names, QWidget* parent)
    : QDialog(parent),
      adapter_names_(std::move(adapter_names)),
      table_(new QTableWidget(0, 2, this)),
      default_adapter_(new QComboBox(this)),
      try_question_(new QLineEdit(this)),
      decision_(new QLabel(this)),
      error_(new QLabel(this)),
      add_(new QPushButton(this)),
      remove_(new QPushButton(this)),
      up_(new QPushButton(this)),
      down_(new QPushButton(this)),
      restore_(new QPushButton(this)) {
  setObjectName("routing_rules_dialog");
  if (!adapter_names_.contains(kBase)) adapter_names_.append(kBase);

  table_->setObjectName("routing_rules");
  table_->horizontalHeader()->setSectionResizeMode(AdapterColumn, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setItemDelegateForColumn(AdapterColumn, new AdapterDelegate(adapter_names_, table_));
  table_->setMinimumSize(520, 200);

  default_adapter_->setObjectName("default_adapter");
  default_adapter_->setEditable(true);
  default_adapter_->addItems(adapter_names_);
  try_question_->setObjectName("try_question");
  try_question_->setClearButtonEnabled(true);
  decision_->setObjectName("route_decision");
  decision_->setWordWrap(true);
  decision_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setObjectName("routing_error");
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #b00020;");

  add_->setShortcut(QKeySequence::New);
  remove_->setShortcut(QKeySequence::Delete);
  up_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
  down_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));

  auto* buttons_row = new QHBoxLayout;
  for (QPushButton* button : {add_, remove_, up_, down_}) buttons_row->addWidget(button);
  buttons_row->addStretch(1);
  buttons_row->addWidget(restore_);

  auto* form = new QFormLayout;
  form_ = form;
  for (QWidget* field : std::initializer_list<QWidget*>{default_adapter_, try_question_}) {
    auto* label = new QLabel(this);
    label->setBuddy(field);
    form->addRow(label, field);
  }
  form->addRow(QString(), decision_);

  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons_row);
  layout->addLayout(form);
  layout->addWidget(error_);
  layout->addWidget(box);

  connect(add_, &QPushButton::clicked, this, &RoutingRulesDialog::add_rule);
  connect(remove_, &QPushButton::clicked, this, &RoutingRulesDialog::remove_rule);
  connect(up_, &QPushButton::clicked, this, [this] { move_rule(-1); });
  connect(down_, &QPushButton::clicked, this, [this] { move_rule(+1); });
  connect(restore_, &QPushButton::clicked, this, &RoutingRulesDialog::restore_shipped_rules);
  connect(box, &QDialogButtonBox::accepted, this, &RoutingRulesDialog::accept);
  connect(box, &QDialogButtonBox::rejected, this, &RoutingRulesDialog::reject);
  connect(table_, &QTableWidget::itemChanged, this, &RoutingRulesDialog::update_decision);
  connect(default_adapter_, &QComboBox::currentTextChanged, this, &RoutingRulesDialog::update_decision);
  connect(try_question_, &QLineEdit::textChanged, this, &RoutingRulesDialog::update_decision);

  retranslate();
  set_rules(rules);
  setTabOrder(table_, add_);
  setTabOrder(restore_, default_adapter_);
  setTabOrder(default_adapter_, try_question_);
}

void RoutingRulesDialog::retranslate() {
  setWindowTitle(tr("Adapter routing rules"));
  table_->setHorizontalHeaderLabels({tr("Adapter"), tr("Keywords (separated by , or 、)")});
  table_->setToolTip(
      tr("Rules are tried from the top: the first rule with a keyword found in the question "
         "picks the adapter. Put the most urgent rules first."));
  default_adapter_->setToolTip(tr("The adapter that answers when no rule matches (\"base\": the base model)."));
  try_question_->setPlaceholderText(tr("Type a question to see which adapter would answer it"));
  add_->setText(tr("&Add rule"));
  add_->setToolTip(
      tr("Add a rule at the end (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
  remove_->setText(tr("&Remove"));
  remove_->setToolTip(tr("Remove the selected rule (Delete)"));
  up_->setText(tr("Move &up"));
  up_->setToolTip(tr("Give the selected rule a higher priority (Alt+Up)"));
  down_->setText(tr("Move do&wn"));
  down_->setToolTip(tr("Give the selected rule a lower priority (Alt+Down)"));
  restore_->setText(tr("Restore &shipped rules"));
  restore_->setToolTip(tr("Replace the form with the rules shipped with MedLoRA (nothing is saved until OK)"));
  if (auto* label = qobject_cast<QLabel*>(form_->labelForField(default_adapter_))) label->setText(tr("&Default adapter:"));
  if (auto* label = qobject_cast<QLabel*>(form_->labelForField(try_question_))) label->setText(tr("&Try a question:"));
}

void RoutingRulesDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    update_decision();
  }
  QDialog::changeEvent(event);
}

std::vector<std::string> RoutingRulesDialog::split_keywords(const QString& text) {
  static const QRegularExpression separators(QStringLiteral("[,，、;；]"));
  std::vector<std::string> keywords;
  for (const QString& piece : text.split(separators)) {
    const QString keyword = piece.trimmed();
    if (!keyword.isEmpty()) keywords.push_back(keyword.toStdString());
  }
  return keywords;
}

void RoutingRulesDialog::append_row(const QString& adapter, const QString& keywords) {
  const QSignalBlocker block(table_);
  const int row = table_->rowCount();
  table_->insertRow(row);
  table_->setItem(row, AdapterColumn, new QTableWidgetItem(adapter));
  table_->setItem(row, KeywordsColumn, new QTableWidgetItem(keywords));
}

void RoutingRulesDialog::set_rules(const chat::RoutingRules& rules) {
  table_->setRowCount(0);
  for (const auto& rule : rules.rules) {
    QStringList keywords;
    for (const auto& keyword : rule.keywords) keywords << QString::fromStdString(keyword);
    append_row(adapter_text(rule.adapter), keywords.join(", "));
  }
  default_adapter_->setCurrentText(adapter_text(rules.default_adapter));
  update_decision();
}

chat::RoutingRules RoutingRulesDialog::rules() const {
  chat::RoutingRules rules;
  for (int row = 0; row < table_->rowCount(); ++row) {
    const QTableWidgetItem* adapter = table_->item(row, AdapterColumn);
    const QTableWidgetItem* keywords = table_->item(row, KeywordsColumn);
    chat::RoutingRule rule;
    rule.adapter = adapter ? adapter->text().trimmed().toStdString() : std::string();
    rule.keywords = split_keywords(keywords ? keywords->text() : QString());
    if (rule.adapter.empty() && rule.keywords.empty()) continue;
    rules.rules.push_back(std::move(rule));
  }
  rules.default_adapter = default_adapter_->currentText().trimmed().toStdString();
  return rules;
}

QString RoutingRulesDialog::validate(int* row) const {
  if (row) *row = -1;
  const chat::RoutingRules current = rules();
  // rules() skips blank rows: map rule numbers back to table rows.
  std::vector<int> rows;
  for (int r = 0; r < table_->rowCount(); ++r) {
    const QTableWidgetItem* adapter = table_->item(r, AdapterColumn);
    const QTableWidgetItem* keywords = table_->item(r, KeywordsColumn);
    if ((adapter && !adapter->text().trimmed().isEmpty()) || (keywords && !split_keywords(keywords->text()).empty()))
      rows.push_back(r);
  }
  for (size_t i = 0; i < current.rules.size(); ++i) {
    const auto& rule = current.rules[i];
    if (row && (rule.adapter.empty() || rule.keywords.empty())) *row = rows[i];
    if (rule.adapter.empty())
      return tr("Rule %1: name the adapter that answers (\"base\" for the base model).").arg(i + 1);
    if (rule.keywords.empty())
      return tr("Rule %1 (%2): give at least one keyword.").arg(i + 1).arg(QString::fromStdString(rule.adapter));
  }
  if (current.default_adapter.empty())
    return tr("Choose the default adapter, which answers when no rule matches (\"base\" for the base model).");
  try {
    chat::AdapterRouter router(current);
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

void RoutingRulesDialog::update_decision() {
  const QString problem = validate();
  error_->setText(problem);
  const QString question = try_question_->text().trimmed();
  if (question.isEmpty()) {
    decision_->setText(tr("(type a question above to see the decision)"));
    return;
  }
  if (!problem.isEmpty()) {
    decision_->setText(tr("The rules cannot route until the problem below is fixed."));
    return;
  }
  const chat::AdapterRouter router(rules());
  const chat::RouteDecision decision = router.route(question.toStdString());
  const QString adapter = (decision.adapter.empty() || decision.adapter == kBase)
                              ? tr("the base model")
                              : QString::fromStdString(decision.adapter);
  decision_->setText(tr("Answered by %1 — %2").arg(adapter, QString::fromStdString(decision.reason)));
}

void RoutingRulesDialog::accept() {
  int row = -1;
  const QString problem = validate(&row);
  if (!problem.isEmpty()) {
    error_->setText(problem);
    if (row >= 0) {
      table_->setCurrentCell(row, AdapterColumn);
      table_->setFocus();
    }
    return;
  }
  QDialog::accept();
}

void RoutingRulesDialog::add_rule() {
  append_row(QString(), QString());
  const int row = table_->rowCount() - 1;
  table_->setCurrentCell(row, AdapterColumn);
  table_->editItem(table_->item(row, AdapterColumn));
  update_decision();
}

void RoutingRulesDialog::remove_rule() {
  const int row = table_->currentRow();
  if (row < 0) return;
  table_->removeRow(row);
  if (table_->rowCount() > 0) table_->setCurrentCell(std::min(row, table_->rowCount() - 1), KeywordsColumn);
  update_decision();
}

void RoutingRulesDialog::move_rule(int delta) {
  const int row = table_->currentRow();
  const int target = row + delta;
  if (row < 0 || target < 0 || target >= table_->rowCount()) return;
  {
    const QSignalBlocker block(table_);
    for (int column = 0; column < table_->columnCount(); ++column) {
      QTableWidgetItem* from = table_->takeItem(row, column);
      QTableWidgetItem* to = table_->takeItem(target, column);
      table_->setItem(row, column, to);
      table_->setItem(target, column, from);
    }
  }
  table_->setCurrentCell(target, table_->currentColumn() < 0 ? KeywordsColumn : table_->currentColumn());
  update_decision();
}

void RoutingRulesDialog::restore_shipped_rules() { set_rules(chat::RoutingRules::defaults()); }

std::optional<chat::RoutingRules> edit_routing_rules(const QStringList& adapter_names, QWidget* parent) {
  QString problem;
  const chat::RoutingRules current = load_routing_rules(&problem);
  if (!problem.isEmpty()) QMessageBox::warning(parent, RoutingRulesDialog::tr("Routing rules"), problem);
  RoutingRulesDialog dialog(current, adapter_names, parent);
  while (dialog.exec() == QDialog::Accepted) {
    const chat::RoutingRules edited = dialog.rules();
    try {
      save_routing_rules(edited);
      return edited;
    } catch (const std::exception& e) {
      QMessageBox::critical(
          &dialog, RoutingRulesDialog::tr("Routing rules"),
          RoutingRulesDialog::tr("The rules were not saved: %1").arg(QString::fromStdString(e.what())));
    }
  }
  return std::nullopt;
}

}  // namespace medlora::ui
