// TLS verification, the SSRF guard on connections and redirect hops, proxies.
#include <gtest/gtest.h>

#include "client_fixture.h"

namespace newsd::test {
namespace {

using http::ErrorKind;

TEST(HttpClientTls, TrustedCertificateByNameAndAddress) {
  TestServer server(TlsMode::valid);
  server.route("/", Reply{.body = "secret"});
  ClientHarness harness;
  for (const char* host : {"localhost", "127.0.0.1"}) {
    const auto response = harness.fetch(request_for(server.url("/", host)));
    ASSERT_TRUE(response.ok()) << host << ": " << response.error_message;
    EXPECT_EQ(response.body, "secret");
  }
  // Keep-alive over TLS too: one connection per host name.
  ASSERT_TRUE(harness.fetch(request_for(server.url("/", "localhost"))).ok());
  EXPECT_EQ(server.connections_accepted(), 2u);
}

TEST(HttpClientTls, UntrustedCertificatesAreRefused) {
  struct Case {
    TlsMode mode;
    const char* expected;
  };
  for (const auto& [mode, expected] : {Case{TlsMode::expired, "expired"}, Case{TlsMode::self_signed, "self"},
                                       Case{TlsMode::wrong_host, "certificate"}}) {
    TestServer server(mode);
    server.route("/", Reply{.body = "secret"});
    ClientHarness harness;
    const auto response = harness.fetch(request_for(server.url("/", "localhost")));
    EXPECT_EQ(response.error, ErrorKind::tls) << response.error_message;
    EXPECT_NE(response.error_message.find(expected), std::string::npos) << response.error_message;
    EXPECT_NE(response.error_message.find("https://localhost"), std::string::npos) << response.error_message;
    EXPECT_TRUE(server.requests().empty());
  }
}

TEST(HttpClientTls, WithoutTheTestCaNothingIsTrusted) {
  TestServer server(TlsMode::valid);
  auto options = test_options();
  options.extra_ca_file.clear();
  ClientHarness harness(options);
  EXPECT_EQ(harness.fetch(request_for(server.url("/", "localhost"))).error, ErrorKind::tls);
}

TEST(HttpClientTls, InsecureOptionSkipsVerification) {
  TestServer server(TlsMode::self_signed);
  server.route("/", Reply{.body = "whatever"});
  ClientHarness harness;
  auto request = request_for(server.url("/", "localhost"));
  request.insecure = true;
  const auto response = harness.fetch(request);
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, "whatever");
  // An insecure connection is never handed to a verified request.
  request.insecure = false;
  EXPECT_EQ(harness.fetch(request).error, ErrorKind::tls);
}

TEST(HttpClientTls, MissingCaFileIsAConstructionError) {
  boost::asio::io_context io;
  auto options = test_options();
  options.extra_ca_file = "/nonexistent/ca.pem";
  EXPECT_THROW(http::HttpClient(io, options), std::runtime_error);
}

TEST(HttpClientSsrf, LoopbackNameRefusedWithoutAllowList) {
  TestServer server;
  server.route("/", Reply{.body = "internal"});
  auto options = test_options();
  options.allow_list.clear();
  ClientHarness harness(options);
  for (const char* host : {"localhost", "127.0.0.1", "[::ffff:127.0.0.1]"}) {
    const auto response = harness.fetch(request_for(server.url("/", host)));
    EXPECT_EQ(response.error, ErrorKind::blocked_address) << host << ": " << response.error_message;
    EXPECT_NE(response.error_message.find("loopback"), std::string::npos) << response.error_message;
  }
  EXPECT_EQ(server.connections_accepted(), 0u);
}

TEST(HttpClientSsrf, AllowListByHostName) {
  TestServer server;
  server.route("/", Reply{.body = "ok"});
  auto options = test_options();
  options.allow_list = {"localhost"};
  ClientHarness harness(options);
  EXPECT_TRUE(harness.fetch(request_for(server.url("/", "localhost"))).ok());
  EXPECT_EQ(harness.fetch(request_for(server.url("/", "127.0.0.1"))).error, ErrorKind::blocked_address);
}

TEST(HttpClientSsrf, RedirectToMetadataAddressIsRefused) {
  TestServer server;
  server.route("/",
               Reply{.status = 302, .headers = {{"Location", "http://169.254.169.254/latest/meta-data/"}}});
  server.route("/v6", Reply{.status = 301, .headers = {{"Location", "http://[fe80::1]/"}}});
  server.route("/private", Reply{.status = 301, .headers = {{"Location", "http://10.1.2.3:8080/"}}});
  ClientHarness harness;  // loopback allowed, nothing else
  for (const char* path : {"/", "/v6", "/private"}) {
    const auto response = harness.fetch(request_for(server.url(path)));
    EXPECT_EQ(response.error, ErrorKind::blocked_address) << path << ": " << response.error_message;
    EXPECT_EQ(response.redirects.size(), 1u);
  }
  EXPECT_NE(harness.fetch(request_for(server.url("/"))).error_message.find("169.254.169.254"),
            std::string::npos);
}

TEST(HttpClientSsrf, BadAllowListEntryIsAConstructionError) {
  boost::asio::io_context io;
  auto options = test_options();
  options.allow_list = {"10.0.0.0/33"};
  EXPECT_THROW(http::HttpClient(io, options), std::invalid_argument);
}

TEST(HttpClientProxy, PlainRequestsGoThroughTheProxyInAbsoluteForm) {
  TestServer proxy;
  proxy.enable_proxy();
  proxy.route("/feed", Reply{.body = "via proxy"});
  auto options = test_options();
  options.proxy.http_proxy = fmt::format("http://user:pw@127.0.0.1:{}", proxy.port());
  ClientHarness harness(options);
  // The name need not resolve here: the proxy resolves it.
  const auto response = harness.fetch(request_for("http://feeds.example.invalid/feed"));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, "via proxy");
  const auto seen = proxy.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "http://feeds.example.invalid/feed");
  EXPECT_EQ(seen[0].headers.at("host"), "feeds.example.invalid");
  EXPECT_EQ(seen[0].headers.at("proxy-authorization"), "Basic dXNlcjpwdw==");
}

