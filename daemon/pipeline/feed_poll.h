#pragma once
// The feed stage: a source's feed fetched through the polite fetcher (with
// the validators of its last answer), parsed, its items stored, its next poll
// scheduled, and the new items' articles handed to the article stage.
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "http/client.h"
#include "pipeline/pipeline.h"
#include "storage/sources.h"

namespace newsd::pipeline {

struct PipelineContext;
class PolitenessState;
class ArticleFollow;

// The conditional GET for a source's feed: its ETag and Last-Modified, the
// feed size limit, and the source's `insecure` option.
http::Request feed_request(const storage::Source& source, const PipelineOptions& options);

class FeedPoll {
 public:
  FeedPoll(PipelineContext& context, PolitenessState& politeness, ArticleFollow& article_follow)
      : context_(context), politeness_(politeness), article_follow_(article_follow) {}

  // Polls one source and follows its new items' articles. Never throws: what
  // went wrong is in the report (and in the source's row), and a source whose
  // poll was interrupted stays due.
  boost::asio::awaitable<SourceReport> poll(std::int64_t source_id);

 private:
  // A failed poll: the source's error streak, backoff or disabling.
  boost::asio::awaitable<void> record_failure(SourceReport* report, std::int64_t source_id,
                                              std::chrono::system_clock::time_point polled_at,
                                              std::optional<int> status, std::string error, std::string host);

  PipelineContext& context_;
  PolitenessState& politeness_;
  ArticleFollow& article_follow_;
};

}  // namespace newsd::pipeline
