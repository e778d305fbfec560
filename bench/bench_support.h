#pragma once
// Shared pieces of the benchmark executables: the fixed and TinyLlama-shaped configs, a tiny
// "--key value" argument reader, timing, peak RSS and one-line JSON output.
#include <QJsonDocument>
#include <QJsonObject>

#include <c10/core/ScalarType.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>

#include "core/model/llama_config.h"
#include "core/runtime/bfloat16_speed.h"

namespace medlora::bench {

// The issues' fixed benchmark model: d512, 8 layers, 8/2 heads, ffn 1408, vocab 8000.
inline model::LlamaConfig fixed_config() {
  model::LlamaConfig c;
  c.vocab_size = 8000;
  c.hidden_size = 512;
  c.intermediate_size = 1408;
  c.num_hidden_layers = 8;
  c.num_attention_heads = 8;
  c.num_key_value_heads = 2;
  c.head_dim = 64;
  c.max_position_embeddings = 2048;
  c.rms_norm_eps = 1e-6;
  return c;
}

// TinyLlama-1.1B's shape (random weights): d2048, 22 layers, 32/4 heads, ffn 5632, vocab 32000.
inline model::LlamaConfig tinyllama_config() {
  model::LlamaConfig c;
  c.vocab_size = 32000;
  c.hidden_size = 2048;
  c.intermediate_size = 5632;
  c.num_hidden_layers = 22;
  c.num_attention_heads = 32;
  c.num_key_value_heads = 4;
  c.head_dim = 64;
  c.max_position_embeddings = 2048;
  c.rms_norm_eps = 1e-5;
  return c;
}

inline model::LlamaConfig config_by_name(const std::string& name) {
  if (name == "fixed") return fixed_config();
  if (name == "tinyllama") return tinyllama_config();
  throw std::invalid_argument("unknown --model '" + name + "' (use fixed or tinyllama)");
}

// "--key value" and "--flag" arguments; every key must be known to the caller.
class Args {
 public:
  Args(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
      std::string key = argv[i];
      if (key.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument '" + key + "'");
      key = key.substr(2);
      if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
        values_[key] = argv[++i];
      } else {
        values_[key] = "1";
      }
    }
  }
  std::string get(const std::string& key, const std::string& fallback) {
    used_[key] = true;
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }
  long long get_int(const std::string& key, long long fallback) {
    auto text = get(key, std::to_string(fallback));
    try {
      return std::stoll(text);
    } catch (const std::exception&) {
      throw std::invalid_argument("--" + key + " needs a whole number, got '" + text + "'");
    }
  }
  bool flag(const std::string& key) { return get(key, "0") != "0"; }
  // Throws for an argument no get() asked about (a typo would otherwise go unnoticed).
  void check_all_used() const {
    for (const auto& [key, value] : values_)
      if (!used_.count(key)) throw std::invalid_argument("unknown option --" + key);
  }

 private:
  std::map<std::string, std::string> values_;
  std::map<std::string, bool> used_;
};

inline double now_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

inline double peak_rss_bytes() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;  // ru_maxrss is in KiB on Linux
}

// User + system CPU seconds of this process: under contention from other processes a
// throughput per CPU-second moves far less than one per wall-clock second.
inline double cpu_seconds() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 1e-6;
}

inline QString omp_wait_policy() {
  const char* value = std::getenv("OMP_WAIT_POLICY");
  return value ? QString::fromUtf8(value) : QStringLiteral("default");
}

inline void print_json(const QJsonObject& object) {
  std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
  std::fflush(stdout);
}

// bfloat16 training where libtorch's bfloat16 matmuls are slow (runtime::bfloat16_is_slow_on: a
// CPU without avx512_bf16, some 20x below float32) takes hours and is not what the product runs
// there (compute dtype auto picks float32). Unless --allow-slow-bfloat16 is given, prints
// {"skipped": why} and returns true: the caller returns without running.
inline bool skipped_for_slow_bfloat16(c10::ScalarType dtype, bool allowed) {
  if (allowed || dtype != c10::kBFloat16 || !runtime::bfloat16_is_slow_on(c10::Device(c10::kCPU))) return false;
  print_json(QJsonObject{{"skipped", QString::fromStdString(runtime::slow_bfloat16_warning() +
                                                            " (the bench runs it with --allow-slow-bfloat16)")}});
  return true;
}

// Runs `body`, printing {"error": ...} and returning 1 on an exception.
template <typename Body>
int run_main(Body&& body) {
  try {
    body();
    return 0;
  } catch (const std::exception& e) {
    print_json(QJsonObject{{"error", QString::fromStdString(e.what())}});
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

}  // namespace medlora::bench
