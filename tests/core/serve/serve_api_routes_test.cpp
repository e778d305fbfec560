// ServeApi without HTTP: GET /v1/models/{id} (OpenAI's models.retrieve), the x-request-id header
// on every reply, and OpenAI's 400 context_length_exceeded for a max_tokens past the context.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "core/generate/chat_engine.h"
#include "core/model/llama_model.h"
#include "core/serve/serve_api.h"
#include "core/store/serve_keys.h"
#include "core/store/workspace.h"
#include "core/tokenizer/tokenizer.h"
#include "tests/core/generate/chat_test_models.h"

namespace medlora::serve {
namespace {

using nlohmann::json;

std::string header(const HttpReply& reply, const std::string& name) {
  for (const auto& [key, value] : reply.headers)
    if (key == name) return value;
  return "";
}

// The server of `medlora serve` on the tiny chat model (256 positions), one API key.
class ServeApiRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.isValid());
    const std::string path = dir_.filePath("w.mlw").toStdString();
    {
      store::Workspace ws(path);
      bearer_ = "Bearer " + store::ServeKeyRepository(ws).create("tests", 0, 0).secret;
    }
    engine_ = std::make_unique<generate::ChatEngine>(generate::test::chat_models().base, runtime::ComputeOptions{});
    scheduler_ = std::make_unique<Scheduler>(*engine_, SchedulerOptions{});
    scheduler_->start();
    ApiOptions options;
    options.keys_workspace = path;
    options.cache_entries = 0;
    auto defaults = generate::test::greedy_params(5000);  // a server default beyond the context
    for (int64_t id : engine_->tokenizer()->eos_ids()) defaults.logit_bias.emplace_back(id, -100.0);
    api_ = std::make_unique<ServeApi>(options, *scheduler_, ServedModels{"tiny-base", {}, false}, defaults, nullptr,
                                      nullptr);
  }
  void TearDown() override {
    if (scheduler_) scheduler_->stop();
  }

  HttpReply get(const std::string& path, bool authorized = true) {
    return api_->handle({"GET", path, "", authorized ? bearer_ : ""});
  }
  HttpReply post(const std::string& path, const json& body) { return api_->handle({"POST", path, body.dump(), bearer_}); }

  QTemporaryDir dir_;
  std::string bearer_;
  std::unique_ptr<generate::ChatEngine> engine_;
  std::unique_ptr<Scheduler> scheduler_;
  std::unique_ptr<ServeApi> api_;
};

TEST_F(ServeApiRoutes, RetrieveAModelByIdOr404ModelNotFound) {
  const auto found = get("/v1/models/tiny-base");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto model = json::parse(found.body);
  EXPECT_EQ(model["id"], "tiny-base");
  EXPECT_EQ(model["object"], "model");
  EXPECT_EQ(model["owned_by"], "medlora");
  EXPECT_EQ(model["created"], json::parse(get("/v1/models").body)["data"][0]["created"]);

  const auto missing = get("/v1/models/no-such-model");
  EXPECT_EQ(missing.status, 404);
  const auto error = json::parse(missing.body)["error"];
  EXPECT_EQ(error["code"], "model_not_found");
  EXPECT_EQ(error["type"], "invalid_request_error");
  EXPECT_NE(error["message"].get<std::string>().find("no-such-model"), std::string::npos);

  EXPECT_EQ(get("/v1/models/tiny-base", /*authorized=*/false).status, 401);
  EXPECT_EQ(get("/v1/models/").status, 404);  // no id: an unknown URL
}

TEST_F(ServeApiRoutes, EveryReplyHasItsOwnRequestId) {
  const std::regex shape("req_[0-9a-f]{32}");
  std::set<std::string> seen;
  auto check = [&](const HttpReply& reply, const char* what) {
    const std::string id = header(reply, "x-request-id");
    EXPECT_TRUE(std::regex_match(id, shape)) << what << ": '" << id << "'";
    EXPECT_TRUE(seen.insert(id).second) << what << ": id " << id << " was given before";
  };
  check(get("/v1/models"), "models");
  check(get("/v1/models"), "models again");
  check(get("/v1/models/nope"), "404 model");
  check(get("/nowhere"), "unknown URL");
  check(get("/v1/models", false), "401");
  check(get("/health"), "health");
  const json messages = {{{"role", "user"}, {"content", "fever"}}};
  check(post("/v1/chat/completions", {{"model", "tiny-base"}, {"messages", messages}, {"max_tokens", 2}}), "chat");
  auto streamed = post("/v1/chat/completions", {{"model", "tiny-base"}, {"messages", messages}, {"max_tokens", 2}, {"stream", true}});
  ASSERT_TRUE(streamed.stream);
  check(streamed, "streamed chat");
  std::string body;
  streamed.stream([&](const std::string& piece) { return body += piece, true; });
  EXPECT_NE(body.find("[DONE]"), std::string::npos);
}

TEST_F(ServeApiRoutes, MaxTokensPastTheContextIs400ContextLengthExceeded) {
  const auto reply = post("/v1/completions", {{"model", "tiny-base"}, {"prompt", "fever and cough"}, {"max_tokens", 300}});
  ASSERT_EQ(reply.status, 400) << reply.body;
  const auto error = json::parse(reply.body)["error"];
  EXPECT_EQ(error["code"], "context_length_exceeded");
  EXPECT_EQ(error["type"], "invalid_request_error");
  EXPECT_EQ(error["param"], "prompt");
  const int64_t prompt_tokens =
      static_cast<int64_t>(engine_->tokenizer()->encode("fever and cough", /*add_special_tokens=*/true).size());
  const std::string message = error["message"];
  EXPECT_NE(message.find("maximum context length is 256 tokens"), std::string::npos) << message;
  EXPECT_NE(message.find("you requested " + std::to_string(prompt_tokens + 300) + " tokens"), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(prompt_tokens) + " in the prompt, 300 in the completion"), std::string::npos)
      << message;

  // Streamed, the refusal is the same HTTP error, before any event.
  const auto streamed = post("/v1/completions", {{"model", "tiny-base"}, {"prompt", "fever and cough"}, {"max_tokens", 300}, {"stream", true}});
  EXPECT_EQ(streamed.status, 400);
  EXPECT_FALSE(streamed.stream);
  EXPECT_EQ(json::parse(streamed.body)["error"]["code"], "context_length_exceeded");

  // What fits exactly is answered.
  const auto fits = post("/v1/completions", {{"model", "tiny-base"}, {"prompt", "fever and cough"}, {"max_tokens", 256 - prompt_tokens}});
  ASSERT_EQ(fits.status, 200) << fits.body;
  EXPECT_EQ(json::parse(fits.body)["usage"]["total_tokens"], 256);

  // The chat endpoint names its messages.
  const json messages = {{{"role", "user"}, {"content", "fever"}}};
  const auto chat = post("/v1/chat/completions", {{"model", "tiny-base"}, {"messages", messages}, {"max_completion_tokens", 1000}});
  ASSERT_EQ(chat.status, 400) << chat.body;
  EXPECT_EQ(json::parse(chat.body)["error"]["param"], "messages");
}

TEST_F(ServeApiRoutes, TheServersDefaultMaxTokensStopsAtTheContextWithLength) {
  const auto reply = post("/v1/completions", {{"model", "tiny-base"}, {"prompt", "fever and cough"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = json::parse(reply.body);
  EXPECT_EQ(body["usage"]["total_tokens"], 256);
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
}

}  // namespace
}  // namespace medlora::serve
