#include "http/client.h"

#include <fmt/core.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "core/version.h"
#include "http/address_guard.h"
#include "http/content_decoding.h"
#include "http/header_values.h"

namespace newsd::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

constexpr std::size_t kHeaderLimit = std::size_t{64} * 1024;

Milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<Milliseconds>(Clock::now() - start);
}

// A URL taken apart for one request.
struct Target {
  std::string url;  // normalised, without fragment or user info
  bool https = false;
  std::string host;  // without IPv6 brackets
  std::string port;
  std::string path_and_query;
  std::string host_header;  // "host[:port]", IPv6 in brackets
  bool host_is_address = false;
};

std::optional<Target> parse_target(std::string_view text, std::string* why) {
  auto parsed = boost::urls::parse_uri(text);
  if (!parsed) {
    *why = "not a valid absolute URL";
    return std::nullopt;
  }
  boost::urls::url url = *parsed;
  url.remove_fragment();
  url.remove_userinfo();
  url.normalize_scheme();
  url.normalize_authority();
  Target target;
  const std::string scheme(url.scheme());
  if (scheme != "http" && scheme != "https") {
    *why = fmt::format("unsupported scheme '{}' (only http and https)", scheme);
    return std::nullopt;
  }
  target.https = scheme == "https";
  target.host = url.host_address();
  if (target.host.empty()) {
    *why = "URL has no host";
    return std::nullopt;
  }
  const bool ipv6 = url.host_type() == boost::urls::host_type::ipv6;
  target.host_is_address = ipv6 || url.host_type() == boost::urls::host_type::ipv4;
  const std::string default_port = target.https ? "443" : "80";
  target.port = url.has_port() && !url.port().empty() ? std::string(url.port()) : default_port;
  target.path_and_query = url.encoded_target();
  if (target.path_and_query.empty() || target.path_and_query.front() != '/')
    target.path_and_query.insert(0, "/");
  target.host_header = ipv6 ? "[" + target.host + "]" : target.host;
  if (target.port != default_port) target.host_header += ":" + target.port;
  target.url = url.buffer();
  return target;
}

