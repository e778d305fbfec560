#pragma once
// The workspace's API keys for the server, as `medlora serve key` manages them (the same
// store::ServeKeyRepository calls): a table of name, prefix, limits, created and revoked, with
// Create (name, requests and tokens per minute; the new key is shown once, with a copy button)
// and Revoke. A revoked key stops working at once, also on a running server.
#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace medlora::store {
class Workspace;
}

namespace medlora::ui {

class NewKeyDialog;
class CreateKeyDialog;

class ServeKeysView : public QWidget {
  Q_OBJECT

 public:
  explicit ServeKeysView(QWidget* parent = nullptr);

  // The workspace whose keys are shown (null: none open); not owned. Reloads the table.
  void set_workspace(store::Workspace* workspace);
  void refresh();

  // Opens the Create dialog (name, rpm, tpm); its OK calls create_key().
  void open_create_dialog();
  // Creates the key and shows it once in a dialog; returns it, or nullopt with the reason in the
  // error label (empty or taken name, negative limit, no workspace).
  std::optional<QString> create_key(const QString& name, int requests_per_minute, int tokens_per_minute);
  // Revokes the selected key (its name is in column 0); false with the reason shown otherwise.
  bool revoke_selected();

  QTableWidget* table() const { return table_; }
  QPushButton* create_button() const { return create_; }
  QPushButton* revoke_button() const { return revoke_; }
  QLabel* error_label() const { return error_; }
  CreateKeyDialog* create_dialog() const;
  NewKeyDialog* new_key_dialog() const;  // the latest new key's, while it is open

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void show_error(const QString& message);

  store::Workspace* workspace_ = nullptr;
  QTableWidget* table_;
  QPushButton* create_;
  QPushButton* revoke_;
  QLabel* error_;
  QPointer<CreateKeyDialog> create_dialog_;
  QPointer<NewKeyDialog> new_key_dialog_;
};

}  // namespace medlora::ui
