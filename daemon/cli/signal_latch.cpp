#include "cli/signal_latch.h"

#include <atomic>

namespace newsd::cli {

namespace {

// Written from the handler: lock-free and async-signal-safe.
std::atomic<int> first_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void latch_signal(int signal) {
  int none = 0;
  first_signal.compare_exchange_strong(none, signal);
}

}  // namespace

SignalLatch::SignalLatch(std::initializer_list<int> signals) : signals_(signals) {
  previous_.resize(signals_.size());
  for (std::size_t i = 0; i < signals_.size(); ++i) sigaction(signals_[i], nullptr, &previous_[i]);
  rearm();
}

SignalLatch::~SignalLatch() {
  for (std::size_t i = 0; i < signals_.size(); ++i) sigaction(signals_[i], &previous_[i], nullptr);
}

void SignalLatch::rearm() {
  struct sigaction action {};
  action.sa_handler = latch_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int signal : signals_) sigaction(signal, &action, nullptr);
}

int SignalLatch::caught() {
  return first_signal.load();
}

}  // namespace newsd::cli
