#pragma once
// Test fixtures for the tokenizer area: a small Chinese + English medical corpus made in
// code, and BPE / unigram tokenizers trained on it once per test process.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/tokenizer/sentencepiece_tokenizer.h"
#include "core/tokenizer/tokenizer_trainer.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer::test {

// A tiny deterministic generator (the standard distributions differ between libraries).
class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed * 6364136223846793005ull + 1442695040888963407ull) {}
  uint32_t next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state_ >> 33);
  }
  size_t below(size_t n) { return next() % n; }
  template <typename T>
  const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

 private:
  uint64_t state_;
};

inline std::vector<std::string> medical_corpus(int lines = 360, uint64_t seed = 7) {
  const std::vector<std::string> symptoms_zh = {"发热", "咳嗽", "头痛", "胸闷", "心悸", "腹痛", "恶心", "呕吐",
                                                "乏力", "失眠", "头晕", "关节疼痛", "皮疹", "气短", "腹泻"};
  const std::vector<std::string> advice_zh = {"建议尽快到医院就诊", "多喝水,注意休息", "按时服用降压药物",
                                              "监测血糖和血压", "完善血常规检查", "避免辛辣刺激食物",
                                              "如症状加重请及时复诊", "遵医嘱服用抗生素"};
  const std::vector<std::string> people_zh = {"患者", "孩子", "老人", "孕妇", "我"};
  const std::vector<std::string> symptoms_en = {"fever", "cough", "headache", "chest pain", "palpitations",
                                                "nausea", "fatigue", "insomnia", "dizziness", "rash"};
  const std::vector<std::string> advice_en = {"Please see a doctor as soon as possible.",
                                              "Drink plenty of water and rest.",
                                              "Take your blood pressure medicine every day.",
                                              "Check your blood sugar and blood pressure.",
                                              "A complete blood count is recommended."};
  Lcg random(seed);
  std::vector<std::string> corpus;
  for (int i = 0; i < lines; ++i) {
    const int days = static_cast<int>(random.below(30)) + 1;
    const int dose = static_cast<int>(random.below(900)) + 10;
    switch (i % 3) {
      case 0:
        corpus.push_back(random.pick(people_zh) + random.pick(symptoms_zh) + std::to_string(days) + "天,伴有" +
                         random.pick(symptoms_zh) + "。医生建议:" + random.pick(advice_zh) + "。");
        break;
      case 1:
        corpus.push_back("The patient has had " + random.pick(symptoms_en) + " and " + random.pick(symptoms_en) +
                         " for " + std::to_string(days) + " days. " + random.pick(advice_en));
        break;
      default:
        corpus.push_back(random.pick(people_zh) + "血压 " + std::to_string(dose / 5 + 90) + "/" +
                         std::to_string(dose / 10 + 60) + " mmHg, " + random.pick(symptoms_en) + ",服用阿司匹林 " +
                         std::to_string(dose) + " mg。" + random.pick(advice_zh));
        break;
    }
  }
  return corpus;
}

inline void write_lines(const std::filesystem::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary);
  for (const auto& line : lines) out << line << '\n';
}

// ids of `text` with BOS and EOS (what training gives a pretraining document).
inline std::vector<int64_t> encode_with_eos(const Tokenizer& t, std::string_view text) {
  auto ids = t.encode(text);
  ids.push_back(t.eos_id());
  return ids;
}

// A tokenizer of the given type ("bpe" or "unigram"), trained once per process.
inline std::shared_ptr<const SentencepieceTokenizer> trained_tokenizer(const std::string& model_type, int vocab_size = 500) {
  static medlora::testing::TempDir folder("medlora-tokenizer-fixture");
  static std::map<std::string, std::shared_ptr<const SentencepieceTokenizer>> cache;
  const std::string key = model_type + "-" + std::to_string(vocab_size);
  if (auto found = cache.find(key); found != cache.end()) return found->second;
  const auto corpus = folder / "corpus.txt";
  if (!std::filesystem::exists(corpus)) write_lines(corpus, medical_corpus());
  TokenizerTrainOptions options;
  options.input_files = {corpus};
  options.output_dir = folder / key;
  options.vocab_size = vocab_size;
  options.model_type = model_type;
  train_tokenizer(options);
  auto tokenizer = SentencepieceTokenizer::load(options.output_dir);
  cache[key] = tokenizer;
  return tokenizer;
}

}  // namespace medlora::tokenizer::test
