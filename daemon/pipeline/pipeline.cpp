// `once`'s pass and `run`'s loop over the stages (context.h): which sources
// are polled when and how many at once, the daemon's housekeeping between
// polls (schedule reloads, pending articles, retention, metrics), and the
// graceful stop.
#include "pipeline/pipeline.h"

#include <fmt/core.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

#include <algorithm>
#include <set>

#include "pipeline/article_follow.h"
#include "pipeline/context.h"
#include "pipeline/feed_poll.h"
#include "pipeline/politeness_state.h"
#include "pipeline/task_group.h"
#include "scheduler/poll_queue.h"
#include "storage/sources.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive (as in
// politeness/polite_fetcher.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace newsd::pipeline {

namespace asio = boost::asio;
using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;

struct Pipeline::Impl {
  Impl(asio::io_context& io, storage::Database& db, PipelineOptions options)
      : context(io, db, std::move(options)),
        politeness(context),
        article_follow(context, politeness),
        feed_poll(context, politeness, article_follow),
        wake(io, asio::steady_timer::time_point::max()) {}

  PipelineContext context;
  PolitenessState politeness;
  ArticleFollow article_follow;
  FeedPoll feed_poll;
  asio::steady_timer wake;      // run_forever's sleep; stop() and finishing polls cut it short
  bool stopping_noted = false;  // stop() has set the draining gauge
  PassSummary period;           // daemon: the polls since the last summary line

  // For the run loops' TaskGroups: a task that threw (a bug; tasks report
  // their own failures) is logged with its name instead of vanishing.
  TaskGroup::FailureHandler log_task_failure() {
    return [this](std::string_view task, const std::exception_ptr& error) {
      context.options.logger.error("{} ended with an uncaught exception: {}", task,
                                   TaskGroup::describe(error));
    };
  }
  asio::awaitable<void> poll_into(std::int64_t source_id, PassSummary* summary);
  asio::awaitable<void> poll_and_requeue(std::int64_t source_id, scheduler::PollQueue* queue,
                                         std::set<std::int64_t>* in_flight);
  void note_poll(const SourceReport& report);
  void log_period_summary(std::chrono::seconds period_length, std::size_t in_flight);
};

asio::awaitable<void> Pipeline::Impl::poll_into(std::int64_t source_id, PassSummary* summary) {
  auto report = co_await feed_poll.poll(source_id);
  note_poll(report);
  summary->add(report);
  if (context.options.on_progress) context.options.on_progress(*summary);
}

asio::awaitable<void> Pipeline::Impl::poll_and_requeue(std::int64_t source_id, scheduler::PollQueue* queue,
                                                       std::set<std::int64_t>* in_flight) {
  auto report = co_await feed_poll.poll(source_id);
  note_poll(report);
  period.add(report);
  in_flight->erase(source_id);
  if (!report.disabled && report.next_poll_at != TimePoint{}) queue->schedule(source_id, report.next_poll_at);
  wake.cancel();
}

void Pipeline::Impl::note_poll(const SourceReport& report) {
  if (!context.options.metrics || !report.polled) return;
  const bool ok = report.error.empty() && report.status < 400;
  const bool rate_limited = report.error.empty() && report.status >= 400;  // Retry-After: postponed
  std::string result = ok ? "ok" : rate_limited ? "rate_limited" : "error";
  context.count_metric(metrics::kPolls, {{"result", result}});
  if (ok) {
    context.options.metrics->set(metrics::kLastSuccessfulPoll, {},
                                 std::chrono::duration<double>(Clock::now().time_since_epoch()).count());
  }
}

void Pipeline::Impl::log_period_summary(std::chrono::seconds period_length, std::size_t in_flight) {
  int errors = 0;
  for (const auto& source : period.sources) errors += source.error.empty() ? 0 : 1;
  context.options.logger.event(LogLevel::info, "polls",
                               {{"period_s", period_length.count()},
                                {"sources_polled", period.sources_polled},
                                {"not_modified", period.not_modified},
                                {"errors", errors},
                                {"items_new", period.items_new},
                                {"items_changed", period.items_changed},
                                {"articles_extracted", period.articles_extracted},
                                {"articles_failed", period.articles_failed},
                                {"articles_deferred", period.articles_deferred},
                                {"in_flight", in_flight}});
  period = PassSummary{};
}

