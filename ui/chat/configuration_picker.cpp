#include "ui/chat/configuration_picker.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QVBoxLayout>

#include <algorithm>

#include "core/model/model_catalog.h"
#include "ui/models/bundled_model_notice.h"

namespace medlora::ui {
namespace {

constexpr int kMinRows = 2;
constexpr int kMaxRows = 4;

}  // namespace

ConfigurationPicker::ConfigurationPicker(QWidget* parent)
    : QGroupBox(parent),
      model_label_(new QLabel(this)),
      model_(new QComboBox(this)),
      add_model_(new QPushButton(this)),
      bundled_notice_(new BundledModelNotice(this)),
      mode_label_(new QLabel(this)),
      base_only_(new QRadioButton(this)),
      one_adapter_(new QRadioButton(this)),
      routed_(new QRadioButton(this)),
      modes_(new QButtonGroup(this)),
      adapter_list_(new QListWidget(this)),
      add_adapter_(new QPushButton(this)),
      grounding_(new QCheckBox(this)),
      top_k_(new QSpinBox(this)),
      comparison_box_(new QGroupBox(this)),
      rows_(new QTableWidget(0, 2, comparison_box_)),
      add_merged_(new QPushButton(comparison_box_)),
      add_row_(new QPushButton(comparison_box_)),
      remove_row_(new QPushButton(comparison_box_)) {
  setObjectName("configuration_picker");
  model_->setObjectName("model_combo");
  model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_->setMinimumContentsLength(16);
  model_label_->setBuddy(model_);
  modes_->addButton(base_only_, static_cast<int>(AdapterMode::Base));
  modes_->addButton(one_adapter_, static_cast<int>(AdapterMode::OneAdapter));
  modes_->addButton(routed_, static_cast<int>(AdapterMode::Routed));
  base_only_->setChecked(true);
  adapter_list_->setObjectName("adapter_list");
  adapter_list_->setMaximumHeight(110);
  top_k_->setRange(1, 20);
  top_k_->setValue(3);
  rows_->setObjectName("comparison_rows");
  rows_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  rows_->horizontalHeader()->setStretchLastSection(true);
  rows_->verticalHeader()->setVisible(true);
  rows_->setMaximumHeight(150);

  auto* model_row = new QHBoxLayout;
  model_row->addWidget(model_, 1);
  model_row->addWidget(add_model_);
  auto* mode_row = new QHBoxLayout;
  mode_row->addWidget(base_only_);
  mode_row->addWidget(one_adapter_);
  mode_row->addWidget(routed_);
  mode_row->addStretch(1);
  auto* grounding_row = new QHBoxLayout;
  grounding_row->addWidget(grounding_);
  grounding_row->addWidget(top_k_);
  grounding_row->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(model_label_);
  layout->addLayout(model_row);
  layout->addWidget(bundled_notice_);
  layout->addWidget(mode_label_);
  layout->addLayout(mode_row);
  layout->addWidget(adapter_list_);
  layout->addWidget(add_adapter_, 0, Qt::AlignRight);
  layout->addLayout(grounding_row);

  auto* row_buttons = new QHBoxLayout;
  row_buttons->addWidget(add_merged_);
  row_buttons->addStretch(1);
  row_buttons->addWidget(add_row_);
  row_buttons->addWidget(remove_row_);
  auto* comparison_layout = new QVBoxLayout(comparison_box_);
  comparison_layout->addWidget(rows_);
  comparison_layout->addLayout(row_buttons);

  connect(model_, &QComboBox::currentIndexChanged, this, [this] {
    update_bundled_notice();
    rebuild_row_choices();
    emit configuration_changed();
  });
  connect(add_model_, &QPushButton::clicked, this, [this] { choose_model_folder("base"); });
  connect(bundled_notice_, &BundledModelNotice::add_requested, this, [this] { choose_model_folder("base"); });
  connect(add_merged_, &QPushButton::clicked, this, [this] { choose_model_folder("merged"); });
  connect(add_adapter_, &QPushButton::clicked, this, &ConfigurationPicker::choose_adapter_folder);
  connect(modes_, &QButtonGroup::idClicked, this, [this] {
    update_enabled();
    emit configuration_changed();
  });
  connect(adapter_list_, &QListWidget::itemChanged, this, &ConfigurationPicker::configuration_changed);
  connect(grounding_, &QCheckBox::toggled, this, [this] {
    update_enabled();
    emit configuration_changed();
  });
  connect(add_row_, &QPushButton::clicked, this, [this] { add_row("base"); });
  connect(remove_row_, &QPushButton::clicked, this, [this] {
    if (rows_->rowCount() > kMinRows) rows_->removeRow(rows_->currentRow() >= 0 ? rows_->currentRow() : rows_->rowCount() - 1);
    update_enabled();
  });

  add_row("base");
  add_row("base");
  retranslate();
  update_enabled();
}

void ConfigurationPicker::set_models(const QList<ModelChoice>& models) {
  const QString current = model_dir();
  models_ = models;
  {
    const QSignalBlocker blocker(model_);
    model_->clear();
    for (const ModelChoice& m : models_) {
      model_->addItem(m.kind == "merged" ? tr("%1 (merged)").arg(m.name) : m.name, m.path);
      model_->setItemData(model_->count() - 1, m.path, Qt::ToolTipRole);
    }
    if (!select_model(current) && model_->count() > 0) model_->setCurrentIndex(0);
  }
  update_bundled_notice();
  rebuild_row_choices();
  emit configuration_changed();
}

void ConfigurationPicker::update_bundled_notice() {
  const QString dir = model_dir();
  bundled_notice_->set_model(is_merged(dir) ? QString() : dir);
}

void ConfigurationPicker::set_adapters(const QList<ChatAdapter>& adapters) {
  QStringList checked;
  for (const ChatAdapter& a : checked_adapters()) checked << a.dir;
  adapters_ = adapters;
  {
    const QSignalBlocker blocker(adapter_list_);
    adapter_list_->clear();
    for (const ChatAdapter& a : adapters_) {
      auto* item = new QListWidgetItem(a.name, adapter_list_);
      item->setToolTip(a.dir);
      item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
      item->setCheckState(checked.contains(a.dir) ? Qt::Checked : Qt::Unchecked);
    }
  }
  rebuild_row_choices();
  // A fresh comparison of "base" against "base" says nothing: offer base vs the first adapter.
  if (!adapters_.isEmpty() && rows_->rowCount() >= 2 && rows_->item(1, 0)->text() == "base" &&
      rows_->item(1, 0)->data(Qt::UserRole).toString() == "base")
    set_comparison_row(1, "adapter:" + adapters_.front().name);
  update_enabled();
  emit configuration_changed();
}

QString ConfigurationPicker::add_model_folder(const QString& dir, const QString& kind) {
  const auto entry = model::ModelCatalog::describe(dir.toStdString(), true);
  if (!entry.usable()) return QString::fromStdString(entry.config_error);
  if (!entry.has_tokenizer) return tr("%1 has no tokenizer.json or tokenizer.model, so it cannot answer questions.").arg(dir);
  const QString path = QString::fromStdString(entry.path.string());
  QList<ModelChoice> models = models_;
  bool known = false;
  for (const ModelChoice& m : models) known = known || QDir::cleanPath(m.path) == QDir::cleanPath(path);
  ModelChoice choice{QString::fromStdString(entry.name), path, kind};
  if (!known) {
    models.append(choice);
    set_models(models);
    emit model_folder_added(choice);
  }
  if (kind == "merged") {  // for side by side: compare it in the current (or last) row
    const int row = rows_->currentRow() >= 0 ? rows_->currentRow() : rows_->rowCount() - 1;
    set_comparison_row(row, "model:" + path);
  } else {
    select_model(path);
  }
  return {};
}

bool ConfigurationPicker::is_merged(const QString& path) const {
  for (const ModelChoice& m : models_)
    if (m.path == path) return m.kind == "merged";
  return false;
}

QString ConfigurationPicker::add_adapter_folder(const QString& dir) {
  const QDir folder(dir);
  if (!folder.exists("adapter_config.json") || !folder.exists("adapter_model.safetensors"))
    return tr("%1 is not a PEFT adapter folder: it needs adapter_config.json and adapter_model.safetensors.").arg(dir);
  const QString path = QFileInfo(dir).absoluteFilePath();
  QList<ChatAdapter> adapters = adapters_;
  for (const ChatAdapter& a : adapters)
    if (QDir::cleanPath(a.dir) == QDir::cleanPath(path)) return {};
  const ChatAdapter adapter{QFileInfo(path).fileName(), path};
  for (const ChatAdapter& a : adapters)
    if (a.name == adapter.name)
      return tr("An adapter called \"%1\" is offered already (%2); routing rules pick adapters by name, so "
                "rename one of the folders.").arg(a.name, a.dir);
  adapters.append(adapter);
  set_adapters(adapters);
  emit adapter_folder_added(adapter);
  return {};
}

QString ConfigurationPicker::model_dir() const { return model_->currentData().toString(); }

bool ConfigurationPicker::select_model(const QString& path) {
  for (int i = 0; i < model_->count(); ++i)
    if (QDir::cleanPath(model_->itemData(i).toString()) == QDir::cleanPath(path)) {
      model_->setCurrentIndex(i);
      return true;
    }
  return false;
}

AdapterMode ConfigurationPicker::mode() const { return static_cast<AdapterMode>(modes_->checkedId()); }

void ConfigurationPicker::set_mode(AdapterMode mode) {
  modes_->button(static_cast<int>(mode))->setChecked(true);
  update_enabled();
  emit configuration_changed();
}

QList<ChatAdapter> ConfigurationPicker::checked_adapters() const {
  QList<ChatAdapter> checked;
  for (int i = 0; i < adapter_list_->count() && i < adapters_.size(); ++i)
    if (adapter_list_->item(i)->checkState() == Qt::Checked) checked << adapters_[i];
  return checked;
}

void ConfigurationPicker::set_adapter_checked(const QString& name, bool checked) {
  for (int i = 0; i < adapter_list_->count() && i < adapters_.size(); ++i)
    if (adapters_[i].name == name) adapter_list_->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ConfigurationPicker::set_grounding(bool on, int top_k) {
  top_k_->setValue(top_k);
  grounding_->setChecked(on);
}

ChatConfiguration ConfigurationPicker::chat_configuration() const {
  ChatConfiguration c;
  c.model_dir = model_dir();
  c.mode = mode();
  c.merged = is_merged(c.model_dir);
  if (c.mode != AdapterMode::Base) c.adapters = checked_adapters();
  if (c.mode == AdapterMode::Base) c.label = QStringLiteral("base");
  else if (c.mode == AdapterMode::Routed) c.label = QStringLiteral("routed");
  else c.label = c.adapters.size() == 1 ? c.adapters.front().name : QStringLiteral("adapter");
  return c;
}

ChatConfiguration ConfigurationPicker::configuration_for(const QString& choice) const {
  ChatConfiguration c;
  c.model_dir = model_dir();
  if (choice == "routed") {
    c.mode = AdapterMode::Routed;
    c.adapters = checked_adapters().isEmpty() ? adapters_ : checked_adapters();
  } else if (choice.startsWith("adapter:")) {
    c.mode = AdapterMode::OneAdapter;
    for (const ChatAdapter& a : adapters_)
      if (a.name == choice.mid(8)) c.adapters = {a};
  } else if (choice.startsWith("model:")) {
    c.model_dir = choice.mid(6);
  }
  c.merged = c.mode == AdapterMode::Base && is_merged(c.model_dir);
  return c;
}

QString ConfigurationPicker::default_label(const QString& choice) const {
  if (choice.startsWith("adapter:")) return choice.mid(8);
  if (choice.startsWith("model:")) {
    for (const ModelChoice& m : models_)
      if (m.path == choice.mid(6)) return m.name;
    return QFileInfo(choice.mid(6)).fileName();
  }
  return choice;  // "base", "routed"
}

QList<ChatConfiguration> ConfigurationPicker::comparison() const {
  QList<ChatConfiguration> list;
  for (int row = 0; row < rows_->rowCount(); ++row) {
    auto* combo = qobject_cast<QComboBox*>(rows_->cellWidget(row, 1));
    ChatConfiguration c = configuration_for(combo ? combo->currentData().toString() : QString("base"));
    c.label = rows_->item(row, 0) ? rows_->item(row, 0)->text().trimmed() : QString();
    list << c;
  }
  return list;
}

QString ConfigurationPicker::comparison_problem() const {
  const auto list = comparison();
  if (list.size() < kMinRows || list.size() > kMaxRows) return tr("Side by side compares 2 to 4 configurations.");
  QStringList labels;
  for (int i = 0; i < list.size(); ++i) {
    if (list[i].label.isEmpty()) return tr("Row %1 has no label.").arg(i + 1);
    if (labels.contains(list[i].label))
      return tr("Two rows are labelled \"%1\"; give each row its own label.").arg(list[i].label);
    labels << list[i].label;
    const QString problem = list[i].problem();
    if (!problem.isEmpty()) return tr("Row %1: %2").arg(i + 1).arg(problem);
  }
  return {};
}

void ConfigurationPicker::set_comparison_row_count(int rows) {
  rows = std::clamp(rows, kMinRows, kMaxRows);
  while (rows_->rowCount() < rows) add_row("base");
  while (rows_->rowCount() > rows) rows_->removeRow(rows_->rowCount() - 1);
  update_enabled();
}

void ConfigurationPicker::set_comparison_row(int row, const QString& choice, const QString& label) {
  auto* combo = qobject_cast<QComboBox*>(rows_->cellWidget(row, 1));
  if (!combo) return;
  const int index = combo->findData(choice);
  if (index >= 0) combo->setCurrentIndex(index);
  if (!label.isEmpty()) rows_->item(row, 0)->setText(label);
}

void ConfigurationPicker::add_row(const QString& choice) {
  if (rows_->rowCount() >= kMaxRows) return;
  const int row = rows_->rowCount();
  rows_->insertRow(row);
  auto* label = new QTableWidgetItem(default_label(choice));
  label->setData(Qt::UserRole, label->text());  // the label follows the choice until edited
  rows_->setItem(row, 0, label);
  auto* combo = new QComboBox(rows_);
  fill_row_combo(combo, choice);
  connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
    for (int r = 0; r < rows_->rowCount(); ++r) {
      if (rows_->cellWidget(r, 1) != combo) continue;
      QTableWidgetItem* item = rows_->item(r, 0);
      if (item->text() == item->data(Qt::UserRole).toString()) {
        item->setText(default_label(combo->currentData().toString()));
        item->setData(Qt::UserRole, item->text());
      }
    }
    emit configuration_changed();
  });
  rows_->setCellWidget(row, 1, combo);
  update_enabled();
}

