#include "pipeline/report.h"

#include <fmt/core.h>

#include "pipeline/pipeline.h"

namespace newsd::pipeline {

namespace {

// The fetch_log kind of a request.
storage::FetchKind fetch_kind(http::RequestKind kind) {
  switch (kind) {
    case http::RequestKind::feed:
      return storage::FetchKind::feed;
    case http::RequestKind::robots:
      return storage::FetchKind::robots;
    case http::RequestKind::article:
      break;
  }
  return storage::FetchKind::article;
}

}  // namespace

storage::FetchRecord fetch_record(const politeness::FetchAttempt& attempt) {
  storage::FetchRecord record;
  record.at = attempt.started_at;
  record.url = attempt.url;
  record.host = attempt.host;
  record.kind = fetch_kind(attempt.kind);
  record.source_id = attempt.source_id;
  if (attempt.status != 0) record.status = attempt.status;
  record.bytes = static_cast<std::int64_t>(attempt.bytes);
  record.duration_ms = static_cast<int>(attempt.duration.count());
  if (!attempt.error.empty()) record.error = attempt.error;
  return record;
}

void PassSummary::add(const SourceReport& report) {
  if (report.polled) ++sources_polled;
  if (report.status == 304) ++not_modified;
  items_new += report.items_new;
  items_changed += report.items_changed;
  items_unchanged += report.items_unchanged;
  articles_extracted += report.articles_extracted;
  articles_failed += report.articles_failed;
  articles_skipped += report.articles_skipped;
  articles_deferred += report.articles_deferred;
  sources.push_back(report);
}

std::string format_summary(const PassSummary& summary) {
  std::string out;
  out += fmt::format("sources polled: {} ({} not modified)\n", summary.sources_polled, summary.not_modified);
  out += fmt::format("items: {} new, {} changed, {} unchanged\n", summary.items_new, summary.items_changed,
                     summary.items_unchanged);
  out += fmt::format("articles: {} extracted, {} failed, {} skipped, {} waiting for a retry\n",
                     summary.articles_extracted, summary.articles_failed, summary.articles_skipped,
                     summary.articles_deferred);
  if (summary.interrupted_by != 0) {
    out += fmt::format(
        "interrupted by signal {}: the pass stopped early; unpolled sources and unfetched articles stay "
        "queued for the next pass\n",
        summary.interrupted_by);
  }
  int errors = 0;
  for (const auto& source : summary.sources) errors += source.error.empty() ? 0 : 1;
  out += fmt::format("errors: {}\n", errors);
  for (const auto& source : summary.sources) {
    if (source.error.empty()) continue;
    out += fmt::format("  source {} {}: {}{}\n", source.source_id, source.url, source.error,
                       source.disabled ? " (source disabled after failing for a week)" : "");
  }
  for (const auto& source : summary.sources) {
    if (!source.note.empty())
      out += fmt::format("  note: source {} {}: {}\n", source.source_id, source.url, source.note);
  }
  return out;
}

}  // namespace newsd::pipeline
