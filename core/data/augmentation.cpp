#include "core/data/augmentation.h"

#include <random>
#include <set>
#include <stdexcept>
#include <string>

#include "core/data/keyword_matcher.h"
#include "core/data/term_dictionary.h"

namespace medlora::data {
namespace {

uint64_t mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

struct FieldHits {
  size_t field;  // index into text_fields()
  std::vector<KeywordMatcher::Hit> hits;
};

// The record's text, all fields (conversation turns included), as one key for "seen before".
std::string text_key(const RecordText& record) {
  std::string key;
  for (const auto& field : text_fields(record)) key += *field.text + '\x1f';
  return key;
}

}  // namespace

std::vector<RecordText> augment_with_synonyms(const std::vector<RecordText>& records,
                                              const std::vector<std::pair<std::string, std::string>>& synonym_to_standard,
                                              int per_record, uint64_t seed) {
  if (per_record < 0)
    throw std::invalid_argument("augmentation needs a number of variants per record >= 0, got " + std::to_string(per_record));
  std::vector<RecordText> out;
  const TermDictionary dictionary(synonym_to_standard);
  if (per_record == 0 || dictionary.standards().empty()) return out;
  const KeywordMatcher standards(dictionary.standards());
  for (size_t index = 0; index < records.size(); ++index) {
    const RecordText& source = records[index];
    std::vector<FieldHits> fields;
    size_t occurrences = 0;
    const auto source_fields = text_fields(source);
    for (size_t f = 0; f < source_fields.size(); ++f) {
      auto hits = standards.find_longest(*source_fields[f].text);
      occurrences += hits.size();
      if (!hits.empty()) fields.push_back({f, std::move(hits)});
    }
    if (occurrences == 0) continue;
    // One generator per record, so a record's variants do not depend on the records before it.
    std::mt19937_64 rng(mix64(seed ^ mix64(index)));
    std::set<std::string> seen;  // the variants' texts (and the source's), to emit each once
    seen.insert(text_key(source));
    const int attempts = 4 * per_record + 4;
    int emitted = 0;
    for (int attempt = 0; attempt < attempts && emitted < per_record; ++attempt) {
      // Each occurrence is replaced with probability 1/2, at least one always.
      std::vector<bool> replace(occurrences);
      bool any = false;
      for (size_t k = 0; k < occurrences; ++k) any |= (replace[k] = (rng() & 1) != 0);
      if (!any) replace[rng() % occurrences] = true;
      RecordText variant = source;
      const auto variant_fields = text_fields(variant);
      size_t k = 0;
      for (const auto& field : fields) {
        const std::string& text = *source_fields[field.field].text;
        std::string result;
        size_t pos = 0;
        for (const auto& hit : field.hits) {
          result.append(text, pos, hit.offset - pos);
          const auto& choices = dictionary.synonyms_of(hit.keyword);
          if (replace[k++]) result.append(choices[rng() % choices.size()]);
          else result.append(text, hit.offset, hit.length);
          pos = hit.offset + hit.length;
        }
        result.append(text, pos, std::string::npos);
        *variant_fields[field.field].text = std::move(result);
      }
      const std::string key = text_key(variant);
      if (!seen.insert(key).second) continue;
      variant.synthetic = true;
      variant.metadata["augmented_from"] = std::to_string(index);
      variant.metadata["augmentation"] = "synonym";
      out.push_back(std::move(variant));
      ++emitted;
    }
  }
  return out;
}

}  // namespace medlora::data
