#include "core/data/medquad_reader.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

#include <initializer_list>
#include <utility>

#include "core/data/import_sink.h"

namespace medlora::data {

namespace {

std::string utf8(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

// MedQuAD has two spellings: most collections use <Document id source url>/<QAPairs>/<QAPair>/
// <Question>/<Answer>, a few NINDS files <doc docid corpus url>/<qaPairs>/<pair>/<question>/
// <answer> with <doctitle-focus> and <semanticGroup>. Names are compared ignoring case.
bool is_one_of(QStringView name, std::initializer_list<const char*> candidates) {
  for (const char* candidate : candidates) {
    if (name.compare(QLatin1StringView(candidate), Qt::CaseInsensitive) == 0) return true;
  }
  return false;
}

std::string first_attribute(const QXmlStreamReader& xml, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    const QStringView value = xml.attributes().value(QLatin1StringView(name));
    if (!value.isEmpty()) return utf8(value.toString());
  }
  return {};
}

std::string element_text(QXmlStreamReader& xml) {
  return utf8(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
}

struct DocumentInfo {
  std::string id, source, url, focus, semantic_group;
};

struct PairInProgress {
  int64_t line = 0;
  std::string pid, qid, qtype, question, answer;
  bool has_question = false;
};

void finish_pair(const DocumentInfo& doc, PairInProgress& pair, ImportSink& sink) {
  if (!pair.has_question || pair.question.empty()) {
    sink.error(pair.line, "QA pair without a question");
    return;
  }
  if (pair.answer.empty()) {
    sink.skip("empty answer");
    return;
  }
  RecordText record;
  record.input = std::move(pair.question);
  record.output = std::move(pair.answer);
  auto put = [&record](const char* key, const std::string& value) {
    if (!value.empty()) record.metadata[key] = value;
  };
  put("qtype", pair.qtype);
  put("qid", pair.qid);
  put("pid", pair.pid);
  put("document_id", doc.id);
  put("source", doc.source);
  put("url", doc.url);
  put("focus", doc.focus);
  put("semantic_group", doc.semantic_group);
  sink.add(std::move(record), pair.line);
}

}  // namespace

void read_medquad_document(std::string_view bytes, const std::string& file_label, ImportResult& result) {
  ImportResult local;
  ImportSink sink(local, file_label);
  QXmlStreamReader xml(QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())));
  DocumentInfo doc;
  PairInProgress pair;
  bool in_pair = false;
  bool seen_root = false;
  bool seen_pairs_list = false;  // <QAPairs> (even an empty one: a few NIDDK documents have one)
  int64_t pairs = 0;
  QString root;

  while (!xml.atEnd() && !xml.hasError()) {
    const QXmlStreamReader::TokenType token = xml.readNext();
    if (token == QXmlStreamReader::StartElement) {
      const auto name = xml.name();
      if (!seen_root) {
        // Any root that holds QA pairs: <Document>, <doc>, and e.g. <DiseaseFile> in some CDC files.
        seen_root = true;
        root = name.toString();
        doc.id = first_attribute(xml, {"id", "docid"});
        doc.source = first_attribute(xml, {"source", "corpus"});
        doc.url = first_attribute(xml, {"url"});
      } else if (is_one_of(name, {"Focus", "doctitle-focus"})) {
        doc.focus = element_text(xml);
      } else if (is_one_of(name, {"SemanticGroup"})) {
        const std::string group = element_text(xml);
        if (!group.empty() && doc.semantic_group.find(group) == std::string::npos) {
          doc.semantic_group += (doc.semantic_group.empty() ? "" : "; ") + group;
        }
      } else if (is_one_of(name, {"QAPairs", "qaPairs"})) {
        seen_pairs_list = true;
      } else if (is_one_of(name, {"QAPair", "pair"})) {
        ++pairs;
        pair = PairInProgress{};
        pair.line = xml.lineNumber();
        pair.pid = first_attribute(xml, {"pid"});
        in_pair = true;
      } else if (in_pair && is_one_of(name, {"Question"})) {
        pair.qid = first_attribute(xml, {"qid"});
        pair.qtype = first_attribute(xml, {"qtype"});
        pair.question = element_text(xml);
        pair.has_question = true;
      } else if (in_pair && is_one_of(name, {"Answer"})) {
        pair.answer = element_text(xml);
      }
    } else if (token == QXmlStreamReader::EndElement && in_pair && is_one_of(xml.name(), {"QAPair", "pair"})) {
      in_pair = false;
      finish_pair(doc, pair, sink);
    }
  }
  if (!xml.hasError() && !seen_root) xml.raiseError(QStringLiteral("no XML element found"));
  if (xml.hasError()) {
    result.errors.push_back({file_label + ":" + std::to_string(xml.lineNumber()), "malformed XML: " + utf8(xml.errorString())});
    ++result.skipped_by_reason[kMalformedFile];
    ++result.skipped;
    return;
  }
  if (pairs == 0) {
    if (seen_pairs_list || is_one_of(root, {"Document", "doc"})) {
      ++result.skipped_by_reason[kFileWithoutPairs];  // a MedQuAD document, just an empty one
    } else {
      result.errors.push_back({file_label, "the root element is <" + utf8(root) +
                                               "> and the file holds no <QAPairs>/<QAPair>: not a MedQuAD document "
                                               "(remove it from the folder, or import it with another --format)"});
      ++result.skipped_by_reason[kNotMedQuad];
    }
    ++result.skipped;
    return;
  }
  for (auto& record : local.records) result.records.push_back(std::move(record));
  for (auto& problem : local.errors) result.errors.push_back(std::move(problem));
  for (const auto& [reason, count] : local.skipped_by_reason) result.skipped_by_reason[reason] += count;
  result.skipped += local.skipped;
}

}  // namespace medlora::data
