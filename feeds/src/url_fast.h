#pragma once
// Private: the common case of URL resolution without Boost.URL. Links in feed
// HTML are overwhelmingly "https://host/path" or "/path" with nothing to
// normalise; recognising that takes one scan, where the general resolver
// parses, resolves and rebuilds the URL through several allocations.
#include <optional>
#include <string>
#include <string_view>

namespace feeds::detail {

// `reference` exactly as the general resolver would return it, or nullopt
// when it is not trivially clean (then the general resolver decides).
// `origin` is the base's normalised "scheme://authority" when the base is an
// http(s) URL with a host, else empty (path-absolute references then decline).
std::optional<std::string> resolve_clean_url(std::string_view origin, std::string_view reference);
// The same, appended to `out` (true), or false with `out` untouched: for
// callers that build the URL into a buffer they reuse.
bool append_clean_url(std::string_view origin, std::string_view reference, std::string& out);

// canonical_url(url) for a clean absolute http(s) URL (as above, and no '+'
// in the query, whose decoding Boost.URL owns): the fragment dropped, tracking
// parameters removed. nullopt when it is not that simple.
std::optional<std::string> canonical_clean_url(std::string_view url);

}  // namespace feeds::detail
