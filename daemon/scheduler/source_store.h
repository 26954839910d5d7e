#pragma once
// The scheduler's columns of `sources`: next_poll_at, poll_interval,
// consecutive_errors, failing_since, last_error, disabled_at, disabled_reason
// (and last_polled_at, last_success_at, last_status). Blocking (libpq).
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "scheduler/schedule.h"
#include "storage/pg.h"

namespace newsd::scheduler {

struct ScheduledSource {
  std::int64_t id = 0;
  std::string url;
  TimePoint next_poll_at{};
  std::optional<TimePoint> last_polled_at;
  std::optional<Seconds> poll_interval;
  int consecutive_errors = 0;
};

// Every enabled source, earliest first: what the PollQueue starts from.
std::vector<ScheduledSource> load_schedule(pg::Connection& conn);

// At start-up: moves every enabled source that is already due to a time
// spread over the start-up window (spread_startup). Returns how many moved.
std::size_t spread_overdue_sources(pg::Connection& conn, TimePoint now, const ScheduleConfig& config,
                                   std::mt19937_64& rng);

struct PollSuccess {
  TimePoint polled_at{};
  int status = 200;  // 200, 304, ...
  Seconds interval{};
  TimePoint next_poll_at{};
};
// Clears the error streak and last_error, stores the next poll.
void record_poll_success(pg::Connection& conn, std::int64_t source_id, const PollSuccess& poll);

struct PollFailure {
  TimePoint polled_at{};
  std::optional<int> status;                    // HTTP status, nullopt when none arrived
  std::string error;                            // kept in last_error
  std::optional<TimePoint> host_backoff_until;  // the host's backoff wins when later
};
struct FailureVerdict {
  int consecutive_errors = 0;
  TimePoint failing_since{};
  TimePoint next_poll_at{};
  bool disabled = false;  // failing for ScheduleConfig::disable_after: disabled_at set, last_error kept
};
// Counts the error, picks the next poll with backoff, disables the source
// when it has been failing for a week. Runs in one transaction.
FailureVerdict record_poll_failure(pg::Connection& conn, std::int64_t source_id, const PollFailure& poll,
                                   const ScheduleConfig& config, std::mt19937_64& rng);

// The host answered 429/503 with Retry-After: polled, not failed. Stores the
// poll (last_polled_at, last_status) and next_poll_at = `next_poll_at` (the
// host's hold); the error streak, failing_since and last_error are left as
// they were, so the error backoff does not grow. Returns false when the
// source is gone.
bool record_poll_postponed(pg::Connection& conn, std::int64_t source_id, TimePoint polled_at, int status,
                           TimePoint next_poll_at);

// Puts a disabled source back into rotation, due now, with a clean streak.
void enable_source(pg::Connection& conn, std::int64_t source_id, TimePoint now);

}  // namespace newsd::scheduler
