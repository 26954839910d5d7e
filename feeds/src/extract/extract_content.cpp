// Main-content detection: find_content mends the page's body where libxml2
// recovers a broken page unlike a browser, runs the steps on it in order
// (extract_content_steps.h, one file each), and measures what is left. Also
// here: rescue_prose, the whole-page fallback for a page whose cuts all
// came out short, and body_text, the whole body's text.
#include "extract/extract_content.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/extract_content_steps.h"
#include "extract/extract_dom.h"
#include "extract/extract_pull_quotes.h"
#include "extract/extract_repeated_labels.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

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
