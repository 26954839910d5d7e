#include "pipeline/pipeline.h"

#include <fmt/core.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "core/strings.h"
#include "feeds/extract.h"
#include "feeds/parse.h"
#include "metrics/names.h"
#include "pipeline/politeness_state.h"
#include "pipeline/report.h"
#include "pipeline/task_group.h"
#include "politeness/host_gate.h"
#include "politeness/host_key.h"
#include "politeness/polite_fetcher.h"
#include "scheduler/poll_queue.h"
#include "storage/articles.h"
#include "storage/fetch_log.h"
#include "storage/hosts.h"
#include "storage/items.h"
#include "storage/sources.h"

namespace newsd::pipeline {

namespace asio = boost::asio;
using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;
using Seconds = std::chrono::seconds;

namespace {

template <typename Work>
asio::awaitable<std::invoke_result_t<Work>> run_work(Work work) {
  co_return work();
}

bool is_success(int status) {
  return status >= 200 && status < 300;
}

// A response that means "the server has trouble now": worth retrying later.
bool is_transient(const http::Response& response) {
  return !response.ok() || response.status == 429 || response.status >= 500;
}

// Also for 3xx the client did not follow (e.g. a redirect without Location).
std::string describe_failure(const http::Response& response, std::string_view url) {
  auto described = politeness::describe_failure(response, url);
  return described.empty() ? fmt::format("HTTP {} from {}", response.status,
                                         response.final_url.empty() ? url : response.final_url)
                           : described;
}

bool looks_like_html(std::string_view content_type) {
  if (content_type.empty()) return true;  // let the extractor judge the bytes
  const std::string lower = core::to_lower(content_type);
  return lower.find("html") != std::string::npos || lower.find("xml") != std::string::npos ||
         lower.starts_with("text/plain");
}

enum class ArticleResult { extracted, failed, skipped, deferred };

void count(SourceReport& report, ArticleResult result) {
  switch (result) {
    case ArticleResult::extracted:
      ++report.articles_extracted;
      break;
    case ArticleResult::failed:
      ++report.articles_failed;
      break;
    case ArticleResult::skipped:
      ++report.articles_skipped;
      break;
    case ArticleResult::deferred:
      ++report.articles_deferred;
      break;
  }
}

}  // namespace

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
    auto task = run_work(std::move(timed));
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

asio::awaitable<void> Pipeline::Impl::restore_state() {
  if (restored) co_return;
  struct Saved {
    std::vector<politeness::HostState> hosts;
    std::vector<politeness::RobotsRecord> robots;
    std::vector<storage::Source> schedule;
  };
  auto load_saved_state = [this] {
    return db.run("load the politeness state and the schedule", [](pg::Connection& conn) {
      return Saved{storage::load_host_states(conn), storage::load_robots_records(conn),
                   storage::load_schedule(conn)};
    });
  };
  auto saved = co_await on_storage(std::move(load_saved_state));
  restore_politeness(gate, robots, std::move(saved.hosts), saved.robots);
  for (const auto& source : saved.schedule) {
    if (source.last_polled_at) fetcher.throttle().restore(source.id, *source.last_polled_at);
  }
  restored = true;
}

asio::awaitable<void> Pipeline::Impl::save_host_states() {
  auto dirty = gate.take_dirty();
  if (dirty.empty()) co_return;
  try {
    auto save_dirty_hosts = [this, &dirty] {
      db.run("save the hosts' politeness state", [&](pg::Connection& conn) {
        storage::save_host_states(conn, dirty);
        return true;
      });
      return true;
    };
    co_await on_storage(std::move(save_dirty_hosts));
  } catch (const std::exception& e) {
    options.logger.error("could not save the hosts' politeness state: {}", e.what());
  }
}

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

// robots.txt answers the fetcher got since the last call, into hosts.
asio::awaitable<void> Pipeline::Impl::save_robots_records() {
  auto records = fetcher.take_robots_records();
  if (records.empty()) co_return;
  try {
    auto save_robots = [this, &records] {
      return db.run("save robots.txt", [&](pg::Connection& conn) {
        for (const auto& record : records) storage::save_robots_record(conn, record);
        return true;
      });
    };
    co_await on_storage(std::move(save_robots));
  } catch (const std::exception& e) {
    options.logger.error("could not save robots.txt of {}: {}", records.front().host, e.what());
  }
}

asio::awaitable<ArticleResult> Pipeline::Impl::follow_article(storage::PendingArticle target,
                                                              std::optional<std::int64_t> source_id,
                                                              bool insecure) {
  articles_touched.insert(target.id);
  // In flight until this coroutine ends, however it ends.
  class InFlight {
   public:
    InFlight(std::shared_ptr<std::set<std::int64_t>> set, std::int64_t id) : set_(std::move(set)), id_(id) {
      set_->insert(id_);
    }
    ~InFlight() { set_->erase(id_); }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

   private:
    std::shared_ptr<std::set<std::int64_t>> set_;
    std::int64_t id_;
  } in_flight(articles_in_flight, target.id);
  auto fail = [this, &target](storage::ArticleOutcome outcome, std::string error, std::optional<int> status) {
    return [this, id = target.id, outcome, error = std::move(error), status] {
      articles.store_failure(id, outcome, error, status);
      return true;
    };
  };
  auto defer = [this, &target](std::string error, std::optional<int> status) {
    bool give_up = target.attempts + 1 >= options.article_max_attempts;
    return [this, id = target.id, give_up, error = std::move(error), status] {
      if (give_up) {
        articles.store_failure(id, storage::ArticleOutcome::failed, error, status);
      } else {
        articles.note_retry(id, error, status);
      }
      return give_up;
    };
  };

  http::Request request;
  request.url = target.url;
  request.kind = http::RequestKind::article;
  request.max_body_bytes = options.max_page_bytes;
  request.timeouts = options.timeouts;
  request.max_redirects = options.max_redirects;
  request.insecure = insecure;
  auto fetched = co_await fetcher.fetch(std::move(request), source_id);
  co_await save_robots_records();
  switch (fetched.refusal) {
    case politeness::Refusal::none:
      break;
    case politeness::Refusal::invalid_url: {
      auto work = fail(storage::ArticleOutcome::failed,
                       fmt::format("not an absolute http(s) URL: {}", target.url), std::nullopt);
      co_await on_storage(std::move(work));
      co_return ArticleResult::failed;
    }
    case politeness::Refusal::robots_disallowed: {
      auto work = fail(storage::ArticleOutcome::skipped, fetched.response.error_message, std::nullopt);
      co_await on_storage(std::move(work));
      co_return ArticleResult::skipped;
    }
    case politeness::Refusal::stopping:
      // A graceful stop before the request started: still pending, untouched.
      co_return ArticleResult::deferred;
    case politeness::Refusal::robots_unavailable:
    case politeness::Refusal::host_backing_off:
    case politeness::Refusal::source_too_soon: {
      auto work = defer(fmt::format("{}; trying later", fetched.response.error_message), std::nullopt);
      bool gave_up = co_await on_storage(std::move(work));
      co_return gave_up ? ArticleResult::failed : ArticleResult::deferred;
    }
  }
  const http::Response* response = &fetched.response;
  std::optional<int> status = response->status != 0 ? std::optional(response->status) : std::nullopt;
  if (is_transient(*response)) {
    auto work = defer(describe_failure(*response, target.url), status);
    bool gave_up = co_await on_storage(std::move(work));
    co_return gave_up ? ArticleResult::failed : ArticleResult::deferred;
  }
  if (!is_success(response->status)) {
    auto work = fail(storage::ArticleOutcome::failed, describe_failure(*response, target.url), status);
    co_await on_storage(std::move(work));
    co_return ArticleResult::failed;
  }
  if (!looks_like_html(response->content_type)) {
    auto work = fail(storage::ArticleOutcome::skipped,
                     fmt::format("not an HTML page ({})", response->content_type), status);
    co_await on_storage(std::move(work));
    co_return ArticleResult::skipped;
  }

  // Extraction is CPU work done here, on the io thread: a few milliseconds a
  // page (docs/performance/extraction.md), small next to the fetch itself.
  std::optional<feeds::Article> article;
  std::string error;
  try {
    feeds::ExtractOptions extract_options;
    extract_options.url = response->final_url.empty() ? target.url : response->final_url;
    extract_options.http_charset = response->charset;
    extract_options.max_bytes = options.max_page_bytes;
    auto extracted = feeds::extract_article(response->body, extract_options);
    if (!extracted) {
      error = fmt::format("extraction failed for {}: {}", target.url, extracted.error().message);
    } else if (article = std::move(*extracted); article->text.empty()) {
      error = fmt::format("no article text found on {} (confidence {:.2f})", extract_options.url,
                          article->confidence);
    }
  } catch (const std::exception& e) {
    error = fmt::format("extraction failed for {}: {}", target.url, e.what());
  }
  if (!error.empty()) {
    count_metric(metrics::kExtractionFailures);
    auto work = fail(storage::ArticleOutcome::failed, std::move(error), status);
    co_await on_storage(std::move(work));
    co_return ArticleResult::failed;
  }
  auto store_extraction = [this, &target, &article, http_status = response->status] {
    articles.store_extracted(target.id, *article, http_status);
    return true;
  };
  co_await on_storage(std::move(store_extraction));
  co_return ArticleResult::extracted;
}

asio::awaitable<void> Pipeline::Impl::record_failure(SourceReport* report, std::int64_t source_id,
                                                     TimePoint polled_at, std::optional<int> status,
                                                     std::string error, std::string host) {
  report->error = error;
  storage::PollFailure failure;
  failure.polled_at = polled_at;
  failure.status = status;
  failure.error = std::move(error);
  if (auto snapshot = gate.snapshot(host)) failure.host_backoff_until = snapshot->state.backoff_until;
  auto record_failed_poll = [this, source_id, &failure] {
    return db.run("record a failed poll", [&](pg::Connection& conn) {
      return storage::record_poll_failure(conn, source_id, failure, options.schedule, rng);
    });
  };
  auto verdict = co_await on_storage(std::move(record_failed_poll));
  report->disabled = verdict.disabled;
  report->next_poll_at = verdict.next_poll_at;
  options.logger.warn("source {} {}: {}", source_id, report->url, report->error);
}

asio::awaitable<SourceReport> Pipeline::Impl::poll(std::int64_t source_id) {
  SourceReport report;
  report.source_id = source_id;
  if (stopping) co_return report;  // not polled: still due, for the next pass
  try {
    co_await restore_state();
    auto load_polled_source = [this, source_id] {
      return db.run("load a source",
                    [&](pg::Connection& conn) { return storage::load_source(conn, source_id); });
    };
    auto source = co_await on_storage(std::move(load_polled_source));
    if (!source || source->disabled) co_return report;
    report.url = source->url;
    if (!source->options_error.empty()) {
      options.logger.warn("source {} {}: options ignored: {}", source_id, source->url, source->options_error);
    }
    auto host = politeness::host_key(source->url);
    TimePoint now = Clock::now();
    if (!host) {
      report.polled = true;
      co_await record_failure(&report, source_id, now, std::nullopt,
                              fmt::format("not an absolute http(s) URL: {}", source->url), "");
      co_return report;
    }
    if (source->options.min_interval) {
      fetcher.throttle().set_min_interval(source_id,
                                          std::chrono::duration_cast<Seconds>(*source->options.min_interval));
    }
    if (source->options.host_rate) {
      gate.set_limits(*host, {options.gate.defaults.max_concurrent, source->options.host_rate->gap()});
    }

    http::Request request;
    request.url = source->url;
    request.kind = http::RequestKind::feed;
    request.etag = source->etag;
    request.last_modified = source->last_modified;
    request.max_body_bytes = options.max_feed_bytes;
    request.timeouts = options.timeouts;
    request.max_redirects = options.max_redirects;
    request.insecure = source->options.insecure.value_or(false);
    auto fetched = co_await fetcher.fetch_source(source_id, std::move(request));
    co_await save_robots_records();
    switch (fetched.refusal) {
      case politeness::Refusal::none:
        break;
      case politeness::Refusal::stopping:
        // A graceful stop before the request started: not polled, still due.
        co_return report;
      case politeness::Refusal::source_too_soon:
        report.next_poll_at = fetched.retry_at.value_or(now);
        report.note = "polled less than its minimum interval ago: skipped";
        co_return report;
      case politeness::Refusal::host_backing_off:
      case politeness::Refusal::robots_unavailable:
        // The host asked us to wait: not the source's fault, not an error.
        report.next_poll_at = fetched.retry_at.value_or(now);
        report.note = fmt::format("{}; poll postponed", fetched.response.error_message);
        co_return report;
      case politeness::Refusal::invalid_url:
      case politeness::Refusal::robots_disallowed:
        report.polled = true;
        co_await record_failure(&report, source_id, now, std::nullopt, fetched.response.error_message, *host);
        co_return report;
    }
    report.polled = true;
    const http::Response& response = fetched.response;
    report.status = response.status;
    if (fetched.rate_limited()) {
      // 429/503 with Retry-After: the host said when to come back and the
      // gate holds it until then. The source's next poll is that moment, not
      // the error backoff, and its error streak does not grow (issue 15).
      TimePoint retry_at = *fetched.retry_at;
      int limited_status = response.status;
      auto postpone = [this, source_id, now, limited_status, retry_at] {
        return db.run("record a postponed poll", [&](pg::Connection& conn) {
          return storage::record_poll_postponed(conn, source_id, now, limited_status, retry_at);
        });
      };
      co_await on_storage(std::move(postpone));
      report.next_poll_at = retry_at;
      auto wait = std::chrono::ceil<Seconds>(retry_at - Clock::now()).count();
      report.note = fmt::format("HTTP {} with Retry-After: next poll in {} s", limited_status, wait);
      options.logger.info("source {} {}: {}", source_id, source->url, report.note);
      co_return report;
    }
    if (!response.ok() || !(is_success(response.status) || response.status == 304)) {
      std::optional<int> status = response.status != 0 ? std::optional(response.status) : std::nullopt;
      co_await record_failure(&report, source_id, now, status, describe_failure(response, source->url),
                              *host);
      co_return report;
    }

    std::optional<feeds::Feed> feed;
    if (response.status != 304) {
      // Parsing is CPU work on the io thread: about a millisecond for a
      // typical feed (docs/performance/feeds.md), so no hand-off is needed.
      feeds::ParseOptions parse_options;
      parse_options.document_url = response.final_url.empty() ? source->url : response.final_url;
      parse_options.http_charset = response.charset;
      parse_options.max_bytes = options.max_feed_bytes;
      auto parsed = feeds::parse_feed(response.body, parse_options);
      if (!parsed) {
        // The message is built in a statement of its own, never inside the
        // co_await expression: GCC 12 destroys the std::string temporary a
        // conditional operator makes there twice, which aborted every poll of
        // a URL answering HTML or plain text with a double free (issue 15).
        count_metric(metrics::kParseFailures);
        std::string error = fmt::format("{}: {}", parse_options.document_url, parsed.error().message);
        co_await record_failure(&report, source_id, now, response.status, std::move(error), *host);
        co_return report;
      }
      feed = std::move(*parsed);
    }

    storage::FeedFetchFacts facts;
    facts.not_modified = response.status == 304;
    facts.etag = response.etag;
    facts.last_modified = response.last_modified;
    facts.permanent_redirect = response.permanent_redirect;
    facts.final_url = response.final_url;
    scheduler::FeedHints hints;
    if (feed) {
      facts.feed_title = feed->title;
      facts.site_url = feed->link;
      hints = scheduler::hints_from_feed(*feed);
    }
    hints.max_age = response.max_age;
    hints.expires = response.expires;
    std::optional<Seconds> fixed_interval;
    if (source->options.interval) {
      fixed_interval = std::max(std::chrono::duration_cast<Seconds>(*source->options.interval),
                                options.schedule.min_interval);
    }

    struct Stored {
      storage::StoreCounts counts;
      storage::RedirectVerdict redirect;
      TimePoint next_poll_at;
    };
    const feeds::Feed* feed_ptr = feed ? &*feed : nullptr;
    int status = response.status;
    const bool wants_articles = source->options.articles.value_or(true);
    auto store_poll_result = [this, &source, &facts, &hints, feed_ptr, fixed_interval, now, status,
                              wants_articles] {
      Stored out;
      // The new items' articles are queued in the items' own transaction:
      // whatever interrupts the loop below, a later pass finds them pending.
      if (feed_ptr != nullptr) {
        out.counts = items.store_feed_items(source->id, *feed_ptr,
                                            wants_articles ? storage::ItemStore::ArticleQueue::new_items
                                                           : storage::ItemStore::ArticleQueue::none);
      }
      Seconds interval =
          fixed_interval.value_or(source->poll_interval.value_or(options.schedule.default_interval));
      if (!fixed_interval) {
        if (feed_ptr != nullptr) {
          auto dates = scheduler::item_dates(*feed_ptr);
          interval = scheduler::adaptive_interval(dates, now, options.schedule);
        }
        interval = scheduler::poll_interval(interval, hints, options.schedule);
      }
      storage::PollSuccess success;
      success.polled_at = now;
      success.status = status;
      success.interval = interval;
      success.next_poll_at = scheduler::next_poll_after_success(now, interval, hints, options.schedule, rng);
      out.next_poll_at = success.next_poll_at;
      db.transact("record a successful poll", [&](pg::Connection& conn) {
        out.redirect = storage::record_feed_facts(conn, *source, facts);
        storage::record_poll_success(conn, source->id, success);
        return true;
      });
      return out;
    };
    auto stored = co_await on_storage(std::move(store_poll_result));
    report.items_new = stored.counts.added;
    report.items_changed = stored.counts.changed;
    report.items_unchanged = stored.counts.unchanged;
    count_metric(metrics::kItemsStored, {{"change", "new"}}, stored.counts.added);
    count_metric(metrics::kItemsStored, {{"change", "changed"}}, stored.counts.changed);
    report.next_poll_at = stored.next_poll_at;
    report.note = stored.redirect.note;
    if (!report.note.empty()) options.logger.info("source {} {}: {}", source_id, source->url, report.note);

    if (wants_articles) {
      bool insecure = source->options.insecure.value_or(false);
      for (const auto& item : stored.counts.new_items) {
        if (item.canonical_url.empty() || item.link.empty()) continue;
        if (stopping) {
          // Queued already (pending): the next pass or the daemon's retry fetches it.
          ++report.articles_deferred;
          continue;
        }
        try {
          std::string canonical = item.canonical_url;
          std::string link = item.link;
          auto pending_article_of_item = [this, &canonical, &link] {
            return articles.pending_article(articles.record_pending(canonical, link));
          };
          auto target = co_await on_storage(std::move(pending_article_of_item));
          if (!target || articles_touched.contains(target->id) || articles_in_flight->contains(target->id))
            continue;
          tally(report, co_await follow_article(std::move(*target), source_id, insecure));
        } catch (const std::exception& e) {
          ++report.articles_deferred;
          options.logger.error("source {}: article {}: {}", source_id, item.link, e.what());
        }
      }
    }
  } catch (const std::exception& e) {
    // The database was gone for longer than Database retries, or a bug: the
    // source stays due and is polled again on the next pass.
    report.error = fmt::format("poll interrupted: {}", e.what());
    report.next_poll_at = Clock::now() + std::chrono::minutes(1);
    options.logger.error("source {} {}: {}", source_id, report.url, report.error);
  }
  co_return report;
}

asio::awaitable<void> Pipeline::Impl::poll_into(std::int64_t source_id, PassSummary* summary) {
  auto report = co_await poll(source_id);
  note_poll(report);
  summary->add(report);
  if (options.on_progress) options.on_progress(*summary);
}

// Every article still pending, oldest first, in batches: those an earlier
// pass deferred, and those whose item was stored by a pass that was then
// interrupted. Each is tried once per pass (articles_touched).
asio::awaitable<void> Pipeline::Impl::retry_pending(PassSummary* summary) {
  SourceReport retried;
  retried.url = "(pending articles)";
  std::optional<storage::PendingCursor> after;
  while (!stopping) {
    std::vector<storage::PendingArticle> pending;
    try {
      auto next_pending_batch = [this, after] { return articles.pending(options.pending_batch, after); };
      pending = co_await on_storage(std::move(next_pending_batch));
    } catch (const std::exception& e) {
      options.logger.error("could not read the pending articles: {}", e.what());
      break;
    }
    if (pending.empty()) break;
    after = pending.back().cursor;
    for (const auto& article : pending) {
      if (stopping) break;
      if (articles_touched.contains(article.id) || articles_in_flight->contains(article.id)) continue;
      try {
        tally(retried, co_await follow_article(article, std::nullopt, false));
      } catch (const std::exception& e) {
        ++retried.articles_deferred;
        options.logger.error("article {}: {}", article.url, e.what());
      }
    }
  }
  summary->articles_extracted += retried.articles_extracted;
  summary->articles_failed += retried.articles_failed;
  summary->articles_skipped += retried.articles_skipped;
  summary->articles_deferred += retried.articles_deferred;
}

asio::awaitable<void> Pipeline::Impl::retry_pending_logged() {
  PassSummary retried;
  articles_touched.clear();
  co_await retry_pending(&retried);
  if (retried.articles_extracted + retried.articles_failed + retried.articles_skipped > 0) {
    options.logger.info("pending articles: {} extracted, {} failed, {} skipped, {} still waiting",
                        retried.articles_extracted, retried.articles_failed, retried.articles_skipped,
                        retried.articles_deferred);
  }
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

void Pipeline::Impl::tally(SourceReport& report, ArticleResult result) {
  count(report, result);
  constexpr std::string_view kOutcomes[] = {"extracted", "failed", "skipped"};
  if (result != ArticleResult::deferred)
    count_metric(metrics::kArticlesStored, {{"outcome", std::string(kOutcomes[static_cast<int>(result)])}});
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
