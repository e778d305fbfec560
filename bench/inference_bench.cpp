// Inference throughput of the fixed config at batch 1: prefill tokens/s, and greedy decode
// tokens/s with the KV cache and without it (each step then recomputes the whole sequence), in
// float32 or bfloat16. One case a process (--case), so that each peak RSS is its own.
//
// --case write_gguf --out FILE writes the same model (same seed, --dtype f32 or bf16 weights) as
// a GGUF file for the llama.cpp anchor (bench/reference/llama_cpp_bench.mjs), with a small
// sentencepiece tokenizer trained on the bundled corpus (llama.cpp needs a vocabulary; the
// anchor evaluates token ids, so which one does not matter).
//
// Greedy decoding is driven through the model directly (what core/generate's Generator does
// with temperature 0): with the cache, one token a step through make_cache(); without, the
// whole sequence a step. Both project only the last position to the vocabulary.
#include <torch/torch.h>

#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

#include "bench/bench_support.h"
#include "core/lora/gguf_export.h"
#include "core/model/llama_model.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "core/runtime/process_environment.h"
#include "core/runtime/compute_options.h"

using namespace medlora;

namespace {

int64_t next_token(model::LlamaForCausalLM& m, const torch::Tensor& hidden) {
  return m.logits(hidden.select(1, hidden.size(1) - 1)).argmax(-1).item<int64_t>();
}

torch::Tensor as_ids(const std::vector<int64_t>& ids) {
  return torch::tensor(ids, torch::kLong).unsqueeze(0);
}

std::vector<int64_t> random_prompt(int64_t length, int64_t vocab) {
  auto ids = torch::randint(3, vocab, {length}, torch::kLong);
  return std::vector<int64_t>(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + length);
}

// Seconds to generate `count` tokens after `prompt`; the prompt's prefill is not timed.
double decode_seconds(model::LlamaForCausalLM& m, std::vector<int64_t> ids, int64_t count, bool use_cache) {
  if (use_cache) {
    auto cache = m.make_cache(1, static_cast<int64_t>(ids.size()) + count);
    int64_t token = next_token(m, m.hidden_states(as_ids(ids), &cache));
    const double start = bench::now_seconds();
    for (int64_t i = 1; i < count; ++i) token = next_token(m, m.hidden_states(as_ids({token}), &cache));
    // The first token came from the prefill; count its step as one more decode step.
    return (bench::now_seconds() - start) * count / std::max<int64_t>(1, count - 1);
  }
  const double start = bench::now_seconds();
  for (int64_t i = 0; i < count; ++i) ids.push_back(next_token(m, m.hidden_states(as_ids(ids), nullptr)));
  return bench::now_seconds() - start;
}

// The model as an HF folder (float32 safetensors + tokenizer) exported to GGUF as `type`.
QJsonObject write_gguf(model::LlamaForCausalLM& m, const std::string& out, gguf::TensorType type) {
  QTemporaryDir dir;
  const std::filesystem::path folder = dir.path().toStdString();
  model::save_llama(m, folder, torch::kFloat32);
  tokenizer::TokenizerTrainOptions options;
  options.input_files = {MEDLORA_SOURCE_DIR_FOR_BENCH "/resources/sample_data/medical_corpus.txt"};
  options.output_dir = folder;
  options.vocab_size = 4000;
  tokenizer::train_tokenizer(options);
  lora::GgufExportOptions export_options;
  export_options.type = type;
  const auto report = lora::export_gguf_model(folder, std::nullopt, out, export_options);
  return {{"path", QString::fromStdString(out)}, {"bytes", static_cast<qint64>(report.bytes)},
          {"type", QString::fromStdString(report.type)}};
}

}  // namespace

int main(int argc, char** argv) {
  medlora::runtime::configure_allocator();  // as the medlora executable does
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const auto what = args.get("case", "prefill");  // prefill | decode_cache | decode_nocache
    const auto compute = runtime::resolve_compute("cpu", args.get("dtype", "float32"),
                                                  static_cast<int>(args.get_int("threads", 2)));
    const int64_t new_tokens = args.get_int("new-tokens", 256);
    const int64_t prompt_tokens = args.get_int("prompt-tokens", 16);
    const int repeats = static_cast<int>(args.get_int("repeats", 3));
    const std::string gguf_out = args.get("out", "");
    std::vector<int64_t> prefill_lengths;
    for (auto n : {args.get_int("prefill-short", 128), args.get_int("prefill-long", 512)}) prefill_lengths.push_back(n);
    args.check_all_used();
    if (what != "prefill" && what != "decode_cache" && what != "decode_nocache" && what != "write_gguf")
      throw std::invalid_argument("unknown --case '" + what + "' (use prefill, decode_cache, decode_nocache or write_gguf)");
    if ((what == "write_gguf") != !gguf_out.empty()) throw std::invalid_argument("--out FILE goes with --case write_gguf");

    torch::manual_seed(0);
    const auto config = bench::fixed_config();
    auto m = std::make_shared<model::LlamaForCausalLM>(config);
    model::initialize_weights(*m, 0);
    m->to(compute.dtype);
    m->eval();
    c10::InferenceMode inference;

    QJsonObject result{{"benchmark", "inference"},
                       {"case", QString::fromStdString(what)},
                       {"dtype", QString::fromStdString(runtime::dtype_name(compute.dtype))},
                       {"threads", compute.threads},
                       {"omp_wait_policy", bench::omp_wait_policy()},
                       {"batch", 1}};
    if (what == "write_gguf") {
      const auto type = compute.dtype == torch::kBFloat16 ? gguf::TensorType::BF16 : gguf::TensorType::F32;
      const QJsonObject written = write_gguf(*m, gguf_out, type);
      for (auto it = written.begin(); it != written.end(); ++it) result.insert(it.key(), it.value());
    } else if (what == "prefill") {
      QJsonObject per_length;
      for (int64_t length : prefill_lengths) {
        auto ids = as_ids(random_prompt(length, config.vocab_size));
        double best = 1e30;
        for (int r = 0; r < repeats + 1; ++r) {  // the first run warms up
          auto cache = m->make_cache(1, length);
          const double start = bench::now_seconds();
          next_token(*m, m->hidden_states(ids, &cache));
          if (r > 0) best = std::min(best, bench::now_seconds() - start);
        }
        per_length.insert(QString::number(length), length / best);
      }
      result.insert("prefill_tokens_per_second", per_length);
    } else {
      const bool use_cache = what == "decode_cache";
      const auto prompt = random_prompt(prompt_tokens, config.vocab_size);
      decode_seconds(*m, prompt, std::min<int64_t>(8, new_tokens), use_cache);  // warm-up
      const double cpu_start = bench::cpu_seconds();
      const double seconds = decode_seconds(*m, prompt, new_tokens, use_cache);
      result.insert("decode_tokens_per_cpu_second", new_tokens / (bench::cpu_seconds() - cpu_start));
      result.insert("use_cache", use_cache);
      result.insert("prompt_tokens", static_cast<qint64>(prompt_tokens));
      result.insert("new_tokens", static_cast<qint64>(new_tokens));
      result.insert("seconds", seconds);
      result.insert("decode_tokens_per_second", new_tokens / seconds);
    }
    result.insert("peak_rss_bytes", bench::peak_rss_bytes());
    bench::print_json(result);
  });
}
