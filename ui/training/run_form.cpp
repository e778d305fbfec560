#include "ui/training/run_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <unistd.h>

#include "core/lora/lora_config.h"
#include "core/model/model_catalog.h"
#include "core/runtime/bfloat16_speed.h"
#include "core/runtime/compute_options.h"
#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"
#include "core/tokenizer/prompt_format.h"
#include "core/train/run_config.h"
#include "core/train/run_estimate.h"

namespace medlora::ui {
namespace {

// Keys whose value is typed as text but is a number (scientific notation is normal for them).
const QStringList kScientificKeys{"training.learning_rate", "training.adam_epsilon"};
// Keys that are comma-separated lists in the form and JSON arrays in RUN.json.
const QStringList kListKeys{"lora.target_modules", "lora.modules_to_save"};

QString format_gib(double bytes) { return QString::number(bytes / (1024.0 * 1024.0 * 1024.0), 'f', 2) + " GiB"; }

QString format_duration(double seconds) {
  if (seconds < 90) return QString::number(seconds, 'f', seconds < 10 ? 2 : 0) + " s";
  if (seconds < 5400) return QString::number(seconds / 60, 'f', 0) + " min";
  return QString::number(seconds / 3600, 'f', 1) + " h";
}

// Whether a run on `device` ("auto" | "cpu" | "cuda") would compute bfloat16 far below float32.
bool bfloat16_slow_for(const std::string& device) {
  try {
    return runtime::bfloat16_is_slow_on(runtime::resolve_device(runtime::parse_device_choice(device)));
  } catch (const std::invalid_argument&) {
    return false;  // an unknown or missing device is the config check's error, not this warning
  }
}

bool has_checkpoints(const QString& dir) {
  return !QDir(dir).entryList({"checkpoint-*"}, QDir::Dirs | QDir::NoDotAndDotDot).isEmpty();
}

}  // namespace

RunForm::RunForm(QWidget* parent) : QWidget(parent) { build(); }

PathField* RunForm::path_row(const QString& key, QWidget* editor, PathField::Kind kind) {
  auto* row = new PathField(kind, editor, this);
  row->setObjectName(key + "_path");
  path_fields_.insert(key, row);
  return row;
}

void RunForm::add_field(QFormLayout* form, const QString& key, QWidget* widget, const char* label, const char* tooltip,
                        QWidget* row) {
  auto* text = new QLabel(this);
  form->addRow(text, row ? row : widget);
  fields_.insert(key, widget);
  labels_.insert(key, text);
  texts_.insert(key, {label, tooltip});
  if (auto* spin = qobject_cast<QSpinBox*>(widget)) connect(spin, &QSpinBox::valueChanged, this, &RunForm::on_edited);
  else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(widget))
    connect(dspin, &QDoubleSpinBox::valueChanged, this, &RunForm::on_edited);
  else if (auto* box = qobject_cast<QCheckBox*>(widget)) connect(box, &QCheckBox::toggled, this, &RunForm::on_edited);
  else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
    connect(combo, &QComboBox::currentIndexChanged, this, &RunForm::on_edited);
    if (combo->isEditable()) connect(combo, &QComboBox::editTextChanged, this, &RunForm::on_edited);
  } else if (auto* edit = qobject_cast<QLineEdit*>(widget))
    connect(edit, &QLineEdit::textChanged, this, &RunForm::on_edited);
}

