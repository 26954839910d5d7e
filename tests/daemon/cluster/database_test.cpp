// Which database a command uses: --db, then NEWSD_DB, then the configuration,
// then the embedded cluster (whose start is covered by the integration tests).
#include "cluster/database.h"

#include <gtest/gtest.h>

#include <map>

namespace {

newsd::config::Getenv env_of(std::map<std::string, std::string> values) {
  return [values](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(ResolveDatabase, FlagThenEnvironmentThenConfiguration) {
  newsd::config::Config config;
  config.file = "/etc/newsd/newsd.toml";
  config.database.url = "postgresql://from-config/db";
  newsd::Logger logger;

  auto from_flag = newsd::cluster::resolve_database(
      "postgresql://from-flag/db", config, env_of({{"NEWSD_DB", "postgresql://from-env/db"}}), logger);
  EXPECT_EQ(from_flag.url, "postgresql://from-flag/db");
  EXPECT_EQ(from_flag.origin, "--db");
  EXPECT_EQ(from_flag.cluster, nullptr);

  auto from_env = newsd::cluster::resolve_database(
      std::nullopt, config, env_of({{"NEWSD_DB", "postgresql://from-env/db"}}), logger);
  EXPECT_EQ(from_env.url, "postgresql://from-env/db");
  EXPECT_EQ(from_env.origin, "NEWSD_DB");

  auto from_config = newsd::cluster::resolve_database(std::nullopt, config, env_of({}), logger);
  EXPECT_EQ(from_config.url, "postgresql://from-config/db");
  EXPECT_EQ(from_config.origin, "/etc/newsd/newsd.toml [database] url");
  EXPECT_EQ(from_config.cluster, nullptr);
}

TEST(StateDir, ConfigurationThenSystemdThenXdgThenHome) {
  newsd::config::Config config;
  EXPECT_EQ(newsd::cluster::state_dir_for(config, env_of({{"HOME", "/home/me"}})),
            "/home/me/.local/state/newsd");
  EXPECT_EQ(newsd::cluster::state_dir_for(config, env_of({{"HOME", "/home/me"}, {"XDG_STATE_HOME", "/xdg"}})),
            "/xdg/newsd");
  EXPECT_EQ(
      newsd::cluster::state_dir_for(
          config, env_of({{"XDG_STATE_HOME", "/xdg"}, {"STATE_DIRECTORY", "/var/lib/newsd:/var/lib/other"}})),
      "/var/lib/newsd");
  // A relative XDG_STATE_HOME is invalid per the XDG spec and ignored.
  EXPECT_EQ(newsd::cluster::state_dir_for(config, env_of({{"HOME", "/h"}, {"XDG_STATE_HOME", "rel"}})),
            "/h/.local/state/newsd");
  config.state_dir = "/srv/newsd";
  EXPECT_EQ(newsd::cluster::state_dir_for(config, env_of({{"STATE_DIRECTORY", "/var/lib/newsd"}})),
            "/srv/newsd");
  EXPECT_THROW(newsd::cluster::state_dir_for(newsd::config::Config{}, env_of({})), std::runtime_error);
}

TEST(EmbeddedClusterUrl, PercentEncodesTheSocketDirectory) {
  EXPECT_EQ(newsd::cluster::embedded_cluster_url("/var/lib/my newsd"),
            "postgresql:///newsd?host=%2Fvar%2Flib%2Fmy%20newsd%2Fpostgres&port=5432&user=newsd");
}

}  // namespace
