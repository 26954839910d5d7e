// HTTP client throughput: newsd's HttpClient fetching 10,000 distinct small
// feeds from a loopback server on one thread, plain HTTP (keep-alive) and TLS.
//
//   http_bench --serve             run only the feed server (for wrk), print its ports
//   http_bench [benchmark flags]   run the benchmarks; with NEWSD_BENCH_HTTP_SERVER=
//                                  "host:plain_port:tls_port" they use that server,
//                                  otherwise one started in-process on another thread
//
// bench/fetch-bench runs the server pinned to one CPU, then wrk and this
// benchmark pinned to the other, and prints the ratio (the floor is wrk).
#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/client.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

constexpr int kFeeds = 10'000;
const std::string kCertDir = std::string(NEWSD_BENCH_DIR) + "/../tests/data/http/";

// The complete HTTP responses for /feeds/<n>.xml, built once.
class Catalog {
 public:
  Catalog() {
    responses_.reserve(kFeeds);
    for (int n = 0; n < kFeeds; ++n) {
      std::string body = fmt::format(
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
          "<title>Feed {0}</title><link>https://site{0}.example/</link><description>Bench feed "
          "{0}</description>",
          n);
      for (int item = 0; item < 3; ++item)
        body += fmt::format(
            "<item><title>Story {1} of feed {0}</title><link>https://site{0}.example/{1}</link>"
            "<guid>site{0}-{1}</guid><pubDate>Mon, 0{1} Jan 2024 10:00:00 GMT</pubDate>"
            "<description>Short summary {1}.</description></item>",
            n, item + 1);
      body += "</channel></rss>\n";
      responses_.push_back(
          fmt::format("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\n"
                      "ETag: \"f{}\"\r\nLast-Modified: Mon, 01 Jan 2024 10:00:00 GMT\r\n"
                      "Content-Length: {}\r\n\r\n{}",
                      n, body.size(), body));
    }
  }
  [[nodiscard]] const std::string& for_target(std::string_view target) const {
    static const std::string not_found = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
    constexpr std::string_view prefix = "/feeds/";
    if (!target.starts_with(prefix)) return not_found;
    int n = -1;
    std::from_chars(target.data() + prefix.size(), target.data() + target.size(), n);
    return n >= 0 && n < kFeeds ? responses_[static_cast<std::size_t>(n)] : not_found;
  }

 private:
  std::vector<std::string> responses_;
};

template <typename Stream>
asio::awaitable<void> serve(Stream* stream, const Catalog* catalog) {
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request_parser<bhttp::empty_body> parser;
    error_code ec;
    co_await bhttp::async_read(*stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    const auto& response = catalog->for_target(parser.get().target());
    co_await asio::async_write(*stream, asio::buffer(response),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !parser.get().keep_alive()) co_return;
  }
}

asio::awaitable<void> plain_session(tcp::socket socket, const Catalog* catalog) {
  co_await serve(&socket, catalog);
}

asio::awaitable<void> tls_session(tcp::socket socket, ssl::context* context, const Catalog* catalog) {
  ssl::stream<tcp::socket> stream(std::move(socket), *context);
  error_code ec;
  co_await stream.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
  if (!ec) co_await serve(&stream, catalog);
}

asio::awaitable<void> accept_loop(tcp::acceptor* acceptor, ssl::context* tls, const Catalog* catalog) {
  for (;;) {
    error_code ec;
    auto socket = co_await acceptor->async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    socket.set_option(tcp::no_delay(true), ec);
    if (tls)
      asio::co_spawn(acceptor->get_executor(), tls_session(std::move(socket), tls, catalog), asio::detached);
    else
      asio::co_spawn(acceptor->get_executor(), plain_session(std::move(socket), catalog), asio::detached);
  }
}

// The feed server: one io_context, one thread, plain and TLS listeners.
class FeedServer {
 public:
  FeedServer() : tls_(ssl::context::tls_server) {
    tls_.use_certificate_chain_file(kCertDir + "server.pem");
    tls_.use_private_key_file(kCertDir + "server.key", ssl::context::pem);
    for (auto* acceptor : {&plain_, &secure_}) {
      const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
      acceptor->open(endpoint.protocol());
      acceptor->set_option(tcp::acceptor::reuse_address(true));
      acceptor->bind(endpoint);
      acceptor->listen(1024);
    }
    asio::co_spawn(io_, accept_loop(&plain_, nullptr, &catalog_), asio::detached);
    asio::co_spawn(io_, accept_loop(&secure_, &tls_, &catalog_), asio::detached);
  }
  void run() { io_.run(); }
  void stop() { io_.stop(); }
  [[nodiscard]] unsigned short plain_port() const { return plain_.local_endpoint().port(); }
  [[nodiscard]] unsigned short tls_port() const { return secure_.local_endpoint().port(); }

