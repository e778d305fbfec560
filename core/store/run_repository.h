#pragma once
// Training runs in a workspace: the run (name, folder, config, status, best evaluation loss),
// its metric points and its checkpoints. The run folder stays the file store; these rows are
// what the workbench lists, plots and compares. Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medlora::store {

class Workspace;

struct TrainingRun {
  int64_t id = 0;
  std::string name;
  std::string folder;       // the run's output_dir
  std::string config_json;  // the RunConfig as started
  std::string status;       // running, finished, failed, stopped
  std::string started_at;
  std::string finished_at;  // empty while running
  std::optional<double> best_eval_loss;
  std::optional<int64_t> pid;  // the `medlora train` process writing it (to re-attach or call it interrupted)
  std::string notes;
  std::vector<std::string> tags;
  std::optional<int64_t> adapter_id;  // the adapter registered from this run (see ModelRegistry)
};

struct MetricPoint {
  int64_t step = 0;
  double value = 0;
};

struct RunCheckpoint {
  int64_t step = 0;
  std::string path;
  std::optional<double> eval_loss;
  bool is_best = false;
};

class RunRepository {
 public:
  explicit RunRepository(Workspace& workspace) : ws_(workspace) {}

  // A new run, status "running", started now.
  int64_t create_run(const std::string& name, const std::string& folder, const std::string& config_json);
  // The latest run recorded for `folder` (a resumed run continues its row).
  std::optional<TrainingRun> find_by_folder(const std::string& folder) const;
  std::optional<TrainingRun> find(int64_t run_id) const;
  std::vector<TrainingRun> list() const;  // newest first
  void set_status(int64_t run_id, const std::string& status);
  void set_pid(int64_t run_id, int64_t pid);
  void set_notes(int64_t run_id, const std::string& notes);
  // Tags are short words without commas; StoreError otherwise.
  void set_tags(int64_t run_id, const std::vector<std::string>& tags);
  void set_adapter(int64_t run_id, int64_t adapter_id);
  // Deletes the run's rows (metrics and checkpoints with it); the folder is the caller's business.
  bool delete_run(int64_t run_id);
  // Status, finished_at = now, and the best evaluation loss when there was one.
  void finish(int64_t run_id, const std::string& status, std::optional<double> best_eval_loss);

  // split: "train" or "eval". A point at a step already recorded for that metric replaces it
  // (a resumed run repeats the steps after its checkpoint).
  void add_metric(int64_t run_id, const std::string& split, const std::string& name, int64_t step, double value);
  std::vector<MetricPoint> metric(int64_t run_id, const std::string& split, const std::string& name) const;
  // Names of the metrics recorded for a run and split.
  std::vector<std::string> metric_names(int64_t run_id, const std::string& split) const;

  void add_checkpoint(int64_t run_id, int64_t step, const std::string& path, std::optional<double> eval_loss);
  // Marks the checkpoint whose folder name is `checkpoint_name` (e.g. "checkpoint-40") best.
  void mark_best_checkpoint(int64_t run_id, const std::string& checkpoint_name);
  std::vector<RunCheckpoint> checkpoints(int64_t run_id) const;  // by step

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
