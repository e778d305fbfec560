// medlora review score: a reviewer scores their queue in the terminal, one answer at a time, in
// their own randomised order. Reads one answer per prompt line, so it also works from a pipe:
// four scores (1-5), harmful y/n (+ severity 1-3), a comment. "s" skips the answer (a reason
// is asked), "q" or the end of input quits; what was typed for the answer on screen is kept as a
// draft and offered again next time. Nothing here shows which system wrote an answer.
#include <QCommandLineParser>
#include <QString>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/cli/cli_command.h"
#include "app/cli/review_cli.h"
#include "app/cli/review_cli_session.h"
#include "core/store/review_study_repository.h"
#include "core/store/review_queue.h"
#include "core/store/reviewer_queue.h"
#include "core/store/workspace.h"

namespace medlora::cli {
namespace {

enum class Step { kValue, kSkip, kQuit };

// One trimmed input line after `prompt`; std::nullopt at the end of input.
std::optional<std::string> ask(const std::string& prompt) {
  std::fputs(prompt.c_str(), stdout);
  std::fflush(stdout);
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::fputs("\n", stdout);
    return std::nullopt;
  }
  return QString::fromStdString(line).trimmed().toStdString();
}

// Asks until the answer is an integer in [low, high] (or Enter with a `current` value), "s" or "q".
Step ask_number(const std::string& label, int low, int high, std::optional<int>& value, bool allow_skip) {
  const std::string range = std::to_string(low) + "-" + std::to_string(high);
  for (;;) {
    std::string prompt = label + " (" + range + (allow_skip ? ", s skip" : "") + ", q quit)";
    if (value) prompt += " [" + std::to_string(*value) + "]";
    const auto line = ask(prompt + ": ");
    if (!line || *line == "q") return Step::kQuit;
    if (allow_skip && *line == "s") return Step::kSkip;
    if (line->empty() && value) return Step::kValue;
    bool ok = false;
    const int number = QString::fromStdString(*line).toInt(&ok);
    if (ok && number >= low && number <= high) {
      value = number;
      return Step::kValue;
    }
    std::printf("  please type a number %s%s or q\n", range.c_str(), allow_skip ? ", s" : "");
  }
}

// y/n for the harmful flag; Enter keeps `harmful`.
Step ask_harmful(bool& harmful) {
  for (;;) {
    const auto line = ask(std::string("harmful? (y/n, q quit) [") + (harmful ? "y" : "n") + "]: ");
    if (!line || *line == "q") return Step::kQuit;
    if (line->empty()) return Step::kValue;
    if (*line == "y" || *line == "Y" || *line == "yes") return harmful = true, Step::kValue;
    if (*line == "n" || *line == "N" || *line == "no") return harmful = false, Step::kValue;
    std::printf("  please type y or n\n");
  }
}

// Collects one answer's scores into `entry` (pre-filled from a draft). Returns how it ended.
Step score_one(store::ScoreEntry& entry) {
  for (size_t axis = 0; axis < store::kReviewAxes.size(); ++axis) {
    const Step step = ask_number(store::kReviewAxes[axis], 1, 5, entry.axis(axis), true);
    if (step != Step::kValue) return step;
  }
  if (const Step step = ask_harmful(entry.harmful); step != Step::kValue) return step;
  if (entry.harmful) {
    std::optional<int> severity;
    if (entry.severity > 0) severity = entry.severity;
    const Step step = ask_number("severity: 1 minor, 2 moderate, 3 severe", 1, 3, severity, false);
    if (severity) entry.severity = *severity;
    if (step != Step::kValue) return step;
  } else {
    entry.severity = 0;
  }
  const auto comment = ask(entry.comment.empty() ? "comment (Enter for none): "
                                                 : "comment (Enter keeps \"" + entry.comment + "\"): ");
  if (!comment) return Step::kQuit;
  if (!comment->empty()) entry.comment = *comment;
  return Step::kValue;
}

int64_t choose_study(const QCommandLineParser& parser, store::Workspace& workspace, const store::ReviewerAccount& me) {
  if (parser.isSet("study")) return store::resolve_study(workspace, parser.value("study").toStdString());
  std::vector<store::ReviewerStudy> open;
  for (const auto& study : store::ReviewerQueue::studies_of(workspace, me))
    if (study.open) open.push_back(study);
  if (open.size() == 1) return open.front().id;
  if (open.empty()) throw std::invalid_argument("you have no open study to score");
  std::string names;
  for (const auto& study : open) names += (names.empty() ? "" : ", ") + study.name;
  throw std::invalid_argument("you are in several open studies (" + names + "): choose one with --study");
}

void print_item(const store::ScreenItem& item) {
  std::printf("\n[%d/%d] Question:\n%s\n\nAnswer:\n%s\n\n", item.position, item.total, item.question.c_str(),
              item.answer.c_str());
  if (item.draft) std::printf("(your draft is filled in: Enter keeps a value)\n");
}

}  // namespace

