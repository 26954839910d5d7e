#include "http/proxy.h"

#include <gtest/gtest.h>

namespace newsd::http {
namespace {

TEST(Proxy, NoProxyMatching) {
  const std::string list = "localhost, .internal.example,example.org:8080,10.1.2.3,[::1]";
  EXPECT_TRUE(bypasses_proxy(list, "localhost"));
  EXPECT_TRUE(bypasses_proxy(list, "a.internal.example"));
  EXPECT_TRUE(bypasses_proxy(list, "internal.example"));
  EXPECT_TRUE(bypasses_proxy(list, "EXAMPLE.org"));
  EXPECT_TRUE(bypasses_proxy(list, "www.example.org"));
  EXPECT_TRUE(bypasses_proxy(list, "10.1.2.3"));
  EXPECT_TRUE(bypasses_proxy(list, "::1"));
  EXPECT_FALSE(bypasses_proxy(list, "notexample.org"));
  EXPECT_FALSE(bypasses_proxy(list, "example.com"));
  EXPECT_FALSE(bypasses_proxy(list, "10.1.2.30"));
  EXPECT_TRUE(bypasses_proxy("*", "anything"));
  EXPECT_FALSE(bypasses_proxy("", "anything"));
}

TEST(Proxy, ProxyForScheme) {
  const ProxySettings settings{"http://p1:3128", "user:secret@p2:8080", "direct.example"};
  const auto plain = proxy_for(settings, "http", "feeds.example");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->host, "p1");
  EXPECT_EQ(plain->port, "3128");
  EXPECT_TRUE(plain->authorization.empty());
  const auto secure = proxy_for(settings, "https", "feeds.example");
  ASSERT_TRUE(secure);
  EXPECT_EQ(secure->host, "p2");
  EXPECT_EQ(secure->port, "8080");
  EXPECT_EQ(secure->authorization, "Basic dXNlcjpzZWNyZXQ=");
  EXPECT_FALSE(proxy_for(settings, "https", "direct.example"));
  EXPECT_FALSE(proxy_for(ProxySettings{}, "http", "feeds.example"));
  EXPECT_EQ(proxy_for(ProxySettings{"http://p", "", ""}, "http", "x")->port, "80");
}

TEST(Proxy, UnusableProxyUrlsAreErrors) {
  EXPECT_THROW(proxy_for(ProxySettings{"socks5://p:1080", "", ""}, "http", "x"), std::invalid_argument);
  EXPECT_THROW(proxy_for(ProxySettings{"http://", "", ""}, "http", "x"), std::invalid_argument);
}

TEST(Proxy, FromEnvironment) {
  ::setenv("http_proxy", "http://env-proxy:1", 1);
  ::setenv("HTTPS_PROXY", "http://env-secure:2", 1);
  ::setenv("no_proxy", "skip.example", 1);
  const auto settings = ProxySettings::from_environment();
  ::unsetenv("http_proxy");
  ::unsetenv("HTTPS_PROXY");
  ::unsetenv("no_proxy");
  EXPECT_EQ(settings.http_proxy, "http://env-proxy:1");
  EXPECT_EQ(settings.https_proxy, "http://env-secure:2");
  EXPECT_EQ(settings.no_proxy, "skip.example");
}

}  // namespace
}  // namespace newsd::http
