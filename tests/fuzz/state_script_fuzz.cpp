// libFuzzer target for article bodies in client-side state scripts: the
// input becomes the text of an inline script on a client-rendered shell page
// whose DOM holds no story, so every input reaches read_state_script (the
// script is padded past the size threshold and given a "<p" marker, and the
// page's title is the one the inputs' JSON names). Invariants: no crash, no
// hang; an Article whose text and HTML are valid UTF-8 and whose confidence
// lies in [0, 1].
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "feeds/extract.h"
#include "feeds/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view script(reinterpret_cast<const char*>(data), size);
  std::string html =
      "<html><head><title>Harbour board extends the night ferry</title></head><body><main>"
      "<h1>Harbour board extends the night ferry</h1><div id=\"root\"></div></main><script>/*<p ";
  html.append(1024, ' ');
  html += "*/";
  html += script;
  html += "</script></body></html>";
  feeds::ExtractOptions options;
  options.url = "https://fuzz.example/news/ferry";
  auto article = feeds::extract_article(html, options);
  if (!article) return 0;
  std::string text = article->text;
  std::string out_html = article->html;
  if (feeds::repair_utf8(text) != 0 || feeds::repair_utf8(out_html) != 0) std::abort();
  if (!(article->confidence >= 0.0 && article->confidence <= 1.0)) std::abort();
  return 0;
}
