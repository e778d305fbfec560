#pragma once
// The HTTP side of `medlora serve` on cpp-httplib (Debian's libcpp-httplib): it binds the host
// and port, hands every request to ServeApi on the library's thread pool and writes streamed
// replies as chunked server-sent events. No HTTP parsing here.
#include <memory>
#include <string>

namespace medlora::serve {

class ServeApi;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;       // 0 = any free port
  size_t threads = 16;   // concurrent connections served (streams hold one each)
};

class HttpServer {
 public:
  HttpServer(ServeApi& api, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and returns the port; throws std::runtime_error naming host and port when it cannot.
  int bind();
  // Serves until stop(); the requests being answered are finished first.
  void run();
  void stop();
  std::string url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medlora::serve
