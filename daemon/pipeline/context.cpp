#include "pipeline/context.h"

#include <string>
#include <utility>

#include "pipeline/report.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive (as in
// politeness/polite_fetcher.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace newsd::pipeline {

PipelineContext::PipelineContext(boost::asio::io_context& io, storage::Database& database,
                                 PipelineOptions opts)
    : db(database),
      options(std::move(opts)),
      client(io, options.client),
      gate(io.get_executor(), options.gate),
      robots(options.robots),
      fetcher(gate, robots, client, fetcher_options(), options.logger),
      items(database),
      articles(database),
      fetch_log(database),
      rng(std::random_device{}()) {}

politeness::PoliteFetcherOptions PipelineContext::fetcher_options() {
  politeness::PoliteFetcherOptions out;
  out.robots_for_feeds = options.robots_for_feeds;
  out.robots_timeouts = options.timeouts;
  out.source_min_interval = options.source_min_interval;
  out.on_attempt = [this](politeness::FetchAttempt attempt) { return log_attempt(std::move(attempt)); };
  return out;
}

// Written before the fetch returns, so a pass that ends leaves every exchange
// it made in fetch_log.
boost::asio::awaitable<void> PipelineContext::log_attempt(politeness::FetchAttempt attempt) {
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

}  // namespace newsd::pipeline
