// Step 2 of content detection, continued: the page's headline anchors the
// choice (a reader starts reading below it), then the article's blocks are
// gathered around the top block: the siblings that score well or read as
// prose, and the ledes, standfirsts and later sections beside it inside the
// same article, main or articleBody container. The parts that lie further
// away are extract_gather_parts.cpp's.
#include "extract/extract_content_steps.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

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

}  // namespace

inline namespace content_steps {

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

}  // namespace content_steps

}  // namespace feeds::extract_detail
