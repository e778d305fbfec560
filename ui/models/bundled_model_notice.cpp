#include "ui/models/bundled_model_notice.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>

#include "core/model/model_catalog.h"

namespace medlora::ui {

BundledModelNotice::BundledModelNotice(QWidget* parent)
    : QFrame(parent), text_(new QLabel(this)), add_(new QPushButton(QIcon(":/icons/add_folder.png"), QString(), this)) {
  setObjectName("bundled_model_notice");
  setFrameShape(QFrame::StyledPanel);
  text_->setObjectName("bundled_model_text");
  text_->setWordWrap(true);
  add_->setObjectName("add_real_model");
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(text_, 1);
  layout->addWidget(add_, 0, Qt::AlignVCenter);
  connect(add_, &QPushButton::clicked, this, &BundledModelNotice::add_requested);
  setVisible(false);
  retranslate();
}

bool BundledModelNotice::is_bundled_model(const QString& model_dir) {
  if (model_dir.isEmpty()) return false;
  return QFileInfo(QDir::cleanPath(model_dir)).fileName() == QLatin1String(model::kBaseModelName);
}

void BundledModelNotice::set_model(const QString& model_dir) {
  applies_ = is_bundled_model(model_dir);
  setVisible(applies_);
}

void BundledModelNotice::retranslate() {
  text_->setText(tr("%1 is a tiny demonstration model trained on this machine from the sample data in a few "
                    "minutes. Its answers show how the workbench works, not medicine. For real work, add a real "
                    "checkpoint (an HF model folder such as a LLaMA, Mistral or Qwen model).")
                     .arg(QLatin1String(model::kBaseModelName)));
  add_->setText(tr("Add a real model..."));
  add_->setToolTip(tr("Add an HF model folder (config.json, model.safetensors, tokenizer.json or tokenizer.model)"));
}

void BundledModelNotice::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QFrame::changeEvent(event);
}

}  // namespace medlora::ui
