#pragma once
// The workspace schema as an ordered list of forward migrations. Migration N takes a file whose
// PRAGMA user_version is N-1 to N. Never edit a migration that has shipped: add the next one.
#include <functional>
#include <string>
#include <vector>

namespace medlora::store {

class Workspace;

struct Migration {
  int version = 0;          // the user_version this migration produces (1, 2, ...)
  std::string description;  // shown when a migration fails
  std::vector<std::string> statements;  // fixed SQL, never user text
  // Optional step run after the statements, inside the same transaction, for rows that need
  // bound values (the seeded categories). May be empty.
  std::function<void(Workspace&)> after;
};

// The migrations this build knows, ascending by version, contiguous from 1.
const std::vector<Migration>& workspace_migrations();

// The schema version this build writes: workspace_migrations().back().version.
int latest_schema_version();

// PRAGMA application_id stamped on every workspace ("MLRA"), so that a foreign SQLite file is
// told apart from a MedLoRA workspace.
constexpr int kWorkspaceApplicationId = 0x4D4C5241;

}  // namespace medlora::store
