// Step 1 of content detection: before anything is scored, what is never
// article text goes (scripts, forms, navigation, hidden elements, dialogs,
// banners a close button dismisses, and boxes whose class, id or role names
// furniture), so that none of its text counts in a score. Whatever holds a
// content marker (article, main, articleBody, a strong content class) or a
// quoted social post is kept, and so are the exceptions each rule reads
// below: a page-wide form, a post set in an aside, words inside a sentence.
// The retries after a weak first cut switch the class rules off.
#include "extract/extract_content_steps.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

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

// A box the page labels a dialog is a pop-up (a sign-up, a consent
// prompt) on most pages, but some sites show the story itself in one (a
// post set as a letter over the page): the retries after a weak first cut
// read it, as they read what classes and aria-hidden hid.
bool is_dialog_role(const xmlNode* node) {
  const std::string_view role = attribute(node, "role");
  return iequals(role, "dialog") || iequals(role, "alertdialog");
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

// The paragraph right under the page's h1 that its class names a teaser
// or summary (Motorsport-Magazin's <p class="teaser">, junge Welt's
// <div class="teaser lead">) is the story's standfirst, not another
// story's teaser: those are cards, with links.
bool is_deck_under_h1(xmlNode* node) {
  if ((tag(node) != "p" && !is_text_holder(node)) || !names_deck(node) || holds_link(node)) return false;
  const xmlNode* before = previous_element(node);
  return before != nullptr && tag(before) == "h1";
}

}  // namespace

inline namespace content_steps {

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

// The text of a line that labels a comment thread ("Comments", "12
// Responses", "Leave a Reply"). "Discussion" is left out: it is a paper's
// section as often; and so is a lone "Comment", a section of an opinion
// piece or a table's column. A label ends without a full stop: "Thoughts
// on how we're shaping up. See ya." is a post's last line.
bool is_thread_label(std::string_view text) {
  if (text.empty() || text.back() == '.' || text.back() == '!' || text.back() == '?') return false;
  return is_comments_label(text) && !icontains(text, "discussion") && !iequals(text, "comment");
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
                !is_deck_under_h1(node) && !(names_only_navigation(node) && is_prose_without_links(node))) ||
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

}  // namespace content_steps

}  // namespace feeds::extract_detail
