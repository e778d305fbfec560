// Blind review on a review server under load: N reviewer clients (own connection and thread each)
// scoring one published study at once against the throwaway loopback cluster that
// bench/run_all.sh starts (tests/support/pg_cluster.sh; MEDLORA_PG_CLUSTER_ENV names it).
// Prints submissions per second, p50 / p99 submit latency and whether every submission was
// stored exactly once.
//   review_server_bench [--clients 30] [--submissions 100]
#include "bench/bench_support.h"
#include "tests/support/review_load.h"

namespace load = medlora::testing;  // ::testing is GoogleTest's
namespace bench = medlora::bench;

int main(int argc, char** argv) {
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const int clients = static_cast<int>(args.get_int("clients", 30));
    const int submissions = static_cast<int>(args.get_int("submissions", 100));
    args.check_all_used();
    if (clients < 1 || submissions < 1) throw std::invalid_argument("--clients and --submissions must be at least 1");

    const load::ReviewLoadStudy study(clients, (submissions + 2) / 3);
    const auto result = load::run_review_load(study, submissions);
    const auto stored = study.server->psql(load::PgCluster::get().lead_role(),
                                           "SELECT count(*) = count(DISTINCT assignment_id) AND count(*) = " +
                                               std::to_string(clients * submissions) + " FROM medlora_review.scores");
    bench::print_json({{"benchmark", "review_server_load"},
                       {"clients", clients},
                       {"submissions_each", submissions},
                       {"acknowledged", result.acknowledged},
                       {"errors", static_cast<qint64>(result.errors.size())},
                       {"first_error", QString::fromStdString(result.errors.empty() ? std::string() : result.errors.front())},
                       {"stored_exactly_once", stored.output == "t\n"},
                       {"seconds", result.seconds},
                       {"submissions_per_second", result.submissions_per_second()},
                       {"p50_submit_ms", load::quantile(result.latencies_ms, 0.5)},
                       {"p99_submit_ms", load::quantile(result.latencies_ms, 0.99)},
                       {"peak_rss_bytes", bench::peak_rss_bytes()}});
  });
}
