// Encoding speed of the tokenizer.json tokenizer against HF's Rust `tokenizers`, one thread.
// The corpus is MedQuAD's English questions and answers plus the Chinese medical sets from
// ../shared/datasets, repeated until it reaches --min-mb; each document is one encode call
// (no special tokens, special-token text recognised), as a data pipeline calls it.
// Both sides encode the whole corpus once untimed (word caches warm), then once timed, and
// only the encode calls are timed: ours with steady_clock around the loop, HF's inside node
// (tests/reference/hf_tokenize.js --time, RAYON_NUM_THREADS=1, TOKENIZERS_PARALLELISM=false;
// each call there also pays the addon's async hop). Load time is reported apart.
//   tokenizer_encode_bench --tokenizer TOKENIZER_JSON --oracle-dir NPM_ORACLES [--min-mb 10]
#include <QJsonObject>

#include <cstdio>
#include <fstream>

#include "bench/bench_support.h"
#include "core/tokenizer/hf/hf_tokenizer.h"
#include "tests/core/tokenizer/hf_medical_corpus.h"

using namespace medlora;

namespace {

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

std::string run_command(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command + "\n" + out);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const std::string tokenizer_path = args.get("tokenizer", "");
    const std::string oracle_dir = args.get("oracle-dir", "");
    const double min_mb = static_cast<double>(args.get_int("min-mb", 10));
    args.check_all_used();
    if (tokenizer_path.empty() || oracle_dir.empty()) {
      throw std::invalid_argument("--tokenizer TOKENIZER_JSON and --oracle-dir NPM_ORACLES are required");
    }
    const std::filesystem::path source = MEDLORA_SOURCE_DIR_FOR_BENCH;
    const auto base = tokenizer::test::medical_corpus_texts(source / "../shared/datasets");
    if (base.empty()) throw std::runtime_error("no corpus: " + (source / "../shared/datasets").string() + " is empty");
    std::vector<std::string> docs;
    size_t bytes = 0, zh_bytes = 0;
    while (bytes < min_mb * 1e6) {
      for (const auto& d : base) {
        docs.push_back(d);
        bytes += d.size();
        size_t high = 0;
        for (const char c : d) high += static_cast<unsigned char>(c) >= 0xE0;
        if (high * 4 > d.size() / 3) zh_bytes += d.size();  // mostly 3-byte characters: Chinese
      }
    }

    const double t0 = bench::now_seconds();
    const auto tok = tokenizer::HfTokenizer::load(tokenizer_path);
    const double load_seconds = bench::now_seconds() - t0;

    size_t tokens = 0;
    double cold = bench::now_seconds();
    for (const auto& d : docs) tokens += tok->encode(d, false, tokenizer::SpecialTokens::recognised).size();
    cold = bench::now_seconds() - cold;
    tokens = 0;
    const double start = bench::now_seconds();
    for (const auto& d : docs) tokens += tok->encode(d, false, tokenizer::SpecialTokens::recognised).size();
    const double ours_seconds = bench::now_seconds() - start;

    const std::string texts_file = std::filesystem::temp_directory_path() / "medlora-tokenizer-bench-texts.json";
    std::ofstream(texts_file) << nlohmann::json(docs).dump();
    const std::string script = (source / "tests/reference/hf_tokenize.js").string();
    const std::string out = run_command("RAYON_NUM_THREADS=1 TOKENIZERS_PARALLELISM=false NODE_PATH='" + oracle_dir +
                                        "/node_modules' node '" + script + "' '" + tokenizer_path + "' '" + texts_file +
                                        "' --time");
    std::filesystem::remove(texts_file);
    const auto hf = nlohmann::json::parse(out);
    const double hf_seconds = hf["seconds"].get<double>();
    const auto hf_tokens = hf["tokens"].get<size_t>();

    const double ours_mb_s = bytes / 1e6 / ours_seconds, hf_mb_s = bytes / 1e6 / hf_seconds;
    bench::print_json(QJsonObject{
        {"tokenizer", QString::fromStdString(tokenizer_path)},
        {"cpu", QString::fromStdString(cpu_model())},
        {"documents", static_cast<qint64>(docs.size())},
        {"megabytes", bytes / 1e6},
        {"chinese_megabytes", zh_bytes / 1e6},
        {"load_seconds", load_seconds},
        {"ours_mb_per_s", ours_mb_s},
        {"ours_cold_mb_per_s", bytes / 1e6 / cold},
        {"hf_rust_mb_per_s", hf_mb_s},
        {"ratio", ours_mb_s / hf_mb_s},
        {"goal_faster_than_hf", ours_mb_s / hf_mb_s > 1.0},
        {"tokens", static_cast<qint64>(tokens)},
        {"tokens_equal_hf", tokens == hf_tokens},
        {"measured", "per-document encode, warm pass timed, 1 thread; HF via node tokenizers@0.23.2 addon"},
    });
  });
}
