// newsd once: poll every due source once, follow the new items' articles,
// print what happened, exit. newsd run: the daemon (until SIGTERM/SIGINT).
#include <fmt/core.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "pipeline/driver.h"
#include "pipeline/session.h"

namespace newsd::cli {

int cmd_once(std::span<const std::string_view> args) {
  Args parsed(args, {"db", "config"}, {"quiet"});
  if (!parsed.positional().empty()) throw UsageError("once takes no positional arguments");
  Logger logger(parsed.flag("quiet") ? LogLevel::error : LogLevel::warn, stderr);
  auto session = pipeline::open_pipeline_session(parsed.value("db"), parsed.value("config"), logger);
  auto summary = pipeline::run_once_blocking(*session.database, session.options);
  fmt::print("{}", pipeline::format_summary(summary));
  return kExitOk;
}

}  // namespace newsd::cli
