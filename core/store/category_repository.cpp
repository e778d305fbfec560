#include "core/store/category_repository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <set>

#include "core/io/json_util.h"
#include "core/store/transaction.h"

namespace medlora::store {
namespace {

QString keywords_to_json(const std::vector<std::string>& keywords) {
  QJsonArray array;
  for (const std::string& keyword : keywords) array.append(QString::fromStdString(keyword));
  return io::json::compact_text(array);
}

std::vector<std::string> keywords_from_json(const QString& text) {
  std::vector<std::string> keywords;
  for (const QJsonValue& value : QJsonDocument::fromJson(text.toUtf8()).array())
    keywords.push_back(value.toString().toStdString());
  return keywords;
}

Category category_from_row(const QSqlQuery& query) {
  Category category;
  category.id = query.value(0).toLongLong();
  category.name = query.value(1).toString().toStdString();
  category.keywords = keywords_from_json(query.value(2).toString());
  category.required = query.value(3).toInt() != 0;
  category.min_share = query.value(4).toDouble();
  category.sort_order = query.value(5).toInt();
  return category;
}

const char* kSelect = "SELECT id, name, keywords, required, min_share, sort_order FROM categories";

void validate(const Workspace& ws, const Category& category) {
  if (category.name.empty()) throw StoreError("workspace " + ws.path() + ": a category needs a name");
  if (!(category.min_share >= 0.0 && category.min_share <= 1.0))
    throw StoreError("workspace " + ws.path() + ": category '" + category.name +
                     "': minimum share must be between 0 and 1");
}

void throw_if_name_taken(const Workspace& ws, const std::string& name, int64_t except_id) {
  QSqlQuery query = ws.prepare("SELECT id FROM categories WHERE name = ? AND id <> ?");
  query.addBindValue(QString::fromStdString(name));
  query.addBindValue(static_cast<qlonglong>(except_id));
  ws.exec(query);
  if (query.next())
    throw StoreError("workspace " + ws.path() + ": a category named '" + name + "' already exists");
}

}  // namespace

std::vector<Category> default_categories() {
  // Keywords are matched as substrings of a record's text, so stems ("gynecolog") catch several
  // word forms. Chinese and English, because the shipped data is both.
  return {
      {0, "内科", {"内科", "发热", "发烧", "咳嗽", "感冒", "肺炎", "胃炎", "消化", "心悸", "internal medicine",
                  "fever", "cough", "pneumonia", "gastritis", "infection"}, false, 0.0, 1},
      {0, "外科", {"外科", "手术", "骨折", "伤口", "缝合", "阑尾炎", "结石", "surgery", "surgical",
                  "fracture", "wound", "appendicitis", "hernia"}, false, 0.0, 2},
      {0, "儿科", {"儿科", "儿童", "小儿", "婴儿", "新生儿", "幼儿", "宝宝", "child", "infant",
                  "pediatric", "newborn", "toddler"}, false, 0.0, 3},
      {0, "妇产科", {"妇产科", "妇科", "产科", "怀孕", "妊娠", "孕妇", "月经", "分娩", "pregnan",
                    "menstrua", "gynecolog", "obstetric", "childbirth"}, false, 0.0, 4},
      {0, "急诊", {"急诊", "急救", "中毒", "昏迷", "休克", "心肺复苏", "大出血", "emergency",
                  "poisoning", "overdose", "unconscious", "CPR"}, false, 0.0, 5},
      {0, "慢病", {"慢性", "慢病", "高血压", "糖尿病", "冠心病", "慢阻肺", "高血脂", "chronic",
                  "hypertension", "diabetes", "COPD", "long-term"}, false, 0.0, 6},
  };
}

std::vector<Category> CategoryRepository::list() const {
  QSqlQuery query = ws_.prepare(QString(kSelect) + " ORDER BY sort_order, name");
  ws_.exec(query);
  std::vector<Category> categories;
  while (query.next()) categories.push_back(category_from_row(query));
  return categories;
}

std::optional<Category> CategoryRepository::find(const std::string& name) const {
  QSqlQuery query = ws_.prepare(QString(kSelect) + " WHERE name = ?");
  query.addBindValue(QString::fromStdString(name));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return category_from_row(query);
}

int64_t CategoryRepository::add(const Category& category) {
  validate(ws_, category);
  Transaction transaction(ws_);
  throw_if_name_taken(ws_, category.name, 0);
  QSqlQuery query = ws_.prepare(
      "INSERT INTO categories (name, keywords, required, min_share, sort_order) VALUES (?, ?, ?, ?, ?)");
  query.addBindValue(QString::fromStdString(category.name));
  query.addBindValue(keywords_to_json(category.keywords));
  query.addBindValue(category.required ? 1 : 0);
  query.addBindValue(category.min_share);
  query.addBindValue(category.sort_order);
  ws_.exec(query);
  const int64_t id = query.lastInsertId().toLongLong();
  transaction.commit();
  return id;
}

void CategoryRepository::update(const Category& category) {
  validate(ws_, category);
  Transaction transaction(ws_);
  throw_if_name_taken(ws_, category.name, category.id);
  QSqlQuery query = ws_.prepare(
      "UPDATE categories SET name = ?, keywords = ?, required = ?, min_share = ?, sort_order = ? "
      "WHERE id = ?");
  query.addBindValue(QString::fromStdString(category.name));
  query.addBindValue(keywords_to_json(category.keywords));
  query.addBindValue(category.required ? 1 : 0);
  query.addBindValue(category.min_share);
  query.addBindValue(category.sort_order);
  query.addBindValue(static_cast<qlonglong>(category.id));
  ws_.exec(query);
  if (query.numRowsAffected() == 0)
    throw StoreError("workspace " + ws_.path() + ": no category with id " + std::to_string(category.id));
  transaction.commit();
}

bool CategoryRepository::remove(const std::string& name) {
  QSqlQuery query = ws_.prepare("DELETE FROM categories WHERE name = ?");
  query.addBindValue(QString::fromStdString(name));
  ws_.exec(query);
  return query.numRowsAffected() > 0;
}

void CategoryRepository::reset_to_defaults() {
  Transaction transaction(ws_);
  ws_.exec("DELETE FROM categories");
  for (const Category& category : default_categories()) add(category);
  transaction.commit();
}

std::vector<data::CategoryRule> CategoryRepository::rules() const {
  std::vector<data::CategoryRule> rules;
  for (const auto& category : list())
    rules.push_back({category.name, category.keywords, category.required, category.min_share});
  return rules;
}

void CategoryRepository::save_rules(const std::vector<data::CategoryRule>& rules) {
  Transaction transaction(ws_);
  std::set<std::string> wanted;
  for (const auto& rule : rules) wanted.insert(rule.name);
  for (const auto& existing : list())
    if (!wanted.count(existing.name)) remove(existing.name);
  int order = 0;
  for (const auto& rule : rules) {
    Category category;
    category.name = rule.name;
    category.keywords = rule.keywords;
    category.required = rule.required;
    category.min_share = rule.min_share;
    category.sort_order = order++;
    if (const auto found = find(rule.name)) {
      category.id = found->id;
      update(category);
    } else {
      add(category);
    }
  }
  transaction.commit();
}

}  // namespace medlora::store
