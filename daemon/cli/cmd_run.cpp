// newsd run: the daemon. Applies pending migrations, then polls sources as
// they fall due until SIGTERM or SIGINT, drains the work in flight, exits 0.
#include <fmt/core.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "pipeline/driver.h"
#include "pipeline/session.h"

namespace newsd::cli {

int cmd_run(std::span<const std::string_view> args) {
  Args parsed(args, options::kRun);
  if (!parsed.positional().empty()) throw UsageError("run takes no positional arguments");
  Logger logger(parsed.flag("debug") ? LogLevel::debug : LogLevel::info, stderr, log_style_option(parsed));
  auto session = pipeline::open_pipeline_session(parsed.value("db"), parsed.value("config"), logger);
  logger.info("database: {}", session.origin);
  pipeline::run_daemon(*session.database, session.options);
  logger.info("stopped");
  return kExitOk;
}

}  // namespace newsd::cli
