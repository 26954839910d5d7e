#pragma once
// HTML sanitising through an allow-list, on libxml2's SAX HTML parser.
#include <string>
#include <string_view>

namespace feeds {

struct SanitizeOptions {
  std::string_view base_url;  // relative href/src resolved against it (empty: left relative)
  bool keep_images = true;    // <img>, <picture>/<source>, <figure>/<figcaption>
};

// Returns well-formed HTML containing only allowed elements and attributes:
// text structure (p, br, hr, h1-h6, ul, ol, li, dl, dt, dd, blockquote, pre,
// code, em, strong, b, i, u, s, sub, sup, small, mark, q, cite, abbr, time,
// span, div, table parts, figure, figcaption, img, picture, source, a, ...).
// Removed with their content: script, style, iframe, object, embed, form,
// input, button, select, textarea, noscript, template, svg, math, head.
// Attributes: an allow-list per element (href, src, srcset, alt, title, width,
// height, colspan, rowspan, datetime, cite, lang, dir); every on* handler and
// style/class/id dropped; URLs with javascript:, vbscript: or data: schemes
// dropped (data:image/* kept on img when keep_images); links get
// rel="noopener noreferrer" (and target dropped). Entities are normalised, so
// the output is safe to embed in any page.
std::string sanitize_html(std::string_view html, const SanitizeOptions& options = {});

}  // namespace feeds
