// medlora review account | create | assign | status | close: the study lead's sub-commands.
// Each signs in with --as NAME and $MEDLORA_LEAD_PASSWORD (or a no-echo prompt); see
// review_cli_session.h for the password convention.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "app/cli/review_cli_session.h"
#include "core/store/review_study_repository.h"
#include "core/store/reviewer_accounts.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::cli {
namespace {

const QString kSignInHelp =
    "The lead account you act as; its password comes from $MEDLORA_LEAD_PASSWORD or a prompt.";

QString qs(const std::string& text) { return QString::fromStdString(text); }

int64_t study_option(const QCommandLineParser& parser, store::Workspace& workspace) {
  if (!parser.isSet("study")) throw std::invalid_argument("--study ID|NAME is required");
  return store::resolve_study(workspace, parser.value("study").toStdString());
}

QJsonObject summary_json(const store::StudySummary& study) {
  return {{"id", qint64(study.id)},
          {"name", qs(study.name)},
          {"status", qs(study.status)},
          {"source", qs(study.source)},
          {"created_by", qs(study.created_by)},
          {"created_at", qs(study.created_at)},
          {"closed_at", qs(study.closed_at)},
          {"reviewers_per_answer", study.reviewers_per_answer},
          {"systems", study.systems},
          {"questions", study.questions},
          {"answers", study.answers},
          {"assignments", study.assignments}};
}

}  // namespace

int run_review_account(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Add a reviewer account. The new account's password comes from $MEDLORA_REVIEW_PASSWORD, or is asked for\n"
      "twice without echo. The first account of a workspace must be a lead and needs no --as; later ones\n"
      "are added by a lead: --as NAME with $MEDLORA_LEAD_PASSWORD (or a prompt).");
  review::add_session_options(parser, kSignInHelp);
  parser.addOptions({
      {"name", "The new account's name.", "NAME"},
      {"role", "doctor, lead or engineer (default doctor).", "ROLE", "doctor"},
  });
  if (const auto done = parse_arguments(parser, args, "review account")) return *done;
  return review::guarded("account", [&] {
    if (!parser.isSet("name")) throw std::invalid_argument("--name NAME is required");
    const std::string name = parser.value("name").toStdString();
    const std::string role = parser.value("role").toStdString();
    auto workspace = review::open_workspace(parser, /*create_if_missing=*/true);
    store::ReviewerAccounts accounts(*workspace);
    store::ReviewerInfo created;
    if (accounts.empty()) {
      if (role != "lead")
        throw std::invalid_argument("the first account of a workspace must be a lead (--role lead)");
      if (parser.isSet("as")) throw std::invalid_argument("the workspace has no accounts yet: the first needs no --as");
      const std::string password =
          review::read_password(review::kReviewPasswordVariable, "Password for the new account " + name + ": ", true);
      const auto lead = accounts.create_first_lead(name, password);
      created = {lead.id(), lead.name(), lead.role(), ""};
    } else {
      const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
      const std::string password =
          review::read_password(review::kReviewPasswordVariable, "Password for the new account " + name + ": ", true);
      created = accounts.create(lead, name, role, password);
    }
    review::print_result(parser, {{"account", qs(created.name)}, {"role", qs(created.role)}, {"id", qint64(created.id)}});
    return 0;
  });
}

int run_review_create(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Create a study from a JSON-lines file of answers, one object a line:\n"
      "  {\"item\"?, \"question\", \"system\", \"answer\", \"reference\"?, \"kind\"?, \"metadata\"?: {...}}\n"
      "(item defaults to the question text; kind: base, adapter, merged, reference or other).\n"
      "Systems get blinded codes S1..Sn in a shuffled order; names stay hidden until the study is closed.");
  review::add_session_options(parser, kSignInHelp);
  parser.addOptions({
      {"name", "The study's name.", "NAME"},
      {"answers", "The answers file (JSON lines).", "FILE.jsonl"},
      {"source", "Where the questions and answers came from (default: the file name).", "TEXT"},
      {"reference-as-system", "Also review each question's reference answer, as a system of its own."},
      {"reviewers-per-answer", "The planned number of reviewers per answer (default 3).", "N", "3"},
      {"seed", "The seed of the code and order shuffles (default: random; stored either way).", "N"},
  });
  if (const auto done = parse_arguments(parser, args, "review create")) return *done;
  return review::guarded("create", [&] {
    if (!parser.isSet("name")) throw std::invalid_argument("--name NAME is required");
    if (!parser.isSet("answers")) throw std::invalid_argument("--answers FILE.jsonl is required");
    const int per_answer = review::positive_option(parser, "reviewers-per-answer", 3);
    std::optional<uint64_t> seed;
    if (parser.isSet("seed")) {
      bool ok = false;
      seed = parser.value("seed").toULongLong(&ok);
      if (!ok) throw std::invalid_argument("--seed expects a non-negative integer");
    }
    const std::string file = parser.value("answers").toStdString();
    auto workspace = review::open_workspace(parser, /*create_if_missing=*/false);
    const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
    store::ReviewStudyRepository studies(*workspace);
    // One transaction: a file that fails to import leaves no empty study behind.
    store::Transaction transaction(*workspace);
    const int64_t id = studies.create_study(lead, parser.value("name").toStdString(),
                                            parser.isSet("source") ? parser.value("source").toStdString() : file,
                                            per_answer, seed);
    const auto added = studies.import_answers_jsonl(lead, id, file, parser.isSet("reference-as-system"));
    transaction.commit();
    review::print_result(parser, {{"study", qint64(id)},
                                  {"name", parser.value("name")},
                                  {"questions", added.questions},
                                  {"systems", added.systems},
                                  {"answers", added.answers}});
    return 0;
  });
}

