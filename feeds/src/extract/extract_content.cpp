#include "extract/extract_content.h"

#include <libxml/HTMLtree.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/ascii.h"
#include "extract/extract_dates.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_pull_quotes.h"
#include "extract/extract_repeated_labels.h"
#include "extract/extract_tokens.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {
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

// An <a> that links somewhere. A named anchor without href (<a
// name="part2">, often left unclosed on old pages, so that it spans whole
// sections) is no link: its text is not link text. Other <a>s without href
// are a script's buttons and menus, link-like as they look.
bool is_link(const xmlNode* node) {
  return tag(node) == "a" && (has_attribute(node, "href") || !has_attribute(node, "name"));
}

// Whether the node is a link or holds one.
bool holds_link(xmlNode* node) {
  bool linked = false;
  walk(node, [&](xmlNode* inner) {
    if (is_link(inner)) linked = true;
    return !linked && is_element(inner);
  });
  return linked;
}

bool is_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Prose set in a heading tag (old editors styled whole paragraphs as <h4>;
// some themes set the standfirst in an <h2>): a heading below the headline
// level that holds a long sentence, few links and no block inside reads as
// a paragraph, as readability.js scores headings.
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

// Elements that may hold the article and therefore receive scores.
double base_score(std::string_view name) {
  if (name == "div" || name == "article" || name == "main") return 5;
  if (name == "section") return 3;
  if (name == "pre" || name == "td" || name == "blockquote") return 3;
  if (name == "address" || name == "ol" || name == "ul" || name == "dl" || name == "dd" || name == "dt" ||
      name == "li" || name == "form")
    return -3;
  if (is_heading(name) || name == "th") return -5;
  return 0;
}

bool is_other_page_link(const xmlNode* link) {
  const std::string_view href = attribute(link, "href");
  return !href.empty() && href.front() != '#';
}

// A heading that opens with its number outside the link ("2. <a>The
// lighthouse tours</a>") is an entry of a numbered list article (a
// roundup, "the ten best ..."), not a card: section fronts never number
// their stories.
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

std::string collapsed_text(xmlNode* node);

// The permalink mark a documentation or blog theme puts in each heading
// ("<a class=headerlink href=#intro>#</a>", "¶", "§"): a same-page anchor
// whose text is one sign, not a word of the heading.
bool is_heading_permalink(xmlNode* link) {
  if (!attribute(link, "href").starts_with("#") || link->parent == nullptr || !is_heading(tag(link->parent)))
    return false;
  const std::string text = collapsed_text(link);
  return text == "#" || text == "\xC2\xB6" || text == "\xC2\xA7" || text == "\xF0\x9F\x94\x97";  // ¶ § 🔗
}

// Whether a heading's link (inside it, or wrapping it) leads to another page.
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
  void measure() {
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

double link_density(const NodeStats& s) {
  return s.text_bytes == 0 ? 0.0 : static_cast<double>(s.link_bytes) / static_cast<double>(s.text_bytes);
}

// `wrapper`'s only element child on the way down to `inner` (scripts aside):
// a box that holds nothing but the embed.
bool only_child_element(const xmlNode* wrapper, const xmlNode* inner) {
  for (const xmlNode* child = wrapper->children; child != nullptr; child = child->next) {
    if (!is_element(child) || tag(child) == "script") continue;
    const xmlNode* up = inner;
    while (up != nullptr && up->parent != wrapper) up = up->parent;
    if (child != up) return false;
  }
  return true;
}

// ASP.NET WebForms and some portals wrap the whole page in one <form>: a
// form holding paragraphs of prose is the page, not a search box or a
// sign-up form (their fields go anyway).
bool is_page_form(xmlNode* form) {
  int paragraphs = 0;
  std::uint32_t bytes = 0, commas = 0;
  bool page = false;
  walk(form, [&](xmlNode* node) {
    if (page) return false;
    if (node->type == XML_TEXT_NODE) {
      count_text(node->content, bytes, commas);
      page = bytes >= 1500;
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "script" || name == "style" || name == "select") return false;
    if (name == "p" || name == "article" || name == "main") page = ++paragraphs >= 3 || name != "p";
    return true;
  });
  return page;
}

// An <aside> is a sidebar, but some themes set the post itself in one
// ("aside.blogPost"): an aside holding an h1 and three paragraphs or more is
// the page's main block, not a note beside it.
bool is_headline_aside(xmlNode* aside) {
  bool headline = false;
  int paragraphs = 0;
  walk(aside, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "h1") headline = true;
    if (name == "p") ++paragraphs;
    return !(name == "h1" || name == "p" || name == "script" || name == "style");
  });
  return headline && paragraphs >= 3;
}

// Nothing but white space before the node in its paragraph.
bool opens_paragraph(const xmlNode* node) {
  if (node->parent == nullptr || tag(node->parent) != "p") return false;
  for (const xmlNode* before = node->prev; before != nullptr; before = before->prev) {
    if (before->type != XML_TEXT_NODE) return false;
    for (char c : as_view(before->content)) {
      if (!is_space(static_cast<unsigned char>(c))) return false;
    }
  }
  return true;
}

// A dateline's or a lead-in's closing mark: "CAIRO —", "BERLIN (AP) -",
// "Update:".
bool ends_with_lead_in(std::string_view text) {
  while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text.ends_with("\u2014") || text.ends_with("\u2013") || text.ends_with(" -") || text.ends_with(":");
}

// A few words set inline in a sentence: a link or a span with words of the
// same sentence right before it and more of it, or its stop, after it ("am a <a
// class="popup">rather elderly</a> man"). Whatever its class says (a note
// popup, a tooltip), removing it would cut the sentence; furniture sits
// between blocks, not between words.
bool inside_sentence(const xmlNode* node) {
  const std::string_view name = tag(node);
  if (!(name == "a" || name == "span" || name == "em" || name == "strong" || name == "b" || name == "i"))
    return false;
  const xmlNode* before = node->prev;
  const xmlNode* after = node->next;
  // Words before it; after it, at least the sentence's closing stop.
  auto has_text = [](const xmlNode* text, int enough) {
    if (text == nullptr || text->type != XML_TEXT_NODE) return false;
    int seen = 0;
    for (char c : as_view(text->content)) {
      if (!is_space(static_cast<unsigned char>(c)) && ++seen >= enough) return true;
    }
    return false;
  };
  if (!has_text(after, 1)) return false;
  std::uint32_t bytes = 0, commas = 0;
  std::string_view last_text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_TEXT_NODE) return false;
    count_text(child->content, bytes, commas);
    last_text = as_view(child->content);
  }
  if (bytes == 0 || bytes >= 120) return false;
  // A dateline set apart ("<span class=dateline>CAIRO —</span> Gunmen
  // opened fire...") opens the first sentence.
  return has_text(before, 2) ||
         (opens_paragraph(node) && has_text(after, 20) && ends_with_lead_in(last_text));
}

// A box the page labels a dialog is a pop-up (a sign-up, a consent
// prompt) on most pages, but some sites show the story itself in one (a
// post set as a letter over the page): the retries after a weak first cut
// read it, as they read what classes and aria-hidden hid.
bool is_dialog_role(const xmlNode* node) {
  const std::string_view role = attribute(node, "role");
  return iequals(role, "dialog") || iequals(role, "alertdialog");
}

// The text of a line that labels a comment thread ("Comments", "12
// Responses", "Leave a Reply"). "Discussion" is left out: it is a paper's
// section as often; and so is a lone "Comment", a section of an opinion
// piece or a table's column. A label ends without a full stop: "Thoughts
// on how we're shaping up. See ya." is a post's last line.
bool is_thread_label(std::string_view text) {
  if (text.empty() || text.back() == '.' || text.back() == '!' || text.back() == '?') return false;
  return is_comments_label(text) && !icontains(text, "discussion") && !iequals(text, "comment");
}

// A line beside another that opens with a date is one entry of a list of
// dates (a band's tour, a diary), not the story's dateline.
bool beside_dated_line(xmlNode* node) {
  for (const bool after : {false, true}) {
    xmlNode* other = after ? node->next : node->prev;
    while (other != nullptr && !is_element(other)) other = after ? other->next : other->prev;
    if (other != nullptr && opens_with_date(leading_words(collapse_whitespace(text_content(other)), 120)))
      return true;
  }
  return false;
}

// A button that closes the box it is in ("✕", "×", "Close", aria-label
// "close" or "dismiss"): the box is a banner laid over the page, a
// donation bid or a newsletter box. No story is dismissed by its reader.
bool is_close_button(xmlNode* button) {
  const std::string label = ascii_lower(attribute(button, "aria-label"));
  if (label.find("close") != std::string::npos || label.find("dismiss") != std::string::npos) return true;
  const std::string text = collapse_whitespace(text_content(button));
  return text == "\u2715" || text == "\u2716" || text == "\u00d7" || text == "X" || text == "x" ||
         ascii_lower(text) == "close";
}

// The box a close button dismisses: the nearest div, section or aside
// around it, when its text is short (a banner of a paragraph or two, not
// a story).
xmlNode* dismissed_box(xmlNode* button) {
  int levels = 0;
  for (xmlNode* up = button->parent; is_element(up) && levels < 3; up = up->parent, ++levels) {
    const std::string_view name = tag(up);
    if (name != "div" && name != "section" && name != "aside") continue;
    std::size_t bytes = 0;
    int paragraphs = 0;
    walk(up, [&](xmlNode* node) {
      if (node->type == XML_TEXT_NODE) bytes += as_view(node->content).size();
      if (is_element(node) && tag(node) == "p") ++paragraphs;
      return bytes <= 1000 && paragraphs <= 2 && is_element(node);
    });
    return bytes <= 1000 && paragraphs <= 2 ? up : nullptr;
  }
  return nullptr;
}

// A box named for navigation that links nowhere and holds paragraphs of
// prose is no menu of the site: two paragraphs of 40 bytes or more, no link.
bool is_prose_without_links(xmlNode* box) {
  if (holds_link(box)) return false;
  int paragraphs = 0;
  walk(box, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    if (tag(node) == "p" && collapsed_text(node).size() >= 40) ++paragraphs;
    return paragraphs < 2;
  });
  return paragraphs >= 2;
}

// Step 1: drop what is never article text: scripts, forms, navigation,
// hidden elements, and blocks whose class/id/role says furniture unless
// they contain the article (a "page-with-sidebar" wrapper).
void remove_furniture(Pass& pass, bool by_class, bool drop_aria_hidden) {
  xmlNode* body = pass.body();
  // Elements holding a content marker (article, main, articleBody, a strong
  // content class) are never removed as furniture. Marking ancestors stops
  // at the first one already marked, so this stays linear. The mark lives in
  // _private (unused until measure()), which is cheaper than a hash set
  // probed for every element; `marked` lists the nodes to clear afterwards.
  static int holds_marker_tag = 0;
  void* const holds_marker = &holds_marker_tag;
  std::vector<xmlNode*> marked;
  std::vector<xmlNode*> quoted_posts;
  std::vector<xmlNode*> dismissed;  // banners with a close button (rare: searched only when found)
  walk(body, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "script" || name == "style" || name == "noscript" || name == "template" || name == "svg")
      return false;
    if (name == "article" || name == "main" || pass.cached_class_weight(node) == kStrongPositive) {
      for (xmlNode* up = node; is_element(up) && up->_private != holds_marker; up = up->parent) {
        up->_private = holds_marker;
        marked.push_back(up);
      }
    }
    if (name == "button" && is_close_button(node)) {
      if (xmlNode* box = dismissed_box(node)) dismissed.push_back(box);
      return false;
    }
    if (is_quoted_post(node)) {
      quoted_posts.push_back(node);
      // The post and the wrappers that hold nothing else ("c-embed--social",
      // "wp-block-embed-twitter") are kept: the post's text is the story's.
      int levels = 0;
      for (xmlNode* up = node; is_element(up) && up->_private != holds_marker && levels < 3;
           up = up->parent, ++levels) {
        if (up != node && !only_child_element(up, node)) break;
        up->_private = holds_marker;
        marked.push_back(up);
      }
      return false;
    }
    return true;
  });
  // A quoted post keeps its paragraphs; the attribution after them goes.
  for (xmlNode* post : quoted_posts) {
    for (xmlNode* child = post->children; child != nullptr;) {
      xmlNode* next = child->next;
      if (!(is_element(child) && tag(child) == "p")) remove_node(child);
      child = next;
    }
  }
  std::vector<xmlNode*> doomed;
  walk(body, [&](xmlNode* node) {
    if (!is_element(node)) {
      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE) doomed.push_back(node);
      return false;
    }
    if (node == body) return true;
    const std::string_view name = tag(node);
    const bool protects = node->_private == holds_marker;
    const bool always = name == "script" || name == "style" || name == "noscript" || name == "template" ||
                        name == "svg" || name == "annotation" || name == "annotation-xml" ||
                        name == "iframe" || name == "object" || name == "embed" || name == "canvas" ||
                        name == "button" || name == "input" || name == "select" || name == "textarea" ||
                        name == "link" || name == "meta" || name == "head" || name == "title" ||
                        name == "dialog" || name == "label";
    // A paragraph hidden by a paywall is the story's (is_paywalled_paragraph),
    // and sites hide it from screen readers too.
    bool remove = always || is_hidden(node, drop_aria_hidden && !is_paywalled_paragraph(node));
    if (!remove && !protects) {
      remove = (is_junk_element(name) && !(name == "form" && is_page_form(node)) &&
                !(name == "aside" && is_headline_aside(node))) ||
               (has_furniture_role(node) && (by_class || !is_dialog_role(node))) ||
               (by_class && pass.cached_class_weight(node) <= kStrongNegative && removable_by_class(node) &&
                !inside_sentence(node) && !(is_heading(name) && is_thread_label(collapsed_text(node))) &&
                !(names_only_navigation(node) && is_prose_without_links(node))) ||
               (by_class && has_hidden_class(node)) ||
               (!dismissed.empty() && std::find(dismissed.begin(), dismissed.end(), node) != dismissed.end());
    }
    if (remove) {
      doomed.push_back(node);
      return false;
    }
    return true;
  });
  for (xmlNode* node : marked) node->_private = nullptr;
  pass.reset();
  for (xmlNode* node : doomed) remove_node(node);
}

bool is_blank_text(const xmlNode* node);

