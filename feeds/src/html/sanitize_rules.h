#pragma once
// Private: what the sanitiser's fast path (the scanner for simple fragments,
// sanitize_fast.cpp) knows of libxml2's HTML parser: the elements and
// references it accepts, and how
// libxml2 treats each element, asked of libxml2 itself once per process.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "html/name_index.h"
#include "html/sanitize_writer.h"

namespace feeds::detail {

inline constexpr std::string_view kElementNames[] = {
    // sorted; what feed HTML is mostly made of
    "a",      "abbr", "address",    "article", "aside",    "b",   "big",  "blockquote", "br",      "caption",
    "center", "cite", "code",       "col",     "colgroup", "dd",  "del",  "dfn",        "div",     "dl",
    "dt",     "em",   "figcaption", "figure",  "font",     "h1",  "h2",   "h3",         "h4",      "h5",
    "h6",     "hr",   "i",          "iframe",  "img",      "ins", "kbd",  "li",         "mark",    "noscript",
    "ol",     "p",    "picture",    "pre",     "q",        "s",   "samp", "script",     "section", "small",
    "source", "span", "strike",     "strong",  "style",    "sub", "sup",  "table",      "tbody",   "td",
    "tfoot",  "th",   "thead",      "time",    "tr",       "tt",  "u",    "ul",         "var",     "wbr",
};
inline constexpr std::size_t kElementCount = std::size(kElementNames);

inline constexpr std::string_view kEntityNames[] = {
    // sorted; the named references feed HTML commonly uses
    "AElig",  "Aacute", "Agrave", "Auml",  "Eacute", "Ouml",   "Uuml",  "aacute", "acirc",  "aelig",
    "agrave", "amp",    "apos",   "auml",  "bull",   "ccedil", "cent",  "copy",   "deg",    "divide",
    "eacute", "ecirc",  "egrave", "emsp",  "ensp",   "euml",   "euro",  "frac12", "frac14", "frac34",
    "gt",     "hellip", "iacute", "icirc", "iuml",   "laquo",  "ldquo", "lsaquo", "lsquo",  "lt",
    "mdash",  "middot", "nbsp",   "ndash", "ntilde", "oacute", "ocirc", "ouml",   "para",   "plusmn",
    "pound",  "quot",   "raquo",  "rdquo", "reg",    "rsaquo", "rsquo", "sbquo",  "sect",   "shy",
    "szlig",  "thinsp", "times",  "trade", "uacute", "ucirc",  "uuml",  "yen",    "zwj",    "zwnj",
};

template <std::size_t N>
constexpr bool is_sorted_names(const std::string_view (&names)[N]) {
  for (std::size_t i = 1; i < N; ++i) {
    if (!(names[i - 1] < names[i])) return false;
  }
  return true;
}
static_assert(is_sorted_names(kElementNames), "kElementNames must stay sorted");
static_assert(is_sorted_names(kEntityNames), "kEntityNames must stay sorted");

inline constexpr auto kElementIndex = index_names(kElementNames);
inline constexpr auto kEntityIndex = index_names(kEntityNames);

// Deeper than this, libxml2's reading is left to libxml2.
inline constexpr std::size_t kMaxDepth = 100;

// What libxml2 does with the elements above, asked of libxml2 itself, so the
// fast paths follow the installed version rather than a copy of its tables.
struct Rules {
  std::array<bool, kElementCount> empty{};  // ended right after the start tag (<br>, <img>)
  // closes[started][open]: a start tag of `started` implicitly ends `open`
  // (libxml2's htmlAutoClose, which ends open elements from the innermost out
  // for as long as the next one is also ended).
  std::array<std::array<bool, kElementCount>, kElementCount> closes{};
  // An end tag closes the open elements above its own only when none of them
  // ranks higher (libxml2's "end priority": a stray </p> cannot end a <div>,
  // </div> ends an open <p>). Ranks are comparable only between elements that
  // can be open (not empty, not raw text).
  std::array<std::uint8_t, kElementCount> end_rank{};
  std::uint8_t unknown_end_rank = 0;  // the rank of elements libxml2 does not know
  // No start tag of a listed element ends an unknown one, nor the reverse
  // (checked, not assumed): only then does the scanner take unknown elements.
  bool unknown_elements_plain = false;
  std::array<std::string, std::size(kEntityNames)> entities;  // UTF-8 value, "" when libxml2 lacks it
  // The value as the writer writes it in text ("&amp;" for &amp;): a reference
  // costs one append, not a decode and an escaping pass.
  std::array<std::string, std::size(kEntityNames)> escaped_entities;
  std::array<ElementKey, kElementCount> keys;  // the writer's view of each element
  std::array<bool, kElementCount> raw_text{};  // script, style
};

// The code point libxml2's HTML parser gives the named reference "&name;", or
// 0 when it knows no such name (then "&name;" stays text). For names outside
// kEntityNames, which the scanner decodes from its own table.
std::uint32_t libxml2_entity(std::string_view name);

// Whether libxml2's HTML parser has rules for an element of this (lowercase)
// name. Those it lacks (<o:p>, <svg>, <x-widget>) it treats all alike: never
// empty, never ended by a start tag nor ending an open element when they
// start, of default end priority; so the scanner can take them without
// listing them.
bool libxml2_knows_element(std::string_view lowercase_name);

// Built on first use, then shared (read-only) by every thread.
const Rules& rules();

}  // namespace feeds::detail
