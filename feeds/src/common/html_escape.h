#pragma once
// Text to HTML that shows it literally, written once for the feed parser and
// the extractor (the sanitiser's writer has its own vectorised escaping of
// values it has already parsed).
#include <string>
#include <string_view>

namespace feeds {

enum class EscapeQuotes { no, yes };

// Appends `text` with &, < and > (and " when `quotes` is yes) as references.
inline void append_html_escaped(std::string& out, std::string_view text,
                                EscapeQuotes quotes = EscapeQuotes::no) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (quotes == EscapeQuotes::yes) {
          out += "&quot;";
        } else {
          out.push_back(c);
        }
        break;
      default:
        out.push_back(c);
    }
  }
}

inline std::string html_escape(std::string_view text, EscapeQuotes quotes = EscapeQuotes::no) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_html_escaped(out, text, quotes);
  return out;
}

}  // namespace feeds
