// A graceful stop or a SIGHUP reload drains the polls in flight (issue 15):
// requests only waiting for a host's turn are not started (their sources stay
// due), and /healthz keeps counting the scheduler alive while it drains.
// In-process: the pipeline runs on an io_context thread of the test, the demo
// server answers slowly, and the test watches observable state (the server's
// request log, the metrics registry), never the clock, to decide when to act.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "metrics/health.h"
#include "metrics/names.h"
#include "metrics/registry.h"
#include "pipeline/pipeline.h"
#include "pipeline_support.h"
#include "politeness/host_key.h"

namespace newsd::test {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Polls `condition` until it holds or the generous limit passes.
template <typename Condition>
bool eventually(Condition condition, std::chrono::seconds limit = 120s) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

// A Pipeline on its own io_context thread, stopped (as a signal handler
// would, on that thread) when the test says so.
class PipelineThread {
 public:
  PipelineThread(PipelineWorld& world, pipeline::PipelineOptions options, bool daemon)
      : pipeline_(io_, world.database(), std::move(options)) {
    if (daemon) {
      asio::co_spawn(io_, pipeline_.run_forever({}), [this](const std::exception_ptr&) { done_ = true; });
    } else {
      asio::co_spawn(io_, pipeline_.run_once(),
                     [this](const std::exception_ptr&, pipeline::PassSummary summary) {
                       summary_ = std::move(summary);
                       done_ = true;
                     });
    }
    thread_ = std::thread([this] { io_.run(); });
  }
  ~PipelineThread() {
    stop();
    thread_.join();
  }
  PipelineThread(const PipelineThread&) = delete;
  PipelineThread& operator=(const PipelineThread&) = delete;

  void stop() {
    asio::post(io_, [this] { pipeline_.stop(); });
  }
  [[nodiscard]] bool done() const { return done_; }
  // Once done().
  [[nodiscard]] const pipeline::PassSummary& summary() const { return summary_; }

 private:
  asio::io_context io_;
  pipeline::Pipeline pipeline_;
  std::atomic<bool> done_ = false;
  pipeline::PassSummary summary_;
  std::thread thread_;
};

TEST(GracefulStop, RequestsWaitingForTheirHostsTurnAreNotStartedAndTheirSourcesStayDue) {
  PipelineWorld world("drain_gate");
  auto options = world.options();
  // All four demo sources share one host; a gap of ten minutes keeps every
  // poll but the first waiting at the gate.
  auto host = politeness::host_key(world.server().base_url() + "/");
  ASSERT_TRUE(host);
  options.gate.overrides[*host] = {4, std::chrono::minutes(10)};
  world.server().delay_answers(500ms);
  PipelineThread run(world, options, false);

  ASSERT_TRUE(eventually([&] { return !world.server().request_log().empty(); }));
  run.stop();
  auto requests_at_stop = world.server().request_log().size();
  // Without the fix this pass would take half an hour of gaps.
  ASSERT_TRUE(eventually([&] { return run.done(); }, 60s)) << "the stop waited for the host's gaps";

  EXPECT_EQ(world.server().request_log().size(), requests_at_stop) << "a request started after the stop";
  EXPECT_EQ(run.summary().sources_polled, 1);
  // The others were never asked: still due, no error, no backoff.
  EXPECT_EQ(world.count("select count(*) from sources where last_polled_at is null and next_poll_at <= now() "
                        "and consecutive_errors = 0"),
            3);
  EXPECT_EQ(world.count("select count(*) from fetch_log"), 1);
}

TEST(GracefulStop, HealthStaysOkWhileTheDaemonDrainsForAReload) {
  PipelineWorld world("drain_health", {"/harbour/"});
  auto options = world.options();
  auto registry = std::make_shared<metrics::Registry>();
  metrics::describe_newsd_metrics(*registry);
  options.metrics = registry;
  // The feed is answered after a while: the poll is in flight when the stop comes.
  world.server().delay_answers(2s);
  // Due in a moment rather than overdue, so the start-up window (a minute at
  // least) does not spread it.
  world.conn().exec("make the source due soon",
                    "update sources set next_poll_at = now() + interval '1 second'");
  PipelineThread daemon(world, options, true);

  ASSERT_TRUE(eventually([&] { return !world.server().request_log().empty(); }));
  daemon.stop();  // what SIGHUP does before the reload
  ASSERT_TRUE(eventually([&] { return registry->value(metrics::kDrainingSince).value_or(0) > 0; }));
  auto last_turn = registry->value(metrics::kLastTurn);
  ASSERT_TRUE(last_turn);

  // However long the drain takes (the clock is the test's), the scheduler
  // counts as alive: its loop does not turn while it waits for the polls.
  metrics::HealthLimits limits;
  auto turned_at =
      std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(*last_turn)));
  auto later = turned_at + limits.max_turn_age + 5min;
  auto report = metrics::assess_health(*registry, "", later, limits);
  EXPECT_TRUE(report.healthy) << report.json;

  ASSERT_TRUE(eventually([&] { return daemon.done(); }, 60s));
  // The poll in flight was finished, not dropped.
  EXPECT_EQ(world.count("select count(*) from sources where last_status = 200"), 1);
}

}  // namespace
}  // namespace newsd::test
