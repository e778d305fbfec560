#include "core/data/term_dictionary.h"

#include <map>
#include <stdexcept>

namespace medlora::data {
namespace {

std::string fold_ascii(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

TermDictionary::TermDictionary(const std::vector<std::pair<std::string, std::string>>& synonym_to_standard) {
  std::map<std::string, size_t> synonym_index;   // folded synonym -> position in synonyms_
  std::map<std::string, size_t> standard_index;  // standard -> position in standards_
  for (size_t row = 0; row < synonym_to_standard.size(); ++row) {
    const auto& [synonym, standard] = synonym_to_standard[row];
    if (synonym.empty() || standard.empty())
      throw std::invalid_argument("term dictionary entry " + std::to_string(row + 1) + " ('" + synonym + "' -> '" +
                                  standard + "') has an empty side; both the synonym and the standard term are needed");
    if (fold_ascii(synonym) == fold_ascii(standard)) continue;
    const std::string key = fold_ascii(synonym);
    if (const auto it = synonym_index.find(key); it != synonym_index.end()) {
      if (standards_of_synonyms_[it->second] != standard)
        throw std::invalid_argument("term dictionary lists synonym '" + synonym + "' twice, for '" +
                                    standards_of_synonyms_[it->second] + "' and for '" + standard +
                                    "' (entry " + std::to_string(row + 1) + "); keep one");
      continue;
    }
    synonym_index.emplace(key, synonyms_.size());
    synonyms_.push_back(synonym);
    standards_of_synonyms_.push_back(standard);
    auto [it, inserted] = standard_index.emplace(standard, standards_.size());
    if (inserted) {
      standards_.push_back(standard);
      synonyms_by_standard_.emplace_back();
    }
    synonyms_by_standard_[it->second].push_back(synonym);
  }
}

}  // namespace medlora::data