void ConfigurationPicker::fill_row_combo(QComboBox* combo, const QString& keep) {
  const QSignalBlocker blocker(combo);
  combo->clear();
  combo->addItem(tr("Base model"), QStringLiteral("base"));
  for (const ChatAdapter& a : adapters_) combo->addItem(tr("Base + adapter %1").arg(a.name), "adapter:" + a.name);
  if (!adapters_.isEmpty()) combo->addItem(tr("Base, adapter routed by rules"), QStringLiteral("routed"));
  for (const ModelChoice& m : models_)
    if (m.path != model_dir()) combo->addItem(tr("Model %1").arg(m.name), "model:" + m.path);
  const int index = combo->findData(keep);
  combo->setCurrentIndex(index >= 0 ? index : 0);
}

void ConfigurationPicker::rebuild_row_choices() {
  for (int row = 0; row < rows_->rowCount(); ++row)
    if (auto* combo = qobject_cast<QComboBox*>(rows_->cellWidget(row, 1)))
      fill_row_combo(combo, combo->currentData().toString());
}

void ConfigurationPicker::update_enabled() {
  top_k_->setEnabled(grounding_->isChecked());
  add_row_->setEnabled(rows_->rowCount() < kMaxRows);
  remove_row_->setEnabled(rows_->rowCount() > kMinRows);
}

