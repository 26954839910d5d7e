#pragma once
// URL resolution and canonicalisation (Boost.URL does the parsing).
#include <optional>
#include <string>
#include <string_view>

namespace feeds {

// Resolves `reference` against `base` (RFC 3986). Returns nullopt when neither
// yields an absolute http(s)/other URL. White space around the reference is
// trimmed; an absolute reference is returned normalised.
std::optional<std::string> resolve_url(std::string_view base, std::string_view reference);

// The form used to recognise the same story across feeds: scheme and host
// lowercased, IDN hosts to punycode, default port dropped, fragment dropped,
// percent-encoding normalised (unreserved characters decoded, hex uppercased),
// dot segments removed, empty path -> "/", tracking parameters removed (see
// is_tracking_parameter), other parameters kept in their order. nullopt when
// the input is not an absolute http(s) URL.
std::optional<std::string> canonical_url(std::string_view url);

// True for utm_*, fbclid, gclid, dclid, msclkid, mc_cid, mc_eid, yclid, igshid,
// ref_src, _hsenc, _hsmi, mkt_tok, ... (the list lives in one place, url.cpp).
bool is_tracking_parameter(std::string_view name);

}  // namespace feeds
