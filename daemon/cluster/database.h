#pragma once
// Which database newsd uses, decided in one place for every command:
//   1. --db URL                    (command line)
//   2. $NEWSD_DB                   (environment)
//   3. [database] url              (configuration file)
//   4. the embedded cluster in the state directory (started on demand)
// After this choice, the embedded cluster and an external server take the
// same code path: everything else only sees a libpq URL.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cluster/embedded_cluster.h"
#include "config/config.h"
#include "core/log.h"

namespace newsd::cluster {

struct DatabaseTarget {
  std::string url;
  // Where the URL came from, for messages: "--db", "NEWSD_DB", "FILE [database] url",
  // "embedded cluster in DIR".
  std::string origin;
  // Set for the embedded cluster: keep it alive while the database is used.
  std::unique_ptr<EmbeddedCluster> cluster;
};

// The state directory: the configuration's state_dir, else default_state_dir().
std::filesystem::path state_dir_for(const config::Config& config, const config::Getenv& getenv);

// Resolves the database as above; starts (or joins) the embedded cluster when
// nothing names a database.
DatabaseTarget resolve_database(const std::optional<std::string>& db_flag, const config::Config& config,
                                const config::Getenv& getenv, const Logger& logger);

// For subcommands: loads the configuration (--config FILE or the default
// locations), then resolve_database with --db.
DatabaseTarget open_database(const std::optional<std::string>& db_flag,
                             const std::optional<std::string>& config_flag, const Logger& logger);

}  // namespace newsd::cluster
