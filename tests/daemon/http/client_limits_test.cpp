// Every limit and timeout of the client, each against a server that would
// make the fetch succeed (or hang) if the limit were ignored.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "client_fixture.h"

namespace newsd::test {
namespace {

using namespace std::chrono_literals;
using http::ErrorKind;

auto elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::steady_clock::now() - start;
}

TEST(HttpClientLimits, FirstByteTimeout) {
  TestServer server;
  // Timings far apart (0.2 s limit, 4 s server, 30 s patience), so that a
  // loaded machine cannot blur them.
  server.route("/", Reply{.body = "late", .delay_before_header = 4000ms});
  ClientHarness harness;
  auto request = request_for(server.url("/"));
  request.timeouts.first_byte = 200ms;
  const auto start = std::chrono::steady_clock::now();
  const auto response = harness.fetch(request);
  EXPECT_EQ(response.error, ErrorKind::first_byte_timeout) << response.error_message;
  EXPECT_LT(elapsed_since(start), 3500ms) << "the limit, not the server, ended the fetch";
  request.timeouts.first_byte = 30s;  // the same server, patiently: succeeds
  EXPECT_TRUE(harness.fetch(request).ok());
}

TEST(HttpClientLimits, IdleTimeoutWhenTheBodyStalls) {
  TestServer server;
  server.route("/",
               Reply{.body = std::string(4000, 'x'), .stall_after_body_bytes = 1000, .stall_for = 4000ms});
  ClientHarness harness;
  auto request = request_for(server.url("/"));
  request.timeouts.idle = 200ms;
  const auto start = std::chrono::steady_clock::now();
  const auto response = harness.fetch(request);
  EXPECT_EQ(response.error, ErrorKind::idle_timeout) << response.error_message;
  EXPECT_LT(elapsed_since(start), 3500ms) << "the limit, not the server, ended the fetch";
  request.timeouts.idle = 30s;
  const auto patient = harness.fetch(request);
  ASSERT_TRUE(patient.ok()) << patient.error_message;
  EXPECT_EQ(patient.body.size(), 4000u);
}

TEST(HttpClientLimits, TotalTimeoutCapsAFetchThatKeepsTrickling) {
  TestServer server;
  // Each step is within the idle and first-byte timeouts; only the total is exceeded.
  // The server needs 4 s at least; the total limit is 2 s, each step's 30 s.
  server.route("/", Reply{.body = std::string(3000, 'x'),
                          .delay_before_header = 2000ms,
                          .stall_after_body_bytes = 1000,
                          .stall_for = 2000ms});
  ClientHarness harness;
  auto request = request_for(server.url("/"));
  request.timeouts.total = 2000ms;
  const auto response = harness.fetch(request);
  EXPECT_EQ(response.error, ErrorKind::total_timeout) << response.error_message;
  request.timeouts.total = 60s;
  EXPECT_TRUE(harness.fetch(request).ok());
}

TEST(HttpClientLimits, ConnectTimeoutAgainstAFullListenQueue) {
  // A listening socket that never accepts, its backlog already full: the
  // kernel drops further SYNs, so connect() hangs until our timeout.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 0), 0);
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  std::vector<int> fillers;
  for (int i = 0; i < 4; ++i) {
    const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ::connect(filler, reinterpret_cast<sockaddr*>(&address), sizeof address);
    fillers.push_back(filler);
  }
  ::usleep(100'000);
  ClientHarness harness;
  auto request = request_for(fmt::format("http://127.0.0.1:{}/", ntohs(address.sin_port)));
  request.timeouts.connect = 300ms;
  request.timeouts.first_byte = 300ms;
  const auto start = std::chrono::steady_clock::now();
  const auto response = harness.fetch(request);
  for (int fd : fillers) ::close(fd);
  ::close(listener);
  EXPECT_EQ(response.error, ErrorKind::connect_timeout) << response.error_message;
  EXPECT_LT(elapsed_since(start), 20s) << "without the limit, connect() would hang";
}

TEST(HttpClientLimits, OversizeBodyWithContentLengthIsRefused) {
  TestServer server;
  server.route("/big", Reply{.body = std::string(2000, 'x')});
  server.route("/fits", Reply{.body = std::string(1000, 'x')});
  ClientHarness harness;
  auto request = request_for(server.url("/big"));
  request.max_body_bytes = 1000;
  const auto response = harness.fetch(request);
  EXPECT_EQ(response.error, ErrorKind::too_large) << response.error_message;
  EXPECT_TRUE(response.body.empty());
  request.url = server.url("/fits");
  EXPECT_TRUE(harness.fetch(request).ok());
}

TEST(HttpClientLimits, OversizeChunkedBodyIsCutOffWhileStreaming) {
  TestServer server;
  // 1 MB announced by nobody: only counting while reading can stop it.
  server.route("/", Reply{.body = std::string(1 << 20, 'x'), .chunked = true});
  server.route("/eof", Reply{.body = std::string(1 << 20, 'x'), .close_delimited = true});
  ClientHarness harness;
  for (const char* path : {"/", "/eof"}) {
    auto request = request_for(server.url(path));
    request.max_body_bytes = 64 * 1024;
    const auto response = harness.fetch(request);
    EXPECT_EQ(response.error, ErrorKind::too_large) << path << ": " << response.error_message;
    EXPECT_LT(response.bytes_on_wire, 200u * 1024) << path;
  }
}

TEST(HttpClientLimits, DefaultLimitsDependOnKind) {
  TestServer server;
  server.route("/", Reply{.body = std::string(9 * 1024 * 1024, 'x'), .chunked = true});
  ClientHarness harness;
  auto request = request_for(server.url("/"));
  request.kind = http::RequestKind::article;  // 8 MB
  EXPECT_EQ(harness.fetch(request).error, ErrorKind::too_large);
  request.kind = http::RequestKind::feed;  // 16 MB
  const auto feed = harness.fetch(request);
  ASSERT_TRUE(feed.ok()) << feed.error_message;
  EXPECT_EQ(feed.body.size(), 9u * 1024 * 1024);
}

TEST(HttpClientLimits, GzipBombIsCutOffAfterDecompression) {
  const std::string bomb = gzip(std::string(40 * 1024 * 1024, '\0'));
  ASSERT_LT(bomb.size(), 100u * 1024);
  TestServer server;
  server.route("/bomb", Reply{.headers = {{"Content-Encoding", "gzip"}}, .body = bomb});
  server.route("/brbomb", Reply{.headers = {{"Content-Encoding", "br"}},
                                .body = brotli(std::string(40 * 1024 * 1024, 'a'))});
  ClientHarness harness;
  for (const char* path : {"/bomb", "/brbomb"}) {
    auto request = request_for(server.url(path));
    request.max_body_bytes = 1024 * 1024;
    const auto response = harness.fetch(request);
    EXPECT_EQ(response.error, ErrorKind::too_large) << path;
    EXPECT_NE(response.error_message.find("decompression bomb"), std::string::npos) << response.error_message;
    EXPECT_TRUE(response.body.empty());
  }
}

TEST(HttpClientLimits, ContentLengthLongerThanTheBodyIsTruncation) {
  TestServer server;
  server.route("/", Reply{.body = "only ten b", .content_length = 1000, .close = true});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/")));
  EXPECT_EQ(response.error, ErrorKind::truncated) << response.error_message;
}

TEST(HttpClientLimits, ContentLengthShorterThanTheBodyPoisonsTheConnection) {
  TestServer server;
  server.route("/lie", Reply{.body = "0123456789HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfake",
                             .content_length = 10});
  server.route("/next", Reply{.body = "real"});
  ClientHarness harness;
  const auto lie = harness.fetch(request_for(server.url("/lie")));
  ASSERT_TRUE(lie.ok()) << lie.error_message;
  EXPECT_EQ(lie.body, "0123456789");
  const auto next = harness.fetch(request_for(server.url("/next")));
  ASSERT_TRUE(next.ok()) << next.error_message;
  EXPECT_EQ(next.body, "real") << "the smuggled bytes must not be read as the next response";
  EXPECT_EQ(server.connections_accepted(), 2u);
}

TEST(HttpClientLimits, ConnectionDroppedMidBodyOrBeforeAnswering) {
  TestServer server;
  server.route("/mid", Reply{.body = std::string(5000, 'x'), .drop_after_body_bytes = 2000});
  server.route("/midchunk",
               Reply{.body = std::string(5000, 'x'), .chunked = true, .drop_after_body_bytes = 2000});
  server.route("/silent", Reply{.drop_without_reply = true});
  ClientHarness harness;
  EXPECT_EQ(harness.fetch(request_for(server.url("/mid"))).error, ErrorKind::truncated);
  EXPECT_EQ(harness.fetch(request_for(server.url("/midchunk"))).error, ErrorKind::truncated);
  const auto silent = harness.fetch(request_for(server.url("/silent")));
  EXPECT_EQ(silent.error, ErrorKind::connection_closed) << silent.error_message;
}

TEST(HttpClientLimits, ChunkedBodyIsReassembled) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += static_cast<char>('a' + i % 26);
  TestServer server;
  server.route("/", Reply{.body = text, .chunked = true});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/")));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, text);
}

}  // namespace
}  // namespace newsd::test
