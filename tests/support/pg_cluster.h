#pragma once
// The throwaway PostgreSQL cluster of the "postgres" ctest fixture (tests/support/pg_cluster.sh),
// as the review-server tests see it: its port and lead account, a fresh database per test, psql
// as any role, and the crash/restart the fault tests need. Everything here throws
// std::runtime_error with the reason when the cluster is not there: those tests fail, never skip.
#include <string>

namespace medlora::testing {

struct PsqlResult {
  int status = 0;      // psql's exit status
  std::string output;  // stdout and stderr together
};

class PgCluster {
 public:
  // The cluster the fixture started ($MEDLORA_PG_CLUSTER_ENV); throws when there is none.
  static const PgCluster& get();

  int port() const { return port_; }
  const std::string& lead_role() const { return lead_role_; }
  const std::string& lead_password() const { return lead_password_; }

  // A new empty database owned by the lead's role, named "<prefix>_<random>".
  std::string create_database(const std::string& prefix) const;
  // postgresql://USER@127.0.0.1:PORT/DATABASE
  std::string url(const std::string& user, const std::string& database) const;
  // psql -X -A -t -v ON_ERROR_STOP=1 as `user` over TCP (SCRAM) with `password`.
  PsqlResult psql(const std::string& user, const std::string& password, const std::string& database,
                  const std::string& sql) const;
  // pg_ctl stop -m immediate (a crash: no checkpoint), and start again.
  void stop_immediate() const;
  void restart() const;

 private:
  void run_script(const std::string& arguments) const;
  std::string env_file_;
  std::string script_;
  int port_ = 0;
  std::string lead_role_;
  std::string lead_password_;
};

// A name no other test of this run uses (roles are shared by the whole cluster): "<prefix>_<hex>".
std::string unique_name(const std::string& prefix);

}  // namespace medlora::testing
