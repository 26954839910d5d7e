#include "extract/extract_headline.h"

#include <algorithm>
#include <array>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_title.h"
#include "feeds/text.h"
#include "feeds/url.h"

namespace feeds::extract_detail {

namespace {

// How strongly an element says "headline": h1 > h2 > h3 > an element whose
// class or id names a headline or title ("ArticleHeadline",
// "contentheading", "news_story_title"); 0 for anything else.
int headline_rank(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name == "h1") return 3;
  if (name == "h2") return 2;
  if (name == "h3") return 1;
  if (name == "script" || name == "style" || name == "a" || name == "body" || name == "html") return 0;
  for (std::string_view key : {"class", "id"}) {
    const std::string_view value = attribute(node, key);
    // Not "subtitle", nor the meta line under a headline ("headline_meta", "title-date").
    if ((icontains(value, "headline") || icontains(value, "title") || icontains(value, "heading")) &&
        !icontains(value, "sub") && !icontains(value, "meta") && !icontains(value, "date") &&
        !icontains(value, "byline") && !icontains(value, "author"))
      return 1;
  }
  return 0;
}

// The headline-like element a text node sits in (within four levels), if any.
xmlNode* heading_holding(xmlNode* text_node) {
  int level = 0;
  for (xmlNode* up = text_node->parent; up != nullptr && is_element(up) && level < 4;
       up = up->parent, ++level) {
    if (headline_rank(up) > 0) return up;
  }
  return nullptr;
}

bool inside_code(xmlNode* text_node) {
  const std::string_view parent = text_node->parent != nullptr ? tag(text_node->parent) : std::string_view();
  return parent == "script" || parent == "style" || parent == "noscript" || parent == "template";
}

// Whether a text node begins a paragraph of prose (a <p> of 80+ bytes) that
// links cut into shorter text nodes: "Some teachers met after <a>the
// conference</a> when ...". The first prose is that paragraph's, not a
// later one's, or the text between them is taken for a long byline.
bool opens_prose_paragraph(xmlNode* text_node) {
  xmlNode* paragraph = text_node->parent;
  for (int level = 0; paragraph != nullptr && is_element(paragraph) && tag(paragraph) != "p" && level < 2;
       ++level)
    paragraph = paragraph->parent;
  if (paragraph == nullptr || !is_element(paragraph) || tag(paragraph) != "p") return false;
  // Its first text: the paragraph starts here.
  xmlNode* first_text = nullptr;
  walk(paragraph, [&](xmlNode* node) {
    if (first_text != nullptr) return false;
    if (node->type == XML_TEXT_NODE && node->content != nullptr &&
        !collapse_whitespace(as_view(node->content)).empty())
      first_text = node;
    return is_element(node);
  });
  return first_text == text_node && collapse_whitespace(text_content(paragraph)).size() >= 80;
}

// The first text of prose in the article's blocks: 80+ bytes of one text
// node outside links and headings, or the start of a paragraph of prose.
xmlNode* first_prose_node(std::span<xmlNode* const> blocks) {
  for (xmlNode* block : blocks) {
    xmlNode* found = nullptr;
    walk(block, [&](xmlNode* node) {
      if (found != nullptr) return false;
      if (is_element(node)) return tag(node) != "a" && tag(node) != "script" && tag(node) != "style";
      if (node->type == XML_TEXT_NODE && node->content != nullptr && !inside_code(node) &&
          heading_holding(node) == nullptr) {
        const std::size_t length = collapse_whitespace(as_view(node->content)).size();
        if (length >= 80 || (length >= 25 && opens_prose_paragraph(node))) found = node;
      }
      return false;
    });
    if (found != nullptr) return found;
  }
  return nullptr;
}

// A heading's own line: its text up to the first line break or block
// inside it, where a byline or dateline set in the heading begins
// ("Headline<br><span>by Jane Doe, 30 December 2007</span>").
std::string heading_line(xmlNode* heading) {
  std::string text;
  bool ended = false;
  walk(heading, [&](xmlNode* node) {
    if (ended) return false;
    if (node == heading) return true;
    if (is_element(node)) {
      const std::string_view name = tag(node);
      if (name == "br" || is_block_element(name)) ended = true;
      return !ended && name != "script" && name != "style";
    }
    if (node->type == XML_TEXT_NODE && node->content != nullptr) text += as_view(node->content);
    return false;
  });
  return collapse_whitespace(text);
}

// Whether a heading's line reads as a headline: a few words, not a
// sentence (a standfirst or lede ends with a full stop), not a date, a
// byline or the site's name, not a fragment that starts with a separator.
bool reads_as_headline(std::string_view line, std::string_view site_name, std::string_view host_key) {
  if (line.size() < 12 || line.size() > 200 || word_count(line) < 3) return false;
  if (line.ends_with('.') && !line.ends_with("...")) return false;
  for (std::string_view separator : {"-", "|", ":", "/", ">", "»", "•", "·", "*"})
    if (line.starts_with(separator)) return false;
  if (line.find(" | ") != std::string_view::npos) return false;  // a <title>-like "Site | Section"
  if (looks_like_byline(line) || istarts_with(line, "written by") || istarts_with(line, "tags:"))
    return false;
  // A dateline, alone or after a byline ("Posted by X - Friday, October 26, 2012").
  for (std::size_t at = 0; at != std::string_view::npos; at = line.find(" - ", at + 1)) {
    // Either order of a numeric day: a line that may be a date is no headline.
    if (dateline_date(line.substr(at == 0 ? 0 : at + 3), /*numeric_day_first=*/true)) return false;
  }
  // A wire service's slug or a code line ("p0734 BC-Yemen-Attack 3rdLd-Writethru
  // 01-18 0726"): most of its words hold digits, a headline's seldom more than one.
  std::size_t words = 0, with_digits = 0;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    if (end > at) {
      ++words;
      const std::string_view word = line.substr(at, end - at);
      if (std::any_of(word.begin(), word.end(), [](char c) { return ascii::is_digit(c); })) ++with_digits;
    }
    at = end + 1;
  }
  if (with_digits * 2 > words) return false;
  // The site's name, or a tagline that begins with it ("Designer Daily, design inspiration").
  if (names_site(line, site_name, host_key)) return false;
  return host_key.size() < 4 || !name_key(line).starts_with(host_key);
}

