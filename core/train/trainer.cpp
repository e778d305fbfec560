#include "core/train/trainer.h"

#include <QJsonDocument>

#include <torch/torch.h>

#include <chrono>
#include <limits>
#include <cmath>

#include "core/io/atomic_file.h"
#include "core/runtime/compute_options.h"
#include "core/model/recomputed_forward.h"
#include "core/train/adamw_8bit.h"
#include "core/train/adamw_optimizer.h"
#include "core/train/batch_sampler.h"
#include "core/train/causal_lm_loss.h"
#include "core/train/checkpoint_io.h"
#include "core/train/lr_schedule.h"
#include "core/train/metrics_log.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kInitialLossScale = 65536.0;
constexpr int64_t kLossScaleGrowthInterval = 2000;

bool is_out_of_memory(const c10::Error& e) {
  const std::string what = e.what();
  return what.find("out of memory") != std::string::npos || what.find("CUDA error: out of memory") != std::string::npos;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

struct Trainer::Impl {
  TrainerSetup setup;
  TrainerCallbacks callbacks;
  TrainingOptions options;
  std::shared_ptr<model::LlamaForCausalLM> model;
  std::unique_ptr<AdamWOptimizer> optimizer;
  std::unique_ptr<MetricsLog> log;
  std::unique_ptr<LrSchedule> schedule;
  TrainerState state;
  std::vector<int64_t> lengths;
  std::vector<std::vector<int64_t>> plan;
  int64_t plan_for_epoch = -1;
  int64_t micro_batches_per_epoch = 0;
  int64_t steps_per_epoch = 0;
  int64_t total_steps = 0;
  bool float16 = false;
  c10::Device device = c10::Device(c10::kCPU);
  Clock::time_point run_start, window_start;
  int64_t window_tokens = 0;
  // Distillation terms: of the step being accumulated, then summed over the logging window
  // (like window_loss_sum, as means per target token of each step; agreement counts tokens).
  // Not checkpointed: a resume mid-window reports these over the steps after the resume only.
  struct DistillWindow {
    double kl = 0, ce = 0;
    int64_t agreeing = 0, tokens = 0;
  } step_distill, window_distill;
  int64_t window_distill_steps = 0;
  std::shared_ptr<const TeacherTopK> teacher_top_k;  // precomputed teacher (opened in run())

  fs::path teacher_top_k_path() const { return setup.output_dir / kTeacherTopKFileName; }

  void publish(QJsonObject line, bool keep = true) { log->write(line, keep); }

  const std::vector<std::vector<int64_t>>& epoch_plan(int64_t epoch) {
    if (plan_for_epoch != epoch) {
      plan = plan_epoch(lengths, options.micro_batch_size, options.seed, epoch);
      plan_for_epoch = epoch;
    }
    return plan;
  }

  double epoch_progress() const {
    return static_cast<double>(state.step) / static_cast<double>(std::max<int64_t>(1, steps_per_epoch));
  }

  // The student's distillation loss on one micro-batch, normalised like the CE loss by the
  // target tokens of the whole accumulated batch; its terms go into step_distill.
  // `examples` are the indices the batch was collated from (the precomputed rows follow them).
  at::Tensor distilled_loss(const Batch& batch, const std::vector<int64_t>& examples, int64_t targets) {
    auto student = target_logits(*model, batch.input_ids, batch.labels);
    const auto& settings = setup.distillation->settings;
    DistillationTerms terms;
    if (teacher_top_k) {
      const auto rows = teacher_top_k->rows_for(examples, device);
      if (rows.values.size(0) != student.logits.size(0))
        throw TrainingError("distillation: " + teacher_top_k_path().string() + " holds " + std::to_string(rows.values.size(0)) +
                            " answer positions for this batch but the batch has " + std::to_string(student.logits.size(0)));
      terms = distillation_loss_sum_top_k(student.logits, rows.values, rows.ids, student.targets, settings);
    } else {
      at::Tensor teacher_logits;
      {
        torch::NoGradGuard no_grad;
        teacher_logits = target_logits(*setup.distillation->model, batch.input_ids, batch.labels).logits;
      }
      terms = distillation_loss_sum(student.logits, teacher_logits, student.targets, settings);
    }
    step_distill.kl += terms.kl / static_cast<double>(targets);
    step_distill.ce += terms.ce / static_cast<double>(targets);
    step_distill.agreeing += terms.agreeing;
    step_distill.tokens += terms.tokens;
    return terms.loss / static_cast<double>(targets);
  }

  // Forward + backward over the micro-batches of one optimiser step; returns the step's loss
  // (mean over its target tokens) and the real tokens seen.
  std::pair<double, int64_t> accumulate(const std::vector<std::vector<int64_t>>& micro, int64_t targets) {
    double loss_value = 0;
    int64_t tokens = 0;
    step_distill = {};
    const double scale = float16 ? state.loss_scale : 1.0;
    for (const auto& indices : micro) {
      const auto split = std::min<int64_t>(state.micro_split, static_cast<int64_t>(indices.size()));
      const auto chunk = (static_cast<int64_t>(indices.size()) + split - 1) / split;
      for (size_t start = 0; start < indices.size(); start += static_cast<size_t>(chunk)) {
        std::vector<int64_t> part(indices.begin() + static_cast<std::ptrdiff_t>(start),
                                  indices.begin() + static_cast<std::ptrdiff_t>(std::min(indices.size(), start + static_cast<size_t>(chunk))));
        auto batch = collate(setup.train, part, setup.pad_id, device);
        tokens += batch.tokens;
        if (batch.target_tokens == 0) continue;
        auto loss = setup.distillation ? distilled_loss(batch, part, targets)
                                       : causal_lm_loss_sum(*model, batch.input_ids, batch.labels) / static_cast<double>(targets);
        if (callbacks.before_backward) callbacks.before_backward(state.step, loss);
        loss_value += loss.item<double>();
        (scale != 1.0 ? loss * scale : loss).backward();
      }
    }
    return {loss_value, tokens};
  }

  struct StepOutcome {
    bool epoch_end = false;
    bool skipped = false;
    double loss = 0;
  };

  StepOutcome train_step() {
    auto& p = epoch_plan(state.data_epoch);
    int64_t position = state.data_position;
    std::vector<std::vector<int64_t>> micro;
    int64_t targets = 0;
    for (int64_t k = 0; k < options.gradient_accumulation_steps && position < static_cast<int64_t>(p.size()); ++k, ++position) {
      micro.push_back(p[static_cast<size_t>(position)]);
      targets += count_target_tokens(setup.train, micro.back());
    }
    StepOutcome out;
    double loss_value = 0;
    int64_t tokens = 0;
    for (;;) {
      try {
        std::tie(loss_value, tokens) = accumulate(micro, std::max<int64_t>(1, targets));
        break;
      } catch (const c10::Error& e) {
        optimizer->zero_grad();
        if (!device.is_cuda() || !options.auto_find_batch_size || !is_out_of_memory(e)) throw;
        if (state.micro_split >= options.micro_batch_size)
          throw TrainingError("out of GPU memory even with one example per micro-batch; lower training.max_length or use a smaller model");
        state.micro_split *= 2;
        publish({{"event", "batch_size_reduced"},
              {"step", static_cast<qint64>(state.step + 1)},
              {"micro_batch_size", static_cast<qint64>((options.micro_batch_size + state.micro_split - 1) / state.micro_split)}});
      }
    }
    window_tokens += tokens;

    // Gradients back to their true scale before measuring them.
    if (float16) {
      torch::NoGradGuard no_grad;
      for (auto& [name, t] : optimizer->parameters())
        if (t.grad().defined()) t.mutable_grad().mul_(1.0 / state.loss_scale);
    }
    const double grad_norm = clip_grad_norm(optimizer->parameters(), options.max_grad_norm);
    const bool loss_ok = std::isfinite(loss_value);
    const bool grad_ok = std::isfinite(grad_norm);
    const double lr = schedule->at(state.step);
    ++state.step;
    out.loss = loss_value;
    if (loss_ok && grad_ok) {
      optimizer->step(lr);
      state.consecutive_nonfinite = 0;
      state.window_loss_sum += loss_value;
      state.window_grad_norm_sum += grad_norm;
      ++state.window_steps;
      if (setup.distillation) {
        window_distill.kl += step_distill.kl;
        window_distill.ce += step_distill.ce;
        window_distill.agreeing += step_distill.agreeing;
        window_distill.tokens += step_distill.tokens;
        ++window_distill_steps;
      }
      if (float16 && ++state.scaler_good_steps >= kLossScaleGrowthInterval) {
        state.loss_scale *= 2.0;
        state.scaler_good_steps = 0;
      }
    } else if (float16 && loss_ok) {
      // float16 overflow: a smaller loss scale fixes it; not a sign of divergence.
      out.skipped = true;
      state.loss_scale = std::max(1.0, state.loss_scale / 2.0);
      state.scaler_good_steps = 0;
      publish({{"event", "skipped_step"}, {"step", static_cast<qint64>(state.step)}, {"reason", "float16 overflow"},
            {"loss_scale", state.loss_scale}});
    } else {
      out.skipped = true;
      ++state.consecutive_nonfinite;
      ++state.total_nonfinite;
      publish({{"event", "skipped_step"},
            {"step", static_cast<qint64>(state.step)},
            {"reason", loss_ok ? "non-finite gradient" : "non-finite loss"},
            {"consecutive", static_cast<qint64>(state.consecutive_nonfinite)},
            {"total", static_cast<qint64>(state.total_nonfinite)}});
    }
    optimizer->zero_grad();

    state.data_position = position;
    if (position >= static_cast<int64_t>(p.size())) {
      out.epoch_end = true;
      ++state.data_epoch;
      state.data_position = 0;
    }
    return out;
  }

  void log_window() {
    if (state.window_steps == 0) return;
    const double elapsed = seconds_since(window_start);
    QJsonObject line{{"step", static_cast<qint64>(state.step)},
                     {"epoch", epoch_progress()},
                     {"loss", state.window_loss_sum / static_cast<double>(state.window_steps)},
                     {"learning_rate", schedule->at(state.step - 1)},
                     {"grad_norm", state.window_grad_norm_sum / static_cast<double>(state.window_steps)},
                     {"tokens_per_second", elapsed > 0 ? static_cast<double>(window_tokens) / elapsed : 0.0},
                     {"seconds", seconds_since(run_start)}};
    if (window_distill_steps > 0) {
      line["kl_loss"] = window_distill.kl / static_cast<double>(window_distill_steps);
      line["ce_loss"] = window_distill.ce / static_cast<double>(window_distill_steps);
      line["teacher_agreement"] =
          static_cast<double>(window_distill.agreeing) / static_cast<double>(std::max<int64_t>(1, window_distill.tokens));
    }
    publish(line);
    window_distill = {};
    window_distill_steps = 0;
    state.window_loss_sum = 0;
    state.window_grad_norm_sum = 0;
    state.window_steps = 0;
    window_tokens = 0;
    window_start = Clock::now();
  }

  double evaluate() {
    if (setup.eval.empty()) throw TrainingError("no evaluation data: set eval_file or val_size in the run config");
    torch::NoGradGuard no_grad;
    const bool was_training = model->is_training();
    model->eval();
    std::vector<int64_t> order(setup.eval.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int64_t>(i);
    std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
      return setup.eval[static_cast<size_t>(a)].length() > setup.eval[static_cast<size_t>(b)].length();
    });
    const auto size = static_cast<size_t>(std::max<int64_t>(1, options.micro_batch_size / state.micro_split));
    double total = 0;
    int64_t targets = 0;
    for (size_t start = 0; start < order.size(); start += size) {
      std::vector<int64_t> part(order.begin() + static_cast<std::ptrdiff_t>(start),
                                order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + size)));
      auto batch = collate(setup.eval, part, setup.pad_id, device);
      if (batch.target_tokens == 0) continue;
      total += causal_lm_loss_sum(*model, batch.input_ids, batch.labels).item<double>();
      targets += batch.target_tokens;
    }
    if (was_training) model->train();
    return targets > 0 ? total / static_cast<double>(targets) : std::numeric_limits<double>::quiet_NaN();
  }

  void save_checkpoint() {
    state.rng_state = capture_rng_state();
    state.log_history = log->history();
    CheckpointContents contents;
    contents.state = &state;
    contents.optimizer = optimizer.get();
    contents.trainable = setup.trainable.parameters;
    contents.save_deliverable = setup.trainable.save;
    contents.deliverable_name = setup.trainable.save_name;
    const auto dir = write_checkpoint(setup.output_dir, contents);
    rotate_checkpoints(setup.output_dir, options.save_total_limit, state.best_checkpoint);
    publish({{"event", "checkpoint"}, {"step", static_cast<qint64>(state.step)}, {"path", QString::fromStdString(dir.string())}});
  }

  void resume(const fs::path& from) {
    const auto checkpoint = resolve_resume_checkpoint(from);
    state = read_trainer_state(checkpoint);
    load_trainable(checkpoint, setup.trainable.parameters);
    optimizer->load_state_tensors(read_tensors(checkpoint / "optimizer.safetensors"), (checkpoint / "optimizer.safetensors").string());
    restore_rng_state(state.rng_state, (checkpoint / "trainer_state.json").string());
    log->restart(state.log_history);
  }

  TrainResult run();
};

