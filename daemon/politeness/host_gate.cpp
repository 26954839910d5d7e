#include "politeness/host_gate.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/system_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/system_error.hpp>

#include <deque>
#include <list>
#include <map>
#include <set>

namespace newsd::politeness {

namespace asio = boost::asio;

// Everything the gate knows; shared by the gate, its waiting coroutines and
// the permits it handed out, so their destruction order does not matter.
struct Permit::Shared : std::enable_shared_from_this<Permit::Shared> {
  struct Waiter {
    asio::system_timer* timer = nullptr;  // cancelled to wake the waiter
    bool granted = false;
    TimePoint started{};
  };
  struct Host {
    HostPolicy policy;
    HostLimits limits;
    int active = 0;
    int unsent = 0;              // granted, not yet gone out: the next grant waits for it
    std::list<Waiter*> waiters;  // first come, first served
    std::unique_ptr<asio::system_timer> wake;
    std::optional<TimePoint> wake_at;
    bool queued_for_connection = false;  // blocked by the global cap
  };

  Shared(asio::any_io_executor executor_in, GateConfig config_in)
      : executor(std::move(executor_in)),
        config(std::move(config_in)),
        rng(config.seed != 0 ? config.seed : std::random_device{}()) {}

  Host& host(std::string_view key) {
    auto found = hosts.find(key);
    if (found != hosts.end()) return found->second;
    Host& created = hosts[std::string(key)];
    HostState initial;
    initial.host = std::string(key);
    created.policy = HostPolicy(std::move(initial));
    auto override_limits = config.overrides.find(key);
    created.limits = override_limits != config.overrides.end() ? override_limits->second : config.defaults;
    return created;
  }

  // Grants as many waiters of `key` as the rules allow right now; otherwise
  // arranges to be called again when the blocking condition may have lifted.
  void pump(const std::string& key) {
    if (closed) return;  // close() has woken every waiter empty-handed
    Host& h = host(key);
    while (!h.waiters.empty()) {
      if (h.active >= std::max(1, h.limits.max_concurrent)) return;  // a release pumps again
      if (h.unsent > 0) return;  // its send (or release) sets the gap and pumps again
      if (active_total >= std::max(1, config.max_connections)) {
        if (!h.queued_for_connection) {
          h.queued_for_connection = true;
          connection_queue.push_back(key);
        }
        return;
      }
      TimePoint now = Clock::now();
      if (auto earliest = h.policy.earliest_start(); earliest && *earliest > now) {
        arm_wake(key, h, *earliest);
        return;
      }
      Waiter* waiter = h.waiters.front();
      h.waiters.pop_front();
      waiter->granted = true;
      waiter->started = now;
      waiter->timer->cancel();
      ++h.active;
      ++h.unsent;
      ++active_total;
      h.policy.on_start(now, h.policy.gap(h.limits, config));
      dirty.insert(key);
    }
  }

  void arm_wake(const std::string& key, Host& h, TimePoint at) {
    if (h.wake_at && *h.wake_at <= at) return;  // an earlier wake-up re-checks anyway
    if (!h.wake) h.wake = std::make_unique<asio::system_timer>(executor);
    h.wake_at = at;
    h.wake->expires_at(at);
    h.wake->async_wait([weak = weak_from_this(), key](boost::system::error_code ec) {
      if (ec) return;  // re-armed or destroyed
      auto self = weak.lock();
      if (!self) return;
      self->host(key).wake_at.reset();
      self->pump(key);
    });
  }

  void pump_connection_queue() {
    while (active_total < std::max(1, config.max_connections) && !connection_queue.empty()) {
      std::string key = std::move(connection_queue.front());
      connection_queue.pop_front();
      host(key).queued_for_connection = false;
      pump(key);
    }
  }

  // A request of `key` went out at `at`; `first` for its first hop.
  void sent(const std::string& key, TimePoint at, bool first) {
    Host& h = host(key);
    if (first) --h.unsent;
    h.policy.on_sent(at, h.policy.gap(h.limits, config));
    dirty.insert(key);
    pump(key);
  }

  void release(const std::string& key, const Outcome& outcome, bool was_sent) {
    Host& h = host(key);
    TimePoint now = Clock::now();
    if (!was_sent) {
      // It never reported going out (failed before, or a caller that does
      // not report sends): the host may have seen it as late as now.
      --h.unsent;
      h.policy.on_sent(now, h.policy.gap(h.limits, config));
      dirty.insert(key);
    }
    --h.active;
    --active_total;
    if (h.policy.on_outcome(outcome, now, config, rng)) dirty.insert(key);
    pump_connection_queue();
    pump(key);
  }

