// KnowledgeBase::search and query_terms: trigram FTS5 for terms of 3+ characters, an Okapi BM25
// over instr() matches for 2-character terms, summed (see knowledge_base.h).
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/data/keyword_matcher.h"
#include "core/data/utf8_text.h"
#include "core/store/knowledge_base.h"

namespace medlora::store {
namespace {

namespace utf8 = data::utf8;

constexpr int kCandidates = 200;  // per part, before merging
constexpr double kTitleWeight = 2.0;
constexpr double kK1 = 1.2;  // FTS5's bm25() constants
constexpr double kB = 0.75;

const std::set<std::string>& english_stop_words() {
  static const std::set<std::string> words = {
      "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
      "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
      "during", "each", "few", "for", "from", "get", "had", "has", "have", "having", "he", "her", "here",
      "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know", "me", "more", "most",
      "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over",
      "own", "same", "she", "should", "so", "some", "such", "tell", "than", "that", "the", "their",
      "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
      "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
      "whom", "why", "will", "with", "would", "you", "your", "please", "much", "many", "need", "want",
      "there", "way", "ways", "thing", "things", "information", "really"};
  return words;
}

// Function words and question phrases that split a Chinese run into content words. Single
// characters are only those that rarely start or end a medical term (有, 过, 就, 着 are not here:
// 有效, 过敏, 就医, 着凉).
const data::KeywordMatcher& chinese_stop_matcher() {
  static const data::KeywordMatcher matcher({
      "什么", "怎么", "怎么办", "怎么样", "怎样", "如何", "为什么", "为何", "哪些", "哪个", "哪种", "是否",
      "可以", "能否", "能不能", "可不可以", "需要", "应该", "请问", "一下", "一些", "有些", "患者", "病人",
      "我们", "你们", "他们", "自己", "这个", "那个", "这种", "那种", "还是", "或者", "以及", "而且", "但是",
      "因为", "所以", "如果", "已经", "现在", "最近", "经常", "总是", "一直", "有没有", "是不是", "会不会",
      "要不要", "好不好", "多少", "多久", "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "我", "你", "他",
      "她", "它", "和", "与", "及", "或", "是", "在", "都", "也", "很", "还", "又", "把", "被", "给", "让",
      "这", "那"});
  return matcher;
}

bool is_latin_word_char(char32_t cp) {
  return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

std::string lower_ascii(std::string word) {
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return word;
}

// "symptoms" -> "symptom": trigram matching is by substring, so the singular finds both.
std::string singular(std::string word) {
  if (word.size() > 4 && word.back() == 's' && !word.ends_with("ss") && !word.ends_with("us") &&
      !word.ends_with("is")) {
    word.pop_back();
  }
  return word;
}

std::vector<std::u32string> cjk_segments(const std::u32string& run) {
  std::string bytes;
  for (char32_t cp : run) utf8::append(bytes, cp);
  std::vector<std::u32string> segments;
  const auto add = [&](size_t from, size_t to) {
    std::u32string segment;
    size_t pos = from;
    while (pos < to) segment += utf8::decode(bytes, pos);
    if (!segment.empty()) segments.push_back(std::move(segment));
  };
  size_t at = 0;
  for (const auto& hit : chinese_stop_matcher().find_longest(bytes)) {
    add(at, hit.offset);
    at = hit.offset + hit.length;
  }
  add(at, bytes.size());
  return segments;
}

void add_unique(std::vector<std::string>& list, std::string term) {
  if (std::find(list.begin(), list.end(), term) == list.end()) list.push_back(std::move(term));
}

std::string encode(const std::u32string& text) {
  std::string out;
  for (char32_t cp : text) utf8::append(out, cp);
  return out;
}

bool has_ascii_letter(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// Non-overlapping occurrences, as FTS5 counts phrase hits.
double occurrences(const std::string& text, const std::string& term) {
  double count = 0;
  for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + term.size())) ++count;
  return count;
}

QString fts_phrase(const std::string& term) {
  QString phrase = QString::fromStdString(term);
  phrase.replace('"', "\"\"");
  return '"' + phrase + '"';
}

}  // namespace

KnowledgeBase::QueryTerms KnowledgeBase::query_terms(const std::string& query) {
  QueryTerms terms;
  std::string word;
  std::u32string run;
  const auto flush = [&] {
    if (!word.empty()) {
      std::string w = lower_ascii(word);
      word.clear();
      if (!english_stop_words().count(w)) {
        w = singular(w);
        const size_t chars = utf8::count_code_points(w);
        if (chars >= 3) add_unique(terms.long_terms, w);
        else if (chars == 2) add_unique(terms.short_terms, w);
      }
    }
    if (!run.empty()) {
      for (const std::u32string& segment : cjk_segments(run)) {
        for (size_t i = 0; i + 3 <= segment.size(); ++i) add_unique(terms.long_terms, encode(segment.substr(i, 3)));
        for (size_t i = 0; i + 2 <= segment.size(); ++i) add_unique(terms.short_terms, encode(segment.substr(i, 2)));
        // A lone character between function words is a word of its own (痔, 痈, 咳).
        if (segment.size() == 1) add_unique(terms.short_terms, encode(segment));
      }
      run.clear();
    }
  };
  size_t pos = 0;
  while (pos < query.size()) {
    const char32_t cp = utf8::fold_width(utf8::decode(query, pos));
    if (is_latin_word_char(cp)) {
      if (!run.empty()) flush();
      utf8::append(word, cp);
    } else if (utf8::is_cjk(cp)) {
      if (!word.empty()) flush();
      run += cp;
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

std::vector<Passage> KnowledgeBase::search(const std::string& query, int k) const {
  if (k <= 0) return {};
  const QueryTerms terms = query_terms(query);
  std::unordered_map<int64_t, double> fts_score;    // -bm25(): higher is better
  std::unordered_map<int64_t, double> short_score;  // our BM25 over 2-character terms
  std::vector<int64_t> fts_ranked;
  std::vector<std::pair<double, int64_t>> short_ranked;

  QString match;
  if (!terms.long_terms.empty()) {
    QStringList phrases;
    for (const std::string& term : terms.long_terms) phrases << fts_phrase(term);
    match = phrases.join(" OR ");
    QSqlQuery fts = ws_.prepare(
        "SELECT rowid, bm25(knowledge_chunks_fts, 2.0, 1.0) AS score FROM knowledge_chunks_fts "
        "WHERE knowledge_chunks_fts MATCH ? ORDER BY score LIMIT ?");
    fts.addBindValue(match);
    fts.addBindValue(kCandidates);
    ws_.exec(fts);
    while (fts.next()) {
      const int64_t id = fts.value(0).toLongLong();
      fts_score[id] = -fts.value(1).toDouble();
      fts_ranked.push_back(id);
    }
  }

  if (!terms.short_terms.empty()) {
    // One pass over the passages: occurrences of every short term in title and text.
    // SQL only finds the candidates (instr, with lower() just for terms holding ASCII letters);
    // occurrences are counted here, which is far cheaper than replace() per term in SQL.
    QStringList where;
    bool any_ascii = false;
    for (const std::string& term : terms.short_terms) {
      const bool ascii = has_ascii_letter(term);
      any_ascii = any_ascii || ascii;
      where << (ascii ? "instr(lower(title), ?) > 0 OR instr(lower(text), ?) > 0"
                      : "instr(title, ?) > 0 OR instr(text, ?) > 0");
    }
    QSqlQuery scan = ws_.prepare("SELECT id, length(title) + char_count, title, text FROM knowledge_chunks WHERE " +
                                 where.join(" OR "));
    for (const std::string& term : terms.short_terms) {
      scan.addBindValue(QString::fromStdString(term));
      scan.addBindValue(QString::fromStdString(term));
    }
    ws_.exec(scan);
    struct Row {
      int64_t id;
      double length;
      std::vector<double> tf;
    };
    std::vector<Row> rows;
    std::vector<int64_t> df(terms.short_terms.size(), 0);
    while (scan.next()) {
      Row row{scan.value(0).toLongLong(), scan.value(1).toDouble(), {}};
      std::string title = scan.value(2).toString().toStdString();
      std::string text = scan.value(3).toString().toStdString();
      if (any_ascii) {  // terms are lower-cased already; CJK is unaffected
        title = lower_ascii(std::move(title));
        text = lower_ascii(std::move(text));
      }
      for (size_t i = 0; i < terms.short_terms.size(); ++i) {
        const double tf = kTitleWeight * occurrences(title, terms.short_terms[i]) +
                          occurrences(text, terms.short_terms[i]);
        row.tf.push_back(tf);
        if (tf > 0) ++df[i];
      }
      rows.push_back(std::move(row));
    }
    if (!rows.empty()) {
      const double n = static_cast<double>(chunk_count());
      const double average_length = std::max(
          1.0, ws_.scalar("SELECT coalesce(avg(length(title) + char_count), 1) FROM knowledge_chunks").toDouble());
      std::vector<double> idf;
      for (int64_t d : df) idf.push_back(std::max(1e-6, std::log((n - d + 0.5) / (d + 0.5))));
      for (const Row& row : rows) {
        double score = 0;
        for (size_t i = 0; i < row.tf.size(); ++i) {
          if (row.tf[i] <= 0) continue;
          score += idf[i] * row.tf[i] * (kK1 + 1) /
                   (row.tf[i] + kK1 * (1 - kB + kB * row.length / average_length));
        }
        short_score[row.id] = score;
        short_ranked.emplace_back(score, row.id);
      }
      std::sort(short_ranked.begin(), short_ranked.end(),
                [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
      if (short_ranked.size() > static_cast<size_t>(kCandidates)) short_ranked.resize(kCandidates);
    }
  }

  // Merge: every candidate gets both parts. Short-part candidates outside the FTS top list get
  // their exact bm25() from a MATCH restricted to them.
  std::vector<int64_t> missing_fts;
  for (const auto& [score, id] : short_ranked) {
    if (!match.isEmpty() && !fts_score.count(id)) missing_fts.push_back(id);
  }
  if (!missing_fts.empty()) {
    QStringList marks;
    for (size_t i = 0; i < missing_fts.size(); ++i) marks << "?";
    QSqlQuery fts = ws_.prepare("SELECT rowid, bm25(knowledge_chunks_fts, 2.0, 1.0) FROM knowledge_chunks_fts "
                                "WHERE knowledge_chunks_fts MATCH ? AND rowid IN (" + marks.join(',') + ")");
    fts.addBindValue(match);
    for (int64_t id : missing_fts) fts.addBindValue(static_cast<qlonglong>(id));
    ws_.exec(fts);
    while (fts.next()) fts_score[fts.value(0).toLongLong()] = -fts.value(1).toDouble();
  }
  std::vector<std::pair<double, int64_t>> merged;
  std::set<int64_t> seen;
  const auto total = [&](int64_t id) {
    const auto f = fts_score.find(id);
    const auto s = short_score.find(id);
    return (f == fts_score.end() ? 0.0 : f->second) + (s == short_score.end() ? 0.0 : s->second);
  };
  for (int64_t id : fts_ranked) {
    if (seen.insert(id).second) merged.emplace_back(total(id), id);
  }
  for (const auto& [score, id] : short_ranked) {
    if (seen.insert(id).second) merged.emplace_back(total(id), id);
  }
  std::sort(merged.begin(), merged.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (merged.size() > static_cast<size_t>(k)) merged.resize(static_cast<size_t>(k));

  std::vector<Passage> passages;
  QSqlQuery load = ws_.prepare(
      "SELECT c.id, c.document_id, c.seq, c.title, c.text, d.title FROM knowledge_chunks c "
      "JOIN knowledge_documents d ON d.id = c.document_id WHERE c.id = ?");
  for (const auto& [score, id] : merged) {
    load.addBindValue(static_cast<qlonglong>(id));
    ws_.exec(load);
    if (!load.next()) continue;
    passages.push_back({load.value(0).toLongLong(), load.value(1).toLongLong(), load.value(2).toLongLong(),
                        load.value(3).toString().toStdString(), load.value(5).toString().toStdString(),
                        load.value(4).toString().toStdString(), score});
    load.finish();
  }
  return passages;
}

}  // namespace medlora::store
