#pragma once
// OPML subscription lists: parse OPML 1.0/1.1/2.0 into sources, and write
// OPML 2.0 that parses back to the same sources. Pure: bytes in, values out.
//
// Nested outlines without an xmlUrl are categories; their text (else title)
// becomes a category path, outermost first. Per-source options are attributes
// in the newsd namespace (kOpmlNamespace), usually with the prefix "newsd:":
//   newsd:interval="30m"      poll interval                       (duration)
//   newsd:minInterval="5m"    never poll more often than this      (duration)
//   newsd:hostRate="1/5s"     at most N requests per duration to   (N/duration;
//                             the feed's host ("1/s" = one a second) a bare unit is 1 of it)
//   newsd:articles="false"    fetch linked article pages?          (true|false)
//   newsd:insecure="true"     accept invalid TLS certificates?     (true|false)
// See docs/opml.md for the full format.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/result.h"

namespace feeds {

// The namespace URI of newsd's outline attributes.
inline constexpr std::string_view kOpmlNamespace = "https://newsd.dev/ns/opml/1";

// A request rate: at most `requests` per `per`.
struct HostRate {
  int requests = 1;
  std::chrono::milliseconds per{1000};

  // The spacing between two requests this rate allows.
  [[nodiscard]] std::chrono::milliseconds gap() const { return per / requests; }
  friend bool operator==(const HostRate&, const HostRate&) = default;
};

// "1/s", "1/10s", "30/1m", "2/1h30m": N (1 to 1000000) '/' a duration, where a
// bare unit means one of it. nullopt for anything else (including N = 0 or a
// zero duration).
std::optional<HostRate> parse_host_rate(std::string_view text);
// The spelling parse_host_rate reads back: {1, 1s} -> "1/s", {3, 10s} -> "3/10s".
std::string format_host_rate(const HostRate& rate);

struct SourceOptions {
  std::optional<std::chrono::milliseconds> interval;
  std::optional<std::chrono::milliseconds> min_interval;
  std::optional<HostRate> host_rate;
  std::optional<bool> articles;
  std::optional<bool> insecure;

  [[nodiscard]] bool empty() const {
    return !interval && !min_interval && !host_rate && !articles && !insecure;
  }
  friend bool operator==(const SourceOptions&, const SourceOptions&) = default;
};

struct OpmlSource {
  std::string url;                      // xmlUrl, trimmed
  std::optional<std::string> title;     // title, else text; nullopt when both are empty
  std::optional<std::string> site_url;  // htmlUrl
  std::vector<std::string> category;    // outermost first; empty at top level
  SourceOptions options;
  int line = 0;  // where it was read (0 when not from a file)

  // Equality ignores `line`: two sources are the same when their data is.
  friend bool operator==(const OpmlSource& a, const OpmlSource& b) {
    return a.url == b.url && a.title == b.title && a.site_url == b.site_url && a.category == b.category &&
           a.options == b.options;
  }
};

struct OpmlWarning {
  int line = 0;
  std::string message;
};

struct OpmlDocument {
  std::optional<std::string> title;   // head/title
  std::vector<OpmlSource> sources;    // document order, duplicates merged
  std::vector<OpmlWarning> warnings;  // e.g. duplicate URLs
};

// An Error{ErrorCode::invalid_opml, reason, line} (a file that cannot be used
// as a whole: nothing from it should be applied) for input that is not XML,
// has no <opml> root or no <body>, an outline that is neither a feed (xmlUrl)
// nor a category (has child outlines), a URL that is not absolute http(s), or
// a bad newsd: option. Duplicate xmlUrls are merged into the first occurrence
// (missing fields filled from later ones) with a warning.
Result<OpmlDocument> parse_opml(std::string_view bytes);

// OPML 2.0 with one nested outline per category, options as newsd: attributes.
// parse_opml(write_opml(doc)).sources == doc.sources for sources whose
// category segments and URLs are non-empty (sources are grouped by category,
// in order of first appearance).
std::string write_opml(const OpmlDocument& document);

// Why `url` cannot be a feed URL (not absolute, not http(s), no host), or
// nullopt when it can. The same check parse_opml applies to xmlUrl.
std::optional<std::string> feed_url_problem(std::string_view url);

// Parses one option value as it appears in OPML (also used by `newsd add`).
// Throws std::invalid_argument with a reason on a bad value or unknown name.
void set_source_option(SourceOptions& options, std::string_view name, std::string_view value);

}  // namespace feeds
