#pragma once
// Main-content detection on the DOM: junk and furniture removal, block
// scoring, sibling merging, and cleaning inside the chosen blocks. Each step
// is a file of its own, as extract_content_steps.h lists them.
#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace feeds::extract_detail {

struct ContentResult {
  std::vector<xmlNode*> blocks;  // the article's top-level nodes, in document order (cleaned)
  double top_score = 0.0;
  double runner_up_score = 0.0;  // best candidate outside the chosen one
  double link_density = 0.0;     // of the chosen content
  bool semantic = false;         // article/main/articleBody/positive class hint
  int linked_headings = 0;       // headings that are links: a listing page's mark
  std::size_t paragraph_count = 0;
  bool rescued = false;         // text from the whole-page prose rescue, not from blocks
  bool below_headline = false;  // the content holds the first prose below the page's headline
  // Text bytes cut after the story's end (comments, trackbacks, a related
  // or author box, the site's copyright) inside the chosen blocks: the
  // retries compare blocks by their size before that cut.
  std::size_t cut_at_end_bytes = 0;
};

// The rules a pass applies; the retries after a weak first cut switch them
// off one by one (readability's flags).
struct ContentRules {
  bool remove_by_class = true;  // furniture removal by class/id words
  bool weigh_classes = true;    // class/id words in candidate scores
  bool clean_inside = true;     // link lists, bylines, boilerplate inside the cut
  // aria-hidden="true" hides a box from screen readers only: sites set it on
  // an overlay that shows the story (a letter-styled post) as well as on
  // decorative copies. The retries read such boxes.
  bool drop_aria_hidden = true;
};

// Finds and cleans the article content of the document. `title` is the
// page's title (a heading repeating it is dropped from the body).
ContentResult find_content(xmlDoc* doc, std::string_view title, const ContentRules& rules = {});

// The whole-page rescue: every prose block of the page (paragraphs and text
// holders of 80+ bytes, link density under 0.25, outside navigation, forms,
// hidden elements and furniture-classed boxes) in document order, as text.
// Mutates nothing but reads the whole document: run it on a fresh parse.
std::string rescue_prose(xmlDoc* doc);

// Plain text of the nodes: blocks separated by blank lines, lines by "\n",
// white space collapsed within lines.
std::string blocks_to_text(const std::vector<xmlNode*>& nodes);

// Serialised HTML of the nodes (before sanitising).
std::string blocks_to_html(xmlDoc* doc, const std::vector<xmlNode*>& nodes);

// Visible text bytes of the whole body (for consistency checks).
std::string body_text(xmlDoc* doc);

}  // namespace feeds::extract_detail
