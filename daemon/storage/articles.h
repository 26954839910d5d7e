#pragma once
// The `articles` table: one row per canonical URL, shared by every item (of any source)
// that links the same story. Items find theirs by items.canonical_url =
// articles.canonical_url (no foreign key to maintain when items arrive first).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/extract.h"
#include "storage/database.h"

namespace newsd::storage {

// Where a walk over the pending articles stopped: (created_at, id) of the last
// row seen, so the next batch starts after it (rows tried and left pending in
// between are not seen again).
struct PendingCursor {
  std::string created_at;  // as PostgreSQL printed it: exact to the microsecond
  std::int64_t id = 0;
};

struct PendingArticle {
  std::int64_t id = 0;
  std::string canonical_url;
  std::string url;
  int attempts = 0;
  PendingCursor cursor;
};

enum class ArticleOutcome { failed, skipped };

class ArticleStore {
 public:
  explicit ArticleStore(Database& db);

  // Makes sure an article row exists for `canonical_url` (status pending when
  // new; an existing row is left as it is, whichever source created it).
  // Returns the row's id.
  std::int64_t record_pending(std::string_view canonical_url, std::string_view url);

  // Stores the extraction result of a pending article; status becomes
  // extracted, which NOTIFYs newsd_articles. Once only: an article already
  // extracted is left as it is (a retried write after a lost connection).
  // `article` is the extractor's value as it is (its url: the page fetched,
  // after redirects); `http_status` the response's status.
  void store_extracted(std::int64_t article_id, const feeds::Article& article,
                       std::optional<int> http_status = std::nullopt);

  // Records a failed fetch/extraction (or a page deliberately not extracted).
  void store_failure(std::int64_t article_id, ArticleOutcome outcome, std::string_view error,
                     std::optional<int> http_status);

  // Oldest pending articles first, at most `limit`, after `after` when given.
  std::vector<PendingArticle> pending(int limit, const std::optional<PendingCursor>& after = std::nullopt);

  // The article row `article_id` (made by record_pending) when it still waits
  // for its page; nullopt when an earlier poll (of any source) already
  // extracted, failed or skipped it: one article per canonical URL.
  std::optional<PendingArticle> pending_article(std::int64_t article_id);

  // How many articles wait for their page (the pending-articles gauge).
  long long count_pending();

  // A transient failure (network, 5xx, robots.txt unreachable): the article
  // stays pending for a later pass; the attempt and the error are recorded.
  void note_retry(std::int64_t article_id, std::string_view error, std::optional<int> http_status);

 private:
  Database& db_;
};

// How many articles have each status, for `newsd status`: only the statuses
// some row has, in the order of their names (extracted, failed, pending,
// skipped).
struct ArticleStatusCount {
  std::string status;
  long long count = 0;
};
std::vector<ArticleStatusCount> count_articles_by_status(pg::Connection& conn);

// An extracted article whose canonical URL contains `url_part` (one of them
// when several do), for `newsd demo` to show; nullopt when none does.
struct ExtractedText {
  std::string title;
  long long word_count = 0;
  std::string text;
  std::string site_name;
};
std::optional<ExtractedText> find_extracted_article(pg::Connection& conn, std::string_view url_part);

}  // namespace newsd::storage
