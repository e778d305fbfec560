#pragma once
// Runs tests/reference/render_chat_template.py (Debian's python3-jinja2, rendering as HF's
// apply_chat_template does) so that tests can compare ChatTemplate's output byte for byte.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include "core/tokenizer/chat_template.h"
#include "tests/support/temp_dir.h"

namespace medlora::tokenizer::test {

// One conversation to render, as JSON text (kept as text so that key order survives).
struct ChatCase {
  std::string label;
  std::string messages;        // a JSON array
  bool add_generation_prompt = false;
  std::string tools;           // a JSON array, or empty for tools=None
  std::string kwargs = "{}";   // a JSON object of extra template variables
};

struct ReferenceResult {
  std::optional<std::string> text;  // nullopt: the reference raised
  std::string error;
};

inline const char* reference_python() { return "/usr/bin/python3"; }

inline bool reference_available() {
  QProcess p;
  p.start(reference_python(), {"-c", "import jinja2"});
  return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

inline std::string json_string(const std::string& s) {
  const QJsonArray a{QString::fromStdString(s)};
  const QByteArray bytes = QJsonDocument(a).toJson(QJsonDocument::Compact);
  return bytes.mid(1, bytes.size() - 2).toStdString();
}

// The variables ChatTemplate gets for a case: kwargs plus tools.
inline std::string extra_variables(const ChatCase& c) {
  if (c.tools.empty()) return c.kwargs;
  const std::string rest = c.kwargs.substr(1);
  const bool empty = rest.find_first_not_of(" }") == std::string::npos;
  return "{\"tools\": " + c.tools + (empty ? "}" : ", " + rest);
}

inline std::vector<ReferenceResult> render_with_reference(const std::string& source, const SpecialTokenStrings& tokens,
                                                          const std::vector<ChatCase>& cases) {
  std::string request = "{\"template\": " + json_string(source) + ", \"special_tokens\": {";
  bool first = true;
  auto token = [&](const char* name, const std::optional<std::string>& value) {
    if (!value) return;
    request += std::string(first ? "" : ", ") + "\"" + name + "\": " + json_string(*value);
    first = false;
  };
  token("bos_token", tokens.bos);
  token("eos_token", tokens.eos);
  token("unk_token", tokens.unk);
  token("pad_token", tokens.pad);
  request += "}, \"cases\": [";
  for (size_t i = 0; i < cases.size(); ++i) {
    const ChatCase& c = cases[i];
    request += std::string(i ? ", " : "") + "{\"messages\": " + c.messages +
               ", \"add_generation_prompt\": " + (c.add_generation_prompt ? "true" : "false") + ", \"kwargs\": " + c.kwargs;
    if (!c.tools.empty()) request += ", \"tools\": " + c.tools;
    request += "}";
  }
  request += "]}";
  medlora::testing::TempDir dir("chat-template-reference");
  const auto request_file = dir / "request.json";
  std::ofstream(request_file, std::ios::binary) << request;
  QProcess p;
  const auto script = medlora::testing::source_path("tests/reference/render_chat_template.py");
  p.start(reference_python(), {QString::fromStdString(script.string()), QString::fromStdString(request_file.string())});
  std::vector<ReferenceResult> results;
  if (!p.waitForFinished(120000) || p.exitCode() != 0) {
    results.resize(cases.size(), ReferenceResult{std::nullopt, "reference failed: " + p.readAllStandardError().toStdString()});
    return results;
  }
  const QJsonArray out = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
  for (const auto& v : out) {
    const QJsonObject o = v.toObject();
    if (o.contains("text")) results.push_back({o.value("text").toString().toStdString(), {}});
    else results.push_back({std::nullopt, o.value("error").toString().toStdString()});
  }
  results.resize(cases.size(), ReferenceResult{std::nullopt, "missing result"});
  return results;
}

}  // namespace medlora::tokenizer::test
