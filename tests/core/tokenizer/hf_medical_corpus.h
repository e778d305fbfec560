#pragma once
// Medical text in English and Chinese for the tokenizer oracle test and the encoding bench,
// read at run time from ../shared/datasets (MedQuAD XML, the Chinese JSON sets); never
// committed. Empty when the folder is absent.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace medlora::tokenizer::test {

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string xml_unescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    const std::string f = from;
    for (size_t pos = 0; (pos = s.find(f, pos)) != std::string::npos; pos += std::string(to).size()) s.replace(pos, f.size(), to);
  }
  return s;
}

// The text of every <Question> and <Answer> element of one MedQuAD file.
inline void medquad_texts(const std::string& xml, std::vector<std::string>& out) {
  for (const char* tag : {"Question", "Answer"}) {
    const std::string open = std::string("<") + tag, close = std::string("</") + tag + ">";
    size_t pos = 0;
    while ((pos = xml.find(open, pos)) != std::string::npos) {
      const size_t start = xml.find('>', pos);
      const size_t end = xml.find(close, pos);
      if (start == std::string::npos || end == std::string::npos || start > end) break;
      std::string text = xml_unescape(xml.substr(start + 1, end - start - 1));
      if (!text.empty()) out.push_back(std::move(text));
      pos = end + close.size();
    }
  }
}

inline void json_strings(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) {
    if (j.get_ref<const std::string&>().size() >= 20) out.push_back(j.get<std::string>());
  } else if (j.is_array() || j.is_object()) {
    for (const auto& v : j) json_strings(v, out);
  }
}

// Every `stride`-th MedQuAD file's questions and answers, then every Chinese text.
inline std::vector<std::string> medical_corpus_texts(const std::filesystem::path& datasets, size_t stride = 1) {
  std::vector<std::string> out;
  std::error_code ec;
  std::vector<std::filesystem::path> xml_files;
  if (std::filesystem::is_directory(datasets / "medquad", ec)) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(datasets / "medquad", ec)) {
      if (e.path().extension() == ".xml") xml_files.push_back(e.path());
    }
  }
  std::sort(xml_files.begin(), xml_files.end());
  for (size_t i = 0; i < xml_files.size(); i += stride) medquad_texts(read_whole_file(xml_files[i]), out);
  std::vector<std::filesystem::path> zh_files;
  if (std::filesystem::is_directory(datasets / "zh", ec)) {
    for (const auto& e : std::filesystem::directory_iterator(datasets / "zh", ec)) {
      if (e.path().extension() == ".json") zh_files.push_back(e.path());
    }
  }
  std::sort(zh_files.begin(), zh_files.end());
  for (const auto& f : zh_files) {
    const auto j = nlohmann::json::parse(read_whole_file(f), nullptr, false);
    if (!j.is_discarded()) json_strings(j, out);
  }
  return out;
}

}  // namespace medlora::tokenizer::test
