#pragma once
// Private to the feed parsers: the state one parse carries (options, the feed
// being built, warnings) and the small conversions every format shares.
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "common/ascii.h"
#include "common/html_escape.h"
#include "feeds/feed.h"
#include "feeds/parse.h"
#include "feeds/sanitize.h"

namespace feeds::detail {

class ParseState {
 public:
  ParseState(const ParseOptions& options, Feed& feed) : options_(options), feed_(feed) {}

  [[nodiscard]] const ParseOptions& options() const { return options_; }
  [[nodiscard]] Feed& feed() { return feed_; }

  // Records something recovered from. Identical messages are kept once.
  void warn(std::string message);
  // Warns once per `key` (e.g. one undeclared prefix used a thousand times).
  void warn_once(std::string_view key, std::string message);
  // Records a harmless oddity (Feed::notes): nothing lost or guessed. Identical
  // messages are kept once.
  void note(std::string message);
  void note_once(std::string_view key, std::string message);

  // sy:updatePeriod / sy:updateFrequency, combined by finalize_feed.
  std::optional<int> sy_period_seconds;
  std::optional<std::int64_t> sy_frequency;
  // Channel-level dcterms:modified: the feed's updated time when the format's
  // own element (lastBuildDate, atom:updated) is missing.
  std::optional<std::chrono::sys_seconds> dcterms_modified;

  // Set by the XML reader when every string pugixml gives is known to be
  // valid UTF-8 (the document was decoded to it, and no character reference
  // names a surrogate or a value past U+10FFFF): the sanitiser then skips
  // validating each fragment again.
  bool text_is_valid_utf8 = false;

 private:
  const ParseOptions& options_;
  Feed& feed_;
  std::set<std::string, std::less<>> seen_;
};

// A date field: empty -> nullopt silently; unparseable -> nullopt and a warning
// naming `where` (e.g. "item 3 <pubDate>").
std::optional<std::chrono::sys_seconds> parse_date_field(ParseState& state, std::string_view text,
                                                         std::string_view where);
// The same for an XML element: the warning names "`where` <`element`>", put
// together only when there is a warning (every item has a date or two).
std::optional<std::chrono::sys_seconds> parse_date_element(ParseState& state, std::string_view text,
                                                           std::string_view where, std::string_view element);
// A date from a JSON number: seconds since the epoch (milliseconds when huge).
std::optional<std::chrono::sys_seconds> date_from_unix(double seconds);

// `reference` made absolute against `base`; kept as written (trimmed) when that
// is impossible; "" for an empty reference.
std::string absolute_url(std::string_view base, std::string_view reference);

// ascii::trim, as a view and as an owned string for Feed fields.
inline std::string_view trim_view(std::string_view text) {
  return ascii::trim(text);
}
inline std::string trim(std::string_view text) {
  return std::string(ascii::trim(text));
}
using ascii::iequals;
// Text -> HTML that shows it literally (quotes too: the feed parser's rule).
inline std::string html_escape(std::string_view text) {
  return feeds::html_escape(text, EscapeQuotes::yes);
}
std::string sanitize_fragment(const ParseState& state, std::string_view html, std::string_view base);
// Atom XHTML content (the children of `content`), serialised (xhtml_markup)
// and sanitised like any other fragment.
std::string sanitize_xhtml(const ParseState& state, pugi::xml_node content, std::string_view base);
// What sanitize_fragment does, for markup known (or not) to be valid UTF-8.
std::string sanitize_markup(std::string_view html, const SanitizeOptions& options, bool valid_utf8);
// Sanitised HTML with the white space at both ends cut, in place.
std::string trim_sanitized(std::string out);

// RSS author forms: "jane@example.com (Jane Doe)", "Jane Doe (jane@example.com)",
// "Jane Doe <jane@example.com>",
// "jane@example.com", "Jane Doe".
Person person_from_text(std::string_view text);

// Decodes standard base64 (Atom 0.3 mode="base64"); white space ignored.
std::optional<std::string> decode_base64(std::string_view text);

// After a format parser: categories/authors/enclosures deduplicated, keys,
// canonical URLs and content hashes computed, future dates warned about.
void finalize_feed(ParseState& state);

// SHA-256 of the parts joined with '\x1f' (the content hash and the fallback
// key), without copying the parts into one string first.
std::string sha256_hex_joined(std::initializer_list<std::string_view> parts);

}  // namespace feeds::detail
