#include "pipeline/politeness_state.h"

namespace newsd::pipeline {

void restore_politeness(politeness::HostGate& gate, politeness::RobotsCache& robots,
                        std::vector<politeness::HostState> hosts,
                        std::span<const politeness::RobotsRecord> records) {
  for (auto& state : hosts) gate.restore(std::move(state));
  for (const auto& record : records) {
    robots.restore(record);
    gate.set_crawl_delay(record.host, robots.crawl_delay(record.host));
  }
}

}  // namespace newsd::pipeline