// Text that sits directly in a container beside block children, or in runs
// separated by <br><br>, is never a paragraph to the scorer: each run of
// text and inline elements is wrapped into a <p> of its own first
// (readability does the same). Runs under 25 bytes of text are left alone.
void wrap_bare_text(xmlNode* body) {
  std::vector<xmlNode*> containers;
  walk(body, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    // Tables are walked: table layouts put a whole article, text and <br>
    // runs beside headings, into one cell.
    if (name == "p" || is_heading(name) || name == "a" || name == "pre" || name == "ul" || name == "ol")
      return false;
    if (name == "div" || name == "section" || name == "article" || name == "main" || name == "td" ||
        name == "blockquote" || name == "center" || name == "body" || name == "font" || name == "span") {
      bool has_block = false, has_text = false;
      xmlNode* previous_br = nullptr;
      for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_TEXT_NODE && !is_blank_text(child)) has_text = true;
        if (!is_element(child)) continue;
        const std::string_view child_name = tag(child);
        if (child_name == "br") {
          if (previous_br != nullptr) has_block = true;
          previous_br = child;
          continue;
        }
        if (is_block_element(child_name)) has_block = true;
        previous_br = nullptr;
      }
      if (has_block && has_text) containers.push_back(node);
    }
    return true;
  });
  for (xmlNode* container : containers) {
    std::vector<xmlNode*> run;
    auto flush = [&] {
      std::uint32_t bytes = 0, commas = 0;
      for (xmlNode* n : run) {
        if (n->type == XML_TEXT_NODE) {
          count_text(n->content, bytes, commas);
        } else {
          walk(n, [&](xmlNode* inner) {
            if (inner->type == XML_TEXT_NODE) count_text(inner->content, bytes, commas);
            return is_element(inner);
          });
        }
      }
      if (bytes >= 25) {
        xmlNode* paragraph =
            xmlNewDocNode(container->doc, nullptr, reinterpret_cast<const xmlChar*>("p"), nullptr);
        if (paragraph != nullptr) {
          xmlAddPrevSibling(run.front(), paragraph);
          for (xmlNode* n : run) {
            xmlUnlinkNode(n);
            xmlAddChild(paragraph, n);
          }
        }
      }
      run.clear();
    };
    xmlNode* child = container->children;
    while (child != nullptr) {
      xmlNode* next = child->next;
      const bool block = is_element(child) && is_block_element(tag(child));
      const bool br = tag(child) == "br";
      if (block) {
        flush();
      } else if (br) {
        // <br><br> ends a paragraph; a single <br> is a line break inside it.
        xmlNode* after = next;
        while (after != nullptr && is_blank_text(after)) after = after->next;
        if (after != nullptr && tag(after) == "br") {
          flush();
        } else if (!run.empty()) {
          run.push_back(child);
        }
      } else if (child->type == XML_TEXT_NODE || is_element(child)) {
        if (!(run.empty() && is_blank_text(child))) run.push_back(child);
      }
      child = next;
    }
    flush();
  }
}

// Readability's insight: a paragraph's score goes to its parent and, less,
// to the ancestors above; the element that collects most is the article.
void score_paragraphs(Pass& pass) {
  pass.measure();
  for (xmlNode* node : pass.order()) {
    const std::string_view name = tag(node);
    bool paragraph = name == "p" || name == "pre";
    if (is_heading(name)) {
      const NodeStats& heading = *pass.stats(node);
      paragraph = is_prose_heading(node, name, heading.text_bytes, heading.link_bytes);
    }
    if (!paragraph &&
        (name == "div" || name == "td" || name == "blockquote" || name == "li" || name == "dd" ||
         name == "section" || name == "span" || name == "font" || name == "center")) {
      // A text holder without block children counts as a paragraph (no-<p> layouts).
      paragraph = true;
      for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (is_element(child) && is_block_element(tag(child))) {
          paragraph = false;
          break;
        }
      }
      if (paragraph && (name == "li" || name == "span" || name == "font")) {
        // Short list items and spans are navigation more often than prose.
        paragraph = pass.stats(node)->text_bytes >= 120;
      }
    }
    if (!paragraph) continue;
    const NodeStats& own = *pass.stats(node);
    if (own.text_bytes < 25) continue;
    if (link_density(own) > 0.5) continue;
    double content = 1.0 + std::min<double>(own.commas, 20) + std::min(own.text_bytes / 100.0, 3.0);
    xmlNode* ancestor = node->parent;
    for (int level = 0; level < 5 && ancestor != nullptr; ++level, ancestor = ancestor->parent) {
      NodeStats* up = pass.stats(ancestor);
      if (up == nullptr) break;  // above <body>
      if (!up->candidate) {
        up->candidate = true;
        up->score = base_score(tag(ancestor)) + up->class_weight;
        if (tag(ancestor) == "article") up->score += 10;
        if (iequals(attribute(ancestor, "itemprop"), "articleBody")) up->score += 30;
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      up->score += content / divider;
    }
  }
}

bool is_ancestor(const xmlNode* ancestor, const xmlNode* node) {
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

// One box beside the top with a name of its own (a class or id the top
// does not share: "features", "dsq-content", "content-row") is another part
// of the page, a rail of features or the comments, not the story's second
// half: a story split over containers repeats their name ("post__content",
// "Section1") or, in old table layouts, has none. A caption box is the
// story's own, whatever its name.
bool is_other_named_box(const xmlNode* box, const xmlNode* top) {
  const std::string_view box_class = attribute(box, "class");
  const std::string_view box_id = attribute(box, "id");
  if (box_class.empty() && box_id.empty()) return false;
  if (is_caption(box)) return false;
  const bool shares_name = (!box_class.empty() && box_class == attribute(top, "class")) ||
                           (!box_id.empty() && box_id == attribute(top, "id"));
  return !shares_name;
}

Choice choose_top(Pass& pass) {
  struct Scored {
    xmlNode* node;
    double score;
  };
  std::vector<Scored> scored;
  for (xmlNode* node : pass.order()) {
    NodeStats& s = *pass.stats(node);
    if (!s.candidate) continue;
    s.score *= (1.0 - link_density(s));
    scored.push_back({node, s.score});
  }
  Choice choice;
  if (scored.empty()) return choice;
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  choice.top = scored.front().node;
  choice.top_score = scored.front().score;
  int looked = 0;
  for (std::size_t i = 1; i < scored.size() && looked < 32; ++i, ++looked) {
    if (is_ancestor(scored[i].node, choice.top) || is_ancestor(choice.top, scored[i].node)) continue;
    choice.runner_up = scored[i].score;
    break;
  }
  // Content split into separate containers (Medium-style sections, long
  // reads): when other candidates nearly as good as the top share a close
  // ancestor with it, the article is that ancestor.
  std::vector<xmlNode*> alternatives;
  for (std::size_t i = 1; i < scored.size() && i < 12; ++i) {
    if (scored[i].score < choice.top_score * 0.6) break;
    if (is_ancestor(scored[i].node, choice.top) || is_ancestor(choice.top, scored[i].node)) continue;
    alternatives.push_back(scored[i].node);
  }
  if (alternatives.size() == 1 && is_other_named_box(alternatives.front(), choice.top)) alternatives.clear();
  if (!alternatives.empty()) {
    int depth = 0;
    for (xmlNode* ancestor = choice.top->parent; ancestor != nullptr && ancestor != pass.body() && depth < 6;
         ancestor = ancestor->parent, ++depth) {
      const NodeStats* s = pass.stats(ancestor);
      if (s == nullptr || link_density(*s) > 0.3) break;
      const bool holds_all = std::all_of(alternatives.begin(), alternatives.end(), [&](xmlNode* alternative) {
        return is_ancestor(ancestor, alternative);
      });
      if (holds_all) {
        choice.top = ancestor;
        choice.top_score = std::max(choice.top_score, s->score);
        choice.runner_up = 0;
        return choice;
      }
    }
  }
  // Content split over sibling blocks can leave its score spread: when the
  // parent scores nearly as well, the parent is the article.
  xmlNode* parent = choice.top->parent;
  NodeStats* up = pass.stats(parent);
  if (up != nullptr && up->candidate && parent != pass.body() && up->score >= choice.top_score * 0.9 &&
      link_density(*up) < 0.3) {
    choice.top = parent;
    choice.top_score = up->score;
  }
  return choice;
}

// A block inside the story (a quoted press release, a boxed excerpt) can
// outscore the story when its wrapper, which scores little, stands between
// them: the paragraphs around the box score the story at the level above.
// When the parent is such a wrapper (a candidate under the top's score) and
// the grandparent scores nearly as well as the top (90 %) with few links,
// the grandparent is the article, as the parent would be (readability.js
// climbs the same way, through ancestors scoring less).
void climb_past_wrapper(Pass& pass, Choice& choice) {
  xmlNode* parent = choice.top->parent;
  if (parent == nullptr || parent == pass.body()) return;
  xmlNode* grandparent = parent->parent;
  if (grandparent == nullptr || grandparent == pass.body()) return;
  const NodeStats* ps = pass.stats(parent);
  const NodeStats* gs = pass.stats(grandparent);
  if (ps == nullptr || gs == nullptr || !gs->candidate) return;
  if (ps->candidate && ps->score >= choice.top_score * 0.9) return;  // the parent rule's case
  if (link_density(*gs) >= 0.3) return;
  // With three paragraphs or more of its own beside the wrapper, a third of
  // the box's text and few links, the grandparent need only score 60 % of
  // the top: a press release quoted in full in a box can hold twice the text
  // of the post around it (Engadget).
  const std::uint32_t beside_bytes = gs->text_bytes - std::min(gs->text_bytes, ps->text_bytes);
  const std::uint32_t beside_links = gs->link_bytes - std::min(gs->link_bytes, ps->link_bytes);
  const bool prose_beside_box = gs->paragraphs >= ps->paragraphs + 3 &&
                                beside_bytes * 10 >= ps->text_bytes * 3 && beside_links * 4 <= beside_bytes;
  if (gs->score < choice.top_score * (prose_beside_box ? 0.6 : 0.9)) return;
  choice.top = grandparent;
  choice.top_score = gs->score;
}

// A top candidate that holds story cards (four or more headings linking to
// other pages) won on the cards' excerpts added to the story beside them: a
// news entry above its "more news" box, a post beside a rail of latest
// posts, once a wrapper holding both collects both scores. When a block
// inside it holds no linked heading, is prose (400+ bytes, link density
// under 0.25) and scores at least half as well, that block is the article;
// the veto against listings would otherwise read the cards as the page.
void step_inside_cards(Pass& pass, Choice& choice) {
  const NodeStats* top = pass.stats(choice.top);
  if (top == nullptr || top->linked_headings < 4) return;
  xmlNode* best = nullptr;
  double best_score = choice.top_score * 0.5;
  walk(choice.top, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const NodeStats* s = pass.stats(node);
    if (s == nullptr) return false;
    if (node != choice.top && s->candidate && s->linked_headings == 0 && s->text_bytes >= 400 &&
        link_density(*s) < 0.25 && s->score >= best_score) {
      best = node;
      best_score = s->score;
    }
    return true;
  });
  if (best == nullptr) return;
  choice.top = best;
  choice.top_score = best_score;
}

bool holds_h1(xmlNode* box);
xmlNode* find_headline(Pass& pass, std::string_view title);

// An endless-scroll page sends the next story below its own, and a wrapper
// holding both wins on both: each an <article> with its own h1 and prose.
// The page's story is the one holding the page's headline, else the first
// (the next ones are appended below it). Live blogs' entries are articles
// too, but with no h1 of their own.
void step_into_own_story(Pass& pass, Choice& choice, std::string_view title) {
  std::vector<xmlNode*> stories;
  walk(choice.top, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    if (node == choice.top || tag(node) != "article") return true;
    const NodeStats* s = pass.stats(node);
    if (s != nullptr && s->text_bytes >= 400 && s->paragraphs >= 2 && link_density(*s) < 0.3 &&
        holds_h1(node))
      stories.push_back(node);
    return false;
  });
  if (stories.size() < 2) return;
  xmlNode* own = stories.front();
  if (xmlNode* headline = find_headline(pass, title); headline != nullptr) {
    for (xmlNode* story : stories) {
      if (is_ancestor(story, headline)) own = story;
    }
  }
  const NodeStats* s = pass.stats(own);
  choice.top = own;
  if (s->candidate) choice.top_score = s->score;
  for (xmlNode* story : stories) {
    if (story != own) choice.other_stories.push_back(story);
  }
}

// A table row lays its cells side by side: the columns of a layout (a rail
// of links or advertisements beside the story), not parts of one text. A
// row wins when two cells' scores add up; the article is then its
// best-scored cell, and the cells beside it are other columns, not siblings
// to gather. A row with one cell of text is a band of the layout, and its
// rows above and below may still be parts of the story: it stays.
bool is_table_cell(const xmlNode* node) {
  return is_element(node) && (tag(node) == "td" || tag(node) == "th");
}

void step_into_cell(Pass& pass, Choice& choice) {
  if (tag(choice.top) != "tr") return;
  xmlNode* best = nullptr;
  double best_score = 0;
  int cells_with_text = 0;
  for (xmlNode* cell = choice.top->children; cell != nullptr; cell = cell->next) {
    const NodeStats* s = is_table_cell(cell) ? pass.stats(cell) : nullptr;
    if (s == nullptr || s->text_bytes == 0) continue;
    ++cells_with_text;
    if (!s->candidate) continue;
    if (best == nullptr || s->score > best_score) {
      best = cell;
      best_score = s->score;
    }
  }
  if (best == nullptr || cells_with_text < 2) return;
  choice.top = best;
  choice.top_score = best_score;
}

std::string collapsed_text(xmlNode* node) {
  return collapse_whitespace(text_content(node));
}

// Whether `text` is the part of `title` before or after a site separator
// ("At Dior SS13 – Hanneli", "Blog name: Post title"): a short headline
// whose title the page's metadata kept the site name in.
bool is_title_part(std::string_view title, std::string_view text) {
  if (text.size() < 8 || text.size() >= title.size()) return false;
  static constexpr std::array<std::string_view, 8> kSeparators = {" – ", " — ",  " | ", " - ",
                                                                  ": ",  " :: ", " » ", " · "};
  for (std::string_view separator : kSeparators) {
    if (iequals(title.substr(0, text.size()), text) && title.substr(text.size()).starts_with(separator))
      return true;
    if (title.size() >= text.size() + separator.size() &&
        iequals(title.substr(title.size() - text.size()), text) &&
        title.substr(0, title.size() - text.size()).ends_with(separator))
      return true;
  }
  return false;
}

// The headline in the body: the first h1/h2/h3 whose text is the page's title
// (or holds it, or is held by it, when both are long enough to be sure, or is
// the title without the site's name). Blog themes put a post's title in h2
// or h3 under the blog's name in h1.
xmlNode* find_headline(Pass& pass, std::string_view title) {
  if (title.size() < 12) return nullptr;
  for (xmlNode* node : pass.order()) {
    const std::string_view name = tag(node);
    if (name != "h1" && name != "h2" && name != "h3") continue;
    const NodeStats* s = pass.stats(node);
    if (s == nullptr || s->text_bytes < 8 || s->text_bytes > 400) continue;
    const std::string text = collapse_whitespace(text_content(node));
    if (iequals(text, title) || (text.size() >= 20 && icontains(title, text)) ||
        (title.size() >= 20 && icontains(text, title)) || is_title_part(title, text))
      return node;
  }
  return nullptr;
}

