#pragma once
// A validated synonym -> standard term dictionary, shared by term standardisation and
// synonym augmentation.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace medlora::data {

class TermDictionary {
 public:
  // Throws std::invalid_argument for an empty synonym or standard, or a synonym (compared with
  // ASCII case folded, as matching does) listed with two different standards. Pairs whose
  // synonym equals the standard, and repeated pairs, are dropped.
  explicit TermDictionary(const std::vector<std::pair<std::string, std::string>>& synonym_to_standard);

  const std::vector<std::string>& synonyms() const { return synonyms_; }
  const std::string& standard_of(size_t synonym) const { return standards_of_synonyms_[synonym]; }

  // Distinct standard terms, and for each the synonyms that map to it (in dictionary order).
  const std::vector<std::string>& standards() const { return standards_; }
  const std::vector<std::string>& synonyms_of(size_t standard) const { return synonyms_by_standard_[standard]; }

 private:
  std::vector<std::string> synonyms_;
  std::vector<std::string> standards_of_synonyms_;
  std::vector<std::string> standards_;
  std::vector<std::vector<std::string>> synonyms_by_standard_;
};

}  // namespace medlora::data
