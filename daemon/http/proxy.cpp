#include "http/proxy.h"

#include <fmt/core.h>
#include <openssl/evp.h>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "core/strings.h"

namespace newsd::http {
namespace {

std::string env(const char* lower_name, const char* upper_name) {
  if (const char* value = std::getenv(lower_name); value && *value) return value;
  if (upper_name) {
    if (const char* value = std::getenv(upper_name); value && *value) return value;
  }
  return {};
}

std::string base64(std::string_view data) {
  std::vector<unsigned char> out(4 * ((data.size() + 2) / 3) + 1);
  const int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  return {reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n)};
}

}  // namespace

ProxySettings ProxySettings::from_environment() {
  // Upper-case HTTP_PROXY is deliberately not read (httpoxy: CGI sets it from a request header).
  return {env("http_proxy", nullptr), env("https_proxy", "HTTPS_PROXY"), env("no_proxy", "NO_PROXY")};
}

bool bypasses_proxy(std::string_view no_proxy, std::string_view host) {
  std::string name = core::to_lower(host);
  if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
  while (!no_proxy.empty()) {
    const auto comma = no_proxy.find_first_of(", ");
    auto entry = core::to_lower(core::trim(no_proxy.substr(0, comma)));
    no_proxy = comma == std::string_view::npos ? std::string_view{} : no_proxy.substr(comma + 1);
    if (entry.empty()) continue;
    if (entry == "*") return true;
    if (entry.size() >= 2 && entry.front() == '[' && entry.back() == ']')
      entry = entry.substr(1, entry.size() - 2);
    if (const auto colon = entry.rfind(':'); colon != std::string::npos && entry.find(':') == colon)
      entry = entry.substr(0, colon);  // "host:port" — the port is ignored
    while (!entry.empty() && entry.front() == '.') entry.erase(0, 1);
    if (name == entry) return true;
    if (name.size() > entry.size() && name.ends_with(entry) && name[name.size() - entry.size() - 1] == '.')
      return true;
  }
  return false;
}

std::optional<ProxyEndpoint> proxy_for(const ProxySettings& settings, std::string_view scheme,
                                       std::string_view host) {
  const std::string& proxy = scheme == "https" ? settings.https_proxy : settings.http_proxy;
  if (proxy.empty() || bypasses_proxy(settings.no_proxy, host)) return std::nullopt;
  std::string text = proxy.find("://") == std::string::npos ? "http://" + proxy : proxy;
  auto parsed = boost::urls::parse_uri(text);
  if (!parsed) throw std::invalid_argument(fmt::format("proxy URL '{}' is not a valid URL", proxy));
  const auto& url = *parsed;
  if (core::to_lower(url.scheme()) != "http")
    throw std::invalid_argument(fmt::format("proxy URL '{}': only http:// proxies are supported", proxy));
  if (url.host_address().empty())
    throw std::invalid_argument(fmt::format("proxy URL '{}' has no host", proxy));
  ProxyEndpoint endpoint{
      "http", std::string(url.host_address()), url.has_port() ? std::string(url.port()) : "80", {}};
  if (url.has_userinfo()) endpoint.authorization = "Basic " + base64(std::string(url.userinfo()));
  return endpoint;
}

}  // namespace newsd::http
