// Where the story ends: its comments, trackbacks, a related or author box,
// the site's copyright. A block that holds a short post and its comment
// thread can win on volume, so the gathered blocks are cut after the story's
// last paragraph where the first such box begins; the gathering steps ask
// the same questions (ends_article, ends_story) to keep out of such boxes.
#include "extract/extract_content_steps.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

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

bool inside_article_end(xmlNode* node) {
  for (xmlNode* up = node->parent; is_element(up); up = up->parent) {
    if (ends_story(up)) return true;
  }
  return false;
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

}  // namespace

inline namespace content_steps {

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

bool ends_story(xmlNode* node) {
  return ends_article(node, tag(node)) || opens_comments(node) || is_author_box(node);
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

}  // namespace content_steps

}  // namespace feeds::extract_detail