// A sidebar box's heading ("Bookmark & Share", "Subscribers via RSS"): what
// follows it is a list or a link, where a headline is followed by its
// byline, its picture or its text.
bool titles_a_box_of_links(xmlNode* heading) {
  xmlNode* next = heading->next;
  while (next != nullptr && !is_element(next)) next = next->next;
  if (next == nullptr) return false;
  const std::string_view name = tag(next);
  return name == "ul" || name == "ol" || name == "a" || name == "form";
}

xmlNode* lowest_common_ancestor(xmlNode* a, xmlNode* b) {
  for (xmlNode* up = a; up != nullptr; up = up->parent) {
    for (xmlNode* other = b; other != nullptr; other = other->parent)
      if (other == up) return up;
  }
  return nullptr;
}

// The node before `node` in document order (its previous sibling's last
// descendant, or its parent).
xmlNode* previous_in_document(xmlNode* node) {
  if (node->prev == nullptr) return node->parent;
  node = node->prev;
  while (node->last != nullptr) node = node->last;
  return node;
}

// Whether a heading is wholly a link to the post itself: marked
// rel=bookmark, or leading to the page's own URL (blog themes link the
// post's title to its permalink, "Permanent Link to ..."). The post's
// headline however it reads, even a sentence or a title followed by a list
// (its byline and date).
bool links_to_own_page(xmlNode* heading, std::string_view line, std::string_view url) {
  if (line.empty() || line.size() > 200 || looks_like_byline(line)) return false;
  const PageLocation page = page_location(url);
  bool unlinked_text = false, own = false;
  walk(heading, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE && node->content != nullptr &&
        !collapse_whitespace(as_view(node->content)).empty())
      unlinked_text = true;
    if (tag(node) == "a") {
      own = own || has_token(attribute(node, "rel"), {"bookmark"}) ||
            links_to_page(attribute(node, "href"), page);
      return false;
    }
    return is_element(node);
  });
  return own && !unlinked_text;
}

// Whether a text node sits in an element hidden by its style or its hidden
// attribute (a "new here?" box shown by a script), within six levels.
bool hidden_by_style(xmlNode* text_node) {
  int level = 0;
  for (xmlNode* up = text_node->parent; up != nullptr && is_element(up) && level < 6;
       up = up->parent, ++level) {
    if (is_hidden(up, false)) return true;
  }
  return false;
}

// Of the headings found between the masthead (the heading that shows the
// site's name) and the article's prose, the strongest (the upper one of
// equal ranks) outside the masthead's own box: a heading nearer the masthead
// than the prose ("banner-description") is the site's tagline.
std::string headline_below_masthead(std::span<const std::pair<xmlNode*, int>> candidates, xmlNode* masthead,
                                    xmlNode* prose) {
  xmlNode* above_both = lowest_common_ancestor(masthead, prose);
  xmlNode* best = nullptr;
  int best_rank = 0;
  for (const auto& [heading, rank] : candidates) {
    if (lowest_common_ancestor(heading, masthead) != above_both) continue;
    if (rank >= best_rank) {
      best = heading;
      best_rank = rank;
    }
  }
  return best != nullptr ? heading_line(best) : std::string();
}

}  // namespace

std::string first_prose_text(std::span<xmlNode* const> blocks) {
  xmlNode* prose = first_prose_node(blocks);
  return prose != nullptr ? collapse_whitespace(as_view(prose->content)) : std::string();
}

