#include "demo/static_server.h"

#include <fmt/chrono.h>
#include <fmt/core.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace newsd::demo {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct StaticServer::State {
  std::filesystem::path root;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::string base_url;
  unsigned short port = 0;
  std::thread thread;

  mutable std::mutex mutex;  // guards what the test thread and the server thread share
  struct Override {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
  };
  std::map<std::string, Override, std::less<>> overrides;
  std::map<std::string, std::pair<int, std::string>, std::less<>> redirects;
  std::optional<std::size_t> answers_left;  // set: go away when it reaches 0
  std::chrono::milliseconds answer_delay{0};
  std::vector<std::string> log;
  std::size_t conditional = 0;
};

namespace {

std::string http_date(std::filesystem::file_time_type mtime) {
  auto system = std::chrono::file_clock::to_sys(mtime);
  auto seconds = std::chrono::floor<std::chrono::seconds>(system);
  return fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT", seconds);
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_text(std::string_view type) {
  return type.starts_with("text/") || type.find("xml") != std::string_view::npos ||
         type.find("json") != std::string_view::npos;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The file under root that `target` names, or nullopt (outside root, absent).
std::optional<std::filesystem::path> resolve(const std::filesystem::path& root, std::string_view target) {
  auto path = target.substr(0, target.find('?'));
  if (path.empty() || path.front() != '/') return std::nullopt;
  auto relative = std::filesystem::path(path.substr(1)).lexically_normal();
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  auto full = root / relative;
  std::error_code ec;
  if (std::filesystem::is_directory(full, ec)) full /= "index.html";
  if (!std::filesystem::is_regular_file(full, ec)) return std::nullopt;
  return full;
}

using Response = http::response<http::string_body>;

Response plain(int status, std::string_view text, unsigned version) {
  Response response{static_cast<http::status>(status), version};
  response.set(http::field::server, "newsd-demo");
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.body() = std::string(text);
  return response;
}

Response answer(StaticServer::State& state, const http::request<http::string_body>& request,
                int& status_out) {
  std::string_view target(request.target().data(), request.target().size());
  std::string path(target.substr(0, target.find('?')));
  unsigned version = request.version();
  {
    std::lock_guard lock(state.mutex);
    if (request.count(http::field::if_none_match) > 0 || request.count(http::field::if_modified_since) > 0) {
      ++state.conditional;
    }
    if (auto it = state.overrides.find(path); it != state.overrides.end()) {
      status_out = it->second.status;
      auto response = plain(it->second.status,
                            fmt::format("status {} for {} (override)\n", it->second.status, path), version);
      for (const auto& [name, value] : it->second.headers) response.set(name, value);
      return response;
    }
    if (auto it = state.redirects.find(path); it != state.redirects.end()) {
      status_out = it->second.first;
      auto response = plain(it->second.first, fmt::format("moved to {}\n", it->second.second), version);
      response.set(http::field::location, it->second.second);
      return response;
    }
  }
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    status_out = 405;
    return plain(405, "only GET and HEAD\n", version);
  }
  auto file = resolve(state.root, target);
  std::optional<std::string> body = file ? read_file(*file) : std::nullopt;
  if (!body) {
    status_out = 404;
    return plain(404, fmt::format("{} is not in the demo set\n", path), version);
  }
  auto type = content_type_for(file->filename().string());
  if (is_text(type)) replace_all(*body, kBaseToken, state.base_url);
  auto etag = fmt::format("\"{:016x}\"", std::hash<std::string>{}(*body));
  std::error_code ec;
  auto last_modified = http_date(std::filesystem::last_write_time(*file, ec));

  auto if_none_match = request[http::field::if_none_match];
  auto if_modified_since = request[http::field::if_modified_since];
  bool not_modified = !if_none_match.empty()
                          ? if_none_match == etag
                          : (!if_modified_since.empty() && if_modified_since == last_modified);
  Response response{not_modified ? http::status::not_modified : http::status::ok, version};
  response.set(http::field::server, "newsd-demo");
  response.set(http::field::etag, etag);
  response.set(http::field::last_modified, last_modified);
  response.set(http::field::content_type, type);
  if (!not_modified) response.body() = std::move(*body);
  status_out = not_modified ? 304 : 200;
  return response;
}

// The coroutines hold a plain pointer: their frames live in state->io, which
// the State owns, so a shared_ptr here would keep the State alive forever.
asio::awaitable<void> session(tcp::socket socket, StaticServer::State* state) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    auto [read_error, read_bytes] =
        co_await http::async_read(socket, buffer, request, asio::as_tuple(asio::use_awaitable));
    if (read_error) co_return;
    std::string line =
        fmt::format("{} {}", std::string_view(request.method_string().data(), request.method_string().size()),
                    std::string_view(request.target().data(), request.target().size()));
    bool drop = false;
    {
      std::lock_guard lock(state->mutex);
      if (state->answers_left) {
        if (*state->answers_left == 0) {
          drop = true;
        } else {
          --*state->answers_left;
        }
      }
      if (drop) state->log.push_back(line + " dropped");
    }
    if (drop) {
      boost::system::error_code ignored;
      socket.shutdown(tcp::socket::shutdown_both, ignored);
      socket.close(ignored);
      co_return;
    }
    int status = 0;
    auto response = answer(*state, request, status);
    std::chrono::milliseconds delay{0};
    {
      std::lock_guard lock(state->mutex);
      state->log.push_back(fmt::format("{} {}", line, status));
      delay = state->answer_delay;
    }
    if (delay > std::chrono::milliseconds(0)) {
      asio::steady_timer timer(state->io, delay);
      co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();
    auto [write_error, written] =
        co_await http::async_write(socket, response, asio::as_tuple(asio::use_awaitable));
    if (write_error || !response.keep_alive()) co_return;
  }
}

asio::awaitable<void> accept_loop(StaticServer::State* state) {
  for (;;) {
    auto [error, socket] = co_await state->acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
    if (error) {
      if (error == asio::error::operation_aborted) co_return;
      continue;
    }
    asio::co_spawn(state->io, session(std::move(socket), state), asio::detached);
  }
}

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  auto ends = [&](std::string_view suffix) { return file_name.ends_with(suffix); };
  if (ends(".atom") || ends("atom.xml")) return "application/atom+xml; charset=utf-8";
  if (ends(".rss") || ends(".xml")) return "application/rss+xml; charset=utf-8";
  if (ends(".json")) return "application/feed+json; charset=utf-8";
  if (ends(".opml")) return "text/x-opml; charset=utf-8";
  if (ends(".html") || ends(".htm")) return "text/html; charset=utf-8";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticServer::StaticServer(std::filesystem::path root, std::string address)
    : state_(std::make_shared<State>()) {
  state_->root = std::move(root);
  if (!std::filesystem::is_directory(state_->root)) {
    throw std::runtime_error(fmt::format("demo server: {} is not a directory", state_->root.string()));
  }
  boost::system::error_code ec;
  auto ip = asio::ip::make_address(address, ec);
  if (ec) throw std::runtime_error(fmt::format("demo server: bad listen address {}", address));
  tcp::endpoint endpoint(ip, 0);
  state_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) state_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) state_->acceptor.bind(endpoint, ec);
  if (!ec) state_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error(fmt::format("demo server: cannot listen on {}: {}", address, ec.message()));
  auto host = ip.is_v6() ? "[" + address + "]" : address;
  state_->port = state_->acceptor.local_endpoint().port();
  state_->base_url = fmt::format("http://{}:{}", host, state_->port);
  asio::co_spawn(state_->io, accept_loop(state_.get()), asio::detached);
  state_->thread = std::thread([state = state_.get()] { state->io.run(); });
}

