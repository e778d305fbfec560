// API keys in the workspace: shown once, stored hashed, revoked for good.
#include <gtest/gtest.h>

#include <QSqlQuery>
#include <QTemporaryDir>

#include "core/store/serve_keys.h"
#include "core/store/serve_request_log.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

TEST(ServeKeys, CreateListFindRevoke) {
  QTemporaryDir dir;
  Workspace ws(dir.filePath("w.mlw").toStdString());
  ServeKeyRepository keys(ws);
  const auto created = keys.create("clinic-app", 60, 10000);
  EXPECT_EQ(created.secret.rfind("mlk-", 0), 0u);
  EXPECT_EQ(created.secret.size(), 4u + 48u);
  EXPECT_EQ(created.key.key_prefix, created.secret.substr(0, 8));
  EXPECT_NE(keys.create("other", 0, 0).secret, created.secret);
  EXPECT_THROW(keys.create("clinic-app", 0, 0), std::invalid_argument);
  EXPECT_THROW(keys.create("", 0, 0), std::invalid_argument);
  EXPECT_THROW(keys.create("neg", -1, 0), std::invalid_argument);

  // Only the hash is stored.
  auto q = ws.prepare("SELECT key_hash FROM serve_keys WHERE name = 'clinic-app'");
  ws.exec(q);
  ASSERT_TRUE(q.next());
  EXPECT_EQ(q.value(0).toString().toStdString(), serve_key_hash(created.secret));
  EXPECT_EQ(serve_key_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  const auto found = keys.find_active(created.secret);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "clinic-app");
  EXPECT_EQ(found->requests_per_minute, 60);
  EXPECT_EQ(found->tokens_per_minute, 10000);
  EXPECT_FALSE(keys.find_active(created.secret + "x"));

  keys.revoke("clinic-app");
  EXPECT_FALSE(keys.find_active(created.secret));
  EXPECT_THROW(keys.revoke("clinic-app"), std::invalid_argument);
  const auto listed = keys.list();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_TRUE(listed[0].revoked());
  EXPECT_FALSE(listed[1].revoked());
}

TEST(ServeRequestLog, AppendsAndReadsBack) {
  QTemporaryDir dir;
  Workspace ws(dir.filePath("w.mlw").toStdString());
  ServeLogEntry entry;
  entry.at = Workspace::now_utc();
  entry.key_name = "k";
  entry.endpoint = "chat.completions";
  entry.model = "route";
  entry.adapter = "chronic";
  entry.prompt_tokens = 12;
  entry.completion_tokens = 3;
  entry.finish_reason = "stop";
  entry.question = "[PHONE] 头痛";
  entry.answer = "休息";
  entry.seconds = 0.5;
  append_serve_log(ws, entry);
  const auto back = recent_serve_log(ws, 10);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].adapter, "chronic");
  EXPECT_EQ(back[0].question, "[PHONE] 头痛");
  EXPECT_EQ(back[0].completion_tokens, 3);
}

}  // namespace
}  // namespace medlora::store
