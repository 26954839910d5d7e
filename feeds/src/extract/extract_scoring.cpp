// Step 2 of content detection, the scores: text set bare beside blocks is
// wrapped into paragraphs, each paragraph's score goes to its parent and,
// less, to the ancestors above (readability's rule), and the best-scored
// element is the top block. The steps after choose_top move that choice
// where the scores mislead: past a wrapper that scores little, inside a box
// of story cards, into the page's own story of an endless-scroll page, into
// the best cell of a layout table's row.
#include "extract/extract_content_steps.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"

namespace feeds::extract_detail {

namespace {

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

}  // namespace

inline namespace content_steps {

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

}  // namespace content_steps

}  // namespace feeds::extract_detail
