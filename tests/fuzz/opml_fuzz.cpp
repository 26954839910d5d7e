// Fuzzes the OPML reader: any bytes either parse or are refused with an
// OpmlError, never a crash; and whatever parses survives write_opml ->
// parse_opml unchanged (the export/import round trip newsd promises).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "feeds/opml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  feeds::OpmlDocument document;
  try {
    document = feeds::parse_opml(bytes);
  } catch (const feeds::OpmlError&) {
    return 0;
  }
  auto by_url = [](const feeds::OpmlSource& a, const feeds::OpmlSource& b) { return a.url < b.url; };
  auto reread = feeds::parse_opml(feeds::write_opml(document));  // must not throw
  std::sort(document.sources.begin(), document.sources.end(), by_url);
  std::sort(reread.sources.begin(), reread.sources.end(), by_url);
  if (reread.sources != document.sources || !reread.warnings.empty()) std::abort();
  return 0;
}