// A reader starts reading below the headline. When the best-scored block
// neither holds the headline nor lies inside the container of the prose
// that follows it (a comment thread, a list of other stories won on
// volume), the article is that following prose's best container, if it is
// a real block of prose in its own right.
// Returns whether the chosen block (after the move, if any) holds the first
// prose below the headline: evidence that it is the article.
bool anchor_to_headline(Pass& pass, Choice& choice, xmlNode* headline) {
  if (headline == nullptr) return false;
  // The first prose paragraph after the headline, in document order.
  xmlNode* prose = nullptr;
  for (xmlNode* node = next_in_subtree(headline, pass.body(), false); node != nullptr;
       node = next_in_subtree(node, pass.body(), true)) {
    if (!is_element(node)) continue;
    const std::string_view name = tag(node);
    const NodeStats* s = pass.stats(node);
    if (s == nullptr) continue;
    if (is_heading(name) && s->text_bytes > 0 && s->linked_headings > 0) return false;  // a list of stories
    // A paragraph may name a few links (a fashion post's "jeans by …"); a
    // text-holding div or cell must be plainer.
    if ((name == "p" || name == "div" || name == "td") && s->text_bytes >= 60 &&
        link_density(*s) < (name == "p" ? 0.35 : 0.2)) {
      bool block_children = false;
      for (xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (is_element(child) && is_block_element(tag(child))) block_children = true;
      }
      if (!block_children) {
        prose = node;
        break;
      }
    }
  }
  if (prose == nullptr) return false;
  if (is_ancestor(choice.top, prose)) return true;
  if (is_ancestor(choice.top, headline)) return false;
  // Its best-scored container within three levels.
  xmlNode* best = nullptr;
  double best_score = 0;
  int level = 0;
  for (xmlNode* up = prose->parent; up != nullptr && up != pass.body() && level < 3;
       up = up->parent, ++level) {
    const NodeStats* s = pass.stats(up);
    if (s == nullptr) break;
    if (s->candidate && s->score > best_score) {
      best = up;
      best_score = s->score;
    }
  }
  if (best == nullptr || is_ancestor(best, choice.top)) return false;
  const NodeStats* s = pass.stats(best);
  if (best_score < choice.top_score * 0.25 || s->text_bytes < 400 || link_density(*s) > 0.3) return false;
  choice.runner_up = choice.top_score;
  choice.top = best;
  choice.top_score = best_score;
  return true;
}

bool is_prose_block(Pass& pass, xmlNode* node, std::string_view name);
bool holds_story_paragraphs(xmlNode* node);
bool wraps_data_table(xmlNode* box);
bool is_builder_heading(Pass& pass, xmlNode* node);

xmlNode* previous_element(xmlNode* node) {
  xmlNode* before = node->prev;
  while (before != nullptr && !is_element(before)) before = before->prev;
  return before;
}

// Whether the box's last element child is a heading without a link: a
// heading announces what follows it, and an article never ends on one.
bool ends_with_heading(xmlNode* box) {
  xmlNode* last = box->last;
  while (last != nullptr && !is_element(last)) last = last->prev;
  return last != nullptr && is_heading(tag(last)) && !holds_link(last);
}

// The one <p> a box holds and nothing else beside (white space aside):
// the Telegraph set each opening paragraph in a div of its own
// (div.firstPar, div.secondPar, ...) above div.body.
xmlNode* lone_paragraph(xmlNode* box) {
  xmlNode* paragraph = nullptr;
  for (xmlNode* child = box->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && ascii::trim_html(as_view(child->content)).empty()) continue;
    if (child->type == XML_COMMENT_NODE) continue;
    if (paragraph != nullptr || !is_element(child) || tag(child) != "p") return nullptr;
    paragraph = child;
  }
  return paragraph;
}

// Siblings of the top candidate that belong to the article: well scored,
// or plain prose paragraphs (content split into several containers).
std::vector<xmlNode*> gather(Pass& pass, const Choice& choice) {
  std::vector<xmlNode*> nodes;
  xmlNode* top = choice.top;
  xmlNode* parent = top->parent;
  if (parent == nullptr || top == pass.body()) return {top};
  const double threshold = std::max(10.0, choice.top_score * 0.2);
  std::string_view top_class = attribute(top, "class");
  bool above_top = true;
  for (xmlNode* sibling = parent->children; sibling != nullptr; sibling = sibling->next) {
    if (sibling == top) {
      nodes.push_back(sibling);
      above_top = false;
      continue;
    }
    if (!is_element(sibling)) continue;
    if (is_table_cell(top) && is_table_cell(sibling)) continue;  // another column (step_into_cell)
    if (std::any_of(choice.other_stories.begin(), choice.other_stories.end(),
                    [&](xmlNode* story) { return is_ancestor(sibling, story); }))
      continue;
    const NodeStats* s = pass.stats(sibling);
    if (s == nullptr || (s->class_weight < 0 && !is_paywalled_paragraph(sibling))) continue;
    double bonus =
        (!top_class.empty() && attribute(sibling, "class") == top_class) ? choice.top_score * 0.2 : 0;
    bool append = s->candidate && s->score + bonus >= threshold;
    if (!append &&
        (tag(sibling) == "p" || is_prose_heading(sibling, tag(sibling), s->text_bytes, s->link_bytes))) {
      const double density = link_density(*s);
      append = (s->text_bytes > 80 && density < 0.25) ||
               (s->text_bytes > 0 && density == 0.0 && s->commas + 1 > 1);
    }
    // A box of bare text above the body (a standfirst in div.abstract before
    // div.body, no <p> inside) is a paragraph too, as the scorer counts it.
    // Below the body, such boxes are sign-offs and promos more often.
    if (!append && above_top && tag(sibling) != "p" && is_prose_block(pass, sibling, tag(sibling)))
      append = ends_like_sentence(collapsed_text(sibling));
    // So is a box above the body that holds one prose paragraph and nothing
    // else, unless the body is marked as the article (article, main,
    // articleBody): what stands outside it is not.
    if (xmlNode* paragraph =
            !append && above_top && !is_content_marker(top, tag(top)) ? lone_paragraph(sibling) : nullptr;
        paragraph != nullptr) {
      const NodeStats* p = pass.stats(paragraph);
      append = p != nullptr && p->class_weight >= 0 && p->text_bytes > 80 && link_density(*p) < 0.25;
    }
    // A later section of a long story in a box of its own scores below a
    // fifth of the first part, yet is prose through and through.
    if (!append && s->candidate && s->score >= 10 && s->paragraphs >= 4 && s->linked_headings == 0 &&
        link_density(*s) < 0.1)
      append = true;
    // A story whose last element is a heading goes on below its box: the
    // list right after it is what the heading announces ("What can the
    // team do?" over a list of tasks).
    if (!append && (tag(sibling) == "ul" || tag(sibling) == "ol") && !nodes.empty() &&
        previous_element(sibling) == nodes.back() && ends_with_heading(nodes.back()) &&
        s->text_bytes >= 100 && link_density(*s) < 0.2)
      append = true;
    if (append) nodes.push_back(sibling);
  }
  return nodes;
}

// A class or id that ends the article's own text when met after it:
// comments, related stories, the footer.
bool ends_article(const xmlNode* node, std::string_view name) {
  if (name == "footer" || name == "aside" || name == "nav") return true;
  if (node->properties == nullptr) return false;
  const std::string_view id = id_names_own_heading(node) ? std::string_view() : attribute(node, "id");
  for (std::string_view value : {attribute(node, "class"), id}) {
    const bool ends = any_token(value, [](std::string_view token) {
      return !is_word_style_class(token) &&
             (icontains(token, "comment") || icontains(token, "related") || icontains(token, "footer") ||
              icontains(token, "recommend") || icontains(token, "more-stories") ||
              icontains(token, "disqus") || icontains(token, "trackback"));
    });
    if (ends) return true;
  }
  return false;
}

// A paragraph of prose outside the chosen blocks: a <p> or a text holder
// without block children, not mostly links.
bool is_prose_block(Pass& pass, xmlNode* node, std::string_view name) {
  const NodeStats* s = pass.stats(node);
  if (s == nullptr || s->text_bytes < 40 || link_density(*s) > 0.25) return false;
  if (name == "p" || name == "blockquote" || name == "pre") return true;
  if (is_prose_heading(node, name, s->text_bytes, s->link_bytes)) return true;
  if (!(name == "div" || name == "section" || name == "span")) return false;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (is_element(child) && is_block_element(tag(child))) return false;
  }
  return s->text_bytes >= 80;
}

// A box with story cards that also holds a part of the story: a child
// without linked headings that carries most of the box's text. One card
// (a linked headline and its excerpt) is not such a box: the box must hold
// two cards or more, or the child be marked as content ("story-body").
bool holds_prose_part(Pass& pass, xmlNode* box, const NodeStats& box_stats) {
  for (xmlNode* child = box->children; child != nullptr; child = child->next) {
    const NodeStats* s = is_element(child) ? pass.stats(child) : nullptr;
    if (s == nullptr || s->linked_headings > 0 || (box_stats.linked_headings < 2 && !s->marker)) continue;
    if (s->text_bytes >= 100 && s->text_bytes * 2 >= box_stats.text_bytes && link_density(*s) <= 0.25)
      return true;
  }
  return false;
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

// The article's header holds the headline, the byline, the dateline and
// often the standfirst: a paragraph of prose that opens the story. Its
// paragraphs that read as sentences (60+ bytes, no <time>, no "By ...")
// are the story's; the rest of the header is not.
void add_standfirsts(Pass& pass, xmlNode* header, std::vector<xmlNode*>& merged) {
  walk(header, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "figure" || name == "a" || is_heading(name)) return false;
    const NodeStats* s = pass.stats(node);
    if (s == nullptr || (node != header && s->class_weight < 0)) return false;
    // A standfirst is a <p>, or a box of bare text (is_prose_block: no
    // block inside, 80 bytes or more).
    const bool text_box = (name == "div" || name == "span") && is_prose_block(pass, node, name);
    if (name != "p" && !text_box) return true;
    if (s->text_bytes >= 60 && !s->has_time && is_prose_block(pass, node, name)) {
      const std::string text = collapsed_text(node);
      if (ends_like_sentence(text) && !looks_like_byline(text)) merged.push_back(node);
    }
    return false;
  });
}

// "By the pricking of my thumbs, something wicked this way comes.", "By
// 2016, two thirds of the staff will work from home." open with "By " yet
// are sentences: the next word is no name (lower case or a number), eight
// words or more, sentence punctuation at the end. A byline names and dates
// ("By Jane Doe - Fri, 12/28/2007 - 6:41am.").
bool is_by_sentence(std::string_view text) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size()) return false;
  const unsigned char next = static_cast<unsigned char>(text[space + 1]);
  const bool no_name = (next >= 'a' && next <= 'z') || (next >= '0' && next <= '9');
  return no_name && std::count(text.begin(), text.end(), ' ') >= 7 && ends_like_sentence(text);
}

// Whether a content marker (article, main, articleBody, a strong content
// class) lies between `node` and `container`, both excluded: outside the
// nearest marked part of a split body, only other marked parts count.
bool inside_marker(const xmlNode* node, const xmlNode* container) {
  for (const xmlNode* up = node->parent; is_element(up) && up != container; up = up->parent) {
    if (is_content_marker(up, tag(up))) return true;
  }
  return false;
}

// A paragraph too short to count as prose (under 40 bytes: a run-in heading
// set in <strong>, a lead-in ending with a colon) or a list of plain items
// (no more than a quarter of its text linked), outside the chosen blocks.
// Between two prose paragraphs of the story these are the story's too; the
// caller keeps them only when prose follows, as it does headings.
bool is_short_part_of_prose(Pass& pass, xmlNode* node, std::string_view name) {
  const NodeStats* s = pass.stats(node);
  if (s == nullptr || s->text_bytes == 0 || s->images > 0) return false;
  if (name == "p") return s->text_bytes < 40 && link_density(*s) < 0.5;
  if (name == "ul" || name == "ol") return link_density(*s) <= 0.25;
  return false;
}

// Ledes, standfirsts and later sections sit beside the best-scored block,
// inside the same article/main/articleBody: the enclosing container (up to
// five levels above the blocks) is walked in document order and its prose
// blocks outside the chosen ones are added, up to the first comment, related
// or footer marker after the chosen blocks. Nested <article> cards and
// furniture-classed boxes are skipped; headings come along only between
// prose. Blocks stay in document order and never overlap.
void gather_enclosing(Pass& pass, std::vector<xmlNode*>& blocks) {
  if (blocks.empty()) return;
  xmlNode* first = blocks.front();
  xmlNode* container = nullptr;
  int depth = 0;
  for (xmlNode* up = first->parent; is_element(up) && up != pass.body() && depth < 5;
       up = up->parent, ++depth) {
    if (is_content_marker(up, tag(up))) {
      container = up;
      break;
    }
  }
  if (container == nullptr) return;
  // A content class can name one of several parts of the story ("story-body"
  // wrappers split around an ad slot): the <article> or articleBody that holds
  // it, a few levels further up, is the whole story.
  if (tag(container) != "article" && tag(container) != "main" &&
      !iequals(attribute(container, "itemprop"), "articleBody")) {
    for (xmlNode* up = container->parent; is_element(up) && up != pass.body() && depth < 5;
         up = up->parent, ++depth) {
      if (tag(up) == "article" || iequals(attribute(up, "itemprop"), "articleBody")) {
        const NodeStats* us = pass.stats(up);
        if (us != nullptr && link_density(*us) <= 0.35) container = up;
        break;
      }
    }
  }
  for (xmlNode* block : blocks) {
    if (!is_ancestor(container, block)) return;
  }
  const NodeStats* cs = pass.stats(container);
  if (cs == nullptr || link_density(*cs) > 0.35) return;
  // A body split over several marked parts (an <article> for the first
  // paragraphs, a rail of tools, an <article> for the rest): when a marker
  // up to two levels above holds the container, that is the article.
  xmlNode* const nearest = container;
  {
    int levels = 0;
    for (xmlNode* up = container->parent; is_element(up) && up != pass.body() && levels < 2;
         up = up->parent, ++levels) {
      const NodeStats* us = pass.stats(up);
      if (us == nullptr || link_density(*us) > 0.35) break;
      if (is_content_marker(up, tag(up))) {
        container = up;
        levels = -1;
      }
    }
  }

  std::vector<xmlNode*> merged;
  std::size_t next_block = 0;
  bool after_blocks = false;
  bool stopped = false;
  std::vector<xmlNode*> pending_headings;  // headings wait for the prose they introduce
  std::size_t prose_before = 0;
  xmlNode* node = container->children;
  while (node != nullptr) {
    bool descend = false;
    if (next_block < blocks.size() && node == blocks[next_block]) {
      if (prose_before > 0 || next_block > 0)
        merged.insert(merged.end(), pending_headings.begin(), pending_headings.end());
      pending_headings.clear();
      merged.push_back(node);
      ++next_block;
      after_blocks = next_block == blocks.size();
    } else if (is_element(node)) {
      const std::string_view name = tag(node);
      const NodeStats* s = pass.stats(node);
      const bool holds_block = next_block < blocks.size() && is_ancestor(node, blocks[next_block]);
      if (holds_block) {
        descend = true;
      } else if (stopped || s == nullptr) {
        // beyond the article, or removed
      } else if (after_blocks && ends_article(node, name)) {
        stopped = true;
      } else if (s->linked_headings > 0 && s->class_weight >= 0 && name != "article" && name != "figure" &&
                 name != "header" && holds_prose_part(pass, node, *s)) {
        // Mostly prose around a box of story cards (a part of the story with a
        // "related" box inside): its parts are judged one by one.
        descend = true;
      } else if (name == "header" && !after_blocks && s->class_weight >= 0) {
        add_standfirsts(pass, node, merged);
      } else if (!after_blocks && s->class_weight < 0 && name != "article" && s->linked_headings == 0 &&
                 holds_h1(node)) {
        // The story's header in a box whose class reads as furniture ("single-head-teaser":
        // a teaser of the story on its own page): it holds the headline, so it is the
        // header, and its standfirst is the story's.
        add_standfirsts(pass, node, merged);
      } else if (name == "article" && !after_blocks && s->class_weight >= 0 && s->linked_headings == 0 &&
                 s->paragraphs > 0 && link_density(*s) <= 0.25) {
        descend = true;  // the body's first part in an <article> of its own, not a card
      } else if ((s->class_weight < 0 && !is_builder_heading(pass, node)) || name == "article" ||
                 name == "figure" || name == "header" || name == "a" || s->linked_headings > 0 ||
                 (link_density(*s) > 0.5 && !wraps_data_table(node)) ||
                 (is_caption(node) && !holds_story_paragraphs(node))) {
        // furniture, another story's card, a picture or its caption, the
        // headline block, a box of links (a paragraph inside a link is a call
        // to click, not prose)
      } else if (is_heading(name)) {
        if (s->text_bytes > 0 && link_density(*s) < 0.5 && (prose_before > 0 || after_blocks))
          pending_headings.push_back(node);
      } else if (s->text_bytes < 600 && s->paragraphs <= 2 && is_boilerplate_text(collapsed_text(node))) {
        // "About the author", "Related stories": a labelled box of furniture
      } else if (is_short_part_of_prose(pass, node, name)) {
        // A run-in heading ("<p><strong>Why it matters</strong></p>"), a lead-in
        // ("It works like this:") or a plain list, within a later section:
        // kept like a heading, when prose follows it.
        if (prose_before > 0 || after_blocks) pending_headings.push_back(node);
      } else if (is_prose_block(pass, node, name) &&
                 (container == nearest || is_ancestor(nearest, node) || inside_marker(node, container))) {
        merged.insert(merged.end(), pending_headings.begin(), pending_headings.end());
        pending_headings.clear();
        merged.push_back(node);
        ++prose_before;
      } else {
        descend = true;
      }
    }
    node = next_in_subtree(node, container, descend);
  }
  if (next_block < blocks.size()) return;  // a block was not met: leave the cut as it was
  blocks = std::move(merged);
}

