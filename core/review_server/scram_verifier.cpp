#include "core/review_server/scram_verifier.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QString>

namespace medlora::review_server {
namespace {

QByteArray hmac(const QByteArray& key, const QByteArray& message) {
  return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray random_salt() {
  QByteArray salt(16, '\0');
  for (auto& byte : salt) byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
  return salt;
}

QByteArray prepared(const std::string& password) {
  const QString text = QString::fromStdString(password);
  for (const QChar c : text)
    if (c.unicode() > 0x7f) return text.normalized(QString::NormalizationForm_KC).toUtf8();
  return QByteArray::fromStdString(password);
}

}  // namespace

std::string scram_sha256_verifier(const std::string& password, const std::string& salt_bytes, int iterations) {
  const QByteArray salt = salt_bytes.empty() ? random_salt() : QByteArray::fromStdString(salt_bytes);
  const QByteArray salted =
      QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, prepared(password), salt, iterations, 32);
  const QByteArray stored_key = QCryptographicHash::hash(hmac(salted, "Client Key"), QCryptographicHash::Sha256);
  const QByteArray server_key = hmac(salted, "Server Key");
  return "SCRAM-SHA-256$" + std::to_string(iterations) + ":" + salt.toBase64().toStdString() + "$" +
         stored_key.toBase64().toStdString() + ":" + server_key.toBase64().toStdString();
}

}  // namespace medlora::review_server
