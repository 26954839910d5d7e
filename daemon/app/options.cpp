#include "app/options.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "http/proxy.h"

namespace newsd::app {

pipeline::PipelineOptions options_from_config(const config::Config& config, Logger logger) {
  using std::chrono::duration_cast;
  pipeline::PipelineOptions options;
  options.logger = logger;
  options.client.logger = logger;
  options.client.user_agent = config.http.user_agent;
  options.client.allow_list = config.http.allow_private;
  options.client.proxy = http::ProxySettings::from_environment();
  if (config.http.proxy) {
    options.client.proxy.http_proxy = *config.http.proxy;
    options.client.proxy.https_proxy = *config.http.proxy;
  }
  options.timeouts.connect = config.http.connect_timeout;
  options.timeouts.total = config.http.request_timeout;
  options.timeouts.first_byte = std::min(options.timeouts.first_byte, config.http.request_timeout);
  options.timeouts.idle = std::min(options.timeouts.idle, config.http.request_timeout);
  options.max_feed_bytes = config.http.max_feed_bytes;
  options.max_page_bytes = config.http.max_article_bytes;
  options.max_redirects = config.http.max_redirects;

  options.gate.defaults.max_concurrent = std::max(1, config.politeness.per_host_connections);
  options.gate.defaults.min_gap = config.politeness.host_gap;
  for (const auto& [host, override] : config.politeness.hosts) {
    politeness::HostLimits limits = options.gate.defaults;
    if (override.connections) limits.max_concurrent = std::max(1, *override.connections);
    if (override.gap) limits.min_gap = *override.gap;
    options.gate.overrides[host] = limits;
  }
  options.source_min_interval = duration_cast<std::chrono::seconds>(config.politeness.source_min_interval);
  options.robots_for_feeds = config.politeness.robots_for_feeds;
  options.schedule.min_interval = duration_cast<std::chrono::seconds>(config.scheduler.min_interval);
  options.schedule.max_interval = std::max(
      options.schedule.min_interval, duration_cast<std::chrono::seconds>(config.scheduler.max_interval));
  options.schedule.default_interval = std::clamp(
      options.schedule.default_interval, options.schedule.min_interval, options.schedule.max_interval);
  auto seconds =
      [](const std::optional<std::chrono::milliseconds>& age) -> std::optional<std::chrono::seconds> {
    if (!age) return std::nullopt;
    return duration_cast<std::chrono::seconds>(*age);
  };
  options.retention.items_max_age = seconds(config.retention.items);
  options.retention.articles_max_age = seconds(config.retention.articles);
  options.retention.fetch_log_max_age = seconds(config.retention.fetch_log);
  options.retention.tombstone_max_age = duration_cast<std::chrono::seconds>(config.retention.tombstones);
  options.retention.batch_size = config.retention.batch_size;
  return options;
}

}  // namespace newsd::app
