// libFuzzer target for the date parsers: never crash, and whatever parses
// must survive a format/parse round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "feeds/dates.h"

namespace {

void check_round_trip(std::optional<feeds::Timestamp> parsed) {
  if (!parsed) return;
  std::string formatted = feeds::format_rfc3339(*parsed);
  // Offsets may push a year-1 or year-9999 date outside what ISO 8601 parsing accepts.
  if (formatted.size() != 20 || formatted.starts_with("0000") || formatted.starts_with("10000")) return;
  auto again = feeds::parse_iso8601_date(formatted);
  if (!again || *again != *parsed) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check_round_trip(feeds::parse_rfc822_date(text));
  check_round_trip(feeds::parse_iso8601_date(text));
  check_round_trip(feeds::parse_date(text));
  return 0;
}
