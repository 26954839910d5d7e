// newsd run: the daemon. Applies pending migrations, then polls sources as
// they fall due until SIGTERM or SIGINT, drains the work in flight, exits 0.
// SIGHUP: the polls in flight finish, the configuration file is read again
// and the --opml file (if given) synced as `newsd import` does, then polling
// goes on with the new settings. A configuration that no longer parses is
// logged and the previous one kept.
#include <fmt/core.h>

#include <fstream>
#include <sstream>

#include "app/driver.h"
#include "app/options.h"
#include "app/session.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/signal_latch.h"
#include "feeds/opml.h"
#include "metrics/health.h"
#include "metrics/names.h"
#include "metrics/server.h"
#include "storage/pg.h"
#include "storage/sources.h"

namespace newsd::cli {
namespace {

// `newsd import FILE` without --prune: sources added, updated, re-enabled,
// missing ones disabled; all or nothing. Throws (naming the file) when the
// file cannot be read or parsed, or lists no feed at all.
void sync_opml_file(const std::string& database_url, const std::string& path, const Logger& logger) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot be read; sources unchanged", path));
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto parsed = feeds::parse_opml(bytes.str());
  if (!parsed) {
    throw std::runtime_error(
        fmt::format("{}:{}: {}; sources unchanged", path, parsed.error().line, parsed.error().message));
  }
  const feeds::OpmlDocument& document = *parsed;
  for (const auto& warning : document.warnings) logger.warn("{}:{}: {}", path, warning.line, warning.message);
  if (document.sources.empty())
    throw std::runtime_error(fmt::format("{}: lists no feeds; refusing to disable every source", path));
  pg::Connection conn(database_url);
  auto report = storage::sync_sources(conn, document.sources, {false, path});
  logger.info("{}: {} sources: {} added, {} updated, {} re-enabled, {} unchanged, {} disabled", path,
              document.sources.size(), report.added.size(), report.updated.size(), report.reenabled.size(),
              report.unchanged, report.disabled.size());
}

}  // namespace

int cmd_run(std::span<const std::string_view> args) {
  Args parsed(args, options::kRun);
  if (!parsed.positional().empty()) throw UsageError("run takes no positional arguments");
  Logger logger(parsed.flag("debug") ? LogLevel::debug : LogLevel::info, stderr, log_style_option(parsed));
  // Start-up (embedded cluster, migrations) must not be cut short by a signal
  // either: it is noted and honoured once the session can be closed cleanly.
  SignalLatch latch({SIGTERM, SIGINT, SIGHUP});
  auto session = app::open_pipeline_session(parsed.value("db"), parsed.value("config"), logger);
  logger.info("database: {}", session.origin);
  auto opml = parsed.value("opml");
  if (opml) sync_opml_file(session.target.url, *opml, logger);
  if (int signal = SignalLatch::caught(); signal == SIGTERM || signal == SIGINT) {
    logger.info("received signal {} during start-up: stopped", signal);
    return kExitOk;
  }

  // [metrics] listen: the registry lives as long as the process (reloads
  // keep counting into it); the server answers on a thread of its own.
  std::unique_ptr<metrics::Server> metrics_server;
  if (session.config.metrics.listen) {
    auto registry = std::make_shared<metrics::Registry>();
    metrics::describe_newsd_metrics(*registry);
    session.options.metrics = registry;
    auto health = [registry, url = session.target.url] {
      metrics::HealthLimits limits;
      auto problem = metrics::probe_database(url, limits.database_timeout);
      return metrics::assess_health(*registry, problem, std::chrono::system_clock::now(), limits);
    };
    metrics_server =
        std::make_unique<metrics::Server>(*session.config.metrics.listen, *registry, health, logger);
    logger.info("metrics: serving /metrics and /healthz on http://{}", metrics_server->bound_address());
  }

  auto reload = [&]() {
    auto getenv = config::process_environment();
    std::optional<std::filesystem::path> config_file;
    if (auto flag = parsed.value("config")) config_file = *flag;
    auto config = config::load_config(config_file, getenv);
    if (config.database.url != session.config.database.url || config.state_dir != session.config.state_dir)
      logger.warn("the database settings changed; they take effect at the next restart");
    if (config.metrics.listen != session.config.metrics.listen)
      logger.warn("the [metrics] settings changed; they take effect at the next restart");
    auto options = app::options_from_config(config, logger);
    options.metrics = session.options.metrics;
    if (opml) sync_opml_file(session.target.url, *opml, logger);
    session.config = std::move(config);
    return options;
  };
  app::run_daemon(*session.database, session.options, reload);
  logger.info("stopped");
  return kExitOk;
}

}  // namespace newsd::cli
