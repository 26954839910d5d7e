#pragma once
// The politeness state that outlives a process: what the `hosts` table gave
// back (storage/hosts.h) put into a fresh HostGate and RobotsCache, and what
// changed saved again. restore_politeness is the one function the daemon and
// the tests use, so the tests restore exactly what production restores.
#include <boost/asio/awaitable.hpp>

#include <span>
#include <vector>

#include "politeness/host_gate.h"
#include "politeness/host_policy.h"
#include "politeness/robots_cache.h"

namespace newsd::pipeline {

struct PipelineContext;

// Puts the saved host timing and robots.txt copies into `gate` and `robots`,
// and the robots.txt Crawl-delay into the gate. The gate's dirty set is left
// alone: a fetch may run while the state is loading (polls start
// concurrently), and dropping the whole set would lose that fetch's change;
// a restored host marked dirty only costs one redundant save.
void restore_politeness(politeness::HostGate& gate, politeness::RobotsCache& robots,
                        std::vector<politeness::HostState> hosts,
                        std::span<const politeness::RobotsRecord> records);

// The pipeline's side: the context's gate, robots.txt cache and source
// throttle loaded from the database once, and their changes written back.
class PolitenessState {
 public:
  explicit PolitenessState(PipelineContext& context) : context_(context) {}

  // The hosts' timing, robots.txt copies and the sources' last polls, the
  // first time only; every poll awaits it, so none fetches before it is done.
  boost::asio::awaitable<void> restore();
  // The hosts whose state changed since the last call (errors are logged).
  boost::asio::awaitable<void> save_hosts();
  // The robots.txt answers the fetcher got since the last call (errors are logged).
  boost::asio::awaitable<void> save_robots();

 private:
  PipelineContext& context_;
  bool restored_ = false;
};

}  // namespace newsd::pipeline
