#pragma once
// The headline set right above the article's prose, for pages whose title
// is a label (the site's or a section's name): found on an uncut parse after
// the content step has chosen the article (extract.cpp), then taken out of
// the body, where it would repeat the title.

#include <libxml/tree.h>

#include <span>
#include <string>
#include <string_view>

namespace feeds::extract_detail {

// The first prose of the article's blocks (from the content step): the
// first text of 80+ bytes outside links and headings, white space collapsed.
std::string first_prose_text(std::span<xmlNode* const> blocks);

// The headline shown right above that prose in `page`, an uncut parse of
// the page (the content step removes the headings it recognises), for a
// title that may be the site's or a section's name: the strongest heading
// (h1 > h2 > h3 > a headline-classed element; the upper one of equal
// ranks) between the prose and the nearest heading that shows `title`,
// past a byline, dateline or caption only, that reads as a headline (a few
// words, not a sentence, a date, a byline or the site's name). Empty when
// there is none or when `title` is what is shown there.
// With `title_names_site` (the title is the site's own name by the page's
// evidence, read_metadata), the heading showing it is the masthead: the
// headline is the strongest heading below it outside its box (or the
// nearest one wholly linked to the post itself, its permalink), and the
// name as plain text (a personal blog's byline) does not stop the search.
std::string headline_above_prose(xmlDoc* page, std::string_view first_prose, std::string_view title,
                                 std::string_view site_name, std::string_view url,
                                 bool title_names_site = false);

// Removes from the blocks the heading that shows `headline` (it is the
// title field, not body text); whether one was found.
bool remove_heading_showing(std::span<xmlNode* const> blocks, std::string_view headline);

}  // namespace feeds::extract_detail
