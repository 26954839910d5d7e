// resolve_clean_url: accepts only what the general resolver (url.cpp) returns
// unchanged, apart from the "/" an empty path gets: lowercase http(s) scheme,
// a host of lowercase letters, digits, '-' and '.', no port or userinfo, and
// a path, query and fragment of characters that need no escaping and no
// percent-decoding, without "." or ".." segments. The differential tests
// (tests/feeds_text/fast_path_test.cpp, tests/fuzz/sanitize_fuzz.cpp) compare
// it with the general resolver.
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "feeds/url.h"
#include "url_fast.h"

namespace feeds::detail {
namespace {

constexpr std::array<bool, 256> make_clean_table() {
  std::array<bool, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
  // unreserved, sub-delims, and the other characters RFC 3986 allows
  // unescaped in a path, query or fragment; '%' is not here (it would need
  // normalising), nor '#' (only the first one is a delimiter).
  for (char c : std::string_view("-._~!$&'()*+,;=:@/?")) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kClean = make_clean_table();

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Path, query and fragment: clean characters, one '#' at most, and no dot
// segment in the path (remove_dot_segments would rewrite it).
bool clean_tail_with_dots(std::string_view tail) {
  bool in_path = true, seen_hash = false;
  std::size_t segment_start = 0;
  auto dot_segment = [&](std::size_t end) {
    const std::string_view segment = tail.substr(segment_start, end - segment_start);
    return segment == "." || segment == "..";
  };
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const char c = tail[i];
    if (c == '#') {
      if (seen_hash) return false;
      seen_hash = true;
    } else if (!kClean[static_cast<unsigned char>(c)]) {
      return false;
    }
    if (!in_path) continue;
    if (c == '/' || c == '?' || c == '#') {
      if (dot_segment(i)) return false;
      segment_start = i + 1;
      if (c != '/') in_path = false;
    }
  }
  return !in_path || !dot_segment(tail.size());
}

// The common case first: sixteen bytes at a time where SSE2 is there, and the
// segment walk only when "/." appears at all (a URL is read several times per
// link, and the walk per character was most of that).
bool clean_tail(std::string_view tail) {
  std::size_t i = 0;
  bool slash_dot = false;  // "/." somewhere: a dot segment is possible, so walk the segments
  char previous = 0;
#if defined(__SSE2__)
  // Clean means printable ASCII minus the few characters kClean leaves out
  // ('#' among them: the one allowed '#' is handled byte by byte below).
  {
    const __m128i first_printable = _mm_set1_epi8(0x21), del = _mm_set1_epi8(0x7F);
    const __m128i slash = _mm_set1_epi8('/'), dot = _mm_set1_epi8('.');
    constexpr char kExcluded[] = {'"', '#', '%', '<', '>', '[', '\\', ']', '^', '`', '{', '|', '}'};
    while (i + 16 <= tail.size()) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail.data() + i));
      // Signed compare: bytes from 0x80 up are negative, so they count as below 0x21.
      __m128i bad = _mm_or_si128(_mm_cmplt_epi8(bytes, first_printable), _mm_cmpeq_epi8(bytes, del));
      for (char excluded : kExcluded) bad = _mm_or_si128(bad, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(excluded)));
      if (_mm_movemask_epi8(bad) != 0) break;
      const unsigned slashes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, slash)));
      const unsigned dots = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, dot)));
      if ((dots & ((slashes << 1) | (previous == '/' ? 1u : 0u))) != 0) slash_dot = true;
      previous = tail[i + 15];
      i += 16;
    }
  }
#endif
  bool seen_hash = false;
  for (; i < tail.size(); ++i) {
    const char c = tail[i];
    slash_dot |= c == '.' && previous == '/';
    previous = c;
    if (kClean[static_cast<unsigned char>(c)]) continue;
    if (c != '#' || seen_hash) return false;
    seen_hash = true;
  }
  // A dot segment needs "/." somewhere (the tail starts with '/', '?' or '#').
  return !slash_dot || clean_tail_with_dots(tail);
}

}  // namespace

std::optional<std::string> resolve_clean_url(std::string_view origin, std::string_view reference) {
  std::string out;
  if (!append_clean_url(origin, reference, out)) return std::nullopt;
  return out;
}

bool append_clean_url(std::string_view origin, std::string_view reference, std::string& out) {
  if (!reference.empty() && reference[0] == '/' && (reference.size() == 1 || reference[1] != '/')) {
    if (origin.empty() || !clean_tail(reference)) return false;
    out.append(origin);
    out.append(reference);
    return true;
  }
  std::size_t host_start;
  if (reference.starts_with("https://"))
    host_start = 8;
  else if (reference.starts_with("http://"))
    host_start = 7;
  else
    return false;
  std::size_t host_end = host_start;
  while (host_end < reference.size() && is_host_char(reference[host_end])) ++host_end;
  // A trailing dot is removed by the general resolver; an empty host is refused.
  if (host_end == host_start || reference[host_end - 1] == '.') return false;
  const std::string_view tail = reference.substr(host_end);
  if (!tail.empty() && tail[0] != '/' && tail[0] != '?' && tail[0] != '#') return false;
  if (!clean_tail(tail)) return false;
  out.append(reference.substr(0, host_end));
  if (tail.empty() || tail[0] != '/') out += '/';  // an authority with an empty path gets "/"
  out.append(tail);
  return true;
}

std::optional<std::string> canonical_clean_url(std::string_view url) {
  auto resolved = resolve_clean_url({}, url);
  if (!resolved) return std::nullopt;
  std::string& out = *resolved;
  const std::size_t hash = out.find('#');
  if (hash != std::string::npos) out.resize(hash);
  const std::size_t question = out.find('?');
  if (question == std::string::npos) return resolved;
  const std::string query = out.substr(question + 1);
  if (query.find('+') != std::string::npos) return std::nullopt;
  out.resize(question);
  std::string kept;
  for (std::size_t start = 0; start <= query.size();) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string_view parameter = std::string_view(query).substr(start, end - start);
    const std::size_t equals = parameter.find('=');
    const std::string_view key = parameter.substr(0, equals);
    start = end + 1;
    if (key.empty() && equals == std::string_view::npos) continue;  // "?&a=1"
    if (is_tracking_parameter(key)) continue;
    if (!kept.empty()) kept += '&';
    kept += parameter;
  }
  if (!kept.empty()) {
    out += '?';
    out += kept;
  }
  return resolved;
}

}  // namespace feeds::detail
