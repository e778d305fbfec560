#include "ui/review/password_keyring.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace medlora::ui {
namespace {

// The keyring's service name for the workbench's entries (what a keyring manager shows).
const QString kService = QStringLiteral("MedLoRA Workbench review server");

QKeychain::Error run(QKeychain::Job& job) {
  job.setAutoDelete(false);
  job.setInsecureFallback(false);  // never a plain-text file when there is no keyring
  QEventLoop loop;
  QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
  job.start();
  loop.exec();
  return job.error();
}

}  // namespace

KeyringRead read_keyring_password(const QString& key) {
  QKeychain::ReadPasswordJob job(kService);
  job.setKey(key);
  KeyringRead read;
  const auto error = run(job);
  if (error == QKeychain::NoError) {
    read.found = true;
    read.password = job.textData();
  } else if (error != QKeychain::EntryNotFound) {
    read.error = job.errorString();
  }
  return read;
}

QString write_keyring_password(const QString& key, const QString& password) {
  QKeychain::WritePasswordJob job(kService);
  job.setKey(key);
  job.setTextData(password);
  return run(job) == QKeychain::NoError ? QString() : job.errorString();
}

QString delete_keyring_password(const QString& key) {
  QKeychain::DeletePasswordJob job(kService);
  job.setKey(key);
  const auto error = run(job);
  return error == QKeychain::NoError || error == QKeychain::EntryNotFound ? QString() : job.errorString();
}

}  // namespace medlora::ui
