#pragma once
// An HTTP-date (IMF-fixdate) as a server writes it in Retry-After or Last-Modified,
// for tests that play the server.
#include <chrono>
#include <ctime>
#include <string>

namespace newsd::test {

inline std::string imf_fixdate(std::chrono::system_clock::time_point at) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

}  // namespace newsd::test
