#include "polite_server.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

namespace newsd::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

struct PoliteServer::State {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::thread thread;
  mutable std::mutex mutex;
  std::map<std::string, std::function<PoliteReply()>> routes;
  std::vector<Arrival> arrivals;
  int in_flight = 0;
  int max_in_flight = 0;
  unsigned short port = 0;
};

namespace {

// A request "starts" when the client starts talking to the host: for the
// first request on a connection that is the connection's accept, for a reused
// connection the request's arrival.
asio::awaitable<void> serve(PoliteServer::State* state, tcp::socket socket,
                            std::chrono::steady_clock::time_point accepted_at) {
  beast::flat_buffer buffer;
  bool first = true;
  for (;;) {
    bhttp::request<bhttp::string_body> request;
    boost::system::error_code ec;
    co_await bhttp::async_read(socket, buffer, request, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    std::string target(request.target());
    std::function<PoliteReply()> handler;
    {
      std::lock_guard lock(state->mutex);
      state->arrivals.push_back({target, first ? accepted_at : std::chrono::steady_clock::now()});
      first = false;
      state->max_in_flight = std::max(state->max_in_flight, ++state->in_flight);
      auto found = state->routes.find(target.substr(0, target.find('?')));
      if (found != state->routes.end()) handler = found->second;
    }
    PoliteReply reply = handler ? handler() : PoliteReply{404, {}, "not found"};
    if (reply.delay.count() > 0) {
      asio::steady_timer timer(socket.get_executor(), reply.delay);
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    bhttp::response<bhttp::string_body> response(static_cast<bhttp::status>(reply.status), request.version());
    for (const auto& [name, value] : reply.headers) response.set(name, value);
    response.body() = reply.body;
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    {
      // Counted out before the bytes leave, so the client cannot start a
      // next request while this one still counts.
      std::lock_guard lock(state->mutex);
      --state->in_flight;
    }
    co_await bhttp::async_write(socket, response, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !response.keep_alive()) co_return;
  }
}

asio::awaitable<void> accept_loop(PoliteServer::State* state) {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket = co_await state->acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    asio::co_spawn(state->io, serve(state, std::move(socket), std::chrono::steady_clock::now()),
                   asio::detached);
  }
}

}  // namespace

PoliteServer::PoliteServer() : state_(std::make_unique<State>()) {
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen();
  state_->port = state_->acceptor.local_endpoint().port();
  asio::co_spawn(state_->io, accept_loop(state_.get()), asio::detached);
  state_->thread = std::thread([state = state_.get()] { state->io.run(); });
}

// The coroutines hold a plain State*: stopping the loop, joining the thread
// and closing the listener first means nothing runs while State (and, last,
// the io_context with the suspended coroutine frames) is torn down.
PoliteServer::~PoliteServer() {
  state_->io.stop();
  state_->thread.join();
  boost::system::error_code ignored;
  state_->acceptor.close(ignored);
}

void PoliteServer::route(const std::string& path, std::function<PoliteReply()> handler) {
  std::lock_guard lock(state_->mutex);
  state_->routes[path] = std::move(handler);
}

void PoliteServer::route(const std::string& path, PoliteReply reply) {
  route(path, [reply] { return reply; });
}

std::string PoliteServer::url(std::string_view path) const {
  return "http://" + host() + std::string(path);
}

std::string PoliteServer::host() const {
  return "127.0.0.1:" + std::to_string(state_->port);
}

std::vector<Arrival> PoliteServer::arrivals() const {
  std::lock_guard lock(state_->mutex);
  return state_->arrivals;
}

std::vector<Arrival> PoliteServer::arrivals(std::string_view path_prefix) const {
  std::vector<Arrival> out;
  for (auto& arrival : arrivals()) {
    if (std::string_view(arrival.target).starts_with(path_prefix)) out.push_back(std::move(arrival));
  }
  return out;
}

int PoliteServer::max_in_flight() const {
  std::lock_guard lock(state_->mutex);
  return state_->max_in_flight;
}

std::chrono::milliseconds smallest_gap(const std::vector<Arrival>& arrivals) {
  auto smallest = std::chrono::milliseconds::max();
  for (std::size_t i = 1; i < arrivals.size(); ++i) {
    smallest = std::min(
        smallest, std::chrono::duration_cast<std::chrono::milliseconds>(arrivals[i].at - arrivals[i - 1].at));
  }
  return smallest;
}

}  // namespace newsd::test
