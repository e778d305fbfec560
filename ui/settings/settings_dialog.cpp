#include "ui/settings/settings_dialog.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <thread>

#include "core/model/model_catalog.h"
#include "ui/shell/language_manager.h"

namespace medlora::ui {

SettingsDialog::SettingsDialog(const WorkbenchSettings& settings, QWidget* parent)
    : QDialog(parent),
      original_(settings),
      models_dir_(new QLineEdit(this)),
      device_(new QComboBox(this)),
      dtype_(new QComboBox(this)),
      threads_(new QSpinBox(this)),
      language_(new QComboBox(this)),
      preview_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Settings"));
  models_dir_->setText(settings.models_dir);
  models_dir_->setPlaceholderText(
      tr("Default: %1").arg(QString::fromStdString(model::ModelCatalog::default_models_dir().string())));
  models_dir_field_ = new PathField(PathField::Kind::Folder, models_dir_, this);
  models_dir_field_->set_dialog_title(tr("Choose the models folder"));
  models_dir_field_->set_empty_start(settings.effective_models_dir());

  device_->addItem(tr("Automatic (CUDA when present)"), "auto");
  device_->addItem(tr("CPU"), "cpu");
  device_->addItem(tr("CUDA GPU"), "cuda");
  device_->setCurrentIndex(std::max(0, device_->findData(settings.device)));
  dtype_->addItem(tr("Automatic (bfloat16 where fast, else float32)"), "auto");
  dtype_->addItem("float32", "float32");
  dtype_->addItem("bfloat16", "bfloat16");
  dtype_->addItem("float16", "float16");
  dtype_->setCurrentIndex(std::max(0, dtype_->findData(settings.dtype)));
  threads_->setRange(0, 1024);
  threads_->setSpecialValueText(tr("All cores"));
  threads_->setValue(settings.threads);
  language_->addItem(tr("Follow the system"), QString());
  for (const QString& code : LanguageManager::available()) language_->addItem(LanguageManager::native_name(code), code);
  language_->setCurrentIndex(std::max(0, language_->findData(settings.language)));
  preview_->setWordWrap(true);
  preview_->setObjectName("compute_preview");

  auto* form = new QFormLayout;
  form->addRow(tr("&Models folder:"), models_dir_field_);
  form->addRow(tr("&Device:"), device_);
  form->addRow(tr("D&type:"), dtype_);
  form->addRow(tr("&Threads:"), threads_);
  form->addRow(tr("&Language:"), language_);
  form->addRow(tr("In force:"), preview_);
  // QFormLayout buddies need a QLabel; the row label above is one.
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  connect(device_, &QComboBox::currentIndexChanged, this, &SettingsDialog::update_preview);
  connect(dtype_, &QComboBox::currentIndexChanged, this, &SettingsDialog::update_preview);
  connect(threads_, &QSpinBox::valueChanged, this, &SettingsDialog::update_preview);
  update_preview();
  resize(560, sizeHint().height());
}

WorkbenchSettings SettingsDialog::settings() const {
  WorkbenchSettings s = original_;
  s.models_dir = models_dir_->text().trimmed();
  s.device = device_->currentData().toString();
  s.dtype = dtype_->currentData().toString();
  s.threads = threads_->value();
  s.language = language_->currentData().toString();
  return s;
}


void SettingsDialog::update_preview() {
  try {
    // Resolves device and dtype only: the thread count takes effect when the dialog is accepted.
    const auto s = settings();
    const auto device = runtime::resolve_device(runtime::parse_device_choice(s.device.toStdString()));
    const auto dtype = runtime::resolve_dtype(runtime::parse_dtype_choice(s.dtype.toStdString()), device);
    const int threads = s.threads > 0 ? s.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    preview_->setText(tr("%1, %2, %n thread(s)", nullptr, threads)
                          .arg(QString::fromStdString(device.str()), QString::fromStdString(runtime::dtype_name(dtype))));
    preview_->setStyleSheet(QString());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(true);
  } catch (const std::exception& e) {
    preview_->setText(QString::fromStdString(e.what()));
    preview_->setStyleSheet("color: #c62828");
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
  }
}

void SettingsDialog::accept() {
  try {
    settings().validate();
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Settings"), QString::fromStdString(e.what()));
    return;
  }
  QDialog::accept();
}

}  // namespace medlora::ui
