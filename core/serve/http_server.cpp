#include "core/serve/http_server.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>

#include <stdexcept>

#include "core/serve/serve_api.h"

namespace medlora::serve {

struct HttpServer::Impl {
  ServeApi& api;
  HttpServerOptions options;
  httplib::Server server;
  int port = 0;
  // stop() may come before run() has started listening (a signal right after bind): then
  // httplib's own stop() does nothing and the server would listen forever.
  enum class Listening { NotYet, Entering, Done };
  std::atomic<Listening> listening{Listening::NotYet};
  std::atomic<bool> stop_requested{false};

  void answer(const httplib::Request& req, httplib::Response& res) {
    HttpRequest request{req.method, req.path, req.body, req.get_header_value("Authorization")};
    HttpReply reply = api.handle(request);
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    if (!reply.stream) {
      res.set_content(reply.body, reply.content_type);
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    auto stream = std::move(reply.stream);
    res.set_chunked_content_provider(reply.content_type, [stream](size_t, httplib::DataSink& sink) {
      stream([&sink](const std::string& data) { return sink.is_writable() && sink.write(data.data(), data.size()); });
      sink.done();
      return true;
    });
  }
};

HttpServer::HttpServer(ServeApi& api, HttpServerOptions options) : impl_(new Impl{api, std::move(options), {}, 0}) {
  auto* impl = impl_.get();
  const size_t threads = std::max<size_t>(4, impl->options.threads);
  impl->server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // A streamed answer may pause for a long prefill; the client's own timeout decides.
  impl->server.set_read_timeout(300);
  impl->server.set_write_timeout(300);
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) { impl->answer(req, res); };
  impl->server.Get(".*", handler);
  impl->server.Post(".*", handler);
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind() {
  auto& o = impl_->options;
  const bool ok = o.port == 0 ? (impl_->port = impl_->server.bind_to_any_port(o.host)) > 0
                              : impl_->server.bind_to_port(o.host, o.port);
  if (!ok)
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (address in use, or not an address of this machine)");
  if (o.port != 0) impl_->port = o.port;
  return impl_->port;
}

void HttpServer::run() {
  impl_->listening = Impl::Listening::Entering;
  if (!impl_->stop_requested) impl_->server.listen_after_bind();
  impl_->listening = Impl::Listening::Done;
}

void HttpServer::stop() {
  impl_->stop_requested = true;
  // run() may have passed its check and not yet be listening: wait for the listener, then stop it.
  for (int i = 0; i < 400 && impl_->listening == Impl::Listening::Entering && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (impl_->server.is_running()) impl_->server.stop();
}

std::string HttpServer::url() const {
  const auto& host = impl_->options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port);
}

}  // namespace medlora::serve
