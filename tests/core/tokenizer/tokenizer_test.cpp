#include "core/tokenizer/sentencepiece_tokenizer.h"

#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <link.h>

#include <fstream>
#include <future>
#include <set>

#include "core/tokenizer/tokenizer_error.h"
#include "tests/core/tokenizer/tokenizer_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer {
namespace {

using test::encode_with_eos;
using test::trained_tokenizer;

std::set<std::string> loaded_libraries() {
  std::set<std::string> names;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        const std::string path = info->dlpi_name != nullptr ? info->dlpi_name : "";
        static_cast<std::set<std::string>*>(data)->insert(std::filesystem::path(path).filename().string());
        return 0;
      },
      &names);
  return names;
}

bool has_library_starting_with(const std::set<std::string>& names, const std::string& prefix) {
  for (const auto& name : names) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

class TokenizerTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::shared_ptr<const SentencepieceTokenizer> tok() const { return trained_tokenizer(GetParam()); }
};

TEST(TokenizerProcess, SentencepieceWorksBesideLibtorch) {
  EXPECT_GE(at::get_num_threads(), 1);  // libtorch is live in this process
  const auto tokenizer = trained_tokenizer("bpe");
  const auto names = loaded_libraries();
  EXPECT_TRUE(has_library_starting_with(names, "libtorch_cpu.so"));
  EXPECT_TRUE(has_library_starting_with(names, "libmedlora_spm.so"));
  EXPECT_TRUE(has_library_starting_with(names, "libsentencepiece.so"));
  EXPECT_EQ(tokenizer->decode(tokenizer->encode("患者发热三天 fever")), "患者发热三天 fever");
}

TEST_P(TokenizerTest, ReportsLlamaLayout) {
  const auto t = tok();
  EXPECT_EQ(t->vocab_size(), 500);
  EXPECT_EQ(t->unk_id(), 0);
  EXPECT_EQ(t->bos_id(), 1);
  EXPECT_EQ(t->eos_id(), 2);
  EXPECT_EQ(t->pad_id(), -1);
  EXPECT_EQ(t->model_type(), GetParam());
  EXPECT_TRUE(t->byte_fallback());
  EXPECT_EQ(t->piece(0), "<unk>");
  EXPECT_EQ(t->piece(1), "<s>");
  EXPECT_EQ(t->piece(2), "</s>");
  EXPECT_EQ(t->piece(3), "<0x00>");
  EXPECT_EQ(t->byte_value(3), 0);
  EXPECT_EQ(t->byte_value(3 + 0xE4), 0xE4);
  EXPECT_EQ(t->byte_value(300), -1);
  EXPECT_EQ(t->piece_to_id("<s>"), 1);
  EXPECT_EQ(t->piece_to_id("no such piece at all"), -1);
  EXPECT_TRUE(t->is_special(0));
  EXPECT_TRUE(t->is_special(1));
  EXPECT_FALSE(t->is_special(3));
}

TEST_P(TokenizerTest, AddsBosLikeLlamaTokenizer) {
  const auto t = tok();
  EXPECT_EQ(t->encode(""), std::vector<int64_t>{1});
  EXPECT_TRUE(t->encode("", false).empty());
  EXPECT_EQ(encode_with_eos(*t, ""), (std::vector<int64_t>{1, 2}));
  const auto plain = t->encode("患者咳嗽", false);
  ASSERT_FALSE(plain.empty());
  auto with_bos = plain;
  with_bos.insert(with_bos.begin(), 1);
  EXPECT_EQ(t->encode("患者咳嗽"), with_bos);
  auto with_eos = with_bos;
  with_eos.push_back(2);
  EXPECT_EQ(encode_with_eos(*t, "患者咳嗽"), with_eos);
  // sentencepiece's dummy prefix: the first piece starts with "▁".
  EXPECT_EQ(t->piece(plain.front()).rfind("\xE2\x96\x81", 0), 0u) << t->piece(plain.front());
}

TEST_P(TokenizerTest, RoundTripsChineseEnglishMixedDigitsAndSpaces) {
  const auto t = tok();
  const std::vector<std::string> texts = {
      "患者发热3天,伴有咳嗽。",
      "The patient has had fever and cough for 12 days.",
      "孩子血压 120/80 mmHg, dizziness,服用阿司匹林 250 mg。建议尽快到医院就诊",
      "  two leading spaces, double  inside and trailing  ",
      "第一行\n第二行\tTab",
      "0123456789",
      "Unseen words: pneumothorax, 嗜铬细胞瘤!",
  };
  for (const auto& text : texts) {
    EXPECT_EQ(t->decode(t->encode(text)), text);
    EXPECT_EQ(t->decode([&] { auto v = t->encode(text, false); v.push_back(t->eos_id()); return v; }()), text);
  }
}

TEST_P(TokenizerTest, SplitsDigits) {
  const auto t = tok();
  const auto ids = t->encode("2024", false);
  std::vector<std::string> pieces;
  for (const auto id : ids) pieces.push_back(t->piece(id));
  EXPECT_EQ(pieces, (std::vector<std::string>{"\xE2\x96\x81", "2", "0", "2", "4"}));
}

