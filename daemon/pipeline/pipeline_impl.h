#pragma once
// Private to daemon/pipeline/: the state the pipeline's stages share, and the
// stages as members. Each stage is defined in a file of its own, along the flow:
//   feed_poll.cpp        the feed stage (poll a source, store its items)
//   article_follow.cpp   the article stage (fetch and extract an item's page)
//   politeness_state.cpp the politeness state restored at start and saved as it changes
//   pipeline.cpp         the composition, fetch_log rows and the run loops
#include <fmt/core.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

#include "metrics/names.h"
#include "pipeline/article_follow.h"
#include "pipeline/pipeline.h"
#include "pipeline/report.h"
#include "pipeline/task_group.h"
#include "politeness/host_gate.h"
#include "politeness/polite_fetcher.h"
#include "scheduler/poll_queue.h"
#include "storage/articles.h"
#include "storage/fetch_log.h"
#include "storage/items.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive (as in
// politeness/polite_fetcher.cpp). Here for every stage file of the pipeline,
// whose coroutines call each other.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace newsd::pipeline {

namespace asio = boost::asio;
using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;
using Seconds = std::chrono::seconds;

namespace detail {

template <typename Work>
asio::awaitable<std::invoke_result_t<Work>> run_work(Work work) {
  co_return work();
}

}  // namespace detail

inline bool is_success(int status) {
  return status >= 200 && status < 300;
}

// A response that means "the server has trouble now": worth retrying later.
inline bool is_transient(const http::Response& response) {
  return !response.ok() || response.status == 429 || response.status >= 500;
}

// Also for 3xx the client did not follow (e.g. a redirect without Location).
inline std::string describe_failure(const http::Response& response, std::string_view url) {
  auto described = politeness::describe_failure(response, url);
  return described.empty() ? fmt::format("HTTP {} from {}", response.status,
                                         response.final_url.empty() ? url : response.final_url)
                           : described;
}

struct Pipeline::Impl {
  Impl(asio::io_context& io_context, storage::Database& database, PipelineOptions opts)
      : io(io_context),
        db(database),
        options(std::move(opts)),
        client(io_context, options.client),
        gate(io_context.get_executor(), options.gate),
        robots(options.robots),
        fetcher(gate, robots, client, fetcher_options(), options.logger),
        items(database),
        articles(database),
        fetch_log(database),
        wake(io_context, asio::steady_timer::time_point::max()),
        rng(std::random_device{}()) {}

  asio::io_context& io;
  storage::Database& db;  // storage thread only
  PipelineOptions options;
  asio::thread_pool storage_thread{1};
  http::HttpClient client;
  politeness::HostGate gate;
  politeness::RobotsCache robots;
  politeness::PoliteFetcher fetcher;  // every HTTP request goes through it
  storage::ItemStore items;           // storage thread only
  storage::ArticleStore articles;     // storage thread only
  storage::FetchLog fetch_log;        // storage thread only
  asio::steady_timer wake;            // run_forever's sleep; stop() and finishing polls cut it short
  std::mt19937_64 rng;                // storage thread only (schedule jitter)
  bool restored = false;
  bool stopping = false;
  bool stopping_noted = false;              // stop() has set the draining gauge
  std::set<std::int64_t> articles_touched;  // in the current pass: not retried again in it
  // Being fetched now: never fetched twice at once. Shared with the fetching
  // coroutines, whose frames may outlive the pipeline when a context is torn down.
  std::shared_ptr<std::set<std::int64_t>> articles_in_flight = std::make_shared<std::set<std::int64_t>>();
  PassSummary period;  // daemon: the polls since the last summary line

  // Runs blocking `work` on the storage thread; the caller resumes on the io thread.
  template <typename Work>
  asio::awaitable<std::invoke_result_t<Work>> on_storage(Work work) {
    auto timed = [this, work = std::move(work)]() mutable {
      // Timed on the storage thread, failures included: what the database
      // (and the reconnects Database does) costs each call.
      struct Timer {
        metrics::Registry* registry;
        std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
        ~Timer() {
          if (registry == nullptr) return;
          std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
          registry->observe(metrics::kStorageDuration, {}, took.count());
        }
      } timer{options.metrics.get()};
      return work();
    };
    auto task = detail::run_work(std::move(timed));
    co_return co_await asio::co_spawn(storage_thread.get_executor(), std::move(task), asio::use_awaitable);
  }

  politeness::PoliteFetcherOptions fetcher_options() {
    politeness::PoliteFetcherOptions out;
    out.robots_for_feeds = options.robots_for_feeds;
    out.robots_timeouts = options.timeouts;
    out.source_min_interval = options.source_min_interval;
    out.on_attempt = [this](politeness::FetchAttempt attempt) { return log_attempt(std::move(attempt)); };
    return out;
  }

  asio::awaitable<void> restore_state();
  // For the run loops' TaskGroups: a task that threw (a bug; tasks report
  // their own failures) is logged with its name instead of vanishing.
  TaskGroup::FailureHandler log_task_failure() {
    return [this](std::string_view task, const std::exception_ptr& error) {
      options.logger.error("{} ended with an uncaught exception: {}", task, TaskGroup::describe(error));
    };
  }
  asio::awaitable<void> save_host_states();
  asio::awaitable<void> log_attempt(politeness::FetchAttempt attempt);
  asio::awaitable<void> save_robots_records();
  asio::awaitable<ArticleResult> follow_article(storage::PendingArticle target,
                                                std::optional<std::int64_t> source_id, bool insecure);
  asio::awaitable<SourceReport> poll(std::int64_t source_id);
  asio::awaitable<void> poll_into(std::int64_t source_id, PassSummary* summary);
  asio::awaitable<void> retry_pending(PassSummary* summary);
  asio::awaitable<void> retry_pending_logged();
  void log_period_summary(std::chrono::seconds period_length, std::size_t in_flight);
  void tally(SourceReport& report, ArticleResult result);
  void note_poll(const SourceReport& report);
  void count_metric(std::string_view name, const metrics::Labels& labels = {}, double delta = 1) {
    if (options.metrics) options.metrics->add(name, labels, delta);
  }
  asio::awaitable<void> poll_and_requeue(std::int64_t source_id, scheduler::PollQueue* queue,
                                         std::set<std::int64_t>* in_flight);
  asio::awaitable<void> record_failure(SourceReport* report, std::int64_t source_id, TimePoint polled_at,
                                       std::optional<int> status, std::string error, std::string host);
};

}  // namespace newsd::pipeline