// A heading that labels a comment section ("12 Comments", "Leave a Reply"),
// or a box whose first element is one: the thread, whatever its classes.
bool opens_comments(xmlNode* node) {
  xmlNode* heading = node;
  if (!is_heading(tag(node))) {
    heading = node->children;
    while (heading != nullptr && !is_element(heading)) heading = heading->next;
    if (heading == nullptr || !is_heading(tag(heading))) return false;
  }
  return is_comments_label(collapse_whitespace(text_content(heading)));
}

// A box about the author ("author", "author-bio", "about-author"), by a
// whole class token or the id: after the story, where the site's own
// furniture begins. ("entry-author-jane", a post's class naming its
// author, is not such a box.)
bool is_author_box(const xmlNode* node) {
  if (node->properties == nullptr) return false;
  const std::string_view name = tag(node);
  if (!(name == "div" || name == "section" || name == "aside")) return false;
  auto names_box = [](std::string_view list) {
    return has_token(list, {"author", "authors", "authorbox", "author-box", "author-bio", "author-info",
                            "about-author", "about-the-author", "about_author", "author_bio", "author_box"});
  };
  const bool named = names_box(attribute(node, "id")) || names_box(attribute(node, "class"));
  if (!named) return false;
  // A box with a paragraph of its own: a heading or a line classed
  // "author" is the byline, often above the story's body.
  for (const xmlNode* inner = node->children; inner != nullptr;
       inner = next_in_subtree(const_cast<xmlNode*>(inner), node, is_element(inner))) {
    if (tag(inner) == "p") return true;
  }
  return false;
}

bool ends_story(xmlNode* node) {
  return ends_article(node, tag(node)) || opens_comments(node) || is_author_box(node);
}

bool inside_article_end(xmlNode* node) {
  for (xmlNode* up = node->parent; is_element(up); up = up->parent) {
    if (ends_story(up)) return true;
  }
  return false;
}

// Where an element stands in the page: its index in the pass's document order.
std::uintptr_t document_position(const xmlNode* node) {
  return reinterpret_cast<std::uintptr_t>(node->_private);
}

// Adds `parts` to `blocks`, each where it stands in the page.
void insert_in_document_order(const std::vector<xmlNode*>& parts, std::vector<xmlNode*>& blocks) {
  for (xmlNode* part : parts) {
    const auto at = std::find_if(blocks.begin(), blocks.end(), [&](const xmlNode* block) {
      return document_position(block) > document_position(part);
    });
    blocks.insert(at, part);
  }
}

// Whether `node` lies in a box that ends a story (comments, related stories,
// a footer, an aside), in a box the furniture pass would remove, in
// another story's card (an <article>, a "hentry" or "post" box), or in a
// table cell, another column of the layout, on the way up to `stop`
// (excluded: the lowest ancestor it shares with the story's box).
bool outside_story(Pass& pass, xmlNode* node, const xmlNode* stop) {
  for (xmlNode* up = node; is_element(up) && up != stop; up = up->parent) {
    const NodeStats* s = pass.stats(up);
    if (s == nullptr || (s->class_weight < 0 && removable_by_class(up)) || tag(up) == "article" ||
        is_table_cell(up) || ends_story(up) || has_token(attribute(up, "class"), {"hentry", "post"}))
      return true;
  }
  return false;
}

// A story body set in several boxes of one class, split by the layout's
// rows, ad slots and rails (one `div.story-text` per grid row, one styled
// "ContentMarkdown" box per section, one text widget per page-builder
// section): the chosen box is one part, and the others are no siblings to
// gather and sit under no article close enough (the lede above scores too
// little; the sections below a lede the headline anchor chose are cut off).
// The boxes of the same tag and exact class, sharing an ancestor at most ten
// levels above both that is not a box of links, are the story's too when
// each is prose that ends like a sentence: no story cards, a quarter of its
// text linked at most, not inside comments, related boxes, a footer or
// another story's card (an <article>, a "hentry" or "post" box), nor in a
// box of furniture (a page builder's "widget" wrappers are penalties, not
// furniture: see removable_by_class). Twelve such boxes or more are a
// listing's excerpts, left to the listing veto.
void gather_split_parts(Pass& pass, xmlNode* top, std::vector<xmlNode*>& blocks) {
  const std::string_view name = tag(top);
  if (!(name == "div" || name == "section") || blocks.empty()) return;
  const std::string_view top_class = attribute(top, "class");
  if (top_class.empty()) return;
  constexpr int kLevels = 10;
  std::array<xmlNode*, kLevels> top_ancestors{};
  {
    int level = 0;
    for (xmlNode* up = top->parent; level < kLevels && is_element(up) && up != pass.body(); up = up->parent)
      top_ancestors[static_cast<std::size_t>(level++)] = up;
  }
  std::vector<xmlNode*> parts;
  for (xmlNode* node : pass.order()) {
    if (node == top) continue;
    if (tag(node) != name || attribute(node, "class") != top_class) continue;
    if (parts.size() == 12) return;
    const NodeStats* s = pass.stats(node);
    if (s == nullptr || s->paragraphs == 0 || s->text_bytes < 100 || s->linked_headings > 0 ||
        link_density(*s) > 0.25 || !ends_like_sentence(collapsed_text(node)))
      continue;
    const bool overlaps = std::any_of(blocks.begin(), blocks.end(), [&](const xmlNode* block) {
      return is_ancestor(block, node) || is_ancestor(node, block);
    });
    if (overlaps) continue;
    xmlNode* common = nullptr;
    int level = 0;
    for (xmlNode* up = node->parent; common == nullptr && level < kLevels && is_element(up);
         up = up->parent, ++level) {
      if (std::find(top_ancestors.begin(), top_ancestors.end(), up) != top_ancestors.end()) common = up;
    }
    if (common == nullptr || outside_story(pass, node, common)) continue;
    if (const NodeStats* cs = pass.stats(common); cs == nullptr || link_density(*cs) > 0.35) continue;
    parts.push_back(node);
  }
  if (parts.empty()) return;
  insert_in_document_order(parts, blocks);
}

// A story laid out in a table's rows, one section a row (a transcript's
// parts between pull quotes, a history page's sections under their
// subheads): the chosen cell is one part, and the cells of the other rows
// are no siblings to gather. In each other row of the chosen cell's table,
// the cell that is prose (200 bytes or more, a quarter of its text linked at
// most, no story cards, no furniture class, ending like a sentence, not
// inside a comments, related or footer box) is the story's too, in
// document order. Rows of links, pull quotes and spacers are left.
void gather_table_rows(Pass& pass, xmlNode* top, std::vector<xmlNode*>& blocks) {
  if (!is_table_cell(top) || blocks.empty()) return;
  xmlNode* row = top->parent;
  if (row == nullptr || tag(row) != "tr" || row->parent == nullptr) return;
  std::vector<xmlNode*> parts;
  for (xmlNode* other = row->parent->children; other != nullptr; other = other->next) {
    if (other == row || tag(other) != "tr") continue;
    for (xmlNode* cell = other->children; cell != nullptr; cell = cell->next) {
      const NodeStats* s = is_table_cell(cell) ? pass.stats(cell) : nullptr;
      if (s == nullptr || s->text_bytes < 200 || s->linked_headings > 0 || s->class_weight < 0 ||
          link_density(*s) > 0.25 || ends_story(cell) || ends_story(other) ||
          !ends_like_sentence(collapsed_text(cell)))
        continue;
      const bool overlaps = std::any_of(blocks.begin(), blocks.end(), [&](const xmlNode* block) {
        return is_ancestor(block, cell) || is_ancestor(cell, block);
      });
      if (!overlaps) parts.push_back(cell);
      break;
    }
  }
  insert_in_document_order(parts, blocks);
}

// A short block that states the site's copyright ("© 1999-2012 …", "All
// rights reserved"): the page's foot, wherever the template put it.
bool states_copyright(Pass& pass, xmlNode* node) {
  const NodeStats* s = pass.stats(node);
  if (s == nullptr || s->text_bytes < 12 || s->text_bytes >= 600) return false;
  const std::string text = collapsed_text(node);
  return text.find("\xC2\xA9") != std::string::npos || icontains(text, "all rights reserved");
}

// A line that labels a comment thread standing alone between blocks: a
// heading, or a short box, paragraph or bold line of no blocks ("<div
// class=yvhd>Comments</div>", "<p><b>12 Responses</b></p>"). The
// furniture pass leaves such a heading in place, whatever its class says
// (<h2 id="comments">), for the thread's end to be found here.
bool labels_thread(Pass& pass, xmlNode* node) {
  const std::string_view name = tag(node);
  if (!(is_heading(name) || name == "div" || name == "p" || name == "b" || name == "strong")) return false;
  const NodeStats* s = pass.stats(node);
  if (s == nullptr || s->text_bytes == 0 || s->text_bytes > 60 || s->images > 0) return false;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (is_element(child) && is_block_element(tag(child))) return false;
  }
  return is_thread_label(collapsed_text(node));
}

// The story ends where its comments, trackbacks, related box, author box or
// the site's copyright begin. A block that holds a short post and its
// comment thread can win on volume (most often in the retries, where
// class-based removal is off and the thread stays in the page). The story's
// last paragraph is the last <p> of prose, or text holder without block
// children, in the chosen blocks outside such a box; the first element after
// it that ends the story (ends_story, states_copyright) is cut, with
// everything after it. Boxes between the story's paragraphs (an inline
// related list, a picture box's "footer") are not where it ends. Cut nodes
// are unlinked and listed in `cut_off`, to be freed once the pass has
// forgotten its nodes. Returns the text bytes cut.
std::size_t cut_at_article_end(Pass& pass, std::vector<xmlNode*>& blocks, std::vector<xmlNode*>& cut_off) {
  xmlNode* last_paragraph = nullptr;
  bool thread_begun = false;  // a line labelling the comments met after the story's prose
  for (xmlNode* root : blocks) {
    if (thread_begun) break;
    if (ends_story(root) || inside_article_end(root)) continue;  // the block is the thread itself
    walk(root, [&](xmlNode* node) {
      if (thread_begun || !is_element(node)) return false;
      // The comments' own paragraphs follow their label as its siblings on
      // old templates ("<div class=yvhd>Comments</div><p class=story>…"):
      // none of them is the story's last paragraph.
      if (last_paragraph != nullptr && node != root && labels_thread(pass, node)) {
        thread_begun = true;
        return false;
      }
      // A comment's paragraph is not the story's.
      if (node != root && ends_story(node)) return false;
      if (tag(node) != "p") {
        // A text holder without block children is a paragraph too (no-<p> layouts).
        const std::string_view name = tag(node);
        if (!(name == "div" || name == "td") || node == root) return true;
        for (xmlNode* child = node->children; child != nullptr; child = child->next) {
          if (is_element(child) && is_block_element(tag(child))) return true;
        }
      }
      // Nor is a line that is mostly a link ("Next post: <a>…</a>").
      const NodeStats* s = pass.stats(node);
      if (s != nullptr && s->text_bytes >= 40 && s->link_bytes * 2 < s->text_bytes &&
          !states_copyright(pass, node))
        last_paragraph = node;
      return false;  // a paragraph's links ("12 comments") are inline: not where the story ends
    });
  }
  if (last_paragraph == nullptr) return 0;
  bool after_story = false;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    xmlNode* root = blocks[b];
    xmlNode* end = nullptr;
    walk(root, [&](xmlNode* node) {
      if (end != nullptr || !is_element(node)) return false;
      if (node == last_paragraph) {
        after_story = true;
        return false;
      }
      if (after_story && (ends_story(node) || states_copyright(pass, node) || labels_thread(pass, node))) {
        end = node;
        return false;
      }
      return true;
    });
    if (end == nullptr) continue;
    std::size_t bytes = 0;
    for (std::size_t later = b + 1; later < blocks.size(); ++later) {
      if (const NodeStats* s = pass.stats(blocks[later])) bytes += s->text_bytes;
    }
    if (end == root) {
      if (const NodeStats* s = pass.stats(root)) bytes += s->text_bytes;
      blocks.resize(b);
      return bytes;
    }
    // Unlinked now, freed once the pass forgets its nodes; the figures of
    // the blocks above stay right for the cleaning that follows.
    auto cut = [&](xmlNode* gone) {
      NodeStats none;
      if (const NodeStats* s = pass.stats(gone)) {
        none = *s;
      } else if (gone->type == XML_TEXT_NODE) {
        count_text(gone->content, none.text_bytes, none.commas);
      }
      for (xmlNode* up = gone->parent; up != nullptr; up = up->parent) {
        NodeStats* us = pass.stats(up);
        if (us == nullptr) break;
        us->text_bytes -= std::min(us->text_bytes, none.text_bytes);
        us->link_bytes -= std::min(us->link_bytes, none.link_bytes);
        us->paragraphs =
            static_cast<std::uint16_t>(us->paragraphs - std::min(us->paragraphs, none.paragraphs));
        us->images = static_cast<std::uint16_t>(us->images - std::min(us->images, none.images));
        if (up == root) break;
      }
      bytes += none.text_bytes;
      xmlUnlinkNode(gone);
      cut_off.push_back(gone);
    };
    for (xmlNode* up = end; up != root; up = up->parent) {
      while (up->next != nullptr) cut(up->next);
    }
    cut(end);
    blocks.resize(b + 1);
    return bytes;
  }
  return 0;
}

