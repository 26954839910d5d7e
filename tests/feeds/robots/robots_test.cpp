// robots.txt parsing and matching (RFC 9309), driven by the cases in
// tests/data/robots/ plus targeted checks of the matcher's corners.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "feeds/robots.h"

namespace {

namespace fs = std::filesystem;
using feeds::RobotsTxt;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

fs::path robots_dir() {
  return fs::path(NEWSD_TEST_DATA_DIR) / "robots";
}

// Runs one <case>.expect file against its <case>.txt; returns how many checks ran.
int run_case(const fs::path& expect_path) {
  fs::path body_path = expect_path;
  body_path.replace_extension(".txt");
  RobotsTxt robots = RobotsTxt::parse(read_file(body_path));
  std::string agent = "newsd";
  std::istringstream lines(read_file(expect_path));
  std::string line;
  int checks = 0;
  int line_number = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    auto space = line.find(' ');
    std::string verb = line.substr(0, space);
    std::string argument = space == std::string::npos ? "" : line.substr(space + 1);
    std::string where =
        expect_path.filename().string() + ":" + std::to_string(line_number) + " (agent " + agent + ")";
    auto policy = robots.policy_for(agent);
    if (verb == "agent") {
      agent = argument;
      continue;
    } else if (verb == "allow") {
      EXPECT_TRUE(policy.allowed(argument)) << where << ": " << argument;
    } else if (verb == "disallow") {
      EXPECT_FALSE(policy.allowed(argument)) << where << ": " << argument;
    } else if (verb == "crawl-delay") {
      if (argument == "none") {
        EXPECT_FALSE(policy.crawl_delay_seconds.has_value()) << where;
      } else {
        EXPECT_TRUE(policy.crawl_delay_seconds.has_value()) << where;
        EXPECT_DOUBLE_EQ(policy.crawl_delay_seconds.value_or(-1), std::stod(argument)) << where;
      }
    } else {
      ADD_FAILURE() << where << ": unknown verb '" << verb << "'";
    }
    ++checks;
  }
  return checks;
}

TEST(RobotsCases, EveryCaseInTestData) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(robots_dir())) {
    if (entry.path().extension() != ".expect") continue;
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_GT(run_case(entry.path()), 0) << "a case with no checks proves nothing";
    ++cases;
  }
  EXPECT_GE(cases, 10);
}

TEST(RobotsParse, GroupsKeepEveryUserAgentLine) {
  auto robots = RobotsTxt::parse("User-agent: a\nUser-agent: b\nDisallow: /x\nUser-agent: c\nAllow: /\n");
  ASSERT_EQ(robots.groups().size(), 2u);
  EXPECT_EQ(robots.groups()[0].agents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(robots.groups()[0].rules.size(), 1u);
  EXPECT_EQ(robots.groups()[1].agents, (std::vector<std::string>{"c"}));
}

TEST(RobotsParse, SitemapDoesNotEndAGroup) {
  auto robots = RobotsTxt::parse("User-agent: a\nSitemap: https://x/s.xml\nUser-agent: b\nDisallow: /x\n");
  ASSERT_EQ(robots.groups().size(), 1u);
  EXPECT_FALSE(robots.policy_for("b").allowed("/x"));
  EXPECT_FALSE(robots.policy_for("a").allowed("/x"));
}

TEST(RobotsParse, GarbageIsCountedNotFatal) {
  auto robots = RobotsTxt::parse("\x01\x02\xff\nnonsense\nUser-agent: *\nFoo: bar\nDisallow: /p\n");
  EXPECT_EQ(robots.ignored_lines(), 3u);
  EXPECT_FALSE(robots.policy_for("newsd").allowed("/p"));
}

TEST(RobotsParse, StopsAtTheParseLimitOnALineBoundary) {
  std::string body = "User-agent: *\n";
  while (body.size() < feeds::kRobotsParseLimit - 20) body += "Allow: /filler\n";
  // This rule straddles the limit: a crawler must not read half of it ("/s").
  body += "Disallow: /secret-but-long-path\n";
  body += "Disallow: /after-the-limit\n";
  auto robots = RobotsTxt::parse(body);
  EXPECT_TRUE(robots.truncated());
  auto policy = robots.policy_for("newsd");
  EXPECT_TRUE(policy.allowed("/after-the-limit"));
  EXPECT_TRUE(policy.allowed("/s"));
}

TEST(RobotsParse, CrawlDelayTakesTheLargestOfMergedGroups) {
  auto robots =
      RobotsTxt::parse("User-agent: newsd\nCrawl-delay: 2.5\n\nUser-agent: newsd\nCrawl-delay: 7\n");
  auto policy = robots.policy_for("newsd");
  ASSERT_TRUE(policy.crawl_delay_seconds);
  EXPECT_DOUBLE_EQ(*policy.crawl_delay_seconds, 7.0);
}

TEST(RobotsParse, OurTokenIsTakenFromAFullUserAgentString) {
  auto robots = RobotsTxt::parse("User-agent: newsd\nDisallow: /n\nUser-agent: *\nDisallow: /\n");
  EXPECT_FALSE(robots.policy_for("newsd/0.1 (+https://example.org/newsd)").allowed("/n"));
  EXPECT_TRUE(robots.policy_for("newsd/0.1 (+https://example.org/newsd)").allowed("/other"));
}

TEST(RobotsMatch, PatternsMatchPrefixesUnlessAnchored) {
  using feeds::robots_pattern_matches;
  EXPECT_TRUE(robots_pattern_matches("/a", "/abc"));
  EXPECT_FALSE(robots_pattern_matches("/a$", "/abc"));
  EXPECT_TRUE(robots_pattern_matches("/a$", "/a"));
  EXPECT_TRUE(robots_pattern_matches("*", ""));
  EXPECT_TRUE(robots_pattern_matches("/*/c$", "/a/b/c"));
  EXPECT_FALSE(robots_pattern_matches("/*/c$", "/a/b/cd"));
  EXPECT_TRUE(robots_pattern_matches("/a*b*c", "/axxbyyc/z"));
  EXPECT_FALSE(robots_pattern_matches("/a*b*c", "/axxcyyb"));
  EXPECT_TRUE(robots_pattern_matches("$", ""));
  EXPECT_FALSE(robots_pattern_matches("$", "/"));
}

TEST(RobotsMatch, PathologicalPatternsStayFast) {
  std::string pattern = "/";
  for (int i = 0; i < 2000; ++i) pattern += "*a";
  pattern += "b$";
  std::string path = "/" + std::string(4000, 'a');
  EXPECT_FALSE(feeds::robots_pattern_matches(pattern, path));  // would be exponential with naive recursion
}

TEST(RobotsMatch, NormalisationDecodesOnlyUnreserved) {
  EXPECT_EQ(feeds::normalize_robots_path("/%7e%41%2f%2a%zz"), "/~A%2F%2A%zz");
  EXPECT_EQ(feeds::normalize_robots_path("/é x"), "/%C3%A9%20x");
}

TEST(RobotsMatch, MatchTargetIsPathAndQuery) {
  EXPECT_EQ(feeds::robots_match_target("https://example.org/a/b?c=d#frag"), "/a/b?c=d");
  EXPECT_EQ(feeds::robots_match_target("https://example.org"), "/");
  EXPECT_EQ(feeds::robots_match_target("https://example.org?q"), "/?q");
  EXPECT_FALSE(feeds::robots_match_target("not a url").has_value());
}

}  // namespace
