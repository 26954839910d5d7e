#pragma once
// robots.txt (RFC 9309): parsing and matching. Pure: bytes in, verdicts out.
// Never throws; every malformed line is skipped and counted.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

// RFC 9309 section 2.5: a crawler must parse at least 500 KiB; anything after
// the last complete line inside that limit is ignored.
inline constexpr std::size_t kRobotsParseLimit = std::size_t{500} * 1024;

struct RobotsRule {
  std::string pattern;  // normalised (see normalize_robots_path); may hold '*' and a final '$'
  bool allow = false;
};

struct RobotsGroup {
  std::vector<std::string> agents;  // product tokens as written (not lowercased)
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay_seconds;  // non-standard Crawl-delay
};

// The rules that apply to one crawler, after group selection and merging.
struct RobotsPolicy {
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay_seconds;

  // Longest match wins; Allow wins a tie; no match means allowed.
  // `path` is a URL's path and query ("/a/b?c=d"); it is normalised here.
  [[nodiscard]] bool allowed(std::string_view path) const;
};

class RobotsTxt {
 public:
  // Parses the first kRobotsParseLimit bytes of a robots.txt body.
  static RobotsTxt parse(std::string_view body);

  // RFC 9309 2.2.1: the groups whose user-agent matches `product_token`
  // case-insensitively, merged; if none, the '*' groups merged; if none,
  // an empty policy (everything allowed).
  [[nodiscard]] RobotsPolicy policy_for(std::string_view product_token) const;

  [[nodiscard]] const std::vector<RobotsGroup>& groups() const { return groups_; }
  [[nodiscard]] std::size_t ignored_lines() const { return ignored_lines_; }
  [[nodiscard]] bool truncated() const { return truncated_; }

 private:
  std::vector<RobotsGroup> groups_;
  std::size_t ignored_lines_ = 0;
  bool truncated_ = false;
};

// Percent-encoding normalisation used on both sides of a comparison
// (RFC 9309 2.2.2): %XX of an unreserved character is decoded, other %XX get
// uppercase hex, bytes outside printable ASCII (and spaces) are encoded.
std::string normalize_robots_path(std::string_view path);

// True when `pattern` (normalised; '*' matches any run of octets, a final '$'
// anchors the end) matches a prefix of `path` (normalised). Linear memory,
// O(|pattern| * |path|) time at worst.
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

// The part of an absolute URL robots.txt rules are matched against: path plus
// "?query", "/" when the path is empty. nullopt when `url` does not parse.
std::optional<std::string> robots_match_target(std::string_view url);

}  // namespace feeds
