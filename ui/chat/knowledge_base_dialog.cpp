#include "ui/chat/knowledge_base_dialog.h"

#include <QEvent>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "core/chat/document_text.h"
#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"

namespace medlora::ui {
namespace {

// Per-file progress is scaled to this many steps so that several files share one bar.
constexpr int64_t kStepsPerJobPart = 1000;

QString q(const std::string& text) { return QString::fromStdString(text); }

QTableWidgetItem* read_only(const QString& text, const QVariant& sort_key = {}) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(item->flags() & ~Qt::ItemIsEditable);
  if (sort_key.isValid()) item->setData(Qt::UserRole, sort_key);
  return item;
}

QTableWidgetItem* number(const QString& text) {
  QTableWidgetItem* item = read_only(text);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString local_time(const std::string& utc) {
  const QDateTime time = QDateTime::fromString(q(utc), Qt::ISODateWithMs);
  return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : q(utc);
}

QTableWidget* table(QWidget* parent, const QString& name, const QStringList& headers) {
  auto* widget = new QTableWidget(0, int(headers.size()), parent);
  widget->setObjectName(name);
  widget->setHorizontalHeaderLabels(headers);
  widget->setSelectionBehavior(QAbstractItemView::SelectRows);
  widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
  widget->verticalHeader()->hide();
  widget->horizontalHeader()->setStretchLastSection(true);
  return widget;
}

}  // namespace

KnowledgeBaseDialog::KnowledgeBaseDialog(const QString& workspace_file, QWidget* parent)
    : QDialog(parent),
      workspace_file_(workspace_file),
      workspace_(std::make_unique<store::Workspace>(workspace_file.toStdString())),
      runner_(new BackgroundRunner(this)),
      documents_table_(
          table(this, "kb_documents", {QString(), QString(), QString(), QString(), QString()})),
      passages_table_(table(this, "kb_passages", {QString(), QString(), QString(), QString()})),
      search_(new QLineEdit(this)),
      top_k_(new QSpinBox(this)),
      search_timer_(new QTimer(this)),
      status_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      import_files_(new QPushButton(this)),
      import_dataset_(new QPushButton(this)),
      remove_(new QPushButton(this)),
      cancel_(new QPushButton(this)) {
  setObjectName("knowledge_base_dialog");
  resize(860, 620);
  documents_table_->setSelectionMode(QAbstractItemView::SingleSelection);
  passages_table_->setWordWrap(true);
  passages_table_->setSelectionMode(QAbstractItemView::SingleSelection);
  search_->setObjectName("kb_search");
  search_->setClearButtonEnabled(true);
  top_k_->setObjectName("kb_top_k");
  top_k_->setRange(1, 20);
  top_k_->setValue(3);
  search_timer_->setSingleShot(true);
  search_timer_->setInterval(250);
  status_->setObjectName("kb_status");
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setObjectName("kb_progress");
  cancel_->setObjectName("kb_cancel");
  remove_->setShortcut(QKeySequence::Delete);

  auto* buttons = new QHBoxLayout;
  for (QPushButton* button : {import_files_, import_dataset_, remove_}) buttons->addWidget(button);
  buttons->addStretch(1);
  auto* progress_row = new QHBoxLayout;
  progress_row->addWidget(progress_, 1);
  progress_row->addWidget(cancel_);
  auto* search_row = new QHBoxLayout;
  search_label_ = new QLabel(this);
  auto* search_label = search_label_;
  search_label->setBuddy(search_);
  top_label_ = new QLabel(this);
  auto* top_label = top_label_;
  top_label->setBuddy(top_k_);
  search_row->addWidget(search_label);
  search_row->addWidget(search_, 1);
  search_row->addWidget(top_label);
  search_row->addWidget(top_k_);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);

  retranslate();
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(documents_table_, 2);
  layout->addLayout(buttons);
  layout->addLayout(progress_row);
  layout->addWidget(status_);
  layout->addLayout(search_row);
  layout->addWidget(passages_table_, 3);
  layout->addWidget(close);

