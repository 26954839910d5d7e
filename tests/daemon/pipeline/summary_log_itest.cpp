// The daemon's log at info: one `msg=polls` summary per period that adds up
// to what was stored, and never a line per item.
#include <gtest/gtest.h>
#include <unistd.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline_support.h"
#include "politeness/host_key.h"
#include "storage/database.h"

namespace newsd::test {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The sum of `key=N` over the `msg=polls` lines of `log`.
long long sum_over_polls(const std::string& log, const std::string& key) {
  long long sum = 0;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("level=info msg=polls ") == std::string::npos) continue;
    auto at = line.find(" " + key + "=");
    if (at != std::string::npos) sum += std::stoll(line.substr(at + key.size() + 2));
  }
  return sum;
}

TEST(DaemonLog, InfoSummaryPerPeriodNeverALinePerItem) {
  PipelineWorld world("pipeline_summary_log");
  const auto log_path =
      std::filesystem::temp_directory_path() / ("newsd-summary-" + std::to_string(getpid()) + ".log");
  std::FILE* sink = std::fopen(log_path.c_str(), "w");
  ASSERT_NE(sink, nullptr);

  pipeline::PipelineOptions options;
  options.logger = Logger(LogLevel::info, sink, LogStyle{});
  options.client.logger = Logger(LogLevel::error);
  options.client.allow_list = {"127.0.0.1"};
  options.timeouts.total = std::chrono::seconds(10);
  if (auto host = politeness::host_key(world.server().base_url() + "/")) {
    options.gate.overrides[*host] = {4, std::chrono::milliseconds(0)};
  }
  options.summary_every = std::chrono::seconds(1);
  // Start-up spreads the overdue sources over a minute; the test makes them due
  // again right after, and the schedule is re-read every second to see that.
  options.reload_every = std::chrono::seconds(1);
  storage::Database database(world.url());

  boost::asio::io_context io;
  bool finished = false;
  {
    pipeline::Pipeline pipeline(io, database, options);
    boost::asio::co_spawn(io, pipeline.run_forever({}), [&](const std::exception_ptr&) { finished = true; });
    // Until the summaries account for all four sources (generous: a loaded machine is slow).
    bool stop_asked = false;
    bool made_due = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!finished && std::chrono::steady_clock::now() < deadline) {
      io.run_one_for(std::chrono::milliseconds(100));
      if (!made_due && read_text(log_path).find("spread over the start-up window") != std::string::npos) {
        world.conn().exec("due now", "update sources set next_poll_at = now()");
        made_due = true;
      }
      if (!stop_asked && sum_over_polls(read_text(log_path), "sources_polled") >= 4) {
        pipeline.stop();
        stop_asked = true;
      }
    }
    EXPECT_TRUE(stop_asked);
    while (!finished && io.run_one_for(std::chrono::seconds(1)) > 0) {
    }
  }
  std::fclose(sink);
  const std::string log = read_text(log_path);
  std::filesystem::remove(log_path);

  EXPECT_EQ(sum_over_polls(log, "sources_polled"), 4) << log;
  EXPECT_EQ(sum_over_polls(log, "items_new"), world.count("select count(*) from items")) << log;
  EXPECT_EQ(sum_over_polls(log, "articles_extracted"),
            world.count("select count(*) from articles where status = 'extracted'"))
      << log;
  // Nothing per item: no item's link or title appears in the log.
  auto items = world.conn().exec("items", "select link, title from items");
  ASSERT_GT(items.rows(), 0);
  for (int row = 0; row < items.rows(); ++row) {
    EXPECT_EQ(log.find(std::string(items.text(row, 0))), std::string::npos) << log;
    EXPECT_EQ(log.find(std::string(items.text(row, 1))), std::string::npos) << log;
  }
  // And every line is one logfmt record.
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) EXPECT_TRUE(line.starts_with("ts=")) << line;
}

}  // namespace
}  // namespace newsd::test
