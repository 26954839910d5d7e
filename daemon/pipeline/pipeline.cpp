// The composition root and the run loops: the Impl's parts wired together,
// fetch_log rows for every HTTP exchange, and `once`'s pass and `run`'s loop.
// The stages are in feed_poll.cpp, article_follow.cpp and politeness_state.cpp
// (pipeline_impl.h).
#include "pipeline/pipeline.h"

#include <fmt/core.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>

#include <algorithm>

#include "pipeline/pipeline_impl.h"
#include "storage/sources.h"

namespace newsd::pipeline {

// One fetch_log row per HTTP exchange, written before the fetch returns.
asio::awaitable<void> Pipeline::Impl::log_attempt(politeness::FetchAttempt attempt) {
  if (options.logger.enabled(LogLevel::debug)) {
    constexpr std::string_view kKinds[] = {"feed", "article", "robots"};
    const LogField source =
        attempt.source_id ? LogField("source", *attempt.source_id) : LogField("source", "-");
    options.logger.event(LogLevel::debug, "fetch",
                         {source,
                          {"kind", kKinds[static_cast<int>(attempt.kind)]},
                          {"url", attempt.url},
                          {"status", attempt.status},
                          {"bytes", attempt.bytes},
                          {"ms", attempt.duration.count()},
                          {"error", attempt.error}});
  }
  storage::FetchRecord record = fetch_record(attempt);
  try {
    auto write_fetch_log_row = [this, &record] {
      fetch_log.record(record);
      return true;
    };
    co_await on_storage(std::move(write_fetch_log_row));
  } catch (const std::exception& e) {
    options.logger.error("could not write fetch_log for {}: {}", record.url, e.what());
  }
  // Counted here, from the same attempt as the fetch_log row and the debug
  // line, so the three always agree.
  if (options.metrics) {
    constexpr std::string_view kKindNames[] = {"feed", "article", "robots"};
    std::string kind(kKindNames[static_cast<int>(attempt.kind)]);
    std::string status(metrics::status_class(record.status.value_or(0)));
    options.metrics->add(metrics::kFetches, {{"kind", kind}, {"status", status}});
    options.metrics->add(metrics::kFetchBytes, {{"kind", kind}}, static_cast<double>(attempt.bytes));
    options.metrics->observe(metrics::kFetchDuration, {{"kind", kind}},
                             std::chrono::duration<double>(attempt.duration).count());
  }
}

asio::awaitable<void> Pipeline::Impl::poll_into(std::int64_t source_id, PassSummary* summary) {
  auto report = co_await poll(source_id);
  note_poll(report);
  summary->add(report);
  if (options.on_progress) options.on_progress(*summary);
}

asio::awaitable<void> Pipeline::Impl::poll_and_requeue(std::int64_t source_id, scheduler::PollQueue* queue,
                                                       std::set<std::int64_t>* in_flight) {
  auto report = co_await poll(source_id);
  note_poll(report);
  period.add(report);
  in_flight->erase(source_id);
  if (!report.disabled && report.next_poll_at != TimePoint{}) queue->schedule(source_id, report.next_poll_at);
  wake.cancel();
}

void Pipeline::Impl::note_poll(const SourceReport& report) {
  if (!options.metrics || !report.polled) return;
  const bool ok = report.error.empty() && report.status < 400;
  const bool rate_limited = report.error.empty() && report.status >= 400;  // Retry-After: postponed
  std::string result = ok ? "ok" : rate_limited ? "rate_limited" : "error";
  count_metric(metrics::kPolls, {{"result", result}});
  if (ok) {
    options.metrics->set(metrics::kLastSuccessfulPoll, {},
                         std::chrono::duration<double>(Clock::now().time_since_epoch()).count());
  }
}

void Pipeline::Impl::log_period_summary(std::chrono::seconds period_length, std::size_t in_flight) {
  int errors = 0;
  for (const auto& source : period.sources) errors += source.error.empty() ? 0 : 1;
  options.logger.event(LogLevel::info, "polls",
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
  impl_->storage_thread.join();
}

asio::awaitable<SourceReport> Pipeline::poll_source(std::int64_t source_id) {
  impl_->articles_touched.clear();
  co_return co_await impl_->poll(source_id);
}

asio::awaitable<PassSummary> Pipeline::run_once() {
  Impl& self = *impl_;
  PassSummary summary;
  self.articles_touched.clear();
  co_await self.restore_state();
  TimePoint now = Clock::now();
  auto find_due_sources = [&self, now] {
    return self.db.run("find the due sources",
                       [&](pg::Connection& conn) { return storage::due_source_ids(conn, now); });
  };
  auto due = co_await self.on_storage(std::move(find_due_sources));
  summary.sources_due = static_cast<int>(due.size());
  TaskGroup group(co_await asio::this_coro::executor, self.log_task_failure());
  for (auto id : due) {
    co_await group.wait_below(std::max<std::size_t>(1, self.options.max_parallel_sources));
    if (self.stopping) break;  // the rest stay due
    group.spawn(fmt::format("poll of source {}", id), self.poll_into(id, &summary));
  }
  co_await group.wait_below(1);
  co_await self.retry_pending(&summary);
  if (self.options.on_progress) self.options.on_progress(summary);
  co_await self.save_host_states();
  // One retention pass, as `run` makes every hour: a cron user of `once` has
  // no other (issue 15). Batch by batch, so a stop ends it between two.
  storage::RetentionBatch pruned;
  try {
    while (!self.stopping) {
      auto prune = [&self] { return storage::Retention(self.db, self.options.retention).prune_batch(); };
      auto batch = co_await self.on_storage(std::move(prune));
      pruned += batch;
      if (batch.total() == 0) break;
    }
  } catch (const std::exception& e) {
    self.options.logger.error("retention: {}", e.what());
  }
  if (pruned.total() > 0) {
    self.options.logger.info("retention pruned {} items, {} articles, {} fetch_log rows, {} tombstones",
                             pruned.items, pruned.articles, pruned.fetch_log, pruned.tombstones);
  }
  co_return summary;
}

asio::awaitable<void> Pipeline::run_forever(std::function<void()> on_ready) {
  Impl& self = *impl_;
  if (self.options.metrics) {
    // A reload's drain (of the pipeline before this one) is over: the loop turns again.
    double now_s = std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
    self.options.metrics->set(metrics::kDrainingSince, {}, 0);
    self.options.metrics->set(metrics::kLastTurn, {}, now_s);
  }
  co_await self.restore_state();
  auto spread_overdue = [&self] {
    return self.db.run("spread the overdue sources", [&](pg::Connection& conn) {
      return storage::spread_overdue_sources(conn, Clock::now(), self.options.schedule, self.rng);
    });
  };
  auto moved = co_await self.on_storage(std::move(spread_overdue));
  if (moved > 0) self.options.logger.info("{} overdue sources spread over the start-up window", moved);
  if (on_ready) on_ready();

  scheduler::PollQueue queue;
  std::set<std::int64_t> in_flight;
  TaskGroup group(co_await asio::this_coro::executor, self.log_task_failure());
  TimePoint next_reload{};
  // Pending articles first thing: a restart resumes what the last run left.
  TimePoint next_pending = Clock::now();
  TimePoint next_prune{};
  storage::RetentionBatch pruned;  // by the retention pass under way
  TimePoint next_summary = Clock::now() + self.options.summary_every;
  TimePoint next_queue_count{};
  while (!self.stopping) {
    TimePoint now = Clock::now();
    if (self.options.metrics) {
      auto& registry = *self.options.metrics;
      registry.set(metrics::kLastTurn, {}, std::chrono::duration<double>(now.time_since_epoch()).count());
      registry.set(metrics::kPollsInFlight, {}, static_cast<double>(group.active()));
      int backing_off = 0;
      for (const auto& host : self.gate.snapshots()) {
        if (host.state.backoff_until && *host.state.backoff_until > now) ++backing_off;
      }
      registry.set(metrics::kHostsInBackoff, {}, backing_off);
    }
    if (now >= next_summary) {
      // At info one line per period, never one per item or per poll.
      self.log_period_summary(self.options.summary_every, group.active());
      next_summary = now + self.options.summary_every;
    }
    try {
      if (now >= next_reload) {
        auto reload_schedule = [&self] {
          return self.db.run("load the poll schedule",
                             [](pg::Connection& conn) { return storage::load_schedule(conn); });
        };
        auto schedule = co_await self.on_storage(std::move(reload_schedule));
        queue = scheduler::PollQueue{};
        for (const auto& source : schedule) {
          if (!in_flight.contains(source.id)) queue.schedule(source.id, source.next_poll_at);
        }
        next_reload = now + self.options.reload_every;
      }
      if (now >= next_pending) {
        // Alongside the polls, as one more task: a busy daemon still gets to it.
        group.spawn("retry of the pending articles", self.retry_pending_logged());
        next_pending = now + self.options.pending_every;
      }
      if (self.options.metrics && now >= next_queue_count) {
        // The queue's depth every few seconds: one index-only count.
        auto count_pending_articles = [&self] { return self.articles.count_pending(); };
        auto pending = co_await self.on_storage(std::move(count_pending_articles));
        self.options.metrics->set(metrics::kPendingArticles, {}, static_cast<double>(pending));
        next_queue_count = now + std::chrono::seconds(10);
      }
      if (now >= next_prune) {
        // One small batch per turn of this loop (at least one a second), so
        // polls' storage work always gets in between; the pass ends when a
        // batch finds nothing left.
        auto prune_retention_batch = [&self] {
          return storage::Retention(self.db, self.options.retention).prune_batch();
        };
        auto batch = co_await self.on_storage(std::move(prune_retention_batch));
        pruned += batch;
        if (batch.total() == 0) {
          if (pruned.total() > 0) {
            self.options.logger.info(
                "retention pruned {} items, {} articles, {} fetch_log rows, {} tombstones", pruned.items,
                pruned.articles, pruned.fetch_log, pruned.tombstones);
          }
          pruned = {};
          next_prune = now + std::chrono::hours(1);
        }
      }
    } catch (const std::exception& e) {
      self.options.logger.error("daemon housekeeping: {}", e.what());
      next_reload = now + self.options.reload_every;
    }
    co_await self.save_host_states();

    std::size_t limit = std::max<std::size_t>(1, self.options.max_parallel_sources);
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
  self.options.logger.info("stopping: waiting for {} polls in flight", group.active());
  co_await group.wait_below(1);
  co_await self.save_host_states();
}

void Pipeline::stop() {
  impl_->stopping = true;
  // Requests only waiting for a host's turn are not started (issue 15):
  // their sources and articles stay due; those in flight finish.
  impl_->gate.close();
  if (impl_->options.metrics && !impl_->stopping_noted) {
    // The loop stops turning while the polls in flight drain; /healthz
    // counts the scheduler alive meanwhile (metrics/health.h).
    impl_->stopping_noted = true;
    impl_->options.metrics->set(metrics::kDrainingSince, {},
                                std::chrono::duration<double>(Clock::now().time_since_epoch()).count());
  }
  impl_->wake.cancel();
}

const PipelineOptions& Pipeline::options() const {
  return impl_->options;
}

}  // namespace newsd::pipeline
