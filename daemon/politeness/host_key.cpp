#include "politeness/host_key.h"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cctype>

namespace newsd::politeness {

std::optional<std::string> host_key(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || !parsed->has_authority()) return std::nullopt;
  std::string key(parsed->encoded_host());
  if (key.empty()) return std::nullopt;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (parsed->has_port()) {
    std::string scheme(parsed->scheme());
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto port = parsed->port_number();
    bool is_default = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
    if (!is_default) key += ":" + std::string(parsed->port());
  }
  return key;
}

}  // namespace newsd::politeness