// A figure whose caption is prose (not a card's linked headline).
bool has_caption(Pass& pass, xmlNode* figure) {
  for (xmlNode* child = figure->children; child != nullptr; child = child->next) {
    if (tag(child) != "figcaption") continue;
    const NodeStats* s = pass.stats(child);
    return s != nullptr && s->text_bytes >= 25 && link_density(*s) <= 0.5;
  }
  return false;
}

// The lead image sits in the article header, which is seldom part of the
// chosen block, yet a reader takes its caption as part of the story. Looks
// before the chosen block, up to its <article> (at most four levels up), for
// the first captioned figure that is not inside a link (a teaser card's
// picture). Each level searches only the siblings before the path, so the
// search touches every node at most once. Returns the figure and the sibling
// of `top` holding it (null when it lies above top's parent).
std::pair<xmlNode*, xmlNode*> find_lead_figure(Pass& pass, xmlNode* top) {
  xmlNode* child = top;
  for (int level = 0; level < 4 && child->parent != nullptr && child->parent != pass.body(); ++level) {
    xmlNode* parent = child->parent;
    for (xmlNode* sibling = parent->children; sibling != nullptr && sibling != child;
         sibling = sibling->next) {
      if (!is_element(sibling)) continue;
      xmlNode* found = nullptr;
      walk(sibling, [&](xmlNode* node) {
        if (found != nullptr || !is_element(node) || tag(node) == "a") return false;
        if (tag(node) != "figure") return true;
        if (has_caption(pass, node)) found = node;
        return false;
      });
      if (found != nullptr) return {found, level == 0 ? sibling : nullptr};
    }
    if (tag(parent) == "article") break;
    child = parent;
  }
  return {nullptr, nullptr};
}

// Adds the lead figure to the blocks in document order, unless a block holds it.
void add_lead_figure(Pass& pass, xmlNode* top, std::vector<xmlNode*>& blocks) {
  const auto [figure, holder] = find_lead_figure(pass, top);
  if (figure == nullptr) return;
  for (xmlNode* block : blocks) {
    if (is_ancestor(block, figure)) return;
  }
  auto position = blocks.begin();
  if (holder != nullptr) {  // among top's siblings: before the first block that follows the holder
    position = blocks.end();
    for (xmlNode* next = holder->next; next != nullptr && position == blocks.end(); next = next->next) {
      position = std::find(blocks.begin(), blocks.end(), next);
    }
  }
  blocks.insert(position, figure);
}

bool is_blank_text(const xmlNode* node) {
  if (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE) return false;
  for (char c : as_view(node->content)) {
    if (!is_space(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A box inside the first cell (up to two levels down) of a data table's row:
// three rows or more of the same width, and another cell of the row holds text
// without a link or a nested table (a size, a score, a date). Such a table
// names its rows by links in the first column (an app, a product, a team,
// each linked to its page); a layout table's row of links does not.
bool in_data_row(const xmlNode* box) {
  const xmlNode* cell = box;
  for (int level = 0; level < 3 && is_element(cell) && !is_table_cell(cell); ++level) cell = cell->parent;
  if (!is_table_cell(cell)) return false;
  const xmlNode* row = cell->parent;
  if (!is_element(row) || tag(row) != "tr") return false;
  // The name is the first cell: a list of links to other stories set as a
  // table opens its rows with a date, the link after it.
  for (const xmlNode* before = cell->prev; before != nullptr; before = before->prev) {
    if (is_table_cell(before)) return false;
  }
  // Rows of a grid: three or more rows with as many cells as this one.
  auto cells_of = [](const xmlNode* tr) {
    int cells = 0;
    for (const xmlNode* child = tr->children; child != nullptr; child = child->next) {
      if (is_table_cell(child)) ++cells;
    }
    return cells;
  };
  const int width = cells_of(row);
  int rows = 0;
  for (const xmlNode* tr = row->parent->children; tr != nullptr; tr = tr->next) {
    if (is_element(tr) && tag(tr) == "tr" && cells_of(tr) == width) ++rows;
  }
  if (width < 2 || rows < 3) return false;
  for (const xmlNode* other = row->children; other != nullptr; other = other->next) {
    if (other == cell || !is_table_cell(other)) continue;
    bool text = false, link = false;
    walk(const_cast<xmlNode*>(other), [&](xmlNode* node) {
      if (node->type == XML_TEXT_NODE) {
        text = text || !is_blank_text(node);
        return false;
      }
      if (!is_element(node)) return false;
      if (tag(node) == "a" || tag(node) == "table") link = true;
      return !link;
    });
    if (text && !link) return true;
  }
  return false;
}

// A table (or a row of it) whose rows are such data rows: its links are
// the rows' names, however much of its text they make.
bool is_data_table(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name != "table" && name != "tbody" && name != "tr") return false;
  bool data = false;
  walk(node, [&](xmlNode* inner) {
    if (data || !is_element(inner)) return false;
    if (inner != node && tag(inner) == "table") return false;  // a nested table is its own
    if (is_table_cell(inner)) {
      data = in_data_row(inner);
      return false;
    }
    return true;
  });
  return data;
}

// A box named for a video that shows a running time ("02:12"): the
// player's caption bar, its headline that of the video, not a line of the
// story (CNN: div.video-resource__details).
bool is_video_teaser(xmlNode* box) {
  if (!icontains(attribute(box, "class"), "video")) return false;
  bool running_time = false;
  walk(box, [&](xmlNode* node) {
    if (running_time) return false;
    if (node->type == XML_TEXT_NODE) {
      running_time = is_running_time(as_view(node->content));
      return false;
    }
    return is_element(node);
  });
  return running_time;
}

// A data table, or a box around one and nothing else (a scrolling
// wrapper, "overflow-auto"): a grid of model names that link to their
// pages is data, however many of its cells are links.
bool wraps_data_table(xmlNode* box) {
  for (int level = 0; level < 3 && box != nullptr; ++level) {
    if (tag(box) == "table") return is_data_table(box);
    xmlNode* only = nullptr;
    for (xmlNode* child = box->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && !is_blank_text(child)) return false;
      if (!is_element(child)) continue;
      if (only != nullptr) return false;
      only = child;
    }
    box = only;
  }
  return false;
}

// A link or time whose parent is a layout block and that has no prose
// around it: "Edit post", "Next article", a live-blog entry's "14:35".
bool standalone_inline(const xmlNode* link) {
  const xmlNode* parent = link->parent;
  const std::string_view name = tag(parent);
  if (!(name == "div" || name == "section" || name == "header" || name == "article" || name == "main" ||
        name == "footer" || name == "body"))
    return false;
  if (in_data_row(parent)) return false;
  for (const xmlNode* sibling = parent->children; sibling != nullptr; sibling = sibling->next) {
    if (sibling == link) continue;
    if (sibling->type == XML_TEXT_NODE && !is_blank_text(sibling)) return false;
    if (is_element(sibling) && !is_block_element(tag(sibling)) && tag(sibling) != "br" &&
        tag(sibling) != "img")
      return false;  // inline siblings: the link is part of a line of text
  }
  return true;
}

// A line that links to the site's tag or category pages the way blog
// engines mark them (rel="tag", rel="category": the microformat): the post's
// filing, not its text, when little of it is not links (separators, a
// "Tags:" label, a time). Tag links inside a sentence (plugins that link
// names in the prose) leave the sentence alone.
bool links_to_tag_pages(Pass& pass, xmlNode* node) {
  bool found = false;
  walk(node, [&](xmlNode* n) {
    if (found || !is_element(n)) return false;
    if (const NodeStats* s = pass.stats(n); s != nullptr && s->doomed) return false;  // already going
    if (tag(n) != "a") return true;
    found = has_token(attribute(n, "rel"), {"tag", "category"});
    return false;
  });
  return found;
}

// A short box whose link leads to subscribing, donating, joining or signing
// in ("Become a member", a newsletter sign-up): the site talking about itself,
// whatever its class names say. Only the link targets are read, so the rule
// holds in every language.
bool links_to_call_to_action(xmlNode* node) {
  static constexpr std::string_view kTargets[] = {
      "subscribe",  "subscription", "membership", "donate", "donation", "contribute", "support-us",
      "newsletter", "signup",       "sign-up",    "/join",  "/login",   "/register"};
  bool found = false;
  walk(node, [&](xmlNode* n) {
    if (found || !is_element(n)) return false;
    if (tag(n) != "a") return true;
    const std::string_view href = attribute(n, "href");
    found = std::any_of(std::begin(kTargets), std::end(kTargets),
                        [&](std::string_view target) { return icontains(href, target); });
    return false;
  });
  return found;
}

// Whether the first sibling after `node` that holds text is a paragraph of
// prose (`min_bytes` or more, a quarter of it linked at most); bare text
// first (a run-in heading's own line) is no such paragraph.
bool paragraph_follows(Pass& pass, xmlNode* node, std::uint32_t min_bytes) {
  for (xmlNode* next = node->next; next != nullptr; next = next->next) {
    if (!is_element(next)) {
      if (is_blank_text(next)) continue;
      return false;
    }
    const NodeStats* s = pass.stats(next);
    if (s == nullptr || s->text_bytes == 0) continue;
    return tag(next) == "p" && s->text_bytes >= min_bytes && link_density(*s) < 0.25;
  }
  return false;
}

// A subhead that links to its subject (a product, a place, a source) and
// is followed by a paragraph of prose about it is the article's structure;
// a story card's linked headline is followed by a short excerpt at most.
// Empty boxes between them (an embed's wrapper) are passed over.
bool introduces_prose(Pass& pass, xmlNode* heading) {
  return paragraph_follows(pass, heading, 200);
}

// A section heading classed by a page builder ("widget-title": a penalty
// word inside a compound name, no furniture word) over a paragraph of the
// story is the story's, though its class weighs against it.
bool is_builder_heading(Pass& pass, xmlNode* node) {
  return is_heading(tag(node)) && !removable_by_class(node) && paragraph_follows(pass, node, 80);
}

// A list item that is a sentence around its link ("We released version 2
// of the <a>SDK for PHP</a>."): 12+ bytes of text outside links and a
// sentence's end, or a clause of its own outside the links ("Thanks to
// evilpie, users can now <a>import logins</a>", "... page ranges – <a>Bug
// 499640</a>"), no blocks inside but a nested list (a sub-point is judged
// as an item of its own). A related-stories or tag list item is the link
// alone, or the link and a date, a source or a name. Read from the DOM, not
// from the pass's figures: the final link density asks it after cleaning.
bool is_prose_item(xmlNode* item) {
  const auto is_list = [](const xmlNode* node) { return tag(node) == "ul" || tag(node) == "ol"; };
  for (xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (is_element(child) && is_block_element(tag(child)) && !is_list(child)) return false;
  }
  std::uint32_t text = 0, links = 0, commas = 0;
  std::string own;      // the item's text, its nested lists left out
  std::string outside;  // of which the words outside its links
  walk(item, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE) {
      std::uint32_t bytes = 0;
      count_text(node->content, bytes, commas);
      text += bytes;
      own += as_view(node->content);
      own += ' ';
      bool in_a = false, in_link = false;
      for (const xmlNode* up = node->parent; up != nullptr && up != item; up = up->parent) {
        if (tag(up) != "a") continue;
        in_a = true;
        in_link = in_link || is_link(up);
      }
      if (in_a) links += bytes;
      if (!in_link) {
        outside += as_view(node->content);
        outside += ' ';
      }
      return false;
    }
    return is_element(node) && (node == item || !is_list(node));
  });
  if (text < links + 12) return false;
  // Words outside the links: a clause says something, "by Name" or
  // "(Reuters, 2 hours ago)" does not.
  if (text >= links + 30) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : outside) {
      const bool letter = !is_space(static_cast<unsigned char>(c)) && c != '-' && c != '(' && c != ')';
      if (letter && !in_word) ++words;
      in_word = letter;
    }
    if (words >= 6) return true;
  }
  const std::string full = collapse_whitespace(own);
  std::string_view end = full;
  while (!end.empty() && (end.back() == ')' || end.back() == '"' || end.back() == '\'')) end.remove_suffix(1);
  return !end.empty() && (end.back() == '.' || end.back() == '!' || end.back() == '?' || end.back() == ';');
}

// Whether a link leads to another page of the page's own site: relative, or
// on the page's host, and not the page itself (a table of contents' "#2").
bool links_within_site(const xmlNode* link) {
  const std::string_view href = attribute(link, "href");
  if (href.empty() || href.front() == '#' || istarts_with(href, "javascript:") ||
      istarts_with(href, "mailto:"))
    return false;
  const std::string_view page =
      link->doc != nullptr && link->doc->URL != nullptr ? as_view(link->doc->URL) : std::string_view();
  const auto without_fragment = [](std::string_view url) { return url.substr(0, url.find('#')); };
  if (!page.empty() && without_fragment(href) == without_fragment(page)) return false;
  const bool absolute = href.starts_with("//") || href.find("://") != std::string_view::npos;
  if (!absolute) return true;
  const std::string site = url_site(href);
  return !site.empty() && site == url_site(page);
}

// A paragraph set as a list of the site's other stories, one link per line
// ("Vista: all the coverage" and ten numbered headlines, split by <br>): a
// related box in a <p>, not a sentence with links in it. Three lines or
// more that are mostly the text of a link to another page of the same site,
// and no more than one other line (its label). A list of links to other
// sites is the author's sources or picks, and stays.
// Two such lines are enough under a short label opening the paragraph
// ("<strong>Related stories</strong><br><a>…</a><br><a>…</a>", in any
// language).
bool is_site_link_lines(xmlNode* paragraph) {
  int link_lines = 0, other_lines = 0;
  std::uint32_t line_text = 0, line_links = 0;
  bool label_first = false;
  const auto end_line = [&] {
    if (line_text == 0) return;
    const bool link_line = line_links * 2 > line_text;
    if (!link_line && link_lines == 0 && other_lines == 0) label_first = line_text < 60;
    ++(link_line ? link_lines : other_lines);
    line_text = line_links = 0;
  };
  walk(paragraph, [&](xmlNode* node) {
    if (is_element(node)) {
      if (tag(node) == "br") end_line();
      return true;
    }
    if (node->type != XML_TEXT_NODE) return false;
    std::uint32_t bytes = 0, commas = 0;
    count_text(node->content, bytes, commas);
    bool site_link = false;
    for (const xmlNode* up = node->parent; up != nullptr && up != paragraph; up = up->parent) {
      if (tag(up) == "a") site_link = links_within_site(up);
    }
    line_text += bytes;
    if (site_link) line_links += bytes;
    return false;
  });
  end_line();
  return (link_lines >= 3 && other_lines <= 1) || (link_lines == 2 && other_lines == 1 && label_first);
}

// A paragraph that is a bar of links split by marks ("News: <a>ePaper</a> |
// <a>Front Page</a> | <a>National</a> | …", old templates' section menus as
// bare text in the story's cell): five links or more, the text between them
// only separators ("|", "·", "»"), and at most two short labels. A
// sentence listing linked names joins them with words and commas.
bool is_link_bar(xmlNode* paragraph) {
  int links = 0, labels = 0;
  bool words_between = false;
  walk(paragraph, [&](xmlNode* node) {
    if (is_element(node)) {
      if (is_link(node)) {
        ++links;
        return false;
      }
      return true;
    }
    if (node->type != XML_TEXT_NODE || node->content == nullptr) return false;
    std::size_t letters = 0;
    bool comma = false;
    for (const char c : as_view(node->content)) {
      if (ascii::is_alnum(c) || static_cast<unsigned char>(c) >= 0xC3) ++letters;
      if (c == ',') comma = true;
    }
    if (comma) words_between = true;
    if (letters > 0) {
      if (letters > 12) words_between = true;
      ++labels;
    }
    return false;
  });
  return links >= 5 && labels <= 2 && !words_between;
}