void RunForm::build() {
  auto int_box = [this](int min, int max, int value) {
    auto* box = new QSpinBox(this);
    box->setRange(min, max);
    box->setValue(value);
    return box;
  };
  auto double_box = [this](double min, double max, double value, int decimals, double step) {
    auto* box = new QDoubleSpinBox(this);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setValue(value);
    return box;
  };
  auto combo = [this](const QStringList& items, bool editable = false) {
    auto* box = new QComboBox(this);
    box->addItems(items);
    box->setEditable(editable);
    return box;
  };
  auto check = [this](bool on) {
    auto* box = new QCheckBox(this);
    box->setChecked(on);
    return box;
  };
  auto line = [this](const QString& text) { return new QLineEdit(text, this); };

  const train::TrainingOptions d;  // the trainer's defaults
  const train::LoraSettings l;

  auto* run_group = new QGroupBox(tr("Run"), this);
  auto* run = new QFormLayout(run_group);
  preset_ = combo({});
  preset_->addItem(QString(), "clinic-qa");
  preset_->addItem(QString(), "medical-record");
  preset_->addItem(QString(), "attention-mlp");
  preset_->addItem(QString(), "custom");
  run->addRow(tr("Preset"), preset_);
  add_field(run, "name", line("run-1"), QT_TR_NOOP("Name"), QT_TR_NOOP("The run's name; its folder is <runs folder>/<name>"));
  auto* base_model = combo({}, true);
  add_field(run, "base_model", base_model, QT_TR_NOOP("Base model"),
            QT_TR_NOOP("An HF model folder (config.json, model.safetensors, tokenizer.json or tokenizer.model)"),
            path_row("base_model", base_model, PathField::Kind::Folder));
  auto* dataset = combo({});
  add_field(run, "dataset", dataset, QT_TR_NOOP("Dataset"),
            QT_TR_NOOP("A workspace dataset, exported and split into the run folder at launch; or 'Files' to name the files"));
  add_field(run, "approved_only", check(true), QT_TR_NOOP("Approved records only"),
            QT_TR_NOOP("Export only the records a reviewer approved"));
  add_field(run, "validation_fraction", double_box(0, 0.5, 0.1, 2, 0.05), QT_TR_NOOP("Validation split"),
            QT_TR_NOOP("Fraction of the dataset held out (stratified by category) for the eval loss"));
  auto* train_file = line("");
  add_field(run, "train_file", train_file, QT_TR_NOOP("Train file"),
            QT_TR_NOOP("Files mode: JSON/JSONL/CSV records or a .txt corpus"),
            path_row("train_file", train_file, PathField::Kind::OpenFile));
  auto* eval_file = line("");
  add_field(run, "eval_file", eval_file, QT_TR_NOOP("Eval file"), QT_TR_NOOP("Files mode: evaluation records (optional)"),
            path_row("eval_file", eval_file, PathField::Kind::OpenFile));
  add_field(run, "val_size", double_box(0, 1e6, 0, 3, 0.05), QT_TR_NOOP("Hold out of train file"),
            QT_TR_NOOP("Files mode without an eval file: a fraction (< 1) or a count (>= 1) of train records held out"));
  // "model default" (value ""): RUN.json leaves "template" out and the trainer uses the model's
  // chat template when it has one, else clinic.
  auto* templates = combo({});
  templates->addItem(QString(), QString());
  for (const auto& name : tokenizer::PromptFormat::choices(/*model_has_chat_template=*/true))
    templates->addItem(QString::fromStdString(name), QString::fromStdString(name));
  add_field(run, "template", templates, QT_TR_NOOP("Template"),
            QT_TR_NOOP("How examples are rendered: model default (the model's chat template when it has one, else "
                       "clinic), model, chatml, clinic, clinic-en or raw"));
  auto* objective = combo({});
  objective->addItem(QString(), "fine-tune");
  objective->addItem(QString(), "distill");
  add_field(run, "objective", objective, QT_TR_NOOP("Objective"),
            QT_TR_NOOP("Fine-tune on the data alone, or distil: also learn a teacher model's output distribution"));
  add_field(run, "mode", combo({"lora", "full"}), QT_TR_NOOP("Mode"),
            QT_TR_NOOP("LoRA adapter, or train every weight (when distilling: how the student trains)"));
  add_field(run, "effective_batch", int_box(1, 1 << 20, 32), QT_TR_NOOP("Effective batch (wanted)"),
            QT_TR_NOOP("Examples per optimiser step you want; it should equal micro-batch × accumulation"));

  build_distillation_group();

  auto* lora_group = new QGroupBox(tr("LoRA"), this);
  auto* lora = new QFormLayout(lora_group);
  add_field(lora, "lora.r", int_box(1, 65536, static_cast<int>(l.r)), QT_TR_NOOP("Rank r"),
            QT_TR_NOOP("Rank of the low-rank update; about √hidden / 2 is a good start"));
  add_field(lora, "lora.alpha", double_box(0.01, 1e6, l.alpha, 2, 1), QT_TR_NOOP("Alpha"),
            QT_TR_NOOP("Scaling numerator: the update is scaled by alpha / r (alpha / √r with rsLoRA)"));
  add_field(lora, "lora.dropout", double_box(0, 0.99, l.dropout, 3, 0.01), QT_TR_NOOP("Dropout"),
            QT_TR_NOOP("Dropout on the LoRA input during training"));
  add_field(lora, "lora.target_modules", line("q_proj, k_proj, v_proj, o_proj"), QT_TR_NOOP("Target modules"),
            QT_TR_NOOP("Comma-separated: q_proj k_proj v_proj o_proj gate_proj up_proj down_proj, or all-linear"));
  add_field(lora, "lora.modules_to_save", line(""), QT_TR_NOOP("Modules to save"),
            QT_TR_NOOP("Comma-separated modules trained in full and saved with the adapter (lm_head, embed_tokens)"));
  add_field(lora, "lora.use_rslora", check(l.use_rslora), QT_TR_NOOP("rsLoRA"), QT_TR_NOOP("Scale by alpha / √r instead of alpha / r"));

  auto* train_group = new QGroupBox(tr("Training"), this);
  auto* t = new QFormLayout(train_group);
  add_field(t, "training.epochs", int_box(1, 100000, static_cast<int>(d.epochs)), QT_TR_NOOP("Epochs"), QT_TR_NOOP("Passes over the training data"));
  add_field(t, "training.max_steps", int_box(0, 1 << 30, 0), QT_TR_NOOP("Max steps"), QT_TR_NOOP("> 0: stop after this many optimiser steps (overrides epochs)"));
  add_field(t, "training.micro_batch_size", int_box(1, 65536, static_cast<int>(d.micro_batch_size)), QT_TR_NOOP("Micro-batch"),
            QT_TR_NOOP("Examples per forward/backward pass; bounded by memory"));
  add_field(t, "training.gradient_accumulation_steps", int_box(1, 65536, static_cast<int>(d.gradient_accumulation_steps)),
            QT_TR_NOOP("Gradient accumulation"), QT_TR_NOOP("Micro-batches summed per optimiser step"));
  add_field(t, "training.learning_rate", line("2e-4"), QT_TR_NOOP("Learning rate"), QT_TR_NOOP("Peak learning rate after warmup (e.g. 2e-4)"));
  add_field(t, "training.lr_scheduler", combo({"cosine", "linear", "constant"}), QT_TR_NOOP("Schedule"),
            QT_TR_NOOP("How the learning rate decays after warmup"));
  add_field(t, "training.warmup_ratio", double_box(0, 1, d.warmup_ratio, 3, 0.01), QT_TR_NOOP("Warmup ratio"),
            QT_TR_NOOP("Fraction of the steps with a linearly rising learning rate"));
  add_field(t, "training.weight_decay", double_box(0, 10, d.weight_decay, 4, 0.01), QT_TR_NOOP("Weight decay"), QT_TR_NOOP("AdamW decoupled weight decay"));
  add_field(t, "training.adam_beta1", double_box(0, 0.999999, d.adam_beta1, 4, 0.01), QT_TR_NOOP("Adam β1"), QT_TR_NOOP("First-moment decay"));
  add_field(t, "training.adam_beta2", double_box(0, 0.999999, d.adam_beta2, 4, 0.001), QT_TR_NOOP("Adam β2"), QT_TR_NOOP("Second-moment decay"));
  add_field(t, "training.adam_epsilon", line("1e-8"), QT_TR_NOOP("Adam ε"), QT_TR_NOOP("Added to the denominator for stability"));
  add_field(t, "training.max_grad_norm", double_box(0, 1e9, d.max_grad_norm, 3, 0.1), QT_TR_NOOP("Max grad norm"),
            QT_TR_NOOP("Gradient clipping threshold; 0 disables clipping"));
  add_field(t, "training.max_length", int_box(2, 1 << 20, static_cast<int>(d.max_length)), QT_TR_NOOP("Max length"),
            QT_TR_NOOP("Tokens per example; longer examples are truncated"));
  add_field(t, "training.logging_steps", int_box(1, 1 << 30, static_cast<int>(d.logging_steps)), QT_TR_NOOP("Log every"),
            QT_TR_NOOP("Steps between loss points on the curve"));
  add_field(t, "training.eval_steps", int_box(0, 1 << 30, 0), QT_TR_NOOP("Evaluate every"),
            QT_TR_NOOP("Steps between evaluations; 0 evaluates at the end of each epoch"));
  add_field(t, "training.save_steps", int_box(0, 1 << 30, 0), QT_TR_NOOP("Save every"),
            QT_TR_NOOP("Steps between checkpoints; 0 saves at the end of each epoch"));
  add_field(t, "training.save_total_limit", int_box(0, 100000, static_cast<int>(d.save_total_limit)), QT_TR_NOOP("Keep checkpoints"),
            QT_TR_NOOP("Most recent checkpoints kept (the best is always kept); 0 keeps all"));
  add_field(t, "training.early_stopping_patience", int_box(0, 100000, 0), QT_TR_NOOP("Early stopping patience"),
            QT_TR_NOOP("Evaluations without improvement before stopping; 0 is off (needs evaluation data)"));
  add_field(t, "training.load_best_model_at_end", check(false), QT_TR_NOOP("Load best at end"),
            QT_TR_NOOP("The adapter written at the end is the best-evaluated checkpoint's"));
  add_field(t, "training.seed", int_box(0, 2147483647, static_cast<int>(d.seed)), QT_TR_NOOP("Seed"), QT_TR_NOOP("Seed of the shuffling, dropout and initialisation"));
  add_field(t, "training.dtype", combo({"auto", "float32", "bfloat16", "float16"}), QT_TR_NOOP("Compute dtype"),
            QT_TR_NOOP("auto picks bfloat16 where the CPU/GPU runs it fast, else float32"));
  add_memory_fields(t);
  add_field(t, "device", combo({"auto", "cpu", "cuda"}), QT_TR_NOOP("Device"), QT_TR_NOOP("auto uses CUDA when present"));
  add_field(t, "threads", int_box(0, 4096, 0), QT_TR_NOOP("Threads"), QT_TR_NOOP("CPU threads; 0 uses all cores"));
  add_field(t, "training.gradient_checkpointing", check(false), QT_TR_NOOP("Gradient checkpointing"),
            QT_TR_NOOP("Recompute activations in backward: much less memory, about a third more time"));
  add_field(t, "training.recompute_activations", check(false), QT_TR_NOOP("Recompute activations"),
            QT_TR_NOOP("Keep only the inputs of softmax, SwiGLU, norms and the loss for backward: less memory, "
                       "some time (no weight matmul repeated)"));
  add_field(t, "training.train_on_prompt", check(false), QT_TR_NOOP("Train on prompt"),
            QT_TR_NOOP("Also count the prompt tokens in the loss (normally only the answer)"));
  add_field(t, "training.auto_find_batch_size", check(true), QT_TR_NOOP("Auto batch size"),
            QT_TR_NOOP("CUDA: halve the micro-batch on out-of-memory instead of failing"));
  add_field(t, "training.max_consecutive_nonfinite", int_box(1, 100000, static_cast<int>(d.max_consecutive_nonfinite)),
            QT_TR_NOOP("Max non-finite steps"), QT_TR_NOOP("Consecutive skipped (NaN/inf) steps before the run fails"));

  messages_ = new QLabel(this);
  messages_->setWordWrap(true);
  messages_->setTextFormat(Qt::RichText);
  estimate_ = new QLabel(this);
  estimate_->setWordWrap(true);

  auto* content = new QWidget(this);
  auto* column = new QVBoxLayout(content);
  column->addWidget(run_group);
  column->addWidget(distill_group_);
  column->addWidget(lora_group);
  column->addWidget(train_group);
  column->addStretch();
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll, 1);
  layout->addWidget(estimate_);
  layout->addWidget(messages_);

  connect(preset_, &QComboBox::currentIndexChanged, this, [this] {
    if (!applying_) apply_preset(preset());
  });
  connect(objective, &QComboBox::currentIndexChanged, this, &RunForm::show_objective_fields);
  show_objective_fields();
  refresh_sources();
  changeEvent(nullptr);
  apply_preset("clinic-qa");
}

