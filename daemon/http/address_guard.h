#pragma once
// The SSRF guard: which resolved addresses newsd may connect to.
//
// Feed URLs come from users and from redirects chosen by remote servers, so
// by default newsd refuses every address that reaches "inside": loopback,
// private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10, where cloud
// metadata services live), CGNAT (100.64/10), multicast, unspecified and
// reserved ranges, also when written as IPv4-mapped/-compatible, NAT64 or 6to4
// IPv6 addresses. The check runs on the *resolved* address of every connection,
// so a public name resolving to 127.0.0.1 is refused like the literal.
// An explicit allow-list of CIDRs, addresses or host names opens them.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsd::http {

// An address in network byte order; IPv4 addresses use the first 4 bytes.
struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};
  bool v4 = true;

  // Parses a literal IPv4 or IPv6 address (no brackets, no zone); nullopt if invalid.
  static std::optional<IpAddress> parse(std::string_view text);
  static IpAddress from_v4(std::span<const std::uint8_t, 4> b);
  static IpAddress from_v6(std::span<const std::uint8_t, 16> b);
  [[nodiscard]] std::string to_string() const;
};

struct Cidr {
  IpAddress network;
  int prefix_bits = 0;

  // "10.0.0.0/8", "::1", "fe80::/10"; nullopt if invalid.
  static std::optional<Cidr> parse(std::string_view text);
  [[nodiscard]] bool contains(const IpAddress& address) const;
};

// The name of the refused range `address` falls in ("loopback", "private", …),
// or nullopt for an ordinary public address.
std::optional<std::string_view> restricted_range(const IpAddress& address);

class AddressGuard {
 public:
  AddressGuard() = default;
  // Each entry is a CIDR, an address or a host name (case-insensitive, exact).
  // Throws std::invalid_argument naming a malformed entry.
  explicit AddressGuard(std::span<const std::string> allow_list);

  // Why connecting to `address` (resolved from `host`) is refused, or nullopt
  // if it is allowed.
  [[nodiscard]] std::optional<std::string> refusal(std::string_view host, const IpAddress& address) const;

 private:
  std::vector<Cidr> allowed_networks_;
  std::vector<std::string> allowed_hosts_;  // lower case
};

}  // namespace newsd::http