// A paragraph that is one sentence written around its link ("This week's
// <a>new episode is a silly party game</a>.", "Add your details <a>here</a>
// if you would like to join."): the sentence ends after the last link, and
// the text before the first link is not a label ("Read also:", "More |").
// A "Read also: <a>headline</a>" line ends inside its link, or not at all.
bool is_linked_sentence(xmlNode* paragraph, bool* lead_in = nullptr) {
  std::string lead, tail;
  bool link_seen = false;
  std::size_t words = 0;
  walk(paragraph, [&](xmlNode* node) {
    if (is_element(node)) {
      if (tag(node) == "a") {
        link_seen = true;
        tail.clear();
      }
      return true;
    }
    if (node->type != XML_TEXT_NODE) return false;
    const std::string_view text = as_view(node->content);
    bool in_link = false;
    for (const xmlNode* up = node->parent; up != nullptr && up != paragraph; up = up->parent) {
      if (tag(up) == "a") in_link = true;
    }
    if (!link_seen) lead += text;
    if (link_seen && !in_link) tail += text;
    bool in_word = false;
    for (char c : text) {
      const bool space = is_space(static_cast<unsigned char>(c));
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    return false;
  });
  for (xmlNode* child = paragraph->children; child != nullptr; child = child->next) {
    if (is_element(child) && is_block_element(tag(child))) return false;
  }
  const std::string label = collapse_whitespace(lead);
  if (!label.empty() && (label.back() == ':' || label.back() == '|' || label.ends_with("\xC2\xBB") ||
                         label.ends_with("\xE2\x80\x94") || label.back() == '-'))
    return false;
  if (!link_seen || words < 6) return false;
  if (ends_like_sentence(collapse_whitespace(tail))) return true;
  // The stop inside the link ("You can watch a <a>recording of the talk
  // here.</a>") ends the sentence as well when three words or more before
  // the link began it; a headline alone in its link has no such start.
  if (collapse_whitespace(tail).empty() && std::count(label.begin(), label.end(), ' ') >= 2 &&
      ends_like_sentence(collapsed_text(paragraph)))
    return true;
  // A lead-in ends with a colon, after its last link or inside it: it is the
  // story's when what it introduces follows (the caller asks).
  if (lead_in == nullptr) return false;
  std::string end = collapse_whitespace(tail);
  if (end.empty()) end = collapsed_text(paragraph);
  while (!end.empty() && is_space(static_cast<unsigned char>(end.back()))) end.pop_back();
  *lead_in = !end.empty() && end.back() == ':';
  return *lead_in;
}

// How many paragraphs of prose (60+ bytes of text, not mostly links) sit
// among `node`'s siblings on one side, counting up to `enough`: a linked
// sentence between two of them, or opening a story that three of them
// follow, is the story's; one at the end of a box is a sign-off or a call
// to click ("Click here to get our headlines."), and one opening a short
// box of its own is an author's or a promo's.
int prose_beside(Pass& pass, xmlNode* node, bool after, int enough) {
  int found = 0;
  for (xmlNode* sibling = after ? node->next : node->prev; sibling != nullptr && found < enough;
       sibling = after ? sibling->next : sibling->prev) {
    if (!is_element(sibling) || tag(sibling) != "p") continue;
    const NodeStats* s = pass.stats(sibling);
    if (s == nullptr || s->doomed) continue;
    if (s->text_bytes >= 60 && link_density(*s) < 0.5) ++found;
  }
  return found;
}

// Between two paragraphs of prose, or opening a box that three of them follow.
bool amid_prose(Pass& pass, xmlNode* node) {
  if (prose_beside(pass, node, false, 1) > 0) return prose_beside(pass, node, true, 1) > 0;
  return prose_beside(pass, node, true, 3) >= 3;
}

// A linked lead-in ("With <a>the project's principles</a> in mind:") after a
// paragraph of prose introduces the quote, list, picture or video that comes
// next: when that is still there, the lead-in is the story's too. A label
// over a list of links ("<a>More from our partners</a>:") loses its list, or
// keeps a list of links, and goes.
bool introduces_next(Pass& pass, xmlNode* paragraph) {
  bool lead_in = false;
  if (!is_linked_sentence(paragraph, &lead_in) || !lead_in) return false;
  if (prose_beside(pass, paragraph, false, 1) == 0) return false;
  for (xmlNode* sibling = paragraph->next; sibling != nullptr; sibling = sibling->next) {
    if (!is_element(sibling)) continue;
    const NodeStats* s = pass.stats(sibling);
    if (s == nullptr || s->doomed) return false;
    // Text that is not mostly links, a picture, a video; not a row of linked
    // icons ("Follow us on <a>Twitter</a> and <a>Facebook</a>:").
    const std::string_view name = tag(sibling);
    if (s->text_bytes > 0) return link_density(*s) < 0.5;
    return (s->images > 0 && name != "ul" && name != "ol") || name == "iframe";
  }
  return false;
}

// The nearest sibling on one side that says something (headings, empty
// boxes and pictures passed over) is a paragraph of text, not mostly links.
bool paragraph_beside(Pass& pass, xmlNode* node, bool after) {
  for (xmlNode* sibling = after ? node->next : node->prev; sibling != nullptr;
       sibling = after ? sibling->next : sibling->prev) {
    if (!is_element(sibling)) continue;
    const NodeStats* s = pass.stats(sibling);
    if (s == nullptr || s->doomed || s->text_bytes == 0 || is_heading(tag(sibling))) continue;
    if (s->images > 0 && tag(sibling) != "p") continue;  // a figure and its credit line
    return tag(sibling) == "p" && s->text_bytes >= 40 && link_density(*s) < 0.5;
  }
  return false;
}

// A list set in the middle of the story, between its paragraphs, whose
// items say something beside their links: the emails and their open rates
// ("<a>Bad news!</a> - 16.2%"), the papers of an issue and their authors
// ("<a>Title</a> by Name"), the dates of a festival ("November 17th:
// <a>Launch</a>"). A related-stories list is links alone (or links after a
// bold kicker), or closes the story; a list of cards has pictures or
// headings.
bool links_within_site(const xmlNode* link);

bool is_list_in_prose(Pass& pass, xmlNode* node, std::string_view name) {
  if (name == "li") {
    xmlNode* list = node->parent;
    return list != nullptr && (tag(list) == "ul" || tag(list) == "ol") &&
           is_list_in_prose(pass, list, tag(list));
  }
  if (name != "ul" && name != "ol") return false;
  int items = 0, annotated = 0;
  bool plain = true;
  for (xmlNode* item = node->children; item != nullptr && plain; item = item->next) {
    if (!is_element(item)) continue;
    if (tag(item) != "li") return false;
    ++items;
    std::uint32_t outside = 0;
    walk(item, [&](xmlNode* inner) {
      if (inner == item) return true;
      if (is_element(inner)) {
        const std::string_view inner_name = tag(inner);
        if (is_block_element(inner_name) || inner_name == "img" || inner_name == "picture") plain = false;
        // A bold kicker before the link ("<strong>Pensions:</strong> <a>headline</a>")
        // is a teaser's label, not something said beside the link.
        return inner_name != "a" && inner_name != "strong" && inner_name != "b";
      }
      if (inner->type == XML_TEXT_NODE) {
        for (char c : as_view(inner->content)) {
          // ASCII letters and digits, and the lead bytes of other scripts' letters
          // (not of U+0080..00BF or U+2000..2FFF: spaces, quotes, dashes, arrows).
          const auto byte = static_cast<unsigned char>(c);
          if (ascii::is_alnum(c) || (byte >= 0xC3 && byte <= 0xDF) || (byte >= 0xE3 && byte <= 0xEF))
            ++outside;
        }
      }
      return false;
    });
    if (outside >= 3) ++annotated;
  }
  if (!plain || items < 2 || annotated * 4 < items * 3) return false;
  if (paragraph_beside(pass, node, false) && paragraph_beside(pass, node, true)) return true;
  // A list of three or more links to other sites, each said something of (a
  // deals post's "<a>Portable drive for $161.99 at Dell</a> (normally
  // $180)", a reading list's sources) is the author's picks, wherever it
  // stands: related stories link within the site, and a call to action
  // ("Order now at ...") is a line or two.
  if (items < 3) return false;
  bool offsite = true, linked = false;
  walk(node, [&](xmlNode* inner) {
    if (!offsite || !is_element(inner)) return false;
    if (!is_link(inner)) return true;
    linked = true;
    if (links_within_site(inner) || attribute(inner, "href").empty() ||
        attribute(inner, "href").front() == '#')
      offsite = false;
    return false;
  });
  return linked && offsite;
}

// A list whose items are mostly such sentences (a weekly round-up, a list
// of findings with their sources linked), or a table or box of such lists,
// is the article's, however many of its words are links: at least two
// items, half of them prose, holding at least half of the box's links.
bool is_prose_list(Pass& pass, xmlNode* node, std::string_view name) {
  if (name == "li") {
    // An item of a prose list stays with it ("The <a>Storage Gateway is now
    // available</a>." among sentences).
    return is_prose_item(node) ||
           (node->parent != nullptr && (tag(node->parent) == "ul" || tag(node->parent) == "ol") &&
            is_prose_list(pass, node->parent, tag(node->parent)));
  }
  const NodeStats* s = pass.stats(node);
  if (s == nullptr || is_heading(name)) return false;
  // Long link lists (a site map, an archive) are not read item by item.
  constexpr int kMaxItems = 64;
  int items = 0, prose = 0;
  std::uint32_t item_links = 0;  // link bytes inside the list items
  walk(node, [&](xmlNode* inner) {
    if (!is_element(inner) || items > kMaxItems) return false;
    if (tag(inner) != "li") return true;
    ++items;
    if (is_prose_item(inner)) ++prose;
    if (const NodeStats* is = pass.stats(inner); is != nullptr && !is->doomed) item_links += is->link_bytes;
    return false;
  });
  // The lists' items hold most of the links: a box of cards or a link bar
  // beside one list is not excused by it.
  return items >= 2 && items <= kMaxItems && prose * 2 >= items && item_links * 2 >= s->link_bytes;
}

// Step 3: inside the chosen blocks, the furniture that the class names did
// not give away: link lists, bylines, reading times, boilerplate phrases,
// the repeated title, empty shells.
// Whether the box's first element says it is an embed's consent
// placeholder (is_consent_label).
bool opens_with_consent_label(xmlNode* box) {
  for (xmlNode* child = box->children; child != nullptr; child = child->next) {
    if (!is_element(child) || tag(child) == "meta") continue;
    return is_consent_label(collapsed_text(child));
  }
  return false;
}

// Whether `node` (at `index` in the block's walk) holds the story's first
// paragraph, and that paragraph is a long one (200 bytes or more). A box
// mostly of links that holds it (a deals post: its opening above lines of
// shop links) is the story's, and its parts are judged one by one. A short
// first paragraph is often a panel's blurb ("Today's vote: ... Click here").
bool holds_opening(Pass& pass, xmlNode* node, std::size_t index, std::size_t first_prose,
                   const std::vector<xmlNode*>& nodes) {
  if (first_prose == std::string::npos || index >= first_prose) return false;
  xmlNode* opening = nodes[first_prose];
  const NodeStats* s = pass.stats(opening);
  return s != nullptr && s->text_bytes >= 200 && is_ancestor(node, opening);
}

void clean_inside(Pass& pass, const std::vector<xmlNode*>& roots, std::string_view title) {
  // The figures from scoring are still right: nothing was removed since.
  std::vector<xmlNode*> all_doomed;
  // An h1 below the story's first paragraph is a section heading (Medium and
  // other editors set sections in h1), not the page's headline.
  bool prose_seen = false;
  for (xmlNode* root : roots) {
    std::vector<xmlNode*> nodes;
    std::size_t first_prose = std::string::npos;
    walk(root, [&](xmlNode* node) {
      if (!is_element(node)) return false;
      if (first_prose == std::string::npos && tag(node) == "p") {
        const NodeStats* s = pass.stats(node);
        if (s != nullptr && s->text_bytes >= 80 && link_density(*s) < 0.25) first_prose = nodes.size();
      }
      if (node != root) nodes.push_back(node);
      return true;
    });
    const bool earlier_prose = prose_seen;  // the story began in an earlier block
    if (prose_seen) first_prose = 0;
    if (first_prose != std::string::npos) prose_seen = true;
    std::vector<xmlNode*> doomed;
    for (std::size_t i = nodes.size(); i-- > 0;) {
      xmlNode* node = nodes[i];
      NodeStats* s = pass.stats(node);
      if (s == nullptr) continue;
      const std::string_view name = tag(node);
      bool remove = false;
      const bool is_inline = name == "span" || name == "strong" || name == "em" || name == "b" ||
                             name == "a" || name == "small" || name == "time" || name == "i" ||
                             name == "font";
      const bool text_block = name == "p" || is_heading(name) || name == "div" || name == "section" ||
                              name == "ul" || name == "ol" || name == "table" || name == "header" ||
                              name == "blockquote" || name == "figure" || name == "dl" || name == "li" ||
                              name == "address" || name == "center" || name == "article";
      if (is_inline) {
        // Inside prose: only an explicit furniture class removes an inline element,
        // or a link standing alone between blocks ("Edit post", "Next article").
        remove = (s->class_weight <= kStrongNegative && !s->marker && !inside_sentence(node)) ||
                 ((name == "a" || name == "time") && s->images == 0 && standalone_inline(node)) ||
                 (name == "a" && is_heading_permalink(node)) ||
                 (s->text_bytes < 40 && s->images == 0 &&
                  (is_gallery_counter(collapsed_text(node)) || is_player_clock(collapsed_text(node))));
      } else if (text_block) {
        const bool keeps_media = s->images > 0;
        const double density = link_density(*s);
        if (s->text_bytes == 0) {
          remove = !keeps_media && name != "li";
        } else if (density > 0.5 && name != "p" && !(keeps_media && name == "figure") &&
                   !(is_heading(name) && (!links_to_another_page(node) || introduces_prose(pass, node) ||
                                          is_numbered_entry(node))) &&
                   !is_prose_list(pass, node, name) && !is_list_in_prose(pass, node, name) &&
                   !in_data_row(node) && !wraps_data_table(node) &&
                   !holds_opening(pass, node, i, first_prose, nodes)) {
          remove = true;  // related lists, tag lists, share bars, breadcrumbs, next/prev
        } else if (density > 0.5 && name == "p" && s->text_bytes < 200 &&
                   !(amid_prose(pass, node) && is_linked_sentence(node)) && !introduces_next(pass, node)) {
          remove = true;  // "Read also: <a>headline</a>"
        } else if (density > 0.5 && name == "p" && (is_site_link_lines(node) || is_link_bar(node))) {
          remove = true;  // a list of headlines, one link per line; a section menu
        } else if ((name == "div" || name == "section") && s->text_bytes < 300 && s->paragraphs == 0 &&
                   is_video_teaser(node)) {
          remove = true;  // an embedded video's headline and running time
        } else if (s->text_bytes < 500 && s->paragraphs <= 1) {
          std::string text = collapsed_text(node);
          // A label opening a long sentence without links ("RELATED: the endorsees did
          // not fare well. ...") is the author's aside, not a related-stories line.
          if ((is_boilerplate_text(text) &&
               !(name == "p" && s->link_bytes == 0 && s->text_bytes >= 150 && ends_like_sentence(text))) ||
              is_gallery_counter(text) || is_player_clock(text)) {
            remove = true;
          } else if (s->text_bytes < 300 && s->text_bytes < s->link_bytes + 80 &&
                     links_to_tag_pages(pass, node)) {
            remove = true;  // "Filed under <a rel=category>…</a> — Tags: <a rel=tag>…</a>"
          } else if (s->has_time && !s->has_figure && s->text_bytes < (name == "p" ? 60u : 200u) &&
                     (name == "p" || s->paragraphs == 0)) {
            remove = true;  // dateline / byline with a <time>
          } else if (i < first_prose && !s->has_figure && s->text_bytes < (name == "p" ? 80u : 200u) &&
                     (name == "p" || s->paragraphs == 0) && !ends_like_sentence(text) &&
                     opens_with_date(text) && !beside_dated_line(node)) {
            remove = true;  // a dateline above the story without a <time>: "2018年6月18日 10:01 発信地：カノ"
          } else if (looks_like_byline(text) && name != "li" && !is_by_sentence(text)) {
            remove = true;
          } else if (is_heading(name) && !title.empty() &&
                     (iequals(text, title) || is_title_part(title, text))) {
            remove = true;
          } else if (is_heading(name) && i < first_prose && title.size() >= 20 &&
                     text.size() <= title.size() + 80 && icontains(text, title)) {
            remove = true;  // the headline above the story, a kicker set before it in the same heading
          } else if (name == "h1" && i < first_prose) {
            remove = true;  // the page's headline: it is the title field, not body text
          } else if ((name == "div" || name == "section") && links_to_call_to_action(node)) {
            remove = true;
          } else if ((name == "p" || ((name == "div" || name == "section") && s->paragraphs == 0)) &&
                     (earlier_prose || (first_prose != std::string::npos && i > first_prose)) &&
                     prose_beside(pass, node, true, 1) == 0 && is_call_to_action(text)) {
            remove = true;  // closing the story: "What do you think? Scroll down to comment below."
          } else if (name != "p" && !is_heading(name) && s->images > 0 && s->linked_headings > 0) {
            remove = true;  // a teaser card: picture and linked headline of another story
          }
        }
        if (!remove && (name == "div" || name == "section" || name == "aside") && s->text_bytes < 1200 &&
            opens_with_consent_label(node))
          remove = true;  // an embed's consent placeholder: label, notice, switch, privacy text
        // A box holding only a quoted post ("c-embed--social") keeps it.
        const bool post_box = s->holds_post && s->paragraphs <= 1;
        if (!remove && s->class_weight <= kStrongNegative && !s->marker && !post_box &&
            !is_paywalled_paragraph(node) && !is_builder_heading(pass, node) &&
            !(names_only_navigation(node) && is_prose_without_links(node)))
          remove = true;
        if (!remove && name != "p" && name != "figure" && !is_heading(name) && !keeps_media &&
            s->text_bytes < 40 && s->removed_bytes > s->text_bytes) {
          remove = true;  // the label left of a removed list: "Topics", "Related stories"
        }
      }
      if (remove) {
        // Keep ancestors' figures right for the decisions still to come.
        for (xmlNode* up = node->parent; up != nullptr; up = up->parent) {
          NodeStats* us = pass.stats(up);
          if (us == nullptr) break;
          us->removed_bytes += s->text_bytes;
          us->text_bytes -= std::min(us->text_bytes, s->text_bytes);
          us->link_bytes -= std::min(us->link_bytes, s->link_bytes);
          us->paragraphs =
              static_cast<std::uint16_t>(us->paragraphs - std::min(us->paragraphs, s->paragraphs));
          us->images = static_cast<std::uint16_t>(us->images - std::min(us->images, s->images));
          if (up == root) break;
        }
        s->doomed = true;
        doomed.push_back(node);
      }
    }
    // A node inside another doomed node goes with it: free only the outermost.
    for (xmlNode* node : doomed) {
      bool inside_doomed = false;
      for (xmlNode* up = node->parent; up != nullptr && up != root; up = up->parent) {
        if (NodeStats* us = pass.stats(up); us != nullptr && us->doomed) {
          inside_doomed = true;
          break;
        }
      }
      if (!inside_doomed) all_doomed.push_back(node);
    }
  }
  pass.reset();
  for (xmlNode* node : all_doomed) remove_node(node);
}

// Lazy-loaded images: the real URL sits in data-src / data-lazy-src.
void fix_lazy_image(xmlNode* image) {
  for (const char* lazy : {"data-src", "data-lazy-src", "data-original", "data-url"}) {
    std::string_view value = attribute(image, lazy);
    if (value.empty()) continue;
    std::string copy(value);
    xmlSetProp(image, reinterpret_cast<const xmlChar*>("src"),
               reinterpret_cast<const xmlChar*>(copy.c_str()));
    return;
  }
}

// What a <head> may hold; anything else there starts the body in a browser.
bool is_head_element(std::string_view name) {
  return name == "title" || name == "meta" || name == "link" || name == "script" || name == "style" ||
         name == "base" || name == "noscript" || name == "template";
}

// React's streamed server rendering sends a suspended part of the page
// last, in <div hidden id="S:n">, with a script ($RC) that moves it in
// place of its boundary marker <template id="B:n"> as soon as it arrives:
// in a browser it is shown where the marker stood. Next.js sites stream
// whole article bodies this way, so the part is moved there before the
// hidden elements go (a boundary with no marker keeps its place, shown).
void place_streamed_parts(xmlNode* body) {
  std::vector<xmlNode*> parts;
  for (xmlNode* child = body->children; child != nullptr; child = child->next) {
    if (is_element(child) && tag(child) == "div" && has_attribute(child, "hidden") &&
        attribute(child, "id").starts_with("S:"))
      parts.push_back(child);
  }
  if (parts.empty()) return;
  std::unordered_map<std::string, xmlNode*> markers;
  for (xmlNode* node = body->children; node != nullptr; node = next_in_subtree(node, body, true)) {
    if (is_element(node) && tag(node) == "template" && attribute(node, "id").starts_with("B:"))
      markers.emplace(std::string(attribute(node, "id").substr(2)), node);
  }
  for (xmlNode* part : parts) {
    xmlUnsetProp(part, reinterpret_cast<const xmlChar*>("hidden"));
    auto marker = markers.find(std::string(attribute(part, "id").substr(2)));
    if (marker == markers.end()) continue;
    xmlUnlinkNode(part);
    xmlAddPrevSibling(marker->second, part);
  }
}

// The page's body, after undoing two ways libxml2 recovers a broken page
// unlike a browser. A page pasted together from whole documents (an include
// that brings its own html, head and body; a stray "<html" start) gets a
// second <html>, after the first body or as a second root: a browser shows
// every body's text in one, so the later documents are moved to the end of
// the first body (their heads go with the furniture). A page whose head
// holds an element no head may hold (an unknown tag before the body, or no
// <body> tag at all) keeps the whole page inside <head> in libxml2, where a
// browser ends the head and starts the body there: when there is no body,
// that element and everything after it move out of the head. A stray
// "</body>" early in the page (an include's own closing tags) leaves the rest
// of the page beside the body in libxml2; a browser still shows it in the
// body, so it moves there too.
xmlNode* find_body(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return nullptr;
  xmlNode* body = nullptr;
  std::vector<xmlNode*> later_documents;
  for (xmlNode* top = root; top != nullptr; top = top->next) {
    if (!is_element(top) || tag(top) != "html") continue;
    bool holds_body = false;
    for (xmlNode* child = top->children; child != nullptr; child = child->next) {
      if (body == nullptr && tag(child) == "body") {
        body = child;
        holds_body = true;
      } else if (body != nullptr && (tag(child) == "html" || !is_blank_text(child))) {
        later_documents.push_back(child);
      }
    }
    if (body != nullptr && !holds_body && top != root) later_documents.push_back(top);
  }
  if (body != nullptr) {
    for (xmlNode* document : later_documents) {
      xmlUnlinkNode(document);
      xmlAddChild(body, document);
    }
    place_streamed_parts(body);
    return body;
  }
  for (xmlNode* head = root->children; head != nullptr; head = head->next) {
    if (tag(head) != "head") continue;
    xmlNode* stray = head->children;
    while (stray != nullptr && !(is_element(stray) && !is_head_element(tag(stray)))) stray = stray->next;
    xmlNode* after = head;
    while (stray != nullptr) {
      xmlNode* next = stray->next;
      xmlUnlinkNode(stray);
      after = xmlAddNextSibling(after, stray);
      stray = next;
    }
    break;
  }
  return root;
}

// Text output: a small state machine over the subtree.
class TextWriter {
 public:
  void text(std::string_view piece) { line_ += piece; }
  // Text of a <pre>: its line breaks and indentation are the code's (or the
  // poem's), kept as written; only trailing white space goes.
  void preformatted(std::string_view piece) {
    for (const char c : piece) {
      if (c == '\n') {
        preformatted_line_ = true;
        flush_line();
      } else if (c != '\r') {
        line_ += c;
      }
    }
    preformatted_line_ = true;
  }
  void line_break() { flush_line(); }
  void block_boundary() {
    flush_line();
    while (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
    if (!lines_.empty()) {
      std::string block;
      for (const auto& line : lines_) {
        if (!block.empty()) block += '\n';
        block += line;
      }
      if (!out_.empty()) out_ += "\n\n";
      out_ += block;
      lines_.clear();
    }
  }
  std::string finish() {
    block_boundary();
    return std::move(out_);
  }

 private:
  void flush_line() {
    if (preformatted_line_) {
      preformatted_line_ = false;
      std::string line = std::move(line_);
      line_.clear();
      while (!line.empty() && ascii::is_space(line.back())) line.pop_back();
      // A blank line inside code stays, but none opens the block.
      if (!line.empty() || !lines_.empty()) lines_.push_back(std::move(line));
      return;
    }
    std::string line = collapse_whitespace(line_);
    line_.clear();
    if (!line.empty()) lines_.push_back(std::move(line));
  }
  bool preformatted_line_ = false;
  std::string line_;
  std::vector<std::string> lines_;
  std::string out_;
};

// MathML's token elements (identifier, number, operator, text, string):
// the symbols of a formula, each a word of its own ("a x 2 + b x"), where
// the markup often has no space between them.
bool is_math_token(std::string_view name) {
  return name == "mi" || name == "mn" || name == "mo" || name == "mtext" || name == "ms";
}

// A caption-classed box that holds paragraphs of prose is where a photo
// blog writes its story, picture by picture ("caption-image" around each
// photo and the paragraphs about it): two paragraphs or more, 400+ bytes
// together. A caption proper is a line or two under a picture: a thousand
// bytes of text in a caption box, paragraphs or not, are the story set in the
// wrong box (MSNBC's blog put whole posts in the lead picture's
// "wp-caption-text"), and a reader sees them as text.
bool holds_story_paragraphs(xmlNode* node) {
  if (tag(node) == "figcaption") return false;
  int paragraphs = 0;
  std::uint32_t bytes = 0, commas = 0;
  walk(node, [&](xmlNode* inner) {
    if (inner->type == XML_TEXT_NODE) {
      count_text(inner->content, bytes, commas);
      return false;
    }
    if (!is_element(inner)) return false;
    if (tag(inner) == "p") ++paragraphs;
    return true;
  });
  return (paragraphs >= 2 && bytes >= 400) || bytes >= 1000;
}

// A figure that shows a picture (img, picture, video) and holds no quote,
// table, code, list, heading (a slideshow's slide titles) or paragraphs of
// prose: its text is the picture's caption.
bool is_picture_figure(xmlNode* figure) {
  bool picture = false, other = false;
  walk(figure, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "img" || name == "picture" || name == "video") picture = true;
    if (name == "blockquote" || name == "table" || name == "pre" || name == "ul" || name == "ol" ||
        is_heading(name))
      other = true;
    return true;
  });
  return picture && !other && !holds_story_paragraphs(figure);
}

