#include "http/address_guard.h"

#include <arpa/inet.h>
#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "core/strings.h"

namespace newsd::http {
namespace {

struct NamedRange {
  const char* cidr;
  std::string_view name;
};

// Ranges refused unless allow-listed. IPv6 forms that embed an IPv4 address
// are unwrapped first (see embedded_v4), so they are judged by that address.
constexpr NamedRange kRestrictedRanges[] = {
    {"0.0.0.0/8", "unspecified"},
    {"10.0.0.0/8", "private (RFC 1918)"},
    {"100.64.0.0/10", "CGNAT (RFC 6598)"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link-local"},
    {"172.16.0.0/12", "private (RFC 1918)"},
    {"192.0.0.0/24", "IETF protocol assignments"},
    {"192.168.0.0/16", "private (RFC 1918)"},
    {"198.18.0.0/15", "benchmarking"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved"},
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"fc00::/7", "unique local (private)"},
    {"fe80::/10", "link-local"},
    {"fec0::/10", "site-local"},
    {"ff00::/8", "multicast"},
};

const std::vector<std::pair<Cidr, std::string_view>>& restricted_table() {
  static const auto table = [] {
    std::vector<std::pair<Cidr, std::string_view>> out;
    for (const auto& range : kRestrictedRanges) out.emplace_back(*Cidr::parse(range.cidr), range.name);
    return out;
  }();
  return table;
}

// IPv4 addresses carried inside IPv6 ones: mapped ::ffff:a.b.c.d, compatible
// ::a.b.c.d, NAT64 64:ff9b::a.b.c.d and 6to4 2002:aabb:ccdd::.
std::optional<IpAddress> embedded_v4(const IpAddress& address) {
  if (address.v4) return std::nullopt;
  const auto& b = address.bytes;
  auto zeros = [&](std::size_t from, std::size_t to) {
    return std::all_of(b.begin() + static_cast<std::ptrdiff_t>(from),
                       b.begin() + static_cast<std::ptrdiff_t>(to), [](std::uint8_t x) { return x == 0; });
  };
  auto v4_at = [&](std::size_t offset) {
    std::array<std::uint8_t, 4> v4{b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
    return IpAddress::from_v4(v4);
  };
  if (zeros(0, 10) && b[10] == 0xff && b[11] == 0xff) return v4_at(12);
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] == 1)) return v4_at(12);
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && zeros(4, 12)) return v4_at(12);
  if (b[0] == 0x20 && b[1] == 0x02) return v4_at(2);
  return std::nullopt;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  std::string copy(text);
  IpAddress out;
  if (inet_pton(AF_INET, copy.c_str(), out.bytes.data()) == 1) {
    out.v4 = true;
    return out;
  }
  if (inet_pton(AF_INET6, copy.c_str(), out.bytes.data()) == 1) {
    out.v4 = false;
    return out;
  }
  return std::nullopt;
}

IpAddress IpAddress::from_v4(std::span<const std::uint8_t, 4> b) {
  IpAddress out;
  std::copy(b.begin(), b.end(), out.bytes.begin());
  out.v4 = true;
  return out;
}

IpAddress IpAddress::from_v6(std::span<const std::uint8_t, 16> b) {
  IpAddress out;
  std::copy(b.begin(), b.end(), out.bytes.begin());
  out.v4 = false;
  return out;
}

std::string IpAddress::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(v4 ? AF_INET : AF_INET6, bytes.data(), text, sizeof text);
  return text;
}

std::optional<Cidr> Cidr::parse(std::string_view text) {
  const auto slash = text.find('/');
  auto address = IpAddress::parse(text.substr(0, slash));
  if (!address) return std::nullopt;
  const int max_bits = address->v4 ? 32 : 128;
  int bits = max_bits;
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty() || bits < 0 ||
        bits > max_bits)
      return std::nullopt;
  }
  return Cidr{*address, bits};
}

bool Cidr::contains(const IpAddress& address) const {
  if (address.v4 != network.v4) return false;
  int remaining = prefix_bits;
  for (std::size_t i = 0; remaining > 0; ++i, remaining -= 8) {
    const int bits = std::min(remaining, 8);
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((address.bytes[i] & mask) != (network.bytes[i] & mask)) return false;
  }
  return true;
}

std::optional<std::string_view> restricted_range(const IpAddress& address) {
  if (auto inner = embedded_v4(address)) {
    if (auto range = restricted_range(*inner)) return range;
  }
  for (const auto& [cidr, name] : restricted_table()) {
    if (cidr.contains(address)) return name;
  }
  return std::nullopt;
}

AddressGuard::AddressGuard(std::span<const std::string> allow_list) {
  for (const auto& entry : allow_list) {
    if (entry.empty()) throw std::invalid_argument("empty entry in the address allow-list");
    if (auto cidr = Cidr::parse(entry)) {
      allowed_networks_.push_back(*cidr);
      continue;
    }
    const bool looks_like_address = entry.find_first_of(":/") != std::string::npos;
    const bool valid_name = std::ranges::all_of(
        entry, [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-' || c == '_'; });
    if (looks_like_address || !valid_name)
      throw std::invalid_argument(
          fmt::format("allow-list entry '{}' is neither a CIDR, an address nor a host name", entry));
    allowed_hosts_.push_back(core::to_lower(entry));
  }
}

std::optional<std::string> AddressGuard::refusal(std::string_view host, const IpAddress& address) const {
  const auto range = restricted_range(address);
  if (!range) return std::nullopt;
  if (std::ranges::find(allowed_hosts_, core::to_lower(host)) != allowed_hosts_.end()) return std::nullopt;
  auto check = embedded_v4(address).value_or(address);
  for (const auto& cidr : allowed_networks_) {
    if (cidr.contains(address) || cidr.contains(check)) return std::nullopt;
  }
  return fmt::format("refusing to connect to {} ({}): {} address, not in the allow-list", host,
                     address.to_string(), *range);
}

}  // namespace newsd::http