void RunForm::changeEvent(QEvent* event) {
  if (!event || event->type() == QEvent::LanguageChange) {
    preset_->setItemText(0, tr("Clinic QA"));
    preset_->setItemText(1, tr("Medical-record generation"));
    preset_->setItemText(2, tr("Clinic QA, attention and MLP (q/k/v/o, gate/up/down)"));
    preset_->setItemText(3, tr("Custom"));
    for (auto it = texts_.begin(); it != texts_.end(); ++it) {
      labels_[it.key()]->setText(tr(it.value().first));
      fields_[it.key()]->setToolTip(QStringLiteral("%1 (%2)").arg(tr(it.value().second), it.key()));
    }
    if (auto* dataset = qobject_cast<QComboBox*>(fields_.value("dataset")); dataset && dataset->count() > 0)
      dataset->setItemText(0, tr("Files (below)"));
    path_fields_["base_model"]->set_dialog_title(tr("Choose the base model folder"));
    const QString records = tr("Records (*.json *.jsonl *.csv *.txt);;All files (*)");
    path_fields_["train_file"]->set_dialog_title(tr("Choose the train file"));
    path_fields_["train_file"]->set_filter(records);
    path_fields_["eval_file"]->set_dialog_title(tr("Choose the eval file"));
    path_fields_["eval_file"]->set_filter(records);
    if (auto* templates = qobject_cast<QComboBox*>(fields_.value("template")); templates && templates->count() > 0)
      templates->setItemText(0, tr("model default"));
    auto* objective = qobject_cast<QComboBox*>(fields_.value("objective"));
    objective->setItemText(0, tr("Fine-tune"));
    objective->setItemText(1, tr("Distil from a teacher"));
    distill_group_->setTitle(tr("Distillation"));
    qobject_cast<QSpinBox*>(fields_.value("teacher.precompute_top_k"))->setSpecialValueText(tr("off"));
    path_fields_["teacher.model"]->set_dialog_title(tr("Choose the teacher model folder"));
    path_fields_["teacher.adapter"]->set_dialog_title(tr("Choose the teacher's adapter folder"));
    retranslate_memory_fields();
  }
  if (event) QWidget::changeEvent(event);
}

