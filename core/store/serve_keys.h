#pragma once
// API keys of `medlora serve`: created and revoked in the workspace, stored as the SHA-256 of
// the key (hex). A key is "mlk-" + 48 random hex digits; create() returns it once and it cannot
// be read back. Limits of 0 mean unlimited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace medlora::store {

class Workspace;

struct ServeKey {
  int64_t id = 0;
  std::string name;
  std::string key_prefix;  // the first characters of the key, for telling keys apart in lists
  int64_t requests_per_minute = 0;
  int64_t tokens_per_minute = 0;
  std::string created_at;
  std::string revoked_at;  // "" while the key works
  bool revoked() const { return !revoked_at.empty(); }
};

struct CreatedServeKey {
  ServeKey key;
  std::string secret;  // the key itself, shown once
};

// Lowercase hex SHA-256 of `key`.
std::string serve_key_hash(const std::string& key);

class ServeKeyRepository {
 public:
  explicit ServeKeyRepository(Workspace& workspace) : ws_(workspace) {}

  // Throws std::invalid_argument for an empty or taken name or a negative limit.
  CreatedServeKey create(const std::string& name, int64_t requests_per_minute, int64_t tokens_per_minute);
  std::vector<ServeKey> list() const;  // by id, revoked ones included
  // Revokes the key of that name; throws std::invalid_argument when there is none (or it is
  // revoked already).
  void revoke(const std::string& name);
  // The working (not revoked) key whose hash this is.
  std::optional<ServeKey> find_active(const std::string& key) const;

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
