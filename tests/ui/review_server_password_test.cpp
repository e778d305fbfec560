// The review server's "remember the password" under offscreen Qt. Run twice by ctest: once with
// a throwaway GNOME Keyring on a private D-Bus session (MEDLORA_TEST_KEYRING=running,
// tests/support/with_keyring.sh), where the password goes to the keyring and comes back, never
// into the settings file; once with no session bus at all (MEDLORA_TEST_KEYRING=none), where it
// is refused with a reason, nothing is kept anywhere and remember_password stays off.
#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/review/password_keyring.h"
#include "ui/review/server_settings.h"

using namespace medlora;

namespace {

const QString kPassword = QStringLiteral("Sc0re-only-mine!");

QByteArray file_bytes(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ui::ServerSettings doctor_settings() {
  ui::ServerSettings settings;
  settings.host = "review.hospital.example";
  settings.port = 5433;
  settings.database = "review";
  settings.user = "dr_wang";
  settings.sslmode = "require";
  settings.remember_password = true;
  settings.password = kPassword;
  return settings;
}

}  // namespace

class ReviewServerPasswordTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    mode_ = qEnvironmentVariable("MEDLORA_TEST_KEYRING");
    QVERIFY2(mode_ == "running" || mode_ == "none", "set MEDLORA_TEST_KEYRING to running or none");
  }

  void the_settings_file_never_holds_the_password() {
    const QString file = tmp_.filePath("workbench.ini");
    {
      QSettings store(file, QSettings::IniFormat);
      // What an earlier version left there in plain text is removed by the next save.
      store.setValue("review_server/reviewer/password", kPassword);
      const QString refused = ui::save_server_settings(store, "reviewer", doctor_settings());
      if (mode_ == "running") QVERIFY2(refused.isEmpty(), qPrintable(refused));
      else QVERIFY2(!refused.isEmpty(), "no keyring runs, yet the password was reported as kept");
    }
    const QByteArray bytes = file_bytes(file);
    QVERIFY(bytes.contains("dr_wang"));  // the other fields are there
    QVERIFY2(!bytes.contains(kPassword.toUtf8()), bytes.constData());

    QSettings store(file, QSettings::IniFormat);
    const ui::ServerSettings loaded = ui::load_server_settings(store, "reviewer");
    QCOMPARE(loaded.user, QString("dr_wang"));
    QCOMPARE(loaded.port, 5433);
    QCOMPARE(loaded.sslmode, QString("require"));
    if (mode_ == "running") {
      QVERIFY(loaded.remember_password);
      QCOMPARE(loaded.password, kPassword);
      const auto kept = ui::read_keyring_password(ui::keyring_key("reviewer", doctor_settings()));
      QVERIFY(kept.found);
      QCOMPARE(kept.password, kPassword);
    } else {
      QVERIFY(!loaded.remember_password);  // the tick is not kept when the keyring refused
      QVERIFY(loaded.password.isEmpty());
      QVERIFY(!ui::read_keyring_password("reviewer/dr_wang@review.hospital.example:5433/review").error.isEmpty());
    }
  }

  void unticking_removes_the_kept_password() {
    if (mode_ != "running") QSKIP("needs the keyring run (the other ctest entry)");
    const QString file = tmp_.filePath("untick.ini");
    QSettings store(file, QSettings::IniFormat);
    QVERIFY(ui::save_server_settings(store, "lead", doctor_settings()).isEmpty());
    QVERIFY(ui::read_keyring_password(ui::keyring_key("lead", doctor_settings())).found);
    ui::ServerSettings untick = doctor_settings();
    untick.remember_password = false;
    QVERIFY(ui::save_server_settings(store, "lead", untick).isEmpty());
    const auto gone = ui::read_keyring_password(ui::keyring_key("lead", doctor_settings()));
    QVERIFY(gone.error.isEmpty());
    QVERIFY(!gone.found);
    QVERIFY(ui::load_server_settings(store, "lead").password.isEmpty());
    // A doctor's and a lead's entries are apart: the reviewer entry of the first test is still there.
    QVERIFY(ui::read_keyring_password(ui::keyring_key("reviewer", doctor_settings())).found);
  }

 private:
  QString mode_;
  QTemporaryDir tmp_;
};

QTEST_MAIN(ReviewServerPasswordTest)
#include "review_server_password_test.moc"
