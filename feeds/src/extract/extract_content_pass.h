#pragma once
// What every step of content detection shares: the Pass over the page's
// body, whose per-element figures (text and link bytes, paragraphs, class
// weights, scores) all the steps read and adjust; the Choice of the top
// block that scoring makes and later steps move; and the small DOM and text
// questions more than one step asks. The steps themselves are declared in
// extract_content_steps.h.
#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/ascii.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"

namespace feeds::extract_detail {

// The names the content steps share are extract_detail's, used unqualified
// as any other, but they live in an inline namespace of their own, so that
// their symbols cannot clash with a same-named helper of another
// extract_*.cpp (extract_authors.h declares an is_title_part of its own,
// with the same parameters and another rule).
inline namespace content_steps {

// Per-element figures, reached through xmlNode::_private (an index + 1 into
// a vector owned by the pass), so that no hashing is needed per lookup.
struct NodeStats {
  std::uint32_t text_bytes = 0;  // visible non-space text bytes in the subtree
  std::uint32_t link_bytes = 0;  // of which inside <a>
  std::uint32_t commas = 0;
  std::uint32_t removed_bytes = 0;  // text of descendants that clean_inside removed
  std::uint16_t paragraphs = 0;     // <p> in the subtree
  std::uint16_t images = 0;
  std::uint16_t linked_headings = 0;
  int class_weight = 0;
  double score = 0.0;
  bool candidate = false;
  bool marker = false;  // article / main / articleBody / strong content hint in the subtree
  bool has_time = false;
  bool has_figure = false;  // a <figure> in the subtree: a dateline never holds one
  bool doomed = false;      // chosen for removal by clean_inside
  bool holds_post = false;  // a quoted social post in the subtree
};

// HTML's white space: what the text nodes of a parsed page separate words with.
constexpr bool is_space(unsigned char c) {
  return ascii::is_html_space(static_cast<char>(c));
}

// Counts non-space bytes and commas of a NUL-terminated libxml2 string in
// one pass (no strlen first: text is most of what the passes touch).
void count_text(const xmlChar* text, std::uint32_t& bytes, std::uint32_t& commas);

// An <a> that links somewhere. A named anchor without href (<a
// name="part2">, often left unclosed on old pages, so that it spans whole
// sections) is no link: its text is not link text. Other <a>s without href
// are a script's buttons and menus, link-like as they look.
inline bool is_link(const xmlNode* node) {
  return tag(node) == "a" && (has_attribute(node, "href") || !has_attribute(node, "name"));
}

// Whether the node is a link or holds one.
bool holds_link(xmlNode* node);

inline bool is_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Prose set in a heading tag (old editors styled whole paragraphs as <h4>;
// some themes set the standfirst in an <h2>): a heading below the headline
// level that holds a long sentence, few links and no block inside reads as
// a paragraph, as readability.js scores headings.
bool is_prose_heading(xmlNode* node, std::string_view name, std::uint32_t text_bytes,
                      std::uint32_t link_bytes);

bool is_content_marker(const xmlNode* node, std::string_view name);

// A heading that opens with its number outside the link ("2. <a>The
// lighthouse tours</a>") is an entry of a numbered list article (a
// roundup, "the ten best ..."), not a card: section fronts never number
// their stories.
bool is_numbered_entry(xmlNode* heading);

// Whether a heading's link (inside it, or wrapping it) leads to another page.
bool links_to_another_page(xmlNode* heading);

// One pass of content detection over `body`: its elements in document
// order and their figures (NodeStats), computed by measure() and kept right
// by the steps that remove nodes after it.
class Pass {
 public:
  Pass(xmlNode* body, bool weigh_classes) : body_(body), weigh_classes_(weigh_classes) {}
  ~Pass() { reset(); }

  // Forgets every node; must run before nodes are freed, as order_ and
  // by_class_ point into them.
  void reset() {
    by_class_.clear();
    for (xmlNode* node : order_) node->_private = nullptr;
    order_.clear();
    stats_.clear();
  }
  Pass(const Pass&) = delete;
  Pass& operator=(const Pass&) = delete;

  NodeStats* stats(const xmlNode* node) {
    if (node == nullptr || node->_private == nullptr) return nullptr;
    return &stats_[reinterpret_cast<std::uintptr_t>(node->_private) - 1];
  }

  // Lists the elements in document order and computes subtree figures
  // (children come after their parent in preorder, so a reverse sweep
  // aggregates bottom-up without recursion).
  void measure();

  // class_weight is string work; nodes keep their classes across passes.
  int cached_class_weight(const xmlNode* node) {
    if (node->properties == nullptr) return 0;  // most elements: no class, id or itemprop to read
    if (!weigh_classes_) {
      // Only the explicit body markers still count: itemprop=articleBody.
      return iequals(attribute(node, "itemprop"), "articleBody") ? kStrongPositive : 0;
    }
    auto [it, inserted] = weights_.try_emplace(node, 0);
    if (inserted) it->second = weight_of(node);
    return it->second;
  }

  const std::vector<xmlNode*>& order() const { return order_; }
  xmlNode* body() const { return body_; }

 private:
  xmlNode* body_;
  bool weigh_classes_;
  std::vector<xmlNode*> order_;
  std::vector<NodeStats> stats_;
  std::unordered_map<const xmlNode*, int> weights_;
  std::unordered_map<std::string_view, int> by_class_;  // views into live nodes' class values

  // Elements that differ only by position share one class string (menu
  // items, cards, icons, utility-class soup): without an id or itemprop to
  // read, the weight is computed once per distinct string.
  int weight_of(const xmlNode* node) {
    if (has_attribute(node, "id") || has_attribute(node, "itemprop")) return class_weight(node);
    auto [it, inserted] = by_class_.try_emplace(attribute(node, "class"), 0);
    if (inserted) it->second = class_weight(node);
    return it->second;
  }
};

inline double link_density(const NodeStats& s) {
  return s.text_bytes == 0 ? 0.0 : static_cast<double>(s.link_bytes) / static_cast<double>(s.text_bytes);
}

std::string collapsed_text(xmlNode* node);

inline bool is_ancestor(const xmlNode* ancestor, const xmlNode* node) {
  for (int steps = 0; node != nullptr && steps < 4096; node = node->parent, ++steps) {
    if (node == ancestor) return true;
  }
  return false;
}

struct Choice {
  xmlNode* top = nullptr;
  double top_score = 0.0;
  double runner_up = 0.0;
  // The next stories of an endless-scroll page (step_into_own_story): never
  // gathered beside the chosen one.
  std::vector<xmlNode*> other_stories;
};

// A table cell: td or th.
inline bool is_table_cell(const xmlNode* node) {
  return is_element(node) && (tag(node) == "td" || tag(node) == "th");
}

// A text node (or CDATA) of white space only.
inline bool is_blank_text(const xmlNode* node) {
  if (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE) return false;
  for (char c : as_view(node->content)) {
    if (!is_space(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Whether the box holds an h1.
bool holds_h1(xmlNode* box);

// The nearest element before `node` among its siblings, whatever text lies
// between.
xmlNode* previous_element(xmlNode* node);

// The element beside `node` (white space and comments passed over), after
// it or before it.
xmlNode* element_beside(xmlNode* node, bool after);

// A div or span that holds text and inline elements only: a paragraph
// without the <p>.
bool is_text_holder(xmlNode* node);

}  // namespace content_steps

}  // namespace feeds::extract_detail
