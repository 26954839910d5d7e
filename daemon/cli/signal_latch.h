#pragma once
// Catches SIGTERM and SIGINT (and SIGHUP when asked) while a command starts up
// or winds down, outside the pipeline's own signal handling: a signal then
// only sets a flag the command checks at its next step, instead of killing
// the process with the embedded PostgreSQL cluster left running. The previous
// dispositions come back on destruction.
#include <csignal>
#include <initializer_list>
#include <vector>

namespace newsd::cli {

class SignalLatch {
 public:
  explicit SignalLatch(std::initializer_list<int> signals = {SIGTERM, SIGINT});
  ~SignalLatch();
  SignalLatch(const SignalLatch&) = delete;
  SignalLatch& operator=(const SignalLatch&) = delete;

  // Installs the flag handler again, e.g. after an Asio signal_set went away
  // (it restores the default action, not the handler before it).
  void rearm();
  // The first signal caught since construction, 0 when none.
  [[nodiscard]] static int caught();

 private:
  std::vector<int> signals_;
  std::vector<struct sigaction> previous_;
};

// The conventional exit status of a process ended by `signal`.
constexpr int exit_status_for_signal(int signal) {
  return 128 + signal;
}

}  // namespace newsd::cli
