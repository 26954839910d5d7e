#pragma once
// The names of newsd's own metrics, declared in one place so the pipeline,
// the health check and docs/operations.md ("Metrics") agree.
#include <string_view>

#include "metrics/registry.h"

namespace newsd::metrics {

// Counters.
inline constexpr std::string_view kFetches = "newsd_fetches_total";                  // kind, status
inline constexpr std::string_view kFetchBytes = "newsd_fetch_received_bytes_total";  // kind
inline constexpr std::string_view kParseFailures = "newsd_feed_parse_failures_total";
inline constexpr std::string_view kExtractionFailures = "newsd_article_extraction_failures_total";
inline constexpr std::string_view kItemsStored = "newsd_items_stored_total";        // change
inline constexpr std::string_view kArticlesStored = "newsd_articles_stored_total";  // outcome
inline constexpr std::string_view kPolls = "newsd_polls_total";                     // result
// Histograms.
inline constexpr std::string_view kFetchDuration = "newsd_fetch_duration_seconds";  // kind
inline constexpr std::string_view kStorageDuration = "newsd_storage_call_duration_seconds";
// Gauges.
inline constexpr std::string_view kPendingArticles = "newsd_articles_pending";
inline constexpr std::string_view kHostsInBackoff = "newsd_hosts_in_backoff";
inline constexpr std::string_view kPollsInFlight = "newsd_polls_in_flight";
inline constexpr std::string_view kLastTurn = "newsd_scheduler_last_turn_timestamp_seconds";
// When the scheduler began draining its polls in flight (a SIGHUP reload or a
// stop); 0 while it is not draining.
inline constexpr std::string_view kDrainingSince = "newsd_scheduler_draining_since_timestamp_seconds";
inline constexpr std::string_view kLastSuccessfulPoll = "newsd_last_successful_poll_timestamp_seconds";

// Declares every family above and the process_* ones.
void describe_newsd_metrics(Registry& registry);

// The status label of a fetch: "304" on its own (a conditional GET that saved
// the body), else "2xx" ... "5xx", and "error" when no response arrived.
std::string_view status_class(int status);

}  // namespace newsd::metrics
