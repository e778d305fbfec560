#include "core/store/run_repository.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <filesystem>

#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

std::optional<double> optional_real(const QVariant& value) {
  if (value.isNull()) return std::nullopt;
  return value.toDouble();
}

QVariant nullable(std::optional<double> value) { return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double)); }

constexpr const char* kRunColumns =
    "id, name, folder, config, status, started_at, finished_at, best_eval_loss, pid, notes, tags, adapter_id";

TrainingRun run_from(const QSqlQuery& query) {
  TrainingRun run;
  run.id = query.value(0).toLongLong();
  run.name = query.value(1).toString().toStdString();
  run.folder = query.value(2).toString().toStdString();
  run.config_json = query.value(3).toString().toStdString();
  run.status = query.value(4).toString().toStdString();
  run.started_at = query.value(5).toString().toStdString();
  run.finished_at = query.value(6).toString().toStdString();
  run.best_eval_loss = optional_real(query.value(7));
  if (!query.value(8).isNull()) run.pid = query.value(8).toLongLong();
  run.notes = query.value(9).toString().toStdString();
  for (const auto& tag : query.value(10).toString().split(',', Qt::SkipEmptyParts)) run.tags.push_back(tag.toStdString());
  if (!query.value(11).isNull()) run.adapter_id = query.value(11).toLongLong();
  return run;
}

// Sets one column of one run. `column` is always a literal from this file, never user text.
void update_run_column(const Workspace& ws, int64_t run_id, const char* column, const QVariant& value) {
  auto query = ws.prepare(QString("UPDATE training_runs SET %1 = ? WHERE id = ?").arg(column));
  query.addBindValue(value);
  query.addBindValue(qint64(run_id));
  ws.exec(query);
}

}  // namespace

int64_t RunRepository::create_run(const std::string& name, const std::string& folder, const std::string& config_json) {
  auto query = ws_.prepare("INSERT INTO training_runs (name, folder, config, status, started_at) VALUES (?, ?, ?, 'running', ?)");
  query.addBindValue(q(name));
  query.addBindValue(q(folder));
  query.addBindValue(q(config_json));
  query.addBindValue(q(Workspace::now_utc()));
  ws_.exec(query);
  return query.lastInsertId().toLongLong();
}

std::optional<TrainingRun> RunRepository::find_by_folder(const std::string& folder) const {
  auto query = ws_.prepare(QString("SELECT %1 FROM training_runs WHERE folder = ? ORDER BY id DESC LIMIT 1").arg(kRunColumns));
  query.addBindValue(q(folder));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return run_from(query);
}

std::optional<TrainingRun> RunRepository::find(int64_t run_id) const {
  auto query = ws_.prepare(QString("SELECT %1 FROM training_runs WHERE id = ?").arg(kRunColumns));
  query.addBindValue(qint64(run_id));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return run_from(query);
}

std::vector<TrainingRun> RunRepository::list() const {
  auto query = ws_.prepare(QString("SELECT %1 FROM training_runs ORDER BY id DESC").arg(kRunColumns));
  ws_.exec(query);
  std::vector<TrainingRun> runs;
  while (query.next()) runs.push_back(run_from(query));
  return runs;
}

void RunRepository::set_status(int64_t run_id, const std::string& status) {
  update_run_column(ws_, run_id, "status", q(status));
}

void RunRepository::set_pid(int64_t run_id, int64_t pid) {
  update_run_column(ws_, run_id, "pid", qint64(pid));
}

void RunRepository::set_notes(int64_t run_id, const std::string& notes) {
  update_run_column(ws_, run_id, "notes", q(notes));
}

void RunRepository::set_tags(int64_t run_id, const std::vector<std::string>& tags) {
  QStringList words;
  for (const auto& tag : tags) {
    if (tag.empty() || tag.find(',') != std::string::npos)
      throw StoreError("a run tag must be a non-empty word without commas, got '" + tag + "'");
    words << q(tag);
  }
  update_run_column(ws_, run_id, "tags", words.join(','));
}

void RunRepository::set_adapter(int64_t run_id, int64_t adapter_id) {
  update_run_column(ws_, run_id, "adapter_id", qint64(adapter_id));
}

bool RunRepository::delete_run(int64_t run_id) {
  auto query = ws_.prepare("DELETE FROM training_runs WHERE id = ?");
  query.addBindValue(qint64(run_id));
  ws_.exec(query);
  return query.numRowsAffected() > 0;
}

