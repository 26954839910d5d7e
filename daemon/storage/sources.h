#pragma once
// The `sources` table, its only owner: the row the daemon reads (one type for
// the scheduler, the pipeline and `newsd status`), the scheduling columns
// (next_poll_at, poll_interval, the error streak, disabled_at), the feed's
// validators and permanent-redirect tracking, and the OPML sync (import is a
// sync: add new, update changed, disable or delete the missing, in one
// transaction; export reads the list back in the same shape).
// Blocking (libpq): call from a storage thread.
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/opml.h"
#include "scheduler/schedule.h"
#include "storage/hosts.h"

namespace newsd::pg {
class Connection;
}

namespace newsd::storage {

using scheduler::Seconds;
using scheduler::TimePoint;

// One row of `sources`, as every reader sees it.
struct Source {
  std::int64_t id = 0;
  std::string url;
  std::string title;
  std::string etag;
  std::string last_modified;
  feeds::SourceOptions options;
  std::string options_error;  // set when sources.options could not be read (defaults used)
  std::optional<Seconds> poll_interval;
  std::string redirect_url;
  int redirect_count = 0;
  TimePoint next_poll_at{};
  std::optional<TimePoint> last_polled_at;
  int consecutive_errors = 0;
  std::optional<TimePoint> failing_since;
  std::optional<int> last_status;
  std::string last_error;
  std::optional<TimePoint> disabled_at;
  std::string disabled_reason;
  bool disabled = false;  // disabled_at is set
};

// nullopt when the source no longer exists.
std::optional<Source> load_source(pg::Connection& conn, std::int64_t source_id);

// Every enabled source, earliest first: what the PollQueue starts from.
std::vector<Source> load_schedule(pg::Connection& conn);

// Ids of the enabled sources due at `now` (next_poll_at <= now), earliest first.
std::vector<std::int64_t> due_source_ids(pg::Connection& conn, TimePoint now);

// At start-up: moves every enabled source that is already due to a time
// spread over the start-up window (spread_startup). Returns how many moved.
std::size_t spread_overdue_sources(pg::Connection& conn, TimePoint now,
                                   const scheduler::ScheduleConfig& config, std::mt19937_64& rng);

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
                                   const scheduler::ScheduleConfig& config, std::mt19937_64& rng);

// The host answered 429/503 with Retry-After: polled, not failed. Stores the
// poll (last_polled_at, last_status) and next_poll_at = `next_poll_at` (the
// host's hold); the error streak, failing_since and last_error are left as
// they were, so the error backoff does not grow. Returns false when the
// source is gone.
bool record_poll_postponed(pg::Connection& conn, std::int64_t source_id, TimePoint polled_at, int status,
                           TimePoint next_poll_at);

// Puts a disabled source back into rotation, due now, with a clean streak.
void enable_source(pg::Connection& conn, std::int64_t source_id, TimePoint now);

// How many consecutive polls must see the same permanent redirect before
// the source's URL is changed (a temporary misconfiguration should not move it).
inline constexpr int kPermanentRedirectPolls = 3;

struct FeedFetchFacts {
  std::string etag;  // from the 200 (empty: none; a 304 keeps the stored ones)
  std::string last_modified;
  bool not_modified = false;  // 304: keep the stored validators
  bool permanent_redirect = false;
  std::string final_url;   // after redirects
  std::string feed_title;  // fills sources.title when empty
  std::string site_url;    // fills sources.site_url when empty
};

struct RedirectVerdict {
  bool url_changed = false;  // sources.url now holds final_url
  std::string note;          // e.g. "permanent redirect to X seen 2 of 3 polls"
};

// Stores the validators, fills an empty title/site URL, and tracks permanent
// redirects: the same target seen on kPermanentRedirectPolls consecutive polls
// becomes the source's URL (unless another source already has that URL).
RedirectVerdict record_feed_facts(pg::Connection& conn, const Source& source, const FeedFetchFacts& facts);

