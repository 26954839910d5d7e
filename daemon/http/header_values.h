#pragma once
// Parsers for the response header values the client reports: HTTP-dates
// (Retry-After, Expires), Retry-After in seconds, Content-Type's charset and
// Cache-Control's max-age. Pure functions, no I/O.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace newsd::http {

using SystemTime = std::chrono::system_clock::time_point;

// RFC 9110 §5.6.7: IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
std::optional<SystemTime> parse_http_date(std::string_view text);

// Retry-After: a delay in seconds or an HTTP-date; nullopt if neither.
std::optional<SystemTime> parse_retry_after(std::string_view text, SystemTime now);

// `text/xml; charset="ISO-8859-1"` -> "iso-8859-1"; empty if absent.
std::string charset_from_content_type(std::string_view content_type);

// `text/xml; charset=x` -> "text/xml" (lower case).
std::string media_type(std::string_view content_type);

// Cache-Control `max-age=N` (ignoring `s-maxage`); nullopt if absent or invalid.
std::optional<std::chrono::seconds> max_age(std::string_view cache_control);

}  // namespace newsd::http
