#include "pipeline/driver.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <exception>
#include <optional>

#include "pipeline/service_notify.h"

namespace newsd::pipeline {

namespace asio = boost::asio;

PassSummary run_once_blocking(storage::Database& db, PipelineOptions options) {
  asio::io_context io;
  std::optional<PassSummary> summary;
  std::exception_ptr failure;
  {
    Pipeline pipeline(io, db, std::move(options));
    asio::co_spawn(io, pipeline.run_once(), [&](const std::exception_ptr& error, PassSummary result) {
      if (error) {
        failure = error;
      } else {
        summary = std::move(result);
      }
    });
    io.run();
  }
  if (failure) std::rethrow_exception(failure);
  return summary.value_or(PassSummary{});
}

namespace {

asio::awaitable<void> watchdog_loop(std::chrono::microseconds period, const bool* stopped) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (!*stopped) {
    notify_watchdog();
    timer.expires_after(period);
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
  }
}

}  // namespace

void run_daemon(storage::Database& db, PipelineOptions options) {
  asio::io_context io;
  Logger logger = options.logger;
  Pipeline pipeline(io, db, std::move(options));
  bool stopped = false;
  std::exception_ptr failure;

  asio::signal_set signals(io, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error) return;
    logger.info("received {}: finishing the polls in flight", signal == SIGTERM ? "SIGTERM" : "SIGINT");
    notify_stopping();
    pipeline.stop();
  });
  auto on_ready = [&logger] {
    notify_ready();
    notify_status("polling sources");
    logger.info("newsd is running");
  };
  asio::co_spawn(io, pipeline.run_forever(on_ready), [&](const std::exception_ptr& error) {
    failure = error;
    stopped = true;
    signals.cancel();
  });
  if (auto period = watchdog_period()) {
    asio::co_spawn(io, watchdog_loop(*period, &stopped), [](const std::exception_ptr&) {});
  }
  // The watchdog loop ends within one period after `stopped`; stop() the
  // context instead of waiting for it.
  while (!stopped && io.run_one() > 0) {
  }
  io.stop();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace newsd::pipeline
