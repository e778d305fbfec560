// OpenAI request bodies in, OpenAI response bodies out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/serve/openai_request.h"
#include "core/serve/openai_response.h"

namespace medlora::serve {
namespace {

using nlohmann::json;

const ServedModels kModels{"tiny-base", {"chronic", "emergency"}, true};

ServeRequest chat(const json& body) {
  return parse_request(Endpoint::ChatCompletions, body.dump(), kModels, generate::SamplingParams{});
}

int status_of(const json& body, Endpoint endpoint = Endpoint::ChatCompletions) {
  try {
    parse_request(endpoint, body.dump(), kModels, generate::SamplingParams{});
  } catch (const ApiError& e) {
    return e.status;
  }
  return 200;
}

TEST(OpenAiRequest, MessagesBecomeInstructionHistoryAndQuestion) {
  const auto request = chat({{"model", "chronic"},
                             {"messages",
                              {{{"role", "system"}, {"content", "be brief"}},
                               {{"role", "user"}, {"content", "q1"}},
                               {{"role", "assistant"}, {"content", "a1"}},
                               {{"role", "user"}, {"content", json::array({{{"type", "text"}, {"text", "q"}}, {{"type", "text"}, {"text", "2"}}})}}}},
                             {"temperature", 0},
                             {"max_tokens", 7},
                             {"stop", "END"},
                             {"logit_bias", {{"12", -100}, {"3", 2.5}}},
                             {"medlora", {{"ground", true}, {"top_k", 5}}}});
  EXPECT_EQ(request.chat.instruction, "be brief");
  ASSERT_EQ(request.chat.history.size(), 1u);
  EXPECT_EQ(request.chat.history[0].question, "q1");
  EXPECT_EQ(request.chat.history[0].answer, "a1");
  EXPECT_EQ(request.chat.question, "q2");
  EXPECT_EQ(request.chat.adapter, "chronic");
  EXPECT_FALSE(request.route);
  EXPECT_TRUE(request.chat.sampling.greedy());
  EXPECT_EQ(request.chat.sampling.max_new_tokens, 7);
  EXPECT_EQ(request.chat.sampling.stop_strings, std::vector<std::string>{"END"});
  EXPECT_EQ(request.chat.sampling.top_k, 5);
  EXPECT_EQ(request.chat.sampling.logit_bias, (std::vector<std::pair<int64_t, double>>{{12, -100}, {3, 2.5}}));
  EXPECT_TRUE(request.ground);
  EXPECT_FALSE(request.stream);
  EXPECT_FALSE(request.cache_key.empty());
}

TEST(OpenAiRequest, ModelNamesTheBaseAnAdapterOrRoute) {
  const json messages = {{{"role", "user"}, {"content", "hi"}}};
  EXPECT_EQ(chat({{"model", "tiny-base"}, {"messages", messages}}).chat.adapter, "");
  EXPECT_TRUE(chat({{"model", "route"}, {"messages", messages}}).route);
  EXPECT_EQ(status_of({{"model", "gpt-4"}, {"messages", messages}}), 404);
  const ServedModels no_rules{"tiny-base", {}, false};
  EXPECT_THROW(parse_request(Endpoint::ChatCompletions, json{{"model", "route"}, {"messages", messages}}.dump(), no_rules, {}),
               ApiError);
}

TEST(OpenAiRequest, BadBodiesAre400) {
  const json messages = {{{"role", "user"}, {"content", "hi"}}};
  EXPECT_EQ(status_of(json::array()), 400);
  EXPECT_EQ(status_of({{"messages", messages}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", json::array()}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", {{{"role", "assistant"}, {"content", "x"}}}}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", messages}, {"n", 2}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", messages}, {"temperature", 3}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", messages}, {"presence_penalty", 0.5}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", messages}, {"medlora", {{"grond", true}}}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", messages}, {"logit_bias", {{"x1", 2}}}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"messages", messages}, {"logit_bias", {{"12", -101}}}}), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}}, Endpoint::Completions), 400);
  EXPECT_EQ(status_of({{"model", "tiny-base"}, {"prompt", "x"}}, Endpoint::Completions), 200);
}

// What the server cannot return is refused, never dropped: a client asking for log-probabilities
// or an echoed prompt would otherwise get a reply without them and no error.
TEST(OpenAiRequest, OutputsTheServerCannotGiveAre400NamingTheParameter) {
  const json messages = {{{"role", "user"}, {"content", "hi"}}};
  const auto param_of = [](const json& body, Endpoint endpoint) -> std::string {
    try {
      parse_request(endpoint, body.dump(), kModels, generate::SamplingParams{});
    } catch (const ApiError& e) {
      return std::to_string(e.status) + " " + e.param;
    }
    return "200";
  };
  const json chat_body = {{"model", "tiny-base"}, {"messages", messages}};
  const auto chat_with = [&](const char* name, const json& value) {
    json body = chat_body;
    body[name] = value;
    return param_of(body, Endpoint::ChatCompletions);
  };
  EXPECT_EQ(chat_with("logprobs", true), "400 logprobs");
  EXPECT_EQ(chat_with("top_logprobs", 2), "400 top_logprobs");
  EXPECT_EQ(chat_with("logprobs", false), "200");
  EXPECT_EQ(chat_with("top_logprobs", 0), "200");
  EXPECT_EQ(chat_with("logprobs", nullptr), "200");

  const json text_body = {{"model", "tiny-base"}, {"prompt", "x"}};
  const auto text_with = [&](const char* name, const json& value) {
    json body = text_body;
    body[name] = value;
    return param_of(body, Endpoint::Completions);
  };
  EXPECT_EQ(text_with("logprobs", 0), "400 logprobs");  // OpenAI returns the sampled token's log-probability for 0
  EXPECT_EQ(text_with("logprobs", nullptr), "200");
  EXPECT_EQ(text_with("echo", true), "400 echo");
  EXPECT_EQ(text_with("echo", false), "200");
  EXPECT_EQ(text_with("best_of", 3), "400 best_of");
  EXPECT_EQ(text_with("best_of", 1), "200");
  EXPECT_EQ(text_with("suffix", "END"), "400 suffix");
  EXPECT_EQ(text_with("suffix", ""), "200");
}

TEST(OpenAiRequest, OnlyDeterministicRequestsHaveACacheKeyAndStreamingSharesIt) {
  const json messages = {{{"role", "user"}, {"content", "hi"}}};
  const auto greedy = chat({{"model", "tiny-base"}, {"messages", messages}, {"temperature", 0}});
  const auto streamed = chat({{"model", "tiny-base"}, {"messages", messages}, {"temperature", 0}, {"stream", true}});
  EXPECT_TRUE(streamed.stream);
  EXPECT_EQ(greedy.cache_key, streamed.cache_key);
  EXPECT_FALSE(chat({{"model", "tiny-base"}, {"messages", messages}, {"seed", 3}}).cache_key.empty());
  EXPECT_TRUE(chat({{"model", "tiny-base"}, {"messages", messages}}).cache_key.empty()) << "sampled, no seed";
  EXPECT_NE(chat({{"model", "chronic"}, {"messages", messages}, {"temperature", 0}}).cache_key, greedy.cache_key);
}

TEST(OpenAiResponse, ChatCompletionAndChunksHaveOpenAisShape) {
  ResponseHead head{"chatcmpl-1", 1700000000, "tiny-base"};
  CompletionOutcome outcome;
  outcome.text = "多喝水";
  outcome.finish_reason = "stop";
  outcome.prompt_tokens = 4;
  outcome.completion_tokens = 3;
  outcome.medlora = {{"adapter", "base"}};
  const auto body = json::parse(completion_body(Endpoint::ChatCompletions, head, outcome));
  EXPECT_EQ(body["object"], "chat.completion");
  EXPECT_EQ(body["choices"][0]["message"]["role"], "assistant");
  EXPECT_EQ(body["choices"][0]["message"]["content"], "多喝水");
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(body["usage"]["total_tokens"], 7);
  EXPECT_EQ(body["medlora"]["adapter"], "base");

  const auto first = json::parse(chunk_body(Endpoint::ChatCompletions, head, {"assistant", "", std::nullopt, std::nullopt}));
  EXPECT_EQ(first["object"], "chat.completion.chunk");
  EXPECT_EQ(first["choices"][0]["delta"], json({{"role", "assistant"}, {"content", ""}}));
  EXPECT_TRUE(first["choices"][0]["finish_reason"].is_null());
  const auto last = json::parse(chunk_body(Endpoint::ChatCompletions, head, {std::nullopt, std::nullopt, "length", std::nullopt}));
  EXPECT_EQ(last["choices"][0]["delta"], json::object());
  EXPECT_EQ(last["choices"][0]["finish_reason"], "length");
  const auto usage = json::parse(usage_chunk_body(Endpoint::ChatCompletions, head, 4, 3));
  EXPECT_TRUE(usage["choices"].empty());
  EXPECT_EQ(usage["usage"]["completion_tokens"], 3);

  const auto text = json::parse(completion_body(Endpoint::Completions, head, outcome));
  EXPECT_EQ(text["object"], "text_completion");
  EXPECT_EQ(text["choices"][0]["text"], "多喝水");
}

TEST(OpenAiResponse, ServerSentEventsAndErrors) {
  EXPECT_EQ(sse_event("{}"), "data: {}\n\n");
  EXPECT_EQ(sse_done(), "data: [DONE]\n\n");
  const auto error = json::parse(error_body(ApiError(401, "invalid_request_error", "invalid_api_key", "no key")));
  EXPECT_EQ(error["error"]["message"], "no key");
  EXPECT_EQ(error["error"]["code"], "invalid_api_key");
  EXPECT_TRUE(error["error"]["param"].is_null());
  const auto models = json::parse(models_body(kModels, 5));
  EXPECT_EQ(models["data"].size(), 4u);
  EXPECT_EQ(models["data"][3]["id"], "route");
  EXPECT_EQ(openai_finish_reason("max_new_tokens"), "length");
  EXPECT_EQ(openai_finish_reason("eos"), "stop");
}

}  // namespace
}  // namespace medlora::serve
