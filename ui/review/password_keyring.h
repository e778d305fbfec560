#pragma once
// "Remember the password on this computer" keeps it in the desktop's keyring (the Secret
// Service: GNOME Keyring, KWallet), through QtKeychain, encrypted by the keyring and never in a
// file of the workbench. Where no keyring answers, the password is not remembered and the call
// says why.
//
// Each call waits for the keyring in a local event loop (a D-Bus round trip, milliseconds).
#include <QString>

namespace medlora::ui {

struct KeyringRead {
  bool found = false;
  QString password;
  QString error;  // "" unless the keyring could not be asked (no entry is not an error)
};

KeyringRead read_keyring_password(const QString& key);
// "" when stored, else the keyring's reason.
QString write_keyring_password(const QString& key, const QString& password);
// "" when gone (or never there), else the keyring's reason.
QString delete_keyring_password(const QString& key);

}  // namespace medlora::ui
