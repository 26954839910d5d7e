#pragma once
// Article extraction: from a news page's bytes, the article as a careful
// editor would cut it (metadata, plain text, clean HTML), with a confidence.
// See docs/extraction.md for the algorithm and the JSON contract.
#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/result.h"

namespace feeds {

struct ExtractOptions {
  std::string_view url;               // where the page was fetched from; base for relative URLs
  std::string_view http_charset;      // charset parameter of the HTTP Content-Type, if any
  std::size_t max_bytes = 16u << 20;  // larger pages are refused (ErrorCode::too_large), not truncated
};

struct Article {
  std::string url;            // as given in ExtractOptions
  std::string canonical_url;  // link rel=canonical / og:url / JSON-LD url, canonicalised
  std::string title;          // plain text
  std::vector<std::string> authors;
  std::optional<std::chrono::sys_seconds> published;  // UTC
  std::optional<std::chrono::sys_seconds> modified;   // UTC
  // The UTC offset the page wrote its dates with ("+01:00"), when it gave one:
  // the page's own calendar date is published + offset, which UTC can shift.
  std::optional<std::chrono::minutes> published_offset;
  std::optional<std::chrono::minutes> modified_offset;
  std::string site_name;
  std::string language;  // BCP 47 as declared, e.g. "en", "uk", "pt-BR"
  std::string image;     // absolute URL of the lead image
  std::vector<std::string> tags;
  std::string description;
  std::string text;                   // paragraphs separated by blank lines; "" when the page has no article
  std::string html;                   // sanitised article HTML, absolute URLs
  std::size_t word_count = 0;         // words; each CJK character counts as one
  double confidence = 0.0;            // in [0, 1]
  std::string method;                 // "dom", "dom+json-ld", "json-ld", "next-data",
                                      // "state-script", "none"
  std::string encoding;               // the encoding the page was decoded from
  std::vector<std::string> warnings;  // what was recovered from (bad JSON-LD, bad bytes, ...)
};

// The Article, or an Error for input that cannot be read as a page at all:
// empty (ErrorCode::empty), larger than ExtractOptions::max_bytes (too_large),
// binary or without markup (not_a_page). A readable page without an article is
// not an error (Article::text is empty, confidence low). Never crashes on
// hostile input; bounded time and memory (libxml2's depth cap stays on, every
// traversal is iterative).
Result<Article> extract_article(std::string_view bytes, const ExtractOptions& options = {});

// The `newsd extract` JSON object: {url, canonical_url, title, authors,
// published, modified (RFC 3339 in the page's own offset when it gave one,
// else UTC), site_name, language, image, tags, description, text,
// html, word_count, confidence, method}; absent values are null.
boost::json::object article_to_json(const Article& article);

}  // namespace feeds
