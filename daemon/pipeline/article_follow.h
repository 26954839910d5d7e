#pragma once
// The article stage: an item's page fetched through the polite fetcher,
// extracted, and stored as extracted, failed, skipped or deferred for a later
// pass; and the walk over the articles still pending from earlier passes.
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

#include "pipeline/pipeline.h"
#include "storage/articles.h"

namespace newsd::pipeline {

struct PipelineContext;
class PolitenessState;

enum class ArticleResult { extracted, failed, skipped, deferred };

// Adds one article's result to the report's counts.
void count(SourceReport& report, ArticleResult result);

// Whether a response's Content-Type may hold an article page; an absent one
// lets the extractor judge the bytes.
bool looks_like_html(std::string_view content_type);

class ArticleFollow {
 public:
  ArticleFollow(PipelineContext& context, PolitenessState& politeness)
      : context_(context), politeness_(politeness) {}

  // Fetches and extracts `target` and stores the outcome. `source_id` is the
  // source whose item links it (for fetch_log), `insecure` that source's
  // option. Marks the article touched for this pass and in flight until it
  // returns.
  boost::asio::awaitable<ArticleResult> follow(storage::PendingArticle target,
                                               std::optional<std::int64_t> source_id, bool insecure);
  // Every article still pending, oldest first, in batches, each tried once
  // per pass; the results are added to `summary`.
  boost::asio::awaitable<void> retry_pending(PassSummary* summary);
  // The daemon's periodic retry: a pass of its own, logged when it did anything.
  boost::asio::awaitable<void> retry_pending_logged();
  // count(), and the stored-articles metric.
  void tally(SourceReport& report, ArticleResult result);

 private:
  PipelineContext& context_;
  PolitenessState& politeness_;
};

}  // namespace newsd::pipeline
