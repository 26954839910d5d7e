#pragma once
// The daemon's main job, on one io_context thread:
//
//   due sources (scheduler) -> PoliteFetcher (source throttle, HostGate,
//     HttpClient::fetch with conditional GET) -> parse_feed -> ItemStore (one
//     transaction per fetch, which also queues the new items' articles as
//     pending rows)
//     -> for each new item with a link: PoliteFetcher (robots.txt, HostGate,
//        fetch page) -> extract_article -> ArticleStore
//     -> the pending articles left by earlier passes or interruptions
//     -> fetch_log row per HTTP attempt; sources' schedule, errors, backoff,
//        validators and permanent redirects updated.
//
// libpq is blocking, so every database call runs on one storage thread (the
// Database is used from that thread only) while the io_context thread keeps
// fetching; see docs/design.md. Every failure is recorded against its source
// and never stops the loop; a lost database connection is reconnected by
// storage::Database and the batch in hand retried.
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/log.h"
#include "http/client.h"
#include "metrics/registry.h"
#include "politeness/host_policy.h"
#include "politeness/robots_cache.h"
#include "scheduler/schedule.h"
#include "storage/database.h"
#include "storage/retention.h"

namespace boost::asio {
class io_context;
}

namespace newsd::pipeline {

struct PassSummary;

struct PipelineOptions {
  http::ClientOptions client;
  http::Timeouts timeouts;
  std::size_t max_feed_bytes = http::kDefaultFeedLimit;
  std::size_t max_page_bytes = http::kDefaultPageLimit;
  int max_redirects = 5;  // per fetch, across hosts
  politeness::GateConfig gate;
  politeness::RobotsConfig robots;
  scheduler::ScheduleConfig schedule;
  std::chrono::seconds source_min_interval{std::chrono::minutes(15)};
  bool robots_for_feeds = false;          // robots.txt is always honoured for article pages
  std::size_t max_parallel_sources = 32;  // sources polled at once (HostGate still rules each host)
  int article_max_attempts = 5;           // transient failures before an article is given up
  int pending_batch = 100;                // pending articles retried per pass
  std::chrono::seconds pending_every{std::chrono::minutes(10)};  // daemon: retry pass period
  std::chrono::seconds reload_every{std::chrono::minutes(1)};    // daemon: re-read sources (imports)
  storage::RetentionPolicy retention;  // daemon: pruned a batch per loop turn, a pass an hour
  std::chrono::seconds summary_every{std::chrono::minutes(5)};  // daemon: one info line on the polls
  Logger logger{LogLevel::info};
  // Where the pipeline counts what it does (metrics/names.h, declared with
  // describe_newsd_metrics); null: not counted. Shared, not global: `newsd
  // run` owns one registry for the process and keeps it across reloads.
  std::shared_ptr<metrics::Registry> metrics;
  // run_once: called on the io thread after each source's poll and after the
  // pending articles, with the pass so far (`newsd once`'s progress line).
  std::function<void(const PassSummary&)> on_progress;
};

// What one source's poll did.
struct SourceReport {
  std::int64_t source_id = 0;
  std::string url;
  bool polled = false;  // false: throttled, vanished or disabled before its turn
  int status = 0;       // HTTP status, 0 when no response arrived
  int items_new = 0;
  int items_changed = 0;
  int items_unchanged = 0;
  int articles_extracted = 0;
  int articles_failed = 0;
  int articles_skipped = 0;   // robots.txt disallows, not HTML
  int articles_deferred = 0;  // transient failure: still pending, retried later
  std::string error;          // empty on success; else what sources.last_error got
  std::string note;           // e.g. permanent-redirect tracking
  bool disabled = false;      // this failure disabled the source
  std::chrono::system_clock::time_point next_poll_at{};
};

// What a pass (`newsd once`) did.
struct PassSummary {
  int sources_due = 0;  // the sources this pass set out to poll
  int sources_polled = 0;
  int not_modified = 0;
  int items_new = 0;
  int items_changed = 0;
  int items_unchanged = 0;
  int articles_extracted = 0;
  int articles_failed = 0;
  int articles_skipped = 0;
  int articles_deferred = 0;
  std::vector<SourceReport> sources;  // every source polled, in completion order
  int interrupted_by = 0;             // the signal that ended the pass early (SIGTERM, SIGINT), 0 if none

  void add(const SourceReport& report);
};

// The summary `newsd once` prints.
std::string format_summary(const PassSummary& summary);

class Pipeline {
 public:
  // `db` is used from the pipeline's storage thread only, from now on.
  Pipeline(boost::asio::io_context& io, storage::Database& db, PipelineOptions options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Polls every source due now once, follows the new items' articles, retries
  // the pending articles earlier passes left, saves politeness state.
  boost::asio::awaitable<PassSummary> run_once();

  // The daemon: polls sources as they fall due until stop(), then drains the
  // work in flight. `on_ready` is called once start-up is done (sd_notify).
  boost::asio::awaitable<void> run_forever(std::function<void()> on_ready);

  // Asks run_forever or run_once to finish: no new poll or article fetch is
  // started, the ones in flight complete; what is left stays queued in the
  // database (due sources, pending articles). Call on the io thread.
  void stop();

  [[nodiscard]] const PipelineOptions& options() const;

  // Polls one source now (whatever its schedule), for tests and `once`.
  boost::asio::awaitable<SourceReport> poll_source(std::int64_t source_id);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsd::pipeline
