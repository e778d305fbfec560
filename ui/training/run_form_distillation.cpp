// The distillation part of the run form: "mode": "distill" with the teacher, the top-k
// precompute, temperature and alpha (core/train/run_config.h), shown only while the objective is
// "distill". The RUN.json keys are checked by core's RunConfig like every other key.
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>

#include "core/model/model_catalog.h"
#include "core/train/run_config.h"
#include "ui/training/run_form.h"

namespace medlora::ui {

void RunForm::build_distillation_group() {
  const train::DistillationConfig d;  // the trainer's defaults
  distill_group_ = new QGroupBox(this);
  auto* form = new QFormLayout(distill_group_);

  auto* teacher_model = new QComboBox(this);
  teacher_model->setEditable(true);
  add_field(form, "teacher.model", teacher_model, QT_TR_NOOP("Teacher model"),
            QT_TR_NOOP("The HF model folder the student learns from; it must share the base model's vocabulary"),
            path_row("teacher.model", teacher_model, PathField::Kind::Folder));
  auto* teacher_adapter = new QLineEdit(this);
  add_field(form, "teacher.adapter", teacher_adapter, QT_TR_NOOP("Teacher adapter"),
            QT_TR_NOOP("Optional PEFT adapter folder applied to the teacher; empty uses the bare teacher"),
            path_row("teacher.adapter", teacher_adapter, PathField::Kind::Folder));
  auto* quantization = new QComboBox(this);
  quantization->addItems({"none", "int8", "nf4", "nf4-dq"});
  add_field(form, "teacher.quantization", quantization, QT_TR_NOOP("Teacher quantisation"),
            QT_TR_NOOP("How the frozen teacher's weights are held: none, or int8 / nf4 / nf4-dq for less memory (CPU)"));
  auto* top_k = new QSpinBox(this);
  top_k->setRange(0, 1 << 24);
  top_k->setValue(static_cast<int>(d.teacher.precompute_top_k));
  add_field(form, "teacher.precompute_top_k", top_k, QT_TR_NOOP("Precompute teacher top-k"),
            QT_TR_NOOP("Run the teacher once before training and keep its k largest logits per answer token "
                       "(64 is usual); off runs the teacher at every step"));
  auto* temperature = new QDoubleSpinBox(this);
  temperature->setRange(0.01, 1000);
  temperature->setDecimals(2);
  temperature->setSingleStep(0.5);
  temperature->setValue(d.temperature);
  add_field(form, "temperature", temperature, QT_TR_NOOP("Temperature"),
            QT_TR_NOOP("Softens both distributions in the KL term; higher passes on more of the teacher's ranking"));
  auto* alpha = new QDoubleSpinBox(this);
  alpha->setRange(0, 1);
  alpha->setDecimals(2);
  alpha->setSingleStep(0.05);
  alpha->setValue(d.alpha);
  add_field(form, "alpha", alpha, QT_TR_NOOP("KL weight (alpha)"),
            QT_TR_NOOP("Loss = alpha × T² × KL(teacher ‖ student) + (1 − alpha) × cross-entropy on the labels"));
}

void RunForm::show_objective_fields() { distill_group_->setVisible(value("objective").toString() == "distill"); }

void RunForm::add_distillation_keys(QJsonObject& config) const {
  // "mode" says distill; "student" carries how the student trains (the form's Mode: lora | full).
  config["mode"] = "distill";
  config["student"] = value("mode").toString();
  QJsonObject teacher{{"model", value("teacher.model").toString()},
                      {"quantization", value("teacher.quantization").toString()}};
  if (const QString adapter = value("teacher.adapter").toString(); !adapter.isEmpty()) teacher["adapter"] = adapter;
  // Left out when off, which is the trainer's default.
  if (const qint64 k = value("teacher.precompute_top_k").toLongLong(); k > 0) teacher["precompute_top_k"] = k;
  config["teacher"] = teacher;
  config["temperature"] = value("temperature").toDouble();
  config["alpha"] = value("alpha").toDouble();
}

std::optional<model::LlamaConfig> RunForm::validate_teacher(const QJsonObject& config,
                                                             const std::optional<int64_t>& student_vocab_size) {
  const QJsonObject teacher = config.value("teacher").toObject();
  const QString model = teacher.value("model").toString();
  std::optional<model::LlamaConfig> shape;
  if (model.isEmpty() || !QFileInfo::exists(QDir(model).filePath("config.json"))) {
    errors_ << tr("Teacher model: choose an HF model folder with config.json (found none at \"%1\").").arg(model);
  } else if (const auto entry = model::ModelCatalog::describe(model.toStdString()); !entry.usable()) {
    errors_ << tr("Teacher model: %1").arg(QString::fromStdString(entry.config_error));
  } else if (student_vocab_size && entry.config->vocab_size != *student_vocab_size) {
    // The trainer refuses this too, but only after loading both models.
    errors_ << tr("Teacher model: its vocabulary has %1 tokens and the base model's %2; the student learns the "
                  "teacher's distribution over the same tokens, so they must match.")
                   .arg(entry.config->vocab_size)
                   .arg(*student_vocab_size);
  } else {
    shape = entry.config;
  }
  const QString adapter = teacher.value("adapter").toString();
  if (!adapter.isEmpty() && !QFileInfo::exists(QDir(adapter).filePath("adapter_config.json")))
    errors_ << tr("Teacher adapter: \"%1\" is not a PEFT adapter folder (no adapter_config.json); leave it empty "
                  "for the bare teacher.")
                   .arg(adapter);
  return shape;
}

}  // namespace medlora::ui
