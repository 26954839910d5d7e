#include "http/address_guard.h"

#include <gtest/gtest.h>

namespace newsd::http {
namespace {

IpAddress ip(const char* text) {
  auto parsed = IpAddress::parse(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(IpAddress{});
}

TEST(AddressGuard, RestrictedRangesAreNamed) {
  const std::pair<const char*, const char*> cases[] = {
      {"127.0.0.1", "loopback"},
      {"127.255.1.2", "loopback"},
      {"10.20.30.40", "private (RFC 1918)"},
      {"172.16.0.1", "private (RFC 1918)"},
      {"172.31.255.255", "private (RFC 1918)"},
      {"192.168.1.1", "private (RFC 1918)"},
      {"169.254.169.254", "link-local"},
      {"100.64.0.1", "CGNAT (RFC 6598)"},
      {"100.127.255.255", "CGNAT (RFC 6598)"},
      {"224.0.0.1", "multicast"},
      {"239.255.255.250", "multicast"},
      {"0.0.0.0", "unspecified"},
      {"255.255.255.255", "reserved"},
      {"::", "unspecified"},
      {"::1", "loopback"},
      {"fc00::1", "unique local (private)"},
      {"fd12:3456::1", "unique local (private)"},
      {"fe80::1", "link-local"},
      {"ff02::1", "multicast"},
      {"::ffff:127.0.0.1", "loopback"},
      {"::ffff:169.254.169.254", "link-local"},
      {"::ffff:10.0.0.1", "private (RFC 1918)"},
      {"::127.0.0.1", "loopback"},
      {"64:ff9b::a9fe:a9fe", "link-local"},
      {"2002:c0a8:0101::1", "private (RFC 1918)"},
  };
  for (const auto& [address, range] : cases) {
    const auto found = restricted_range(ip(address));
    ASSERT_TRUE(found.has_value()) << address;
    EXPECT_EQ(*found, range) << address;
  }
}

TEST(AddressGuard, PublicAddressesPass) {
  for (const char* address :
       {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255", "192.169.0.1",
        "169.255.0.1", "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8", "fbff::1", "fec0:0::1"}) {
    if (std::string_view(address) == "fec0:0::1") continue;  // site-local, listed below
    EXPECT_FALSE(restricted_range(ip(address)).has_value()) << address;
  }
  EXPECT_TRUE(restricted_range(ip("fec0::1")).has_value());
  const AddressGuard guard;
  EXPECT_FALSE(guard.refusal("dns.google", ip("8.8.8.8")).has_value());
}

TEST(AddressGuard, RefusalNamesHostAddressAndRange) {
  const AddressGuard guard;
  const auto why = guard.refusal("evil.example", ip("127.0.0.1"));
  ASSERT_TRUE(why.has_value());
  EXPECT_NE(why->find("evil.example"), std::string::npos);
  EXPECT_NE(why->find("127.0.0.1"), std::string::npos);
  EXPECT_NE(why->find("loopback"), std::string::npos);
}

TEST(AddressGuard, AllowListOpensNetworksAddressesAndNames) {
  const std::vector<std::string> allow = {"10.0.0.0/8", "::1", "Intranet.Example", "fd00::/8"};
  const AddressGuard guard(allow);
  EXPECT_FALSE(guard.refusal("a", ip("10.9.8.7")).has_value());
  EXPECT_FALSE(guard.refusal("a", ip("::ffff:10.9.8.7")).has_value()) << "mapped form of an allowed address";
  EXPECT_FALSE(guard.refusal("a", ip("::1")).has_value());
  EXPECT_FALSE(guard.refusal("a", ip("fd00::5")).has_value());
  EXPECT_FALSE(guard.refusal("intranet.example", ip("192.168.0.9")).has_value());
  EXPECT_TRUE(guard.refusal("a", ip("192.168.0.9")).has_value());
  EXPECT_TRUE(guard.refusal("a", ip("127.0.0.1")).has_value());
  EXPECT_TRUE(guard.refusal("a", ip("fc00::5")).has_value());
  EXPECT_TRUE(guard.refusal("sub.intranet.example", ip("192.168.0.9")).has_value()) << "names match exactly";
}

TEST(AddressGuard, MalformedAllowListEntriesAreRejected) {
  for (const char* entry : {"10.0.0.0/33", "::1/129", "1.2.3.4/", "not a host", "1.2.3.4/x", ""}) {
    const std::vector<std::string> allow = {entry};
    EXPECT_THROW(AddressGuard{allow}, std::invalid_argument) << entry;
  }
}

TEST(AddressGuard, CidrContainment) {
  const auto cidr = Cidr::parse("172.16.0.0/12");
  ASSERT_TRUE(cidr);
  EXPECT_TRUE(cidr->contains(ip("172.20.1.1")));
  EXPECT_FALSE(cidr->contains(ip("172.32.0.0")));
  EXPECT_FALSE(cidr->contains(ip("::ffff:172.20.1.1"))) << "families differ";
  EXPECT_TRUE(Cidr::parse("0.0.0.0/0")->contains(ip("8.8.8.8")));
  EXPECT_EQ(ip("::ffff:1.2.3.4").to_string(), "::ffff:1.2.3.4");
}

}  // namespace
}  // namespace newsd::http
