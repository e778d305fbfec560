#pragma once
// The distillation terms of the metrics lines (kl_loss, ce_loss, teacher_agreement; see
// core/train/trainer.h), live or of a recorded run.
#include <QJsonObject>
#include <QVector>

namespace medlora::store {
class RunRepository;
struct TrainingRun;
}  // namespace medlora::store

namespace medlora::ui {

struct DistillPoint {
  double step = 0;
  double kl_loss = 0, ce_loss = 0, teacher_agreement = 0;  // NaN where a line lacks one
};

// A training line of a distillation run carries at least one of the three terms.
bool is_distill_line(const QJsonObject& line);
DistillPoint distill_point(const QJsonObject& line);

// A recorded run's points, by step: from the workspace's metric rows when it holds them, else
// from the run folder's metrics.jsonl, which the trainer writes for every run (and rewrites
// from the checkpoint on resume). Empty for an ordinary run.
QVector<DistillPoint> recorded_distill_points(const store::RunRepository& runs, const store::TrainingRun& run);

}  // namespace medlora::ui
