#pragma once
// `Authorization: Bearer <key>` checked against the workspace's API keys (store/serve_keys.h),
// on the calling HTTP thread's own connection, so that a revoked key stops working at once.
#include <string>

#include "core/store/serve_keys.h"

namespace medlora::serve {

class KeyAuthenticator {
 public:
  explicit KeyAuthenticator(std::string workspace_path) : workspace_path_(std::move(workspace_path)) {}
  // The key the header names; throws ApiError 401 without a header, for another scheme, or for
  // a key that is unknown or revoked.
  store::ServeKey authenticate(const std::string& authorization_header) const;

 private:
  std::string workspace_path_;
};

}  // namespace medlora::serve
