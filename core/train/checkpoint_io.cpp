#include "core/train/checkpoint_io.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <map>

#include "core/io/atomic_file.h"
#include "core/io/checkpoint_reader.h"
#include "core/io/safetensors_writer.h"
#include "core/train/adamw_optimizer.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace fs = std::filesystem;

QJsonObject TrainerState::to_json() const {
  QJsonObject j;
  j["step"] = static_cast<qint64>(step);
  j["data"] = QJsonObject{{"epoch", static_cast<qint64>(data_epoch)}, {"position", static_cast<qint64>(data_position)}};
  if (has_best) j["best_eval_loss"] = best_eval_loss;
  j["best_checkpoint"] = QString::fromStdString(best_checkpoint);
  j["evals_without_improvement"] = static_cast<qint64>(evals_without_improvement);
  j["nonfinite"] = QJsonObject{{"consecutive", static_cast<qint64>(consecutive_nonfinite)},
                               {"total", static_cast<qint64>(total_nonfinite)}};
  j["loss_scaler"] = QJsonObject{{"scale", loss_scale}, {"good_steps", static_cast<qint64>(scaler_good_steps)}};
  j["micro_split"] = static_cast<qint64>(micro_split);
  j["logging_window"] = QJsonObject{{"loss_sum", window_loss_sum},
                                    {"steps", static_cast<qint64>(window_steps)},
                                    {"grad_norm_sum", window_grad_norm_sum}};
  j["scheduler"] = scheduler;
  j["rng_state"] = QString::fromStdString(rng_state);
  j["log_history"] = log_history;
  return j;
}

TrainerState TrainerState::from_json(const QJsonObject& j, const std::string& source) {
  for (const char* key : {"step", "data", "rng_state", "scheduler"}) {
    if (!j.contains(key)) throw TrainingError(source + ": trainer state has no \"" + key + "\" (not a checkpoint of this program?)");
  }
  TrainerState s;
  s.step = j.value("step").toInteger();
  s.data_epoch = j.value("data").toObject().value("epoch").toInteger();
  s.data_position = j.value("data").toObject().value("position").toInteger();
  s.has_best = j.contains("best_eval_loss");
  s.best_eval_loss = j.value("best_eval_loss").toDouble();
  s.best_checkpoint = j.value("best_checkpoint").toString().toStdString();
  s.evals_without_improvement = j.value("evals_without_improvement").toInteger();
  s.consecutive_nonfinite = j.value("nonfinite").toObject().value("consecutive").toInteger();
  s.total_nonfinite = j.value("nonfinite").toObject().value("total").toInteger();
  s.loss_scale = j.value("loss_scaler").toObject().value("scale").toDouble(1.0);
  s.scaler_good_steps = j.value("loss_scaler").toObject().value("good_steps").toInteger();
  s.micro_split = std::max<qint64>(1, j.value("micro_split").toInteger(1));
  const auto w = j.value("logging_window").toObject();
  s.window_loss_sum = w.value("loss_sum").toDouble();
  s.window_steps = w.value("steps").toInteger();
  s.window_grad_norm_sum = w.value("grad_norm_sum").toDouble();
  s.scheduler = j.value("scheduler").toObject();
  s.rng_state = j.value("rng_state").toString().toStdString();
  s.log_history = j.value("log_history").toArray();
  return s;
}

std::string capture_rng_state() {
  auto state = at::detail::getDefaultCPUGenerator().get_state().contiguous();
  QByteArray bytes(reinterpret_cast<const char*>(state.data_ptr<uint8_t>()), static_cast<qsizetype>(state.numel()));
  return bytes.toBase64().toStdString();
}

void restore_rng_state(const std::string& base64, const std::string& source) {
  const auto bytes = QByteArray::fromBase64(QByteArray::fromStdString(base64));
  auto generator = at::detail::getDefaultCPUGenerator();
  const auto expected = generator.get_state().numel();
  if (bytes.size() != expected)
    throw TrainingError(source + ": the saved random-number state has " + std::to_string(bytes.size()) + " bytes, expected " +
                        std::to_string(expected));
  auto state = torch::empty({static_cast<int64_t>(bytes.size())}, torch::kUInt8);
  std::memcpy(state.data_ptr<uint8_t>(), bytes.constData(), static_cast<size_t>(bytes.size()));
  std::lock_guard<std::mutex> lock(generator.mutex());
  generator.set_state(state);
}

