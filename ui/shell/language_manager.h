#pragma once
// Installs the workbench's translation (embedded as :/i18n/medlora_<code>.qm) at runtime.
// Widgets retranslate themselves on QEvent::LanguageChange.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace medlora::ui {

class LanguageManager : public QObject {
  Q_OBJECT

 public:
  explicit LanguageManager(QObject* parent = nullptr);
  ~LanguageManager() override;

  // "zh_CN" or "en"; "" follows the system locale. Throws std::invalid_argument for other
  // codes and when the embedded translation is missing (a broken build). Returns the code used.
  QString apply(const QString& language);
  QString current() const { return current_; }

  static QStringList available();                  // {"zh_CN", "en"}
  static QString native_name(const QString& code);  // "简体中文", "English" (never translated)
  static QString system_language();                // zh_CN for a Chinese system locale, else en

 signals:
  void language_changed(const QString& code);

 private:
  QTranslator translator_;
  bool installed_ = false;
  QString current_;
};

}  // namespace medlora::ui
