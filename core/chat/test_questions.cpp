#include "core/chat/test_questions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cctype>
#include <initializer_list>
#include <sstream>
#include <stdexcept>

#include "core/chat/rules_file.h"
#include "core/data/dataset_record.h"
#include "core/data/text_encoding.h"
#include "core/store/dataset_repository.h"
#include "core/store/store_error.h"

namespace medlora::chat {
namespace {

std::string lower_extension(const std::string& path) {
  const size_t dot = path.find_last_of('.');
  const size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// A string, or a number written as an integer when it is one ("id": 17 -> "17").
std::string scalar_text(const QJsonValue& value) {
  if (value.isString()) return value.toString().toStdString();
  if (value.isDouble()) {
    const double d = value.toDouble();
    if (d == static_cast<double>(static_cast<long long>(d))) return std::to_string(static_cast<long long>(d));
    return QString::number(d).toStdString();
  }
  return {};
}

std::string first_of(const QJsonObject& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const std::string text = scalar_text(object.value(QLatin1String(key)));
    if (!text.empty()) return text;
  }
  return {};
}

store::TestQuestion question_from(const QJsonValue& value, const std::string& where) {
  if (!value.isObject()) throw std::runtime_error(where + ": expected a JSON object");
  const QJsonObject object = value.toObject();
  store::TestQuestion question;
  question.question = trimmed(first_of(object, {"question"}));
  if (question.question.empty()) {
    question.question = data::join_prompt(first_of(object, {"instruction"}), first_of(object, {"input"}));
  }
  if (question.question.empty()) {
    throw std::runtime_error(where + ": no question (expected \"question\", or \"instruction\"/\"input\")");
  }
  question.reference = first_of(object, {"reference", "answer", "output"});
  question.item = first_of(object, {"item", "id", "qid"});
  return question;
}

}  // namespace

std::vector<store::TestQuestion> read_test_questions(const std::string& path) {
  const std::string bytes = rules_file::read(path);
  std::string text;
  try {
    text = data::decode_to_utf8(bytes, data::TextEncoding::Auto);
  } catch (const std::exception& error) {
    throw std::runtime_error(path + ": " + error.what());
  }
  std::vector<store::TestQuestion> questions;
  const std::string ext = lower_extension(path);
  const std::string start = trimmed(text).substr(0, 1);
  if ((ext == ".json" || ext == ".jsonl") && start == "[") {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError) {
      throw std::runtime_error(path + ": not valid JSON at offset " + std::to_string(error.offset) + ": " +
                               error.errorString().toStdString());
    }
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
      questions.push_back(question_from(array[i], path + ": element " + std::to_string(i + 1)));
    }
  } else {
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    const bool json_lines = ext == ".json" || ext == ".jsonl";
    while (std::getline(lines, line)) {
      ++number;
      line = trimmed(line);
      if (line.empty()) continue;
      const std::string where = path + ":" + std::to_string(number);
      if (!json_lines) {
        questions.push_back({"", line, ""});
        continue;
      }
      QJsonParseError error;
      const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
      if (error.error != QJsonParseError::NoError) {
        throw std::runtime_error(where + ": not valid JSON: " + error.errorString().toStdString());
      }
      questions.push_back(question_from(document.isObject() ? QJsonValue(document.object()) : QJsonValue(), where));
    }
  }
  if (questions.empty()) throw std::runtime_error(path + ": no questions in the file");
  return questions;
}

std::vector<store::TestQuestion> dataset_test_questions(store::Workspace& workspace, int64_t dataset_id,
                                                        bool approved_only, int64_t limit) {
  store::DatasetRepository datasets(workspace);
  if (!datasets.find_dataset(dataset_id)) {
    throw store::StoreError("no dataset with id " + std::to_string(dataset_id) + " in " + workspace.path());
  }
  std::vector<store::TestQuestion> questions;
  for (const store::StoredRecord& record : datasets.records_for_export(dataset_id, approved_only)) {
    if (limit > 0 && static_cast<int64_t>(questions.size()) >= limit) break;
    auto [question, reference] = data::question_and_answer(record.text);
    if (question.empty()) continue;
    questions.push_back({"record-" + std::to_string(record.id), std::move(question), std::move(reference)});
  }
  return questions;
}

}  // namespace medlora::chat
