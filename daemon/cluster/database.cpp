#include "cluster/database.h"

#include <fmt/core.h>

namespace newsd::cluster {

std::filesystem::path state_dir_for(const config::Config& config, const config::Getenv& getenv) {
  if (config.state_dir) return *config.state_dir;
  return default_state_dir(getenv);
}

DatabaseTarget resolve_database(const std::optional<std::string>& db_flag, const config::Config& config,
                                const config::Getenv& getenv, const Logger& logger) {
  if (db_flag) {
    if (db_flag->empty()) throw std::invalid_argument("--db needs a connection string or URL");
    return {*db_flag, "--db", nullptr};
  }
  if (auto env = getenv("NEWSD_DB")) return {*env, "NEWSD_DB", nullptr};
  if (config.database.url) {
    return {*config.database.url,
            fmt::format("{} [database] url", config.file ? config.file->string() : "configuration"), nullptr};
  }
  ClusterOptions options;
  options.state_dir = state_dir_for(config, getenv);
  options.logger = logger;
  auto cluster = EmbeddedCluster::open(options);
  std::string url = cluster->url();
  return {url, fmt::format("embedded cluster in {}", options.state_dir.string()), std::move(cluster)};
}

DatabaseTarget open_database(const std::optional<std::string>& db_flag,
                             const std::optional<std::string>& config_flag, const Logger& logger) {
  auto getenv = config::process_environment();
  std::optional<std::filesystem::path> config_file;
  if (config_flag) config_file = *config_flag;
  auto config = config::load_config(config_file, getenv);
  return resolve_database(db_flag, config, getenv, logger);
}

}  // namespace newsd::cluster
