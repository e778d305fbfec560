// Generation with a real (tiny, trained-at-test-time) tokenizer: streamed text, stop strings,
// the empty prompt.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/generate/generator.h"
#include "tests/core/model/tiny_llama.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"

namespace medlora::generate {
namespace {

struct Fixture {
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer;
  std::shared_ptr<model::LlamaForCausalLM> model;
};

Fixture fixture() {
  Fixture f;
  f.tokenizer = tokenizer::test::trained_tokenizer("bpe", 500);
  auto config = testing::tiny_config();
  config.vocab_size = f.tokenizer->vocab_size();
  config.eos_token_ids = {};
  f.model = testing::make_tiny_model(config, 31);
  return f;
}

SamplingParams greedy(int n) {
  SamplingParams p;
  p.temperature = 0;
  p.repetition_penalty = 1.3;  // keeps a random model from repeating one token
  p.max_new_tokens = n;
  return p;
}

struct Collected {
  std::string text;
  int calls = 0;
  TokenCallback callback() {
    return [this](const std::string& piece, int64_t) {
      text += piece;
      ++calls;
    };
  }
};

// The byte offset of UTF-8 character `index` in `text`.
size_t char_offset(const std::string& text, size_t index) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == index) return i;
      ++chars;
    }
  }
  return text.size();
}

TEST(GeneratorText, StreamedPiecesConcatenateToTheDecodedText) {
  auto f = fixture();
  Generator generator(f.model, f.tokenizer);
  Collected streamed;
  auto result = generator.generate("患者发热三天", greedy(40), streamed.callback());
  ASSERT_FALSE(result.tokens.empty());
  EXPECT_EQ(streamed.text, result.text);
  EXPECT_GE(streamed.calls, static_cast<int>(result.tokens.size()));
  if (result.finish_reason != "stop_string") EXPECT_EQ(result.text, f.tokenizer->decode(result.tokens));
  EXPECT_EQ(result.prompt_tokens, static_cast<int64_t>(f.tokenizer->encode("患者发热三天").size()));
}

TEST(GeneratorText, StopStringsCutTheTextBeforeThem) {
  auto f = fixture();
  Generator generator(f.model, f.tokenizer);
  auto free_run = generator.generate("The patient has", greedy(40));
  ASSERT_EQ(free_run.finish_reason, "max_new_tokens");
  // A stop string taken from the middle of what the model writes anyway.
  const size_t begin = char_offset(free_run.text, 6);
  const size_t end = char_offset(free_run.text, 8);
  ASSERT_LT(begin, end) << "the free run produced too little text: " << free_run.text;
  const std::string stop = free_run.text.substr(begin, end - begin);
  const size_t first = free_run.text.find(stop);

  auto params = greedy(40);
  params.stop_strings = {"never appears \x01", stop};
  Collected streamed;
  auto stopped = generator.generate("The patient has", params, streamed.callback());
  EXPECT_EQ(stopped.finish_reason, "stop_string");
  EXPECT_EQ(stopped.text, free_run.text.substr(0, first));
  EXPECT_EQ(streamed.text, stopped.text);  // nothing of the stop string leaked into the stream
  EXPECT_LT(stopped.tokens.size(), free_run.tokens.size());
}

TEST(GeneratorText, TokenizerEosStopsGeneration) {
  auto f = fixture();
  Generator generator(f.model, f.tokenizer);
  EXPECT_NE(std::find(generator.eos_ids().begin(), generator.eos_ids().end(), f.tokenizer->eos_id()),
            generator.eos_ids().end());
  // Ban every other token: the first generated token must be the tokenizer's EOS.
  auto params = greedy(10);
  for (int64_t id = 0; id < f.tokenizer->vocab_size(); ++id)
    if (id != f.tokenizer->eos_id()) params.bad_words_ids.push_back({id});
  auto result = generator.generate("test", params);
  EXPECT_EQ(result.finish_reason, "eos");
  EXPECT_TRUE(result.tokens.empty());
  EXPECT_EQ(result.text, "");
}

TEST(GeneratorText, EmptyPromptIsBosAlone) {
  auto f = fixture();
  Generator generator(f.model, f.tokenizer);
  auto result = generator.generate("", greedy(3));
  EXPECT_EQ(result.prompt_tokens, 1);
  auto by_ids = generator.generate_ids({f.tokenizer->bos_id()}, greedy(3));
  EXPECT_EQ(result.tokens, by_ids.tokens);
}

}  // namespace
}  // namespace medlora::generate
