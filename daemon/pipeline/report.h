#pragma once
// What a pass reports: the fetch_log row of each HTTP exchange and the pass
// summary (PassSummary::add, format_summary, declared in pipeline.h).
#include "politeness/polite_fetcher.h"
#include "storage/fetch_log.h"

namespace newsd::pipeline {

// The fetch_log row of one attempt: a status of 0 (no response) and an empty
// error are stored as NULL. This mapping is the one place where the two
// layers meet: politeness/ must not know storage's row types and storage/
// must not know the fetcher's, so the pipeline, which depends on both,
// translates (the enum and NULL rules differ, not only the field names).
storage::FetchRecord fetch_record(const politeness::FetchAttempt& attempt);

}  // namespace newsd::pipeline
