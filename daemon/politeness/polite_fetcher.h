#pragma once
// PoliteFetcher: every fetch newsd makes goes through here: feeds, article
// pages and robots.txt alike. It composes the SourceThrottle (may this source
// be polled yet), the HostGate (when may a request to this host start), the
// RobotsCache (may we fetch this path at all; robots.txt itself is fetched
// through the same gate) and the HTTP client, tells the gate how each request
// went, and reports every HTTP exchange to an observer (fetch_log).
//
// Runs on the client's io_context thread, like the gate and the client.
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/log.h"
#include "feeds/robots.h"
#include "http/client.h"
#include "politeness/host_gate.h"
#include "politeness/robots_cache.h"
#include "politeness/source_throttle.h"

namespace newsd::politeness {

// One HTTP exchange the fetcher made (robots.txt included), as fetch_log keeps it.
struct FetchAttempt {
  std::string url;
  std::string host;
  http::RequestKind kind = http::RequestKind::feed;
  std::optional<std::int64_t> source_id;  // the source whose fetch led to it
  TimePoint started_at{};                 // when the gate let it start
  std::chrono::milliseconds duration{};
  int status = 0;         // 0: no response
  std::size_t bytes = 0;  // bytes read, headers included
  std::string error;      // empty unless the exchange failed or answered >= 400
};
// Awaited after every exchange, before the fetch returns; it must not throw.
using AttemptObserver = std::function<boost::asio::awaitable<void>(FetchAttempt)>;

struct PoliteFetcherOptions {
  bool robots_for_articles = true;
  bool robots_for_feeds = false;  // feeds are meant to be polled; configurable
  // robots.txt bodies beyond this are treated as unreachable (try later).
  // The parse limit (RFC 9309: at least 500 KiB, what Google reads): one
  // constant, so no body is fetched that the parser would cut anyway.
  std::size_t robots_max_bytes = feeds::kRobotsParseLimit;
  http::Timeouts robots_timeouts{};
  std::chrono::seconds source_min_interval = kDefaultSourceMinInterval;
  // A host backing off for longer than this is not waited for: the fetch is
  // refused with host_backing_off and its retry time, so the caller can
  // reschedule instead of holding a coroutine (and a source) for hours.
  std::chrono::seconds max_backoff_wait{30};
  AttemptObserver on_attempt;  // optional
};

enum class Refusal {
  none,
  invalid_url,         // no host to be polite to
  robots_disallowed,   // robots.txt forbids the path for our user agent
  robots_unavailable,  // robots.txt answered 5xx or not at all: try later
  source_too_soon,     // the source's minimum interval has not passed
  host_backing_off,    // the host asked us (or its failures told us) to stay away a while
  stopping,            // the gate was closed (graceful stop) before the request could start
};
std::string_view to_string(Refusal refusal);

struct PoliteResult {
  http::Response response;  // the server's answer; empty when refused
  Refusal refusal = Refusal::none;
  // For robots_unavailable, source_too_soon and host_backing_off; and for an
  // answer of 429 or 503 with Retry-After (rate_limited() true): when the
  // host may be asked again, the gate's hold (never sooner than its gap).
  std::optional<TimePoint> retry_at;
  TimePoint started_at{};  // when the gate let the request start (fetch_log.at)

  [[nodiscard]] bool refused() const { return refusal != Refusal::none; }
  // The host answered 429/503 with a Retry-After: it asked us to come back
  // at retry_at. Not a failure of the source or the host.
  [[nodiscard]] bool rate_limited() const { return !refused() && retry_at.has_value(); }
};

// What a response tells the gate about the host's health.
Outcome outcome_of(const http::Response& response, TimePoint now);

// One line on what went wrong with a response; empty when it is a success
// or a redirect the client did not follow. Names the URL.
std::string describe_failure(const http::Response& response, std::string_view url);

class PoliteFetcher {
 public:
  // All four must outlive the fetcher and every fetch in progress.
  PoliteFetcher(HostGate& gate, RobotsCache& robots, http::HttpClient& client,
                PoliteFetcherOptions options = {}, Logger logger = Logger(LogLevel::info));
  ~PoliteFetcher();
  PoliteFetcher(const PoliteFetcher&) = delete;
  PoliteFetcher& operator=(const PoliteFetcher&) = delete;

  // Fetches `request.url` once robots.txt (for its kind) and the gate allow.
  // `source_id` is only passed on to the attempt observer.
  boost::asio::awaitable<PoliteResult> fetch(http::Request request,
                                             std::optional<std::int64_t> source_id = std::nullopt);
  // The same for a feed poll, refused while the source's minimum interval runs.
  boost::asio::awaitable<PoliteResult> fetch_source(std::int64_t source_id, http::Request request);

  SourceThrottle& throttle() { return throttle_; }
  // robots.txt answers fetched since the last call, for save_robots_record().
  std::vector<RobotsRecord> take_robots_records();

  struct RobotsFetch;  // one robots.txt fetch in progress and those waiting for it

 private:
  struct Exchange {
    http::Response response;
    TimePoint started_at{};
    bool cancelled = false;  // the gate closed while the request waited: nothing was sent
  };
  // Waits for the gate, fetches, tells the gate and the observer how it went.
  boost::asio::awaitable<Exchange> exchange(http::Request request, std::string host,
                                            std::optional<std::int64_t> source_id);
  boost::asio::awaitable<void> ensure_robots(std::string host, std::string url,
                                             std::optional<std::int64_t> source_id);
  [[nodiscard]] std::optional<TimePoint> backing_off_until(std::string_view host) const;
  [[nodiscard]] std::optional<PoliteResult> refusal_before_robots(std::string_view host,
                                                                  std::string_view url) const;
  [[nodiscard]] PoliteResult robots_verdict(std::string_view host, std::string_view url) const;
  // Refused (backing off, robots.txt) or not, before a request to `host`.
  boost::asio::awaitable<PoliteResult> admit(std::string host, std::string url, http::RequestKind kind,
                                             std::optional<std::int64_t> source_id);

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
