// Measured matmul peak, per dtype: the denominator of "achieved GFLOP/s over peak" in the
// training benchmark. Square n x n matmuls (best of several), plus one training-shaped matmul
// (tokens x hidden times hidden x ffn of the fixed config and of TinyLlama) and the one-token
// decode shape, for reference.
#include <torch/torch.h>

#include <algorithm>
#include <sstream>

#include "bench/bench_support.h"
#include "core/runtime/compute_options.h"

using namespace medlora;

namespace {

double best_gflops(int64_t m, int64_t k, int64_t n, c10::ScalarType dtype, int repeats) {
  torch::NoGradGuard no_grad;
  auto a = torch::randn({m, k}).to(dtype);
  auto b = torch::randn({k, n}).to(dtype);
  auto out = torch::empty({m, n}, a.options());
  torch::mm_out(out, a, b);  // warm up (oneDNN primitive creation, page faults)
  double best = 1e30;
  // Small matmuls are timed in batches so that each sample lasts a few milliseconds at least.
  const int inner = std::max<int>(1, static_cast<int>(2.0e9 / (2.0 * m * k * n)));
  for (int r = 0; r < repeats; ++r) {
    const double start = bench::now_seconds();
    for (int i = 0; i < inner; ++i) torch::mm_out(out, a, b);
    best = std::min(best, (bench::now_seconds() - start) / inner);
  }
  return 2.0 * m * k * n / best / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const int threads = runtime::configure_threads(static_cast<int>(args.get_int("threads", 2)));
    const int repeats = static_cast<int>(args.get_int("repeats", 5));
    std::vector<int64_t> sizes;
    std::stringstream list(args.get("sizes", "1024,2048"));
    for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoll(item));
    args.check_all_used();

    QJsonObject result{{"benchmark", "matmul_peak"}, {"threads", threads}, {"omp_wait_policy", bench::omp_wait_policy()}};
    for (auto dtype : {c10::kFloat, c10::kBFloat16}) {
      QJsonObject per_dtype;
      double peak = 0;
      for (int64_t n : sizes) {
        const double g = best_gflops(n, n, n, dtype, repeats);
        per_dtype.insert(QString("gflops_%1").arg(n), g);
        peak = std::max(peak, g);
      }
      // The shapes the cases run: the fixed config's training MLP, TinyLlama's, and one decoded token.
      per_dtype.insert("gflops_train_shape_1024x512x1408", best_gflops(1024, 512, 1408, dtype, repeats));
      per_dtype.insert("gflops_tinyllama_shape_256x2048x5632", best_gflops(256, 2048, 5632, dtype, repeats));
      per_dtype.insert("gflops_decode_shape_1x512x1408", best_gflops(1, 512, 1408, dtype, repeats));
      per_dtype.insert("peak_gflops", peak);
      result.insert(QString::fromStdString(runtime::dtype_name(dtype)), per_dtype);
    }
    result.insert("peak_rss_bytes", bench::peak_rss_bytes());
    bench::print_json(result);
  });
}
