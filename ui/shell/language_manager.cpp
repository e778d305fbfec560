#include "ui/shell/language_manager.h"

#include <QCoreApplication>
#include <QLocale>
#include <stdexcept>

namespace medlora::ui {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager() {
  if (installed_) QCoreApplication::removeTranslator(&translator_);
}

QStringList LanguageManager::available() { return {"zh_CN", "en"}; }

QString LanguageManager::native_name(const QString& code) {
  if (code == "zh_CN") return QStringLiteral("简体中文");
  if (code == "en") return QStringLiteral("English");
  return code;
}

QString LanguageManager::system_language() {
  return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString LanguageManager::apply(const QString& language) {
  const QString code = language.isEmpty() ? system_language() : language;
  if (!available().contains(code))
    throw std::invalid_argument("unknown language \"" + code.toStdString() + "\" (choose zh_CN or en)");
  if (installed_ && code == current_) return current_;
  if (installed_) {
    QCoreApplication::removeTranslator(&translator_);
    installed_ = false;
  }
  const QString file = QStringLiteral(":/i18n/medlora_%1.qm").arg(code);
  if (!translator_.load(file))
    throw std::invalid_argument("the translation " + file.toStdString() +
                                " is missing from this build (rebuild the workbench)");
  // Installing posts QEvent::LanguageChange to every widget.
  QCoreApplication::installTranslator(&translator_);
  installed_ = true;
  current_ = code;
  QLocale::setDefault(QLocale(code));
  emit language_changed(code);
  return current_;
}

}  // namespace medlora::ui
