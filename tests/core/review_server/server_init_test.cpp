// The review server's set-up: URL parsing, SCRAM verifiers, init on an empty database (and its
// refusals), reviewer accounts that sign in with their password.
#include <gtest/gtest.h>

#include <stdexcept>

#include "core/review_server/scram_verifier.h"
#include "tests/core/review_server/server_test_support.h"

namespace medlora::review_server {
namespace {

using testing::PgCluster;
using testing::TestServer;

TEST(ServerAddress, ParsesTheLibpqUrlForm) {
  const auto address = parse_server_url("postgresql://dr-a@db.hospital.example:6432/review?sslmode=verify-full");
  EXPECT_EQ(address.user, "dr-a");
  EXPECT_EQ(address.host, "db.hospital.example");
  EXPECT_EQ(address.port, 6432);
  EXPECT_EQ(address.database, "review");
  EXPECT_EQ(address.options.at("sslmode"), "verify-full");
  EXPECT_EQ(parse_server_url(address.url()), address);
  EXPECT_EQ(address.label(), "dr-a@db.hospital.example:6432/review");
  EXPECT_EQ(parse_server_url("postgres://lead@127.0.0.1/db").port, 5432);
  const auto ipv6 = parse_server_url("postgresql://lead@[::1]:5433/db");
  EXPECT_EQ(ipv6.host, "::1");
  EXPECT_EQ(parse_server_url(ipv6.url()), ipv6);
  EXPECT_EQ(parse_server_url("postgresql://dr%20b@h/my%20db").user, "dr b");
}

TEST(ServerAddress, RefusesWhatLibpqUrlsDoNotMean) {
  for (const char* bad : {"http://lead@h/db", "postgresql://h/db", "postgresql://lead@/db", "postgresql://lead@h",
                          "postgresql://lead@h/", "postgresql://lead:secret@h/db", "postgresql://lead@h:99999/db",
                          "postgresql://lead@h/db?sslmode=maybe", "postgresql://lead@h/db?password=x",
                          "lead@h/db"})
    EXPECT_THROW(parse_server_url(bad), std::invalid_argument) << bad;
  try {
    parse_server_url("postgresql://lead:secret@h/db");
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("PGPASSWORD"), std::string::npos);
  }
}

TEST(ScramVerifier, MatchesRfc7677sTestVector) {
  // RFC 7677 section 3's exchange (password "pencil", this salt, 4096 rounds): these keys give
  // its ClientProof dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= (checked with Python's hashlib).
  const std::string salt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==").toStdString();
  EXPECT_EQ(scram_sha256_verifier("pencil", salt, 4096),
            "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
            "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=");
  EXPECT_NE(scram_sha256_verifier("pencil"), scram_sha256_verifier("pencil"));  // random salts
}

TEST(ServerInit, CreatesTheSchemaOnceInAnEmptyDatabase) {
  TestServer server("init", /*initialise=*/false);
  auto lead = server.lead();
  const auto info = init_server(*lead);
  EXPECT_EQ(info.schema_version, kServerSchemaVersion);
  EXPECT_EQ(info.lead_role, PgCluster::get().lead_role());
  EXPECT_EQ(server_info(*lead).reviewer_group, info.reviewer_group);
  try {
    init_server(*lead);
    FAIL() << "a second init must be refused";
  } catch (const ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("a review server already"), std::string::npos) << e.what();
  }
  // Every table has row-level security on and forced.
  const auto rls = server.psql(info.lead_role,
                               "SELECT count(*) FILTER (WHERE NOT relrowsecurity OR NOT relforcerowsecurity), count(*) "
                               "FROM pg_class WHERE relnamespace = 'medlora_review'::regnamespace AND relkind = 'r'");
  EXPECT_EQ(rls.output, "0|12\n");
}

TEST(ServerInit, RefusesADatabaseWithTablesInIt) {
  TestServer server("init_full", /*initialise=*/false);
  ASSERT_EQ(server.psql(PgCluster::get().lead_role(), "CREATE TABLE patients (id int)").status, 0);
  try {
    init_server(*server.lead());
    FAIL() << "init on a non-empty database must be refused";
  } catch (const ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("patients"), std::string::npos) << e.what();
  }
}

TEST(ServerInit, AWrongPasswordIsAConnectionFailure) {
  TestServer server("init_pw", /*initialise=*/false);
  try {
    ServerConnection connection(server.address(PgCluster::get().lead_role()), "not-the-password");
    FAIL();
  } catch (const ServerError& e) {
    EXPECT_TRUE(e.connection_lost());
    EXPECT_NE(std::string(e.what()).find("password authentication failed"), std::string::npos) << e.what();
  }
}

TEST(ServerReviewers, AReviewerSignsInWithTheirPasswordAndIsNoAdministrator) {
  TestServer server("reviewers");
  auto lead = server.lead();
  const std::string name = testing::unique_name("dr-a");
  const auto added = add_reviewer(*lead, name, testing::kReviewerPassword, "adjudicator");
  EXPECT_EQ(added.role, "adjudicator");
  ASSERT_EQ(list_reviewers(*lead).size(), 1u);
  EXPECT_EQ(list_reviewers(*lead)[0].name, name);
  EXPECT_THROW(add_reviewer(*lead, name, testing::kReviewerPassword), ServerError);  // the role exists
  EXPECT_THROW(add_reviewer(*lead, "bad name", testing::kReviewerPassword), std::invalid_argument);
  EXPECT_THROW(add_reviewer(*lead, "dr-short", "short"), std::invalid_argument);
  EXPECT_THROW(add_reviewer(*lead, "dr-role", testing::kReviewerPassword, "lead"), std::invalid_argument);

  auto reviewer = server.as(name);  // SCRAM sign-in with the verifier made on this side
  EXPECT_THROW(add_reviewer(*reviewer, testing::unique_name("dr-x"), testing::kReviewerPassword), ServerError);
  EXPECT_THROW(server_info(*reviewer), ServerError);
  // The stored password is PostgreSQL's SCRAM verifier, never the text.
  const auto stored = server.psql(PgCluster::get().lead_role(),
                                  "SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = '" + name + "'");
  EXPECT_NE(stored.status, 0);  // pg_authid is for superusers only; the lead cannot read it either
}

}  // namespace
}  // namespace medlora::review_server