TrainResult Trainer::Impl::run() {
  TrainResult result;
  fs::create_directories(setup.output_dir);
  log = std::make_unique<MetricsLog>(setup.output_dir / "metrics.jsonl", callbacks.on_line);
  const bool resuming = !setup.resume_from.empty();
  if (!resuming) {
    if (!list_checkpoints(setup.output_dir).empty())
      throw TrainingError("output_dir " + setup.output_dir.string() +
                          " already holds checkpoints of another run; continue it with --resume " + setup.output_dir.string() +
                          " or choose a new output_dir");
    log->restart({});
    torch::manual_seed(options.seed);
  } else {
    resume(setup.resume_from);
  }
  if (!setup.run_config.isEmpty())
    io::write_file_atomically(setup.output_dir / "run_config.json",
                              QJsonDocument(setup.run_config).toJson(QJsonDocument::Indented).toStdString());

  QJsonObject started = setup.started_extra;
  started["event"] = "started";
  started["step"] = static_cast<qint64>(state.step);
  started["total_steps"] = static_cast<qint64>(total_steps);
  started["steps_per_epoch"] = static_cast<qint64>(steps_per_epoch);
  started["train_examples"] = static_cast<qint64>(setup.train.size());
  started["eval_examples"] = static_cast<qint64>(setup.eval.size());
  started["truncated"] = static_cast<qint64>(setup.train_stats.truncated + setup.eval_stats.truncated);
  started["dropped"] = static_cast<qint64>(setup.train_stats.dropped + setup.eval_stats.dropped);
  started["max_length"] = static_cast<qint64>(options.max_length);
  started["micro_batch_size"] = static_cast<qint64>(options.micro_batch_size);
  started["gradient_accumulation_steps"] = static_cast<qint64>(options.gradient_accumulation_steps);
  started["warmup_steps"] = static_cast<qint64>(schedule->warmup_steps());
  started["compute_dtype"] = QString::fromStdString(runtime::dtype_name(model->dtype()));
  started["device"] = QString::fromStdString(device.str());
  int64_t trainable_count = 0;
  for (const auto& [name, t] : setup.trainable.parameters) trainable_count += t.numel();
  started["trainable_parameters"] = static_cast<qint64>(trainable_count);
  if (resuming) started["resumed_from"] = QString::fromStdString(resolve_resume_checkpoint(setup.resume_from).string());
  publish(started);

  if (setup.distillation && setup.distillation->precompute.k > 0) {
    // Before the first step (and again on resume, when the file is simply reopened).
    teacher_top_k = prepare_teacher_top_k(teacher_top_k_path(), setup.distillation->precompute, model->config().vocab_size,
                                          setup.train, setup.pad_id, options.micro_batch_size,
                                          setup.distillation->settings.temperature, [this](const QJsonObject& line) { publish(line, false); });
  }

  model->set_gradient_checkpointing(options.gradient_checkpointing);
  model::set_recompute_in_backward(options.recompute_activations);
  model->train();
  run_start = window_start = Clock::now();
  result.stop_reason = options.max_steps > 0 ? "max_steps" : "completed";
  const bool has_eval = !setup.eval.empty();
  int64_t last_eval_step = -1;
  while (state.step < total_steps) {
    const auto outcome = train_step();
    if (!outcome.skipped) result.step_losses.push_back(outcome.loss);
    result.last_loss = outcome.loss;
    if (state.consecutive_nonfinite >= options.max_consecutive_nonfinite) {
      throw TrainingError("training stopped: " + std::to_string(state.consecutive_nonfinite) +
                          " steps in a row had a non-finite loss or gradient (step " + std::to_string(state.step) +
                          "); lower training.learning_rate, check the data for empty or corrupt records, or use float32");
    }
    const bool last = state.step >= total_steps;
    const bool cancelled = callbacks.cancel && callbacks.cancel->load();
    if (state.step % options.logging_steps == 0 || last || cancelled) log_window();

    bool evaluated = false;
    bool improved = false;
    if (has_eval && ((options.eval_steps > 0 ? state.step % options.eval_steps == 0 : outcome.epoch_end) || last)) {
      const double eval_loss = evaluate();
      evaluated = true;
      last_eval_step = state.step;
      publish({{"step", static_cast<qint64>(state.step)}, {"eval_loss", eval_loss}, {"eval_perplexity", std::exp(eval_loss)}});
      if (std::isfinite(eval_loss) && (!state.has_best || eval_loss < state.best_eval_loss)) {
        state.has_best = true;
        state.best_eval_loss = eval_loss;
        state.best_checkpoint.clear();
        state.evals_without_improvement = 0;
        improved = true;
      } else {
        ++state.evals_without_improvement;
      }
    }
    const bool early_stop = evaluated && options.early_stopping_patience > 0 &&
                            state.evals_without_improvement >= options.early_stopping_patience;
    const bool save = (options.save_steps > 0 ? state.step % options.save_steps == 0 : outcome.epoch_end) ||
                      (options.load_best_model_at_end && evaluated) || cancelled;
    if (save) {
      if (improved) state.best_checkpoint = checkpoint_name(state.step);
      save_checkpoint();
    }
    if (early_stop) {
      publish({{"event", "early_stop"},
            {"step", static_cast<qint64>(state.step)},
            {"evaluations_without_improvement", static_cast<qint64>(state.evals_without_improvement)},
            {"best_eval_loss", state.best_eval_loss}});
      result.stop_reason = "early_stopping";
      break;
    }
    if (cancelled) {
      result.stop_reason = "cancelled";
      break;
    }
  }
  (void)last_eval_step;

  if (options.load_best_model_at_end && !state.best_checkpoint.empty()) {
    const auto best = setup.output_dir / state.best_checkpoint;
    if (fs::exists(best / "trainable.safetensors")) load_trainable(best, setup.trainable.parameters);
  }
  result.final_dir = setup.output_dir / setup.trainable.save_name;
  if (setup.trainable.save) setup.trainable.save(result.final_dir);
  result.steps = state.step;
  result.has_eval = state.has_best;
  result.best_eval_loss = state.best_eval_loss;
  result.best_checkpoint = state.best_checkpoint;
  result.skipped_steps = state.total_nonfinite;
  QJsonObject finished{{"event", "finished"},
                       {"step", static_cast<qint64>(state.step)},
                       {"reason", QString::fromStdString(result.stop_reason)},
                       {"path", QString::fromStdString(result.final_dir.string())},
                       {"skipped_steps", static_cast<qint64>(state.total_nonfinite)},
                       {"seconds", seconds_since(run_start)}};
  if (state.has_best) {
    finished["best_eval_loss"] = state.best_eval_loss;
    finished["best_checkpoint"] = QString::fromStdString(state.best_checkpoint);
  }
  publish(finished);
  return result;
}

