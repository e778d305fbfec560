#include "ui/models/models_panel.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "ui/models/bundled_model_notice.h"
#include "ui/models/generation_worker.h"
#include "ui/models/model_details_view.h"
#include "ui/models/model_export_dialog.h"
#include "ui/models/model_list_model.h"
#include "ui/models/prompt_tryout.h"
#include "ui/shell/empty_state.h"

namespace medlora::ui {

ModelsPanel::ModelsPanel(QWidget* parent)
    : Panel(parent),
      model_(new ModelListModel(this)),
      list_(new QListView(this)),
      list_heading_(new QLabel(this)),
      folder_hint_(new QLabel(this)),
      empty_state_(new EmptyState(this)),
      refresh_(new QPushButton(QIcon(":/icons/refresh.png"), QString(), this)),
      add_(new QPushButton(QIcon(":/icons/add_folder.png"), QString(), this)),
      remove_(new QPushButton(QIcon(":/icons/remove.png"), QString(), this)),
      export_(new QPushButton(QString(), this)),
      details_(new ModelDetailsView(this)),
      bundled_notice_(new BundledModelNotice(this)),
      worker_(new GenerationWorker) {
  setObjectName("models_panel");
  worker_->moveToThread(&worker_thread_);
  connect(&worker_thread_, &QThread::finished, worker_, &QObject::deleteLater);
  worker_thread_.setObjectName("generation");
  worker_thread_.start();
  tryout_ = new PromptTryout(worker_, this);

  list_->setObjectName("model_list");
  list_->setModel(model_);
  list_->setIconSize(QSize(24, 24));
  list_->setUniformItemSizes(true);
  list_heading_->setBuddy(list_);
  folder_hint_->setWordWrap(true);
  folder_hint_->setObjectName("folder_hint");
  refresh_->setShortcut(QKeySequence::Refresh);
  remove_->setShortcut(QKeySequence::Delete);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(refresh_);
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addWidget(export_);
  auto* left = new QWidget(this);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  left_layout->addWidget(list_heading_);
  left_layout->addWidget(list_, 1);
  left_layout->addWidget(empty_state_);
  left_layout->addWidget(folder_hint_);
  left_layout->addLayout(buttons);

  auto* right = new QWidget(this);
  auto* right_layout = new QVBoxLayout(right);
  right_layout->setContentsMargins(0, 0, 0, 0);
  right_layout->addWidget(bundled_notice_);
  right_layout->addWidget(details_);
  right_layout->addWidget(tryout_, 1);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(right);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({300, 700});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(refresh_, &QPushButton::clicked, this, &ModelsPanel::refresh);
  connect(add_, &QPushButton::clicked, this, &ModelsPanel::add_folder_with_dialog);
  connect(remove_, &QPushButton::clicked, this, &ModelsPanel::remove_selected);
  connect(export_, &QPushButton::clicked, this, &ModelsPanel::export_selected);
  connect(bundled_notice_, &BundledModelNotice::add_requested, this, &ModelsPanel::add_folder_with_dialog);
  connect(empty_state_, &EmptyState::action_requested, this, &ModelsPanel::add_folder_with_dialog);
  connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, &ModelsPanel::on_selection_changed);
  connect(tryout_, &PromptTryout::status_message, this, &Panel::status_message);
  connect(tryout_, &PromptTryout::busy_changed, this, [this](bool busy) { list_->setEnabled(!busy); });
  connect(worker_, &GenerationWorker::tokenizer_described, this,
          [this](const QString& dir, const QString& type, qint64 vocab, qint64 bos, qint64 eos, qint64 pad) {
            const auto* e = model_->entry(list_->currentIndex().row());
            if (e && QString::fromStdString(e->path.string()) == dir) details_->show_tokenizer(type, vocab, bos, eos, pad);
          });
  connect(worker_, &GenerationWorker::tokenizer_failed, this, [this](const QString& dir, const QString& message) {
    const auto* e = model_->entry(list_->currentIndex().row());
    if (e && QString::fromStdString(e->path.string()) == dir) details_->show_tokenizer_error(message);
  });
  retranslate();
}

ModelsPanel::~ModelsPanel() { shut_down(); }

QString ModelsPanel::panel_title() const { return tr("Models"); }

QIcon ModelsPanel::panel_icon() const { return QIcon(":/icons/models.png"); }

void ModelsPanel::configure(const WorkbenchSettings& settings) {
  catalog_.set_models_dir(settings.effective_models_dir().toStdString());
  for (const auto& dir : std::vector<std::filesystem::path>(catalog_.added_folders())) catalog_.remove_folder(dir);
  QStringList skipped;
  for (const QString& dir : settings.added_model_folders) {
    try {
      catalog_.add_folder(dir.toStdString());
    } catch (const std::exception& e) {
      skipped << QString::fromStdString(e.what());
    }
  }
  if (!skipped.isEmpty())
    emit status_message(tr("Some added model folders are not usable now: %1").arg(skipped.join("; ")));
  tryout_->set_compute(settings);
  refresh();
}

