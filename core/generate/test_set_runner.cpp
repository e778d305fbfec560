#include "core/generate/test_set_runner.h"

#include <set>
#include <stdexcept>

#include "core/chat/safety_filter.h"

namespace medlora::generate {

std::vector<std::string> TestSetRunner::assign_items(const std::vector<store::TestQuestion>& questions) {
  std::set<std::string> taken;
  for (const auto& question : questions)
    if (!question.item.empty() && !taken.insert(question.item).second)
      throw std::invalid_argument("the test set has two questions with item '" + question.item + "'");
  std::vector<std::string> items;
  size_t next_number = 1;
  for (const auto& question : questions) {
    std::string item = question.item;
    while (item.empty()) {
      const std::string candidate = "q" + std::to_string(next_number++);
      if (!taken.count(candidate)) item = candidate;
    }
    items.push_back(std::move(item));
  }
  return items;
}

TestSetSummary TestSetRunner::run(const std::vector<store::TestQuestion>& questions,
                                  const std::vector<ModelConfiguration>& configurations, const ChatRequest& settings,
                                  const TestAnswerSink& sink, const AnswerAlreadyDone& already_done,
                                  const TestSetProgress& progress, const std::atomic<bool>* cancel) {
  if (questions.empty()) throw std::invalid_argument("the test set has no questions");
  if (configurations.empty()) throw std::invalid_argument("the test set needs at least one configuration");
  for (size_t q = 0; q < questions.size(); ++q)
    if (questions[q].question.empty())
      throw std::invalid_argument("question " + std::to_string(q + 1) + " of the test set is empty");
  const auto items = assign_items(questions);
  std::set<std::string> labels;
  for (const auto& configuration : configurations)
    if (!labels.insert(configuration.label).second)
      throw std::invalid_argument("two configurations are labelled '" + configuration.label + "'; labels must differ");

  TestSetSummary summary;
  summary.total = questions.size() * configurations.size();
  size_t done = 0;
  if (already_done)
    for (size_t q = 0; q < questions.size(); ++q)
      for (size_t c = 0; c < configurations.size(); ++c)
        if (already_done(q, c)) ++summary.skipped;
  done = summary.skipped;
  if (progress) progress(done, summary.total);

  for (size_t q = 0; q < questions.size(); ++q) {
    ChatRequest request = settings;
    request.history.clear();
    request.question = questions[q].question;
    if (!request.sampling.seed)  // one seed per question, shared by the configurations
      request.sampling.seed = draw_seed();
    for (size_t c = 0; c < configurations.size(); ++c) {
      if (already_done && already_done(q, c)) continue;
      if (cancel && cancel->load()) {
        summary.cancelled = true;
        return summary;
      }
      TestSetAnswer answer;
      answer.question_index = q;
      answer.configuration_index = c;
      answer.item = items[q];
      answer.question = questions[q].question;
      answer.reference = questions[q].reference;
      answer.system = configurations[c].label;
      try {
        auto prepared = pool_.prepare(configurations[c], request);
        answer.reply = prepared.engine->answer(prepared.request, {}, cancel);
        answer.status = answer.reply.finish_reason == "cancelled" ? "stopped" : "done";
      } catch (const std::exception& e) {
        answer.status = "error";
        answer.error = e.what();
        answer.reply.seed = *request.sampling.seed;
      }
      if (answer.status == "done") ++summary.answered;
      if (answer.status == "error") ++summary.failed;
      if (sink) sink(answer);
      if (answer.status == "stopped") {
        summary.cancelled = true;
        return summary;
      }
      ++done;
      if (progress) progress(done, summary.total);
    }
  }
  return summary;
}

store::TestAnswerInput to_test_answer_input(const TestSetAnswer& answer) {
  store::TestAnswerInput input;
  input.answer = answer.reply.text;
  input.finish_reason = answer.reply.finish_reason;
  input.tokens_per_second = answer.reply.tokens_per_second;
  input.safety_flags_json = chat::safety_flags_to_json(answer.reply.safety ? answer.reply.safety->flags
                                                                           : std::vector<chat::SafetyFlag>{});
  input.status = answer.status;
  input.error = answer.error;
  return input;
}

}  // namespace medlora::generate
