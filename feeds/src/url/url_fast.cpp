// resolve_clean_url: accepts only what the general resolver (url.cpp) returns
// unchanged, apart from the "/" an empty path gets: lowercase http(s) scheme,
// a host of lowercase letters, digits, '-' and '.', no port or userinfo, and
// a path, query and fragment of characters that need no escaping and no
// percent-decoding, without "." or ".." segments. The differential tests
// (tests/feeds/url/fast_path_test.cpp, tests/fuzz/sanitize_fuzz.cpp) compare
// it with the general resolver.
#include <algorithm>
#include <array>
#include <cstring>

#include "common/sse2.h"
#include "feeds/url.h"
#include "url/url_fast.h"

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

#if NEWSD_USE_SSE2
using sse2::in_range;

// Sixteen bytes of a path, query or fragment, as bit masks.
struct TailMasks {
  unsigned unclean;  // bytes kClean leaves out, '#' among them
  unsigned hashes;
  unsigned slash_dots;  // a '.' right after a '/' (the first byte's predecessor is `previous_slash`)
};

[[gnu::always_inline]] inline TailMasks tail_masks(__m128i bytes, bool previous_slash) {
  // Printable ASCII but for " # % < > [ \ ] ^ ` { | }. The signed compare
  // counts bytes from 0x80 up as below 0x21.
  const __m128i controls =
      _mm_or_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x21)), _mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x7F)));
  const __m128i quote_or_hash = _mm_cmpeq_epi8(_mm_or_si128(bytes, _mm_set1_epi8(1)), _mm_set1_epi8('#'));
  const __m128i angles = _mm_cmpeq_epi8(_mm_or_si128(bytes, _mm_set1_epi8(2)), _mm_set1_epi8('>'));  // < >
  const __m128i others =
      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('%')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('`')));
  const __m128i ranges = _mm_or_si128(in_range(bytes, '[', '^'), in_range(bytes, '{', '}'));
  const __m128i unclean =
      _mm_or_si128(_mm_or_si128(controls, quote_or_hash), _mm_or_si128(_mm_or_si128(angles, others), ranges));
  const auto mask = [](__m128i compare) { return static_cast<unsigned>(_mm_movemask_epi8(compare)); };
  const unsigned slashes = mask(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('/')));
  const unsigned dots = mask(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')));
  return {mask(unclean), mask(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('#'))),
          dots & ((slashes << 1) | (previous_slash ? 1u : 0u))};
}
#endif

// The common case first: sixteen bytes at a time where SSE2 is there (the
// last sixteen overlapping the ones before, or a padded copy of a short
// tail), and the segment walk only when "/." appears at all (a URL is read
// several times per link, and the walk per character was most of that).
bool clean_tail(std::string_view tail) {
#if NEWSD_USE_SSE2
  const std::size_t size = tail.size();
  bool seen_hash = false, slash_dot = false;
  const auto check = [&](const char* chunk, unsigned wanted, bool previous_slash) {
    const TailMasks masks = tail_masks(sse2::load(chunk), previous_slash);
    if (const unsigned hashes = masks.hashes & wanted; hashes != 0) {
      if (seen_hash || (hashes & (hashes - 1)) != 0) return false;  // one '#' at most
      seen_hash = true;
    }
    slash_dot |= (masks.slash_dots & wanted) != 0;
    return (masks.unclean & ~masks.hashes & wanted) == 0;
  };
  if (size < 16) {
    char padded[16];
    std::memset(padded, 'a', sizeof padded);
    std::memcpy(padded, tail.data(), size);
    if (!check(padded, (1u << size) - 1, false)) return false;
  } else {
    std::size_t at = 0;
    for (; at + 16 <= size; at += 16) {
      if (!check(tail.data() + at, 0xFFFF, at > 0 && tail[at - 1] == '/')) return false;
    }
    if (at < size) {  // the last bytes, in a chunk ending at the tail's end
      const std::size_t fresh = size - at;
      if (!check(tail.data() + size - 16, 0xFFFFu & ~((1u << (16 - fresh)) - 1), false)) return false;
    }
  }
  // A dot segment needs "/." somewhere (the tail starts with '/', '?' or '#').
  return !slash_dot || clean_tail_with_dots(tail);
#else
  bool seen_hash = false, slash_dot = false;
  char previous = 0;
  for (const char c : tail) {
    slash_dot |= c == '.' && previous == '/';
    previous = c;
    if (kClean[static_cast<unsigned char>(c)]) continue;
    if (c != '#' || seen_hash) return false;
    seen_hash = true;
  }
  return !slash_dot || clean_tail_with_dots(tail);
#endif
}

