#include "ui/serve/serve_keys_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

#include "core/store/serve_keys.h"
#include "core/store/workspace.h"
#include "ui/serve/serve_key_dialogs.h"

namespace medlora::ui {
namespace {

enum Column { kName, kPrefix, kRpm, kTpm, kCreated, kRevoked, kColumnCount };

}  // namespace

ServeKeysView::ServeKeysView(QWidget* parent)
    : QWidget(parent),
      table_(new QTableWidget(0, kColumnCount, this)),
      create_(new QPushButton(this)),
      revoke_(new QPushButton(this)),
      error_(new QLabel(this)) {
  table_->setObjectName("serve_keys");
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  create_->setObjectName("create_key");
  revoke_->setObjectName("revoke_key");
  error_->setObjectName("keys_error");
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #b00020;");
  error_->hide();
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(create_);
  buttons->addWidget(revoke_);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons);
  layout->addWidget(error_);
  connect(create_, &QPushButton::clicked, this, &ServeKeysView::open_create_dialog);
  connect(revoke_, &QPushButton::clicked, this, &ServeKeysView::revoke_selected);
  retranslate();
  set_workspace(nullptr);
}

void ServeKeysView::set_workspace(store::Workspace* workspace) {
  workspace_ = workspace;
  create_->setEnabled(workspace_ != nullptr);
  revoke_->setEnabled(workspace_ != nullptr);
  refresh();
}

void ServeKeysView::refresh() {
  table_->setRowCount(0);
  if (!workspace_) return;
  try {
    const auto keys = store::ServeKeyRepository(*workspace_).list();
    table_->setRowCount(static_cast<int>(keys.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
      const auto& key = keys[static_cast<size_t>(row)];
      const auto limit = [this](int64_t value) { return value == 0 ? tr("unlimited") : QString::number(value); };
      const QStringList cells = {QString::fromStdString(key.name), QString::fromStdString(key.key_prefix) + "…",
                                 limit(key.requests_per_minute), limit(key.tokens_per_minute),
                                 QString::fromStdString(key.created_at), QString::fromStdString(key.revoked_at)};
      for (int column = 0; column < kColumnCount; ++column)
        table_->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    table_->resizeColumnsToContents();
  } catch (const std::exception& e) {
    show_error(tr("The keys could not be read: %1").arg(QString::fromUtf8(e.what())));
  }
}

void ServeKeysView::open_create_dialog() {
  if (create_dialog_) {
    create_dialog_->raise();
    return;
  }
  create_dialog_ = new CreateKeyDialog(this);
  create_dialog_->setAttribute(Qt::WA_DeleteOnClose);
  connect(create_dialog_, &QDialog::accepted, this, [this, dialog = create_dialog_.data()] {
    create_key(dialog->name_edit()->text().trimmed(), dialog->rpm_box()->value(), dialog->tpm_box()->value());
  });
  create_dialog_->open();
}

std::optional<QString> ServeKeysView::create_key(const QString& name, int requests_per_minute, int tokens_per_minute) {
  error_->hide();
  if (!workspace_) {
    show_error(tr("No workspace is open."));
    return std::nullopt;
  }
  try {
    const auto created = store::ServeKeyRepository(*workspace_).create(name.toStdString(), requests_per_minute,
                                                                       tokens_per_minute);
    refresh();
    const QString secret = QString::fromStdString(created.secret);
    if (new_key_dialog_) new_key_dialog_->close();
    new_key_dialog_ = new NewKeyDialog(name, secret, this);
    new_key_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    new_key_dialog_->open();
    return secret;
  } catch (const std::exception& e) {
    show_error(tr("The key could not be created: %1").arg(QString::fromUtf8(e.what())));
    return std::nullopt;
  }
}

bool ServeKeysView::revoke_selected() {
  error_->hide();
  const auto rows = table_->selectionModel()->selectedRows();
  if (!workspace_ || rows.isEmpty()) {
    show_error(tr("Select the key to revoke."));
    return false;
  }
  const QString name = table_->item(rows.first().row(), kName)->text();
  try {
    store::ServeKeyRepository(*workspace_).revoke(name.toStdString());
    refresh();
    return true;
  } catch (const std::exception& e) {
    show_error(tr("The key could not be revoked: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
}

CreateKeyDialog* ServeKeysView::create_dialog() const { return create_dialog_; }

NewKeyDialog* ServeKeysView::new_key_dialog() const { return new_key_dialog_; }

void ServeKeysView::show_error(const QString& message) {
  error_->setText(message);
  error_->show();
}

void ServeKeysView::retranslate() {
  table_->setHorizontalHeaderLabels(
      {tr("Name"), tr("Key starts"), tr("Requests/min"), tr("Tokens/min"), tr("Created"), tr("Revoked")});
  create_->setText(tr("Create key…"));
  revoke_->setText(tr("Revoke"));
  refresh();  // "unlimited" in the limit cells
}

void ServeKeysView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace medlora::ui
