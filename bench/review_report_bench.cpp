// The lead's evaluation report at the scale: 3 reviewers x 1,000 answers x 4 axes.
// Setup (not timed): a temporary workspace with a lead, three doctors and a study of
// --questions questions x --systems systems, every answer scored by every doctor through the
// reviewer queue (scores share a per-answer quality so that agreement is realistic; ~2 % of the
// answers are flagged harmful by two doctors), then the study is closed.
// Timed, as `medlora review report --format pdf` does it: reading the report data from the
// workspace, the statistics (--resamples bootstrap resamples, paired permutation tests), the
// charts and the PDF. Prints one JSON object; the goal is under 5 s.
#include <QApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "core/review/study_analysis.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"
#include "report/report_writer.h"

using namespace medlora;

namespace {

constexpr double kGoalSeconds = 5.0;
const char* kPassword = "bench-password-1";

struct Study {
  int64_t id = 0;
  std::optional<store::ReviewerAccount> lead;
};

Study build_study(store::Workspace& workspace, int questions, int systems, uint64_t seed) {
  store::ReviewerAccounts accounts(workspace);
  Study study;
  study.lead = accounts.create_first_lead("lead", kPassword);
  const std::vector<std::string> doctors = {"dr_chen", "dr_smith", "李医生"};
  for (const auto& name : doctors) accounts.create(*study.lead, name, "doctor", kPassword);

  store::ReviewStudyRepository repository(workspace);
  study.id = repository.create_study(*study.lead, "bench study 基准", "review_report_bench", 3, seed);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0.0, 0.6);
  // Each answer's quality, shared by the doctors. The queue shows nothing that links an answer
  // across doctors, so it is keyed by the question and answer text (unique per answer here).
  std::map<std::string, double> quality;
  std::vector<store::AnswerInput> answers;
  for (int q = 0; q < questions; ++q)
    for (int s = 0; s < systems; ++s) {
      store::AnswerInput answer;
      answer.item = "q" + std::to_string(q);
      answer.question = "问题 " + std::to_string(q) + "：高血压患者每天应该吃多少盐？ How much salt a day?";
      answer.system = s == 0 ? "base" : "adapter-" + std::to_string(s);
      answer.system_kind = s == 0 ? "base" : "adapter";
      answer.answer = "每天盐摄入量不超过 5 克。Keep salt under 5 g a day (answer " + std::to_string(q) + "." +
                      std::to_string(s) + ").";
      quality[answer.question + '\x1f' + answer.answer] = 2.8 + 0.4 * s + 1.5 * noise(rng);
      answers.push_back(std::move(answer));
    }
  repository.add_answers(*study.lead, study.id, answers);
  repository.assign(*study.lead, study.id, doctors);

  for (size_t d = 0; d < doctors.size(); ++d) {
    const auto doctor = accounts.authenticate(doctors[d], kPassword);
    store::ReviewerQueue queue(workspace, *doctor, study.id);
    for (const auto& entry : queue.queue()) {
      const auto item = queue.load(entry.assignment_id);
      const std::string key = item->question + '\x1f' + item->answer;
      const double answer_quality = quality.at(key);
      store::ScoreEntry scores;
      for (size_t axis = 0; axis < 4; ++axis)
        scores.axis(axis) = static_cast<int>(std::clamp(std::round(answer_quality + noise(rng)), 1.0, 5.0));
      const bool flagged = std::hash<std::string>{}(key) % 50 == 0 && d < 2;
      scores.harmful = flagged;
      scores.severity = flagged ? 2 : 0;
      scores.comment = flagged ? "可能有害 (possibly harmful)" : "";
      queue.submit(entry.assignment_id, scores);
    }
  }
  repository.close(*study.lead, study.id);
  return study;
}

}  // namespace

int main(int argc, char** argv) {
  if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  return bench::run_main([&] {
    bench::Args args(argc, argv);
    const int questions = static_cast<int>(args.get_int("questions", 500));
    const int systems = static_cast<int>(args.get_int("systems", 2));
    const int resamples = static_cast<int>(args.get_int("resamples", 2000));
    const auto language = report::parse_language(args.get("language", "en"));
    const uint64_t seed = static_cast<uint64_t>(args.get_int("seed", 7));
    args.check_all_used();
    if (questions < 2 || systems < 1) throw std::invalid_argument("--questions must be at least 2, --systems at least 1");

    QTemporaryDir dir;
    if (!dir.isValid()) throw std::runtime_error("cannot create a temporary folder");
    store::Workspace workspace(dir.filePath("bench.medlora").toStdString());
    const double setup_start = bench::now_seconds();
    const Study study = build_study(workspace, questions, systems, seed);
    const double setup_seconds = bench::now_seconds() - setup_start;

    const double cpu_start = bench::cpu_seconds();
    const double start = bench::now_seconds();
    const auto data = store::ReviewStudyRepository(workspace).report_data(*study.lead, study.id);
    const double read_done = bench::now_seconds();
    review::AnalysisOptions options;
    options.bootstrap_resamples = resamples;
    options.axis_order = {"accuracy", "safety", "completeness", "readability"};
    const auto analysis = review::analyse_scores(data.scores, options);
    const double analysis_done = bench::now_seconds();
    double layout_start = analysis_done;
    report::ReportOptions report_options;
    report_options.format = report::ReportFormat::Pdf;
    report_options.language = language;
    report_options.path = dir.filePath("report.pdf").toStdString();
    report::write_report(data, analysis, report_options, [&layout_start](int, const QString& stage) {
      if (stage == "layout") layout_start = bench::now_seconds();
    });
    const double end = bench::now_seconds();

    const double seconds = end - start;
    bench::print_json(QJsonObject{
        {"name", "review_report"},
        {"seconds", seconds},
        {"goal_seconds", kGoalSeconds},
        {"met_goal", seconds < kGoalSeconds},
        {"read_seconds", read_done - start},
        {"analysis_seconds", analysis_done - read_done},
        {"charts_seconds", layout_start - analysis_done},
        {"pdf_seconds", end - layout_start},
        {"cpu_seconds", bench::cpu_seconds() - cpu_start},
        {"setup_seconds", setup_seconds},
        {"reviewers", 3},
        {"answers", questions * systems},
        {"ratings", static_cast<int>(data.scores.ratings.size())},
        {"flagged_answers", static_cast<int>(data.flagged.size())},
        {"resamples", resamples},
        {"language", QString::fromStdString(report::language_code(language))},
        {"pdf_bytes", static_cast<double>(QFileInfo(dir.filePath("report.pdf")).size())},
        {"peak_rss_bytes", bench::peak_rss_bytes()},
    });
  });
}