StaticServer::~StaticServer() {
  state_->io.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

unsigned short StaticServer::port() const {
  return state_->port;
}
std::string StaticServer::base_url() const {
  return state_->base_url;
}

void StaticServer::override_status(const std::string& path, int status,
                                   std::vector<std::pair<std::string, std::string>> headers) {
  std::lock_guard lock(state_->mutex);
  state_->overrides[path] = {status, std::move(headers)};
}

void StaticServer::redirect(const std::string& path, int status, const std::string& location) {
  std::lock_guard lock(state_->mutex);
  state_->redirects[path] = {status, location};
}

void StaticServer::clear_overrides() {
  std::lock_guard lock(state_->mutex);
  state_->overrides.clear();
  state_->redirects.clear();
}

void StaticServer::delay_answers(std::chrono::milliseconds delay) {
  std::lock_guard lock(state_->mutex);
  state_->answer_delay = delay;
}

void StaticServer::go_away_after(std::size_t requests) {
  std::lock_guard lock(state_->mutex);
  state_->answers_left = requests;
}

void StaticServer::come_back() {
  std::lock_guard lock(state_->mutex);
  state_->answers_left.reset();
}

std::vector<std::string> StaticServer::request_log() const {
  std::lock_guard lock(state_->mutex);
  return state_->log;
}

std::size_t StaticServer::conditional_requests() const {
  std::lock_guard lock(state_->mutex);
  return state_->conditional;
}

}  // namespace newsd::demo
