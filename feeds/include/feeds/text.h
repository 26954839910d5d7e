#pragma once
// Plain-text helpers shared by the feed parsers and article extraction.
#include <string>
#include <string_view>

namespace feeds {

// Decodes HTML character references: the full HTML5 named-entity table
// (with and without the trailing ';' where HTML5 allows it), decimal and hex
// numeric references (invalid code points become U+FFFD). Unknown names are
// left as written. Runs repeatedly while the result still changes and at most
// `max_rounds` times, which undoes double escaping such as "&amp;amp;".
std::string decode_entities(std::string_view text, int max_rounds = 1);

// Collapses runs of Unicode white space (ASCII, NBSP, and the U+2000 block)
// to one ASCII space and trims both ends.
std::string collapse_whitespace(std::string_view text);

// HTML or text in, plain text out: tags removed (block elements become
// spaces), entities decoded (double-escaped ones too), whitespace collapsed.
// Used for every plain-text field (titles, author names, categories).
std::string html_to_plain_text(std::string_view html);

// Replaces invalid UTF-8 sequences with U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string& text);

}  // namespace feeds
