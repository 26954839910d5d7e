#pragma once
// The key every politeness rule is kept under: the lowercased host, plus
// ":port" when the port is not the scheme's default. Matches hosts.host.
#include <optional>
#include <string>
#include <string_view>

namespace newsd::politeness {

// nullopt when `url` is not an absolute URL with a host.
std::optional<std::string> host_key(std::string_view url);

}  // namespace newsd::politeness
