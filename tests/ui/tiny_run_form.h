#pragma once
// A tiny, fast run in the Training panel's form, as the training tests launch it: micro-batch 2,
// no accumulation, logging every step, evaluating (when there is an eval file) and saving every
// 2 steps, float32 on one thread, LoRA r 4. Runs go under ROOT/runs; the data is ROOT/train.jsonl.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include "core/train/run_config.h"
#include "ui/training/run_form.h"

namespace medlora::testing {

inline void configure_tiny_run(ui::RunForm& form, const QString& root, const QString& base_model, const QString& name,
                               int max_steps, const QString& eval_file = {}, int max_length = 128) {
  form.set_runs_root(root + "/runs");
  form.set_value("name", name);
  form.set_value("base_model", base_model);
  form.set_value("dataset", qint64(-1));
  form.set_value("train_file", root + "/train.jsonl");
  if (!eval_file.isEmpty()) {
    form.set_value("eval_file", eval_file);
    form.set_value("training.eval_steps", 2);
  }
  form.set_value("training.micro_batch_size", 2);
  form.set_value("training.gradient_accumulation_steps", 1);
  form.set_value("effective_batch", 2);
  form.set_value("training.max_length", max_length);
  form.set_value("training.max_steps", max_steps);
  form.set_value("training.logging_steps", 1);
  form.set_value("training.save_steps", 2);
  form.set_value("training.dtype", "float32");
  form.set_value("threads", 1);
  form.set_value("lora.r", 4);
  form.set_value("lora.alpha", 8);
  form.validate();
}

// A form's RUN.json parsed by core through a file, as `medlora train --config` reads it.
inline train::RunConfig parse_run_json(const QJsonObject& config) {
  QTemporaryDir dir;
  const QString file = dir.filePath("RUN.json");
  QFile out(file);
  if (!out.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(file));
  out.write(QJsonDocument(config).toJson());
  out.close();
  return train::RunConfig::from_json_file(file.toStdString());
}

}  // namespace medlora::testing
