// Fuzzes the OPML reader: any bytes either parse or are refused with an
// feeds::Error, never a crash; and whatever parses survives write_opml ->
// parse_opml unchanged (the export/import round trip newsd promises).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "feeds/opml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = feeds::parse_opml(bytes);
  if (!parsed) return 0;
  feeds::OpmlDocument& document = *parsed;
  auto by_url = [](const feeds::OpmlSource& a, const feeds::OpmlSource& b) { return a.url < b.url; };
  auto reread = feeds::parse_opml(feeds::write_opml(document));
  if (!reread) std::abort();  // what newsd wrote it must read back
  std::sort(document.sources.begin(), document.sources.end(), by_url);
  std::sort(reread->sources.begin(), reread->sources.end(), by_url);
  if (reread->sources != document.sources || !reread->warnings.empty()) std::abort();
  return 0;
}