  connect(import_files_, &QPushButton::clicked, this, &KnowledgeBaseDialog::choose_files);
  connect(import_dataset_, &QPushButton::clicked, this, &KnowledgeBaseDialog::choose_dataset);
  connect(remove_, &QPushButton::clicked, this, &KnowledgeBaseDialog::remove_selected);
  connect(cancel_, &QPushButton::clicked, runner_, &BackgroundRunner::request_stop);
  connect(close, &QDialogButtonBox::rejected, this, &KnowledgeBaseDialog::reject);
  connect(search_, &QLineEdit::returnPressed, this, &KnowledgeBaseDialog::search);
  connect(search_, &QLineEdit::textChanged, search_timer_, qOverload<>(&QTimer::start));
  connect(search_timer_, &QTimer::timeout, this, &KnowledgeBaseDialog::search);
  connect(top_k_, &QSpinBox::valueChanged, this, &KnowledgeBaseDialog::search);
  connect(runner_, &BackgroundRunner::progress, this, [this](qint64 done, qint64 total) {
    progress_->setRange(0, int(total));
    progress_->setValue(int(done));
  });
  connect(runner_, &BackgroundRunner::finished, this, &KnowledgeBaseDialog::job_finished);

  set_busy(false);
  reload_documents();
}

KnowledgeBaseDialog::~KnowledgeBaseDialog() {
  // The job's thread must end before the workspace and the widgets it reports to go away.
  runner_->request_stop();
  runner_->wait();
}

void KnowledgeBaseDialog::retranslate() {
  setWindowTitle(tr("Knowledge base"));
  documents_table_->setHorizontalHeaderLabels({tr("Title"), tr("Kind"), tr("Passages"), tr("Characters"), tr("Added")});
  passages_table_->setHorizontalHeaderLabels({tr("Score"), tr("Passage title"), tr("Document"), tr("Text")});
  search_->setPlaceholderText(tr("Search the passages a grounded answer would cite, e.g. 头痛怎么办"));
  top_k_->setToolTip(tr("How many passages to show (grounding uses the top 3 by default)"));
  import_files_->setText(tr("Import &files…"));
  import_files_->setToolTip(chat::pdf_supported() ? tr("Text (.txt), Markdown (.md) and PDF files; several at once")
                                                  : tr("Text (.txt) and Markdown (.md) files; several at once "
                                                       "(this build cannot read PDF files)"));
  import_dataset_->setText(tr("Import a &dataset's answers…"));
  import_dataset_->setToolTip(tr("Each answer of a workspace dataset becomes a passage titled with its question"));
  remove_->setText(tr("&Remove"));
  remove_->setToolTip(tr("Remove the selected document and its passages (Delete)"));
  cancel_->setText(tr("&Cancel import"));
  cancel_->setToolTip(tr("Stop the import; the file being imported is not kept"));
  search_label_->setText(tr("&Search:"));
  top_label_->setText(tr("&Top:"));
}

void KnowledgeBaseDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && search_label_) {
    retranslate();
    if (!busy()) {  // the kinds in the table and the status line, said again
      reload_documents();
      search();
    }
  }
  QDialog::changeEvent(event);
}

bool KnowledgeBaseDialog::busy() const { return runner_->busy(); }

void KnowledgeBaseDialog::wait_for_job() { runner_->wait(); }

void KnowledgeBaseDialog::set_busy(bool busy) {
  progress_->setVisible(busy);
  cancel_->setVisible(busy);
  cancel_->setEnabled(busy);
  import_files_->setEnabled(!busy);
  import_dataset_->setEnabled(!busy);
  remove_->setEnabled(!busy);
}

void KnowledgeBaseDialog::reload_documents() {
  documents_ = store::KnowledgeBase(*workspace_).documents();
  documents_table_->setRowCount(0);
  for (const auto& document : documents_) {
    const int row = documents_table_->rowCount();
    documents_table_->insertRow(row);
    auto* title = read_only(q(document.title), qlonglong(document.id));
    title->setToolTip(q(document.path));
    documents_table_->setItem(row, TitleColumn, title);
    documents_table_->setItem(row, KindColumn,
                              read_only(document.kind == "dataset" ? tr("dataset answers") : tr("document")));
    documents_table_->setItem(row, PassagesColumn, number(QLocale().toString(qlonglong(document.chunk_count))));
    documents_table_->setItem(row, CharactersColumn, number(QLocale().toString(qlonglong(document.char_count))));
    documents_table_->setItem(row, AddedColumn, read_only(local_time(document.added_at)));
  }
  documents_table_->resizeColumnsToContents();
  if (documents_.empty())
    status_->setText(tr("The knowledge base is empty: import documents or a dataset's answers to ground answers on."));
}

