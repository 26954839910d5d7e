#pragma once
// Feed parsing: bytes in (RSS 0.90-2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed
// 1.0/1.1), one normalised feeds::Feed out. The format is detected from the
// content only. Never throws for bad input: a document that is not a feed, or
// too large, comes back as a feeds::Error (feeds/result.h: ErrorCode::empty,
// too_large or not_a_feed); everything recovered from (ill-formed
// XML, bad dates, wrong encodings, ...) is listed in Feed::warnings.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "feeds/feed.h"
#include "feeds/result.h"

namespace feeds {

inline constexpr std::size_t kDefaultMaxFeedBytes = std::size_t{32} * 1024 * 1024;

struct ParseOptions {
  std::string_view document_url;  // where the bytes came from; last resort base for links
  std::string_view http_charset;  // charset parameter of the HTTP Content-Type, if any
  std::size_t max_bytes = kDefaultMaxFeedBytes;
  // "Now" for the future-date warning; unset means the system clock.
  std::optional<std::chrono::sys_seconds> now;
};

// The feed when the input was recognised as one, else the Error, e.g.
// {not_a_feed, "not a feed: the root element is <html>"}.
Result<Feed> parse_feed(std::string_view bytes, const ParseOptions& options = {});

}  // namespace feeds