// host[:port] with the scheme's default port left out, lowercased: the key
// politeness keeps per host (politeness::host_key), here for redirects.
std::string host_identity(const Target& target) {
  std::string identity = target.host_header;
  std::transform(identity.begin(), identity.end(), identity.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return identity;
}

std::optional<std::string> resolve_location(std::string_view base_url, std::string_view location) {
  auto base = boost::urls::parse_uri(base_url);
  auto reference = boost::urls::parse_uri_reference(location);
  if (!base || !reference) return std::nullopt;
  boost::urls::url destination;
  if (!boost::urls::resolve(*base, *reference, destination)) return std::nullopt;
  return std::string(destination.buffer());
}

IpAddress to_ip(const asio::ip::address& address) {
  if (address.is_v4()) {
    const auto bytes = address.to_v4().to_bytes();
    return IpAddress::from_v4(std::span<const std::uint8_t, 4>(bytes));
  }
  const auto bytes = address.to_v6().to_bytes();
  return IpAddress::from_v6(std::span<const std::uint8_t, 16>(bytes));
}

struct Connection {
  std::optional<beast::tcp_stream> plain;
  std::optional<ssl::stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;
  Clock::time_point idle_since;

  beast::tcp_stream& tcp() { return secure ? secure->next_layer() : *plain; }
};

struct Failure {
  ErrorKind kind = ErrorKind::none;
  std::string detail;
};

struct Opened {
  std::unique_ptr<Connection> connection;
  Failure failure;
};

// The outcome of one request/response exchange on one connection.
struct Exchange {
  std::optional<bhttp::response<bhttp::string_body>> message;
  Failure failure;
  bool nothing_received = true;  // safe to retry on a fresh connection
  bool reusable = false;
  std::size_t wire_bytes = 0;
  Milliseconds first_byte{0};
};

// Which timeout fired: the step's own, or the fetch's total.
ErrorKind timeout_kind(ErrorKind step, Clock::time_point deadline) {
  return Clock::now() + Milliseconds(1) >= deadline ? ErrorKind::total_timeout : step;
}

Clock::time_point step_deadline(Milliseconds step, Clock::time_point deadline) {
  return std::min(Clock::now() + step, deadline);
}

bool closed_by_peer(const error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe || ec == asio::error::connection_aborted ||
         ec == ssl::error::stream_truncated;
}

Failure read_failure(const error_code& ec, ErrorKind timeout_step, Clock::time_point deadline, bool in_body) {
  if (ec == beast::error::timeout) {
    const auto kind = timeout_kind(timeout_step, deadline);
    return {kind, kind == ErrorKind::total_timeout ? "total timeout reached"
                  : in_body                        ? "no data received within the idle timeout"
                                                   : "no response header within the first-byte timeout"};
  }
  if (ec == bhttp::error::body_limit) return {ErrorKind::too_large, "body exceeds the size limit"};
  if (ec == bhttp::error::partial_message)
    return {ErrorKind::truncated,
            "connection closed before the end of the body (truncated or lying Content-Length)"};
  if (closed_by_peer(ec)) {
    return in_body ? Failure{ErrorKind::truncated, fmt::format("connection lost mid-body: {}", ec.message())}
                   : Failure{ErrorKind::connection_closed,
                             fmt::format("connection closed before a response: {}", ec.message())};
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category())
    return {ErrorKind::protocol, fmt::format("malformed HTTP response: {}", ec.message())};
  return {ErrorKind::connection_closed, fmt::format("read failed: {}", ec.message())};
}

template <typename Stream>
asio::awaitable<Exchange> exchange_on(Stream* stream, Connection* connection,
                                      const bhttp::request<bhttp::empty_body>* request, std::size_t limit,
                                      Timeouts timeouts, Clock::time_point deadline,
                                      const std::function<void()>* on_sent) {
  Exchange result;
  error_code ec;
  auto& tcp_layer = connection->tcp();
  tcp_layer.expires_at(step_deadline(timeouts.first_byte, deadline));
  const auto sent = Clock::now();
  co_await bhttp::async_write(*stream, *request, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    result.failure =
        ec == beast::error::timeout
            ? Failure{timeout_kind(ErrorKind::first_byte_timeout, deadline), "timed out sending the request"}
            : Failure{ErrorKind::connection_closed,
                      fmt::format("sending the request failed: {}", ec.message())};
    co_return result;
  }
  if (*on_sent) (*on_sent)();  // the server can see the request from now on
  bhttp::response_parser<bhttp::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(limit);
  result.wire_bytes = co_await bhttp::async_read_header(*stream, connection->buffer, parser,
                                                        asio::redirect_error(asio::use_awaitable, ec));
  result.nothing_received = result.wire_bytes == 0 && connection->buffer.size() == 0;
  result.first_byte = since(sent);
  if (ec) {
    result.failure = read_failure(ec, ErrorKind::first_byte_timeout, deadline, false);
    co_return result;
  }
  result.nothing_received = false;
  while (!parser.is_done()) {
    tcp_layer.expires_at(step_deadline(timeouts.idle, deadline));
    result.wire_bytes += co_await bhttp::async_read_some(*stream, connection->buffer, parser,
                                                         asio::redirect_error(asio::use_awaitable, ec));
    if (ec == ssl::error::stream_truncated && parser.need_eof()) {
      // A close-delimited body over TLS from a server that skips close_notify.
      error_code eof_ec;
      parser.put_eof(eof_ec);
      ec = eof_ec;
    }
    if (ec) {
      result.failure = read_failure(ec, ErrorKind::idle_timeout, deadline, true);
      co_return result;
    }
  }
  tcp_layer.expires_never();
  // Leftover bytes mean the server sent more than it announced: the
  // connection's framing cannot be trusted for another request.
  result.reusable = parser.get().keep_alive() && !parser.need_eof() && connection->buffer.size() == 0;
  result.message.emplace(parser.release());
  co_return result;
}

bool still_open(Connection& connection) {
  char byte = 0;
  const auto received = ::recv(connection.tcp().socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  // Any unsolicited byte (EOF, close_notify, garbage) makes the connection unusable.
  return received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

std::string_view default_accept(RequestKind kind) {
  switch (kind) {
    case RequestKind::feed:
      return "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
             "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";
    case RequestKind::article:
      return "text/html, application/xhtml+xml;q=0.9, */*;q=0.8";
    case RequestKind::robots:
      return "text/plain, */*;q=0.5";
  }
  return "*/*";
}

std::string tls_failure_detail(const error_code& ec, SSL* native) {
  const long verify = native ? SSL_get_verify_result(native) : X509_V_OK;
  if (verify != X509_V_OK)
    return fmt::format("TLS certificate verification failed: {}", X509_verify_cert_error_string(verify));
  return fmt::format("TLS handshake failed: {}", ec.message());
}

}  // namespace

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::none:
      return "none";
    case ErrorKind::invalid_url:
      return "invalid_url";
    case ErrorKind::blocked_address:
      return "blocked_address";
    case ErrorKind::dns:
      return "dns";
    case ErrorKind::connect:
      return "connect";
    case ErrorKind::proxy:
      return "proxy";
    case ErrorKind::tls:
      return "tls";
    case ErrorKind::connect_timeout:
      return "connect_timeout";
    case ErrorKind::first_byte_timeout:
      return "first_byte_timeout";
    case ErrorKind::idle_timeout:
      return "idle_timeout";
    case ErrorKind::total_timeout:
      return "total_timeout";
    case ErrorKind::connection_closed:
      return "connection_closed";
    case ErrorKind::truncated:
      return "truncated";
    case ErrorKind::protocol:
      return "protocol";
    case ErrorKind::too_large:
      return "too_large";
    case ErrorKind::decoding:
      return "decoding";
    case ErrorKind::too_many_redirects:
      return "too_many_redirects";
    case ErrorKind::redirect_loop:
      return "redirect_loop";
  }
  return "unknown";
}

