// Reviewer accounts: who may create them, PBKDF2 hashes checked against an independent
// computation, authentication and its audit trail.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>

#include "core/store/reviewer_accounts.h"
#include "core/store/store_error.h"
#include "core/store/workspace.h"
#include "review_test_support.h"

namespace medlora::store {
namespace {

using ReviewAccountsTest = testing::TempWorkspaceTest;
using testing::kTestIterations;

// PBKDF2-HMAC-SHA256 (RFC 8018 section 5.2) for one 32-byte block, written out here so that the
// stored hash is checked against something other than the code that made it.
QByteArray reference_pbkdf2_sha256(const QByteArray& password, const QByteArray& salt, int iterations) {
  QByteArray block_index("\x00\x00\x00\x01", 4);
  QByteArray u = QMessageAuthenticationCode::hash(salt + block_index, password, QCryptographicHash::Sha256);
  QByteArray result = u;
  for (int i = 1; i < iterations; ++i) {
    u = QMessageAuthenticationCode::hash(u, password, QCryptographicHash::Sha256);
    for (int b = 0; b < result.size(); ++b) result[b] = static_cast<char>(result[b] ^ u[b]);
  }
  return result;
}

TEST(ReferencePbkdf2, MatchesRfc7914TestVector) {
  // RFC 7914 section 11: PBKDF2-HMAC-SHA-256 (P="passwd", S="salt", c=1), first 32 bytes.
  EXPECT_EQ(reference_pbkdf2_sha256("passwd", "salt", 1).toHex(),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
}

TEST_F(ReviewAccountsTest, TheFirstAccountIsALeadAndLaterOnesNeedALead) {
  Workspace ws(file());
  ReviewerAccounts accounts(ws, kTestIterations);
  EXPECT_TRUE(accounts.empty());
  const ReviewerAccount lead = accounts.create_first_lead("lead-li", "lead-password");
  EXPECT_TRUE(lead.is_lead());
  EXPECT_FALSE(accounts.empty());
  EXPECT_THROW(accounts.create_first_lead("someone", "another-password"), StoreError);

  accounts.create(lead, "dr-wang", "doctor", "doctor-password");
  const auto doctor = accounts.authenticate("dr-wang", "doctor-password");
  ASSERT_TRUE(doctor.has_value());
  EXPECT_EQ(doctor->role(), "doctor");
  EXPECT_THROW(accounts.create(*doctor, "dr-zhao", "doctor", "doctor-password"), StoreError);
  EXPECT_FALSE(accounts.find("dr-zhao").has_value());

  EXPECT_THROW(accounts.create(lead, "dr-wang", "doctor", "other-password"), StoreError);  // taken
  EXPECT_THROW(accounts.create(lead, "dr-x", "nurse", "doctor-password"), std::invalid_argument);
  EXPECT_THROW(accounts.create(lead, "dr-x", "doctor", "short"), std::invalid_argument);
  EXPECT_THROW(accounts.create(lead, "", "doctor", "doctor-password"), std::invalid_argument);
  EXPECT_THROW(accounts.create(lead, "dr\nx", "doctor", "doctor-password"), std::invalid_argument);
  ASSERT_EQ(accounts.list().size(), 2u);
  EXPECT_EQ(accounts.list()[0].name, "dr-wang");
  EXPECT_EQ(accounts.list()[1].role, "lead");
}

TEST_F(ReviewAccountsTest, PasswordsAreStoredAsSaltedPbkdf2WithTheDefaultIterations) {
  Workspace ws(file());
  ReviewerAccounts accounts(ws);  // the production iteration count
  const ReviewerAccount lead = accounts.create_first_lead("lead-li", "same-password");
  accounts.create(lead, "dr-wang", "doctor", "same-password");

  QSqlQuery query(ws.database());
  ASSERT_TRUE(query.exec("SELECT password_salt, password_hash, password_iterations FROM reviewers ORDER BY id"));
  std::vector<QByteArray> salts, hashes;
  while (query.next()) {
    const QByteArray salt = query.value(0).toByteArray();
    const QByteArray hash = query.value(1).toByteArray();
    EXPECT_EQ(salt.size(), 16);
    EXPECT_EQ(hash.size(), 32);
    EXPECT_EQ(query.value(2).toInt(), ReviewerAccounts::kPbkdf2Iterations);
    EXPECT_FALSE(hash.contains("same-password"));
    salts.push_back(salt);
    hashes.push_back(hash);
  }
  ASSERT_EQ(salts.size(), 2u);
  EXPECT_NE(salts[0], salts[1]) << "every account gets its own random salt";
  EXPECT_NE(hashes[0], hashes[1]) << "the same password hashes differently under different salts";
  EXPECT_EQ(hashes[0], reference_pbkdf2_sha256("same-password", salts[0], ReviewerAccounts::kPbkdf2Iterations));
}

TEST_F(ReviewAccountsTest, AuthenticationAcceptsOnlyTheRightPasswordAndAuditsFailures) {
  Workspace ws(file());
  ReviewerAccounts accounts(ws, kTestIterations);
  const ReviewerAccount lead = accounts.create_first_lead("lead-li", "lead-password");
  accounts.create(lead, "张医生", "doctor", "密码是八个字符以上");

  const auto zhang = accounts.authenticate("张医生", "密码是八个字符以上");
  ASSERT_TRUE(zhang.has_value());
  EXPECT_EQ(zhang->name(), "张医生");
  EXPECT_FALSE(accounts.authenticate("张医生", "密码是八个字符以下").has_value());
  EXPECT_FALSE(accounts.authenticate("张医生", "").has_value());
  EXPECT_FALSE(accounts.authenticate("nobody", "lead-password").has_value());
  EXPECT_FALSE(accounts.authenticate("LEAD-LI", "lead-password").has_value());

  QSqlQuery query(ws.database());
  ASSERT_TRUE(query.exec("SELECT user_name, reviewer_id IS NULL FROM audit_log WHERE action = 'login-failure' ORDER BY id"));
  std::vector<std::string> failed;
  while (query.next()) {
    failed.push_back(query.value(0).toString().toStdString());
    EXPECT_EQ(query.value(1).toInt(), 1);
  }
  EXPECT_EQ(failed, (std::vector<std::string>{"张医生", "张医生", "nobody", "LEAD-LI"}));
  ASSERT_TRUE(query.exec("SELECT count(*) FROM audit_log WHERE action = 'account-create'"));
  ASSERT_TRUE(query.next());
  EXPECT_EQ(query.value(0).toInt(), 2);
}

TEST_F(ReviewAccountsTest, AnAccountOfAnotherWorkspaceIsRefused) {
  Workspace first(file("first.mlw"));
  Workspace second(file("second.mlw"));
  ReviewerAccounts first_accounts(first, kTestIterations);
  ReviewerAccounts second_accounts(second, kTestIterations);
  const ReviewerAccount lead = first_accounts.create_first_lead("lead-li", "lead-password");
  second_accounts.create_first_lead("lead-other", "lead-password");
  EXPECT_NO_THROW(first_accounts.verify(lead, "lead"));
  EXPECT_THROW(second_accounts.verify(lead), StoreError);
  EXPECT_THROW(second_accounts.create(lead, "dr-x", "doctor", "doctor-password"), StoreError);
}

TEST_F(ReviewAccountsTest, AuditRowsCannotBeRewritten) {
  Workspace ws(file());
  ReviewerAccounts(ws, kTestIterations).create_first_lead("lead-li", "lead-password");
  QSqlQuery query(ws.database());
  EXPECT_FALSE(query.exec("UPDATE audit_log SET user_name = 'someone else'"));
  EXPECT_FALSE(query.exec("DELETE FROM audit_log"));
  ASSERT_TRUE(query.exec("SELECT user_name FROM audit_log"));
  ASSERT_TRUE(query.next());
  EXPECT_EQ(query.value(0).toString(), "lead-li");
}

}  // namespace
}  // namespace medlora::store
