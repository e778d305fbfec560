#pragma once
// The "new run" form: base model, data (a workspace dataset split at launch, or files),
// template, a preset (clinic QA, medical-record generation, custom) that fills the LoRA and
// training fields, the objective (fine-tune, or distil from a teacher model, whose fields show
// only then), the memory choices (a quantised base, the 8-bit optimiser), every trainer option
// with a tooltip, and — on every change — errors (the trainer's own strict RunConfig parsing),
// warnings (core/train/run_estimate) and an estimate of memory and time per step.
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QWidget>

#include <cstdint>
#include <optional>

#include "core/model/llama_config.h"
#include "ui/shell/path_field.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QFormLayout;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

// What the panel needs to launch: the RUN.json object and where the data comes from.
struct RunRequest {
  QString name;
  QString run_dir;                  // the config's output_dir
  QJsonObject config;               // for `medlora train --config`
  std::optional<qint64> dataset_id;  // export + split this dataset into run_dir/data at launch
  double validation_fraction = 0;    // of the dataset, held out as eval_file
  bool approved_only = true;
};

class RunForm : public QWidget {
  Q_OBJECT

 public:
  explicit RunForm(QWidget* parent = nullptr);

  // The datasets offered and where run folders go (<workspace folder>/runs by default).
  void set_workspace(store::Workspace* workspace);
  void set_models_dir(const QString& dir);
  void set_runs_root(const QString& dir);
  // Re-reads models and datasets.
  void refresh_sources();

  // "clinic-qa", "medical-record" or "custom".
  void apply_preset(const QString& preset);
  QString preset() const;

  // Any field by its RUN.json key ("training.learning_rate", "lora.r", "base_model",
  // "train_file", "teacher.model", "temperature", ...) or a form-only key ("name",
  // "effective_batch", "dataset", "approved_only", "objective": "fine-tune" | "distill").
  // set_value returns false for an unknown key.
  bool set_value(const QString& key, const QVariant& value);
  QVariant value(const QString& key) const;
  QWidget* field(const QString& key) const { return fields_.value(key); }
  // The Browse row of a path field ("base_model", "train_file", "eval_file", "teacher.model",
  // "teacher.adapter"); null for others.
  PathField* path_field(const QString& key) const { return path_fields_.value(key); }
  QStringList keys() const { return fields_.keys(); }
  // The teacher's fields; shown only while the objective is "distill".
  QGroupBox* distillation_group() const { return distill_group_; }

  RunRequest request() const;
  // Recomputes errors, warnings and the estimate (done on every change, shown below the form).
  void validate();
  const QStringList& errors() const { return errors_; }
  const QStringList& warnings() const { return warnings_; }
  QString estimate_text() const;
  bool can_launch() const { return errors_.isEmpty(); }

 Q_SIGNALS:
  void validity_changed(bool can_launch);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void build();
  // `row` is what the form shows (a PathField around `widget`); `widget` by default.
  void add_field(QFormLayout* form, const QString& key, QWidget* widget, const char* label, const char* tooltip,
                 QWidget* row = nullptr);
  // A path field around `editor` (a QLineEdit or an editable QComboBox) with a Browse button.
  PathField* path_row(const QString& key, QWidget* editor, PathField::Kind kind);
  void on_edited();
  // Distillation (run_form_distillation.cpp): the teacher's group, its RUN.json keys, and the
  // errors in the teacher's folders that the trainer would only find when loading them.
  void build_distillation_group();
  void show_objective_fields();
  void add_distillation_keys(QJsonObject& config) const;
  // Reports the teacher's problems in errors_; its shape when it is usable (for the estimate).
  std::optional<model::LlamaConfig> validate_teacher(const QJsonObject& config,
                                                     const std::optional<int64_t>& student_vocab_size);
  // Memory (run_form_memory.cpp): base quantisation and the optimiser, their choices' texts and
  // tooltips, and the top-level RUN.json key ("training.optimizer" goes with training.*).
  void add_memory_fields(QFormLayout* form);
  void retranslate_memory_fields();
  void add_memory_keys(QJsonObject& config) const;
  QString run_dir_for(const QString& name) const;
  std::optional<qint64> train_records_estimate(const RunRequest& request) const;

  store::Workspace* workspace_ = nullptr;
  QString models_dir_;
  QString runs_root_;
  QMap<QString, QWidget*> fields_;
  QMap<QString, QLabel*> labels_;
  QMap<QString, PathField*> path_fields_;
  QMap<QString, QPair<const char*, const char*>> texts_;  // key -> (label, tooltip), untranslated
  QComboBox* preset_ = nullptr;
  QGroupBox* distill_group_ = nullptr;
  QLabel* messages_ = nullptr;
  QLabel* estimate_ = nullptr;
  QStringList errors_, warnings_;
  QString estimate_text_;
  bool applying_ = false;
};

}  // namespace medlora::ui