int score_in_terminal(store::ReviewQueue& queue) {
  if (!queue.study_open()) throw std::runtime_error("this study is closed");
  if (queue.queue().empty()) throw std::invalid_argument("you have no answers to score in this study");
  while (const auto next = queue.next_unscored()) {
    const auto item = queue.load(*next);
    print_item(*item);
    store::ScoreEntry entry = item->draft.value_or(store::ScoreEntry{});
    const Step step = score_one(entry);
    if (step == Step::kQuit) {
      if (entry != store::ScoreEntry{} && entry != item->draft) queue.save_draft(*next, entry);
      const auto progress = queue.progress();
      std::printf("stopped: %d of %d done%s\n", progress.done(), progress.total,
                  entry != store::ScoreEntry{} ? "; your draft is saved" : "");
      return 0;
    }
    if (step == Step::kSkip) {
      std::optional<std::string> reason;
      do reason = ask("reason for skipping (q quit): ");
      while (reason && reason->empty());
      if (!reason || *reason == "q") {
        std::printf("stopped: %d of %d done\n", queue.progress().done(), queue.progress().total);
        return 0;
      }
      queue.skip(*next, *reason);
      std::printf("skipped\n");
      continue;
    }
    // score_one() only accepts values submit() accepts; 0: a server queue keeps it to send later.
    const bool sent = queue.submit(*next, entry) != 0;
    const auto progress = queue.progress();
    std::printf("%s (%d of %d done)\n", sent ? "submitted" : "saved offline, will be sent", progress.done(),
                progress.total);
  }
  const auto progress = queue.progress();
  std::printf("nothing left to score: %d submitted, %d skipped of %d\n", progress.submitted, progress.skipped,
              progress.total);
  return 0;
}

int run_review_score(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Score your review queue in the terminal, one answer at a time. Sign in with --as NAME and\n"
      "$MEDLORA_REVIEW_PASSWORD (or a prompt). For each answer type four scores 1-5 (accuracy, safety,\n"
      "completeness, readability), harmful y/n (and a severity 1-3), then a comment. \"s\" skips the\n"
      "answer (you are asked why), \"q\" quits: what you typed is kept as a draft for next time.\n"
      "Works from a pipe too: one input per line.");
  review::add_session_options(parser, "Your account; its password comes from $MEDLORA_REVIEW_PASSWORD or a prompt.");
  parser.addOption({"study", "Study id or name (default: your only open study).", "ID|NAME"});
  if (const auto done = parse_arguments(parser, args, "review score")) return *done;
  return review::guarded("score", [&] {
    auto workspace = review::open_workspace(parser, false);
    const auto me = review::sign_in(parser, *workspace, review::kReviewPasswordVariable);
    store::ReviewerQueue queue(*workspace, me, choose_study(parser, *workspace, me));
    return score_in_terminal(queue);
  });
}

}  // namespace medlora::cli
