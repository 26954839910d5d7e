// newsd once: poll every due source once, follow the new items' articles,
// print what happened, exit. SIGTERM/SIGINT (cron's timeout, Ctrl-C) end the
// pass early: the work in flight finishes, the rest stays queued in the
// database, the summary is printed, the embedded cluster is stopped, and the
// exit status is 128 + the signal (the pass is incomplete; nothing is lost).
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>

#include <cstdio>

#include "app/driver.h"
#include "app/session.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/signal_latch.h"

namespace newsd::cli {

int cmd_once(std::span<const std::string_view> args) {
  Args parsed(args, options::kOnce);
  if (!parsed.positional().empty()) throw UsageError("once takes no positional arguments");
  const LogLevel level = parsed.flag("debug")   ? LogLevel::debug
                         : parsed.flag("quiet") ? LogLevel::error
                                                : LogLevel::warn;
  Logger logger(level, stderr, log_style_option(parsed));
  // From here on a signal must not kill the process: the session may start
  // the embedded cluster, which only its destructor stops.
  SignalLatch latch;
  auto session = app::open_pipeline_session(parsed.value("db"), parsed.value("config"), logger);
  if (int signal = SignalLatch::caught()) {
    fmt::print(stderr, "newsd once: interrupted by signal {} before the pass started; nothing was polled\n",
               signal);
    return exit_status_for_signal(signal);
  }
  ProgressLine progress(stderr, !parsed.flag("quiet") && progress_wanted(STDERR_FILENO));
  const auto started = std::chrono::steady_clock::now();
  if (progress.enabled()) {
    session.options.on_progress = [&progress, started](const pipeline::PassSummary& so_far) {
      // The last source's update is always drawn, whatever the redraw interval.
      const bool last = so_far.sources.size() == static_cast<std::size_t>(so_far.sources_due);
      progress.show(format_once_progress(so_far, std::chrono::steady_clock::now() - started), last);
    };
  }
  auto summary = app::run_once_blocking(*session.database, session.options, /*stop_on_signals=*/true);
  latch.rearm();  // the pass's signal set is gone: catch what comes while the summary prints
  progress.clear();
  fmt::print("{}", pipeline::format_summary(summary));
  std::fflush(stdout);
  if (summary.interrupted_by != 0) return exit_status_for_signal(summary.interrupted_by);
  return kExitOk;
}

}  // namespace newsd::cli
