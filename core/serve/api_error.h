#pragma once
// An error the server answers with an HTTP status and OpenAI's error JSON:
// {"error": {"message", "type", "param", "code"}}.
#include <stdexcept>
#include <string>

namespace medlora::serve {

struct ApiError : std::runtime_error {
  ApiError(int status, std::string type, std::string code, const std::string& message, std::string param = "")
      : std::runtime_error(message), status(status), type(std::move(type)), code(std::move(code)), param(std::move(param)) {}
  int status;
  std::string type;   // "invalid_request_error", "authentication_error", "rate_limit_error", "server_error"
  std::string code;   // "invalid_api_key", "rate_limit_exceeded", "model_not_found", ...
  std::string param;  // the request field at fault, "" when none
  double retry_after_seconds = 0;  // > 0: sent as Retry-After (429, 503)
};

// 400 invalid_request_error about `param`.
inline ApiError bad_request(const std::string& param, const std::string& message) {
  return ApiError(400, "invalid_request_error", "invalid_value", message, param);
}

}  // namespace medlora::serve
