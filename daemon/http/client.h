#pragma once
// newsd's HTTP client: HTTP/1.1 over TCP or TLS, coroutines on one io_context
// (no thread per request), keep-alive connection reuse per scheme+host+port,
// redirects, Content-Encoding, size limits, timeouts, conditional GET, proxies
// and the SSRF guard (address_guard.h). Beast stays inside client.cpp.
//
//   boost::asio::io_context io;
//   newsd::http::HttpClient client(io, options);
//   co_spawn(io, client.fetch({.url = "https://example.org/feed"}), …);
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/log.h"
#include "http/proxy.h"

namespace boost::asio {
class io_context;
}

namespace newsd::http {

using Milliseconds = std::chrono::milliseconds;
using SystemTime = std::chrono::system_clock::time_point;

enum class RequestKind { feed, article, robots };

inline constexpr std::size_t kDefaultFeedLimit = std::size_t{16} * 1024 * 1024;
inline constexpr std::size_t kDefaultPageLimit = std::size_t{8} * 1024 * 1024;

struct Timeouts {
  Milliseconds connect{10'000};     // DNS + TCP connect + proxy CONNECT + TLS handshake
  Milliseconds first_byte{20'000};  // request sent -> response header complete
  Milliseconds idle{20'000};        // longest silence while the body streams
  Milliseconds total{60'000};       // the whole fetch, redirects included
};

struct Request {
  std::string url;
  RequestKind kind = RequestKind::feed;
  std::string etag;           // sent as If-None-Match
  std::string last_modified;  // sent verbatim as If-Modified-Since
  // Cap on the body, both on the wire and after decoding. Default: 16 MB for
  // feeds and robots.txt, 8 MB for pages.
  std::optional<std::size_t> max_body_bytes;
  Timeouts timeouts;
  bool insecure = false;  // skip TLS verification (per source; logged loudly)
  std::string accept;     // empty: a default that suits `kind`
  int max_redirects = 5;  // hops followed before too_many_redirects
  // A redirect to another host (host and port, as politeness keys them) is
  // not followed but returned with Response::redirect_to set, so that the
  // caller can wait for that host's turn and check its robots.txt first.
  bool stop_at_other_host = false;
  // Called each time the request has been written to the connection (once
  // per hop): when the server can see it. Politeness measures the host's gap
  // from here rather than from when it allowed the request to start.
  std::function<void()> on_sent;
};

enum class ErrorKind {
  none,
  invalid_url,      // unparsable, or not http/https
  blocked_address,  // SSRF guard refused every resolved address
  dns,              // name did not resolve
  connect,          // TCP connect failed (refused, unreachable)
  proxy,            // proxy refused or failed the CONNECT
  tls,              // handshake or certificate verification failed
  connect_timeout,
  first_byte_timeout,
  idle_timeout,
  total_timeout,
  connection_closed,   // server closed or reset the connection mid-exchange
  truncated,           // body shorter than announced (lying Content-Length, cut chunk)
  protocol,            // malformed HTTP
  too_large,           // body over max_body_bytes, on the wire or after decoding
  decoding,            // corrupt or unsupported Content-Encoding
  too_many_redirects,  // more than 5 hops
  redirect_loop,
};
std::string_view to_string(ErrorKind kind);

struct RedirectHop {
  int status = 0;
  std::string url;  // the URL that answered with `status`
};

struct Timings {
  Milliseconds resolve{0};  // summed over hops that opened a connection
  Milliseconds connect{0};
  Milliseconds tls{0};
  Milliseconds first_byte{0};  // last hop: request sent -> header received
  Milliseconds total{0};
};

struct Response {
  int status = 0;         // 0 when no response arrived (see error)
  std::string final_url;  // after redirects
  std::vector<RedirectHop> redirects;
  bool permanent_redirect = false;  // there were redirects and every hop was 301/308
  // With Request::stop_at_other_host: the other host's URL the last hop
  // (listed in `redirects`) points to; empty otherwise. status is then 0.
  std::string redirect_to;

  std::string etag;
  std::string last_modified;
  std::string content_type;  // raw header value
  std::string charset;       // from content_type, lower case, empty if absent
  std::string content_encoding;
  std::string cache_control;
  std::optional<std::chrono::seconds> max_age;  // from Cache-Control
  std::optional<SystemTime> expires;
  std::optional<SystemTime> retry_after;  // seconds or HTTP-date, as a time point

  std::string body;               // decoded; empty for 304 and errors
  std::size_t bytes_on_wire = 0;  // bytes read for the last hop (header + body), also on failure
  bool reused_connection = false;
  Timings timings;

  ErrorKind error = ErrorKind::none;
  std::string error_message;  // names the URL

  [[nodiscard]] bool ok() const { return error == ErrorKind::none; }
  [[nodiscard]] bool not_modified() const { return ok() && status == 304; }
};

// "newsd/<version> (+<project url>)"
std::string default_user_agent();

struct ClientOptions {
  std::string user_agent = default_user_agent();
  std::vector<std::string> allow_list;  // SSRF guard openings: CIDRs, addresses, host names
  bool use_system_ca = true;            // OpenSSL's default store (/etc/ssl/certs)
  std::string extra_ca_file;            // PEM file trusted in addition (tests)
  ProxySettings proxy;                  // ProxySettings::from_environment() in the daemon
  std::size_t max_idle_per_host = 4;
  Milliseconds pool_idle_timeout{30'000};  // idle connections older than this are closed
  Logger logger{LogLevel::warn};
};

class HttpClient {
 public:
  // Throws std::invalid_argument for a bad allow-list entry and
  // std::runtime_error when the CA file cannot be loaded.
  HttpClient(boost::asio::io_context& io, ClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Never throws for network or server trouble: failures come back in
  // Response::error. The client must outlive the coroutine.
  boost::asio::awaitable<Response> fetch(Request request);

  struct Stats {
    std::uint64_t connections_opened = 0;
    std::uint64_t requests_sent = 0;
    std::uint64_t connections_reused = 0;
  };
  [[nodiscard]] Stats stats() const;

  // Closes every pooled idle connection.
  void close_idle_connections();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsd::http
