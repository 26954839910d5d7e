// libFuzzer target for the HTML sanitiser and the plain-text helpers. Beyond
// "no crash": the sanitiser's output must be valid UTF-8, contain no script
// or event handler, and be stable (sanitising it again changes nothing that
// matters for safety). The fast paths must agree with the general code
// whenever they accept: the sanitiser's scanner with libxml2, the clean-URL
// resolver and canonicaliser with Boost.URL (any divergence aborts, so fuzzing hunts for them).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

#include "feeds/sanitize.h"
#include "feeds/testing/fast_paths.h"
#include "feeds/text.h"

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool valid_utf8(std::string text) {
  return feeds::repair_utf8(text) == 0;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> set) {
  for (auto item : set) {
    if (value == item) return true;
  }
  return false;
}

// A URL's scheme (as a browser reads it) must be one the sanitiser allows.
void check_url(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos) return;
  std::size_t delimiter = url.find_first_of("/?#");
  if (delimiter != std::string_view::npos && delimiter < colon) return;
  std::string_view scheme = url.substr(0, colon);
  if (scheme.empty() || scheme.front() < 'a' || scheme.front() > 'z') return;
  if (one_of(scheme, {"http", "https", "mailto", "tel", "ftp"})) return;
  if (scheme == "data" && url.starts_with("data:image/")) return;
  for (char c : scheme) {
    bool scheme_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!scheme_char) return;  // not a scheme: a relative reference such as "a&amp;b:c"
  }
  std::abort();
}

// Walks the sanitiser's output, whose syntax is strict (name="escaped value"),
// and aborts on any element, attribute or URL the allow-list forbids.
void check_safe(const std::string& html) {
  if (!valid_utf8(html)) std::abort();
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    ++pos;
    if (pos < html.size() && html[pos] == '/') ++pos;
    std::size_t name_start = pos;
    while (pos < html.size() && html[pos] != ' ' && html[pos] != '>' && html[pos] != '/') ++pos;
    std::string name = lowercase(std::string_view(html).substr(name_start, pos - name_start));
    if (name.empty() || one_of(name, {"script", "style",  "iframe",   "object",   "embed",    "form", "input",
                                      "button", "select", "textarea", "noscript", "template", "svg",  "math",
                                      "head",   "meta",   "link",     "base",     "title",    "!--"})) {
      std::abort();
    }
    while (pos < html.size() && html[pos] == ' ') {
      ++pos;
      std::size_t equals = html.find('=', pos);
      if (equals == std::string::npos || equals + 1 >= html.size() || html[equals + 1] != '"') std::abort();
      std::string attribute = lowercase(std::string_view(html).substr(pos, equals - pos));
      std::size_t value_end = html.find('"', equals + 2);
      if (value_end == std::string::npos) std::abort();
      std::string value = lowercase(std::string_view(html).substr(equals + 2, value_end - equals - 2));
      if (!one_of(attribute, {"href",    "src",     "srcset",   "alt",   "title",    "width", "height",
                              "colspan", "rowspan", "datetime", "cite",  "lang",     "dir",   "start",
                              "span",    "type",    "media",    "sizes", "reversed", "scope", "rel"})) {
        std::abort();
      }
      if (value.find('<') != std::string::npos || value.find('>') != std::string::npos) std::abort();
      if (one_of(attribute, {"href", "src", "cite"})) check_url(value);
      if (attribute == "srcset") {
        for (std::size_t start = 0; start < value.size();) {
          std::size_t comma = value.find(", ", start);
          std::string_view candidate = std::string_view(value).substr(start, comma - start);
          check_url(candidate.substr(0, candidate.find(' ')));
          start = comma == std::string::npos ? value.size() : comma + 2;
        }
      }
      pos = value_end + 1;
    }
    if (pos < html.size() && html[pos] == '/') ++pos;
    if (pos >= html.size() || html[pos] != '>') std::abort();
  }
}

// Aborts when the scanner accepts `html` but libxml2's path writes other bytes.
void check_fast_path(std::string_view html, const feeds::SanitizeOptions& options) {
  auto fast = feeds::fast_paths::sanitize_html_fast(html, options);
  if (fast && *fast != feeds::fast_paths::sanitize_html_libxml2(html, options)) std::abort();
}

// The input's first line as a URL reference, against a fixed base.
void check_url_fast_path(std::string_view input) {
  const std::string_view reference = input.substr(0, input.find('\n'));
  const std::string_view base = "https://example.com/news/item.html";
  auto fast = feeds::fast_paths::resolve_url_fast(base, reference);
  if (fast && fast != feeds::fast_paths::resolve_url_general(base, reference)) std::abort();
  auto canonical = feeds::fast_paths::canonical_url_fast(reference);
  if (canonical && canonical != feeds::fast_paths::canonical_url_general(reference)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  feeds::SanitizeOptions options;
  options.base_url = "https://example.com/news/item.html";
  std::string clean = feeds::sanitize_html(html, options);
  check_safe(clean);
  check_safe(feeds::sanitize_html(clean, options));
  check_fast_path(html, options);
  check_fast_path(clean, options);

  options.keep_images = false;
  options.base_url = {};
  check_safe(feeds::sanitize_html(html, options));
  check_fast_path(html, options);
  check_url_fast_path(html);

  std::string text = feeds::html_to_plain_text(html);
  std::string decoded = feeds::decode_entities(html, 3);
  std::string collapsed = feeds::collapse_whitespace(html);
  std::string repaired(html);
  feeds::repair_utf8(repaired);
  if (!valid_utf8(repaired)) std::abort();
  return 0;
}
