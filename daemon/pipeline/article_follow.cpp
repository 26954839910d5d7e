// The article stage (article_follow.h).
#include "pipeline/article_follow.h"

#include <fmt/core.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/strings.h"
#include "feeds/extract.h"
#include "pipeline/context.h"
#include "pipeline/politeness_state.h"
#include "pipeline/responses.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive (as in
// politeness/polite_fetcher.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace newsd::pipeline {

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

bool looks_like_html(std::string_view content_type) {
  if (content_type.empty()) return true;  // let the extractor judge the bytes
  const std::string lower = core::to_lower(content_type);
  return lower.find("html") != std::string::npos || lower.find("xml") != std::string::npos ||
         lower.starts_with("text/plain");
}

boost::asio::awaitable<ArticleResult> ArticleFollow::follow(storage::PendingArticle target,
                                                            std::optional<std::int64_t> source_id,
                                                            bool insecure) {
  PipelineContext& context = context_;
  context.articles_touched.insert(target.id);
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
  } in_flight(context.articles_in_flight, target.id);
  auto fail = [&context, &target](storage::ArticleOutcome outcome, std::string error,
                                  std::optional<int> status) {
    return [&context, id = target.id, outcome, error = std::move(error), status] {
      context.articles.store_failure(id, outcome, error, status);
      return true;
    };
  };
  auto defer = [&context, &target](std::string error, std::optional<int> status) {
    bool give_up = target.attempts + 1 >= context.options.article_max_attempts;
    return [&context, id = target.id, give_up, error = std::move(error), status] {
      if (give_up) {
        context.articles.store_failure(id, storage::ArticleOutcome::failed, error, status);
      } else {
        context.articles.note_retry(id, error, status);
      }
      return give_up;
    };
  };

  http::Request request;
  request.url = target.url;
  request.kind = http::RequestKind::article;
  request.max_body_bytes = context.options.max_page_bytes;
  request.timeouts = context.options.timeouts;
  request.max_redirects = context.options.max_redirects;
  request.insecure = insecure;
  auto fetched = co_await context.fetcher.fetch(std::move(request), source_id);
  co_await politeness_.save_robots();
  switch (fetched.refusal) {
    case politeness::Refusal::none:
      break;
    case politeness::Refusal::invalid_url: {
      auto work = fail(storage::ArticleOutcome::failed,
                       fmt::format("not an absolute http(s) URL: {}", target.url), std::nullopt);
      co_await context.on_storage(std::move(work));
      co_return ArticleResult::failed;
    }
    case politeness::Refusal::robots_disallowed: {
      auto work = fail(storage::ArticleOutcome::skipped, fetched.response.error_message, std::nullopt);
      co_await context.on_storage(std::move(work));
      co_return ArticleResult::skipped;
    }
    case politeness::Refusal::stopping:
      // A graceful stop before the request started: still pending, untouched.
      co_return ArticleResult::deferred;
    case politeness::Refusal::robots_unavailable:
    case politeness::Refusal::host_backing_off:
    case politeness::Refusal::source_too_soon: {
      auto work = defer(fmt::format("{}; trying later", fetched.response.error_message), std::nullopt);
      bool gave_up = co_await context.on_storage(std::move(work));
      co_return gave_up ? ArticleResult::failed : ArticleResult::deferred;
    }
  }
  const http::Response* response = &fetched.response;
  std::optional<int> status = response->status != 0 ? std::optional(response->status) : std::nullopt;
  if (is_transient(*response)) {
    auto work = defer(describe_failure(*response, target.url), status);
    bool gave_up = co_await context.on_storage(std::move(work));
    co_return gave_up ? ArticleResult::failed : ArticleResult::deferred;
  }
  if (!is_success(response->status)) {
    auto work = fail(storage::ArticleOutcome::failed, describe_failure(*response, target.url), status);
    co_await context.on_storage(std::move(work));
    co_return ArticleResult::failed;
  }
  if (!looks_like_html(response->content_type)) {
    auto work = fail(storage::ArticleOutcome::skipped,
                     fmt::format("not an HTML page ({})", response->content_type), status);
    co_await context.on_storage(std::move(work));
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
    extract_options.max_bytes = context.options.max_page_bytes;
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
    context.count_metric(metrics::kExtractionFailures);
    auto work = fail(storage::ArticleOutcome::failed, std::move(error), status);
    co_await context.on_storage(std::move(work));
    co_return ArticleResult::failed;
  }
  auto store_extraction = [&context, &target, &article, http_status = response->status] {
    context.articles.store_extracted(target.id, *article, http_status);
    return true;
  };
  co_await context.on_storage(std::move(store_extraction));
  co_return ArticleResult::extracted;
}

// Every article still pending, oldest first, in batches: those an earlier
// pass deferred, and those whose item was stored by a pass that was then
// interrupted. Each is tried once per pass (articles_touched).
boost::asio::awaitable<void> ArticleFollow::retry_pending(PassSummary* summary) {
  PipelineContext& context = context_;
  SourceReport retried;
  retried.url = "(pending articles)";
  std::optional<storage::PendingCursor> after;
  while (!context.stopping) {
    std::vector<storage::PendingArticle> pending;
    try {
      auto next_pending_batch = [&context, after] {
        return context.articles.pending(context.options.pending_batch, after);
      };
      pending = co_await context.on_storage(std::move(next_pending_batch));
    } catch (const std::exception& e) {
      context.options.logger.error("could not read the pending articles: {}", e.what());
      break;
    }
    if (pending.empty()) break;
    after = pending.back().cursor;
    for (const auto& article : pending) {
      if (context.stopping) break;
      if (context.articles_touched.contains(article.id) || context.articles_in_flight->contains(article.id))
        continue;
      try {
        tally(retried, co_await follow(article, std::nullopt, false));
      } catch (const std::exception& e) {
        ++retried.articles_deferred;
        context.options.logger.error("article {}: {}", article.url, e.what());
      }
    }
  }
  summary->articles_extracted += retried.articles_extracted;
  summary->articles_failed += retried.articles_failed;
  summary->articles_skipped += retried.articles_skipped;
  summary->articles_deferred += retried.articles_deferred;
}

boost::asio::awaitable<void> ArticleFollow::retry_pending_logged() {
  PassSummary retried;
  context_.articles_touched.clear();
  co_await retry_pending(&retried);
  if (retried.articles_extracted + retried.articles_failed + retried.articles_skipped > 0) {
    context_.options.logger.info("pending articles: {} extracted, {} failed, {} skipped, {} still waiting",
                                 retried.articles_extracted, retried.articles_failed,
                                 retried.articles_skipped, retried.articles_deferred);
  }
}

void ArticleFollow::tally(SourceReport& report, ArticleResult result) {
  count(report, result);
  constexpr std::string_view kOutcomes[] = {"extracted", "failed", "skipped"};
  if (result != ArticleResult::deferred)
    context_.count_metric(metrics::kArticlesStored,
                          {{"outcome", std::string(kOutcomes[static_cast<int>(result)])}});
}

}  // namespace newsd::pipeline
