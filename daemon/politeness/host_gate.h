#pragma once
// HostGate: the one place every request (feed, article page, robots.txt)
// asks for permission to start. Per host: at most N in flight and a minimum
// gap between starts (raised by Crawl-delay), no start during a backoff;
// overall: a cap on connections. Waiting is done on Asio timers, never by
// polling. Single-threaded: use it from one io_context thread (or strand).
//
//   auto permit = co_await gate.acquire(host);   // waits its turn
//   request.on_sent = [&] { permit.mark_sent(); };
//   auto response = co_await client.fetch(...);
//   permit.record(Outcome::from_status(status, retry_after));
//   // permit's destructor frees the slot and applies the outcome
//
// The gap is a floor as the host sees it: measured from when the previous
// request actually went out (mark_sent; the release when it never did) plus
// a margin (send_margin), and no request of a host starts while another one
// allowed before it has not gone out yet, so a slow connection set-up cannot
// bring two requests closer together than the gap.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "politeness/host_policy.h"

namespace newsd::politeness {

class HostGate;

// The right to run one request against a host. Move-only; releasing it (by
// destruction) frees the slot and applies the recorded outcome. A permit
// keeps the gate's state alive, so it may outlive the HostGate object.
class Permit {
 public:
  Permit() = default;
  Permit(Permit&& other) noexcept;
  Permit& operator=(Permit&& other) noexcept;
  Permit(const Permit&) = delete;
  Permit& operator=(const Permit&) = delete;
  ~Permit();

  // What the request did to the host (last call wins). Without one the
  // request counts as abandoned and changes nothing.
  void record(Outcome outcome) { outcome_ = outcome; }
  // The request has been written to its connection (call again for each
  // redirect hop): the host's gap runs from here.
  void mark_sent(TimePoint at = Clock::now());
  // Frees the slot now rather than at destruction.
  void release();

  [[nodiscard]] explicit operator bool() const { return state_ != nullptr; }
  [[nodiscard]] const std::string& host() const { return host_; }
  [[nodiscard]] TimePoint started_at() const { return started_at_; }

 private:
  friend class HostGate;
  struct Shared;
  Permit(std::shared_ptr<Shared> state, std::string host, TimePoint started_at)
      : state_(std::move(state)), host_(std::move(host)), started_at_(started_at) {}

  std::shared_ptr<Shared> state_;
  std::string host_;
  TimePoint started_at_{};
  Outcome outcome_{};
  bool sent_ = false;
};

// A host's state for `newsd status` and for persistence.
struct HostSnapshot {
  HostState state;
  int in_flight = 0;
  int waiting = 0;
};

class HostGate {
 public:
  HostGate(boost::asio::any_io_executor executor, GateConfig config);
  ~HostGate();
  HostGate(const HostGate&) = delete;
  HostGate& operator=(const HostGate&) = delete;

  // Waits (on a timer) until a request to `host` (a host_key()) may start.
  // Waiters for one host are served first come, first served. Returns an
  // empty Permit (false) when the gate is closed before the turn came.
  boost::asio::awaitable<Permit> acquire(std::string host);

  // A graceful stop: every request still waiting for its turn gets an empty
  // Permit now, and none is granted from here on. Nothing was sent for them,
  // so nothing is lost; permits already granted run to their end.
  void close();
  [[nodiscard]] bool closed() const;

  // Loads persisted state (a restart must not hammer a host again).
  void restore(HostState state);
  // robots.txt's Crawl-delay for the host (capped by GateConfig).
  void set_crawl_delay(std::string_view host, std::optional<double> seconds);
  // Per-host limits at run time (OPML hostRate); config overrides are applied at construction.
  void set_limits(std::string_view host, HostLimits limits);

  [[nodiscard]] std::optional<HostSnapshot> snapshot(std::string_view host) const;
  // When the next request to `host` may start at the earliest (its gap and
  // any backoff or Retry-After hold); nullopt when it may start right away.
  [[nodiscard]] std::optional<TimePoint> earliest_start(std::string_view host) const;
  [[nodiscard]] std::vector<HostSnapshot> snapshots() const;
  // Hosts whose persistent state changed since the last call, for saving.
  [[nodiscard]] std::vector<HostState> take_dirty();
  [[nodiscard]] int in_flight() const;
  [[nodiscard]] const GateConfig& config() const;

 private:
  std::shared_ptr<Permit::Shared> state_;
};

}  // namespace newsd::politeness
