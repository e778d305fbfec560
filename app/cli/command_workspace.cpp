// medlora workspace init --sample: sets up the sample workspace of a new user's first hour (see
// core/pipeline/sample_workspace.h) — the same function the workbench's first-start offer calls.
#include <QCommandLineParser>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli_session.h"
#include "core/pipeline/sample_workspace.h"
#include "core/store/workspace.h"

namespace medlora::cli {
namespace {

QJsonObject report_json(const pipeline::SampleWorkspaceReport& r, const std::string& workspace) {
  auto q = [](const std::string& s) { return QString::fromStdString(s); };
  return {{"workspace", q(workspace)},
          {"dataset", QJsonObject{{"step", q(r.dataset_step)},
                                  {"id", qint64(r.dataset_id)},
                                  {"name", pipeline::kSampleDatasetName},
                                  {"records", qint64(r.records)},
                                  {"approved_now", qint64(r.approved_now)},
                                  {"reviewer", pipeline::kSampleReviewer}}},
          {"model", QJsonObject{{"step", q(r.model_step)}, {"path", q(r.model_path)}}},
          {"run", QJsonObject{{"step", q(r.run_step)}, {"id", qint64(r.run_id)}, {"folder", q(r.run_folder)}}},
          {"study", QJsonObject{{"step", q(r.study_step)},
                                {"id", qint64(r.study_id)},
                                {"name", pipeline::kSampleStudyName},
                                {"questions", r.study_questions},
                                {"systems", r.study_systems}}}};
}

int run_init(const QStringList& args) {
  const QString command = "workspace init";
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "With --sample: import the bundled clinic QA data as an approved dataset, register the bundled base\n"
      "model, record the run `medlora demo` made, and (with --as a lead account) create a sample review study.\n"
      "Safe to run again: what an earlier run made is kept. The lead's password comes from\n"
      "$MEDLORA_LEAD_PASSWORD or a prompt.");
  review::add_session_options(parser, "A lead account that owns the sample study (without it the study is pending).");
  parser.addOption({"sample", "Set up the sample workspace."});
  if (const auto done = parse_arguments(parser, args, command)) return *done;
  if (!parser.isSet("sample")) return fail(command, "nothing to do: give --sample (see medlora workspace init --help)");
  try {
    auto workspace = review::open_workspace(parser, true);
    pipeline::SampleWorkspaceOptions options;
    if (parser.isSet("as")) {
      auto account = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
      if (!account.is_lead())
        throw std::invalid_argument("'" + account.name() + "' is a " + account.role() +
                                    "; the sample study needs a lead account");
      options.lead = account;
    }
    const auto report = pipeline::set_up_sample_workspace(*workspace, options);
    QJsonObject result = report_json(report, workspace->path());
    if (report.study_step == "pending")
      result.insert("hint", "the sample study waits for a lead: create the first account with `medlora review "
                            "account`, then run `medlora workspace init --sample --as NAME`");
    review::print_result(parser, result);
  } catch (const std::invalid_argument& e) {
    return fail(command, QString::fromUtf8(e.what()));
  } catch (const std::exception& e) {
    fail(command, QString::fromUtf8(e.what()));
    return 1;
  }
  return 0;
}

int run_workspace(const QStringList& args) {
  const QString sub = args.size() > 1 ? args[1] : QString();
  if (sub == "init") return run_init(QStringList{"medlora workspace init"} + args.mid(2));
  if (sub.isEmpty() || sub == "--help" || sub == "-h") {
    std::fputs("usage: medlora workspace init --sample [--workspace W] [--as LEAD] [--json]\n", sub.isEmpty() ? stderr : stdout);
    return sub.isEmpty() ? 2 : 0;
  }
  return fail("workspace", "unknown sub-command '" + sub + "' (known: init)");
}

CliRegistration registration("workspace", "set up a workspace: init --sample makes the sample workspace", run_workspace);

}  // namespace
}  // namespace medlora::cli