TEST(HttpClientProxy, HttpsGoesThroughAConnectTunnel) {
  TestServer origin(TlsMode::valid);
  origin.route("/feed", Reply{.body = "tunnelled"});
  TestServer proxy;
  proxy.enable_proxy();
  auto options = test_options();
  options.proxy.https_proxy = fmt::format("127.0.0.1:{}", proxy.port());
  ClientHarness harness(options);
  const auto response = harness.fetch(request_for(origin.url("/feed")));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, "tunnelled");
  const auto seen = proxy.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "CONNECT");
  EXPECT_EQ(seen[0].target, fmt::format("127.0.0.1:{}", origin.port()));
  EXPECT_EQ(origin.requests().size(), 1u);
}

TEST(HttpClientProxy, NoProxyGoesDirect) {
  TestServer origin;
  origin.route("/", Reply{.body = "direct"});
  TestServer proxy;
  proxy.enable_proxy();
  auto options = test_options();
  options.proxy.http_proxy = fmt::format("http://127.0.0.1:{}", proxy.port());
  options.proxy.no_proxy = "example.org, 127.0.0.1";
  ClientHarness harness(options);
  ASSERT_TRUE(harness.fetch(request_for(origin.url("/"))).ok());
  EXPECT_TRUE(proxy.requests().empty());
  EXPECT_EQ(origin.requests().size(), 1u);
}

TEST(HttpClientProxy, ProxyRefusingConnectIsAProxyError) {
  TestServer origin(TlsMode::valid);
  TestServer not_a_proxy;  // answers CONNECT like any unknown request: 404
  auto options = test_options();
  options.proxy.https_proxy = fmt::format("http://127.0.0.1:{}", not_a_proxy.port());
  ClientHarness harness(options);
  const auto response = harness.fetch(request_for(origin.url("/")));
  EXPECT_EQ(response.error, ErrorKind::proxy) << response.error_message;
}

}  // namespace
}  // namespace newsd::test
