#pragma once
// The fast paths behind sanitize_html, resolve_url and canonical_url, each beside the general
// code it must agree with byte for byte. Exposed for the differential tests
// and fuzzers that check that agreement; callers use sanitize_html and
// resolve_url, which pick the path themselves.
#include <optional>
#include <string>
#include <string_view>

#include "feeds/sanitize.h"

namespace feeds::fast_paths {

// The sanitiser's scanner for simple fragments: nullopt when it declines.
std::optional<std::string> sanitize_html_fast(std::string_view html, const SanitizeOptions& options = {});
// The sanitiser on libxml2's HTML parser alone, whatever the input.
std::string sanitize_html_libxml2(std::string_view html, const SanitizeOptions& options = {});

// URL resolution without Boost.URL for clean references: nullopt when it declines.
std::optional<std::string> resolve_url_fast(std::string_view base, std::string_view reference);
// URL resolution through Boost.URL alone.
std::optional<std::string> resolve_url_general(std::string_view base, std::string_view reference);

// canonical_url without Boost.URL for clean http(s) URLs: nullopt when it declines.
std::optional<std::string> canonical_url_fast(std::string_view url);
// canonical_url through Boost.URL alone.
std::optional<std::string> canonical_url_general(std::string_view url);

}  // namespace feeds::fast_paths
