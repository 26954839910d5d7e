#include "pipeline/task_group.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace asio = boost::asio;
using newsd::pipeline::TaskGroup;

asio::awaitable<void> succeed(int* done) {
  ++*done;
  co_return;
}

asio::awaitable<void> fail(std::string why) {
  throw std::runtime_error(why);
  co_return;
}

// A task that throws is reported with its name and message, counted
// finished, and does not stop the others or the wait.
TEST(TaskGroup, ATaskThatThrowsIsReportedWithItsNameAndCountedFinished) {
  asio::io_context io;
  std::vector<std::pair<std::string, std::string>> reported;
  int done = 0;
  bool drained = false;
  std::size_t failed = 0;
  auto parent = [&]() -> asio::awaitable<void> {
    TaskGroup group(io.get_executor(), [&](std::string_view task, const std::exception_ptr& error) {
      reported.emplace_back(std::string(task), TaskGroup::describe(error));
    });
    group.spawn("first", succeed(&done));
    group.spawn("poll of source 7", fail("database row is corrupt"));
    group.spawn("third", succeed(&done));
    co_await group.wait_below(1);
    drained = group.active() == 0;
    failed = group.failed();
  };
  asio::co_spawn(io, parent(), asio::detached);
  io.run();
  EXPECT_TRUE(drained);
  EXPECT_EQ(done, 2);
  EXPECT_EQ(failed, 1u);
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].first, "poll of source 7");
  EXPECT_EQ(reported[0].second, "database row is corrupt");
}

TEST(TaskGroup, DescribeNamesAnExceptionNotDerivedFromStdException) {
  EXPECT_EQ(TaskGroup::describe(std::make_exception_ptr(42)), "an exception not derived from std::exception");
}

}  // namespace
