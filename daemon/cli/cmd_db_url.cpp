// newsd db-url: the connection string of newsd's database, for psql.
// newsd db-stop: stops the embedded cluster db-url left running.
#include <fmt/core.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cluster/database.h"

namespace newsd::cli {

int cmd_db_url(std::span<const std::string_view> args) {
  Args parsed(args, options::kDbUrl);
  if (!parsed.positional().empty()) throw UsageError("db-url takes no positional arguments");
  Logger logger(LogLevel::warn, stderr);
  auto database = cluster::open_database(parsed.value("db"), parsed.value("config"), logger);
  if (database.cluster) {
    // psql needs the server after we exit: leave it running until db-stop.
    database.cluster->keep_running();
    fmt::print(stderr,
               "newsd db-url: the embedded PostgreSQL server keeps running; stop it with 'newsd db-stop'\n");
  }
  fmt::print("{}\n", database.url);
  return kExitOk;
}

int cmd_db_stop(std::span<const std::string_view> args) {
  Args parsed(args, options::kDbStop);
  if (!parsed.positional().empty()) throw UsageError("db-stop takes no positional arguments");
  auto getenv = config::process_environment();
  std::optional<std::filesystem::path> config_file;
  if (auto file = parsed.value("config")) config_file = *file;
  auto config = config::load_config(config_file, getenv);
  cluster::ClusterOptions options;
  options.state_dir = cluster::state_dir_for(config, getenv);
  options.logger = Logger(LogLevel::warn, stderr);
  switch (cluster::stop_embedded_cluster(options)) {
    case cluster::StopOutcome::stopped:
      fmt::print("stopped the embedded PostgreSQL server in {}\n", options.state_dir.string());
      break;
    case cluster::StopOutcome::not_running:
      fmt::print("the embedded PostgreSQL server in {} is not running\n", options.state_dir.string());
      break;
    case cluster::StopOutcome::in_use:
      fmt::print(
          "the embedded PostgreSQL server in {} is in use by a running newsd; it stops when the last one "
          "exits\n",
          options.state_dir.string());
      break;
  }
  return kExitOk;
}

}  // namespace newsd::cli
