#pragma once
// libxml2 DOM helpers for article extraction: RAII ownership, attribute and
// text access without allocation, and iterative traversal (pages may be
// nested tens of thousands deep; recursion would overflow the stack).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "common/ascii.h"
#include "common/libxml_ptr.h"

namespace feeds::extract_detail {

using feeds::XmlDocPtr;

// Parses UTF-8 HTML with recovery, no network, no error output, libxml2's
// default depth limit (no HTML_PARSE_HUGE). Returns null when libxml2 gives
// nothing back (which it does for input without any markup or text).
XmlDocPtr parse_html_utf8(std::string_view utf8, std::string_view url);

inline std::string_view as_view(const xmlChar* text) {
  return text == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(text));
}

inline bool is_element(const xmlNode* node) {
  return node != nullptr && node->type == XML_ELEMENT_NODE;
}

// Lower-case element name (libxml2's HTML parser lower-cases tags).
inline std::string_view tag(const xmlNode* node) {
  return is_element(node) ? as_view(node->name) : std::string_view{};
}

// Attribute value as a view into the tree, "" when absent.
std::string_view attribute(const xmlNode* node, std::string_view name);
bool has_attribute(const xmlNode* node, std::string_view name);

// Whether any token of a space-separated attribute value (class, rel,
// itemprop, id) satisfies `test`.
template <typename Test>
bool any_token(std::string_view list, Test&& test) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && ascii::is_html_space(list[i])) ++i;
    const std::size_t start = i;
    while (i < list.size() && !ascii::is_html_space(list[i])) ++i;
    if (i == start) break;
    if (test(list.substr(start, i - start))) return true;
  }
  return false;
}

// Whether a space-separated attribute value (class, rel, itemprop) holds one
// of `tokens` as a whole token, case-insensitively ("hidden" in "box hidden",
// not in "hidden-xs").
bool has_token(std::string_view list, std::initializer_list<std::string_view> tokens);

// Next node in document order after `node` within `root`'s subtree; when
// `descend` is false the children of `node` are skipped.
inline xmlNode* next_in_subtree(xmlNode* node, const xmlNode* root, bool descend) {
  if (descend && node->children != nullptr) return node->children;
  while (node != nullptr && node != root) {
    if (node->next != nullptr) return node->next;
    node = node->parent;
  }
  return nullptr;
}

// Calls visit(node) for every node of root's subtree (root included) in
// document order; visit returns false to skip the node's children.
template <typename Visit>
void walk(xmlNode* root, Visit&& visit) {
  for (xmlNode* node = root; node != nullptr;) {
    const bool descend = visit(node);
    node = next_in_subtree(node, root, descend);
  }
}

// All text in the subtree, concatenated as is (scripts and styles included
// only if the caller left them in).
std::string text_content(xmlNode* root);

// Unlinks and frees a node, keeping a walk valid when the caller computed
// the next node first.
inline void remove_node(xmlNode* node) {
  xmlUnlinkNode(node);
  xmlFreeNode(node);
}

// Case-insensitive ASCII comparisons (common/ascii.h).
using ascii::icontains;
using ascii::iequals;
using ascii::istarts_with;
inline std::string ascii_lower(std::string_view text) {
  return ascii::lower(text);
}

}  // namespace feeds::extract_detail
