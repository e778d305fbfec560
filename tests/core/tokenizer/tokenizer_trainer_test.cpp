#include "core/tokenizer/tokenizer_trainer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/tokenizer/tokenizer.h"
#include "core/tokenizer/tokenizer_error.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer {
namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

QJsonObject read_json(const std::filesystem::path& path) {
  QFile file(QString::fromStdString(path.string()));
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path;
  QJsonParseError error{};
  const auto document = QJsonDocument::fromJson(file.readAll(), &error);
  EXPECT_EQ(error.error, QJsonParseError::NoError) << path << ": " << error.errorString().toStdString();
  return document.object();
}

class TokenizerTrainerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Two inputs, one with a space and a comma in its name (sentencepiece's own --input
    // flag would split it).
    auto corpus = test::medical_corpus(240, 11);
    const std::vector<std::string> first(corpus.begin(), corpus.begin() + 120);
    const std::vector<std::string> second(corpus.begin() + 120, corpus.end());
    test::write_lines(dir_ / "part one.txt", first);
    test::write_lines(dir_ / "part,two.txt", second);
    options_.input_files = {dir_ / "part one.txt", dir_ / "part,two.txt"};
    options_.vocab_size = 500;
  }

  std::string train_to(const std::string& name) {
    options_.output_dir = dir_ / name;
    train_tokenizer(options_);
    return read_bytes(options_.output_dir / "tokenizer.model");
  }

  medlora::testing::TempDir dir_;
  TokenizerTrainOptions options_;
};

TEST_F(TokenizerTrainerTest, WritesAFolderLlamaTokenizerLoads) {
  train_to("out");
  const auto folder = dir_ / "out";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"special_tokens_map.json", "tokenizer.model", "tokenizer_config.json"}));

  const auto config = read_json(folder / "tokenizer_config.json");
  EXPECT_EQ(config["tokenizer_class"].toString(), "LlamaTokenizer");
  EXPECT_EQ(config["bos_token"].toString(), "<s>");
  EXPECT_EQ(config["eos_token"].toString(), "</s>");
  EXPECT_EQ(config["unk_token"].toString(), "<unk>");
  EXPECT_TRUE(config["pad_token"].isNull());
  EXPECT_TRUE(config["add_bos_token"].toBool());
  EXPECT_FALSE(config["add_eos_token"].toBool());
  const auto special = read_json(folder / "special_tokens_map.json");
  EXPECT_EQ(special["bos_token"].toString(), "<s>");
  EXPECT_EQ(special["eos_token"].toString(), "</s>");
  EXPECT_EQ(special["unk_token"].toString(), "<unk>");
  EXPECT_FALSE(special.contains("pad_token"));

  const auto tokenizer = Tokenizer::load(folder);
  EXPECT_EQ(tokenizer->vocab_size(), 500);
  EXPECT_EQ(tokenizer->piece(tokenizer->unk_id()), "<unk>");
  EXPECT_EQ(tokenizer->piece(tokenizer->bos_id()), "<s>");
  EXPECT_EQ(tokenizer->piece(tokenizer->eos_id()), "</s>");
  EXPECT_EQ(tokenizer->pad_id(), -1);
  EXPECT_EQ(tokenizer->model_type(), "bpe");
  EXPECT_TRUE(tokenizer->byte_fallback());
  // Both input files were used: words only in the second half are known pieces.
  const std::string text = "患者 血压 mmHg";
  EXPECT_EQ(tokenizer->decode(tokenizer->encode(text)), text);
}

TEST_F(TokenizerTrainerTest, IsDeterministic) {
  for (const std::string type : {"bpe", "unigram"}) {
    options_.model_type = type;
    const auto first = train_to(type + "-a");
    const auto second = train_to(type + "-b");
    ASSERT_GT(first.size(), 1000u);
    EXPECT_TRUE(first == second) << type << " training gave different models";
  }
}

TEST_F(TokenizerTrainerTest, UnigramWithoutByteFallback) {
  options_.model_type = "unigram";
  options_.byte_fallback = false;
  options_.vocab_size = 200;
  train_to("unigram-no-bytes");
  const auto tokenizer = Tokenizer::load(dir_ / "unigram-no-bytes");
  EXPECT_EQ(tokenizer->model_type(), "unigram");
  EXPECT_FALSE(tokenizer->byte_fallback());
  const auto ids = tokenizer->encode("龘", false);
  EXPECT_NE(std::find(ids.begin(), ids.end(), tokenizer->unk_id()), ids.end());
}

std::string expect_training_error(const TokenizerTrainOptions& options, const std::string& needle) {
  try {
    train_tokenizer(options);
  } catch (const TokenizerError& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected a training error containing " << needle;
  return {};
}

TEST_F(TokenizerTrainerTest, ExplainsAVocabularyTooLargeForTheCorpus) {
  options_.output_dir = dir_ / "too-large";
  options_.vocab_size = 50000;
  for (const std::string type : {"bpe", "unigram"}) {
    options_.model_type = type;
    const auto message = expect_training_error(options_, "Please set it to a value <=");
    EXPECT_EQ(message.find("./src/"), std::string::npos) << message;  // no sentencepiece internals
  }
  EXPECT_FALSE(std::filesystem::exists(options_.output_dir / "tokenizer.model"));
}

TEST_F(TokenizerTrainerTest, ExplainsBadOptions) {
  options_.output_dir = dir_ / "bad";
  auto missing = options_;
  missing.input_files.push_back(dir_ / "nowhere.txt");
  expect_training_error(missing, (dir_ / "nowhere.txt").string());
  auto none = options_;
  none.input_files.clear();
  expect_training_error(none, "at least one input");
  auto empty = options_;
  test::write_lines(dir_ / "empty.txt", {});
  empty.input_files = {dir_ / "empty.txt"};
  expect_training_error(empty, "empty");
  auto type = options_;
  type.model_type = "wordpiece";
  expect_training_error(type, "\"bpe\" or \"unigram\"");
  auto small = options_;
  small.vocab_size = 100;
  expect_training_error(small, "at least 300");
  auto coverage = options_;
  coverage.character_coverage = 1.5;
  expect_training_error(coverage, "character coverage");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "bad"));
}

TEST_F(TokenizerTrainerTest, ReplacesAnExistingModelWithoutLeavingTemporaries) {
  std::filesystem::create_directories(dir_ / "again");
  std::ofstream(dir_ / "again" / "tokenizer.model") << "old";
  const auto model = train_to("again");
  EXPECT_NE(model, "old");
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "again")) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace medlora::tokenizer