std::string default_user_agent() {
  return fmt::format("newsd/{} (+{})", kVersion, kProjectUrl);
}

struct HttpClient::Impl {
  Impl(asio::io_context& context, ClientOptions client_options)
      : io(context),
        options(std::move(client_options)),
        guard(options.allow_list),
        verified_tls(ssl::context::tls_client),
        insecure_tls(ssl::context::tls_client) {
    for (auto* context_ptr : {&verified_tls, &insecure_tls})
      context_ptr->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                               ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    verified_tls.set_verify_mode(ssl::verify_peer);
    if (options.use_system_ca) verified_tls.set_default_verify_paths();
    if (!options.extra_ca_file.empty()) {
      error_code ec;
      verified_tls.load_verify_file(options.extra_ca_file, ec);
      if (ec)
        throw std::runtime_error(
            fmt::format("cannot load CA file '{}': {}", options.extra_ca_file, ec.message()));
    }
    insecure_tls.set_verify_mode(ssl::verify_none);
  }

  asio::awaitable<Response> fetch(Request request);
  asio::awaitable<Exchange> send(const Request* request, const Target* target, Clock::time_point deadline,
                                 std::size_t limit, Response* response);
  asio::awaitable<Opened> open(const Target* target, std::optional<ProxyEndpoint> proxy, bool insecure,
                               Clock::time_point deadline, Milliseconds connect_timeout, Timings* timings);

  std::unique_ptr<Connection> take_idle(const std::string& key);
  void put_idle(const std::string& key, std::unique_ptr<Connection> connection);

  asio::io_context& io;
  ClientOptions options;
  AddressGuard guard;
  ssl::context verified_tls;
  ssl::context insecure_tls;
  std::map<std::string, std::vector<std::unique_ptr<Connection>>> idle;
  Stats stats;
};

std::unique_ptr<Connection> HttpClient::Impl::take_idle(const std::string& key) {
  auto found = idle.find(key);
  if (found == idle.end()) return nullptr;
  auto& pool = found->second;
  while (!pool.empty()) {
    auto connection = std::move(pool.back());
    pool.pop_back();
    if (Clock::now() - connection->idle_since < options.pool_idle_timeout && still_open(*connection))
      return connection;
  }
  return nullptr;
}

void HttpClient::Impl::put_idle(const std::string& key, std::unique_ptr<Connection> connection) {
  auto& pool = idle[key];
  const auto now = Clock::now();
  std::erase_if(pool,
                [&](const auto& pooled) { return now - pooled->idle_since >= options.pool_idle_timeout; });
  if (pool.size() >= options.max_idle_per_host) return;  // closes it
  connection->idle_since = now;
  pool.push_back(std::move(connection));
}

struct ResolveState {
  explicit ResolveState(asio::io_context& io) : resolver(io), timer(io) {}
  tcp::resolver resolver;
  asio::steady_timer timer;
};

