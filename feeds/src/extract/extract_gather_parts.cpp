// The story's parts that lie away from the top block and its container,
// each added to the blocks where it stands in the page, and only when it
// reads as the story's: the other boxes of a story the layout split into
// several of one class, the other rows of a story laid out in a table, a
// blog post's extended entry, the standfirst between the headline and the
// body, and the lead figure in the article's header.
#include "extract/extract_content_steps.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"

namespace feeds::extract_detail {

namespace {

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

}  // namespace

inline namespace content_steps {

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
// box at most four levels above that block (La Repubblica's
// div.story__summary sits in the header, four levels up from the text),
// the paragraphs between them that read as sentences (60 to 800 bytes, few
// links, no date, no byline, not in a caption or a furniture box) open the
// story; two at most. A box named for a deck is one from 40 bytes and
// eight words on, a div or a heading as well as a <p>.
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
  for (int level = 0; level < 4 && is_element(shared) && !is_ancestor(shared, headline); ++level)
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
    // A box named for a deck ("p.kick__article__teaser", "div.header-teaser",
    // "h3.subtitle") is one when it holds text and no picture: its name
    // says what a penalty word ("teaser") in it would deny.
    const bool named = s->images == 0 && s->linked_headings == 0 && names_deck(node) &&
                       (name == "p" || (is_heading(name) && name != "h1") || is_text_holder(node));
    if (name != "p" && !h2_deck && !named) {
      if (is_heading(name) && s->text_bytes > 0) seen_paragraph = true;
      continue;
    }
    if (s->text_bytes < (named ? 40u : 60u) || s->text_bytes > 800 || s->has_time || link_density(*s) > 0.2 ||
        outside_story(pass, named ? node->parent : node, shared))
      continue;
    // Nor a picture's line: a paragraph in a box that shows a picture
    // (CBS's div.photoLarge: the img, then its caption in a <p>), when the
    // box is not the header that holds the headline too or the box that
    // holds the body with its pictures.
    bool furniture =
        is_caption(node) || (node->parent != shared && !is_ancestor(node->parent, headline) &&
                             !is_ancestor(node->parent, first) && pass.stats(node->parent) != nullptr &&
                             pass.stats(node->parent)->images > 0);
    for (xmlNode* up = node->parent; !furniture && up != shared; up = up->parent) {
      const NodeStats* us = pass.stats(up);
      furniture = us == nullptr || us->class_weight < 0 || is_caption(up) || tag(up) == "figure";
    }
    if (furniture || (s->class_weight < 0 && !named)) continue;
    const std::string text = collapsed_text(node);
    // A deck need not end like a sentence ("Police continue to search the
    // debris after a blaze that consumed the building in an hour", The
    // Guardian's): the first paragraph under the headline, ten words or
    // more, is one.
    const bool deck =
        (named || !seen_paragraph) && std::count(text.begin(), text.end(), ' ') >= (named ? 7 : 9);
    seen_paragraph = true;
    if ((!ends_like_sentence(text) && !deck) || looks_like_byline(text)) continue;
    standfirsts.push_back(node);
    if (standfirsts.size() == 2) break;
  }
  insert_in_document_order(standfirsts, blocks);
}

}  // namespace content_steps

}  // namespace feeds::extract_detail