void RunForm::set_workspace(store::Workspace* workspace) {
  workspace_ = workspace;
  if (workspace_ && runs_root_.isEmpty())
    runs_root_ = QFileInfo(QString::fromStdString(workspace_->path())).absoluteDir().filePath("runs");
  refresh_sources();
}

void RunForm::set_models_dir(const QString& dir) {
  models_dir_ = dir;
  refresh_sources();
}

void RunForm::set_runs_root(const QString& dir) {
  runs_root_ = dir;
  validate();
}

void RunForm::refresh_sources() {
  applying_ = true;
  QStringList usable_models;
  if (!models_dir_.isEmpty()) {
    model::ModelCatalog catalog(models_dir_.toStdString());
    for (const auto& entry : catalog.scan())
      if (entry.usable()) usable_models << QString::fromStdString(entry.path.string());
  }
  // The teacher is picked from the same models as the base.
  for (const QString& key : {QStringLiteral("base_model"), QStringLiteral("teacher.model")}) {
    auto* models = qobject_cast<QComboBox*>(fields_.value(key));
    const QString current_model = models->currentText();
    models->clear();
    models->addItems(usable_models);
    if (key == "teacher.model") models->setCurrentIndex(-1);  // no teacher until one is chosen
    if (!current_model.isEmpty()) models->setCurrentText(current_model);
  }
  auto* datasets = qobject_cast<QComboBox*>(fields_.value("dataset"));
  const QVariant current_dataset = datasets->currentData();
  datasets->clear();
  datasets->addItem(tr("Files (below)"), QVariant(qint64(-1)));
  if (workspace_) {
    for (const auto& d : store::DatasetRepository(*workspace_).list_datasets())
      datasets->addItem(tr("%1 (%2 approved of %3)").arg(QString::fromStdString(d.name)).arg(d.approved).arg(d.total),
                        QVariant(qint64(d.id)));
  }
  const int index = datasets->findData(current_dataset);
  datasets->setCurrentIndex(index >= 0 ? index : 0);
  applying_ = false;
  validate();
}

