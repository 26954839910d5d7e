#pragma once
// robots.txt per host, cached (RFC 9309 2.3, 2.4): a 2xx body is parsed and
// used for 24 hours; a 4xx means no restrictions; a 5xx or an unreachable
// server means "disallow everything for now" and a retry after a growing
// delay, except that a previously fetched copy keeps being used meanwhile.
// Pure: times are passed in; PoliteFetcher does the fetching.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "feeds/robots.h"
#include "politeness/host_policy.h"

namespace newsd::politeness {

struct RobotsConfig {
  std::string product_token = "newsd";                        // matched against User-agent lines
  std::chrono::seconds max_age{std::chrono::hours(24)};       // a fetched copy is used this long
  std::chrono::seconds retry_first{std::chrono::minutes(1)};  // after the first failed fetch
  std::chrono::seconds retry_max{std::chrono::hours(6)};
};

enum class RobotsVerdict {
  allowed,
  disallowed,  // a rule forbids the path
  try_later,   // robots.txt could not be fetched (5xx, unreachable): nothing is allowed yet
  unknown,     // never fetched: fetch it first
};

// The hosts table's robots_* columns.
struct RobotsRecord {
  std::string host;
  std::optional<std::string> body;  // 2xx body; nullopt otherwise
  int status = 0;                   // HTTP status of that fetch, 0 = unreachable
  TimePoint fetched_at{};
};

class RobotsCache {
 public:
  explicit RobotsCache(RobotsConfig config = {}) : config_(std::move(config)) {}

  // What robots.txt says about `path` (path and query) on `host` now.
  [[nodiscard]] RobotsVerdict check(std::string_view host, std::string_view path) const;
  // True when robots.txt should be (re)fetched now: never fetched, older than
  // max_age, or a failed fetch whose retry time has come.
  [[nodiscard]] bool needs_fetch(std::string_view host, TimePoint now) const;
  // When a host in try_later may be retried.
  [[nodiscard]] std::optional<TimePoint> retry_at(std::string_view host) const;
  [[nodiscard]] std::optional<double> crawl_delay(std::string_view host) const;

  // The answer to GET /robots.txt: `status` 0 for no response at all.
  void store(std::string_view host, int status, std::string_view body, TimePoint now);
  // Loads what was saved; a failed fetch is retried retry_first after it.
  void restore(const RobotsRecord& record);
  // What to save: the usable copy if there is one, else the last failure.
  [[nodiscard]] std::optional<RobotsRecord> record(std::string_view host) const;

  [[nodiscard]] const RobotsConfig& config() const { return config_; }

 private:
  struct Entry {
    std::optional<feeds::RobotsPolicy> policy;  // from the last usable answer (2xx or 4xx)
    std::optional<std::string> body;            // that answer's body (2xx only)
    int status = 0;                             // that answer's status
    TimePoint fetched_at{};
    int failures = 0;  // failed fetches since the last usable answer
    int failure_status = 0;
    TimePoint failed_at{};
    std::optional<TimePoint> retry_at;
  };

  RobotsConfig config_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace newsd::politeness