 private:
  Catalog catalog_;
  asio::io_context io_;
  ssl::context tls_;
  tcp::acceptor plain_{io_};
  tcp::acceptor secure_{io_};
};

struct ServerAddress {
  std::string host = "127.0.0.1";
  unsigned short plain_port = 0;
  unsigned short tls_port = 0;
};

// The external server named by the environment, if any.
std::optional<ServerAddress> external_server() {
  const char* spec = std::getenv("NEWSD_BENCH_HTTP_SERVER");
  if (!spec || !*spec) return std::nullopt;
  unsigned plain = 0, tls = 0;
  char host[64] = {};
  if (std::sscanf(spec, "%63[^:]:%u:%u", host, &plain, &tls) != 3) {
    std::fprintf(stderr, "NEWSD_BENCH_HTTP_SERVER must be host:plain_port:tls_port\n");
    std::exit(2);
  }
  return ServerAddress{host, static_cast<unsigned short>(plain), static_cast<unsigned short>(tls)};
}

// A FeedServer on its own thread for the length of one benchmark.
class InProcessServer {
 public:
  InProcessServer() : thread_([this] { server_.run(); }) {}
  ~InProcessServer() {
    server_.stop();
    thread_.join();
  }
  [[nodiscard]] ServerAddress address() const {
    return {"127.0.0.1", server_.plain_port(), server_.tls_port()};
  }

 private:
  FeedServer server_;
  std::thread thread_;
};

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct Batch {
  std::vector<std::string> urls;
  std::size_t next = 0;
  std::size_t failures = 0;
  std::string first_error;
};

asio::awaitable<void> worker(newsd::http::HttpClient* client, Batch* batch) {
  while (batch->next < batch->urls.size()) {
    newsd::http::Request request;
    request.url = batch->urls[batch->next++];
    auto response = co_await client->fetch(std::move(request));
    if (!response.ok() || response.status != 200 || response.body.empty()) {
      if (batch->failures++ == 0)
        batch->first_error = response.ok() ? std::to_string(response.status) : response.error_message;
    }
  }
}

void fetch_all(benchmark::State& state, bool tls) {
  std::optional<InProcessServer> local;
  auto external = external_server();
  const ServerAddress server = external ? *external : local.emplace().address();
  const auto concurrency = static_cast<int>(state.range(0));
  newsd::http::ClientOptions options;
  options.allow_list = {"127.0.0.0/8"};
  options.use_system_ca = false;
  options.extra_ca_file = kCertDir + "ca.pem";
  options.max_idle_per_host = static_cast<std::size_t>(concurrency);
  Batch batch;
  for (int n = 0; n < kFeeds; ++n)
    batch.urls.push_back(fmt::format("{}://{}:{}/feeds/{}.xml", tls ? "https" : "http",
                                     tls ? "localhost" : server.host,
                                     tls ? server.tls_port : server.plain_port, n));
  asio::io_context io;
  newsd::http::HttpClient client(io, options);
  double cpu = 0;
  std::size_t fetched = 0;
  for (auto _ : state) {
    batch.next = 0;
    const double cpu_start = thread_cpu_seconds();
    for (int i = 0; i < concurrency; ++i) asio::co_spawn(io, worker(&client, &batch), asio::detached);
    io.restart();
    io.run();
    cpu += thread_cpu_seconds() - cpu_start;
    fetched += batch.urls.size();
  }
  if (batch.failures > 0)
    state.SkipWithError(
        fmt::format("{} fetches failed, first: {}", batch.failures, batch.first_error).c_str());
  state.SetItemsProcessed(static_cast<std::int64_t>(fetched));
  state.counters["fetches_per_s"] =
      benchmark::Counter(static_cast<double>(fetched), benchmark::Counter::kIsRate);
  state.counters["cpu_ms_per_fetch"] = cpu * 1000.0 / static_cast<double>(fetched);
  state.counters["connections"] = static_cast<double>(client.stats().connections_opened);
}

void BM_FetchPlainKeepAlive(benchmark::State& state) {
  fetch_all(state, false);
}
void BM_FetchTlsKeepAlive(benchmark::State& state) {
  fetch_all(state, true);
}

BENCHMARK(BM_FetchPlainKeepAlive)->Arg(8)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_FetchTlsKeepAlive)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "--serve") {
    FeedServer server;
    std::printf("plain %u tls %u\n", server.plain_port(), server.tls_port());
    std::fflush(stdout);
    server.run();
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
