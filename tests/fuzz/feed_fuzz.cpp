// libFuzzer target: any bytes through parse_feed and the JSON serialisation.
// Must never crash, leak, hang or trip a sanitizer; refusing the input is fine.
// The streaming writer (feed_to_json_string) must write exactly what
// boost::json::serialize writes of feed_to_json's tree, which defines the output.
#include <boost/json/serialize.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "feeds/feed_json.h"
#include "feeds/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  feeds::ParseOptions options;
  options.document_url = "https://fuzz.example.com/feeds/feed.xml";
  options.max_bytes = 1 << 20;
  options.now = std::chrono::sys_seconds(std::chrono::seconds(1748736000));
  feeds::Result<feeds::Feed> result = feeds::parse_feed(bytes, options);
  if (result) {
    const std::string json = feeds::feed_to_json_string(*result);
    if (json.empty()) __builtin_trap();
    if (json != boost::json::serialize(feeds::feed_to_json(*result))) __builtin_trap();
  }
  return 0;
}
