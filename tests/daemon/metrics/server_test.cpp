// The metrics HTTP server on a loopback port the system picks: routes,
// status codes, content types, and the request size limit.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>

#include "metrics/registry.h"
#include "metrics/server.h"

namespace newsd::metrics {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Sends `request` and returns everything the server wrote until it closed.
std::string http_exchange(const std::string& address, const std::string& request) {
  auto port = static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string raw;
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) {
    (void)send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    char buffer[4096];
    for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;)
      raw.append(buffer, static_cast<std::size_t>(got));
  }
  close(fd);
  return raw;
}

TEST(MetricsServer, ServesMetricsHealthAndRefusesTheRest) {
  Registry registry;
  registry.describe("demo_total", Type::counter, "Demo.");
  registry.add("demo_total", {{"kind", "feed"}}, 7);
  describe_process_metrics(registry);
  std::atomic<bool> healthy = true;
  Server server(
      "127.0.0.1:0", registry,
      [&healthy] {
        return healthy ? HealthReport{true, R"({"status":"ok"})"}
                       : HealthReport{false, R"({"status":"unhealthy","reason":"test"})"};
      },
      Logger(LogLevel::error));
  ASSERT_THAT(server.bound_address(), StartsWith("127.0.0.1:"));
  EXPECT_NE(server.bound_address(), "127.0.0.1:0");

  auto metrics = http_exchange(server.bound_address(), "GET /metrics HTTP/1.0\r\n\r\n");
  EXPECT_THAT(metrics, StartsWith("HTTP/1.0 200 OK\r\n"));
  EXPECT_THAT(metrics, HasSubstr("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
  EXPECT_THAT(metrics, HasSubstr("\r\n\r\n# HELP demo_total Demo.\n# TYPE demo_total counter\n"));
  EXPECT_THAT(metrics, HasSubstr("demo_total{kind=\"feed\"} 7\n"));
  EXPECT_THAT(metrics, HasSubstr("process_resident_memory_bytes "));

  EXPECT_THAT(http_exchange(server.bound_address(), "GET /healthz HTTP/1.0\r\n\r\n"),
              AllOf(StartsWith("HTTP/1.0 200 OK\r\n"), HasSubstr("application/json"),
                    HasSubstr(R"({"status":"ok"})")));
  healthy = false;
  EXPECT_THAT(http_exchange(server.bound_address(), "GET /healthz HTTP/1.0\r\n\r\n"),
              AllOf(StartsWith("HTTP/1.0 503 Service Unavailable\r\n"), HasSubstr(R"("reason":"test")")));

  EXPECT_THAT(http_exchange(server.bound_address(), "GET /other HTTP/1.0\r\n\r\n"),
              StartsWith("HTTP/1.0 404"));
  EXPECT_THAT(http_exchange(server.bound_address(), "POST /metrics HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi"),
              StartsWith("HTTP/1.0 405"));
  // Headers beyond the limit: the connection is closed unanswered.
  EXPECT_EQ(http_exchange(server.bound_address(),
                          "GET /metrics HTTP/1.0\r\nX-Big: " + std::string(16 * 1024, 'x') + "\r\n\r\n"),
            "");
  // Keep-alive: two requests on one connection, both answered.
  auto two = http_exchange(server.bound_address(),
                           "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /metrics HTTP/1.1\r\nHost: "
                           "x\r\nConnection: close\r\n\r\n");
  EXPECT_THAT(two, HasSubstr("503 Service Unavailable"));
  EXPECT_THAT(two, HasSubstr("demo_total{kind=\"feed\"} 7"));
}

TEST(MetricsServer, NamesTheAddressItCannotBind) {
  Registry registry;
  Server first(
      "127.0.0.1:0", registry,
      [] {
        return HealthReport{true, "{}"};
      },
      Logger(LogLevel::error));
  try {
    Server second(
        first.bound_address(), registry,
        [] {
          return HealthReport{true, "{}"};
        },
        Logger(LogLevel::error));
    ADD_FAILURE() << "bound a port in use";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot listen on " + first.bound_address()));
  }
}

}  // namespace
}  // namespace newsd::metrics
