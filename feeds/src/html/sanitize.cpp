// sanitize_html: UTF-8 repaired, then the fast scanner for simple fragments
// and libxml2's HTML parser for everything else; both report to the same
// writer, which holds the allow-list (sanitize_writer.h).
#include "feeds/sanitize.h"

#include <cassert>

#include "common/utf8.h"
#include "feeds/testing/fast_paths.h"
#include "feeds/text.h"
#include "html/sanitize_parsers.h"

namespace feeds {

namespace {

// libxml2 would fall back to Latin-1 at the first bad byte: repair first.
std::string_view valid_utf8(std::string_view html, std::string& repaired) {
  if (utf8::is_valid(html)) return html;
  repaired.assign(html);
  repair_utf8(repaired);
  return repaired;
}

}  // namespace

std::string sanitize_html(std::string_view html, const SanitizeOptions& options) {
  std::string repaired;
  return detail::sanitize_valid_utf8(valid_utf8(html, repaired), options);
}

namespace detail {

std::string sanitize_valid_utf8(std::string_view html, const SanitizeOptions& options) {
  assert(utf8::is_valid(html));
  if (auto simple = sanitize_simple_html(html, options)) return *std::move(simple);
  return sanitize_with_libxml2(html, options);
}

}  // namespace detail

namespace fast_paths {

std::optional<std::string> sanitize_html_fast(std::string_view html, const SanitizeOptions& options) {
  std::string repaired;
  return detail::sanitize_simple_html(valid_utf8(html, repaired), options);
}

std::string sanitize_html_libxml2(std::string_view html, const SanitizeOptions& options) {
  std::string repaired;
  return detail::sanitize_with_libxml2(valid_utf8(html, repaired), options);
}

}  // namespace fast_paths

}  // namespace feeds
