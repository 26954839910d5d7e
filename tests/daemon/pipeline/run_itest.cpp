// `newsd run`: the daemon polls what is due, and on SIGTERM finishes the
// work in flight and exits 0.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "pipeline_support.h"

namespace newsd::test {
namespace {

TEST(RunCommand, PollsThenStopsCleanlyOnSigterm) {
  PipelineWorld world("pipeline_run_cli");
  auto dir = std::filesystem::temp_directory_path() / ("newsd-run-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto config = dir / "newsd.toml";
  std::ofstream(config) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nper_host_connections = 4\n"
                           "host_gap = \"10ms\"\n";
  auto log = dir / "run.log";

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    FILE* out = std::freopen(log.c_str(), "w", stderr);
    (void)out;
    execl(NEWSD_BINARY, NEWSD_BINARY, "run", "--db", world.url().c_str(), "--config", config.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Start-up spreads overdue sources over a minute, so wait for the first items, not all.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (world.count("select count(*) from items") == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_GT(world.count("select count(*) from items"), 0);
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status)) << text;
  EXPECT_EQ(WEXITSTATUS(status), 0) << text;
  EXPECT_THAT(text, ::testing::HasSubstr("received SIGTERM"));
  EXPECT_THAT(text, ::testing::HasSubstr("stopped"));
  // Whatever was polled was recorded: no source is left half-done.
  EXPECT_EQ(
      world.count("select count(*) from sources where last_polled_at is not null and last_status is null"),
      0);
}

}  // namespace
}  // namespace newsd::test