// What `newsd status` shows about fetching health: sources that are failing
// or disabled (with their last error) and hosts that are backing off.
struct FetchHealth {
  std::vector<Source> failing;    // enabled, consecutive_errors > 0; longest failing first
  std::vector<Source> disabled;   // most recently disabled first
  std::vector<HostHealth> hosts;  // backing off at `now` or with an error streak
};
FetchHealth load_fetch_health(pg::Connection& conn, TimePoint now);

// --- What `newsd status` shows and how commands name a source ---

// The sources by state; `due` and `failing` count enabled sources only.
struct SourceCounts {
  long long enabled = 0;   // disabled_at is null
  long long due = 0;       // enabled, next_poll_at <= now()
  long long failing = 0;   // enabled, consecutive_errors > 0
  long long disabled = 0;  // disabled_at is set
};
SourceCounts count_sources(pg::Connection& conn);

// The earliest next_poll_at of the enabled sources as RFC 3339 UTC text
// ("2026-01-02T03:04:05Z"); nullopt when no source is enabled.
std::optional<std::string> next_poll_text(pg::Connection& conn);

// One source as `newsd status SOURCE...` and `newsd status --json` show it.
// Times are RFC 3339 UTC text, the form JSON consumers parse; nullopt is NULL.
struct SourceStatus {
  std::int64_t id = 0;
  std::string url;
  std::optional<std::string> title;
  std::optional<std::string> site_url;
  std::string category_json;  // sources.category as a JSON array
  std::string state;          // "disabled", "failing", "new" (never polled) or "ok"
  bool due = false;           // enabled and next_poll_at <= now()
  std::optional<std::string> last_polled_at;
  std::optional<std::string> last_success_at;
  std::optional<std::string> next_poll_at;
  std::optional<int> last_status;
  std::optional<std::string> last_error;
  long long consecutive_errors = 0;
  std::optional<std::string> failing_since;
  std::optional<std::string> disabled_at;
  std::optional<std::string> disabled_reason;
  long long items = 0;  // the source's rows in `items`
};
// Every source by id, or (with `only`) the sources in `only`, in its order.
std::vector<SourceStatus> load_source_status(pg::Connection& conn,
                                             const std::optional<std::vector<std::int64_t>>& only);

// The source whose URL is exactly `url`.
std::optional<std::int64_t> source_id_by_url(pg::Connection& conn, std::string_view url);

struct SourceRef {
  std::int64_t id = 0;
  std::string url;
};
// The sources whose title equals `title` ignoring surrounding space and case
// (PostgreSQL's lower(), which folds more scripts than ASCII), by id.
std::vector<SourceRef> sources_by_title(pg::Connection& conn, std::string_view title);

// --- OPML sync (import, export, add) ---

// disabled_reason of sources an import disabled because its file no longer
// listed them. Only these are re-enabled when a later import lists them again;
// sources disabled for other reasons (e.g. by the scheduler) stay disabled.
inline constexpr std::string_view kMissingFromImport = "not in the imported OPML";

struct SyncOptions {
  bool prune = false;  // delete missing sources (and their items) instead of disabling them
  std::string origin;  // the file, for disabled_reason
  // Called after each source of the file is written: (done, total). For
  // `newsd import`'s progress line.
  std::function<void(std::size_t, std::size_t)> on_progress{};
};

struct SyncReport {
  std::vector<std::string> added;
  std::vector<std::string> updated;         // title, site, category or options changed
  std::vector<std::string> reenabled;       // disabled by an earlier import, listed again
  std::vector<std::string> still_disabled;  // listed, but disabled for another reason
  int unchanged = 0;
  std::vector<std::string> disabled;  // missing from the file (without prune)
  std::vector<std::string> deleted;   // missing from the file (with prune)
};

// Makes the sources table match `sources` in one transaction (all or nothing).
SyncReport sync_sources(pg::Connection& conn, std::span<const feeds::OpmlSource> sources,
                        const SyncOptions& options);

// The enabled sources, ordered by category, title and URL; for export.
std::vector<feeds::OpmlSource> load_sources(pg::Connection& conn);

// Adds one source; returns its id, or nullopt when the URL is already a source.
std::optional<long long> add_source(pg::Connection& conn, const feeds::OpmlSource& source);

}  // namespace newsd::storage
