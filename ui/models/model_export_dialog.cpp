#include "ui/models/model_export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <filesystem>
#include <optional>

#include "core/lora/gguf_export.h"
#include "core/lora/merged_export.h"
#include "core/lora/ollama_modelfile.h"
#include "ui/shell/off_thread_job.h"
#include "ui/shell/path_field.h"

namespace medlora::ui {

namespace fs = std::filesystem;

namespace {

// What the worker thread needs: plain values, no widgets.
struct ExportChoices {
  ModelExportDialog::Format format;
  fs::path base, adapter, out, base_gguf;
  std::string type;
  bool modelfile = false;
};

QString gguf_summary(const lora::GgufExportReport& report, const fs::path& out) {
  return ModelExportDialog::tr("Wrote %1 (%2, %3 tensors, %4 MB).")
      .arg(QString::fromStdString(out.string()), QString::fromStdString(report.type))
      .arg(report.tensors)
      .arg(static_cast<double>(report.bytes) / 1e6, 0, 'f', 1);
}

QString run_export(const ExportChoices& c, const std::function<void(int64_t, int64_t)>& progress) {
  using Format = ModelExportDialog::Format;
  if (c.format == Format::MergedFolder) {
    const auto report = lora::export_merged_model(c.base, c.adapter, c.out);
    return ModelExportDialog::tr("Merged %1 LoRA projections into %2 (%3).")
        .arg(report.merged_layers)
        .arg(QString::fromStdString(c.out.string()), QString::fromStdString(report.save_dtype));
  }
  lora::GgufExportOptions options;
  options.type = lora::parse_gguf_type(c.type);
  options.progress = progress;
  QString message;
  std::optional<fs::path> modelfile;  // where core wrote it
  if (c.format == Format::Gguf) {
    std::optional<fs::path> adapter;
    if (!c.adapter.empty()) adapter = c.adapter;
    message = gguf_summary(lora::export_gguf_model(c.base, adapter, c.out, options), c.out);
    if (c.modelfile) modelfile = lora::write_modelfile_for_model(c.out, c.base);
  } else {
    message = gguf_summary(lora::export_gguf_lora(c.base, c.adapter, c.out, options), c.out);
    if (c.modelfile) modelfile = lora::write_modelfile_for_adapter(c.out, c.base_gguf.string(), c.base);
  }
  if (modelfile)
    message += " " + ModelExportDialog::tr("Ollama Modelfile beside it: ollama create NAME -f %1")
                         .arg(QString::fromStdString(modelfile->string()));
  return message;
}

}  // namespace

ModelExportDialog::ModelExportDialog(QWidget* parent) : QDialog(parent) {
  format_ = new QComboBox(this);
  for (int i = 0; i < 3; ++i) format_->addItem(QString());
  base_ = new PathField(PathField::Kind::Folder, this);
  adapter_ = new PathField(PathField::Kind::Folder, this);
  file_ = new PathField(PathField::Kind::SaveFile, this);
  folder_ = new PathField(PathField::Kind::Folder, this);
  base_gguf_ = new PathField(PathField::Kind::OpenFile, this);
  type_ = new QComboBox(this);
  for (const char* name : {"f16", "q8_0", "bf16", "f32"}) type_->addItem(QString(), QString::fromLatin1(name));
  modelfile_ = new QCheckBox(this);
  progress_ = new QProgressBar(this);
  progress_->setVisible(false);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* form = new QFormLayout;
  format_label_ = new QLabel(this);
  base_label_ = new QLabel(this);
  adapter_label_ = new QLabel(this);
  out_label_ = new QLabel(this);
  type_label_ = new QLabel(this);
  base_gguf_label_ = new QLabel(this);
  form->addRow(format_label_, format_);
  form->addRow(base_label_, base_);
  form->addRow(adapter_label_, adapter_);
  auto* out_row = new QVBoxLayout;
  out_row->addWidget(file_);
  out_row->addWidget(folder_);
  form->addRow(out_label_, out_row);
  form->addRow(type_label_, type_);
  form->addRow(QString(), modelfile_);
  form->addRow(base_gguf_label_, base_gguf_);

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
  export_ = buttons_->addButton(QString(), QDialogButtonBox::ActionRole);
  export_->setDefault(true);
  connect(export_, &QPushButton::clicked, this, [this] { start_export(); });
  connect(buttons_, &QDialogButtonBox::rejected, this, &ModelExportDialog::reject);
  connect(format_, &QComboBox::currentIndexChanged, this, [this] { update_visibility(); });
  connect(modelfile_, &QCheckBox::toggled, this, [this] { update_visibility(); });

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addWidget(buttons_);
  retranslate();
  update_visibility();
  resize(620, sizeHint().height());
}

void ModelExportDialog::set_base(const QString& dir) { base_->set_path(dir); }
void ModelExportDialog::set_adapter(const QString& dir) { adapter_->set_path(dir); }
void ModelExportDialog::set_format(Format format) { format_->setCurrentIndex(static_cast<int>(format)); }
ModelExportDialog::Format ModelExportDialog::format() const { return static_cast<Format>(format_->currentIndex()); }

void ModelExportDialog::update_visibility() {
  const bool gguf = format() != Format::MergedFolder;
  file_->setVisible(gguf);
  folder_->setVisible(!gguf);
  type_label_->setVisible(gguf);
  type_->setVisible(gguf);
  modelfile_->setVisible(gguf);
  const bool base_gguf = format() == Format::GgufLora && modelfile_->isChecked();
  base_gguf_label_->setVisible(base_gguf);
  base_gguf_->setVisible(base_gguf);
  // A LoRA adapter in GGUF is float32 by default, as llama.cpp's own converter writes it.
  if (format() == Format::GgufLora && type_->currentData().toString() == "f16") type_->setCurrentIndex(type_->findData("f32"));
}

bool ModelExportDialog::start_export() {
  if (running_) return false;
  ExportChoices choices;
  choices.format = format();
  choices.base = base_->path().trimmed().toStdString();
  choices.adapter = adapter_->path().trimmed().toStdString();
  const bool gguf = choices.format != Format::MergedFolder;
  choices.out = (gguf ? file_->path() : folder_->path()).trimmed().toStdString();
  choices.type = type_->currentData().toString().toStdString();
  choices.modelfile = gguf && modelfile_->isChecked();
  choices.base_gguf = base_gguf_->path().trimmed().toStdString();
  QString missing;
  if (choices.base.empty())
    missing = tr("Choose the base model folder.");
  else if (choices.format != Format::Gguf && choices.adapter.empty())
    missing = tr("This format needs a LoRA adapter folder.");
  else if (choices.out.empty())
    missing = gguf ? tr("Choose the GGUF file to write.") : tr("Choose the folder for the merged model.");
  else if (choices.format == Format::GgufLora && choices.modelfile && choices.base_gguf.empty())
    missing = tr("The adapter's Modelfile needs the base model's GGUF file (export it first as a GGUF file).");
  if (!missing.isEmpty()) {
    show_status(missing, true);
    return false;
  }
  set_running(true);
  show_status(tr("Exporting..."), false);
  QPointer<QProgressBar> bar = progress_;
  auto progress = [bar](int64_t done, int64_t total) {
    QMetaObject::invokeMethod(bar, [bar, done, total] {
      if (!bar) return;
      bar->setRange(0, static_cast<int>(total));
      bar->setValue(static_cast<int>(done));
    });
  };
  run_off_gui_thread<QString>(
      this, [choices, progress] { return run_export(choices, progress); },
      [this](const QString& message) {
        set_running(false);
        show_status(message, false);
        Q_EMIT finished(true, message);
      },
      [this](const QString& error) {
        set_running(false);
        show_status(error, true);
        Q_EMIT finished(false, error);
      });
  return true;
}

void ModelExportDialog::set_running(bool running) {
  running_ = running;
  progress_->setVisible(running);
  progress_->setRange(0, 0);  // busy until the first tensor (a merged export reports none)
  export_->setEnabled(!running);
  buttons_->button(QDialogButtonBox::Close)->setEnabled(!running);
  for (QWidget* w : {static_cast<QWidget*>(format_), static_cast<QWidget*>(base_), static_cast<QWidget*>(adapter_),
                     static_cast<QWidget*>(file_), static_cast<QWidget*>(folder_), static_cast<QWidget*>(type_),
                     static_cast<QWidget*>(modelfile_), static_cast<QWidget*>(base_gguf_)})
    w->setEnabled(!running);
}

void ModelExportDialog::show_status(const QString& text, bool error) {
  status_->setText(text);
  status_->setStyleSheet(error ? "color: #b00020;" : QString());
}

void ModelExportDialog::reject() {
  if (!running_) QDialog::reject();
}

void ModelExportDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QDialog::changeEvent(event);
}

