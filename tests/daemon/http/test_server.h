#pragma once
// A scriptable HTTP(S) server for the client tests: Beast on loopback, an
// ephemeral port, its own io_context thread. Each route returns a Reply that
// says what to send and how to misbehave (delay, stall, drop, lie).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsd::test {

struct Reply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers{};
  std::string body{};  // sent as is (already encoded if Content-Encoding is set)
  bool chunked = false;
  std::optional<std::size_t> content_length{};  // a lie; default: body.size()
  bool close_delimited = false;                 // no length at all, close after the body
  std::chrono::milliseconds delay_before_header{0};
  std::optional<std::size_t> stall_after_body_bytes{};  // pause after this many body bytes on the wire
  std::chrono::milliseconds stall_for{0};
  std::optional<std::size_t> drop_after_body_bytes{};  // close the connection after this many
  bool close = false;                                  // Connection: close
  bool drop_without_reply = false;                     // close the connection, send nothing
};

struct SeenRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // lower-case names
  std::size_t connection = 0;                  // 1-based id of the connection it came on
  std::chrono::steady_clock::time_point at;
};

using Handler = std::function<Reply(const SeenRequest&)>;

enum class TlsMode { none, valid, expired, self_signed, wrong_host };

class TestServer {
 public:
  // Listens on `address` (127.0.0.1 or ::1), port chosen by the kernel.
  explicit TestServer(TlsMode tls = TlsMode::none, std::string address = "127.0.0.1");
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Exact match on the request target's path (query ignored); unrouted paths get 404.
  void route(const std::string& path, Handler handler);
  void route(const std::string& path, Reply reply);

  // Act as a forward proxy: absolute-form requests are served from the routes
  // as if sent directly, CONNECT host:port is tunnelled to that address.
  void enable_proxy();

  [[nodiscard]] unsigned short port() const;
  // "http(s)://127.0.0.1:<port><path>" (host part from the listen address).
  [[nodiscard]] std::string url(std::string_view path, std::string_view host = {}) const;
  [[nodiscard]] std::size_t connections_accepted() const;
  [[nodiscard]] std::vector<SeenRequest> requests() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

// Path of a file in tests/data/http.
std::string http_data(std::string_view name);

// gzip / zlib / raw-deflate / brotli encodings of `data` for Content-Encoding tests.
std::string gzip(std::string_view data);
std::string zlib_deflate(std::string_view data);
std::string brotli(std::string_view data);

}  // namespace newsd::test
