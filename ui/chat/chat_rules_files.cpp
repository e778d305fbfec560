#include "ui/chat/chat_rules_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <stdexcept>
#include <string>

namespace medlora::ui {
namespace {

QString& override_dir() {
  static QString dir;
  return dir;
}

// Loads with `load` when the file exists; the shipped rules (and a message) otherwise.
template <typename Rules, typename Load>
Rules load_or_defaults(const QString& path, const QString& what, QString* error, Load load) {
  if (error) error->clear();
  if (!QFileInfo::exists(path)) return Rules::defaults();
  try {
    return load(path.toStdString());
  } catch (const std::exception& e) {
    if (error) {
      *error = QCoreApplication::translate("medlora::ui::ChatRulesFiles",
                                           "The %1 in %2 could not be used: %3\nThe shipped rules apply "
                                           "until the file is fixed or saved again.")
                   .arg(what, QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
    }
    return Rules::defaults();
  }
}

void make_folder_for(const QString& path) {
  const QString folder = QFileInfo(path).absolutePath();
  if (!QDir().mkpath(folder))
    throw std::runtime_error("cannot create the folder " + QDir::toNativeSeparators(folder).toStdString() + " for " +
                             QFileInfo(path).fileName().toStdString());
}

}  // namespace

QString chat_config_dir() {
  if (!override_dir().isEmpty()) return override_dir();
  const QString from_environment = qEnvironmentVariable("MEDLORA_CONFIG_DIR");
  if (!from_environment.isEmpty()) return from_environment;
  return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

void set_chat_config_dir(const QString& dir) { override_dir() = dir; }

QString routing_rules_path() { return QDir(chat_config_dir()).filePath("routing_rules.json"); }
QString safety_rules_path() { return QDir(chat_config_dir()).filePath("safety_rules.json"); }

chat::RoutingRules load_routing_rules(QString* error) {
  return load_or_defaults<chat::RoutingRules>(
      routing_rules_path(), QCoreApplication::translate("medlora::ui::ChatRulesFiles", "routing rules"), error,
      [](const std::string& path) { return chat::RoutingRules::load(path); });
}

void save_routing_rules(const chat::RoutingRules& rules) {
  const QString path = routing_rules_path();
  make_folder_for(path);
  rules.save(path.toStdString());
}

chat::SafetyRules load_safety_rules(QString* error) {
  return load_or_defaults<chat::SafetyRules>(
      safety_rules_path(), QCoreApplication::translate("medlora::ui::ChatRulesFiles", "safety rules"), error,
      [](const std::string& path) { return chat::SafetyRules::load(path); });
}

void save_safety_rules(const chat::SafetyRules& rules) {
  const QString path = safety_rules_path();
  make_folder_for(path);
  rules.save(path.toStdString());
}

}  // namespace medlora::ui
