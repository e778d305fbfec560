#pragma once
// A page of the workbench: the main window lists it in the side bar under its title and icon.
#include <QIcon>
#include <QString>
#include <QWidget>

namespace medlora::ui {

class Panel : public QWidget {
  Q_OBJECT

 public:
  using QWidget::QWidget;
  // Translated on each call, so the side bar follows a language switch.
  virtual QString panel_title() const = 0;
  virtual QIcon panel_icon() const = 0;

 signals:
  // Short news for the status bar ("Loaded medlora-base").
  void status_message(const QString& text);
};

}  // namespace medlora::ui
