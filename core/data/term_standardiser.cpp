#include "core/data/term_standardiser.h"

#include <algorithm>
#include <string>

#include "core/data/keyword_matcher.h"
#include "core/data/term_dictionary.h"

namespace medlora::data {
namespace {

// Replaces `hits` (sorted, non-overlapping) in `text` by the given strings.
std::string replace_hits(const std::string& text, const std::vector<KeywordMatcher::Hit>& hits,
                         const std::vector<std::string>& replacements) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (size_t h = 0; h < hits.size(); ++h) {
    out.append(text, pos, hits[h].offset - pos);
    out.append(replacements[h]);
    pos = hits[h].offset + hits[h].length;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace

TermPlan plan_term_standardisation(const std::vector<RecordText>& records,
                                   const std::vector<std::pair<std::string, std::string>>& synonym_to_standard) {
  const TermDictionary dictionary(synonym_to_standard);
  TermPlan plan;
  if (dictionary.synonyms().empty()) return plan;
  const KeywordMatcher synonyms(dictionary.synonyms());
  const KeywordMatcher standards(dictionary.standards());
  for (size_t index = 0; index < records.size(); ++index) {
    const RecordText& record = records[index];
    RecordText after;
    bool changed = false;
    const auto fields = text_fields(record);  // a conversation's turns too
    for (size_t f = 0; f < fields.size(); ++f) {
      const std::string& name = fields[f].name;
      const std::string& text = *fields[f].text;
      std::vector<KeywordMatcher::Hit> hits = synonyms.find_longest(text);
      if (hits.empty()) continue;
      // A synonym inside its own standard ("糖尿病" in "2型糖尿病") is already standard.
      const auto standard_hits = standards.find_all(text);
      hits.erase(std::remove_if(hits.begin(), hits.end(),
                                [&](const KeywordMatcher::Hit& h) {
                                  return std::any_of(standard_hits.begin(), standard_hits.end(), [&](const auto& s) {
                                    return s.offset <= h.offset && h.offset + h.length <= s.offset + s.length &&
                                           s.length > h.length;
                                  });
                                }),
                 hits.end());
      if (hits.empty()) continue;
      std::vector<std::string> replacements;
      for (const auto& hit : hits) {
        const std::string& standard = dictionary.standard_of(hit.keyword);
        replacements.push_back(standard);
        plan.changes.push_back(TermChange{index, name, text.substr(hit.offset, hit.length), standard, hit.offset});
      }
      if (!changed) after = record, changed = true;
      *text_fields(after)[f].text = replace_hits(text, hits, replacements);
    }
    if (changed) plan.changed.push_back(RecordChange{index, record, std::move(after), {"term"}});
  }
  return plan;
}

}  // namespace medlora::data