std::string checkpoint_name(int64_t step) { return "checkpoint-" + std::to_string(step); }

fs::path write_checkpoint(const fs::path& output_dir, const CheckpointContents& c) {
  const auto target = output_dir / checkpoint_name(c.state->step);
  io::StagingDirectory staging(target);
  if (c.save_deliverable) c.save_deliverable(staging.path() / c.deliverable_name);
  io::write_safetensors(staging.path() / "trainable.safetensors", c.trainable, {{"format", "pt"}});
  io::write_safetensors(staging.path() / "optimizer.safetensors", c.optimizer->state_tensors(), {{"format", "pt"}});
  io::write_file_atomically(staging.path() / "trainer_state.json",
                            QJsonDocument(c.state->to_json()).toJson(QJsonDocument::Indented).toStdString());
  staging.commit();
  return target;
}

std::vector<std::pair<int64_t, fs::path>> list_checkpoints(const fs::path& output_dir) {
  std::vector<std::pair<int64_t, fs::path>> found;
  std::error_code ec;
  if (!fs::is_directory(output_dir, ec)) return found;
  for (const auto& entry : fs::directory_iterator(output_dir, ec)) {
    const auto name = entry.path().filename().string();
    const std::string prefix = "checkpoint-";
    if (name.rfind(prefix, 0) != 0 || !entry.is_directory()) continue;
    const auto digits = name.substr(prefix.size());
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit)) continue;
    if (!fs::exists(entry.path() / "trainer_state.json")) continue;
    found.emplace_back(std::stoll(digits), entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

fs::path resolve_resume_checkpoint(const fs::path& dir) {
  if (fs::exists(dir / "trainer_state.json")) return dir;
  if (!fs::is_directory(dir)) throw TrainingError("--resume: " + dir.string() + " is not a folder (give the run's output_dir)");
  const auto found = list_checkpoints(dir);
  if (found.empty())
    throw TrainingError("--resume: " + dir.string() + " holds no complete checkpoint-<step>/ folder yet; start the run again without --resume");
  return found.back().second;
}

void rotate_checkpoints(const fs::path& output_dir, int64_t limit, const std::string& keep) {
  if (limit <= 0) return;
  auto found = list_checkpoints(output_dir);
  int64_t excess = static_cast<int64_t>(found.size()) - limit;
  for (const auto& [step, path] : found) {
    if (excess <= 0) break;
    if (!keep.empty() && path.filename() == keep) continue;
    std::error_code ec;
    fs::remove_all(path, ec);
    --excess;
  }
}

TrainerState read_trainer_state(const fs::path& checkpoint_dir) {
  const auto file = checkpoint_dir / "trainer_state.json";
  QFile f(QString::fromStdString(file.string()));
  if (!f.open(QIODevice::ReadOnly)) throw TrainingError("cannot read " + file.string() + ": " + f.errorString().toStdString());
  QJsonParseError error;
  const auto doc = QJsonDocument::fromJson(f.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject())
    throw TrainingError(file.string() + ": not a valid trainer state (" + error.errorString().toStdString() + ")");
  return TrainerState::from_json(doc.object(), file.string());
}

std::vector<std::pair<std::string, at::Tensor>> read_tensors(const fs::path& file) {
  auto reader = io::CheckpointReader::open(file);
  std::vector<std::pair<std::string, at::Tensor>> out;
  for (const auto& name : reader.names()) out.emplace_back(name, reader.load(name));
  return out;
}

void load_trainable(const fs::path& checkpoint_dir, const std::vector<std::pair<std::string, at::Tensor>>& trainable) {
  const auto file = checkpoint_dir / "trainable.safetensors";
  auto tensors = read_tensors(file);
  std::map<std::string, at::Tensor> by_name(tensors.begin(), tensors.end());
  torch::NoGradGuard no_grad;
  for (const auto& [name, tensor] : trainable) {
    auto it = by_name.find(name);
    if (it == by_name.end())
      throw TrainingError(file.string() + ": has no tensor \"" + name + "\" (the checkpoint is from another model or LoRA setup)");
    if (it->second.sizes() != tensor.sizes())
      throw TrainingError(file.string() + ": tensor \"" + name + "\" has the wrong shape for this model");
    tensor.copy_(it->second);
  }
}

}  // namespace medlora::train
