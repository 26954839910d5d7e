#pragma once
// The systemd service protocol (sd_notify): READY=1 once the daemon serves,
// RELOADING=1 on SIGHUP, STOPPING=1 when it drains, WATCHDOG=1 keep-alives when the unit sets
// WatchdogSec= (systemd passes $WATCHDOG_USEC). Outside systemd every call is a
// no-op ($NOTIFY_SOCKET is unset).
#include <chrono>
#include <optional>
#include <string_view>

namespace newsd::app {

void notify_ready();
void notify_stopping();
// RELOADING=1 (SIGHUP received); READY=1 tells systemd the reload is done.
void notify_reloading();
void notify_watchdog();
void notify_status(std::string_view status);

// How often to send WATCHDOG=1 (half the unit's WatchdogSec), or nullopt when
// systemd does not watch this process.
std::optional<std::chrono::microseconds> watchdog_period();

}  // namespace newsd::app
