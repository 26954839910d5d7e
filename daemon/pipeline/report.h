#pragma once
// What a pass reports: the fetch_log row of each HTTP exchange and the pass
// summary (PassSummary::add, format_summary, declared in pipeline.h).
#include "politeness/polite_fetcher.h"
#include "storage/fetch_log.h"

namespace newsd::pipeline {

// The fetch_log row of one attempt: a status of 0 (no response) and an empty
// error are stored as NULL.
storage::FetchRecord fetch_record(const politeness::FetchAttempt& attempt);

}  // namespace newsd::pipeline
