#pragma once
// The pipeline options a configuration file asks for: the one place that
// maps config::Config onto PipelineOptions (defaults for what it leaves out).
#include "config/config.h"
#include "core/log.h"
#include "pipeline/pipeline.h"

namespace newsd::app {

pipeline::PipelineOptions options_from_config(const config::Config& config, Logger logger);

}  // namespace newsd::app
