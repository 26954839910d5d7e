// The sanitiser on libxml2's HTML parser: SAX callbacks report elements and
// text to the writer (sanitize_writer.h); no tree is built.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "common/ascii.h"
#include "common/libxml_ptr.h"
#include "html/sanitize_parsers.h"
#include "html/sanitize_writer.h"

namespace feeds::detail {
namespace {

std::string_view as_view(const xmlChar* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

struct SaxContext {
  SanitizeWriter writer;
  std::vector<HtmlAttribute> attributes;  // reused for every start tag
};

extern "C" {

void on_start_element(void* context, const xmlChar* name, const xmlChar** attributes) {
  auto* sax = static_cast<SaxContext*>(context);
  sax->attributes.clear();
  for (std::size_t i = 0; attributes != nullptr && attributes[i] != nullptr; i += 2)
    sax->attributes.push_back({as_view(attributes[i]), as_view(attributes[i + 1])});
  sax->writer.start(as_view(name), sax->attributes);
}
void on_end_element(void* context, const xmlChar* name) {
  static_cast<SaxContext*>(context)->writer.end(as_view(name));
}
void on_characters(void* context, const xmlChar* text, int length) {
  static_cast<SaxContext*>(context)->writer.text(
      std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(std::max(length, 0))));
}
// Errors are recovered from, not reported: a no-op structured handler keeps
// libxml2 from printing, without touching its global handlers.
void on_structured_error(void*, xmlErrorPtr) {}

}  // extern "C"

bool contains_ignoring_case(std::string_view text, std::string_view lowercase_needle) {
  if (lowercase_needle.empty() || text.size() < lowercase_needle.size()) return lowercase_needle.empty();
  const auto matches_at = [&](std::size_t at) {
    for (std::size_t j = 0; j < lowercase_needle.size(); ++j) {
      char c = text[at + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != lowercase_needle[j]) return false;
    }
    return true;
  };
  // The needles here hold a '-', which is rare in text: memchr finds the
  // candidates (a byte-by-byte comparison at every position was 1 % of a feed
  // parse once most fragments took the fast path and only the odd ones came here).
  const std::size_t dash = lowercase_needle.find('-');
  if (dash == std::string_view::npos) {
    for (std::size_t i = 0; i + lowercase_needle.size() <= text.size(); ++i) {
      if (matches_at(i)) return true;
    }
    return false;
  }
  for (std::size_t at = text.find('-', dash); at != std::string_view::npos; at = text.find('-', at + 1)) {
    const std::size_t start = at - dash;
    if (start + lowercase_needle.size() > text.size()) return false;
    if (matches_at(start)) return true;
  }
  return false;
}

// The wrapper element's name: one the input never mentions. Were the input
// able to close the wrapper ("</newsd-sanitized>" in an article about this
// very code), libxml2 would take the rest of the input for trailing junk
// after the document and drop it.
std::string wrapper_name(std::string_view html) {
  std::string name = "newsd-sanitized";
  if (!contains_ignoring_case(html, name)) return name;
  for (unsigned suffix = 1;; ++suffix) {
    std::string candidate = name + "-" + std::to_string(suffix);
    if (!contains_ignoring_case(html, candidate)) return candidate;
  }
}

}  // namespace

std::string sanitize_with_libxml2(std::string_view html, const SanitizeOptions& options) {
  SaxContext sax{SanitizeWriter(options), {}};
  sax.writer.reserve(html.size());

  htmlSAXHandler handler{};
  handler.startElement = on_start_element;
  handler.endElement = on_end_element;
  handler.characters = on_characters;
  handler.ignorableWhitespace = on_characters;
  handler.cdataBlock = on_characters;
  handler.initialized = XML_SAX2_MAGIC;  // makes libxml2 use serror below
  handler.serror = on_structured_error;

  HtmlParserContextPtr context(
      htmlCreatePushParserCtxt(&handler, &sax, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8));
  if (!context) return {};
  htmlCtxtUseOptions(context.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC |
                                        HTML_PARSE_NODEFDTD);
  // A wrapper element keeps libxml2 from wrapping top-level text in <p>.
  const std::string wrapper = wrapper_name(html);
  const std::string open = "<" + wrapper + ">", close = "</" + wrapper + ">";
  htmlParseChunk(context.get(), open.data(), static_cast<int>(open.size()), 0);
  constexpr std::size_t kChunk = 1 << 30;
  for (std::size_t pos = 0; pos < html.size(); pos += kChunk) {
    std::size_t size = std::min(kChunk, html.size() - pos);
    htmlParseChunk(context.get(), html.data() + pos, static_cast<int>(size), 0);
  }
  htmlParseChunk(context.get(), close.data(), static_cast<int>(close.size()), 1);
  return sax.writer.finish();
}

}  // namespace feeds::detail
