#pragma once
// Which proxy, if any, carries a request: http_proxy / https_proxy / no_proxy
// as curl and wget read them.
#include <optional>
#include <string>
#include <string_view>

namespace newsd::http {

struct ProxySettings {
  std::string http_proxy;   // URL of the proxy for http:// URLs (absolute-form requests)
  std::string https_proxy;  // URL of the proxy for https:// URLs (CONNECT tunnel)
  std::string no_proxy;     // comma-separated hosts/domains/addresses that go direct; "*" = all

  // Reads http_proxy, https_proxy, no_proxy (lower case first, then upper case;
  // HTTP_PROXY is ignored in CGI-like environments by convention, we do the same).
  static ProxySettings from_environment();
};

struct ProxyEndpoint {
  std::string scheme;  // "http" (the only proxy scheme supported)
  std::string host;
  std::string port;
  std::string authorization;  // "Basic …" from user:password in the proxy URL, or empty
};

// The proxy to use for `scheme`://`host`, nullopt to connect directly.
// Throws std::invalid_argument naming an unusable proxy URL.
std::optional<ProxyEndpoint> proxy_for(const ProxySettings& settings, std::string_view scheme,
                                       std::string_view host);

// True if `host` matches an entry of a no_proxy list (suffix match on domain
// boundaries, leading dots ignored, exact match for addresses, "*" matches all).
bool bypasses_proxy(std::string_view no_proxy, std::string_view host);

}  // namespace newsd::http