void ConfigurationPicker::choose_model_folder(const QString& kind) {
  const QString dir = QFileDialog::getExistingDirectory(
      this, kind == "merged" ? tr("Choose a merged model folder")
                             : tr("Choose a model folder (config.json, model.safetensors, tokenizer.json or tokenizer.model)"));
  if (dir.isEmpty()) return;
  const QString problem = add_model_folder(dir, kind);
  if (!problem.isEmpty()) QMessageBox::warning(this, tr("Add model folder"), problem);
}

void ConfigurationPicker::choose_adapter_folder() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a PEFT adapter folder"));
  if (dir.isEmpty()) return;
  const QString problem = add_adapter_folder(dir);
  if (!problem.isEmpty()) QMessageBox::warning(this, tr("Add adapter folder"), problem);
}

void ConfigurationPicker::retranslate() {
  setTitle(tr("Model"));
  model_label_->setText(tr("Base &model:"));
  model_->setPlaceholderText(tr("No model found: add a model folder"));
  add_model_->setText(tr("Add &folder..."));
  add_model_->setToolTip(tr("Use a model folder from anywhere on disk"));
  mode_label_->setText(tr("Adapters:"));
  base_only_->setText(tr("&Base only"));
  one_adapter_->setText(tr("&One adapter"));
  routed_->setText(tr("&Route by rules"));
  routed_->setToolTip(tr("The routing rules pick one of the checked adapters for each question"));
  adapter_list_->setToolTip(tr("Check the adapter to use (one adapter) or those the rules may pick (route by rules)"));
  add_adapter_->setText(tr("Add &adapter folder..."));
  grounding_->setText(tr("&Ground on the knowledge base, passages:"));
  grounding_->setToolTip(tr("Put the best matching knowledge-base passages in front of the question"));
  comparison_box_->setTitle(tr("Configurations to compare"));
  rows_->setHorizontalHeaderLabels({tr("Label"), tr("Configuration")});
  add_merged_->setText(tr("Add mer&ged model folder..."));
  add_merged_->setToolTip(tr("Compare a merged model (base + adapter baked in) in the chosen row"));
  add_row_->setText(tr("Add ro&w"));
  remove_row_->setText(tr("Remove ro&w"));
}

void ConfigurationPicker::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QGroupBox::changeEvent(event);
}

}  // namespace medlora::ui
