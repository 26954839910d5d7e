// The figures and small helpers the content steps share
// (extract_content_pass.h): the measuring walk whose per-element figures
// every step reads, and the questions about a node that several steps ask.
#include "extract/extract_content_pass.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

bool is_other_page_link(const xmlNode* link) {
  const std::string_view href = attribute(link, "href");
  return !href.empty() && href.front() != '#';
}

}  // namespace

inline namespace content_steps {

void count_text(const xmlChar* text, std::uint32_t& bytes, std::uint32_t& commas) {
  if (text == nullptr) return;
  for (const xmlChar* p = text; *p != 0; ++p) {
    const unsigned char c = *p;
    if (is_space(c)) continue;
    ++bytes;
    if (c == ',') {
      ++commas;
    } else if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C) {
      ++commas;  // U+FF0C FULLWIDTH COMMA
    } else if (c == 0xE3 && p[1] == 0x80 && (p[2] == 0x81 || p[2] == 0x82)) {
      ++commas;  // 、。 ideographic comma and full stop: CJK prose has few ASCII commas
    } else if (c == 0xD8 && p[1] == 0x8C) {
      ++commas;  // U+060C ARABIC COMMA
    }
  }
}

bool holds_link(xmlNode* node) {
  bool linked = false;
  walk(node, [&](xmlNode* inner) {
    if (is_link(inner)) linked = true;
    return !linked && is_element(inner);
  });
  return linked;
}

bool is_prose_heading(xmlNode* node, std::string_view name, std::uint32_t text_bytes,
                      std::uint32_t link_bytes) {
  if (!is_heading(name) || name == "h1" || text_bytes < 150 || link_bytes * 4 > text_bytes) return false;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (is_element(child) && is_block_element(tag(child))) return false;
  }
  return ends_like_sentence(collapse_whitespace(text_content(node)));
}

bool is_content_marker(const xmlNode* node, std::string_view name) {
  if (name == "article" || name == "main") return true;
  if (iequals(attribute(node, "itemprop"), "articleBody")) return true;
  return class_weight(node) == kStrongPositive;
}

bool is_numbered_entry(xmlNode* heading) {
  for (xmlNode* node = heading->children; node != nullptr; node = node->next) {
    if (node->type != XML_TEXT_NODE) return false;
    std::string_view text = as_view(node->content);
    while (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    if (text.empty()) continue;
    std::size_t digits = 0;
    while (digits < text.size() && digits < 4 && text[digits] >= '0' && text[digits] <= '9') ++digits;
    return digits > 0 && digits < 4 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
  }
  return false;
}

bool links_to_another_page(xmlNode* heading) {
  int levels = 0;
  for (const xmlNode* up = heading->parent; up != nullptr && levels < 2; up = up->parent, ++levels) {
    if (tag(up) == "a") return is_other_page_link(up);
  }
  bool found = false;
  walk(heading, [&](xmlNode* node) {
    if (found || !is_element(node)) return false;
    if (tag(node) != "a") return true;
    found = is_other_page_link(node);
    return false;
  });
  return found;
}

void Pass::measure() {
  const std::size_t expected = order_.capacity();
  reset();
  order_.reserve(expected);
  walk(body_, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    order_.push_back(node);
    // Script and style text is never counted: it can be most of a page's bytes.
    const std::string_view name = tag(node);
    return !(name == "script" || name == "style" || name == "noscript" || name == "template" ||
             name == "svg");
  });
  stats_.resize(order_.size());
  for (std::size_t i = 0; i < order_.size(); ++i) {
    order_[i]->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(i + 1));
  }
  for (std::size_t i = order_.size(); i-- > 0;) {
    xmlNode* node = order_[i];
    NodeStats& own = stats_[i];
    const std::string_view name = tag(node);
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        count_text(child->content, own.text_bytes, own.commas);
      }
    }
    if (name == "a" && is_link(node)) own.link_bytes = own.text_bytes;  // children added below
    if (name == "p" || (is_heading(name) && is_prose_heading(node, name, own.text_bytes, own.link_bytes)))
      ++own.paragraphs;
    if (name == "img" || name == "picture") ++own.images;
    if (name == "time") own.has_time = true;
    if (name == "figure") own.has_figure = true;
    if (name == "blockquote" && is_quoted_post(node)) own.holds_post = true;
    own.class_weight = cached_class_weight(node);
    if (name == "article" || name == "main" || own.class_weight == kStrongPositive) own.marker = true;
    // A heading that holds a link, or that a link wraps (a card's whole face is one link),
    // to another page: a same-page anchor ("#section", a table of contents' back-reference)
    // is the article's own structure.
    if (is_heading(name) && own.text_bytes > 0 &&
        (own.link_bytes * 2 > own.text_bytes || tag(node->parent) == "a" ||
         (node->parent != nullptr && tag(node->parent->parent) == "a")) &&
        links_to_another_page(node) && !is_numbered_entry(node))
      ++own.linked_headings;
    if (xmlNode* parent = node->parent; parent != nullptr && parent->_private != nullptr) {
      NodeStats& up = *stats(parent);
      up.text_bytes += own.text_bytes;
      up.link_bytes += is_link(parent) ? 0 : own.link_bytes;
      up.commas += own.commas;
      up.paragraphs = static_cast<std::uint16_t>(std::min<int>(up.paragraphs + own.paragraphs, 65535));
      up.images = static_cast<std::uint16_t>(std::min<int>(up.images + own.images, 65535));
      up.linked_headings =
          static_cast<std::uint16_t>(std::min<int>(up.linked_headings + own.linked_headings, 65535));
      up.marker = up.marker || own.marker;
      up.has_time = up.has_time || own.has_time;
      up.has_figure = up.has_figure || own.has_figure;
      up.holds_post = up.holds_post || own.holds_post;
    }
  }
}

std::string collapsed_text(xmlNode* node) {
  return collapse_whitespace(text_content(node));
}

bool holds_h1(xmlNode* box) {
  bool found = false;
  walk(box, [&](xmlNode* node) {
    if (found || !is_element(node)) return false;
    found = tag(node) == "h1";
    return !found;
  });
  return found;
}

xmlNode* previous_element(xmlNode* node) {
  xmlNode* before = node->prev;
  while (before != nullptr && !is_element(before)) before = before->prev;
  return before;
}

xmlNode* element_beside(xmlNode* node, bool after) {
  for (xmlNode* other = after ? node->next : node->prev; other != nullptr;
       other = after ? other->next : other->prev) {
    if (is_element(other)) return other;
    if (other->type == XML_TEXT_NODE && !ascii::trim_html(as_view(other->content)).empty()) return nullptr;
  }
  return nullptr;
}

bool is_text_holder(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name != "div" && name != "span") return false;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (is_element(child) && is_block_element(tag(child))) return false;
  }
  return true;
}

}  // namespace content_steps

}  // namespace feeds::extract_detail
