#pragma once
// Runs the pipeline on an io_context of its own, for the commands that need
// it (`newsd once`, `newsd run`, `newsd demo`) without showing them Asio.
#include <functional>

#include "pipeline/pipeline.h"
#include "storage/database.h"

namespace newsd::app {

using pipeline::PassSummary;
using pipeline::PipelineOptions;

// One pass: every due source polled once, articles followed, pending
// articles retried. Returns what it did. With `stop_on_signals`, SIGTERM and
// SIGINT end the pass early instead of the process: no new poll or article
// is started, the ones in flight finish, and the summary says which signal
// interrupted it (PassSummary::interrupted_by). Whatever was not done stays
// queued in the database (due sources, pending articles) for the next pass.
PassSummary run_once_blocking(storage::Database& db, PipelineOptions options, bool stop_on_signals = false);

// Called on SIGHUP, between two pipelines: returns the options to go on with
// (the configuration file read again, the OPML file synced) or throws, and
// then the daemon goes on with the options it had (the error is logged).
using Reload = std::function<PipelineOptions()>;

// The daemon: runs until SIGTERM or SIGINT, then drains the polls in flight
// and returns. SIGHUP drains the polls in flight the same way, calls `reload`
// and goes on polling with what it returned: no poll is cut short, no source
// or article is lost (both are queued in the database). Tells systemd
// READY=1 / RELOADING=1 / STOPPING=1 and sends WATCHDOG=1 when the unit has
// WatchdogSec=.
void run_daemon(storage::Database& db, PipelineOptions options, const Reload& reload = {});

}  // namespace newsd::app
