#include "app/session.h"

#include "app/options.h"
#include "storage/migrations.h"

namespace newsd::app {

// The pipeline is what this plumbing runs.
using namespace newsd::pipeline;

PipelineSession open_pipeline_session(const std::optional<std::string>& db_flag,
                                      const std::optional<std::string>& config_flag, const Logger& logger) {
  PipelineSession session;
  auto getenv = config::process_environment();
  std::optional<std::filesystem::path> config_file;
  if (config_flag) config_file = *config_flag;
  session.config = config::load_config(config_file, getenv);
  session.target = cluster::resolve_database(db_flag, session.config, getenv, logger);
  session.origin = session.target.origin;
  auto report = storage::migrate_database(session.target.url);
  for (const auto& migration : report.applied) {
    logger.info("applied migration {:04} {}", migration.version, migration.name);
  }
  for (const auto& warning : report.warnings) logger.warn("migrations: {}", warning);
  session.database = std::make_unique<storage::Database>(
      session.target.url, storage::RetryPolicy{},
      [logger](std::string_view message) { logger.warn("database: {}", message); });
  session.options = options_from_config(session.config, logger);
  return session;
}

}  // namespace newsd::app