void ModelsPanel::refresh() {
  const QString selected = list_->currentIndex().data(ModelListModel::PathRole).toString();
  model_->set_entries(catalog_.scan());
  if (!select_model(selected) && model_->rowCount() > 0) list_->setCurrentIndex(model_->index(0));
  if (model_->rowCount() == 0) on_selection_changed();
  retranslate();
}

bool ModelsPanel::select_model(const QString& path) {
  const int row = model_->row_of(path);
  if (row < 0) return false;
  list_->setCurrentIndex(model_->index(row));
  return true;
}

bool ModelsPanel::add_folder(const QString& dir, bool quiet) {
  try {
    catalog_.add_folder(dir.toStdString());
  } catch (const std::exception& e) {
    if (!quiet) QMessageBox::warning(this, tr("Add model folder"), QString::fromStdString(e.what()));
    emit status_message(QString::fromStdString(e.what()));
    return false;
  }
  emit added_folders_changed(added_folder_strings());
  refresh();
  // The folder may also lie in the models folder, where scan() lists it.
  const QString path = QString::fromStdString(model::ModelCatalog::describe(dir.toStdString()).path.string());
  select_model(path);
  return true;
}

void ModelsPanel::add_folder_with_dialog() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an HF model folder (config.json, model.safetensors, tokenizer.json or tokenizer.model)"));
  if (!dir.isEmpty()) add_folder(dir);
}

void ModelsPanel::remove_selected() {
  const QModelIndex index = list_->currentIndex();
  if (!index.isValid() || !index.data(ModelListModel::UserAddedRole).toBool()) return;
  catalog_.remove_folder(index.data(ModelListModel::PathRole).toString().toStdString());
  emit added_folders_changed(added_folder_strings());
  refresh();
}

void ModelsPanel::export_selected() {
  const auto* e = model_->entry(list_->currentIndex().row());
  if (!e || !e->usable()) return;
  auto* dialog = new ModelExportDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->set_base(QString::fromStdString(e->path.string()));
  connect(dialog, &ModelExportDialog::finished, this, [this](bool ok, const QString& message) {
    if (ok) emit status_message(message);
  });
  dialog->show();
}

void ModelsPanel::on_selection_changed() {
  const auto* e = model_->entry(list_->currentIndex().row());
  remove_->setEnabled(e && e->user_added);
  export_->setEnabled(e && e->usable());
  bundled_notice_->set_model(e && !e->user_added ? QString::fromStdString(e->path.string()) : QString());
  if (!e) {
    details_->clear_entry();
    tryout_->set_model({});
    return;
  }
  details_->show_entry(*e);
  const QString dir = QString::fromStdString(e->path.string());
  QString reason;
  if (!e->usable()) reason = QString::fromStdString(e->config_error);
  else if (!e->has_tokenizer) reason = tr("This model has no tokenizer.json or tokenizer.model, so it cannot generate text.");
  tryout_->set_model(dir, reason);
  if (e->has_tokenizer) {
    details_->show_tokenizer_loading();
    QMetaObject::invokeMethod(worker_, [worker = worker_, dir] { worker->describe_tokenizer(dir); },
                              Qt::QueuedConnection);
  }
}

QStringList ModelsPanel::added_folder_strings() const {
  QStringList folders;
  for (const auto& dir : catalog_.added_folders()) folders << QString::fromStdString(dir.string());
  return folders;
}

void ModelsPanel::shut_down() {
  if (!worker_thread_.isRunning()) return;
  worker_->request_stop();
  worker_thread_.quit();
  worker_thread_.wait();
}

void ModelsPanel::retranslate() {
  list_heading_->setText(tr("&Models"));
  refresh_->setText(tr("&Refresh"));
  refresh_->setToolTip(tr("Look for models in the models folder again (F5)"));
  add_->setText(tr("A&dd folder..."));
  add_->setToolTip(tr("Add an HF model folder from anywhere on disk"));
  remove_->setText(tr("Re&move"));
  remove_->setToolTip(tr("Remove the added folder from this list; nothing is deleted from disk"));
  export_->setText(tr("E&xport..."));
  export_->setToolTip(tr("Export the model, with or without a LoRA adapter, as GGUF for llama.cpp and Ollama, "
                         "or as a merged HF folder"));
  const QString folder = QString::fromStdString(catalog_.models_dir().string());
  folder_hint_->setText(tr("Models folder: %1").arg(folder));
  empty_state_->set_texts(tr("No model yet. Add a model folder (an HF checkpoint: config.json, model.safetensors "
                             "and a tokenizer), or make the bundled demonstration model in %1 with ./dev run or "
                             "\"medlora make-base-model\".")
                              .arg(folder),
                          tr("Add model folder..."));
  empty_state_->setVisible(model_->rowCount() == 0);
  folder_hint_->setVisible(model_->rowCount() > 0);
}

void ModelsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  Panel::changeEvent(event);
}

}  // namespace medlora::ui
