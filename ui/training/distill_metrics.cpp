#include "ui/training/distill_metrics.h"

#include <QDir>
#include <QMap>

#include <cmath>

#include "core/store/run_repository.h"
#include "ui/training/json_lines_tail.h"

namespace medlora::ui {
namespace {

constexpr const char* kTerms[] = {"kl_loss", "ce_loss", "teacher_agreement"};

double number_or_nan(const QJsonObject& line, const char* key) {
  const auto v = line.value(QLatin1String(key));
  return v.isDouble() ? v.toDouble() : std::nan("");
}

}  // namespace

bool is_distill_line(const QJsonObject& line) {
  for (const char* key : kTerms)
    if (line.value(QLatin1String(key)).isDouble()) return true;
  return false;
}

DistillPoint distill_point(const QJsonObject& line) {
  return {line.value("step").toDouble(), number_or_nan(line, "kl_loss"), number_or_nan(line, "ce_loss"),
          number_or_nan(line, "teacher_agreement")};
}

QVector<DistillPoint> recorded_distill_points(const store::RunRepository& runs, const store::TrainingRun& run) {
  QMap<int64_t, DistillPoint> by_step;
  const double nan = std::nan("");
  for (int term = 0; term < 3; ++term) {
    for (const auto& p : runs.metric(run.id, "train", kTerms[term])) {
      auto it = by_step.find(p.step);
      if (it == by_step.end()) it = by_step.insert(p.step, {static_cast<double>(p.step), nan, nan, nan});
      (term == 0 ? it->kl_loss : term == 1 ? it->ce_loss : it->teacher_agreement) = p.value;
    }
  }
  if (by_step.isEmpty()) {
    // Should a step appear twice, the later line wins, as in the workspace's rows.
    JsonLinesTail file(QDir(QString::fromStdString(run.folder)).filePath("metrics.jsonl"));
    for (const auto& line : file.read_new())
      if (line.value("event").isUndefined() && !line.contains("eval_loss") && is_distill_line(line))
        by_step.insert(line.value("step").toInteger(), distill_point(line));
  }
  return QVector<DistillPoint>(by_step.begin(), by_step.end());
}

}  // namespace medlora::ui
