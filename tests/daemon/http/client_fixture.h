#pragma once
// Runs HttpClient::fetch to completion on a private io_context, one fetch or
// several at once, for the client tests.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <optional>
#include <vector>

#include "http/client.h"
#include "test_server.h"

namespace newsd::test {

inline http::ClientOptions test_options() {
  http::ClientOptions options;
  options.allow_list = {"127.0.0.0/8", "::1"};
  options.use_system_ca = false;
  options.extra_ca_file = http_data("ca.pem");
  options.logger = Logger(LogLevel::error);
  return options;
}

// Generous timeouts: they only end a fetch when a test has gone wrong, and a
// loaded machine (load 10 on 2 cores, under ASan) must not trip them (issue
// 15: DefaultLimitsDependOnKind hit a 2 s first-byte limit). Tests of the
// timeouts themselves set short ones explicitly, against a server that is
// far slower still.
inline http::Request request_for(std::string url) {
  http::Request request;
  request.url = std::move(url);
  request.timeouts = {.connect = std::chrono::seconds(30),
                      .first_byte = std::chrono::seconds(30),
                      .idle = std::chrono::seconds(30),
                      .total = std::chrono::seconds(60)};
  return request;
}

class ClientHarness {
 public:
  explicit ClientHarness(http::ClientOptions options = test_options()) : client_(io_, std::move(options)) {}

  http::Response fetch(http::Request request) {
    std::vector<http::Request> one;
    one.push_back(std::move(request));
    return std::move(fetch_all(std::move(one)).front());
  }

  // Starts every fetch at once on the one thread and waits for all.
  std::vector<http::Response> fetch_all(std::vector<http::Request> requests) {
    std::vector<std::optional<http::Response>> results(requests.size());
    std::exception_ptr failure;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      auto done = [&results, &failure, i](std::exception_ptr error, http::Response response) {
        if (error) failure = error;
        results[i] = std::move(response);
      };
      boost::asio::co_spawn(io_, client_.fetch(std::move(requests[i])), done);
    }
    io_.restart();
    io_.run();
    if (failure) std::rethrow_exception(failure);
    std::vector<http::Response> out;
    for (auto& result : results) out.push_back(std::move(result.value()));
    return out;
  }

  http::HttpClient& client() { return client_; }

 private:
  boost::asio::io_context io_;
  http::HttpClient client_;
};

}  // namespace newsd::test
