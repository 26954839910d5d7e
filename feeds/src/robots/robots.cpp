#include "feeds/robots.h"

#include "common/ascii.h"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace feeds {

namespace {

// Lines are cut at \r and \n first, so ascii::is_space trims only the
// space, tab, \v and \f that robots.txt writers leave around values.
using ascii::iequals;
using ascii::trim;

bool equals_any(std::string_view key, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) { return iequals(key, name); });
}

enum class Key { user_agent, allow, disallow, crawl_delay, sitemap, unknown };

// Spellings seen in the wild are accepted, as the big crawlers do.
Key classify(std::string_view key) {
  if (equals_any(key, {"user-agent", "useragent", "user agent", "user_agent"})) return Key::user_agent;
  if (equals_any(key, {"allow"})) return Key::allow;
  if (equals_any(key, {"disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw"}))
    return Key::disallow;
  if (equals_any(key, {"crawl-delay", "crawldelay", "crawl delay", "crawl_delay"})) return Key::crawl_delay;
  if (equals_any(key, {"sitemap", "site-map"})) return Key::sitemap;
  return Key::unknown;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// RFC 9309 2.2.1: product-token = identifier / "*"; identifier = 1*(ALPHA / "-" / "_").
// "Googlebot/2.1" names the product "Googlebot".
std::string_view product_token(std::string_view value) {
  std::size_t end = 0;
  while (end < value.size()) {
    char c = value[end];
    bool identifier = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    if (!identifier) break;
    ++end;
  }
  return value.substr(0, end);
}

std::optional<double> parse_delay(std::string_view value) {
  double seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || end == value.data()) return std::nullopt;
  if (!std::isfinite(seconds) || seconds < 0) return std::nullopt;
  return seconds;
}

bool group_matches(const RobotsGroup& group, std::string_view token) {
  return std::any_of(group.agents.begin(), group.agents.end(),
                     [&](const std::string& agent) { return iequals(agent, token); });
}

}  // namespace

std::string normalize_robots_path(std::string_view path) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    auto c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && hex_value(path[i + 1]) >= 0 && hex_value(path[i + 2]) >= 0) {
      auto decoded = static_cast<unsigned char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
      if (is_unreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 0xF];
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7F) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Glob matching with backtracking to the most recent '*' only: each star
  // can absorb more of the path, never needs revisiting an earlier star.
  std::size_t p = 0, s = 0;
  std::size_t star = std::string_view::npos, mark = 0;
  while (true) {
    if (!anchored && p == pattern.size()) return true;  // a prefix matched
    if (s == path.size()) break;
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool RobotsPolicy::allowed(std::string_view path) const {
  std::string target = normalize_robots_path(path.empty() ? std::string_view("/") : path);
  if (target == "/robots.txt") return true;  // RFC 9309 2.2.2: always accessible
  std::size_t best_length = 0;
  bool found = false;
  bool verdict = true;
  for (const auto& rule : rules) {
    if (!robots_pattern_matches(rule.pattern, target)) continue;
    std::size_t length = rule.pattern.size();
    if (!found || length > best_length || (length == best_length && rule.allow && !verdict)) {
      best_length = length;
      verdict = rule.allow;
      found = true;
    }
  }
  return verdict;
}

RobotsTxt RobotsTxt::parse(std::string_view body) {
  RobotsTxt out;
  if (body.size() > kRobotsParseLimit) {
    body = body.substr(0, kRobotsParseLimit);
    // Drop the partial last line: half a rule could mean the wrong path.
    auto last_break = body.find_last_of("\r\n");
    body = body.substr(0, last_break == std::string_view::npos ? 0 : last_break);
    out.truncated_ = true;
  }
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);

  RobotsGroup* current = nullptr;
  bool collecting_agents = false;  // the previous record was a user-agent line
  while (!body.empty()) {
    auto line_end = body.find_first_of("\r\n");
    std::string_view line = body.substr(0, line_end);
    body.remove_prefix(line_end == std::string_view::npos ? body.size() : line_end + 1);

    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      ++out.ignored_lines_;
      continue;
    }
    std::string_view value = trim(line.substr(colon + 1));
    switch (classify(trim(line.substr(0, colon)))) {
      case Key::user_agent: {
        if (current == nullptr || !collecting_agents) {
          out.groups_.emplace_back();
          current = &out.groups_.back();
        }
        collecting_agents = true;
        std::string_view token = value.starts_with('*') ? std::string_view("*") : product_token(value);
        if (token.empty()) {
          ++out.ignored_lines_;
        } else {
          current->agents.emplace_back(token);
        }
        break;
      }
      case Key::allow:
      case Key::disallow: {
        if (current == nullptr) {  // rules before any user-agent belong to no group
          ++out.ignored_lines_;
          break;
        }
        collecting_agents = false;
        if (value.empty()) break;  // "Disallow:" with no path allows everything
        std::string pattern = normalize_robots_path(value);
        if (pattern.front() != '/' && pattern.front() != '*') pattern.insert(pattern.begin(), '/');
        current->rules.push_back({std::move(pattern), classify(trim(line.substr(0, colon))) == Key::allow});
        break;
      }
      case Key::crawl_delay: {
        if (current == nullptr) {
          ++out.ignored_lines_;
          break;
        }
        collecting_agents = false;
        if (auto delay = parse_delay(value)) {
          current->crawl_delay_seconds = std::max(current->crawl_delay_seconds.value_or(0.0), *delay);
        } else {
          ++out.ignored_lines_;
        }
        break;
      }
      case Key::sitemap:
        break;  // not group-specific; newsd finds feeds elsewhere
      case Key::unknown:
        ++out.ignored_lines_;
        break;
    }
  }
  return out;
}

RobotsPolicy RobotsTxt::policy_for(std::string_view product_token_value) const {
  RobotsPolicy policy;
  auto merge = [&](auto&& matches) {
    bool any = false;
    for (const auto& group : groups_) {
      if (!matches(group)) continue;
      any = true;
      policy.rules.insert(policy.rules.end(), group.rules.begin(), group.rules.end());
      if (group.crawl_delay_seconds) {
        policy.crawl_delay_seconds =
            std::max(policy.crawl_delay_seconds.value_or(0.0), *group.crawl_delay_seconds);
      }
    }
    return any;
  };
  std::string_view token = product_token(product_token_value);
  if (!token.empty() && merge([&](const RobotsGroup& g) { return group_matches(g, token); })) return policy;
  merge([](const RobotsGroup& g) { return group_matches(g, "*"); });
  return policy;
}

std::optional<std::string> robots_match_target(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return std::nullopt;
  std::string_view path = parsed->encoded_path();
  std::string target = path.empty() ? std::string(1, '/') : std::string(path);
  if (parsed->has_query()) {
    target += '?';
    target += parsed->encoded_query();
  }
  return target;
}

}  // namespace feeds