Trainer::Trainer(TrainerSetup setup, TrainerCallbacks callbacks) : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.setup = std::move(setup);
  m.callbacks = std::move(callbacks);
  m.options = m.setup.options;
  m.model = m.setup.trainable.model;
  if (!m.model) throw TrainingError("Trainer: no model given");
  if (m.setup.train.empty()) throw TrainingError("no training examples left after encoding (all too long for training.max_length?)");
  if (m.setup.trainable.parameters.empty()) throw TrainingError("nothing to train: the model has no trainable tensors");
  if (m.setup.output_dir.empty()) throw TrainingError("output_dir is required");
  for (const auto& [name, t] : m.setup.trainable.parameters) {
    if (t.scalar_type() != torch::kFloat || !t.requires_grad())
      throw TrainingError("trainable tensor \"" + name + "\" must be float32 with requires_grad (mixed precision keeps trained weights in float32)");
  }
  m.device = m.model->device();
  if (m.setup.distillation && m.setup.distillation->precompute.k > 0) {
    const auto k = m.setup.distillation->precompute.k;
    if (k > m.model->config().vocab_size)
      throw TrainingError("teacher.precompute_top_k is " + std::to_string(k) + " but the vocabulary has only " +
                          std::to_string(m.model->config().vocab_size) + " tokens; use at most that");
    if (m.setup.distillation->model)
      throw TrainingError("distillation: give either a loaded teacher or precompute_top_k, not both");
  } else if (m.setup.distillation) {
    auto& teacher = m.setup.distillation->model;
    if (!teacher) throw TrainingError("distillation: no teacher model given");
    if (teacher->config().vocab_size != m.model->config().vocab_size)
      throw TrainingError("distillation: the teacher's vocab_size is " + std::to_string(teacher->config().vocab_size) +
                          " but the student's is " + std::to_string(m.model->config().vocab_size) +
                          "; teacher and student must share one tokenizer vocabulary");
    if (teacher->device() != m.device)
      throw TrainingError("distillation: the teacher is on " + teacher->device().str() + " but the student on " + m.device.str());
    for (auto& p : teacher->parameters()) p.set_requires_grad(false);
    teacher->eval();
  }
  m.float16 = m.model->dtype() == torch::kHalf;
  for (const auto& ex : m.setup.train) m.lengths.push_back(ex.length());
  m.micro_batches_per_epoch = (static_cast<int64_t>(m.setup.train.size()) + m.options.micro_batch_size - 1) / m.options.micro_batch_size;
  m.steps_per_epoch = (m.micro_batches_per_epoch + m.options.gradient_accumulation_steps - 1) / m.options.gradient_accumulation_steps;
  m.total_steps = m.options.max_steps > 0 ? m.options.max_steps : m.options.epochs * m.steps_per_epoch;
  m.schedule = std::make_unique<LrSchedule>(m.options.lr_scheduler, m.options.learning_rate,
                                            warmup_steps_for(m.options.warmup_ratio, m.total_steps), m.total_steps);
  AdamWSettings adam{m.options.adam_beta1, m.options.adam_beta2, m.options.adam_epsilon, m.options.weight_decay};
  const auto decay = default_weight_decay_mask(m.setup.trainable.parameters);
  if (m.options.optimizer == "adamw_8bit") {
    m.optimizer = std::make_unique<AdamW8bitOptimizer>(m.setup.trainable.parameters, decay, adam);
  } else {
    m.optimizer = std::make_unique<AdamWOptimizer>(m.setup.trainable.parameters, decay, adam);
  }
  m.state.loss_scale = m.float16 ? kInitialLossScale : 1.0;
  m.state.scheduler = QJsonObject{{"kind", QString::fromStdString(to_string(m.options.lr_scheduler))},
                                  {"peak_lr", m.options.learning_rate},
                                  {"warmup_steps", static_cast<qint64>(m.schedule->warmup_steps())},
                                  {"total_steps", static_cast<qint64>(m.total_steps)}};
}

Trainer::~Trainer() = default;

TrainResult Trainer::run() {
  try {
    return impl_->run();
  } catch (const std::exception& e) {
    if (impl_->log) {
      try {
        impl_->publish({{"event", "error"}, {"step", static_cast<qint64>(impl_->state.step)}, {"message", e.what()}});
      } catch (...) {
      }
    }
    throw;
  }
}

double Trainer::evaluate() { return impl_->evaluate(); }
int64_t Trainer::steps_per_epoch() const { return impl_->steps_per_epoch; }
int64_t Trainer::total_steps() const { return impl_->total_steps; }

}  // namespace medlora::train