  asio::any_io_executor executor;
  GateConfig config;
  std::mt19937_64 rng;
  std::map<std::string, Host, std::less<>> hosts;
  int active_total = 0;
  bool closed = false;
  std::deque<std::string> connection_queue;
  std::set<std::string, std::less<>> dirty;
};

Permit::Permit(Permit&& other) noexcept
    : state_(std::move(other.state_)),
      host_(std::move(other.host_)),
      started_at_(other.started_at_),
      outcome_(other.outcome_),
      sent_(other.sent_) {
  other.state_.reset();
}

Permit& Permit::operator=(Permit&& other) noexcept {
  if (this != &other) {
    release();
    state_ = std::move(other.state_);
    other.state_.reset();
    host_ = std::move(other.host_);
    started_at_ = other.started_at_;
    outcome_ = other.outcome_;
    sent_ = other.sent_;
  }
  return *this;
}

Permit::~Permit() {
  release();
}

void Permit::mark_sent(TimePoint at) {
  if (!state_) return;
  state_->sent(host_, at, !sent_);
  sent_ = true;
}

void Permit::release() {
  if (!state_) return;
  auto state = std::move(state_);
  state_.reset();
  state->release(host_, outcome_, sent_);
}

HostGate::HostGate(asio::any_io_executor executor, GateConfig config)
    : state_(std::make_shared<Permit::Shared>(std::move(executor), std::move(config))) {}

HostGate::~HostGate() = default;

asio::awaitable<Permit> HostGate::acquire(std::string host) {
  std::shared_ptr<Permit::Shared> shared = state_;
  asio::system_timer timer(shared->executor);
  timer.expires_at(TimePoint::max());
  Permit::Shared::Waiter waiter;
  waiter.timer = &timer;
  auto& entry = shared->host(host);
  auto position = entry.waiters.insert(entry.waiters.end(), &waiter);

  // If this coroutine dies while waiting (cancelled, io_context destroyed),
  // leave the queue; if it dies after the grant, give the slot back.
  struct Cleanup {
    Permit::Shared& shared;
    const std::string& key;
    std::list<Permit::Shared::Waiter*>::iterator position;
    Permit::Shared::Waiter& waiter;
    bool handed_over = false;
    ~Cleanup() {
      if (handed_over) return;
      if (waiter.granted) {
        shared.release(key, Outcome{}, false);
      } else {
        shared.host(key).waiters.erase(position);
      }
    }
  } cleanup{*shared, host, position, waiter};

  shared->pump(host);
  while (!waiter.granted) {
    if (shared->closed) co_return Permit();  // Cleanup leaves the queue
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (waiter.granted) break;
    if (shared->closed) co_return Permit();
    auto cancellation = co_await asio::this_coro::cancellation_state;
    if (cancellation.cancelled() != asio::cancellation_type::none) {
      throw boost::system::system_error(asio::error::operation_aborted, "waiting for host " + host);
    }
  }
  cleanup.handed_over = true;
  co_return Permit(shared, host, waiter.started);
}

void HostGate::close() {
  state_->closed = true;
  for (auto& [key, h] : state_->hosts) {
    for (auto* waiter : h.waiters) waiter->timer->cancel();
    if (h.wake) h.wake->cancel();
  }
}

bool HostGate::closed() const {
  return state_->closed;
}

void HostGate::restore(HostState state) {
  auto& h = state_->host(state.host);
  h.policy = HostPolicy(std::move(state));
}

void HostGate::set_crawl_delay(std::string_view host, std::optional<double> seconds) {
  auto& h = state_->host(host);
  if (h.policy.state().crawl_delay_seconds == seconds) return;
  h.policy.set_crawl_delay(seconds, h.limits, state_->config);
  state_->dirty.insert(std::string(host));
  state_->pump(std::string(host));
}

void HostGate::set_limits(std::string_view host, HostLimits limits) {
  state_->host(host).limits = limits;
  state_->pump(std::string(host));
}

std::optional<HostSnapshot> HostGate::snapshot(std::string_view host) const {
  auto found = state_->hosts.find(host);
  if (found == state_->hosts.end()) return std::nullopt;
  const auto& h = found->second;
  return HostSnapshot{h.policy.state(), h.active, static_cast<int>(h.waiters.size())};
}

std::optional<TimePoint> HostGate::earliest_start(std::string_view host) const {
  auto found = state_->hosts.find(host);
  if (found == state_->hosts.end()) return std::nullopt;
  return found->second.policy.earliest_start();
}

std::vector<HostSnapshot> HostGate::snapshots() const {
  std::vector<HostSnapshot> out;
  out.reserve(state_->hosts.size());
  for (const auto& [key, h] : state_->hosts) {
    out.push_back({h.policy.state(), h.active, static_cast<int>(h.waiters.size())});
  }
  return out;
}

std::vector<HostState> HostGate::take_dirty() {
  std::vector<HostState> out;
  out.reserve(state_->dirty.size());
  for (const auto& key : state_->dirty) out.push_back(state_->host(key).policy.state());
  state_->dirty.clear();
  return out;
}

int HostGate::in_flight() const {
  return state_->active_total;
}

const GateConfig& HostGate::config() const {
  return state_->config;
}

}  // namespace newsd::politeness