std::string headline_above_prose(xmlDoc* page, std::string_view first_prose, std::string_view title,
                                 std::string_view site_name, std::string_view url, bool title_names_site) {
  xmlNode* root = xmlDocGetRootElement(page);
  if (root == nullptr || first_prose.empty()) return {};
  xmlNode* prose = nullptr;
  walk(root, [&](xmlNode* node) {
    if (prose != nullptr) return false;
    if (node->type == XML_TEXT_NODE && node->content != nullptr && !inside_code(node) &&
        collapse_whitespace(as_view(node->content)) == first_prose)
      prose = node;
    return is_element(node);
  });
  if (prose == nullptr) return {};
  const std::string host_key = host_name_key(url);
  // Back from the first prose, past what sits between a headline and its
  // text (a byline, a dateline, a caption: 200 bytes at most), to the
  // headings there: the strongest one that reads as a headline, or none
  // when the title itself is shown there first (the page confirms it).
  // A heading that is the title above a headline below it is the site's or
  // section's name over the story; the search stops there.
  std::size_t skipped = 0;
  int headings_seen = 0;
  int best_rank = 0;
  std::string best;
  xmlNode* best_node = nullptr;
  // Every heading that reads as a headline, from the prose up: when the
  // title is the site's name, the masthead's own (its tagline) are set apart.
  std::vector<std::pair<xmlNode*, int>> candidates;
  for (xmlNode* node = previous_in_document(prose); node != nullptr && headings_seen < 6;
       node = previous_in_document(node)) {
    if (is_element(node) && tag(node) == "body") break;
    if (node->type != XML_TEXT_NODE || node->content == nullptr || inside_code(node)) continue;
    const std::string text = collapse_whitespace(as_view(node->content));
    if (text.empty() || text == " ") continue;
    xmlNode* heading = heading_holding(node);
    // A box whose class says title ("post-title") around the headline and
    // its byline, its first line empty (it opens with a block): the
    // headings are inside it.
    if (heading != nullptr && title_names_site && headline_rank(heading) == 1 && tag(heading) != "h3" &&
        heading_line(heading).empty())
      heading = nullptr;
    const std::string whole = heading != nullptr ? collapse_whitespace(text_content(heading)) : std::string();
    if (heading == nullptr || whole.size() > 250) {
      // The site's name as plain text between a headline and its prose is a
      // byline or a link home (a personal blog's name is its author's); a
      // box the page hides (style="display:none") is not between them either.
      if (title_names_site && (iequals(text, title) || hidden_by_style(node))) continue;
      if (!title.empty() && iequals(text, title)) break;  // the title, shown here as plain text
      skipped += text.size();
      if (skipped > 200) break;
      continue;
    }
    ++headings_seen;
    node = heading;  // its text has been read: go on before it
    std::string line = heading_line(heading);
    if (!title.empty() &&
        (iequals(whole, title) || iequals(line, title) || (title.size() >= 12 && icontains(whole, title)))) {
      if (title_names_site) return headline_below_masthead(candidates, heading, prose);
      // The title shown above the heading found: a section's or site's
      // name over the story's box, or the headline over its standfirst in
      // the same box, which leaves the title as it is.
      if (best_node != nullptr &&
          lowest_common_ancestor(heading, prose) == lowest_common_ancestor(best_node, prose))
        return {};
      break;
    }
    // The title with a section or site prefix ("Music- Headline"): the
    // heading shows the headline alone.
    if (best.empty() && line.size() >= 12 && icontains(title, line) &&
        reads_as_headline(line, site_name, host_key))
      return line;
    // The nearest heading above the prose that links to the post itself is
    // its headline, however it reads (a sentence, a list of its byline below).
    if (title_names_site && links_to_own_page(heading, line, url)) return line;
    // Of equal ranks the upper one: a standfirst set as a heading sits
    // below the headline, and a kicker above it is too short to read as one.
    const int rank = headline_rank(heading);
    if (rank >= best_rank && reads_as_headline(line, site_name, host_key) &&
        !titles_a_box_of_links(heading)) {
      candidates.emplace_back(heading, rank);
      best_rank = rank;
      best = std::move(line);
      best_node = heading;
    }
  }
  return best;
}

bool remove_heading_showing(std::span<xmlNode* const> blocks, std::string_view headline) {
  for (xmlNode* block : blocks) {
    xmlNode* found = nullptr;
    walk(block, [&](xmlNode* node) {
      if (found != nullptr || !is_element(node)) return false;
      if (node != block && headline_rank(node) > 0 && iequals(heading_line(node), headline)) found = node;
      return found == nullptr;
    });
    if (found != nullptr) {
      remove_node(found);
      return true;
    }
  }
  return false;
}

}  // namespace feeds::extract_detail
