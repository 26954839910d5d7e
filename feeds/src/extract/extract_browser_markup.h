#pragma once
// The page's markup mended where libxml2 reads it as HTML 4 did and a
// browser does not, so that the tree the extractor scores is the one a
// reader sees.
// - "<div/>" and "<a href=x />": HTML has no self-closing elements but the
//   void ones (br, img, meta, ...), so a browser ignores the slash and the
//   element stays open, holding what follows; libxml2 closes it at once. A
//   related list set as <a href=x />Headline</a> then lost its links (its
//   text stood outside them and read as prose).
// - "<noscript>": a browser that runs scripts reads its content as text,
//   never as markup, and shows none of it. libxml2 parses it as markup, and
//   an element left open inside (<noscript><div id=x></noscript>, for the
//   layout a script writes otherwise) keeps its end tag from closing it:
//   the rest of the page then lay inside the noscript and was dropped.
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
// A noscript element's content is dropped when its end tag follows; the
// extractor never reads it (a page that loads without scripts shows its
// own text outside it).
bool read_markup_as_a_browser(std::string& html);

}  // namespace feeds::extract_detail
