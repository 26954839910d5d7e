#pragma once
// A set of coroutines spawned on one executor that a parent can wait for:
// "wait until fewer than N are running" bounds concurrency, "wait until none
// are" drains. Single-threaded (one io_context thread), no polling: each
// finishing task wakes the waiter through a timer's cancel. A task that
// throws is reported to the group's failure handler with the task's name,
// never dropped silently.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <string_view>

namespace newsd::pipeline {

class TaskGroup {
 public:
  // Called with the task's name and its exception when a task throws.
  using FailureHandler = std::function<void(std::string_view task, const std::exception_ptr& error)>;

  TaskGroup(const boost::asio::any_io_executor& executor, FailureHandler on_failure)
      : executor_(executor),
        wake_(executor, boost::asio::steady_timer::time_point::max()),
        on_failure_(std::move(on_failure)) {}
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;
  // The tasks hold `this`: wait_below(1) before the group goes away.
  ~TaskGroup() = default;

  // Starts `task`, named `name` for the failure report. Tasks report their
  // own expected failures; one that throws anyway (a bug) is passed to the
  // failure handler and counted finished all the same.
  void spawn(std::string name, boost::asio::awaitable<void> task) {
    ++active_;
    boost::asio::co_spawn(executor_, std::move(task),
                          [this, name = std::move(name)](const std::exception_ptr& error) {
                            --active_;
                            if (error) {
                              ++failed_;
                              if (on_failure_) on_failure_(name, error);
                            }
                            wake_.cancel();
                          });
  }

  // Returns once fewer than `limit` tasks run (limit 1: all finished).
  boost::asio::awaitable<void> wait_below(std::size_t limit) {
    while (active_ >= limit) {
      wake_.expires_at(boost::asio::steady_timer::time_point::max());
      co_await wake_.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    }
  }

  [[nodiscard]] std::size_t active() const { return active_; }
  // Tasks that ended with an exception so far.
  [[nodiscard]] std::size_t failed() const { return failed_; }

  // What an exception_ptr holds, for a log line.
  static std::string describe(const std::exception_ptr& error) {
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      return e.what();
    } catch (...) {
      return "an exception not derived from std::exception";
    }
  }

 private:
  boost::asio::any_io_executor executor_;
  boost::asio::steady_timer wake_;
  FailureHandler on_failure_;
  std::size_t active_ = 0;
  std::size_t failed_ = 0;
};

}  // namespace newsd::pipeline