asio::awaitable<Opened> HttpClient::Impl::open(const Target* target, std::optional<ProxyEndpoint> proxy,
                                               bool insecure, Clock::time_point deadline,
                                               Milliseconds connect_timeout, Timings* timings) {
  Opened opened;
  const auto connect_deadline = step_deadline(connect_timeout, deadline);
  // Through a proxy the proxy resolves the name; it is configured by the
  // operator and trusted, but a literal target address is still judged here.
  if (proxy && target->host_is_address) {
    if (auto address = IpAddress::parse(target->host)) {
      if (auto why = guard.refusal(target->host, *address)) {
        opened.failure = {ErrorKind::blocked_address, *why};
        co_return opened;
      }
    }
  }
  const std::string& connect_host = proxy ? proxy->host : target->host;
  const std::string& connect_port = proxy ? proxy->port : target->port;

  const auto resolve_start = Clock::now();
  auto state = std::make_shared<ResolveState>(io);
  state->timer.expires_at(connect_deadline);
  std::weak_ptr<ResolveState> weak_state = state;
  auto cancel_resolve = [weak_state](const error_code& ec) {
    if (ec) return;
    if (auto live = weak_state.lock()) live->resolver.cancel();
  };
  state->timer.async_wait(cancel_resolve);
  error_code ec;
  // No AI_ADDRCONFIG: it hides loopback answers on hosts without other addresses.
  auto results =
      co_await state->resolver.async_resolve(connect_host, connect_port, tcp::resolver::numeric_service,
                                             asio::redirect_error(asio::use_awaitable, ec));
  const bool resolve_timed_out = ec == asio::error::operation_aborted && Clock::now() >= connect_deadline;
  state->timer.cancel();
  timings->resolve += since(resolve_start);
  if (ec) {
    opened.failure =
        resolve_timed_out
            ? Failure{timeout_kind(ErrorKind::connect_timeout, deadline),
                      fmt::format("resolving {} timed out", connect_host)}
            : Failure{ErrorKind::dns, fmt::format("cannot resolve {}: {}", connect_host, ec.message())};
    co_return opened;
  }
  std::vector<tcp::endpoint> endpoints;
  std::string refusal;
  for (const auto& entry : results) {
    const auto endpoint = entry.endpoint();
    if (!proxy) {
      if (auto why = guard.refusal(target->host, to_ip(endpoint.address()))) {
        refusal = *why;
        continue;
      }
    }
    endpoints.push_back(endpoint);
  }
  if (endpoints.empty()) {
    opened.failure = refusal.empty() ? Failure{ErrorKind::dns, fmt::format("{} has no address", connect_host)}
                                     : Failure{ErrorKind::blocked_address, refusal};
    co_return opened;
  }

  auto connection = std::make_unique<Connection>();
  connection->plain.emplace(io);
  const auto connect_start = Clock::now();
  connection->plain->expires_at(connect_deadline);
  co_await connection->plain->async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
  timings->connect += since(connect_start);
  if (ec) {
    opened.failure = ec == beast::error::timeout
                         ? Failure{timeout_kind(ErrorKind::connect_timeout, deadline),
                                   fmt::format("connecting to {}:{} timed out", connect_host, connect_port)}
                         : Failure{ErrorKind::connect, fmt::format("cannot connect to {}:{}: {}",
                                                                   connect_host, connect_port, ec.message())};
    co_return opened;
  }
  connection->plain->socket().set_option(tcp::no_delay(true), ec);

  if (proxy && target->https) {
    const std::string authority =
        (target->host.find(':') != std::string::npos ? "[" + target->host + "]" : target->host) + ":" +
        target->port;
    bhttp::request<bhttp::empty_body> tunnel{bhttp::verb::connect, authority, 11};
    tunnel.set(bhttp::field::host, authority);
    tunnel.set(bhttp::field::user_agent, options.user_agent);
    if (!proxy->authorization.empty()) tunnel.set(bhttp::field::proxy_authorization, proxy->authorization);
    co_await bhttp::async_write(*connection->plain, tunnel, asio::redirect_error(asio::use_awaitable, ec));
    bhttp::response_parser<bhttp::empty_body> parser;
    parser.skip(true);  // a 2xx answer to CONNECT has no body
    if (!ec)
      co_await bhttp::async_read(*connection->plain, connection->buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      opened.failure =
          ec == beast::error::timeout
              ? Failure{timeout_kind(ErrorKind::connect_timeout, deadline), "proxy CONNECT timed out"}
              : Failure{ErrorKind::proxy, fmt::format("proxy {}:{} CONNECT failed: {}", proxy->host,
                                                      proxy->port, ec.message())};
      co_return opened;
    }
    const int status = parser.get().result_int();
    if (status / 100 != 2 || connection->buffer.size() != 0) {
      opened.failure = {ErrorKind::proxy, fmt::format("proxy {}:{} refused CONNECT {} with status {}",
                                                      proxy->host, proxy->port, authority, status)};
      co_return opened;
    }
  }

  if (target->https) {
    if (insecure)
      options.logger.warn("TLS certificate verification is DISABLED for {} (the source's 'insecure' option)",
                          target->url);
    connection->secure.emplace(std::move(*connection->plain), insecure ? insecure_tls : verified_tls);
    connection->plain.reset();
    auto& secure = *connection->secure;
    if (!target->host_is_address) SSL_set_tlsext_host_name(secure.native_handle(), target->host.c_str());
    if (!insecure) secure.set_verify_callback(ssl::host_name_verification(target->host));
    const auto tls_start = Clock::now();
    secure.next_layer().expires_at(connect_deadline);
    co_await secure.async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    timings->tls += since(tls_start);
    if (ec) {
      opened.failure =
          ec == beast::error::timeout
              ? Failure{timeout_kind(ErrorKind::connect_timeout, deadline), "TLS handshake timed out"}
              : Failure{ErrorKind::tls, tls_failure_detail(ec, secure.native_handle())};
      co_return opened;
    }
  }
  connection->tcp().expires_never();
  opened.connection = std::move(connection);
  co_return opened;
}