TEST_P(TokenizerTest, FallsBackToBytesForUnseenCharacters) {
  const auto t = tok();
  // U+1D11E (musical G clef) and a rare CJK character are not in the corpus.
  for (const auto& [text, bytes] : std::vector<std::pair<std::string, std::vector<int>>>{
           {"\xF0\x9D\x84\x9E", {0xF0, 0x9D, 0x84, 0x9E}}, {"龘", {0xE9, 0xBE, 0x98}}}) {
    const auto ids = t->encode(text, false);
    std::vector<int> seen;
    for (const auto id : ids) {
      if (t->byte_value(id) >= 0) seen.push_back(t->byte_value(id));
    }
    EXPECT_EQ(seen, bytes) << text;
    for (const auto id : ids) EXPECT_NE(id, t->unk_id());
    EXPECT_EQ(t->decode(t->encode(text)), text);
    EXPECT_EQ(t->decode(t->encode("患者说" + text + "很疼")), "患者说" + text + "很疼");
  }
}

TEST_P(TokenizerTest, DecodeSkipsOrShowsSpecialTokens) {
  const auto t = tok();
  auto ids = encode_with_eos(*t, "Drink water. 多喝水");
  EXPECT_EQ(t->decode(ids), "Drink water. 多喝水");
  EXPECT_EQ(t->decode(ids, false), "<s>Drink water. 多喝水</s>");
  // Text after a special token keeps its leading space.
  auto two = encode_with_eos(*t, "fever");
  const auto second = t->encode(" cough", false);
  two.insert(two.end(), second.begin(), second.end());
  EXPECT_EQ(t->decode(two, false), "<s>fever</s>  cough");
  EXPECT_EQ(t->decode(two, true), "fever  cough");
  EXPECT_EQ(t->decode({0, 1, 2}, true), "");
  EXPECT_EQ(t->decode({0}, false), "<unk>");
}

TEST_P(TokenizerTest, DecodeContinuationKeepsLeadingSpace) {
  const auto t = tok();
  const auto ids = t->encode(" cough", false);
  EXPECT_EQ(t->decode(ids), " cough");  // the dummy prefix space is dropped, the typed one kept
  const auto word = t->encode("cough", false);
  EXPECT_EQ(t->decode(word), "cough");
  EXPECT_EQ(t->decode_continuation(word), " cough");
}

TEST_P(TokenizerTest, RejectsIdsOutsideTheVocabulary) {
  const auto t = tok();
  EXPECT_THROW(t->decode({5, 500}), TokenizerError);
  EXPECT_THROW(t->decode({-1}), TokenizerError);
  EXPECT_THROW(t->piece(500), TokenizerError);
  try {
    t->decode({12345});
    FAIL() << "expected an error";
  } catch (const TokenizerError& e) {
    EXPECT_NE(std::string(e.what()).find("12345"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("0..499"), std::string::npos) << e.what();
  }
}

TEST_P(TokenizerTest, EncodesConcurrently) {
  const auto t = tok();
  const auto corpus = test::medical_corpus(40, 99);
  std::vector<std::vector<int64_t>> expected;
  for (const auto& line : corpus) expected.push_back(t->encode(line));
  std::vector<std::future<bool>> workers;
  for (int w = 0; w < 4; ++w) {
    workers.push_back(std::async(std::launch::async, [&]() {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < corpus.size(); ++i) {
          if (t->encode(corpus[i]) != expected[i] || t->decode(expected[i]) != corpus[i]) return false;
        }
      }
      return true;
    }));
  }
  for (auto& worker : workers) EXPECT_TRUE(worker.get());
}

INSTANTIATE_TEST_SUITE_P(BothModelTypes, TokenizerTest, ::testing::Values("bpe", "unigram"));

TEST(TokenizerLoad, LoadsFileOrFolder) {
  const auto reference = trained_tokenizer("bpe");
  const std::filesystem::path file = reference->origin();
  ASSERT_EQ(file.filename(), "tokenizer.model");
  const auto from_file = Tokenizer::load(file);
  const auto from_folder = Tokenizer::load(file.parent_path());
  EXPECT_EQ(from_file->encode("头痛 headache"), reference->encode("头痛 headache"));
  EXPECT_EQ(from_folder->encode("头痛 headache"), reference->encode("头痛 headache"));
}

void expect_load_error(const std::filesystem::path& path, const std::string& needle) {
  try {
    Tokenizer::load(path);
    FAIL() << "expected an error loading " << path;
  } catch (const TokenizerError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find(needle), std::string::npos) << message;
  }
}

TEST(TokenizerLoad, ExplainsBadPaths) {
  medlora::testing::TempDir dir;
  expect_load_error(dir / "missing.model", "does not exist");
  expect_load_error(dir.path(), "has no tokenizer: it needs the tokenizer.json");
  {
    std::ofstream(dir / "garbage.model") << "this is not a sentencepiece model\n";
  }
  expect_load_error(dir / "garbage.model", "not a valid sentencepiece tokenizer.model");
  {
    std::ofstream empty(dir / "empty.model");
  }
  expect_load_error(dir / "empty.model", "is empty");
}

}  // namespace
}  // namespace medlora::tokenizer