Pipeline::Pipeline(asio::io_context& io, storage::Database& db, PipelineOptions options)
    : impl_(std::make_unique<Impl>(io, db, std::move(options))) {}

Pipeline::~Pipeline() {
  impl_->context.storage_thread.join();
}

asio::awaitable<SourceReport> Pipeline::poll_source(std::int64_t source_id) {
  impl_->context.articles_touched.clear();
  co_return co_await impl_->feed_poll.poll(source_id);
}

asio::awaitable<PassSummary> Pipeline::run_once() {
  Impl& self = *impl_;
  PipelineContext& context = self.context;
  PassSummary summary;
  context.articles_touched.clear();
  co_await self.politeness.restore();
  TimePoint now = Clock::now();
  auto find_due_sources = [&context, now] {
    return context.db.run("find the due sources",
                          [&](pg::Connection& conn) { return storage::due_source_ids(conn, now); });
  };
  auto due = co_await context.on_storage(std::move(find_due_sources));
  summary.sources_due = static_cast<int>(due.size());
  TaskGroup group(co_await asio::this_coro::executor, self.log_task_failure());
  for (auto id : due) {
    co_await group.wait_below(std::max<std::size_t>(1, context.options.max_parallel_sources));
    if (context.stopping) break;  // the rest stay due
    group.spawn(fmt::format("poll of source {}", id), self.poll_into(id, &summary));
  }
  co_await group.wait_below(1);
  co_await self.article_follow.retry_pending(&summary);
  if (context.options.on_progress) context.options.on_progress(summary);
  co_await self.politeness.save_hosts();
  // One retention pass, as `run` makes every hour: a cron user of `once` has
  // no other (issue 15). Batch by batch, so a stop ends it between two.
  storage::RetentionBatch pruned;
  try {
    while (!context.stopping) {
      auto prune = [&context] {
        return storage::Retention(context.db, context.options.retention).prune_batch();
      };
      auto batch = co_await context.on_storage(std::move(prune));
      pruned += batch;
      if (batch.total() == 0) break;
    }
  } catch (const std::exception& e) {
    context.options.logger.error("retention: {}", e.what());
  }
  if (pruned.total() > 0) {
    context.options.logger.info("retention pruned {} items, {} articles, {} fetch_log rows, {} tombstones",
                                pruned.items, pruned.articles, pruned.fetch_log, pruned.tombstones);
  }
  co_return summary;
}

