#pragma once
// Writes a training run into the workspace as it happens, from the same JSON lines the trainer
// prints (see core/train/trainer.h): metric points (a distillation run's kl_loss, ce_loss and
// teacher_agreement too), checkpoints, and the final status. A resumed run continues the row of
// its folder.
#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>

#include "core/store/run_repository.h"

namespace medlora::store {

class TrainingRunRecorder {
 public:
  // Opens (or continues, for `resuming`) the run of `folder` in `workspace`.
  TrainingRunRecorder(Workspace& workspace, const std::string& name, const std::string& folder,
                      const std::string& config_json, bool resuming);

  int64_t run_id() const { return run_id_; }
  // One trainer line: {"step", "loss", ...}, {"step", "eval_loss", ...} or {"event", ...}.
  void record(const QJsonObject& line);
  // The process ends without a "finished" line: "failed" (an error) or "stopped".
  void close(const std::string& status);

 private:
  RunRepository runs_;
  int64_t run_id_ = 0;
  std::optional<double> last_eval_loss_;
  int64_t last_eval_step_ = -1;
  bool closed_ = false;
};

}  // namespace medlora::store
