// The feed stage (feed_poll.h).
#include "pipeline/feed_poll.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>

#include "feeds/parse.h"
#include "pipeline/article_follow.h"
#include "pipeline/context.h"
#include "pipeline/politeness_state.h"
#include "pipeline/responses.h"
#include "politeness/host_key.h"
#include "storage/sources.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive (as in
// politeness/polite_fetcher.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace newsd::pipeline {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;
using Seconds = std::chrono::seconds;

http::Request feed_request(const storage::Source& source, const PipelineOptions& options) {
  http::Request request;
  request.url = source.url;
  request.kind = http::RequestKind::feed;
  request.etag = source.etag;
  request.last_modified = source.last_modified;
  request.max_body_bytes = options.max_feed_bytes;
  request.timeouts = options.timeouts;
  request.max_redirects = options.max_redirects;
  request.insecure = source.options.insecure.value_or(false);
  return request;
}

boost::asio::awaitable<void> FeedPoll::record_failure(SourceReport* report, std::int64_t source_id,
                                                      TimePoint polled_at, std::optional<int> status,
                                                      std::string error, std::string host) {
  PipelineContext& context = context_;
  report->error = error;
  storage::PollFailure failure;
  failure.polled_at = polled_at;
  failure.status = status;
  failure.error = std::move(error);
  if (auto snapshot = context.gate.snapshot(host)) failure.host_backoff_until = snapshot->state.backoff_until;
  auto record_failed_poll = [&context, source_id, &failure] {
    return context.db.run("record a failed poll", [&](pg::Connection& conn) {
      return storage::record_poll_failure(conn, source_id, failure, context.options.schedule, context.rng);
    });
  };
  auto verdict = co_await context.on_storage(std::move(record_failed_poll));
  report->disabled = verdict.disabled;
  report->next_poll_at = verdict.next_poll_at;
  context.options.logger.warn("source {} {}: {}", source_id, report->url, report->error);
}

boost::asio::awaitable<SourceReport> FeedPoll::poll(std::int64_t source_id) {
  PipelineContext& context = context_;
  SourceReport report;
  report.source_id = source_id;
  if (context.stopping) co_return report;  // not polled: still due, for the next pass
  try {
    co_await politeness_.restore();
    auto load_polled_source = [&context, source_id] {
      return context.db.run("load a source",
                            [&](pg::Connection& conn) { return storage::load_source(conn, source_id); });
    };
    auto source = co_await context.on_storage(std::move(load_polled_source));
    if (!source || source->disabled) co_return report;
    report.url = source->url;
    if (!source->options_error.empty()) {
      context.options.logger.warn("source {} {}: options ignored: {}", source_id, source->url,
                                  source->options_error);
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
      context.fetcher.throttle().set_min_interval(
          source_id, std::chrono::duration_cast<Seconds>(*source->options.min_interval));
    }
    if (source->options.host_rate) {
      context.gate.set_limits(
          *host, {context.options.gate.defaults.max_concurrent, source->options.host_rate->gap()});
    }

    auto fetched = co_await context.fetcher.fetch_source(source_id, feed_request(*source, context.options));
    co_await politeness_.save_robots();
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
      auto postpone = [&context, source_id, now, limited_status, retry_at] {
        return context.db.run("record a postponed poll", [&](pg::Connection& conn) {
          return storage::record_poll_postponed(conn, source_id, now, limited_status, retry_at);
        });
      };
      co_await context.on_storage(std::move(postpone));
      report.next_poll_at = retry_at;
      auto wait = std::chrono::ceil<Seconds>(retry_at - Clock::now()).count();
      report.note = fmt::format("HTTP {} with Retry-After: next poll in {} s", limited_status, wait);
      context.options.logger.info("source {} {}: {}", source_id, source->url, report.note);
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
      parse_options.max_bytes = context.options.max_feed_bytes;
      auto parsed = feeds::parse_feed(response.body, parse_options);
      if (!parsed) {
        // The message is built in a statement of its own, never inside the
        // co_await expression: GCC 12 destroys the std::string temporary a
        // conditional operator makes there twice, which aborted every poll of
        // a URL answering HTML or plain text with a double free (issue 15).
        context.count_metric(metrics::kParseFailures);
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
                                context.options.schedule.min_interval);
    }

    struct Stored {
      storage::StoreCounts counts;
      storage::RedirectVerdict redirect;
      TimePoint next_poll_at;
    };
    const feeds::Feed* feed_ptr = feed ? &*feed : nullptr;
    int status = response.status;
    const bool wants_articles = source->options.articles.value_or(true);
    auto store_poll_result = [&context, &source, &facts, &hints, feed_ptr, fixed_interval, now, status,
                              wants_articles] {
      const PipelineOptions& options = context.options;
      Stored out;
      // The new items' articles are queued in the items' own transaction:
      // whatever interrupts the loop below, a later pass finds them pending.
      if (feed_ptr != nullptr) {
        out.counts =
            context.items.store_feed_items(source->id, *feed_ptr,
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
      success.next_poll_at =
          scheduler::next_poll_after_success(now, interval, hints, options.schedule, context.rng);
      out.next_poll_at = success.next_poll_at;
      context.db.transact("record a successful poll", [&](pg::Connection& conn) {
        out.redirect = storage::record_feed_facts(conn, *source, facts);
        storage::record_poll_success(conn, source->id, success);
        return true;
      });
      return out;
    };
    auto stored = co_await context.on_storage(std::move(store_poll_result));
    report.items_new = stored.counts.added;
    report.items_changed = stored.counts.changed;
    report.items_unchanged = stored.counts.unchanged;
    context.count_metric(metrics::kItemsStored, {{"change", "new"}}, stored.counts.added);
    context.count_metric(metrics::kItemsStored, {{"change", "changed"}}, stored.counts.changed);
    report.next_poll_at = stored.next_poll_at;
    report.note = stored.redirect.note;
    if (!report.note.empty())
      context.options.logger.info("source {} {}: {}", source_id, source->url, report.note);

    if (wants_articles) {
      bool insecure = source->options.insecure.value_or(false);
      for (const auto& item : stored.counts.new_items) {
        if (item.canonical_url.empty() || item.link.empty()) continue;
        if (context.stopping) {
          // Queued already (pending): the next pass or the daemon's retry fetches it.
          ++report.articles_deferred;
          continue;
        }
        try {
          std::string canonical = item.canonical_url;
          std::string link = item.link;
          auto pending_article_of_item = [&context, &canonical, &link] {
            return context.articles.pending_article(context.articles.record_pending(canonical, link));
          };
          auto target = co_await context.on_storage(std::move(pending_article_of_item));
          if (!target || context.articles_touched.contains(target->id) ||
              context.articles_in_flight->contains(target->id))
            continue;
          article_follow_.tally(report,
                                co_await article_follow_.follow(std::move(*target), source_id, insecure));
        } catch (const std::exception& e) {
          ++report.articles_deferred;
          context.options.logger.error("source {}: article {}: {}", source_id, item.link, e.what());
        }
      }
    }
  } catch (const std::exception& e) {
    // The database was gone for longer than Database retries, or a bug: the
    // source stays due and is polled again on the next pass.
    report.error = fmt::format("poll interrupted: {}", e.what());
    report.next_poll_at = Clock::now() + std::chrono::minutes(1);
    context.options.logger.error("source {} {}: {}", source_id, report.url, report.error);
  }
  co_return report;
}

}  // namespace newsd::pipeline
