// libFuzzer target for article extraction: any bytes, any charset hint.
// Invariants: no crash, either a feeds::Error or an Article whose text and
// HTML are valid UTF-8 and whose confidence lies in [0, 1].
#include <boost/json/serialize.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feeds/extract.h"
#include "feeds/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::array<std::string_view, 6> kCharsets = {"",       "utf-8",     "windows-1251",
                                                                "koi8-r", "shift_jis", "bogus-charset"};
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  feeds::ExtractOptions options;
  options.url = "https://fuzz.example/a/b.html";
  options.http_charset = kCharsets[data[0] % kCharsets.size()];
  options.max_bytes = 1u << 20;
  auto article = feeds::extract_article(bytes, options);
  if (!article) return 0;  // unreadable input is an expected outcome
  std::string text = article->text;
  std::string html = article->html;
  if (feeds::repair_utf8(text) != 0 || feeds::repair_utf8(html) != 0) std::abort();
  if (!(article->confidence >= 0.0 && article->confidence <= 1.0)) std::abort();
  (void)boost::json::serialize(feeds::article_to_json(*article));
  return 0;
}
