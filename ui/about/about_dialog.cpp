#include "ui/about/about_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QVBoxLayout>
#include <QtGlobal>
#include <torch/version.h>

namespace medlora::ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent), body_(new QLabel(this)) {
  setWindowTitle(tr("About MedLoRA Workbench"));
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(":/icons/models.png").pixmap(48, 48));
  icon->setAlignment(Qt::AlignTop);
  body_->setObjectName("about_text");
  body_->setWordWrap(true);
  body_->setTextFormat(Qt::RichText);
  body_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  const QString version = QString::fromLatin1(MEDLORA_UI_VERSION);
  body_->setText(
      QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p><p>%4</p><p>%5</p>")
          .arg(tr("MedLoRA Workbench %1").arg(version),
               tr("Fine-tune LLaMA-family language models with LoRA on your own machine, try them on "
                  "prompts, and have doctors blind-review and score the answers."),
               tr("Built with Qt %1 (running on Qt %2) and libtorch %3.")
                   .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                        QStringLiteral(TORCH_VERSION)),
               tr("Free software under the MIT licence."),
               tr("Models and datasets you use keep their own licences.")));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* row = new QHBoxLayout;
  row->addWidget(icon);
  row->addWidget(body_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row);
  layout->addWidget(buttons);
  setMinimumWidth(460);
}

}  // namespace medlora::ui