asio::awaitable<void> Pipeline::run_forever(std::function<void()> on_ready) {
  Impl& self = *impl_;
  PipelineContext& context = self.context;
  if (context.options.metrics) {
    // A reload's drain (of the pipeline before this one) is over: the loop turns again.
    double now_s = std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
    context.options.metrics->set(metrics::kDrainingSince, {}, 0);
    context.options.metrics->set(metrics::kLastTurn, {}, now_s);
  }
  co_await self.politeness.restore();
  auto spread_overdue = [&context] {
    return context.db.run("spread the overdue sources", [&](pg::Connection& conn) {
      return storage::spread_overdue_sources(conn, Clock::now(), context.options.schedule, context.rng);
    });
  };
  auto moved = co_await context.on_storage(std::move(spread_overdue));
  if (moved > 0) context.options.logger.info("{} overdue sources spread over the start-up window", moved);
  if (on_ready) on_ready();

  scheduler::PollQueue queue;
  std::set<std::int64_t> in_flight;
  TaskGroup group(co_await asio::this_coro::executor, self.log_task_failure());
  TimePoint next_reload{};
  // Pending articles first thing: a restart resumes what the last run left.
  TimePoint next_pending = Clock::now();
  TimePoint next_prune{};
  storage::RetentionBatch pruned;  // by the retention pass under way
  TimePoint next_summary = Clock::now() + context.options.summary_every;
  TimePoint next_queue_count{};
  while (!context.stopping) {
    TimePoint now = Clock::now();
    if (context.options.metrics) {
      auto& registry = *context.options.metrics;
      registry.set(metrics::kLastTurn, {}, std::chrono::duration<double>(now.time_since_epoch()).count());
      registry.set(metrics::kPollsInFlight, {}, static_cast<double>(group.active()));
      int backing_off = 0;
      for (const auto& host : context.gate.snapshots()) {
        if (host.state.backoff_until && *host.state.backoff_until > now) ++backing_off;
      }
      registry.set(metrics::kHostsInBackoff, {}, backing_off);
    }
    if (now >= next_summary) {
      // At info one line per period, never one per item or per poll.
      self.log_period_summary(context.options.summary_every, group.active());
      next_summary = now + context.options.summary_every;
    }
    try {
      if (now >= next_reload) {
        auto reload_schedule = [&context] {
          return context.db.run("load the poll schedule",
                                [](pg::Connection& conn) { return storage::load_schedule(conn); });
        };
        auto schedule = co_await context.on_storage(std::move(reload_schedule));
        queue = scheduler::PollQueue{};
        for (const auto& source : schedule) {
          if (!in_flight.contains(source.id)) queue.schedule(source.id, source.next_poll_at);
        }
        next_reload = now + context.options.reload_every;
      }
      if (now >= next_pending) {
        // Alongside the polls, as one more task: a busy daemon still gets to it.
        group.spawn("retry of the pending articles", self.article_follow.retry_pending_logged());
        next_pending = now + context.options.pending_every;
      }
      if (context.options.metrics && now >= next_queue_count) {
        // The queue's depth every few seconds: one index-only count.
        auto count_pending_articles = [&context] { return context.articles.count_pending(); };
        auto pending = co_await context.on_storage(std::move(count_pending_articles));
        context.options.metrics->set(metrics::kPendingArticles, {}, static_cast<double>(pending));
        next_queue_count = now + std::chrono::seconds(10);
      }
      if (now >= next_prune) {
        // One small batch per turn of this loop (at least one a second), so
        // polls' storage work always gets in between; the pass ends when a
        // batch finds nothing left.
        auto prune_retention_batch = [&context] {
          return storage::Retention(context.db, context.options.retention).prune_batch();
        };
        auto batch = co_await context.on_storage(std::move(prune_retention_batch));
        pruned += batch;
        if (batch.total() == 0) {
          if (pruned.total() > 0) {
            context.options.logger.info(
                "retention pruned {} items, {} articles, {} fetch_log rows, {} tombstones", pruned.items,
                pruned.articles, pruned.fetch_log, pruned.tombstones);
          }
          pruned = {};
          next_prune = now + std::chrono::hours(1);
        }
      }
    } catch (const std::exception& e) {
      context.options.logger.error("daemon housekeeping: {}", e.what());
      next_reload = now + context.options.reload_every;
    }
    co_await self.politeness.save_hosts();

    std::size_t limit = std::max<std::size_t>(1, context.options.max_parallel_sources);
    if (group.active() < limit) {
      for (auto id : queue.pop_due(now, limit - group.active())) {
        in_flight.insert(id);
        group.spawn(fmt::format("poll of source {}", id), self.poll_and_requeue(id, &queue, &in_flight));
      }
    }
    auto wake_at = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    if (auto due = queue.next_due(); due && *due > now) {
      wake_at =
          std::min(wake_at, std::chrono::steady_clock::now() +
                                std::chrono::duration_cast<std::chrono::steady_clock::duration>(*due - now));
    }
    self.wake.expires_at(wake_at);
    co_await self.wake.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  context.options.logger.info("stopping: waiting for {} polls in flight", group.active());
  co_await group.wait_below(1);
  co_await self.politeness.save_hosts();
}

void Pipeline::stop() {
  PipelineContext& context = impl_->context;
  context.stopping = true;
  // Requests only waiting for a host's turn are not started (issue 15):
  // their sources and articles stay due; those in flight finish.
  context.gate.close();
  if (context.options.metrics && !impl_->stopping_noted) {
    // The loop stops turning while the polls in flight drain; /healthz
    // counts the scheduler alive meanwhile (metrics/health.h).
    impl_->stopping_noted = true;
    context.options.metrics->set(metrics::kDrainingSince, {},
                                 std::chrono::duration<double>(Clock::now().time_since_epoch()).count());
  }
  impl_->wake.cancel();
}

const PipelineOptions& Pipeline::options() const {
  return impl_->context.options;
}

}  // namespace newsd::pipeline
