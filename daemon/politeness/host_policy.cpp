#include "politeness/host_policy.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <string>

namespace newsd::politeness {

namespace {

std::optional<TimePoint> later(std::optional<TimePoint> a, TimePoint b) {
  return a && *a > b ? *a : b;
}

// HTTP-date in any of the three forms RFC 9110 5.6.7 requires recipients to
// accept. strptime in the "C" locale (newsd never calls setlocale) knows the
// English day and month names.
std::optional<TimePoint> parse_http_date(const std::string& text) {
  for (const char* format :
       {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"}) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), format, &tm);
    if (end == nullptr) continue;
    while (*end == ' ' || *end == '\t') ++end;
    if (*end != '\0') continue;
    std::time_t seconds = timegm(&tm);
    if (seconds == static_cast<std::time_t>(-1)) continue;
    return Clock::from_time_t(seconds);
  }
  return std::nullopt;
}

}  // namespace

Outcome Outcome::from_status(int status, std::optional<std::chrono::seconds> retry_after) {
  if (status == 429 || status == 503) return {OutcomeKind::rate_limited, retry_after};
  if (status >= 500) return {OutcomeKind::server_error, std::nullopt};
  if (status >= 400) return {OutcomeKind::client_error, std::nullopt};
  if (status >= 100) return {OutcomeKind::success, std::nullopt};
  return {OutcomeKind::network_error, std::nullopt};
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, TimePoint now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t seconds = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc::result_out_of_range) return std::chrono::seconds(std::chrono::hours(24 * 365));
    if (ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return std::chrono::seconds(seconds);
  }
  auto date = parse_http_date(std::string(value));
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(*date - now);
}

std::chrono::seconds backoff_step(int consecutive_errors, std::chrono::seconds base,
                                  std::chrono::seconds max) {
  if (consecutive_errors <= 0) return std::chrono::seconds(0);
  int doublings = std::min(consecutive_errors - 1, 40);
  double seconds = static_cast<double>(base.count()) * std::pow(2.0, doublings);
  if (seconds >= static_cast<double>(max.count())) return max;
  return std::chrono::seconds(static_cast<std::int64_t>(seconds));
}

std::chrono::milliseconds HostPolicy::gap(const HostLimits& limits, const GateConfig& config) const {
  auto gap_value = limits.min_gap;
  if (state_.crawl_delay_seconds) {
    double delay = std::clamp(*state_.crawl_delay_seconds, 0.0, config.max_crawl_delay_seconds);
    gap_value = std::max(gap_value, std::chrono::milliseconds(static_cast<std::int64_t>(delay * 1000)));
  }
  return gap_value;
}

std::optional<TimePoint> HostPolicy::earliest_start() const {
  if (!state_.next_allowed_at) return state_.backoff_until;
  if (!state_.backoff_until) return state_.next_allowed_at;
  return std::max(*state_.next_allowed_at, *state_.backoff_until);
}

bool HostPolicy::may_start(TimePoint now) const {
  auto earliest = earliest_start();
  return !earliest || *earliest <= now;
}

void HostPolicy::on_start(TimePoint now, std::chrono::milliseconds gap_value) {
  last_start_ = now;
  state_.next_allowed_at = later(state_.next_allowed_at, now + gap_value);
}

std::chrono::seconds retry_after_hold(std::chrono::seconds retry_after, const GateConfig& config) {
  return std::clamp(retry_after, std::chrono::seconds(0), config.retry_after_max);
}

std::chrono::milliseconds send_margin(std::chrono::milliseconds gap) {
  if (gap <= std::chrono::milliseconds(0)) return std::chrono::milliseconds(0);
  return std::max(std::chrono::milliseconds(20), gap / 20);
}

void HostPolicy::on_sent(TimePoint sent, std::chrono::milliseconds gap_value) {
  last_start_ = later(last_start_, sent);
  state_.next_allowed_at = later(state_.next_allowed_at, sent + gap_value + send_margin(gap_value));
}

bool HostPolicy::on_outcome(const Outcome& outcome, TimePoint now, const GateConfig& config,
                            std::mt19937_64& rng) {
  HostState before = state_;
  switch (outcome.kind) {
    case OutcomeKind::abandoned:
      return false;
    case OutcomeKind::success:
    case OutcomeKind::client_error:
      // A backoff set by a concurrent failure stays until it runs out.
      state_.consecutive_errors = 0;
      state_.backoff_seconds = 0;
      break;
    case OutcomeKind::rate_limited:
      if (outcome.retry_after) {
        // The host said when to come back: that is the hold, not a failure
        // that grows the error backoff (the streak is left as it was).
        auto wait = retry_after_hold(*outcome.retry_after, config);
        state_.backoff_seconds = static_cast<int>(wait.count());
        state_.backoff_until = later(state_.backoff_until, now + wait);
        break;
      }
      [[fallthrough]];
    case OutcomeKind::server_error:
    case OutcomeKind::network_error: {
      ++state_.consecutive_errors;
      auto step = backoff_step(state_.consecutive_errors, config.backoff_base, config.backoff_max);
      state_.backoff_seconds = static_cast<int>(step.count());
      // "Equal jitter": at least half the step, so backoff still grows, and
      // hosts that failed together do not all come back together.
      auto half = std::chrono::milliseconds(step) / 2;
      std::uniform_int_distribution<std::int64_t> jitter(0, half.count());
      auto wait = half + std::chrono::milliseconds(jitter(rng));
      state_.backoff_until = later(state_.backoff_until, now + wait);
      break;
    }
  }
  return !(before == state_);
}

void HostPolicy::set_crawl_delay(std::optional<double> seconds, const HostLimits& limits,
                                 const GateConfig& config) {
  state_.crawl_delay_seconds = seconds;
  if (last_start_) state_.next_allowed_at = later(state_.next_allowed_at, *last_start_ + gap(limits, config));
}

}  // namespace newsd::politeness
