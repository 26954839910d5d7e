#pragma once
// Private: the common case of URL resolution without Boost.URL. Links in feed
// HTML are overwhelmingly "https://host/path" or "/path" with nothing to
// normalise; recognising that takes one scan, where the general resolver
// parses, resolves and rebuilds the URL through several allocations.
#include <optional>
#include <string>
#include <string_view>

namespace feeds::detail {

// What the fast path needs of the base. Both empty when the base is not an
// http(s) URL with a host: only absolute references are then taken.
struct CleanBase {
  std::string_view origin;     // the base's normalised "scheme://authority"
  std::string_view directory;  // its path up to the last '/', when clean (is_clean_path), else ""
};

// `reference` exactly as the general resolver would return it, or nullopt
// when it is not trivially clean (then the general resolver decides).
std::optional<std::string> resolve_clean_url(const CleanBase& base, std::string_view reference);
// The same, appended to `out` (true), or false with `out` untouched: for
// callers that build the URL into a buffer they reuse.
bool append_clean_url(const CleanBase& base, std::string_view reference, std::string& out);

// A path that URL normalisation leaves as it is: characters that need no
// escaping, no '%', no "." or ".." segment.
bool is_clean_path(std::string_view path);

// canonical_url(url) for a clean absolute http(s) URL (as above, and no '+'
// in the query, whose decoding Boost.URL owns): the fragment dropped, tracking
// parameters removed. nullopt when it is not that simple.
std::optional<std::string> canonical_clean_url(std::string_view url);

}  // namespace feeds::detail
