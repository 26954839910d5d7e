#pragma once
// The politeness state that outlives a process: what the `hosts` table gave
// back (storage/hosts.h) put into a fresh HostGate and RobotsCache. One
// function for the daemon and the tests, so the tests restore exactly what
// production restores. The pipeline's side of it (Pipeline::Impl's
// restore_state, save_host_states, save_robots_records; pipeline_impl.h) is
// defined in politeness_state.cpp too.
#include <span>
#include <vector>

#include "politeness/host_gate.h"
#include "politeness/host_policy.h"
#include "politeness/robots_cache.h"

namespace newsd::pipeline {

// Puts the saved host timing and robots.txt copies into `gate` and `robots`,
// and the robots.txt Crawl-delay into the gate. The gate's dirty set is left
// alone: a fetch may run while the state is loading (polls start
// concurrently), and dropping the whole set would lose that fetch's change;
// a restored host marked dirty only costs one redundant save.
void restore_politeness(politeness::HostGate& gate, politeness::RobotsCache& robots,
                        std::vector<politeness::HostState> hosts,
                        std::span<const politeness::RobotsRecord> records);

}  // namespace newsd::pipeline
