// medlora tokenize: the ids a model's tokenizer gives texts (tokenizer.json or tokenizer.model).
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "core/io/json_util.h"
#include "core/tokenizer/tokenizer.h"

namespace medlora::cli {
namespace {

const QString kName = "tokenize";

// TEXTS.json: a JSON array of strings.
std::vector<std::string> read_texts_file(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw std::invalid_argument("cannot read --file " + path.toStdString() + ": " + file.errorString().toStdString());
  }
  QJsonParseError error{};
  const auto doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isArray()) {
    throw std::invalid_argument("--file " + path.toStdString() +
                                " must hold a JSON array of strings (" +
                                (error.error != QJsonParseError::NoError ? error.errorString().toStdString()
                                                                         : std::string("not an array")) +
                                ")");
  }
  std::vector<std::string> texts;
  const auto array = doc.array();
  for (qsizetype i = 0; i < array.size(); ++i) {
    if (!array[i].isString()) {
      throw std::invalid_argument("--file " + path.toStdString() + ": item " + std::to_string(i) + " is not a string");
    }
    texts.push_back(array[i].toString().toStdString());
  }
  return texts;
}

int run_tokenize(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Print the token ids of texts: {\"ids\": [[...], ...]}, one list per text. Special-token text in the "
      "input (\"<|im_end|>\") becomes its id; BOS/EOS are added only with --add-special-tokens.");
  parser.addHelpOption();
  parser.addOptions({
      {"model", "Model or tokenizer folder (tokenizer.json + tokenizer_config.json, or tokenizer.model).", "DIR"},
      {"text", "One text to tokenize.", "TEXT"},
      {"file", "A JSON file holding an array of texts.", "TEXTS.json"},
      {"add-special-tokens", "Add the tokenizer's own special tokens around each text (BOS/EOS)."},
      {"json", "Print one JSON object (the only output format)."},
  });
  if (const auto done = parse_arguments(parser, args, kName)) return *done;
  try {
    if (!parser.isSet("model")) throw std::invalid_argument("--model DIR is required");
    if (parser.isSet("text") == parser.isSet("file")) {
      throw std::invalid_argument("give exactly one of --text TEXT and --file TEXTS.json");
    }
    const std::vector<std::string> texts =
        parser.isSet("text") ? std::vector<std::string>{parser.value("text").toStdString()}
                             : read_texts_file(parser.value("file"));
    const auto tokenizer = tokenizer::Tokenizer::load(parser.value("model").toStdString());
    const bool add = parser.isSet("add-special-tokens");
    QJsonArray all;
    for (const auto& text : texts) {
      QJsonArray ids;
      for (const auto id : tokenizer->encode(text, add, tokenizer::SpecialTokens::recognised)) {
        ids.append(static_cast<qint64>(id));
      }
      all.append(ids);
    }
    QJsonObject out;
    out["ids"] = all;
    io::json::write_line(out);
    return 0;
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "token ids of texts under a model's tokenizer", run_tokenize);

}  // namespace
}  // namespace medlora::cli
