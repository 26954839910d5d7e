// One forward pass with a read and a write position over the page's UTF-8:
// characters are only ever dropped, so the write position never passes the
// read one and no copy of the page is made.
#include "extract/extract_browser_markup.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "common/ascii.h"
#include "feeds/testing/extract.h"

namespace feeds::extract_detail {
namespace {

constexpr std::array<std::string_view, 16> kVoidElements = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
    // Obsolete void elements browsers still parse as such.
    "keygen", "basefont"};
constexpr std::array<std::string_view, 8> kRawTextElements = {"script", "style", "textarea", "title",
                                                              "iframe", "xmp",   "noembed",  "noframes"};

bool is_tag_name_byte(char c) {
  return !ascii::is_html_space(c) && c != '/' && c != '>';
}

bool is_one_of(std::string_view name, const auto& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view known) { return ascii::iequals(name, known); });
}

// Position of the '>' that ends the tag whose attributes start at `from`,
// quoted values skipped; npos when the page ends first.
std::size_t tag_end(std::string_view html, std::size_t from) {
  char quote = 0;
  char last_significant = 0;
  for (std::size_t i = from; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if ((c == '"' || c == '\'') && last_significant == '=') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
    if (!ascii::is_html_space(c)) last_significant = c;
  }
  return std::string_view::npos;
}

// Position of "</name" (any case) from `from`, or npos.
std::size_t closing_tag(std::string_view html, std::string_view name, std::size_t from) {
  for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
    if (at + 2 + name.size() <= html.size() && ascii::iequals(html.substr(at + 2, name.size()), name))
      return at;
  }
  return std::string_view::npos;
}

}  // namespace

bool read_markup_as_a_browser(std::string& html) {
  if (html.find("/>") == std::string::npos && !ascii::icontains(html, "</br") &&
      !ascii::icontains(html, "<noscript"))
    return false;
  // Read ahead of `read` only: what lies behind it may already be overwritten.
  const std::string_view page(html);
  std::size_t read = 0;
  std::size_t write = 0;
  bool changed = false;
  int foreign_depth = 0;  // inside <svg> or <math>
  auto copy_to = [&](std::size_t end) {
    if (write != read)
      std::copy(html.begin() + static_cast<std::ptrdiff_t>(read),
                html.begin() + static_cast<std::ptrdiff_t>(end),
                html.begin() + static_cast<std::ptrdiff_t>(write));
    write += end - read;
    read = end;
  };
  while (read < page.size()) {
    const std::size_t open = page.find('<', read);
    if (open == std::string_view::npos) break;
    copy_to(open);
    if (page.substr(open, 4) == "<!--") {
      const std::size_t end = page.find("-->", open + 4);
      copy_to(end == std::string_view::npos ? page.size() : end + 3);
      continue;
    }
    const bool closing = open + 1 < page.size() && page[open + 1] == '/';
    const std::size_t name_start = open + (closing ? 2 : 1);
    if (name_start >= page.size() || !ascii::is_alpha(page[name_start])) {
      copy_to(open + 1);  // "<!DOCTYPE", "<?xml", "a < b": not a start or end tag
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < page.size() && is_tag_name_byte(page[name_end])) ++name_end;
    const std::string_view name = page.substr(name_start, name_end - name_start);
    const std::size_t end = tag_end(page, name_end);
    if (end == std::string_view::npos) break;
    const bool math_or_svg = ascii::iequals(name, "svg") || ascii::iequals(name, "math");
    if (closing) {
      if (math_or_svg && foreign_depth > 0) --foreign_depth;
      if (ascii::iequals(name, "br") && foreign_depth == 0) {
        copy_to(open + 1);  // "</br>" is a line break to a browser; libxml2 drops it
        ++read;
        changed = true;
      }
      copy_to(end + 1);
      continue;
    }
    // "/>" closes only when the slash stands apart: in <a href=/x/> it ends
    // an unquoted value.
    const bool self_closing = end > name_end && page[end - 1] == '/' &&
                              (end - 1 == name_end || ascii::is_html_space(page[end - 2]) ||
                               page[end - 2] == '"' || page[end - 2] == '\'');
    if (math_or_svg && !self_closing) ++foreign_depth;
    if (is_one_of(name, kRawTextElements)) {
      // Found before copying: the copy moves the tag, and `name` with it.
      const std::size_t text_end = self_closing ? end + 1 : closing_tag(page, name, end + 1);
      copy_to(text_end == std::string_view::npos ? page.size() : text_end);
      continue;
    }
    if (!self_closing && foreign_depth == 0 && ascii::iequals(name, "noscript")) {
      const std::size_t text_end = closing_tag(page, name, end + 1);
      copy_to(end + 1);
      if (text_end != std::string_view::npos && text_end > read) {
        read = text_end;  // its content, as text, dropped
        changed = true;
      }
      continue;
    }
    if (self_closing && foreign_depth == 0 && !is_one_of(name, kVoidElements)) {
      copy_to(end - 1);
      ++read;  // the slash
      changed = true;
    }
    copy_to(end + 1);
  }
  copy_to(page.size());
  html.resize(write);
  return changed;
}

}  // namespace feeds::extract_detail

namespace feeds {

std::string as_a_browser_reads_it(std::string html) {
  extract_detail::read_markup_as_a_browser(html);
  return html;
}

}  // namespace feeds