void ModelExportDialog::retranslate() {
  setWindowTitle(tr("Export model"));
  format_label_->setText(tr("&Format:"));
  format_label_->setBuddy(format_);
  format_->setItemText(0, tr("GGUF file for llama.cpp and Ollama (adapter merged in)"));
  format_->setItemText(1, tr("GGUF LoRA adapter (llama.cpp --lora, Ollama ADAPTER)"));
  format_->setItemText(2, tr("Merged Hugging Face model folder"));
  base_label_->setText(tr("&Base model:"));
  base_label_->setBuddy(base_->line_edit());
  base_->set_dialog_title(tr("Base model folder"));
  adapter_label_->setText(tr("&LoRA adapter:"));
  adapter_label_->setBuddy(adapter_->line_edit());
  adapter_->set_dialog_title(tr("LoRA adapter folder (adapter_config.json)"));
  adapter_->line_edit()->setPlaceholderText(tr("optional for a GGUF file: without one the base is exported"));
  out_label_->setText(tr("&Write to:"));
  out_label_->setBuddy(file_->line_edit());
  file_->set_dialog_title(tr("GGUF file to write"));
  file_->set_filter(tr("GGUF files (*.gguf);;All files (*)"));
  folder_->set_dialog_title(tr("New folder for the merged model"));
  type_label_->setText(tr("&Tensor type:"));
  type_label_->setBuddy(type_);
  type_->setItemText(0, tr("f16 (half the size of f32)"));
  type_->setItemText(1, tr("q8_0 (8-bit, about a quarter of f32)"));
  type_->setItemText(2, tr("bf16"));
  type_->setItemText(3, tr("f32 (exact)"));
  modelfile_->setText(tr("Also write an Ollama &Modelfile beside it"));
  base_gguf_label_->setText(tr("Base &GGUF:"));
  base_gguf_label_->setBuddy(base_gguf_->line_edit());
  base_gguf_->set_dialog_title(tr("The base model's GGUF file"));
  base_gguf_->set_filter(tr("GGUF files (*.gguf);;All files (*)"));
  export_->setText(tr("&Export"));
}

}  // namespace medlora::ui
