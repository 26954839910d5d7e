#pragma once
// Private to daemon/pipeline/: what the stages of one Pipeline share. The
// stages are classes of their own, each holding a reference to this:
//   politeness_state.h  the hosts table restored into the gate, and saved
//   article_follow.h    the article stage
//   feed_poll.h         the feed stage, which hands new items to the article stage
//   pipeline.cpp        `once`'s pass and `run`'s loop over them
// They share one storage thread (libpq blocks; the Database is used there
// only), one politeness gate and fetcher (so every host is paced across both
// stages), and the pass's bookkeeping of articles, so that no article is
// fetched twice at once or twice in one pass.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <random>
#include <set>
#include <string_view>
#include <type_traits>

#include "metrics/names.h"
#include "pipeline/pipeline.h"
#include "politeness/host_gate.h"
#include "politeness/polite_fetcher.h"
#include "politeness/robots_cache.h"
#include "storage/articles.h"
#include "storage/fetch_log.h"
#include "storage/items.h"

namespace newsd::pipeline {

namespace detail {

template <typename Work>
boost::asio::awaitable<std::invoke_result_t<Work>> run_work(Work work) {
  co_return work();
}

}  // namespace detail

struct PipelineContext {
  PipelineContext(boost::asio::io_context& io, storage::Database& database, PipelineOptions opts);
  // The fetcher's attempt observer holds `this`: the context never moves.
  PipelineContext(const PipelineContext&) = delete;
  PipelineContext& operator=(const PipelineContext&) = delete;

  storage::Database& db;  // storage thread only
  PipelineOptions options;
  boost::asio::thread_pool storage_thread{1};
  http::HttpClient client;
  politeness::HostGate gate;
  politeness::RobotsCache robots;
  politeness::PoliteFetcher fetcher;        // every HTTP request goes through it
  storage::ItemStore items;                 // storage thread only
  storage::ArticleStore articles;           // storage thread only
  storage::FetchLog fetch_log;              // storage thread only
  std::mt19937_64 rng;                      // storage thread only (schedule jitter)
  bool stopping = false;                    // Pipeline::stop() was called: start nothing new
  std::set<std::int64_t> articles_touched;  // in the current pass: not retried again in it
  // Being fetched now: never fetched twice at once. Shared with the fetching
  // coroutines, whose frames may outlive the pipeline when a context is torn down.
  std::shared_ptr<std::set<std::int64_t>> articles_in_flight = std::make_shared<std::set<std::int64_t>>();

  // Runs blocking `work` on the storage thread; the caller resumes on the io thread.
  template <typename Work>
  boost::asio::awaitable<std::invoke_result_t<Work>> on_storage(Work work) {
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
    co_return co_await boost::asio::co_spawn(storage_thread.get_executor(), std::move(task),
                                             boost::asio::use_awaitable);
  }

  void count_metric(std::string_view name, const metrics::Labels& labels = {}, double delta = 1) {
    if (options.metrics) options.metrics->add(name, labels, delta);
  }

 private:
  politeness::PoliteFetcherOptions fetcher_options();
  // One fetch_log row per HTTP exchange (the fetcher's attempt observer),
  // with its debug line and metrics.
  boost::asio::awaitable<void> log_attempt(politeness::FetchAttempt attempt);
};

}  // namespace newsd::pipeline
