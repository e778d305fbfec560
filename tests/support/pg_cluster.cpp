#include "tests/support/pg_cluster.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>

namespace medlora::testing {
namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::map<std::string, std::string> read_env_file(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("no PostgreSQL test cluster: " + path +
                             " is missing (run the tests through ctest, whose setup.postgres fixture starts it)");
  std::map<std::string, std::string> values;
  for (std::string line; std::getline(in, line);)
    if (const auto eq = line.find('='); eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
  return values;
}

std::string required_env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value)
    throw std::runtime_error(std::string("$") + name + " is not set: run this test through ctest (label postgres)");
  return value;
}

PsqlResult run_capturing(const std::string& command) {
  PsqlResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run: " + command);
  std::array<char, 4096> buffer{};
  while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return result;
}

}  // namespace

const PgCluster& PgCluster::get() {
  static const PgCluster cluster = [] {
    PgCluster c;
    c.env_file_ = required_env("MEDLORA_PG_CLUSTER_ENV");
    const char* script = std::getenv("MEDLORA_PG_CLUSTER");  // the source tree's script unless named
    c.script_ = script && *script ? script : MEDLORA_SOURCE_DIR "/tests/support/pg_cluster.sh";
    auto values = read_env_file(c.env_file_);
    c.port_ = std::stoi(values.at("PORT"));
    c.lead_role_ = values.at("LEAD_ROLE");
    c.lead_password_ = values.at("LEAD_PASSWORD");
    return c;
  }();
  return cluster;
}

std::string unique_name(const std::string& prefix) {
  static std::mt19937_64 random{std::random_device{}()};
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random()));
  return prefix + "_" + std::string(hex).substr(0, 10);
}

std::string PgCluster::create_database(const std::string& prefix) const {
  const std::string name = unique_name(prefix);
  run_script("createdb " + shell_quote(env_file_) + " " + shell_quote(name));
  return name;
}

std::string PgCluster::url(const std::string& user, const std::string& database) const {
  return "postgresql://" + user + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

PsqlResult PgCluster::psql(const std::string& user, const std::string& password, const std::string& database,
                           const std::string& sql) const {
  return run_capturing("PGPASSWORD=" + shell_quote(password) + " psql -X -A -t -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p " +
                       std::to_string(port_) + " -U " + shell_quote(user) + " -d " + shell_quote(database) + " -c " +
                       shell_quote(sql));
}

void PgCluster::stop_immediate() const { run_script("stop-immediate " + shell_quote(env_file_)); }
void PgCluster::restart() const { run_script("restart " + shell_quote(env_file_)); }

void PgCluster::run_script(const std::string& arguments) const {
  const auto result = run_capturing("bash " + shell_quote(script_) + " " + arguments);
  if (result.status != 0) throw std::runtime_error("pg_cluster.sh " + arguments + " failed: " + result.output);
}

}  // namespace medlora::testing
