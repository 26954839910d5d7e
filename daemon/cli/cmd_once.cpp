// newsd once: poll every due source once, follow the new items' articles,
// print what happened, exit. SIGTERM/SIGINT (cron's timeout, Ctrl-C) end the
// pass early: the work in flight finishes, the rest stays queued in the
// database, the summary is printed, the embedded cluster is stopped, and the
// exit status is 128 + the signal (the pass is incomplete; nothing is lost).
#include <fmt/core.h>

#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/signal_latch.h"
#include "pipeline/driver.h"
#include "pipeline/session.h"

namespace newsd::cli {

int cmd_once(std::span<const std::string_view> args) {
  Args parsed(args, {"db", "config"}, {"quiet"});
  if (!parsed.positional().empty()) throw UsageError("once takes no positional arguments");
  Logger logger(parsed.flag("quiet") ? LogLevel::error : LogLevel::warn, stderr);
  // From here on a signal must not kill the process: the session may start
  // the embedded cluster, which only its destructor stops.
  SignalLatch latch;
  auto session = pipeline::open_pipeline_session(parsed.value("db"), parsed.value("config"), logger);
  if (int signal = SignalLatch::caught()) {
    fmt::print(stderr, "newsd once: interrupted by signal {} before the pass started; nothing was polled\n",
               signal);
    return exit_status_for_signal(signal);
  }
  auto summary = pipeline::run_once_blocking(*session.database, session.options, /*stop_on_signals=*/true);
  latch.rearm();  // the pass's signal set is gone: catch what comes while the summary prints
  fmt::print("{}", pipeline::format_summary(summary));
  std::fflush(stdout);
  if (summary.interrupted_by != 0) return exit_status_for_signal(summary.interrupted_by);
  return kExitOk;
}

}  // namespace newsd::cli
