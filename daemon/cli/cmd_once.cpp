// newsd once: poll every due source once, follow the new items' articles,
// print what happened, exit. newsd run: the daemon (until SIGTERM/SIGINT).
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "pipeline/driver.h"
#include "pipeline/session.h"

namespace newsd::cli {

int cmd_once(std::span<const std::string_view> args) {
  Args parsed(args, options::kOnce);
  if (!parsed.positional().empty()) throw UsageError("once takes no positional arguments");
  const LogLevel level = parsed.flag("debug")   ? LogLevel::debug
                         : parsed.flag("quiet") ? LogLevel::error
                                                : LogLevel::warn;
  Logger logger(level, stderr, log_style_option(parsed));
  auto session = pipeline::open_pipeline_session(parsed.value("db"), parsed.value("config"), logger);
  ProgressLine progress(stderr, !parsed.flag("quiet") && progress_wanted(STDERR_FILENO));
  const auto started = std::chrono::steady_clock::now();
  if (progress.enabled()) {
    session.options.on_progress = [&progress, started](const pipeline::PassSummary& so_far) {
      // The last source's update is always drawn, whatever the redraw interval.
      const bool last = so_far.sources.size() == static_cast<std::size_t>(so_far.sources_due);
      progress.show(format_once_progress(so_far, std::chrono::steady_clock::now() - started), last);
    };
  }
  auto summary = pipeline::run_once_blocking(*session.database, session.options);
  progress.clear();
  fmt::print("{}", pipeline::format_summary(summary));
  return kExitOk;
}

}  // namespace newsd::cli
