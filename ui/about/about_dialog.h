#pragma once
// What the program is and does, its version, the libraries it runs on and its licence.
#include <QDialog>
#include <QLabel>

namespace medlora::ui {

class AboutDialog : public QDialog {
  Q_OBJECT

 public:
  explicit AboutDialog(QWidget* parent = nullptr);
  // The text shown, for tests and for copying.
  QString text() const { return body_->text(); }

 private:
  QLabel* body_;
};

}  // namespace medlora::ui
