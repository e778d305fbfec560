#include "core/serve/key_auth.h"

#include "core/serve/api_error.h"
#include "core/serve/thread_workspace.h"

namespace medlora::serve {
namespace {

ApiError unauthorized(const std::string& message) {
  return ApiError(401, "invalid_request_error", "invalid_api_key", message);
}

}  // namespace

store::ServeKey KeyAuthenticator::authenticate(const std::string& header) const {
  if (header.empty())
    throw unauthorized("You didn't provide an API key. Send it as 'Authorization: Bearer KEY' (medlora serve key create).");
  const std::string scheme = "Bearer ";
  if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0)
    throw unauthorized("The Authorization header must be 'Bearer KEY'.");
  const std::string key = header.substr(scheme.size());
  auto found = store::ServeKeyRepository(thread_workspace(workspace_path_)).find_active(key);
  if (!found) throw unauthorized("Incorrect API key provided (unknown or revoked).");
  return *found;
}

}  // namespace medlora::serve
