#include "metrics/server.h"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <charconv>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace newsd::metrics {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

ListenAddress parse_listen_address(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    throw std::invalid_argument(fmt::format("\"{}\" is not HOST:PORT (e.g. 127.0.0.1:9466)", text));
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    throw std::invalid_argument(
        fmt::format("\"{}\": write an IPv6 address in brackets, e.g. [::1]:9466", text));
  }
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || error != std::errc{} || end != port_text.data() + port_text.size() || port > 65535)
    throw std::invalid_argument(fmt::format("\"{}\": the port must be a number from 0 to 65535", text));
  ListenAddress out{std::string(host), static_cast<unsigned short>(port)};
  if (out.host == "localhost") return out;
  unsigned char buffer[16];
  if (inet_pton(AF_INET, out.host.c_str(), buffer) != 1 && inet_pton(AF_INET6, out.host.c_str(), buffer) != 1)
    throw std::invalid_argument(fmt::format("\"{}\": {} is not an IP address or localhost", text, out.host));
  return out;
}

namespace {

constexpr auto kIoDeadline = std::chrono::seconds(10);
constexpr std::uint32_t kHeaderLimit = 8 * 1024;
constexpr std::uint64_t kBodyLimit = 1024;

std::string endpoint_text(const tcp::endpoint& endpoint) {
  auto address = endpoint.address().to_string();
  if (endpoint.address().is_v6()) address = "[" + address + "]";
  return fmt::format("{}:{}", address, endpoint.port());
}

}  // namespace

struct Server::Impl {
  Impl(Registry& reg, HealthCheck check, Logger log)
      : registry(reg), health(std::move(check)), logger(std::move(log)), acceptor(io) {}

  Registry& registry;
  HealthCheck health;
  Logger logger;
  asio::io_context io;
  tcp::acceptor acceptor;
  std::string bound;
  std::thread thread;

  http::response<http::string_body> answer(const http::request<http::string_body>& request) {
    http::response<http::string_body> response;
    response.version(request.version());
    response.keep_alive(request.keep_alive());
    response.set(http::field::server, "newsd");
    response.set(http::field::cache_control, "no-store");
    auto target = request.target();
    if (auto query = target.find('?'); query != std::string_view::npos) target = target.substr(0, query);
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
      response.result(http::status::method_not_allowed);
      response.set(http::field::allow, "GET, HEAD");
      response.set(http::field::content_type, "text/plain; charset=utf-8");
      response.body() = "only GET and HEAD\n";
    } else if (target == "/metrics") {
      update_process_metrics(registry);
      response.result(http::status::ok);
      response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
      response.body() = registry.render();
    } else if (target == "/healthz") {
      HealthReport report;
      try {
        report = health();
      } catch (const std::exception& e) {
        report = {false,
                  fmt::format(R"({{"status":"unhealthy","reason":"health check failed: {}"}})", e.what())};
      }
      response.result(report.healthy ? http::status::ok : http::status::service_unavailable);
      response.set(http::field::content_type, "application/json");
      response.body() = report.json + "\n";
    } else {
      response.result(http::status::not_found);
      response.set(http::field::content_type, "text/plain; charset=utf-8");
      response.body() = "not found: try /metrics or /healthz\n";
    }
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();
    return response;
  }

  asio::awaitable<void> serve(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer(kHeaderLimit + kBodyLimit);
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(kHeaderLimit);
      parser.body_limit(kBodyLimit);
      stream.expires_after(kIoDeadline);
      auto [read_error, read_bytes] =
          co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      (void)read_bytes;
      if (read_error) break;  // closed, timed out or too large: nothing worth answering
      auto response = answer(parser.get());
      const bool keep_alive = response.keep_alive();
      stream.expires_after(kIoDeadline);
      auto [write_error, written] =
          co_await http::async_write(stream, response, asio::as_tuple(asio::use_awaitable));
      (void)written;
      if (write_error || !keep_alive) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [error, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
      if (error == asio::error::operation_aborted) co_return;
      if (error) {
        logger.warn("metrics: accept on {}: {}", bound, error.message());
        continue;
      }
      asio::co_spawn(io, serve(std::move(socket)), asio::detached);
    }
  }
};

Server::Server(const std::string& listen, Registry& registry, HealthCheck health, Logger logger)
    : impl_(std::make_unique<Impl>(registry, std::move(health), std::move(logger))) {
  auto address = parse_listen_address(listen);
  try {
    tcp::resolver resolver(impl_->io);
    auto results = resolver.resolve(address.host, std::to_string(address.port),
                                    tcp::resolver::numeric_service | tcp::resolver::passive);
    if (results.empty()) throw std::runtime_error("the name resolves to no address");
    tcp::endpoint endpoint = *results.begin();
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
    impl_->bound = endpoint_text(impl_->acceptor.local_endpoint());
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("metrics: cannot listen on {}: {}", listen, e.what()));
  }
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

Server::~Server() {
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

const std::string& Server::bound_address() const {
  return impl_->bound;
}

}  // namespace newsd::metrics
