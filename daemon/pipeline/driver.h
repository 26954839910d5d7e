#pragma once
// Runs the pipeline on an io_context of its own, for the commands that need
// it (`newsd once`, `newsd run`, `newsd demo`) without showing them Asio.
#include "pipeline/pipeline.h"
#include "storage/database.h"

namespace newsd::pipeline {

// One pass: every due source polled once, articles followed, pending
// articles retried. Returns what it did.
PassSummary run_once_blocking(storage::Database& db, PipelineOptions options);

// The daemon: runs until SIGTERM or SIGINT, then drains the polls in flight
// and returns. Tells systemd READY=1 / STOPPING=1 and sends WATCHDOG=1 when
// the unit has WatchdogSec=.
void run_daemon(storage::Database& db, PipelineOptions options);

}  // namespace newsd::pipeline
