#pragma once
// PoliteFetcher: every fetch newsd makes goes through here. It composes the
// HostGate (when may a request to this host start), the RobotsCache (may we
// fetch this path at all; robots.txt itself is fetched through the same gate)
// and the HTTP client, and tells the gate how each request went.
//
// Runs on the client's io_context thread, like the gate and the client.
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/log.h"
#include "http/client.h"
#include "politeness/host_gate.h"
#include "politeness/robots_cache.h"
#include "politeness/source_throttle.h"

namespace newsd::politeness {

struct PoliteFetcherOptions {
  bool robots_for_articles = true;
  bool robots_for_feeds = false;  // feeds are meant to be polled; configurable
  // robots.txt bodies beyond this are treated as unreachable (try later);
  // RFC 9309 only asks that 500 KiB be parsed.
  std::size_t robots_max_bytes = 2 * 1024 * 1024;
  http::Timeouts robots_timeouts{};
};

enum class Refusal {
  none,
  invalid_url,         // no host to be polite to
  robots_disallowed,   // robots.txt forbids the path for our user agent
  robots_unavailable,  // robots.txt answered 5xx or not at all: try later
  source_too_soon,     // the source's minimum interval has not passed
};
std::string_view to_string(Refusal refusal);

struct PoliteResult {
  http::Response response;  // the server's answer; empty when refused
  Refusal refusal = Refusal::none;
  std::optional<TimePoint> retry_at;  // for robots_unavailable and source_too_soon
  TimePoint started_at{};             // when the gate let the request start (fetch_log.at)

  [[nodiscard]] bool refused() const { return refusal != Refusal::none; }
};

// What a response tells the gate about the host's health.
Outcome outcome_of(const http::Response& response, TimePoint now);

class PoliteFetcher {
 public:
  // All four must outlive the fetcher and every fetch in progress.
  PoliteFetcher(HostGate& gate, RobotsCache& robots, http::HttpClient& client,
                PoliteFetcherOptions options = {}, Logger logger = Logger(LogLevel::info));
  ~PoliteFetcher();
  PoliteFetcher(const PoliteFetcher&) = delete;
  PoliteFetcher& operator=(const PoliteFetcher&) = delete;

  // Fetches `request.url` once robots.txt (for its kind) and the gate allow.
  boost::asio::awaitable<PoliteResult> fetch(http::Request request);
  // The same for a feed poll, refused while the source's minimum interval runs.
  boost::asio::awaitable<PoliteResult> fetch_source(std::int64_t source_id, http::Request request);

  SourceThrottle& throttle() { return throttle_; }
  // robots.txt answers fetched since the last call, for save_robots_record().
  std::vector<RobotsRecord> take_robots_records();

  struct RobotsFetch;  // one robots.txt fetch in progress and those waiting for it

 private:
  boost::asio::awaitable<void> ensure_robots(std::string host, std::string url);

  HostGate& gate_;
  RobotsCache& robots_;
  http::HttpClient& client_;
  PoliteFetcherOptions options_;
  Logger logger_;
  SourceThrottle throttle_;
  std::map<std::string, std::shared_ptr<RobotsFetch>, std::less<>> robots_in_flight_;
  std::set<std::string, std::less<>> robots_fetched_;
};

}  // namespace newsd::politeness