asio::awaitable<Exchange> HttpClient::Impl::send(const Request* request, const Target* target,
                                                 Clock::time_point deadline, std::size_t limit,
                                                 Response* response) {
  Exchange result;
  std::optional<ProxyEndpoint> proxy;
  try {
    proxy = proxy_for(options.proxy, target->https ? "https" : "http", target->host);
  } catch (const std::invalid_argument& e) {
    result.failure = {ErrorKind::proxy, e.what()};
    co_return result;
  }
  const bool via_http_proxy = proxy && !target->https;
  std::string key = via_http_proxy ? fmt::format("proxy http://{}:{}", proxy->host, proxy->port)
                                   : fmt::format("{}://{}:{}", target->https ? "https" : "http", target->host,
                                                 target->port);
  if (proxy && target->https) key += fmt::format(" via {}:{}", proxy->host, proxy->port);
  if (target->https && request->insecure) key += " insecure";

  bhttp::request<bhttp::empty_body> message{bhttp::verb::get,
                                            via_http_proxy ? target->url : target->path_and_query, 11};
  message.set(bhttp::field::host, target->host_header);
  message.set(bhttp::field::user_agent, options.user_agent);
  message.set(bhttp::field::accept,
              request->accept.empty() ? default_accept(request->kind) : request->accept);
  message.set(bhttp::field::accept_encoding, kAcceptEncoding);
  if (!request->etag.empty()) message.set(bhttp::field::if_none_match, request->etag);
  if (!request->last_modified.empty()) message.set(bhttp::field::if_modified_since, request->last_modified);
  if (via_http_proxy && !proxy->authorization.empty())
    message.set(bhttp::field::proxy_authorization, proxy->authorization);

  // A pooled connection may have been closed by the server since; if it fails
  // before any response byte arrives, the request is sent again on a new one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto connection = attempt == 0 ? take_idle(key) : nullptr;
    const bool reused = connection != nullptr;
    if (!connection) {
      auto opened = co_await open(target, proxy, request->insecure, deadline, request->timeouts.connect,
                                  &response->timings);
      if (!opened.connection) {
        result.failure = std::move(opened.failure);
        co_return result;
      }
      connection = std::move(opened.connection);
      ++stats.connections_opened;
    } else {
      ++stats.connections_reused;
    }
    ++stats.requests_sent;
    if (connection->secure)
      result = co_await exchange_on(&*connection->secure, connection.get(), &message, limit,
                                    request->timeouts, deadline, &request->on_sent);
    else
      result = co_await exchange_on(&*connection->plain, connection.get(), &message, limit, request->timeouts,
                                    deadline, &request->on_sent);
    const bool stale =
        reused && result.nothing_received && result.failure.kind == ErrorKind::connection_closed;
    if (stale) continue;
    response->reused_connection = reused;
    if (result.failure.kind == ErrorKind::none && result.reusable) put_idle(key, std::move(connection));
    co_return result;
  }
  co_return result;
}

