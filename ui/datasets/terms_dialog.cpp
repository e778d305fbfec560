#include "ui/datasets/terms_dialog.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>

#include <map>
#include <set>

#include "core/store/dataset_curation.h"
#include "core/store/dataset_repository.h"
#include "core/store/term_repository.h"
#include "core/store/transaction.h"
#include "ui/datasets/change_preview_model.h"

namespace medlora::ui {

namespace {
// Makes the workspace's dictionary equal `pairs`.
void save_dictionary(store::TermRepository& repository, const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::set<std::string> wanted;
  for (const auto& pair : pairs) wanted.insert(pair.first);
  for (const auto& term : repository.list())
    if (!wanted.count(term.synonym)) repository.remove(term.synonym);
  for (const auto& [synonym, standard] : pairs) repository.set(synonym, standard);
}
}  // namespace

TermsDialog::TermsDialog(store::Workspace& workspace, int64_t dataset_id, const QString& editor, QWidget* parent)
    : PlanDialog(QString::fromStdString(workspace.path()), dataset_id, editor, parent),
      workspace_(workspace),
      terms_(new QTableWidget(0, 2, this)),
      add_(new QPushButton(this)),
      remove_(new QPushButton(this)),
      import_(new QPushButton(this)),
      save_(new QPushButton(this)),
      message_(new QLabel(this)),
      tabs_(new QTabWidget(this)),
      changes_model_(new ChangePreviewModel(this)),
      changes_view_(new QTableView(this)),
      replacements_(new QTableWidget(0, 3, this)) {
  setObjectName("terms_dialog");
  terms_->setObjectName("terms");
  terms_->verticalHeader()->hide();
  terms_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  terms_->setMinimumHeight(160);
  message_->setObjectName("terms_message");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  set_up_changes_view(changes_view_, changes_model_);
  set_up_preview_table(replacements_, "replacements", StretchColumns::All);

  auto* options = new QWidget(this);
  auto* layout = new QVBoxLayout(options);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(terms_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addWidget(import_);
  buttons->addWidget(save_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  layout->addWidget(message_);
  tabs_->addTab(replacements_, QString());
  tabs_->addTab(changes_view_, QString());
  set_content(options, tabs_);

  load_terms();
  connect(terms_, &QTableWidget::itemChanged, this, &TermsDialog::invalidate_plan);
  connect(add_, &QPushButton::clicked, this, [this] {
    add_term_row({}, {});
    terms_->editItem(terms_->item(terms_->rowCount() - 1, 0));
  });
  connect(remove_, &QPushButton::clicked, this, [this] {
    const int row = terms_->currentRow();
    if (row >= 0) terms_->removeRow(row);
    invalidate_plan();
  });
  connect(import_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a term dictionary"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty()) import_csv(path);
  });
  connect(save_, &QPushButton::clicked, this, &TermsDialog::save_terms);
  retranslate();
}

void TermsDialog::load_terms() {
  const QSignalBlocker block(terms_);
  terms_->setRowCount(0);
  store::TermRepository repository(workspace_);
  for (const auto& term : repository.list())
    add_term_row(QString::fromStdString(term.synonym), QString::fromStdString(term.standard));
}

void TermsDialog::add_term_row(const QString& synonym, const QString& standard) {
  const QSignalBlocker block(terms_);
  const int row = terms_->rowCount();
  terms_->insertRow(row);
  terms_->setItem(row, 0, new QTableWidgetItem(synonym));
  terms_->setItem(row, 1, new QTableWidgetItem(standard));
}

std::vector<std::pair<std::string, std::string>> TermsDialog::terms_from_table() const {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int row = 0; row < terms_->rowCount(); ++row) {
    const QTableWidgetItem* synonym = terms_->item(row, 0);
    const QTableWidgetItem* standard = terms_->item(row, 1);
    const QString s = synonym ? synonym->text().trimmed() : QString();
    const QString t = standard ? standard->text().trimmed() : QString();
    if (s.isEmpty() && t.isEmpty()) continue;
    pairs.emplace_back(s.toStdString(), t.toStdString());
  }
  return pairs;
}

bool TermsDialog::import_csv(const QString& path) {
  store::TermImportResult result;
  try {
    store::TermRepository repository(workspace_);
    result = repository.import_csv(path.toStdString());
  } catch (const std::exception& e) {
    message_->setText(tr("Nothing imported: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  load_terms();
  invalidate_plan();
  QString text = tr("Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.")
                     .arg(path)
                     .arg(result.added)
                     .arg(result.updated)
                     .arg(result.unchanged)
                     .arg(result.skipped);
  for (size_t i = 0; i < result.problems.size() && i < 20; ++i)
    text += '\n' + tr("%1: %2").arg(QString::fromStdString(result.problems[i].where),
                                    QString::fromStdString(result.problems[i].why));
  if (result.problems.size() > 20) text += '\n' + tr("... and %1 more problems").arg(result.problems.size() - 20);
  message_->setText(text);
  return true;
}

bool TermsDialog::save_terms() {
  try {
    const auto pairs = terms_from_table();
    store::Transaction transaction(workspace_);
    store::TermRepository repository(workspace_);
    save_dictionary(repository, pairs);
    transaction.commit();
  } catch (const std::exception& e) {
    message_->setText(tr("The dictionary was not saved: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  message_->setText(tr("Dictionary saved (%1 terms).").arg(terms_from_table().size()));
  return true;
}

void TermsDialog::capture_options() { pairs_ = terms_from_table(); }

void TermsDialog::plan(const DatasetSnapshot& snapshot, const BackgroundRunner::Control&) {
  result_ = data::plan_term_standardisation(snapshot.texts, pairs_);
}

QString TermsDialog::show_plan() {
  changes_model_->set_changes(result_.changed, snapshot().ids);
  std::map<std::pair<std::string, std::string>, int64_t> per_term;
  for (const auto& change : result_.changes) ++per_term[{change.synonym, change.standard}];
  replacements_->setRowCount(0);
  for (const auto& [pair, count] : per_term) {
    const int row = replacements_->rowCount();
    replacements_->insertRow(row);
    replacements_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(pair.first)));
    replacements_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(pair.second)));
    replacements_->setItem(row, 2, new QTableWidgetItem(QString::number(count)));
  }
  if (result_.changes.empty()) return {};
  return tr("%1 replacements in %2 records. Every change is listed under \"Before / after\".")
      .arg(result_.changes.size())
      .arg(result_.changed.size());
}

QString TermsDialog::apply_plan(store::Workspace& workspace, const DatasetSnapshot& records) {
  store::TermRepository terms(workspace);
  save_dictionary(terms, pairs_);
  const int64_t changed =
      store::apply_term_standardisation(workspace, dataset_id(), records.ids, result_, editor().toStdString());
  return tr("Standardised %1 terms in %2 records; the dictionary is saved.").arg(result_.changes.size()).arg(changed);
}

void TermsDialog::clear_plan() {
  changes_model_->clear();
  replacements_->setRowCount(0);
}

void TermsDialog::retranslate() {
  setWindowTitle(tr("Standardise terms"));
  terms_->setHorizontalHeaderLabels({tr("Synonym (as written)"), tr("Standard term")});
  add_->setText(tr("Add term"));
  remove_->setText(tr("Remove term"));
  import_->setText(tr("Import CSV..."));
  import_->setToolTip(tr("A UTF-8 CSV whose header names the columns \"synonym\" and \"standard\""));
  save_->setText(tr("Save dictionary"));
  replacements_->setHorizontalHeaderLabels({tr("Synonym"), tr("Standard"), tr("Replacements")});
  tabs_->setTabText(0, tr("Replacements"));
  tabs_->setTabText(1, tr("Before / after"));
}

}  // namespace medlora::ui
