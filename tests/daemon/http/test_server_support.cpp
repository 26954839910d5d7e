#include "test_server.h"

#include <brotli/encode.h>
#include <fmt/core.h>
#include <zlib.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <type_traits>

namespace newsd::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

std::string reason_for(int status) {
  auto text = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
  return text.empty() ? "Unknown" : std::string(text);
}

struct Wire {
  std::string head;
  std::string body;
};

Wire serialize(const Reply& reply, bool request_keep_alive) {
  Wire wire;
  wire.head = fmt::format("HTTP/1.1 {} {}\r\n", reply.status, reason_for(reply.status));
  for (const auto& [name, value] : reply.headers) wire.head += fmt::format("{}: {}\r\n", name, value);
  const bool no_body =
      reply.status == 304 || reply.status == 204 || (reply.status >= 100 && reply.status < 200);
  if (no_body) {
    if (reply.content_length) wire.head += fmt::format("Content-Length: {}\r\n", *reply.content_length);
  } else if (reply.chunked) {
    wire.head += "Transfer-Encoding: chunked\r\n";
    constexpr std::size_t kChunk = 1000;
    for (std::size_t at = 0; at < reply.body.size(); at += kChunk) {
      const auto piece = std::string_view(reply.body).substr(at, kChunk);
      wire.body += fmt::format("{:x}\r\n{}\r\n", piece.size(), piece);
    }
    wire.body += "0\r\n\r\n";
  } else if (!reply.close_delimited) {
    wire.head += fmt::format("Content-Length: {}\r\n", reply.content_length.value_or(reply.body.size()));
    wire.body = reply.body;
  } else {
    wire.body = reply.body;
  }
  if (reply.close || reply.close_delimited || !request_keep_alive) wire.head += "Connection: close\r\n";
  wire.head += "\r\n";
  return wire;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

struct TestServer::State {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::optional<ssl::context> tls;
  std::thread thread;
  mutable std::mutex mutex;
  std::map<std::string, Handler> routes;
  std::vector<SeenRequest> seen;
  std::atomic<std::size_t> connections{0};
  std::atomic<bool> proxy{false};
  std::string address;

  Reply answer(const SeenRequest& request) {
    std::string path = request.target;
    if (path.starts_with("http://") || path.starts_with("https://")) {  // absolute form (proxy)
      const auto slash = path.find('/', path.find("://") + 3);
      path = slash == std::string::npos ? "/" : path.substr(slash);
    }
    path = path.substr(0, path.find('?'));
    Handler handler;
    {
      const std::lock_guard lock(mutex);
      seen.push_back(request);
      if (auto found = routes.find(path); found != routes.end()) handler = found->second;
    }
    if (!handler) return Reply{.status = 404, .body = "not found"};
    return handler(request);
  }
};

namespace {

asio::awaitable<void> pause(std::chrono::milliseconds duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(duration);
  error_code ec;
  co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
}

struct Tunnel {
  explicit Tunnel(tcp::socket client_socket)
      : client(std::move(client_socket)), upstream(client.get_executor()) {}
  tcp::socket client;
  tcp::socket upstream;
};

asio::awaitable<void> pump(std::shared_ptr<Tunnel> tunnel, bool to_upstream) {
  auto& from = to_upstream ? tunnel->client : tunnel->upstream;
  auto& to = to_upstream ? tunnel->upstream : tunnel->client;
  std::array<char, 16 * 1024> buffer{};
  error_code ec;
  for (;;) {
    const auto n =
        co_await from.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    co_await asio::async_write(to, asio::buffer(buffer.data(), n),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
  }
  from.close(ec);
  to.close(ec);
}

asio::awaitable<void> open_tunnel(tcp::socket client, std::string authority) {
  auto tunnel = std::make_shared<Tunnel>(std::move(client));
  const auto colon = authority.rfind(':');
  std::string host = authority.substr(0, colon);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  error_code ec;
  const tcp::endpoint target(asio::ip::make_address(host, ec),
                             static_cast<unsigned short>(std::stoi(authority.substr(colon + 1))));
  if (!ec) co_await tunnel->upstream.async_connect(target, asio::redirect_error(asio::use_awaitable, ec));
  const std::string answer = ec ? "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                : "HTTP/1.1 200 Connection Established\r\n\r\n";
  co_await asio::async_write(tunnel->client, asio::buffer(answer),
                             asio::redirect_error(asio::use_awaitable, ec));
  if (answer.find(" 200 ") == std::string::npos || ec) co_return;
  asio::co_spawn(tunnel->client.get_executor(), pump(tunnel, true), asio::detached);
  co_await pump(tunnel, false);
}

template <typename Stream>
asio::awaitable<void> serve(TestServer::State* state, Stream* stream, std::size_t connection_id) {
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request<bhttp::string_body> request;
    error_code ec;
    co_await bhttp::async_read(*stream, buffer, request, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    SeenRequest seen{std::string(request.method_string()),
                     std::string(request.target()),
                     {},
                     connection_id,
                     std::chrono::steady_clock::now()};
    for (const auto& field : request) seen.headers[lower(field.name_string())] = std::string(field.value());
    if constexpr (std::is_same_v<Stream, tcp::socket>) {
      if (state->proxy && request.method() == bhttp::verb::connect) {
        {
          const std::lock_guard lock(state->mutex);
          state->seen.push_back(seen);
        }
        co_await open_tunnel(std::move(*stream), std::string(request.target()));
        co_return;
      }
    }
    const Reply reply = state->answer(seen);
    if (reply.drop_without_reply) co_return;
    if (reply.delay_before_header.count() > 0) co_await pause(reply.delay_before_header);
    const Wire wire = serialize(reply, request.keep_alive());
    co_await asio::async_write(*stream, asio::buffer(wire.head),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    std::size_t cut = wire.body.size();
    if (reply.stall_after_body_bytes) cut = std::min(cut, *reply.stall_after_body_bytes);
    if (reply.drop_after_body_bytes) cut = std::min(cut, *reply.drop_after_body_bytes);
    co_await asio::async_write(*stream, asio::buffer(wire.body.data(), cut),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec || reply.drop_after_body_bytes) co_return;
    if (reply.stall_after_body_bytes) co_await pause(reply.stall_for);
    co_await asio::async_write(*stream, asio::buffer(wire.body.data() + cut, wire.body.size() - cut),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec || reply.close || reply.close_delimited || !request.keep_alive()) co_return;
  }
}

asio::awaitable<void> session(TestServer::State* state, tcp::socket socket, std::size_t connection_id) {
  if (!state->tls) {
    co_await serve(state, &socket, connection_id);
    co_return;
  }
  ssl::stream<tcp::socket> stream(std::move(socket), *state->tls);
  error_code ec;
  co_await stream.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return;
  co_await serve(state, &stream, connection_id);
}

asio::awaitable<void> accept_loop(TestServer::State* state) {
  for (;;) {
    error_code ec;
    auto socket = co_await state->acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    const std::size_t id = ++state->connections;
    socket.set_option(tcp::no_delay(true), ec);  // head and body go out in separate writes
    asio::co_spawn(state->io, session(state, std::move(socket), id), asio::detached);
  }
}

}  // namespace

TestServer::TestServer(TlsMode tls, std::string address) : state_(std::make_unique<State>()) {
  state_->address = address;
  if (tls != TlsMode::none) {
    const char* name = tls == TlsMode::valid         ? "server"
                       : tls == TlsMode::expired     ? "expired"
                       : tls == TlsMode::self_signed ? "selfsigned"
                                                     : "wronghost";
    auto& context = state_->tls.emplace(ssl::context::tls_server);
    context.use_certificate_chain_file(http_data(std::string(name) + ".pem"));
    context.use_private_key_file(http_data(std::string(name) + ".key"), ssl::context::pem);
  }
  const tcp::endpoint endpoint(asio::ip::make_address(address), 0);
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen();
  asio::co_spawn(state_->io, accept_loop(state_.get()), asio::detached);
  state_->thread = std::thread([state = state_.get()] { state->io.run(); });
}

TestServer::~TestServer() {
  state_->io.stop();
  state_->thread.join();
}

void TestServer::route(const std::string& path, Handler handler) {
  const std::lock_guard lock(state_->mutex);
  state_->routes[path] = std::move(handler);
}

void TestServer::route(const std::string& path, Reply reply) {
  route(path, [reply](const SeenRequest&) { return reply; });
}

void TestServer::enable_proxy() {
  state_->proxy = true;
}

unsigned short TestServer::port() const {
  return state_->acceptor.local_endpoint().port();
}

std::string TestServer::url(std::string_view path, std::string_view host) const {
  std::string authority(host);
  if (authority.empty())
    authority =
        state_->address.find(':') != std::string::npos ? "[" + state_->address + "]" : state_->address;
  return fmt::format("{}://{}:{}{}", state_->tls ? "https" : "http", authority, port(), path);
}

std::size_t TestServer::connections_accepted() const {
  return state_->connections;
}

std::vector<SeenRequest> TestServer::requests() const {
  const std::lock_guard lock(state_->mutex);
  return state_->seen;
}

std::string http_data(std::string_view name) {
  return fmt::format("{}/http/{}", NEWSD_TEST_DATA_DIR, name);
}

namespace {
std::string deflate_with(std::string_view data, int window_bits) {
  z_stream stream{};
  if (deflateInit2(&stream, 9, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}
}  // namespace

std::string gzip(std::string_view data) {
  return deflate_with(data, 15 + 16);
}
std::string zlib_deflate(std::string_view data) {
  return deflate_with(data, 15);
}

std::string brotli(std::string_view data) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()) + 64, '\0');
  std::size_t size = out.size();
  if (!BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, data.size(),
                             reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli encoding failed");
  out.resize(size);
  return out;
}

}  // namespace newsd::test
