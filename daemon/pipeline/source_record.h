#pragma once
// The pipeline's own reads and writes of `sources` and `articles`, for what
// the stage stores do not cover: a source's validators and options before a
// poll, the validators and permanent-redirect tracking after it, and the
// "try again later" bookkeeping of an article. Blocking (libpq): called on
// the pipeline's storage thread only.
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "feeds/opml.h"
#include "storage/pg.h"

namespace newsd::pipeline {

struct SourceRecord {
  std::int64_t id = 0;
  std::string url;
  std::string title;
  std::string etag;
  std::string last_modified;
  feeds::SourceOptions options;
  std::string options_error;  // set when sources.options could not be read (defaults used)
  std::optional<std::chrono::seconds> poll_interval;
  std::string redirect_url;
  int redirect_count = 0;
  bool disabled = false;
};

// nullopt when the source no longer exists.
std::optional<SourceRecord> load_source(pg::Connection& conn, std::int64_t source_id);

// Ids of the enabled sources due at `now` (next_poll_at <= now), earliest first.
std::vector<std::int64_t> due_source_ids(pg::Connection& conn, std::chrono::system_clock::time_point now);

// How many consecutive polls must see the same permanent redirect before
// the source's URL is changed (a temporary misconfiguration should not move it).
inline constexpr int kPermanentRedirectPolls = 3;

struct FeedFetchFacts {
  std::string etag;  // from the 200 (empty: none; a 304 keeps the stored ones)
  std::string last_modified;
  bool not_modified = false;  // 304: keep the stored validators
  bool permanent_redirect = false;
  std::string final_url;   // after redirects
  std::string feed_title;  // fills sources.title when empty
  std::string site_url;    // fills sources.site_url when empty
};

struct RedirectVerdict {
  bool url_changed = false;  // sources.url now holds final_url
  std::string note;          // e.g. "permanent redirect to X seen 2 of 3 polls"
};

// Stores the validators, fills an empty title/site URL, and tracks permanent
// redirects: the same target seen on kPermanentRedirectPolls consecutive polls
// becomes the source's URL (unless another source already has that URL).
RedirectVerdict record_feed_facts(pg::Connection& conn, const SourceRecord& source,
                                  const FeedFetchFacts& facts);

struct ArticleTarget {
  std::int64_t article_id = 0;
  std::string canonical_url;
  std::string url;
  int attempts = 0;
};

// The article row `article_id` (made by ArticleStore::record_pending) when it
// still waits for its page; nullopt when an earlier poll (of any source)
// already extracted, failed or skipped it: one article per canonical URL.
std::optional<ArticleTarget> pending_article(pg::Connection& conn, std::int64_t article_id);

// A transient failure (network, 5xx, robots.txt unreachable): the article
// stays pending for a later pass; the attempt and the error are recorded.
void note_article_retry(pg::Connection& conn, std::int64_t article_id, const std::string& error,
                        std::optional<int> http_status);

}  // namespace newsd::pipeline
