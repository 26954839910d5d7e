#include "app/driver.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <exception>
#include <memory>
#include <optional>

#include "app/service_notify.h"

namespace newsd::app {

// The pipeline is what this plumbing runs.
using namespace newsd::pipeline;

namespace asio = boost::asio;

namespace {

std::string_view signal_name(int signal) {
  switch (signal) {
    case SIGTERM:
      return "SIGTERM";
    case SIGINT:
      return "SIGINT";
    case SIGHUP:
      return "SIGHUP";
    default:
      return "a signal";
  }
}

}  // namespace

PassSummary run_once_blocking(storage::Database& db, PipelineOptions options, bool stop_on_signals) {
  asio::io_context io;
  std::optional<PassSummary> summary;
  std::exception_ptr failure;
  int interrupted_by = 0;
  {
    Logger logger = options.logger;
    Pipeline pipeline(io, db, std::move(options));
    // Registered before the pass starts, and for its whole length: a signal
    // never takes the default action (death, embedded cluster left running).
    std::optional<asio::signal_set> signals;
    if (stop_on_signals) {
      signals.emplace(io, SIGTERM, SIGINT);
      signals->async_wait([&](const boost::system::error_code& error, int signal) {
        if (error) return;
        interrupted_by = signal;
        logger.warn("received {}: finishing the work in flight; the rest stays queued for the next pass",
                    signal_name(signal));
        pipeline.stop();
        // Further signals are caught by the set (and ignored) until the pass ends.
      });
    }
    asio::co_spawn(io, pipeline.run_once(), [&](const std::exception_ptr& error, PassSummary result) {
      if (error) {
        failure = error;
      } else {
        summary = std::move(result);
      }
      if (signals) signals->cancel();
    });
    io.run();
  }
  if (failure) std::rethrow_exception(failure);
  PassSummary out = summary.value_or(PassSummary{});
  out.interrupted_by = interrupted_by;
  return out;
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

void run_daemon(storage::Database& db, PipelineOptions options, const Reload& reload) {
  asio::io_context io;
  Logger logger = options.logger;
  std::unique_ptr<Pipeline> pipeline;
  bool running = false;         // the current pipeline's run_forever has not returned
  bool stop_requested = false;  // SIGTERM/SIGINT: leave once it returns
  bool reload_requested = false;
  bool stopped = false;  // for the watchdog loop
  std::exception_ptr failure;

  auto on_ready = [&logger] {
    notify_ready();
    notify_status("polling sources");
    logger.info("newsd is running");
  };
  auto start = [&](PipelineOptions with) {
    pipeline = std::make_unique<Pipeline>(io, db, std::move(with));
    running = true;
    asio::co_spawn(io, pipeline->run_forever(on_ready), [&](const std::exception_ptr& error) {
      failure = error;
      running = false;
    });
  };

  asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
  std::function<void()> wait_for_signal = [&] {
    signals.async_wait([&](const boost::system::error_code& error, int signal) {
      if (error) return;
      if (signal == SIGHUP) {
        if (!stop_requested && !reload_requested) {
          logger.info("received SIGHUP: finishing the polls in flight, then reloading the configuration");
          notify_reloading();
          reload_requested = true;
          pipeline->stop();
        }
      } else if (!stop_requested) {
        logger.info("received {}: finishing the polls in flight", signal_name(signal));
        notify_stopping();
        stop_requested = true;
        pipeline->stop();
      }
      wait_for_signal();
    });
  };
  wait_for_signal();
  start(std::move(options));
  if (auto period = watchdog_period()) {
    asio::co_spawn(io, watchdog_loop(*period, &stopped), [](const std::exception_ptr&) {});
  }

  for (;;) {
    while (running && io.run_one() > 0) {
    }
    if (failure || stop_requested || !reload_requested) break;
    // Every poll of the old pipeline has finished and its state is saved:
    // it has no operation left on `io`, so it can go.
    reload_requested = false;
    std::optional<PipelineOptions> next;
    if (reload) {
      try {
        next = reload();
        logger = next->logger;
        logger.info("configuration reloaded");
      } catch (const std::exception& e) {
        logger.error("reload failed, going on with the previous configuration: {}", e.what());
      }
    }
    if (!next) next = pipeline->options();
    pipeline.reset();
    start(std::move(*next));
  }
  stopped = true;
  signals.cancel();
  // The watchdog loop ends within one period after `stopped`; stop() the
  // context instead of waiting for it.
  io.stop();
  pipeline.reset();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace newsd::app
