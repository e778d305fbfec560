#pragma once
// The two dialogs of the Serve panel's keys: CreateKeyDialog asks for a name and the limits;
// NewKeyDialog shows a new key once (it cannot be read back later) with a copy button.
#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace medlora::ui {

class CreateKeyDialog : public QDialog {
  Q_OBJECT

 public:
  explicit CreateKeyDialog(QWidget* parent = nullptr);

  QLineEdit* name_edit() const { return name_; }
  QSpinBox* rpm_box() const { return rpm_; }
  QSpinBox* tpm_box() const { return tpm_; }
  QDialogButtonBox* buttons() const { return buttons_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QLabel* name_label_;
  QLabel* rpm_label_;
  QLabel* tpm_label_;
  QLineEdit* name_;
  QSpinBox* rpm_;
  QSpinBox* tpm_;
  QDialogButtonBox* buttons_;
};

class NewKeyDialog : public QDialog {
  Q_OBJECT

 public:
  NewKeyDialog(const QString& name, const QString& key, QWidget* parent = nullptr);

  QString key() const;
  QPushButton* copy_button() const { return copy_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QString name_;
  QLabel* explanation_;
  QLineEdit* key_;
  QPushButton* copy_;
  QDialogButtonBox* buttons_;
};

}  // namespace medlora::ui
