#include "core/store/model_registry.h"

#include <QSqlQuery>
#include <QVariant>

#include "core/store/store_error.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

RegisteredModel model_from(const QSqlQuery& query) {
  return {query.value(0).toLongLong(), query.value(1).toString().toStdString(), query.value(2).toString().toStdString(),
          query.value(3).toString().toStdString(), query.value(4).toString().toStdString()};
}

RegisteredAdapter adapter_from(const QSqlQuery& query) {
  RegisteredAdapter adapter;
  adapter.id = query.value(0).toLongLong();
  if (!query.value(1).isNull()) adapter.model_id = query.value(1).toLongLong();
  adapter.name = query.value(2).toString().toStdString();
  adapter.path = query.value(3).toString().toStdString();
  adapter.registered_at = query.value(4).toString().toStdString();
  return adapter;
}

}  // namespace

int64_t ModelRegistry::register_model(const std::string& name, const std::string& path, const std::string& kind) {
  if (kind != "base" && kind != "merged") throw StoreError("a model is 'base' or 'merged', got '" + kind + "'");
  if (auto existing = find_model_by_path(path)) return existing->id;
  auto query = ws_.prepare("INSERT INTO models (name, path, kind, registered_at) VALUES (?, ?, ?, ?)");
  query.addBindValue(q(name));
  query.addBindValue(q(path));
  query.addBindValue(q(kind));
  query.addBindValue(q(Workspace::now_utc()));
  ws_.exec(query);
  return query.lastInsertId().toLongLong();
}

std::optional<RegisteredModel> ModelRegistry::find_model_by_path(const std::string& path) const {
  auto query = ws_.prepare("SELECT id, name, path, kind, registered_at FROM models WHERE path = ? ORDER BY id LIMIT 1");
  query.addBindValue(q(path));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return model_from(query);
}

std::vector<RegisteredModel> ModelRegistry::models() const {
  auto query = ws_.prepare("SELECT id, name, path, kind, registered_at FROM models ORDER BY name, id");
  ws_.exec(query);
  std::vector<RegisteredModel> result;
  while (query.next()) result.push_back(model_from(query));
  return result;
}

int64_t ModelRegistry::register_adapter(const std::string& name, const std::string& path,
                                        std::optional<int64_t> model_id) {
  auto existing = ws_.prepare("SELECT id FROM adapters WHERE path = ? ORDER BY id LIMIT 1");
  existing.addBindValue(q(path));
  ws_.exec(existing);
  if (existing.next()) return existing.value(0).toLongLong();
  auto query = ws_.prepare("INSERT INTO adapters (model_id, name, path, registered_at) VALUES (?, ?, ?, ?)");
  query.addBindValue(model_id ? QVariant(qint64(*model_id)) : QVariant(QMetaType(QMetaType::LongLong)));
  query.addBindValue(q(name));
  query.addBindValue(q(path));
  query.addBindValue(q(Workspace::now_utc()));
  ws_.exec(query);
  return query.lastInsertId().toLongLong();
}

std::vector<RegisteredAdapter> ModelRegistry::adapters() const {
  auto query = ws_.prepare("SELECT id, model_id, name, path, registered_at FROM adapters ORDER BY id DESC");
  ws_.exec(query);
  std::vector<RegisteredAdapter> result;
  while (query.next()) result.push_back(adapter_from(query));
  return result;
}

std::optional<RegisteredAdapter> ModelRegistry::find_adapter(int64_t id) const {
  auto query = ws_.prepare("SELECT id, model_id, name, path, registered_at FROM adapters WHERE id = ?");
  query.addBindValue(qint64(id));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return adapter_from(query);
}

bool ModelRegistry::remove_adapter(int64_t id) {
  auto query = ws_.prepare("DELETE FROM adapters WHERE id = ?");
  query.addBindValue(qint64(id));
  ws_.exec(query);
  return query.numRowsAffected() > 0;
}

}  // namespace medlora::store