int run_review_assign(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Assign reviewers to a study. Without --overlap every reviewer scores every answer; with it each\n"
      "question goes to N of them, balanced. Each reviewer gets their own randomised order.");
  review::add_session_options(parser, kSignInHelp);
  parser.addOptions({
      {"study", "Study id or name.", "ID|NAME"},
      {"reviewers", "Reviewer account names, comma-separated.", "a,b,c"},
      {"overlap", "Reviewers per answer (default: all of them).", "N"},
  });
  if (const auto done = parse_arguments(parser, args, "review assign")) return *done;
  return review::guarded("assign", [&] {
    if (!parser.isSet("reviewers")) throw std::invalid_argument("--reviewers a,b,c is required");
    std::vector<std::string> names;
    for (const QString& name : parser.value("reviewers").split(',', Qt::SkipEmptyParts))
      names.push_back(name.trimmed().toStdString());
    std::optional<int> overlap;
    if (parser.isSet("overlap")) overlap = review::positive_option(parser, "overlap", 1);
    auto workspace = review::open_workspace(parser, false);
    const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
    const int64_t study = study_option(parser, *workspace);
    store::ReviewStudyRepository studies(*workspace);
    const int assignments = studies.assign(lead, study, names, overlap);
    review::print_result(parser, {{"study", qint64(study)},
                                  {"assignments", assignments},
                                  {"reviewers_per_answer", studies.study(lead, study).reviewers_per_answer}});
    return 0;
  });
}

int run_review_status(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Show a study's progress per reviewer, or list the studies without --study.");
  review::add_session_options(parser, kSignInHelp);
  parser.addOption({"study", "Study id or name.", "ID|NAME"});
  if (const auto done = parse_arguments(parser, args, "review status")) return *done;
  return review::guarded("status", [&] {
    auto workspace = review::open_workspace(parser, false);
    const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
    store::ReviewStudyRepository studies(*workspace);
    if (!parser.isSet("study")) {
      QJsonArray list;
      for (const auto& study : studies.list_studies(lead)) list.append(summary_json(study));
      review::print_result(parser, {{"studies", list}});
      return 0;
    }
    const auto progress = studies.progress(lead, study_option(parser, *workspace));
    QJsonArray reviewers;
    for (const auto& reviewer : progress.reviewers)
      reviewers.append(QJsonObject{{"name", qs(reviewer.reviewer)},
                                   {"total", reviewer.total},
                                   {"pending", reviewer.pending},
                                   {"draft", reviewer.draft},
                                   {"submitted", reviewer.submitted},
                                   {"skipped", reviewer.skipped}});
    review::print_result(parser, {{"study", summary_json(progress.study)}, {"reviewers", reviewers}});
    return 0;
  });
}

int run_review_close(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Close a study (no more scoring) and reveal which system each code stands for. Refused while a\n"
      "reviewer has an unsubmitted draft, unless --force (the drafts then stay unscored).");
  review::add_session_options(parser, kSignInHelp);
  parser.addOptions({
      {"study", "Study id or name.", "ID|NAME"},
      {"force", "Close even with unsubmitted drafts."},
  });
  if (const auto done = parse_arguments(parser, args, "review close")) return *done;
  return review::guarded("close", [&] {
    auto workspace = review::open_workspace(parser, false);
    const auto lead = review::sign_in(parser, *workspace, review::kLeadPasswordVariable);
    const int64_t study = study_option(parser, *workspace);
    store::ReviewStudyRepository studies(*workspace);
    studies.close(lead, study, parser.isSet("force"));
    QJsonArray systems;
    for (const auto& system : studies.reveal(lead, study))
      systems.append(QJsonObject{{"code", qs(system.code)}, {"name", qs(system.name)}, {"kind", qs(system.kind)}});
    review::print_result(parser, {{"study", qint64(study)}, {"status", "closed"}, {"systems", systems}});
    return 0;
  });
}

}  // namespace medlora::cli