void RunForm::apply_preset(const QString& name) {
  applying_ = true;
  const int index = preset_->findData(name);
  if (index >= 0) preset_->setCurrentIndex(index);
  if (name != "custom") {
    const auto lora = lora::preset(name.toStdString());
    set_value("lora.r", qint64(lora.r));
    set_value("lora.alpha", lora.alpha);
    set_value("lora.dropout", lora.dropout);
    QStringList targets;
    for (const auto& t : lora.target_modules) targets << QString::fromStdString(t);
    set_value("lora.target_modules", targets.join(", "));
    set_value("mode", "lora");
    set_value("template", QString());  // the model's default
    // Short QA answers train well with more examples a step; long records need the context
    // length, a smaller micro-batch and a gentler rate.
    const bool records = name == "medical-record";
    set_value("training.learning_rate", records ? "1e-4" : "2e-4");
    set_value("training.max_length", qint64(records ? 1024 : 512));
    set_value("training.micro_batch_size", qint64(records ? 2 : 4));
    set_value("training.gradient_accumulation_steps", qint64(records ? 16 : 8));
    set_value("effective_batch", qint64(32));
    set_value("training.epochs", qint64(records ? 2 : 3));
    set_value("training.warmup_ratio", 0.1);
    set_value("training.lr_scheduler", "cosine");
  }
  applying_ = false;
  validate();
}