// The words of `text`, one space between: "- Tapie en 2008. REUTERS -"
// reads as "Tapie en 2008 REUTERS".
std::string words_of(std::string_view text) {
  std::string words;
  for_each_token(text, [&](std::string_view word) {
    if (!words.empty()) words += ' ';
    words += word;
  });
  return words;
}

// The element beside `node` (white space and comments passed over), after
// it or before it.
xmlNode* element_beside(xmlNode* node, bool after) {
  for (xmlNode* other = after ? node->next : node->prev; other != nullptr;
       other = after ? other->next : other->prev) {
    if (is_element(other)) return other;
    if (other->type == XML_TEXT_NODE && !ascii::trim_html(as_view(other->content)).empty()) return nullptr;
  }
  return nullptr;
}

// A blog post's "extended entry": Movable Type and TypePad print the part
// after the "continue reading" break in a box of its own right after the
// entry's body (<div id="more">, "entry-more", "asset-more"). The box's
// name reads as a teaser's, but it is the rest of the post: when it follows
// the story's last block and holds prose, not links, it is the story's.
void gather_extended_entry(Pass& pass, std::vector<xmlNode*>& blocks) {
  if (blocks.empty()) return;
  xmlNode* more = element_beside(blocks.back(), true);
  if (more == nullptr || (tag(more) != "div" && tag(more) != "section")) return;
  const auto extended = [](std::string_view names) {
    return has_token(names,
                     {"more", "entry-more", "asset-more", "extended", "entry-extended", "extended-entry"});
  };
  if (!extended(attribute(more, "id")) && !extended(attribute(more, "class"))) return;
  const NodeStats* s = pass.stats(more);
  if (s == nullptr || s->text_bytes < 100 || s->paragraphs == 0 || s->linked_headings > 0 ||
      link_density(*s) > 0.25)
    return;
  blocks.push_back(more);
}

