#pragma once
// Shared by the review-server tests: a fresh initialised server database per test, connections
// as the lead and as reviewers, and reviewers with known passwords.
#include <memory>
#include <string>

#include "core/review_server/reviewer_roles.h"
#include "core/review_server/server_address.h"
#include "core/review_server/server_connection.h"
#include "core/review_server/server_schema.h"
#include "tests/support/pg_cluster.h"

namespace medlora::testing {

inline const char* kReviewerPassword = "reviewer-secret-1";

struct TestServer {
  std::string database;

  explicit TestServer(const std::string& prefix, bool initialise = true)
      : database(PgCluster::get().create_database(prefix)) {
    if (initialise) review_server::init_server(*lead());
  }
  review_server::ServerAddress address(const std::string& user) const {
    return review_server::parse_server_url(PgCluster::get().url(user, database));
  }
  std::unique_ptr<review_server::ServerConnection> lead() const {
    return std::make_unique<review_server::ServerConnection>(address(PgCluster::get().lead_role()),
                                                             PgCluster::get().lead_password());
  }
  std::unique_ptr<review_server::ServerConnection> as(const std::string& reviewer) const {
    return std::make_unique<review_server::ServerConnection>(address(reviewer), kReviewerPassword);
  }
  // A new reviewer with a cluster-wide unique name built from `prefix`.
  std::string add_reviewer(const std::string& prefix) const {
    const std::string name = unique_name(prefix);
    review_server::add_reviewer(*lead(), name, kReviewerPassword);
    return name;
  }
  PsqlResult psql(const std::string& user, const std::string& sql) const {
    const bool is_lead = user == PgCluster::get().lead_role();
    return PgCluster::get().psql(user, is_lead ? PgCluster::get().lead_password() : kReviewerPassword, database, sql);
  }
};

}  // namespace medlora::testing