QString RunForm::preset() const { return preset_->currentData().toString(); }

bool RunForm::set_value(const QString& key, const QVariant& value) {
  QWidget* widget = fields_.value(key);
  if (!widget) return false;
  if (auto* spin = qobject_cast<QSpinBox*>(widget)) spin->setValue(value.toInt());
  else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(widget)) dspin->setValue(value.toDouble());
  else if (auto* box = qobject_cast<QCheckBox*>(widget)) box->setChecked(value.toBool());
  else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
    int index = value.typeId() == QMetaType::QString ? combo->findText(value.toString()) : combo->findData(value);
    if (index < 0 && value.typeId() == QMetaType::QString) index = combo->findData(value);  // e.g. "" = model default
    if (index < 0 && value.typeId() != QMetaType::QString) index = combo->findData(value.toLongLong());
    if (index >= 0) combo->setCurrentIndex(index);
    else if (combo->isEditable()) combo->setCurrentText(value.toString());
    else return false;
  } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) edit->setText(value.toString());
  return true;
}

QVariant RunForm::value(const QString& key) const {
  QWidget* widget = fields_.value(key);
  if (auto* spin = qobject_cast<QSpinBox*>(widget)) return qint64(spin->value());
  if (auto* dspin = qobject_cast<QDoubleSpinBox*>(widget)) return dspin->value();
  if (auto* box = qobject_cast<QCheckBox*>(widget)) return box->isChecked();
  if (auto* combo = qobject_cast<QComboBox*>(widget)) return combo->currentData().isValid() ? combo->currentData() : QVariant(combo->currentText());
  if (auto* edit = qobject_cast<QLineEdit*>(widget)) return edit->text().trimmed();
  return {};
}

void RunForm::on_edited() {
  if (applying_) return;
  // Editing a field the preset filled makes the run a custom one.
  if (auto* source = sender(); source && preset() != "custom") {
    const QString key = fields_.key(qobject_cast<QWidget*>(source));
    if (key.startsWith("lora.") || key.startsWith("training.")) {
      applying_ = true;
      preset_->setCurrentIndex(preset_->findData("custom"));
      applying_ = false;
    }
  }
  validate();
}

QString RunForm::run_dir_for(const QString& name) const {
  return QDir(runs_root_.isEmpty() ? QDir::currentPath() + "/runs" : runs_root_).filePath(name);
}