// The standfirst between the headline and the story's body: Deutsche
// Welle's <p class="intro"> under the h1, beside the box the body won in,
// with no article or content marker around both for gather_enclosing to
// walk. When the headline stands before the first block and both lie in a
// box at most three levels above that block, the paragraphs between them
// that read as sentences (60 to 800 bytes, few links, no date, no byline,
// not in a caption or a furniture box) open the story; two at most.
void gather_standfirst(Pass& pass, xmlNode* headline, std::vector<xmlNode*>& blocks) {
  if (blocks.empty()) return;
  xmlNode* first = blocks.front();
  if (headline == nullptr || is_ancestor(first, headline) || is_ancestor(headline, first) ||
      document_position(headline) > document_position(first))
    return;
  // A linked h1 is the site's masthead ("Blogger News Network" above the
  // blog's tagline), not the story's headline.
  if (const NodeStats* hs = pass.stats(headline); hs == nullptr || link_density(*hs) > 0.5) return;
  xmlNode* shared = first->parent;
  for (int level = 0; level < 3 && is_element(shared) && !is_ancestor(shared, headline); ++level)
    shared = shared->parent;
  if (!is_element(shared) || shared == pass.body() || !is_ancestor(shared, headline)) return;
  std::vector<xmlNode*> standfirsts;
  bool seen_paragraph = false;
  for (xmlNode* node = next_in_subtree(headline, shared, false); node != nullptr && node != first;
       node = next_in_subtree(node, shared, true)) {
    if (!is_element(node)) continue;
    if (is_ancestor(node, first)) continue;  // a box around the body: its own children come next
    const std::string_view name = tag(node);
    const NodeStats* s = pass.stats(node);
    if (s == nullptr) continue;
    // El País sets its deck in an h2 right under the h1 ("h2.a_st"): the
    // first text there, and a long one, it is no section's heading.
    const bool h2_deck = name == "h2" && !seen_paragraph && s->text_bytes >= 60 && s->linked_headings == 0;
    if (name != "p" && !h2_deck) {
      if (is_heading(name) && s->text_bytes > 0) seen_paragraph = true;
      continue;
    }
    if (s->text_bytes < 60 || s->text_bytes > 800 || s->has_time || link_density(*s) > 0.2 ||
        outside_story(pass, node, shared))
      continue;
    // Nor a picture's line: a paragraph in a box that shows a picture
    // (CBS's div.photoLarge: the img, then its caption in a <p>).
    bool furniture = is_caption(node) || (node->parent != shared && pass.stats(node->parent) != nullptr &&
                                          pass.stats(node->parent)->images > 0);
    for (xmlNode* up = node->parent; !furniture && up != shared; up = up->parent) {
      const NodeStats* us = pass.stats(up);
      furniture = us == nullptr || us->class_weight < 0 || is_caption(up) || tag(up) == "figure";
    }
    if (furniture || s->class_weight < 0) continue;
    const std::string text = collapsed_text(node);
    // A deck need not end like a sentence ("Police continue to search the
    // debris after a blaze that consumed the building in an hour", The
    // Guardian's): the first paragraph under the headline, ten words or
    // more, is one.
    const bool deck = !seen_paragraph && std::count(text.begin(), text.end(), ' ') >= 9;
    seen_paragraph = true;
    if ((!ends_like_sentence(text) && !deck) || looks_like_byline(text)) continue;
    standfirsts.push_back(node);
    if (standfirsts.size() == 2) break;
  }
  insert_in_document_order(standfirsts, blocks);
}

// The alt text of the picture a box shows, when it shows one: the box is
// an img, or holds exactly one.
std::string_view shown_picture_alt(xmlNode* box) {
  if (tag(box) == "img") return attribute(box, "alt");
  std::string_view alt;
  int pictures = 0;
  walk(box, [&](xmlNode* node) {
    if (!is_element(node) || pictures > 1) return false;
    if (tag(node) == "img") {
      ++pictures;
      alt = attribute(node, "alt");
    }
    return true;
  });
  return pictures == 1 ? alt : std::string_view();
}

// A line set beside a picture that says what the picture's alt text says,
// word for word (its punctuation aside), is its caption, whatever its
// markup: CNN wrote it in a bare <div> after the image's box, Slate in a
// <p> after the image, between dashes. Only a leaf (text and inline
// markup) of four words or more is read: a story's paragraph never stands
// beside a picture that repeats it word for word.
bool repeats_picture_alt(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name != "div" && name != "p" && name != "span" && name != "font" && name != "small") return false;
  for (xmlNode* child = node->children; child != nullptr; child = child->next)
    if (is_element(child) && (is_block_element(tag(child)) || tag(child) == "img")) return false;
  // Beside the line, or beside the box it alone fills
  // (<div class=caption><div class=captiontxt>line</div></div>).
  xmlNode* pictures[4] = {element_beside(node, false), element_beside(node, true), nullptr, nullptr};
  if (xmlNode* box = node->parent; is_element(box) && pictures[0] == nullptr && pictures[1] == nullptr) {
    pictures[2] = element_beside(box, false);
    pictures[3] = element_beside(box, true);
  }
  std::string text;
  for (xmlNode* picture : pictures) {
    if (picture == nullptr) continue;
    const std::string_view alt = ascii::trim(shown_picture_alt(picture));
    if (std::count(alt.begin(), alt.end(), ' ') < 3) continue;
    if (text.empty()) text = words_of(text_content(node));
    if (text == words_of(alt)) return true;
  }
  return false;
}

// Whether `node` holds a picture and nothing else: an img, a picture, or a
// link or box around one alone.
bool shows_picture_only(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name == "img" || name == "picture") return true;
  if (name != "a" && name != "div" && name != "span" && name != "figure") return false;
  int pictures = 0;
  bool other = false;
  walk(node, [&](xmlNode* inner) {
    if (other) return false;
    if (inner->type == XML_TEXT_NODE) {
      other = !ascii::trim_html(as_view(inner->content)).empty();
      return false;
    }
    if (!is_element(inner)) return false;
    const std::string_view inner_name = tag(inner);
    if (inner_name == "img") ++pictures;
    return true;
  });
  return !other && pictures == 1;
}

// The line under a picture in a box of its own (Deutsche Welle's div.picBox:
// the linked img, then a <p> "Folgen eines Raketenangriffs auf Uman, 28.
// April 2023"): a box that holds one picture and one short unlinked line
// that is no sentence, nothing else, is a picture with its caption.
bool is_picture_box_line(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name != "p" && name != "span" && name != "div") return false;
  xmlNode* box = node->parent;
  if (!is_element(box) || (tag(box) != "div" && tag(box) != "span")) return false;
  int children = 0;
  bool picture = false;
  for (xmlNode* child = box->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && ascii::trim_html(as_view(child->content)).empty()) continue;
    if (child->type == XML_COMMENT_NODE) continue;
    if (!is_element(child)) return false;
    ++children;
    if (child != node) picture = picture || shows_picture_only(child);
  }
  if (children != 2 || !picture) return false;
  // A sentence beside a picture is the story's opening more often than not
  // (a post's first paragraph under its lead picture); a caption names and
  // dates what the picture shows.
  const std::string text = collapsed_text(node);
  return !text.empty() && text.size() <= 250 && !ends_like_sentence(text) && !holds_link(node);
}

// A smiley or emoji drawn as a picture (WordPress's <img class="wp-smiley"
// alt=":)">, <img class="emoji" alt="😀">) is a character of the sentence:
// its alt text is what a reader copies from the page. Its name ("smile") is
// no character.
std::string_view shown_symbol(xmlNode* image) {
  const std::string_view kind = attribute(image, "class");
  if (!icontains(kind, "smiley") && !icontains(kind, "emoji")) return {};
  const std::string_view alt = ascii::trim(attribute(image, "alt"));
  if (alt.empty() || alt.size() > 16) return {};
  int letters = 0;
  for (const char c : alt) {
    letters = ascii::is_alpha(c) ? letters + 1 : 0;
    if (letters >= 3) return {};
  }
  return alt;
}

// A code block's gutter of line numbers (Pygments' "lineno" spans and
// "linenos" cells, Rouge's "rouge-gutter", react-syntax-highlighter's
// "linenumber"): numbers a reader does not copy, which would glue
// themselves to each line's first word.
bool is_line_number_gutter(xmlNode* node) {
  const std::string_view names = attribute(node, "class");
  return !names.empty() && has_token(names, {"lineno", "linenos", "linenumber", "line-number", "line-numbers",
                                             "linenumbers", "gutter", "rouge-gutter", "hljs-ln-numbers"});
}

void write_text(xmlNode* root, TextWriter& writer, bool captions) {
  int preformatted = 0;  // depth of <pre> elements around the walk
  for (xmlNode* up = root->parent; is_element(up); up = up->parent)
    if (tag(up) == "pre") ++preformatted;
  auto enter = [&](xmlNode* node) -> bool {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (preformatted > 0)
        writer.preformatted(as_view(node->content));
      else
        writer.text(as_view(node->content));
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "pre") ++preformatted;  // before any early return: leave() counts every <pre> out
    if (name == "script" || name == "style" || name == "noscript" || name == "template") return false;
    if (is_line_number_gutter(node) && (preformatted > 0 || is_table_cell(node) || tag(node) == "span"))
      return false;
    // Captions and credits describe a picture; they stay in the HTML only.
    if (!captions && is_caption(node) && !holds_story_paragraphs(node)) return false;
    // So does the text of a picture's figure, caption element or not ("Foto:
    // Name, Agency" in spans beside the image).
    if (!captions && name == "figure" && is_picture_figure(node)) return false;
    if (!captions && (repeats_picture_alt(node) || is_picture_box_line(node))) return false;
    if (name == "br")
      writer.line_break();
    else if (name == "img")
      writer.text(shown_symbol(node));
    else if (name == "td" || name == "th" || is_math_token(name))
      writer.text(" ");  // cells of a row share a line, but not a word; so do a formula's symbols
    else if (is_block_element(name))
      writer.block_boundary();
    return true;
  };
  auto leave = [&](xmlNode* node) {
    if (is_element(node) && tag(node) == "pre") --preformatted;
    if (is_element(node) && is_block_element(tag(node))) writer.block_boundary();
  };
  xmlNode* node = root;
  while (node != nullptr) {
    const bool descend = enter(node);
    if (descend && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr) {
      leave(node);
      if (node == root) {
        node = nullptr;
        break;
      }
      if (node->next != nullptr) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

}  // namespace

ContentResult find_content(xmlDoc* doc, std::string_view title, const ContentRules& rules) {
  ContentResult result;
  xmlNode* body = find_body(doc);
  if (body == nullptr) return result;
  Pass pass(body, rules.weigh_classes);
  remove_furniture(pass, rules.remove_by_class, rules.drop_aria_hidden);
  wrap_bare_text(body);
  score_paragraphs(pass);
  Choice choice = choose_top(pass);
  if (choice.top == nullptr) return result;
  climb_past_wrapper(pass, choice);
  step_inside_cards(pass, choice);
  step_into_own_story(pass, choice, title);
  step_into_cell(pass, choice);
  xmlNode* const headline = find_headline(pass, title);
  result.below_headline = anchor_to_headline(pass, choice, headline);
  result.top_score = choice.top_score;
  result.runner_up_score = choice.runner_up;
  result.blocks = gather(pass, choice);
  gather_enclosing(pass, result.blocks);
  gather_split_parts(pass, choice.top, result.blocks);
  gather_table_rows(pass, choice.top, result.blocks);
  gather_extended_entry(pass, result.blocks);
  gather_standfirst(pass, headline, result.blocks);
  add_lead_figure(pass, choice.top, result.blocks);

  {
    const NodeStats* s = pass.stats(choice.top);
    result.linked_headings = s->linked_headings;
    for (xmlNode* up = choice.top; up != nullptr; up = up->parent) {
      if (up->type != XML_ELEMENT_NODE) break;
      if (is_content_marker(up, tag(up))) result.semantic = true;
    }
  }
  std::vector<xmlNode*> cut_off;  // after the story's end: freed once the pass is reset
  result.cut_at_end_bytes = cut_at_article_end(pass, result.blocks, cut_off);
  if (rules.clean_inside) {
    clean_inside(pass, result.blocks, title);
  } else {
    pass.reset();
  }
  for (xmlNode* node : cut_off) xmlFreeNode(node);
  remove_pull_quotes(result.blocks);
  remove_repeated_labels(result.blocks);
  // One light walk over what is left: link density and paragraphs, lazy images.
  std::uint32_t text = 0, links = 0, commas = 0;
  std::unordered_map<xmlNode*, bool> prose_items;
  for (xmlNode* root : result.blocks) {
    walk(root, [&](xmlNode* node) {
      if (node->type == XML_TEXT_NODE) {
        std::uint32_t bytes = 0;
        count_text(node->content, bytes, commas);
        text += bytes;
        // A link inside a sentence of a list item ("We released the <a>SDK</a>.")
        // is prose, not a sign of a link list.
        for (xmlNode* up = node->parent; up != nullptr && up != root->parent; up = up->parent) {
          if (is_link(up)) {
            xmlNode* item = up->parent;
            while (item != nullptr && item != root->parent && tag(item) != "li" && tag(item) != "table")
              item = item->parent;
            // So is a link in a cell of a data table: a grid of model names
            // linked to their pages is data, not a list of links.
            const bool prose_item =
                item != nullptr && (tag(item) == "li" || tag(item) == "table") &&
                (tag(item) == "li" ? prose_items.try_emplace(item, is_prose_item(item)).first->second
                                   : prose_items.try_emplace(item, is_data_table(item)).first->second);
            if (!prose_item) links += bytes;
            break;
          }
        }
        return false;
      }
      if (!is_element(node)) return false;
      const std::string_view name = tag(node);
      if (name == "p") ++result.paragraph_count;
      if (name == "img" && attribute(node, "src").empty()) fix_lazy_image(node);
      return true;
    });
  }
  result.link_density = text == 0 ? 0.0 : static_cast<double>(links) / text;
  return result;
}

std::string blocks_to_text(const std::vector<xmlNode*>& nodes) {
  auto write = [&](bool captions) {
    TextWriter writer;
    for (xmlNode* node : nodes) {
      write_text(node, writer, captions);
      writer.block_boundary();
    }
    return writer.finish();
  };
  std::string text = write(false);
  // A slideshow's or a photo essay's text is its captions: when they say
  // more than twice what the rest says, they are the article. A story of
  // over 2,500 bytes is one with pictures, whatever their captions.
  if (text.size() < 2500) {
    std::string with_captions = write(true);
    // So is a photo post's: a picture and its line, and nothing else.
    if (with_captions.size() > text.size() * 2 + 100 ||
        (text.size() < 50 && with_captions.size() > text.size()))
      return with_captions;
  }
  return text;
}

std::string blocks_to_html(xmlDoc* doc, const std::vector<xmlNode*>& nodes) {
  std::string out;
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
  if (!buffer) return out;
  for (xmlNode* node : nodes) {
    xmlBufferEmpty(buffer.get());
    if (htmlNodeDump(buffer.get(), doc, node) < 0) continue;
    out.append(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
               static_cast<std::size_t>(xmlBufferLength(buffer.get())));
    out += '\n';
  }
  return out;
}

std::string rescue_prose(xmlDoc* doc) {
  xmlNode* body = find_body(doc);
  if (body == nullptr) return {};
  Pass pass(body, true);
  remove_furniture(pass, true, true);
  wrap_bare_text(body);
  pass.measure();
  std::vector<xmlNode*> blocks;
  walk(body, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "header" || name == "figure" || name == "h1") return false;
    const NodeStats* s = pass.stats(node);
    if (s == nullptr || s->text_bytes == 0) return false;
    if (is_prose_block(pass, node, name) && s->text_bytes >= 80) {
      blocks.push_back(node);
      return false;
    }
    return true;
  });
  pass.reset();
  return blocks_to_text(blocks);
}

std::string body_text(xmlDoc* doc) {
  xmlNode* body = find_body(doc);
  if (body == nullptr) return {};
  std::string out;
  walk(body, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE) {
      out += as_view(node->content);
      out += ' ';
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    return !(name == "script" || name == "style" || name == "noscript" || name == "template");
  });
  return collapse_whitespace(out);
}

}  // namespace feeds::extract_detail
