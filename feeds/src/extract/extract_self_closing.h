#pragma once
// "<div/>" and "<a href=x />" as a browser reads them: HTML has no
// self-closing elements but the void ones (br, img, meta, ...), so a
// browser ignores the slash and the element stays open, holding what
// follows; libxml2 closes it at once. A related list set as
// <a href=x />Headline</a> then lost its links (its text stood outside
// them and read as prose).
#include <string>

namespace feeds::extract_detail {

// Drops the slash from "/>" on start tags of HTML elements that are not
// void, outside comments, script and style text, and SVG or MathML (where
// a slash does close). Raw-text elements (script, style, textarea, title,
// iframe) written "<script src=x />" keep their slash: a browser would
// read the rest of the page as their text. Returns whether anything
// changed.
// A "</br>" becomes "<br>", the line break a browser makes of it: libxml2
// drops it and runs the lines' words together.
bool drop_non_void_self_closing(std::string& html);

}  // namespace feeds::extract_detail