asio::awaitable<Response> HttpClient::Impl::fetch(Request request) {
  Response response;
  const auto start = Clock::now();
  const auto deadline = start + request.timeouts.total;
  const std::size_t limit = request.max_body_bytes.value_or(
      request.kind == RequestKind::article ? kDefaultPageLimit : kDefaultFeedLimit);
  std::string current = request.url;
  std::set<std::string> visited;
  std::string origin;  // host_identity of the first hop
  auto fail = [&response](ErrorKind kind, std::string_view url, std::string_view detail) {
    response.error = kind;
    response.error_message = fmt::format("{}: {}", url, detail);
  };

  for (;;) {
    std::string why;
    auto target = parse_target(current, &why);
    if (!target) {
      fail(ErrorKind::invalid_url, current, why);
      break;
    }
    if (origin.empty()) {
      origin = host_identity(*target);
    } else if (request.stop_at_other_host && host_identity(*target) != origin) {
      response.redirect_to = target->url;
      break;
    }
    response.final_url = target->url;
    if (!visited.insert(target->url).second) {
      fail(ErrorKind::redirect_loop, request.url, fmt::format("redirect loop back to {}", target->url));
      break;
    }
    auto exchange = co_await send(&request, &*target, deadline, limit, &response);
    response.bytes_on_wire = exchange.wire_bytes;
    if (exchange.failure.kind != ErrorKind::none) {
      fail(exchange.failure.kind, target->url, exchange.failure.detail);
      break;
    }
    auto& message = *exchange.message;
    const int status = static_cast<int>(message.result_int());
    const auto location = message.find(bhttp::field::location);
    const bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    if (redirect && location != message.end()) {
      response.redirects.push_back({status, target->url});
      if (std::cmp_greater(response.redirects.size(), std::max(0, request.max_redirects))) {
        fail(ErrorKind::too_many_redirects, request.url,
             fmt::format("more than {} redirects", std::max(0, request.max_redirects)));
        break;
      }
      auto next = resolve_location(target->url, location->value());
      if (!next) {
        fail(ErrorKind::protocol, target->url,
             fmt::format("invalid redirect Location '{}'", location->value()));
        break;
      }
      current = std::move(*next);
      continue;
    }

    response.status = status;
    response.timings.first_byte = exchange.first_byte;
    auto header = [&message](bhttp::field field) {
      const auto found = message.find(field);
      return found == message.end() ? std::string() : std::string(found->value());
    };
    response.etag = header(bhttp::field::etag);
    response.last_modified = header(bhttp::field::last_modified);
    response.content_type = header(bhttp::field::content_type);
    response.charset = charset_from_content_type(response.content_type);
    response.content_encoding = header(bhttp::field::content_encoding);
    response.cache_control = header(bhttp::field::cache_control);
    response.max_age = max_age(response.cache_control);
    response.expires = parse_http_date(header(bhttp::field::expires));
    response.retry_after =
        parse_retry_after(header(bhttp::field::retry_after), std::chrono::system_clock::now());
    if (status != 304 && status != 204 && !message.body().empty()) {
      auto decoded = decode_content(response.content_encoding, std::move(message.body()), limit);
      if (decoded.error == DecodedBody::Error::too_large) {
        fail(ErrorKind::too_large, target->url, decoded.message);
      } else if (decoded.error != DecodedBody::Error::none) {
        fail(ErrorKind::decoding, target->url, decoded.message);
      } else {
        response.body = std::move(decoded.body);
      }
    }
    break;
  }
  response.permanent_redirect =
      !response.redirects.empty() && std::ranges::all_of(response.redirects, [](const RedirectHop& hop) {
        return hop.status == 301 || hop.status == 308;
      });
  response.timings.total = since(start);
  co_return response;
}

HttpClient::HttpClient(asio::io_context& io, ClientOptions options)
    : impl_(std::make_unique<Impl>(io, std::move(options))) {}

HttpClient::~HttpClient() = default;

asio::awaitable<Response> HttpClient::fetch(Request request) {
  return impl_->fetch(std::move(request));
}

HttpClient::Stats HttpClient::stats() const {
  return impl_->stats;
}

void HttpClient::close_idle_connections() {
  impl_->idle.clear();
}

}  // namespace newsd::http
