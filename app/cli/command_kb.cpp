// medlora kb import|search|list: the chat tester's knowledge base in a workspace. Documents
// (.txt, .md, .pdf when this build reads PDF) or a dataset's answers are cut into passages and
// indexed; search shows the passages a grounded answer would get.
#include "app/cli/chat_options.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>

#include "app/cli/cli_command.h"
#include "core/io/json_util.h"
#include "core/chat/document_text.h"
#include "core/store/dataset_transfer.h"

namespace medlora::cli {
namespace {

const QString kName = "kb";

// Parses a sub-command's options; positional arguments are allowed only when `positional`.
std::optional<int> parse(QCommandLineParser& parser, const QStringList& args, const QString& sub, bool positional) {
  const QString hint = " (see medlora kb " + sub + " --help)";
  if (!parser.parse(args)) return fail(kName, parser.errorText() + hint);
  if (parser.isSet("help")) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    return 0;
  }
  if (!positional && !parser.positionalArguments().isEmpty())
    return fail(kName, "unexpected argument '" + parser.positionalArguments().first() + "'" + hint);
  return std::nullopt;
}

void add_common(QCommandLineParser& parser) {
  parser.addHelpOption();
  parser.addOption({"workspace", "The workspace file (default: the workbench's).", "W"});
  parser.addOption({"json", "Print one JSON object."});
}

void print_json(const QJsonObject& object) {
  io::json::write_line(object);
}

int run_import(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Import documents (.txt, .md, .pdf) or a dataset's answers into the knowledge base.");
  add_common(parser);
  parser.addOptions({
      {"title", "Title of the document (one FILE only; default: its heading or file name).", "T"},
      {"dataset", "Import the answers of this workspace dataset (id or name).", "NAME"},
      {"approved-only", "With --dataset: only approved records."},
  });
  parser.addPositionalArgument("FILE", "Documents to import.", "FILE...");
  if (const auto done = parse(parser, args, "import", true)) return *done;
  const auto files = parser.positionalArguments();
  if (files.isEmpty() && !parser.isSet("dataset"))
    throw std::invalid_argument("give documents to import (FILE...) or --dataset NAME");
  if (parser.isSet("title") && files.size() != 1) throw std::invalid_argument("--title goes with exactly one FILE");
  // Every file is read first, so that a bad one leaves the knowledge base as it was.
  std::vector<chat::DocumentText> documents;
  for (const auto& file : files) documents.push_back(chat::read_document(file.toStdString()));

  store::Workspace workspace(workspace_path_option(parser, false));
  store::KnowledgeBase knowledge(workspace);
  QJsonArray imported;
  auto report = [&](const std::string& title, const store::KnowledgeImportResult& result) {
    imported.append(QJsonObject{{"id", static_cast<qint64>(result.document_id)},
                                {"title", QString::fromStdString(title)},
                                {"passages", static_cast<qint64>(result.chunks)}});
    if (!parser.isSet("json"))
      std::printf("imported %s: %lld passages\n", title.c_str(), static_cast<long long>(result.chunks));
  };
  for (int i = 0; i < files.size(); ++i) {
    const std::string title = parser.isSet("title") ? parser.value("title").toStdString() : documents[i].title;
    report(title, knowledge.import_document(title, files[i].toStdString(), documents[i].text));
  }
  if (parser.isSet("dataset")) {
    const int64_t dataset = store::resolve_dataset(workspace, parser.value("dataset").toStdString());
    report("dataset: " + parser.value("dataset").toStdString(),
           knowledge.import_dataset_answers(dataset, parser.isSet("approved-only")));
  }
  if (parser.isSet("json"))
    print_json({{"workspace", QString::fromStdString(workspace.path())},
                {"documents", imported},
                {"total_passages", static_cast<qint64>(knowledge.chunk_count())}});
  return 0;
}

int run_search(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Show the knowledge-base passages that best match a query (BM25).");
  add_common(parser);
  parser.addOptions({
      {"query", "What to search for.", "Q"},
      {"top-k", "How many passages (default 3).", "K", "3"},
  });
  if (const auto done = parse(parser, args, "search", false)) return *done;
  if (!parser.isSet("query") || parser.value("query").trimmed().isEmpty())
    throw std::invalid_argument("--query Q is required");
  bool ok = false;
  const int top_k = parser.value("top-k").toInt(&ok);
  if (!ok || top_k < 1) throw std::invalid_argument("--top-k expects a positive integer, got \"" +
                                                    parser.value("top-k").toStdString() + "\"");
  store::Workspace workspace(workspace_path_option(parser, true));
  const store::KnowledgeBase knowledge(workspace);
  const auto passages = knowledge.search(parser.value("query").toStdString(), top_k);
  if (parser.isSet("json")) {
    QJsonArray list;
    for (const auto& passage : passages) list.append(passage_json(passage));
    print_json({{"query", parser.value("query")}, {"passages", list}});
    return 0;
  }
  if (passages.empty()) std::printf("no passage matches\n");
  for (size_t i = 0; i < passages.size(); ++i) {
    QString text = QString::fromStdString(passages[i].text);
    text.replace(QRegularExpression("\\s*\\n\\s*"), "\n    ");
    std::printf("[%zu] %.3f  %s (%s)\n    %s\n", i + 1, passages[i].score, passages[i].title.c_str(),
                passages[i].document_title.c_str(), qPrintable(text));
  }
  return 0;
}

int run_list(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription("List the knowledge base's documents.");
  add_common(parser);
  if (const auto done = parse(parser, args, "list", false)) return *done;
  store::Workspace workspace(workspace_path_option(parser, true));
  const store::KnowledgeBase knowledge(workspace);
  QJsonArray list;
  for (const auto& document : knowledge.documents()) {
    list.append(QJsonObject{{"id", static_cast<qint64>(document.id)},
                            {"title", QString::fromStdString(document.title)},
                            {"path", QString::fromStdString(document.path)},
                            {"kind", QString::fromStdString(document.kind)},
                            {"passages", static_cast<qint64>(document.chunk_count)},
                            {"added_at", QString::fromStdString(document.added_at)}});
    if (!parser.isSet("json"))
      std::printf("%lld  %s  (%lld passages, %s)\n", static_cast<long long>(document.id), document.title.c_str(),
                  static_cast<long long>(document.chunk_count), document.path.c_str());
  }
  if (parser.isSet("json")) print_json({{"documents", list}});
  return 0;
}

int run_kb(const QStringList& args) {
  const std::map<QString, std::function<int(const QStringList&)>> subs = {
      {"import", run_import}, {"search", run_search}, {"list", run_list}};
  const QString usage = "usage: medlora kb import|search|list [options] (medlora kb <sub-command> --help)";
  if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
    std::printf("%s\n", qPrintable(usage));
    return args.size() < 2 ? 2 : 0;
  }
  const auto sub = subs.find(args[1]);
  if (sub == subs.end()) return fail(kName, "unknown sub-command '" + args[1] + "'; " + usage);
  QStringList rest = args.mid(2);
  rest.prepend("medlora kb " + args[1]);
  try {
    return sub->second(rest);
  } catch (const std::exception& e) {
    return fail(kName, QString::fromUtf8(e.what()).replace('\n', "; "));
  }
}

const CliRegistration registration(kName.toStdString(), "knowledge base for grounded answers: import, search, list",
                                   run_kb);

}  // namespace
}  // namespace medlora::cli
