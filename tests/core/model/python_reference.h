#pragma once
// Runs tests/reference/llama_reference.py (plain PyTorch, written from HF transformers'
// semantics for llama, mistral, qwen2 and qwen3) on an HF folder and returns its JSON.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include "tests/support/temp_dir.h"

namespace medlora::testing {

// Debian's python3-torch lives under /usr/bin/python3; a python3 earlier on PATH may lack it.
inline QString python_with_torch() {
  for (const QString candidate : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
    QProcess p;
    p.start(candidate, {"-c", "import torch"});
    if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) return candidate;
  }
  return {};
}

// {"logits": [[...] per position], "logprobs": [...], "greedy_ids": [...]}
inline QJsonObject run_reference(const QString& python, const std::filesystem::path& dir,
                                 const std::vector<int64_t>& ids, int greedy) {
  QStringList id_text;
  for (auto id : ids) id_text << QString::number(id);
  QProcess p;
  p.start(python, {QString::fromStdString(source_path("tests/reference/llama_reference.py").string()),
                   QString::fromStdString(dir.string()), "--ids", id_text.join(","), "--greedy",
                   QString::number(greedy)});
  EXPECT_TRUE(p.waitForFinished(120000));
  EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

}  // namespace medlora::testing
