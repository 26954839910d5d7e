#pragma once
// Feed parsing: bytes in (RSS 0.90-2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed
// 1.0/1.1), one normalised feeds::Feed out. The format is detected from the
// content only. Never throws for bad input: a document that is not a feed, or
// too large, comes back as a ParseError; everything recovered from (ill-formed
// XML, bad dates, wrong encodings, ...) is listed in Feed::warnings.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "feeds/feed.h"

namespace feeds {

inline constexpr std::size_t kDefaultMaxFeedBytes = std::size_t{32} * 1024 * 1024;

struct ParseOptions {
  std::string_view document_url;  // where the bytes came from; last resort base for links
  std::string_view http_charset;  // charset parameter of the HTTP Content-Type, if any
  std::size_t max_bytes = kDefaultMaxFeedBytes;
  // "Now" for the future-date warning; unset means the system clock.
  std::optional<std::chrono::sys_seconds> now;
};

enum class ParseErrorCode {
  empty,       // no bytes, or only white space
  too_large,   // more than ParseOptions::max_bytes
  not_a_feed,  // HTML page, binary, JSON that is not a JSON Feed, unknown XML root
};

struct ParseError {
  ParseErrorCode code = ParseErrorCode::not_a_feed;
  std::string message;  // one line, e.g. "not a feed: the root element is <html>"
};

struct ParseResult {
  std::optional<Feed> feed;         // set when the input was recognised as a feed
  std::optional<ParseError> error;  // set otherwise

  [[nodiscard]] bool ok() const { return feed.has_value(); }
};

ParseResult parse_feed(std::string_view bytes, const ParseOptions& options = {});

}  // namespace feeds
