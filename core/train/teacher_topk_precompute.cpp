#include "core/train/teacher_topk_precompute.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include "core/train/batch_sampler.h"
#include "core/train/causal_lm_loss.h"
#include "core/train/teacher_fingerprint.h"
#include "core/train/train_error.h"

namespace medlora::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

TeacherTopKTable compute_teacher_top_k(model::LlamaForCausalLM& teacher, const std::vector<EncodedExample>& examples,
                                       int64_t pad_id, int64_t k, int64_t batch_size,
                                       const std::function<void(int64_t done, int64_t total)>& progress,
                                       double temperature, double* kept_probability) {
  const int64_t vocab = teacher.config().vocab_size;
  if (k < 1 || k > vocab)
    throw TrainingError("teacher.precompute_top_k is " + std::to_string(k) + " but must be between 1 and the vocabulary size " +
                        std::to_string(vocab));
  const auto n = static_cast<int64_t>(examples.size());
  std::vector<int64_t> offsets(static_cast<size_t>(n) + 1, 0);
  for (int64_t i = 0; i < n; ++i) offsets[static_cast<size_t>(i) + 1] = offsets[static_cast<size_t>(i)] + count_target_tokens(examples, {i});
  const int64_t rows = offsets.back();

  TeacherTopKTable table;
  table.values = torch::empty({rows, k}, torch::kFloat);
  table.ids = torch::empty({rows, k}, torch::kInt);
  table.offsets = torch::tensor(offsets, torch::kLong);
  table.vocab_size = vocab;

  // Longest first and grouped by length, so little padding is computed.
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return examples[static_cast<size_t>(a)].length() > examples[static_cast<size_t>(b)].length();
  });
  torch::NoGradGuard no_grad;
  const bool was_training = teacher.is_training();
  teacher.eval();
  const auto step = static_cast<size_t>(std::max<int64_t>(1, batch_size));
  int64_t done = 0;
  double kept_sum = 0;
  for (size_t start = 0; start < order.size(); start += step) {
    const std::vector<int64_t> part(order.begin() + static_cast<std::ptrdiff_t>(start),
                                    order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + step)));
    const auto batch = collate(examples, part, pad_id, teacher.device());
    if (batch.target_tokens > 0) {
      const auto logits = target_logits(teacher, batch.input_ids, batch.labels).logits;
      const auto [values, ids] = logits.topk(k, /*dim=*/-1, /*largest=*/true, /*sorted=*/true);
      if (kept_probability)
        kept_sum += (values.to(torch::kFloat) / temperature).logsumexp(-1).sub(logits.to(torch::kFloat).div(temperature).logsumexp(-1))
                        .exp().sum().item<double>();
      const auto cpu_values = values.to(torch::kCPU, torch::kFloat);
      const auto cpu_ids = ids.to(torch::kCPU, torch::kInt);
      // The batch's rows follow `part`; each example's rows go to its own place in the table.
      int64_t row = 0;
      for (const auto e : part) {
        const int64_t count = offsets[static_cast<size_t>(e) + 1] - offsets[static_cast<size_t>(e)];
        const int64_t at = offsets[static_cast<size_t>(e)];
        table.values.narrow(0, at, count).copy_(cpu_values.narrow(0, row, count));
        table.ids.narrow(0, at, count).copy_(cpu_ids.narrow(0, row, count));
        row += count;
      }
    }
    done += static_cast<int64_t>(part.size());
    if (progress) progress(done, n);
  }
  if (was_training) teacher.train();
  if (kept_probability) *kept_probability = rows > 0 ? kept_sum / static_cast<double>(rows) : 1.0;
  return table;
}

std::shared_ptr<const TeacherTopK> prepare_teacher_top_k(const fs::path& file, const TeacherTopKSource& source,
                                                         int64_t vocab_size, const std::vector<EncodedExample>& examples,
                                                         int64_t pad_id, int64_t batch_size, double temperature,
                                                         const std::function<void(const QJsonObject&)>& publish) {
  const auto start = Clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  TeacherTopKExpectation expected;
  expected.k = source.k;
  expected.vocab_size = vocab_size;
  expected.examples = static_cast<int64_t>(examples.size());
  expected.fingerprint = teacher_top_k_fingerprint(source.teacher_identity, examples, source.k);
  auto report = [&](const char* status, const TeacherTopK& table) {
    QJsonObject line{{"event", "teacher_top_k"},
                     {"status", status},
                     {"path", QString::fromStdString(file.string())},
                     {"k", static_cast<qint64>(table.k())},
                     {"rows", static_cast<qint64>(table.rows())},
                     {"examples", static_cast<qint64>(table.examples())},
                     {"seconds", seconds()}};
    return line;
  };

  std::string refused;
  const bool existed = fs::exists(file);
  try {
    auto table = TeacherTopK::open(file, expected);
    if (publish) publish(report("reused", *table));
    return table;
  } catch (const TeacherTopKUnusable& e) {
    refused = e.what();
  }

  if (!source.load_teacher) throw TrainingError("distillation: no way to load the teacher for teacher.precompute_top_k");
  TeacherTopKTable table;
  double kept_probability = 1.0;
  {
    // The teacher lives only in this scope: training never holds it.
    auto teacher = source.load_teacher();
    if (!teacher) throw TrainingError("distillation: the teacher could not be loaded for teacher.precompute_top_k");
    if (teacher->config().vocab_size != vocab_size)
      throw TrainingError("distillation: the teacher's vocab_size is " + std::to_string(teacher->config().vocab_size) +
                          " but the student's is " + std::to_string(vocab_size) +
                          "; teacher and student must share one tokenizer vocabulary");
    auto last_report = Clock::now() - std::chrono::seconds(10);
    table = compute_teacher_top_k(*teacher, examples, pad_id, source.k, batch_size, [&](int64_t done, int64_t total) {
      // At most one progress line a second, and always the last one.
      if (!publish || (done < total && Clock::now() - last_report < std::chrono::seconds(1))) return;
      last_report = Clock::now();
      publish(QJsonObject{{"event", "teacher_top_k"},
                          {"status", "computing"},
                          {"examples_done", static_cast<qint64>(done)},
                          {"examples", static_cast<qint64>(total)}});
    }, temperature, &kept_probability);
  }
  table.fingerprint = expected.fingerprint;
  write_teacher_top_k(file, table);
  table = {};
  auto stored = TeacherTopK::open(file, expected);
  if (publish) {
    auto line = report("written", *stored);
    line["kept_probability"] = kept_probability;
    if (existed) line["rebuilt_because"] = QString::fromStdString(refused);
    publish(line);
  }
  return stored;
}

}  // namespace medlora::train
