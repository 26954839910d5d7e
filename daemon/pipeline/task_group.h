#pragma once
// A set of coroutines spawned on one executor that a parent can wait for:
// "wait until fewer than N are running" bounds concurrency, "wait until none
// are" drains. Single-threaded (one io_context thread), no polling: each
// finishing task wakes the waiter through a timer's cancel.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstddef>
#include <exception>

namespace newsd::pipeline {

class TaskGroup {
 public:
  explicit TaskGroup(const boost::asio::any_io_executor& executor)
      : executor_(executor), wake_(executor, boost::asio::steady_timer::time_point::max()) {}
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;
  // The tasks hold `this`: wait_below(1) before the group goes away.
  ~TaskGroup() = default;

  // Starts `task`. Tasks must not throw (they report their own failures);
  // one that does anyway is counted finished all the same.
  void spawn(boost::asio::awaitable<void> task) {
    ++active_;
    boost::asio::co_spawn(executor_, std::move(task), [this](const std::exception_ptr&) {
      --active_;
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

 private:
  boost::asio::any_io_executor executor_;
  boost::asio::steady_timer wake_;
  std::size_t active_ = 0;
};

}  // namespace newsd::pipeline