// Where the host that starts at `at` ends: the first byte that is not a
// lowercase letter, digit, '-' or '.'.
std::size_t host_end(std::string_view reference, std::size_t at) {
#if NEWSD_USE_SSE2
  while (at + 16 <= reference.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(reference.data() + at));
    const __m128i host = _mm_or_si128(
        _mm_or_si128(in_range(bytes, 'a', 'z'), in_range(bytes, '0', '9')),
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('-')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('.'))));
    const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(host)) & 0xFFFF;
    if (other != 0) return at + static_cast<std::size_t>(__builtin_ctz(other));
    at += 16;
  }
#endif
  while (at < reference.size() && is_host_char(reference[at])) ++at;
  return at;
}

// Room for `extra` more bytes in one allocation (an empty string would
// otherwise allocate for the origin, then again for the path), growing
// geometrically: `out` may be a sanitised fragment that URLs keep extending.
void make_room(std::string& out, std::size_t extra) {
  const std::size_t needed = out.size() + extra;
  if (needed > out.capacity()) out.reserve(std::max(needed, 2 * out.capacity()));
}

}  // namespace

std::optional<std::string> resolve_clean_url(const CleanBase& base, std::string_view reference) {
  std::string out;
  if (!append_clean_url(base, reference, out)) return std::nullopt;
  return out;
}

bool is_clean_path(std::string_view path) {
  return (path.empty() || path[0] == '/') && path.find_first_of("?#") == std::string_view::npos &&
         clean_tail(path);
}

bool append_clean_url(const CleanBase& base, std::string_view reference, std::string& out) {
  if (reference.empty()) return false;
  if (reference[0] == '/' && (reference.size() == 1 || reference[1] != '/')) {
    if (base.origin.empty() || !clean_tail(reference)) return false;
    make_room(out, base.origin.size() + reference.size());
    out.append(base.origin);
    out.append(reference);
    return true;
  }
  std::size_t host_start;
  if (reference.starts_with("https://")) {
    host_start = 8;
  } else if (reference.starts_with("http://")) {
    host_start = 7;
  } else {
    // A relative path ("posts/1.html", common in Atom): merged with the
    // base's directory, then held to the same test as "/path" (which also
    // declines "./" and "../"). A ':' before the first '/' would make the
    // first segment a scheme; '?', '#' and "//" start other kinds of reference.
    if (base.directory.empty() || reference[0] == '?' || reference[0] == '#' || reference[0] == '/')
      return false;
    for (const char c : reference) {
      if (c == ':') return false;
      if (c == '/' || c == '?' || c == '#') break;
    }
    const std::size_t rollback = out.size();
    make_room(out, base.origin.size() + base.directory.size() + reference.size());
    out.append(base.origin);
    const std::size_t path_at = out.size();
    out.append(base.directory);
    out.append(reference);
    if (clean_tail(std::string_view(out).substr(path_at))) return true;
    out.resize(rollback);
    return false;
  }
  const std::size_t end = host_end(reference, host_start);
  // A trailing dot is removed by the general resolver; an empty host is refused.
  if (end == host_start || reference[end - 1] == '.') return false;
  const std::string_view tail = reference.substr(end);
  if (!tail.empty() && tail[0] != '/' && tail[0] != '?' && tail[0] != '#') return false;
  if (!clean_tail(tail)) return false;
  make_room(out, reference.size() + 1);
  out.append(reference.substr(0, end));
  if (tail.empty() || tail[0] != '/') out += '/';  // an authority with an empty path gets "/"
  out.append(tail);
  return true;
}

std::optional<std::string> canonical_clean_url(std::string_view url) {
  auto resolved = resolve_clean_url(CleanBase{}, url);
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
