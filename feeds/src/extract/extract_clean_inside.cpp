// Step 3 of content detection: inside the chosen blocks, the furniture that
// class names did not give away (link lists, bylines, datelines, reading
// times, boilerplate, the repeated headline, teaser cards, empty shells)
// is removed, each box judged before the boxes around it, whose figures
// are kept right for the decisions still to come. Most rules here tell
// links that are prose (a sentence around its link, a list of links each
// said something of, a data table's linked names) from links that are
// furniture (related stories, tag lines, link bars).
#include "extract/extract_content_steps.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.h"
#include "extract/extract_dates.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

// The permalink mark a documentation or blog theme puts in each heading
// ("<a class=headerlink href=#intro>#</a>", "¶", "§"): a same-page anchor
// whose text is one sign, not a word of the heading.
bool is_heading_permalink(xmlNode* link) {
  if (!attribute(link, "href").starts_with("#") || link->parent == nullptr || !is_heading(tag(link->parent)))
    return false;
  const std::string text = collapsed_text(link);
  return text == "#" || text == "\xC2\xB6" || text == "\xC2\xA7" || text == "\xF0\x9F\x94\x97";  // ¶ § 🔗
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

// Whether a <time> is left in the box once what the cleaning has doomed
// so far goes: a headline box (Golem's header: the h1, the deck, a line of
// date and byline) is no dateline when that line has gone and a deck of
// 100 bytes or more is what remains.
bool keeps_time(Pass& pass, xmlNode* box) {
  bool found = false;
  walk(box, [&](xmlNode* node) {
    if (found || !is_element(node)) return false;
    if (const NodeStats* s = pass.stats(node); s != nullptr && s->doomed) return false;
    if (tag(node) == "time") found = true;
    return !found;
  });
  return found;
}

}  // namespace

inline namespace content_steps {

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

// Step 3: inside the chosen blocks, the furniture that the class names did
// not give away: link lists, bylines, reading times, boilerplate phrases,
// the repeated title, empty shells.
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
                     (name == "p" || s->paragraphs == 0) && (s->text_bytes < 100 || keeps_time(pass, node))) {
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
          } else if (name != "p" && !is_heading(name) && s->images > 0 && s->linked_headings > 0 &&
                     !(s->text_bytes >= 100 && holds_h1(node))) {
            // A teaser card: picture and linked headline of another story.
            // Not the story's own header (ABC's div.voc-article: the h1, the
            // deck, a linked "see also" heading, the byline's photo), which
            // holds the h1 and keeps 100 bytes or more once those have gone.
            remove = true;
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

}  // namespace content_steps

}  // namespace feeds::extract_detail
