#include "pipeline/politeness_state.h"

#include "pipeline/context.h"
#include "storage/hosts.h"
#include "storage/sources.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive (as in
// politeness/polite_fetcher.cpp).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

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

boost::asio::awaitable<void> PolitenessState::restore() {
  if (restored_) co_return;
  PipelineContext& context = context_;
  struct Saved {
    std::vector<politeness::HostState> hosts;
    std::vector<politeness::RobotsRecord> robots;
    std::vector<storage::Source> schedule;
  };
  auto load_saved_state = [&context] {
    return context.db.run("load the politeness state and the schedule", [](pg::Connection& conn) {
      return Saved{storage::load_host_states(conn), storage::load_robots_records(conn),
                   storage::load_schedule(conn)};
    });
  };
  auto saved = co_await context.on_storage(std::move(load_saved_state));
  restore_politeness(context.gate, context.robots, std::move(saved.hosts), saved.robots);
  for (const auto& source : saved.schedule) {
    if (source.last_polled_at) context.fetcher.throttle().restore(source.id, *source.last_polled_at);
  }
  restored_ = true;
}

boost::asio::awaitable<void> PolitenessState::save_hosts() {
  PipelineContext& context = context_;
  auto dirty = context.gate.take_dirty();
  if (dirty.empty()) co_return;
  try {
    auto save_dirty_hosts = [&context, &dirty] {
      context.db.run("save the hosts' politeness state", [&](pg::Connection& conn) {
        storage::save_host_states(conn, dirty);
        return true;
      });
      return true;
    };
    co_await context.on_storage(std::move(save_dirty_hosts));
  } catch (const std::exception& e) {
    context.options.logger.error("could not save the hosts' politeness state: {}", e.what());
  }
}

boost::asio::awaitable<void> PolitenessState::save_robots() {
  PipelineContext& context = context_;
  auto records = context.fetcher.take_robots_records();
  if (records.empty()) co_return;
  try {
    auto save_robots_records = [&context, &records] {
      return context.db.run("save robots.txt", [&](pg::Connection& conn) {
        for (const auto& record : records) storage::save_robots_record(conn, record);
        return true;
      });
    };
    co_await context.on_storage(std::move(save_robots_records));
  } catch (const std::exception& e) {
    context.options.logger.error("could not save robots.txt of {}: {}", records.front().host, e.what());
  }
}

}  // namespace newsd::pipeline
