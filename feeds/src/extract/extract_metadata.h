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
  // The title is the site's own name by the page's evidence (its feeds',
  // its masthead's name); the <title>'s other words, the stand-in when no
  // headline is found above the prose.
  bool title_names_site = false;
  std::string title_beside_site;
  std::string json_ld_body;    // articleBody, plain text with paragraph breaks kept
  std::string hydration_json;  // text of <script id=__NEXT_DATA__> or window.__NUXT__ JSON
  std::vector<std::string> warnings;
};

// Reads every metadata source of the document; `base_url` resolves relative URLs.
PageMetadata read_metadata(xmlDoc* doc, std::string_view base_url);

// Absolute URL of `reference` against `base` (reference itself when unresolvable).
std::string absolute_url(std::string_view base, std::string_view reference);

// "en_US" -> "en-US", "EN" -> "en".
std::string normalise_language(std::string_view tag);

}  // namespace feeds::extract_detail
