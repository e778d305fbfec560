#pragma once
// Test corpus for the duplicate detector: real MedQuAD question/answer pairs (read simply, by
// searching for the Question and Answer elements) and seeded perturbations that turn a record
// into a planted near-duplicate. Header-only: the test glob compiles *_test.cpp files only.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/io/utf8.h"

namespace medlora::data::testing {

inline std::filesystem::path shared_datasets_dir() {
  if (const char* env = std::getenv("MEDLORA_SHARED_DATASETS"); env && *env) return env;
  return std::filesystem::path(MEDLORA_SOURCE_DIR) / ".." / "shared" / "datasets";
}

inline std::string element_text(const std::string& xml, const std::string& name, size_t from, size_t* end) {
  const size_t open = xml.find("<" + name, from);
  if (open == std::string::npos) return *end = std::string::npos, std::string();
  const size_t body = xml.find('>', open);
  const size_t close = xml.find("</" + name + ">", body);
  if (body == std::string::npos || close == std::string::npos) return *end = std::string::npos, std::string();
  *end = close;
  return xml.substr(body + 1, close - body - 1);
}

// Up to `limit` records with non-empty answers, files in sorted order (stable across machines).
inline std::vector<RecordText> load_medquad_records(size_t limit) {
  std::vector<RecordText> out;
  const auto root = shared_datasets_dir() / "medquad";
  if (!std::filesystem::is_directory(root)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string xml = buffer.str();
    size_t pos = 0;
    while (out.size() < limit) {
      size_t q_end = 0, a_end = 0;
      const std::string question = element_text(xml, "Question", pos, &q_end);
      if (q_end == std::string::npos) break;
      const std::string answer = element_text(xml, "Answer", q_end, &a_end);
      if (a_end == std::string::npos) break;
      pos = a_end;
      if (answer.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      RecordText record;
      record.instruction = question;
      record.output = answer;
      out.push_back(std::move(record));
    }
    if (out.size() >= limit) break;
  }
  return out;
}

// Seeded near-copy of a text: typos on about `typo_rate` of the letters (substitution, deletion,
// insertion, transposition), `swaps` adjacent-word swaps, whitespace and punctuation changes,
// and optionally one sentence appended.
inline std::string perturb(const std::string& text, std::mt19937_64& rng, double typo_rate, int swaps, bool append) {
  const auto uniform = [&](size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng() % n); };
  std::vector<std::string> words;
  {
    std::istringstream in(text);
    std::string w;
    while (in >> w) words.push_back(w);
  }
  for (int s = 0; s < swaps && words.size() > 2; ++s) {
    const size_t i = uniform(words.size() - 1);
    std::swap(words[i], words[i + 1]);
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += uniform(25) == 0 ? "  " : (uniform(60) == 0 ? "\n" : " ");
    std::string w = words[i];
    if (!w.empty() && (w.back() == ',' || w.back() == ';') && uniform(3) == 0) w.pop_back();  // punctuation change
    out += w;
  }
  const size_t typos = static_cast<size_t>(static_cast<double>(out.size()) * typo_rate + 0.5);
  for (size_t t = 0; t < typos && out.size() > 2; ++t) {
    const size_t p = uniform(out.size() - 1);
    if (static_cast<unsigned char>(out[p]) >= 0x80 || static_cast<unsigned char>(out[p + 1]) >= 0x80) continue;
    switch (uniform(4)) {
      case 0: out[p] = static_cast<char>('a' + uniform(26)); break;
      case 1: out.erase(p, 1); break;
      case 2: out.insert(p, 1, static_cast<char>('a' + uniform(26))); break;
      default: std::swap(out[p], out[p + 1]); break;
    }
  }
  if (append) {
    static const char* kSentences[] = {
        " Talk with your doctor if you have questions about your treatment.",
        " More information is available from your local health department.",
        " This summary was reviewed by a medical editor.",
        " Call your health care provider if symptoms get worse."};
    out += kSentences[uniform(4)];
  }
  return out;
}

// Seeded near-copy of Chinese text, on code points, the way input-method typos look: about
// `rate` of the Chinese characters replaced by other Chinese characters, one pair of Chinese
// neighbours swapped, some commas changed to the ASCII form, optionally a sentence appended.
// Digits and Latin letters are left alone (a changed number is a different fact).
inline std::string perturb_chinese(const std::string& text, std::mt19937_64& rng, double rate, bool append) {
  std::u32string cps;
  for (size_t i = 0; i < text.size();) cps.push_back(io::utf8::next_code_point(text, i));
  static const char32_t kCommon[] = {U'的', U'病', U'症', U'药', U'医', U'痛', U'热', U'血', U'胃', U'肝'};
  const auto chinese = [](char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; };
  const size_t changes = static_cast<size_t>(static_cast<double>(cps.size()) * rate + 0.5);
  for (size_t c = 0, tries = 0; c < changes && cps.size() > 2 && tries < 100 * (changes + 1); ++tries) {
    const size_t p = rng() % cps.size();
    if (chinese(cps[p])) cps[p] = kCommon[rng() % 10], ++c;
  }
  for (size_t tries = 0; cps.size() > 3 && tries < 100; ++tries) {
    const size_t p = rng() % (cps.size() - 1);
    if (chinese(cps[p]) && chinese(cps[p + 1])) {
      std::swap(cps[p], cps[p + 1]);
      break;
    }
  }
  for (auto& cp : cps)
    if (cp == U'，' && rng() % 4 == 0) cp = U',';
  std::string out = io::utf8::encode(cps);
  if (append) out += "如有不适请及时就医。";
  return out;
}

}  // namespace medlora::data::testing
