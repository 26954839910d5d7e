#pragma once
// The rules of politeness toward one host, as pure state transitions with
// the time passed in: when may the next request start, and what a response
// does to that. HostGate applies them with timers; tests drive them directly.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace newsd::politeness {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;

struct HostLimits {
  int max_concurrent = 2;                   // requests in flight to the host
  std::chrono::milliseconds min_gap{1000};  // between two request starts
};

struct GateConfig {
  HostLimits defaults;
  std::map<std::string, HostLimits, std::less<>> overrides;  // by host key (config, OPML)
  int max_connections = 64;                                  // all hosts together
  std::chrono::seconds backoff_base{30};                     // first error backoff
  std::chrono::seconds backoff_max{std::chrono::hours(6)};
  std::chrono::seconds retry_after_max{std::chrono::hours(24)};  // a hostile Retry-After is capped
  double max_crawl_delay_seconds = 60;                           // a hostile Crawl-delay is capped
  std::uint64_t seed = 0;                                        // jitter; 0 = random
};

// What the `hosts` table keeps across restarts.
struct HostState {
  std::string host;
  std::optional<TimePoint> next_allowed_at;  // gap since the last start
  std::optional<TimePoint> backoff_until;    // 429/503/Retry-After or error backoff
  int backoff_seconds = 0;                   // the current backoff step
  int consecutive_errors = 0;
  std::optional<double> crawl_delay_seconds;  // from robots.txt

  bool operator==(const HostState&) const = default;
};

enum class OutcomeKind {
  success,        // 2xx, 3xx, 304: the host is fine
  client_error,   // 4xx other than 429: our problem, not the host's load
  rate_limited,   // 429, 503
  server_error,   // other 5xx
  network_error,  // refused, reset, timed out, TLS failure
  abandoned,      // the request never completed (cancelled): no verdict
};

struct Outcome {
  OutcomeKind kind = OutcomeKind::abandoned;
  std::optional<std::chrono::seconds> retry_after;

  static Outcome from_status(int status, std::optional<std::chrono::seconds> retry_after = std::nullopt);
  static Outcome network() { return {OutcomeKind::network_error, std::nullopt}; }
};

// Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP-date (IMF-fixdate,
// RFC 850, asctime). A date in the past is 0 s. nullopt when unparseable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, TimePoint now);

// One host's timing rules.
class HostPolicy {
 public:
  explicit HostPolicy(HostState state = {}) : state_(std::move(state)) {}

  // The gap between starts: the configured one raised by robots' Crawl-delay.
  [[nodiscard]] std::chrono::milliseconds gap(const HostLimits& limits, const GateConfig& config) const;
  // No request may start before this (nullopt: right away).
  [[nodiscard]] std::optional<TimePoint> earliest_start() const;
  [[nodiscard]] bool may_start(TimePoint now) const;

  void on_start(TimePoint now, std::chrono::milliseconds gap);
  // The request went out (was written to its connection) at `sent`: that is
  // what the host sees, so the next start waits for the gap plus a margin
  // (send_margin) from here, however late the request left after its start.
  void on_sent(TimePoint sent, std::chrono::milliseconds gap);
  // Returns true when the host's state changed.
  bool on_outcome(const Outcome& outcome, TimePoint now, const GateConfig& config, std::mt19937_64& rng);
  void set_crawl_delay(std::optional<double> seconds, const HostLimits& limits, const GateConfig& config);

  [[nodiscard]] const HostState& state() const { return state_; }

 private:
  HostState state_;
  std::optional<TimePoint> last_start_;
};

// Kept on top of the gap, measured from the moment a request went out, so
// that the host's own clock (scheduling noise, network delay) still sees at
// least the gap: 5 % of it, at least 20 ms; nothing when there is no gap.
std::chrono::milliseconds send_margin(std::chrono::milliseconds gap);

// How long a host is held after "429/503, Retry-After: retry_after": the
// value itself, capped at GateConfig::retry_after_max (24 h by default) so a
// hostile or mistaken header cannot silence a host for a year.
std::chrono::seconds retry_after_hold(std::chrono::seconds retry_after, const GateConfig& config);

// Exponential backoff for the n-th consecutive error (n >= 1), before jitter:
// base * 2^(n-1), capped at max.
std::chrono::seconds backoff_step(int consecutive_errors, std::chrono::seconds base,
                                  std::chrono::seconds max);

}  // namespace newsd::politeness
