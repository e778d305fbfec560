#include "core/store/serve_keys.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>

#include "core/store/workspace.h"

namespace medlora::store {
namespace {

constexpr char kSelect[] =
    "SELECT id, name, key_prefix, requests_per_minute, tokens_per_minute, created_at, revoked_at FROM serve_keys";

ServeKey read_key(const QSqlQuery& q) {
  ServeKey key;
  key.id = q.value(0).toLongLong();
  key.name = q.value(1).toString().toStdString();
  key.key_prefix = q.value(2).toString().toStdString();
  key.requests_per_minute = q.value(3).toLongLong();
  key.tokens_per_minute = q.value(4).toLongLong();
  key.created_at = q.value(5).toString().toStdString();
  key.revoked_at = q.value(6).toString().toStdString();
  return key;
}

// 24 bytes from the system's cryptographic source, as hex.
std::string random_secret() {
  QByteArray bytes(24, '\0');
  auto* rng = QRandomGenerator::system();
  for (auto& b : bytes) b = static_cast<char>(rng->bounded(256));
  return "mlk-" + bytes.toHex().toStdString();
}

}  // namespace

std::string serve_key_hash(const std::string& key) {
  return QCryptographicHash::hash(QByteArray::fromStdString(key), QCryptographicHash::Sha256).toHex().toStdString();
}

CreatedServeKey ServeKeyRepository::create(const std::string& name, int64_t requests_per_minute,
                                           int64_t tokens_per_minute) {
  if (name.empty()) throw std::invalid_argument("a key needs a name");
  if (requests_per_minute < 0 || tokens_per_minute < 0)
    throw std::invalid_argument("rate limits must be 0 (unlimited) or more");
  for (const auto& existing : list())
    if (existing.name == name) throw std::invalid_argument("a key named '" + name + "' exists already");
  CreatedServeKey created;
  created.secret = random_secret();
  created.key.name = name;
  created.key.key_prefix = created.secret.substr(0, 8);
  created.key.requests_per_minute = requests_per_minute;
  created.key.tokens_per_minute = tokens_per_minute;
  created.key.created_at = Workspace::now_utc();
  auto q = ws_.prepare(
      "INSERT INTO serve_keys (name, key_hash, key_prefix, requests_per_minute, tokens_per_minute, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  q.addBindValue(QString::fromStdString(name));
  q.addBindValue(QString::fromStdString(serve_key_hash(created.secret)));
  q.addBindValue(QString::fromStdString(created.key.key_prefix));
  q.addBindValue(static_cast<qint64>(requests_per_minute));
  q.addBindValue(static_cast<qint64>(tokens_per_minute));
  q.addBindValue(QString::fromStdString(created.key.created_at));
  ws_.exec(q);
  created.key.id = q.lastInsertId().toLongLong();
  return created;
}

std::vector<ServeKey> ServeKeyRepository::list() const {
  auto q = ws_.prepare(QString(kSelect) + " ORDER BY id");
  ws_.exec(q);
  std::vector<ServeKey> keys;
  while (q.next()) keys.push_back(read_key(q));
  return keys;
}

void ServeKeyRepository::revoke(const std::string& name) {
  auto q = ws_.prepare("UPDATE serve_keys SET revoked_at = ? WHERE name = ? AND revoked_at = ''");
  q.addBindValue(QString::fromStdString(Workspace::now_utc()));
  q.addBindValue(QString::fromStdString(name));
  ws_.exec(q);
  if (q.numRowsAffected() != 1) throw std::invalid_argument("no working key named '" + name + "'");
}

std::optional<ServeKey> ServeKeyRepository::find_active(const std::string& key) const {
  auto q = ws_.prepare(QString(kSelect) + " WHERE key_hash = ? AND revoked_at = ''");
  q.addBindValue(QString::fromStdString(serve_key_hash(key)));
  ws_.exec(q);
  if (!q.next()) return std::nullopt;
  return read_key(q);
}

}  // namespace medlora::store
