#pragma once
// Page metadata for article extraction: JSON-LD (schema.org Article family,
// in @graph and arrays), OpenGraph, Twitter cards, Dublin Core, itemprop,
// <time datetime>, link rel=canonical/amphtml, html lang, and the raw
// hydration JSON (__NEXT_DATA__ / Nuxt) for a later pass.
#include <libxml/tree.h>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace feeds::extract_detail {

struct PageMetadata {
  std::string title;       // best title, plain text
  std::string html_title;  // <title>, plain text
  std::vector<std::string> authors;
  std::optional<std::chrono::sys_seconds> published;
  std::optional<std::chrono::sys_seconds> modified;
  std::optional<std::chrono::minutes> published_offset;  // the page's UTC offset, when it gave one
  std::optional<std::chrono::minutes> modified_offset;
  std::string site_name;
  std::string language;
  std::string image;  // absolute
  std::vector<std::string> tags;
  std::string description;
  std::string canonical_url;  // absolute, canonicalised when possible
  std::string amphtml_url;
  bool declares_article = false;  // JSON-LD Article type or og:type=article
  bool declares_listing = false;  // og:type=website, JSON-LD CollectionPage/WebSite only
  // The title may be the site's or a section's name (or is empty): the
  // headline shown above the article's text, once the content step has
  // found it, replaces it (headline_above_content).
  bool title_may_be_label = false;
  std::string json_ld_body;       // articleBody, plain text with paragraph breaks kept
  std::string hydration_json;     // text of <script id=__NEXT_DATA__> or window.__NUXT__ JSON
  std::vector<std::string> warnings;
};

// Reads every metadata source of the document; `base_url` resolves relative URLs.
PageMetadata read_metadata(xmlDoc* doc, std::string_view base_url);

// Texts a page shows on their own, keyed with white space collapsed, ASCII
// lower-cased and dashes and quotes made plain: the evidence for which part of
// a <title> is the headline.
struct ShownTexts {
  std::unordered_set<std::string> headings;  // h1-h6 and elements whose class or id says title or headline
  std::unordered_set<std::string> texts;     // text nodes outside links
};

// Trims " | Site", " - Site", "Site: " and similar from a <title>: the
// declared site name, or the name in the page's host (`url`) when the site
// declares none; a short tail after " | " or " - " goes too. With `shown`,
// the longest part of the title that the page shows on its own (the
// headline, without the site's, section's or date's words around it) wins.
std::string strip_site_from_title(std::string_view title, std::string_view site_name,
                                  std::string_view url = {}, const ShownTexts* shown = nullptr);

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
std::string headline_above_prose(xmlDoc* page, std::string_view first_prose, std::string_view title,
                                 std::string_view site_name, std::string_view url);

// Removes from the blocks the heading that shows `headline` (it is the
// title field, not body text); whether one was found.
bool remove_heading_showing(std::span<xmlNode* const> blocks, std::string_view headline);

// Absolute URL of `reference` against `base` (reference itself when unresolvable).
std::string absolute_url(std::string_view base, std::string_view reference);

// "en_US" -> "en-US", "EN" -> "en".
std::string normalise_language(std::string_view tag);

}  // namespace feeds::extract_detail
