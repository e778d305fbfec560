#pragma once
// Where the time of one call goes, for the benchmarks' "profile" field: libtorch's profiler
// around `body`, each op's own (self) time summed into categories, plus the time spent outside
// every op (framework and our own code: autograd bookkeeping, allocation, Python-free glue).
//
// A category comes from the innermost "medlora::" scope an op runs in (core/model and core/lora
// mark rms_norm, attention, swiglu and lora in the forward pass) and otherwise from the op's
// name: dense matmuls, softmax
// and masking (attention), activations, losses, elementwise arithmetic, copies and casts.
#include <torch/csrc/autograd/profiler_legacy.h>

#include <QJsonObject>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bench/bench_support.h"

namespace medlora::bench {

// A phase of the benchmark's own loop (MEDLORA_PROFILE_PHASE): timed whole, in "phases_ms".
inline constexpr const char* kPhasePrefix = "medlora::phase/";

inline std::string op_category(const std::string& op) {
  auto any = [&](std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return op == n; });
  };
  if (any({"aten::mm", "aten::bmm", "aten::addmm", "aten::baddbmm", "aten::matmul", "aten::linear", "aten::dot",
           "aten::mv", "aten::addmv", "aten::_mkldnn_matmul"}))
    return "matmul";
  if (op.find("softmax") != std::string::npos || any({"aten::masked_fill", "aten::masked_fill_", "aten::triu", "aten::tril"}))
    return "attention";
  if (op.find("silu") != std::string::npos || op.find("gelu") != std::string::npos || op.find("sigmoid") != std::string::npos)
    return "activation";
  if (op.find("nll_loss") != std::string::npos || op.find("cross_entropy") != std::string::npos) return "loss";
  if (any({"aten::copy_", "aten::to", "aten::_to_copy", "aten::contiguous", "aten::clone", "aten::cat", "aten::empty",
           "aten::empty_strided", "aten::zeros", "aten::zero_", "aten::fill_", "aten::index_select", "aten::embedding",
           "aten::embedding_backward", "aten::embedding_dense_backward", "aten::scatter", "aten::index_put_"}))
    return "memory";
  if (op.rfind("aten::", 0) == 0) return "elementwise";
  return "other";
}

// Profiles one call of `body` (run it warm). Returns {"wall_ms", "categories_ms": {...},
// "phases_ms": {...}, "outside_ops_ms", "top_ops_ms": {...}}.
inline QJsonObject profile_breakdown(const std::function<void()>& body) {
  using namespace torch::autograd::profiler;
  enableProfilerLegacy(torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU));
  const double start = now_seconds();
  body();
  const double wall_ms = (now_seconds() - start) * 1e3;
  const auto lists = disableProfilerLegacy();

  std::map<std::string, double> categories, phases, ops;
  double in_ops_ms = 0;  // top-level op time on the calling thread (phases excluded)
  for (const auto& list : lists) {
    struct Open {
      const LegacyEvent* push;
      double children_ms = 0;
      std::string scope;  // innermost medlora:: scope, this range included
      std::string phase;
    };
    std::vector<Open> stack;
    for (const auto& event : list) {
      if (event.kind() == EventKind::PushRange) {
        const std::string name = event.name();
        Open open{&event, 0, stack.empty() ? "" : stack.back().scope, stack.empty() ? "" : stack.back().phase};
        if (name.rfind(kPhasePrefix, 0) == 0) open.phase = name.substr(std::string(kPhasePrefix).size());
        else if (name.rfind("medlora::", 0) == 0) open.scope = name.substr(9);
        stack.push_back(open);
      } else if (event.kind() == EventKind::PopRange && !stack.empty()) {
        const Open open = stack.back();
        stack.pop_back();
        const double elapsed = open.push->cpuElapsedUs(event) / 1e3;
        const std::string name = open.push->name();
        const bool marker = name.rfind("medlora::", 0) == 0;
        if (!stack.empty()) stack.back().children_ms += elapsed;
        if (marker) {
          if (name.rfind(kPhasePrefix, 0) == 0) phases[open.phase] += elapsed;
          continue;
        }
        const double self = std::max(0.0, elapsed - open.children_ms);
        const bool top_level = std::none_of(stack.begin(), stack.end(), [](const Open& o) {
          return std::string(o.push->name()).rfind("medlora::", 0) != 0;
        });
        if (top_level) in_ops_ms += elapsed;
        categories[open.scope.empty() ? op_category(name) : open.scope] += self;
        ops[name] += self;
      }
    }
  }
  QJsonObject by_category, by_phase, top;
  for (const auto& [name, ms] : categories) by_category.insert(QString::fromStdString(name), ms);
  for (const auto& [name, ms] : phases)
    if (!name.empty()) by_phase.insert(QString::fromStdString(name), ms);
  std::vector<std::pair<double, std::string>> sorted;
  for (const auto& [name, ms] : ops) sorted.emplace_back(ms, name);
  std::sort(sorted.rbegin(), sorted.rend());
  for (size_t i = 0; i < std::min<size_t>(8, sorted.size()); ++i) top.insert(QString::fromStdString(sorted[i].second), sorted[i].first);
  return {{"wall_ms", wall_ms},
          {"categories_ms", by_category},
          {"phases_ms", by_phase},
          {"outside_ops_ms", std::max(0.0, wall_ms - in_ops_ms)},
          {"top_ops_ms", top},
          {"note", "self time per op (ops on worker threads counted too); outside_ops_ms: wall time of the calling "
                   "thread in no op (framework overhead and glue)"}};
}

// Marks a phase of a benchmark's loop for profile_breakdown ("medlora::phase/<name>").
#define MEDLORA_PROFILE_PHASE(name) RECORD_FUNCTION("medlora::phase/" name, std::vector<c10::IValue>())

}  // namespace medlora::bench