RunRequest RunForm::request() const {
  RunRequest r;
  r.name = value("name").toString();
  r.run_dir = run_dir_for(r.name);
  QJsonObject c;
  c["base_model"] = value("base_model").toString();
  const qint64 dataset = value("dataset").toLongLong();
  if (dataset >= 0) {
    r.dataset_id = dataset;
    r.validation_fraction = value("validation_fraction").toDouble();
    r.approved_only = value("approved_only").toBool();
    c["train_file"] = QDir(r.run_dir).filePath("data/train.jsonl");
    if (r.validation_fraction > 0) c["eval_file"] = QDir(r.run_dir).filePath("data/validation.jsonl");
  } else {
    c["train_file"] = value("train_file").toString();
    if (!value("eval_file").toString().isEmpty()) c["eval_file"] = value("eval_file").toString();
    else if (value("val_size").toDouble() > 0) c["val_size"] = value("val_size").toDouble();
  }
  c["output_dir"] = r.run_dir;
  // Empty: no "template" key, so the trainer picks the model's chat template (or clinic).
  if (const QString name = value("template").toString(); !name.isEmpty()) c["template"] = name;
  const QString student = value("mode").toString();
  if (value("objective").toString() == "distill") add_distillation_keys(c);
  else c["mode"] = student;
  c["device"] = value("device").toString();
  c["threads"] = value("threads").toLongLong();
  add_memory_keys(c);
  QJsonObject lora, training;
  for (auto it = fields_.begin(); it != fields_.end(); ++it) {
    const QString& key = it.key();
    QJsonObject* section = key.startsWith("lora.") ? &lora : key.startsWith("training.") ? &training : nullptr;
    if (!section) continue;
    const QString name = key.section('.', 1);
    const QVariant v = value(key);
    if (kListKeys.contains(key)) {
      QJsonArray items;
      for (const QString& item : v.toString().split(',', Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty()) items.append(item.trimmed());
      section->insert(name, items);
    } else if (kScientificKeys.contains(key)) {
      bool ok = false;
      const double number = v.toString().toDouble(&ok);
      // Not a number: passed on as text so that the strict parser names the key.
      section->insert(name, ok ? QJsonValue(number) : QJsonValue(v.toString()));
    } else {
      section->insert(name, QJsonValue::fromVariant(v));
    }
  }
  if (student == "lora") c["lora"] = lora;
  c["training"] = training;
  r.config = c;
  return r;
}

std::optional<qint64> RunForm::train_records_estimate(const RunRequest& request) const {
  if (request.dataset_id) {
    if (!workspace_) return std::nullopt;
    const auto d = store::DatasetRepository(*workspace_).find_dataset(static_cast<int64_t>(*request.dataset_id));
    if (!d) return std::nullopt;
    const double records = static_cast<double>(request.approved_only ? d->approved : d->total);
    return static_cast<qint64>(records * (1.0 - request.validation_fraction));
  }
  const QString file = request.config.value("train_file").toString();
  if (!file.endsWith(".jsonl") || QFileInfo(file).size() > (64 << 20)) return std::nullopt;
  QFile in(file);
  if (!in.open(QIODevice::ReadOnly)) return std::nullopt;
  qint64 lines = 0;
  while (!in.atEnd())
    if (!in.readLine().trimmed().isEmpty()) ++lines;
  const double held_out = request.config.value("val_size").toDouble();
  if (held_out >= 1) lines -= static_cast<qint64>(held_out);
  else lines -= static_cast<qint64>(lines * held_out);
  return lines;
}

void RunForm::validate() {
  if (applying_) return;
  const bool could_launch = errors_.isEmpty();
  errors_.clear();
  warnings_.clear();
  estimate_text_.clear();
  const RunRequest r = request();
  static const QRegularExpression kName("^[A-Za-z0-9._-]+$");
  if (!kName.match(r.name).hasMatch())
    errors_ << tr("Name: use letters, digits, '.', '_' or '-' (it becomes the run folder's name).");
  else if (has_checkpoints(r.run_dir))
    errors_ << tr("The run folder %1 already holds checkpoints: choose another name, or resume that run from History.")
                   .arg(r.run_dir);
  const QString base = r.config.value("base_model").toString();
  std::optional<model::LlamaConfig> shape;
  if (base.isEmpty() || !QFileInfo::exists(QDir(base).filePath("config.json"))) {
    errors_ << tr("Base model: choose an HF model folder with config.json (found none at \"%1\").").arg(base);
  } else {
    const auto entry = model::ModelCatalog::describe(base.toStdString());
    if (entry.usable()) shape = entry.config;
    else errors_ << tr("Base model: %1").arg(QString::fromStdString(entry.config_error));
  }
  std::optional<model::LlamaConfig> teacher_shape;
  if (r.config.value("mode").toString() == "distill")
    teacher_shape = validate_teacher(r.config, shape ? std::optional<int64_t>(shape->vocab_size) : std::nullopt);
  if (!r.dataset_id && !QFileInfo::exists(r.config.value("train_file").toString()))
    errors_ << tr("Train file: \"%1\" does not exist; choose a file or a workspace dataset.").arg(r.config.value("train_file").toString());
  if (!r.dataset_id && !r.config.value("eval_file").toString().isEmpty() &&
      !QFileInfo::exists(r.config.value("eval_file").toString()))
    errors_ << tr("Eval file: \"%1\" does not exist.").arg(r.config.value("eval_file").toString());

  std::optional<train::RunConfig> config;
  try {
    config = train::RunConfig::from_json(r.config, r.run_dir.toStdString(), "the form");
  } catch (const std::exception& e) {
    errors_ << QString::fromStdString(e.what());
  }
  if (config) {
    train::WarningContext context;
    context.model = shape;
    context.teacher = teacher_shape;
    if (const auto records = train_records_estimate(r)) context.train_records = *records;
    context.desired_effective_batch = value("effective_batch").toLongLong();
    context.memory_available = static_cast<uint64_t>(::sysconf(_SC_PHYS_PAGES)) * static_cast<uint64_t>(::sysconf(_SC_PAGE_SIZE));
    context.bfloat16_slow = bfloat16_slow_for(config->device);
    // CPU reference (docs/architecture.md, measured on the AMD machine): ~200 GFLOP/s float32, ~420 bfloat16 peak on 2 cores,
    // ~45 % reached; bfloat16 where it is slow runs about 20x below float32 (AVX2-only AMD EPYC).
    const bool narrow = train::dtype_bytes(config->training.dtype) == 2;
    context.flops_per_second = (narrow ? (context.bfloat16_slow ? 200e9 / 20 : 420e9) : 200e9) * 0.45;
    for (const auto& w : train::check_run_config(*config, context))
      warnings_ << QStringLiteral("%1: %2").arg(QString::fromStdString(w.key), QString::fromStdString(w.message));
    if (shape) {
      const auto e = train::estimate_run(*config, *shape, context.flops_per_second, teacher_shape ? &*teacher_shape : nullptr);
      estimate_text_ = tr("Estimate: about %1 (weights %2, optimizer %3, activations %4); %5 trainable parameters; "
                          "%6 tokens a step, about %7 a step at %8 GFLOP/s (rough, CPU reference).")
                           .arg(format_gib(e.total_bytes), format_gib(e.weight_bytes), format_gib(e.optimizer_bytes),
                                format_gib(e.activation_bytes),
                                QString::fromStdString(model::format_count(e.trainable_parameters)))
                           .arg(e.tokens_per_step)
                           .arg(format_duration(e.seconds_per_step))
                           .arg(context.flops_per_second / 1e9, 0, 'f', 0);
      if (e.teacher_weight_bytes > 0)
        estimate_text_ += " " + tr("The teacher adds %1 of it (weights %2, activations %3).")
                                    .arg(format_gib(e.teacher_weight_bytes + e.teacher_activation_bytes),
                                         format_gib(e.teacher_weight_bytes), format_gib(e.teacher_activation_bytes));
      if (context.train_records) {
        const auto steps = train::planned_steps(config->training, *context.train_records);
        estimate_text_ += " " + tr("%1 steps, about %2 in all.").arg(steps).arg(format_duration(steps * e.seconds_per_step));
      }
    }
  }
  QString html;
  for (const auto& e : errors_) html += QStringLiteral("<div style='color:#b00020'>✖ %1</div>").arg(e.toHtmlEscaped());
  for (const auto& w : warnings_) html += QStringLiteral("<div style='color:#8a5a00'>⚠ %1</div>").arg(w.toHtmlEscaped());
  messages_->setText(html);
  estimate_->setText(estimate_text_);
  if (could_launch != errors_.isEmpty()) Q_EMIT validity_changed(errors_.isEmpty());
}

QString RunForm::estimate_text() const { return estimate_text_; }

}  // namespace medlora::ui