void RunRepository::finish(int64_t run_id, const std::string& status, std::optional<double> best_eval_loss) {
  auto query = ws_.prepare(
      "UPDATE training_runs SET status = ?, finished_at = ?, best_eval_loss = COALESCE(?, best_eval_loss) WHERE id = ?");
  query.addBindValue(q(status));
  query.addBindValue(q(Workspace::now_utc()));
  query.addBindValue(nullable(best_eval_loss));
  query.addBindValue(qint64(run_id));
  ws_.exec(query);
}

void RunRepository::add_metric(int64_t run_id, const std::string& split, const std::string& name, int64_t step,
                               double value) {
  Transaction transaction(ws_);
  auto remove = ws_.prepare("DELETE FROM run_metrics WHERE run_id = ? AND split = ? AND name = ? AND step = ?");
  remove.addBindValue(qint64(run_id));
  remove.addBindValue(q(split));
  remove.addBindValue(q(name));
  remove.addBindValue(qint64(step));
  ws_.exec(remove);
  auto insert = ws_.prepare("INSERT INTO run_metrics (run_id, step, split, name, value) VALUES (?, ?, ?, ?, ?)");
  insert.addBindValue(qint64(run_id));
  insert.addBindValue(qint64(step));
  insert.addBindValue(q(split));
  insert.addBindValue(q(name));
  insert.addBindValue(value);
  ws_.exec(insert);
  transaction.commit();
}

std::vector<MetricPoint> RunRepository::metric(int64_t run_id, const std::string& split, const std::string& name) const {
  auto query = ws_.prepare("SELECT step, value FROM run_metrics WHERE run_id = ? AND split = ? AND name = ? ORDER BY step");
  query.addBindValue(qint64(run_id));
  query.addBindValue(q(split));
  query.addBindValue(q(name));
  ws_.exec(query);
  std::vector<MetricPoint> points;
  while (query.next()) points.push_back({query.value(0).toLongLong(), query.value(1).toDouble()});
  return points;
}

std::vector<std::string> RunRepository::metric_names(int64_t run_id, const std::string& split) const {
  auto query = ws_.prepare("SELECT DISTINCT name FROM run_metrics WHERE run_id = ? AND split = ? ORDER BY name");
  query.addBindValue(qint64(run_id));
  query.addBindValue(q(split));
  ws_.exec(query);
  std::vector<std::string> names;
  while (query.next()) names.push_back(query.value(0).toString().toStdString());
  return names;
}

void RunRepository::add_checkpoint(int64_t run_id, int64_t step, const std::string& path,
                                   std::optional<double> eval_loss) {
  auto query = ws_.prepare("INSERT INTO run_checkpoints (run_id, step, path, eval_loss) VALUES (?, ?, ?, ?)");
  query.addBindValue(qint64(run_id));
  query.addBindValue(qint64(step));
  query.addBindValue(q(path));
  query.addBindValue(nullable(eval_loss));
  ws_.exec(query);
}

void RunRepository::mark_best_checkpoint(int64_t run_id, const std::string& checkpoint_name) {
  Transaction transaction(ws_);
  auto clear = ws_.prepare("UPDATE run_checkpoints SET is_best = 0 WHERE run_id = ?");
  clear.addBindValue(qint64(run_id));
  ws_.exec(clear);
  // Paths are stored as the trainer printed them; match on the folder name.
  for (const auto& checkpoint : checkpoints(run_id)) {
    if (std::filesystem::path(checkpoint.path).filename() != checkpoint_name) continue;
    auto mark = ws_.prepare("UPDATE run_checkpoints SET is_best = 1 WHERE run_id = ? AND path = ?");
    mark.addBindValue(qint64(run_id));
    mark.addBindValue(q(checkpoint.path));
    ws_.exec(mark);
  }
  transaction.commit();
}

std::vector<RunCheckpoint> RunRepository::checkpoints(int64_t run_id) const {
  auto query = ws_.prepare("SELECT step, path, eval_loss, is_best FROM run_checkpoints WHERE run_id = ? ORDER BY step, id");
  query.addBindValue(qint64(run_id));
  ws_.exec(query);
  std::vector<RunCheckpoint> result;
  while (query.next())
    result.push_back({query.value(0).toLongLong(), query.value(1).toString().toStdString(),
                      optional_real(query.value(2)), query.value(3).toInt() != 0});
  return result;
}

}  // namespace medlora::store