void KnowledgeBaseDialog::search() {
  search_timer_->stop();
  passages_.clear();
  const std::string query = search_->text().trimmed().toStdString();
  try {
    if (!query.empty()) passages_ = store::KnowledgeBase(*workspace_).search(query, top_k_->value());
  } catch (const std::exception& e) {
    status_->setText(tr("Search failed: %1").arg(q(e.what())));
  }
  passages_table_->setRowCount(0);
  for (const auto& passage : passages_) {
    const int row = passages_table_->rowCount();
    passages_table_->insertRow(row);
    passages_table_->setItem(row, ScoreColumn, number(QString::number(passage.score, 'f', 2)));
    passages_table_->setItem(row, PassageTitleColumn, read_only(q(passage.title)));
    passages_table_->setItem(row, DocumentColumn, read_only(q(passage.document_title)));
    auto* text = read_only(q(passage.text));
    text->setToolTip(q(passage.text));
    passages_table_->setItem(row, TextColumn, text);
  }
  passages_table_->resizeColumnsToContents();
  passages_table_->resizeRowsToContents();
  if (!query.empty() && passages_.empty()) status_->setText(tr("No passage matches \"%1\".").arg(search_->text()));
}

bool KnowledgeBaseDialog::start_job(const QString& what, JobBody body) {
  if (runner_->busy()) return false;
  auto outcome = std::make_shared<JobOutcome>();
  const std::string path = workspace_file_.toStdString();
  const bool started = runner_->start([outcome, path, body](const BackgroundRunner::Control& control) {
    const auto workspace = store::Workspace::open_for_this_thread(path);
    body(*workspace, *outcome, control);
  });
  if (!started) return false;
  outcome_ = outcome;
  progress_->setRange(0, 0);  // busy until the first report
  status_->setText(what);
  set_busy(true);
  return true;
}

bool KnowledgeBaseDialog::import_files(const QStringList& paths) {
  if (paths.isEmpty()) return false;
  const QString what = tr("Importing %n file(s)…", nullptr, int(paths.size()));
  return start_job(
      what, [paths](store::Workspace& workspace, JobOutcome& outcome, const BackgroundRunner::Control& control) {
        store::KnowledgeBase base(workspace);
        const int64_t total = int64_t(paths.size()) * kStepsPerJobPart;
        for (qsizetype i = 0; i < paths.size() && !outcome.cancelled; ++i) {
          if (control.stop_requested()) {
            outcome.cancelled = true;
            break;
          }
          const int64_t before = int64_t(i) * kStepsPerJobPart;
          const std::string path = paths[i].toStdString();
          try {
            const chat::DocumentText document = chat::read_document(path);
            const auto result =
                base.import_document(document.title, path, document.text, {}, [&](int64_t done, int64_t count) {
                  control.progress(before + done * kStepsPerJobPart / std::max<int64_t>(count, 1), total);
                  return !control.stop_requested();
                });
            if (result.cancelled) {
              outcome.cancelled = true;
            } else {
              ++outcome.documents;
              outcome.passages += result.chunks;
            }
          } catch (const std::exception& e) {
            outcome.failures << QStringLiteral("%1: %2").arg(QFileInfo(paths[i]).fileName(), q(e.what()));
          }
          control.progress(before + kStepsPerJobPart, total);
        }
      });
}

bool KnowledgeBaseDialog::import_dataset(int64_t dataset_id, bool approved_only) {
  return start_job(tr("Importing the dataset's answers…"),
                   [dataset_id, approved_only](store::Workspace& workspace, JobOutcome& outcome,
                                               const BackgroundRunner::Control& control) {
                     const auto result = store::KnowledgeBase(workspace).import_dataset_answers(
                         dataset_id, approved_only, {}, [&](int64_t done, int64_t total) {
                           control.progress(done, total);
                           return !control.stop_requested();
                         });
                     outcome.cancelled = result.cancelled;
                     if (!result.cancelled) {
                       outcome.documents = 1;
                       outcome.passages = result.chunks;
                     }
                   });
}

