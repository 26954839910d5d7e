#include "metrics/names.h"

#include <string>

namespace newsd::metrics {

void describe_newsd_metrics(Registry& registry) {
  auto name = [](std::string_view text) { return std::string(text); };
  registry.describe(
      name(kFetches), Type::counter,
      "HTTP fetches by kind (feed, article, robots) and status class (2xx, 3xx, 304, 4xx, 5xx, error); "
      "one per fetch_log row.");
  registry.describe(name(kFetchBytes), Type::counter, "Response body bytes received, by fetch kind.");
  registry.describe(name(kFetchDuration), Type::histogram, "Duration of HTTP fetches in seconds, by kind.",
                    fetch_duration_buckets());
  registry.describe(name(kParseFailures), Type::counter, "Feed responses that did not parse as a feed.");
  registry.describe(name(kExtractionFailures), Type::counter,
                    "Article pages from which no article text could be extracted.");
  registry.describe(name(kItemsStored), Type::counter, "Feed items stored, by change (new, changed).");
  registry.describe(name(kArticlesStored), Type::counter,
                    "Articles given a final state, by outcome (extracted, failed, skipped).");
  registry.describe(name(kPolls), Type::counter,
                    "Source polls finished, by result (ok, error, rate_limited).");
  registry.describe(
      name(kStorageDuration), Type::histogram,
      "Duration in seconds of the pipeline's database calls (each a query or transaction, with retries).",
      storage_duration_buckets());
  registry.describe(name(kPendingArticles), Type::gauge,
                    "Articles waiting to be fetched (the queue), as last counted by the daemon.");
  registry.describe(name(kHostsInBackoff), Type::gauge,
                    "Hosts whose requests are paused after failures or 429/503.");
  registry.describe(name(kPollsInFlight), Type::gauge, "Source polls under way.");
  registry.describe(name(kLastTurn), Type::gauge, "When the scheduler loop last turned (Unix time).");
  registry.describe(name(kDrainingSince), Type::gauge,
                    "When the scheduler began draining its polls for a reload or a stop (Unix time); 0 when "
                    "not draining.");
  registry.describe(name(kLastSuccessfulPoll), Type::gauge,
                    "When a source poll last finished without error (Unix time).");
  describe_process_metrics(registry);
}

std::string_view status_class(int status) {
  if (status == 304) return "304";
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 300 && status < 400) return "3xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500 && status < 600) return "5xx";
  return "error";
}

}  // namespace newsd::metrics
