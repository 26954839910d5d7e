#pragma once
// `newsd run`'s observability endpoint: GET /metrics (Prometheus text) and
// GET /healthz (JSON), served with Beast on a thread and io_context of its
// own, so a slow scrape or health probe never holds up the pipeline, and a
// busy pipeline never holds up the probe. One coroutine per connection; every
// read and write has a deadline; requests are limited to a few kilobytes.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/log.h"
#include "metrics/registry.h"

namespace newsd::metrics {

struct HealthReport {
  bool healthy = false;
  std::string json;  // the body: {"status":"ok",...} or {"status":"unhealthy","reason":...}
};

// Called on the server's thread for each GET /healthz; may block briefly.
using HealthCheck = std::function<HealthReport()>;

// "127.0.0.1:9466", "[::1]:9466", "localhost:0" (port 0: the system picks one).
struct ListenAddress {
  std::string host;
  unsigned short port = 0;
};
// Throws std::invalid_argument naming the problem.
ListenAddress parse_listen_address(std::string_view text);

class Server {
 public:
  // Binds at once (throws std::runtime_error naming the address when it
  // cannot) and starts serving on a thread of its own.
  Server(const std::string& listen, Registry& registry, HealthCheck health, Logger logger);
  ~Server();  // stops serving and joins the thread
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The address actually bound ("127.0.0.1:40123" when port 0 was asked for).
  [[nodiscard]] const std::string& bound_address() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsd::metrics