void KnowledgeBaseDialog::job_finished(const QString& error, bool stopped) {
  const std::shared_ptr<JobOutcome> outcome = std::move(outcome_);
  set_busy(false);
  reload_documents();
  if (!search_->text().trimmed().isEmpty()) search();
  QStringList lines;
  if (outcome && outcome->documents > 0)
    lines << tr("Imported %n document(s) with %1 passages.", nullptr, int(outcome->documents)).arg(outcome->passages);
  if (!error.isEmpty()) lines << tr("The import failed: %1").arg(error);
  if ((outcome && outcome->cancelled) || (stopped && error.isEmpty()))
    lines << tr("Cancelled: the document being imported was not kept.");
  if (outcome && !outcome->failures.isEmpty()) lines << tr("Not imported:") << outcome->failures;
  if (lines.isEmpty()) lines << tr("Nothing was imported.");
  status_->setText(lines.join('\n'));
}

void KnowledgeBaseDialog::choose_files() {
  QString filter = chat::pdf_supported() ? tr("Documents (*.txt *.text *.md *.markdown *.pdf)")
                                         : tr("Documents (*.txt *.text *.md *.markdown)");
  const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import documents into the knowledge base"),
                                                          QString(), filter + ";;" + tr("All files (*)"));
  import_files(paths);
}

void KnowledgeBaseDialog::choose_dataset() {
  std::vector<store::DatasetSummary> datasets;
  try {
    datasets = store::DatasetRepository(*workspace_).list_datasets();
  } catch (const std::exception& e) {
    QMessageBox::critical(this, windowTitle(), tr("The datasets could not be listed: %1").arg(q(e.what())));
    return;
  }
  if (datasets.empty()) {
    QMessageBox::information(this, windowTitle(),
                             tr("This workspace has no dataset yet: import one in the Datasets panel."));
    return;
  }
  QDialog chooser(this);
  chooser.setWindowTitle(tr("Import a dataset's answers"));
  auto* combo = new QComboBox(&chooser);
  for (const auto& dataset : datasets)
    combo->addItem(tr("%1 (%2 records, %3 approved)").arg(q(dataset.name)).arg(dataset.total).arg(dataset.approved),
                   qlonglong(dataset.id));
  auto* approved = new QCheckBox(tr("&Approved records only"), &chooser);
  approved->setToolTip(tr("Leave out answers a doctor has not approved"));
  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &chooser);
  auto* form = new QFormLayout(&chooser);
  form->addRow(tr("&Dataset:"), combo);
  form->addRow(QString(), approved);
  form->addRow(box);
  connect(box, &QDialogButtonBox::accepted, &chooser, &QDialog::accept);
  connect(box, &QDialogButtonBox::rejected, &chooser, &QDialog::reject);
  if (chooser.exec() == QDialog::Accepted) import_dataset(combo->currentData().toLongLong(), approved->isChecked());
}

bool KnowledgeBaseDialog::remove_document(int64_t document_id) {
  bool removed = false;
  try {
    removed = store::KnowledgeBase(*workspace_).remove_document(document_id);
  } catch (const std::exception& e) {
    status_->setText(tr("The document was not removed: %1").arg(q(e.what())));
    return false;
  }
  reload_documents();
  if (!search_->text().trimmed().isEmpty()) search();
  return removed;
}

void KnowledgeBaseDialog::remove_selected() {
  const int row = documents_table_->currentRow();
  if (row < 0 || row >= int(documents_.size())) return;
  const store::KnowledgeDocument document = documents_[size_t(row)];
  const auto answer = QMessageBox::question(
      this, tr("Remove a document"),
      tr("Remove \"%1\" and its %n passage(s) from the knowledge base?", nullptr, int(document.chunk_count))
          .arg(q(document.title)));
  if (answer == QMessageBox::Yes && remove_document(document.id))
    status_->setText(tr("Removed \"%1\".").arg(q(document.title)));
}

void KnowledgeBaseDialog::reject() {
  if (runner_->busy()) {
    runner_->request_stop();
    runner_->wait();
  }
  QDialog::reject();
}

}  // namespace medlora::ui
