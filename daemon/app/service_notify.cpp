#include "app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <string>

namespace newsd::app {

void notify_ready() {
  sd_notify(0, "READY=1");
}
void notify_stopping() {
  sd_notify(0, "STOPPING=1");
}
void notify_reloading() {
  sd_notify(0, "RELOADING=1");
}
void notify_watchdog() {
  sd_notify(0, "WATCHDOG=1");
}

void notify_status(std::string_view status) {
  std::string message = "STATUS=";
  message += status;
  sd_notify(0, message.c_str());
}

std::optional<std::chrono::microseconds> watchdog_period() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

}  // namespace newsd::app
