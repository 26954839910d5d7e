#pragma once
// What `newsd run`, `once` and `status` share: the configuration, the
// database it names (or the embedded cluster), migrations applied, and the
// pipeline options the configuration asks for.
#include <memory>
#include <optional>
#include <string>

#include "cluster/database.h"
#include "config/config.h"
#include "core/log.h"
#include "pipeline/pipeline.h"
#include "storage/database.h"

namespace newsd::app {

using pipeline::PassSummary;
using pipeline::PipelineOptions;

struct PipelineSession {
  config::Config config;
  cluster::DatabaseTarget target;  // keeps the embedded cluster running
  std::string origin;
  std::unique_ptr<storage::Database> database;
  PipelineOptions options;
};

// Throws (config errors, database unreachable, schema too new) with a message
// the command prints.
PipelineSession open_pipeline_session(const std::optional<std::string>& db_flag,
                                      const std::optional<std::string>& config_flag, const Logger& logger);

}  // namespace newsd::app
