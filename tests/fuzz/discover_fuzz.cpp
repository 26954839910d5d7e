// Fuzzes feed discovery: arbitrary bytes as an HTML page must never crash,
// hang or trip the sanitizers, and every link found must be absolute http(s).
// The first line doubles as the page URL, so hostile bases are tried too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feeds/discover.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view first_line = input.substr(0, input.find('\n'));
  for (std::string_view page : {std::string_view("https://fuzz.example/dir/page.html"), first_line}) {
    for (const auto& link : feeds::find_feed_links(input, page)) {
      if (!link.url.starts_with("http://") && !link.url.starts_with("https://")) std::abort();
    }
    for (const auto& url : feeds::common_feed_urls(page)) {
      if (!url.starts_with("http://") && !url.starts_with("https://")) std::abort();
    }
  }
  return 0;
}
