#include "pipeline/politeness_state.h"

#include "pipeline/pipeline_impl.h"
#include "storage/hosts.h"
#include "storage/sources.h"

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

asio::awaitable<void> Pipeline::Impl::restore_state() {
  if (restored) co_return;
  struct Saved {
    std::vector<politeness::HostState> hosts;
    std::vector<politeness::RobotsRecord> robots;
    std::vector<storage::Source> schedule;
  };
  auto load_saved_state = [this] {
    return db.run("load the politeness state and the schedule", [](pg::Connection& conn) {
      return Saved{storage::load_host_states(conn), storage::load_robots_records(conn),
                   storage::load_schedule(conn)};
    });
  };
  auto saved = co_await on_storage(std::move(load_saved_state));
  restore_politeness(gate, robots, std::move(saved.hosts), saved.robots);
  for (const auto& source : saved.schedule) {
    if (source.last_polled_at) fetcher.throttle().restore(source.id, *source.last_polled_at);
  }
  restored = true;
}

asio::awaitable<void> Pipeline::Impl::save_host_states() {
  auto dirty = gate.take_dirty();
  if (dirty.empty()) co_return;
  try {
    auto save_dirty_hosts = [this, &dirty] {
      db.run("save the hosts' politeness state", [&](pg::Connection& conn) {
        storage::save_host_states(conn, dirty);
        return true;
      });
      return true;
    };
    co_await on_storage(std::move(save_dirty_hosts));
  } catch (const std::exception& e) {
    options.logger.error("could not save the hosts' politeness state: {}", e.what());
  }
}

// robots.txt answers the fetcher got since the last call, into hosts.
asio::awaitable<void> Pipeline::Impl::save_robots_records() {
  auto records = fetcher.take_robots_records();
  if (records.empty()) co_return;
  try {
    auto save_robots = [this, &records] {
      return db.run("save robots.txt", [&](pg::Connection& conn) {
        for (const auto& record : records) storage::save_robots_record(conn, record);
        return true;
      });
    };
    co_await on_storage(std::move(save_robots));
  } catch (const std::exception& e) {
    options.logger.error("could not save robots.txt of {}: {}", records.front().host, e.what());
  }
}

}  // namespace newsd::pipeline
