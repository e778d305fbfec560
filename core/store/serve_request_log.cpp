#include "core/store/serve_request_log.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/store/workspace.h"

namespace medlora::store {

void append_serve_log(Workspace& workspace, const ServeLogEntry& e) {
  auto q = workspace.prepare(
      "INSERT INTO serve_request_log (at, key_name, endpoint, model, adapter, prompt_tokens, completion_tokens, "
      "finish_reason, flags, question, answer, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto* text : {&e.at, &e.key_name, &e.endpoint, &e.model, &e.adapter})
    q.addBindValue(QString::fromStdString(*text));
  q.addBindValue(static_cast<qint64>(e.prompt_tokens));
  q.addBindValue(static_cast<qint64>(e.completion_tokens));
  for (const auto* text : {&e.finish_reason, &e.flags_json, &e.question, &e.answer})
    q.addBindValue(QString::fromStdString(*text));
  q.addBindValue(e.seconds);
  workspace.exec(q);
}

std::vector<ServeLogEntry> recent_serve_log(Workspace& workspace, int limit) {
  auto q = workspace.prepare(
      "SELECT at, key_name, endpoint, model, adapter, prompt_tokens, completion_tokens, finish_reason, flags, "
      "question, answer, seconds FROM serve_request_log ORDER BY id DESC LIMIT ?");
  q.addBindValue(limit);
  workspace.exec(q);
  std::vector<ServeLogEntry> entries;
  while (q.next()) {
    ServeLogEntry e;
    e.at = q.value(0).toString().toStdString();
    e.key_name = q.value(1).toString().toStdString();
    e.endpoint = q.value(2).toString().toStdString();
    e.model = q.value(3).toString().toStdString();
    e.adapter = q.value(4).toString().toStdString();
    e.prompt_tokens = q.value(5).toLongLong();
    e.completion_tokens = q.value(6).toLongLong();
    e.finish_reason = q.value(7).toString().toStdString();
    e.flags_json = q.value(8).toString().toStdString();
    e.question = q.value(9).toString().toStdString();
    e.answer = q.value(10).toString().toStdString();
    e.seconds = q.value(11).toDouble();
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace medlora::store
