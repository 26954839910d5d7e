// Fuzzes the robots.txt parser and matcher: arbitrary bytes must never crash,
// hang or trip the sanitizers. The first line of the input doubles as a path
// to match, so the matcher sees hostile paths as well as hostile patterns.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feeds/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto robots = feeds::RobotsTxt::parse(input);
  std::string_view path = input.substr(0, input.find('\n'));
  for (std::string_view agent : {"newsd", "*", "googlebot"}) {
    auto policy = robots.policy_for(agent);
    (void)policy.allowed(path);
    (void)policy.allowed("/");
    (void)policy.allowed("/index.html?x=1");
  }
  (void)feeds::robots_match_target(path);
  return 0;
}
