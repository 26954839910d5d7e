#pragma once
// A small loopback HTTP/1.1 server for the politeness tests: routes by path,
// optional delay before answering, and its own record of when each request
// arrived and how many were being served at once, which is what the
// politeness assertions are made from.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsd::test {

struct PoliteReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers{};
  std::string body{};
  std::chrono::milliseconds delay{0};  // before the answer: the request stays "in flight"
};

struct Arrival {
  std::string target;
  // When the client started this request: the accept of its connection for
  // the first request on a connection, the request's arrival otherwise.
  std::chrono::steady_clock::time_point at;
};

class PoliteServer {
 public:
  PoliteServer();  // 127.0.0.1, kernel-chosen port, own thread
  ~PoliteServer();
  PoliteServer(const PoliteServer&) = delete;
  PoliteServer& operator=(const PoliteServer&) = delete;

  // Exact path match (query ignored); unrouted paths get 404. Set routes
  // before requests arrive.
  void route(const std::string& path, std::function<PoliteReply()> handler);
  void route(const std::string& path, PoliteReply reply);

  [[nodiscard]] std::string url(std::string_view path) const;
  [[nodiscard]] std::string host() const;  // "127.0.0.1:<port>", the politeness key
  [[nodiscard]] std::vector<Arrival> arrivals() const;
  [[nodiscard]] std::vector<Arrival> arrivals(std::string_view path_prefix) const;
  [[nodiscard]] int max_in_flight() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

// Smallest gap between consecutive arrivals.
std::chrono::milliseconds smallest_gap(const std::vector<Arrival>& arrivals);

}  // namespace newsd::test
