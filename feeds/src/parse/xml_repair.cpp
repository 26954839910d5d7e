#include "parse/xml_repair.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "common/ascii.h"
#include "common/sse2.h"
#include "feeds/text.h"
#include "parse/parse_state.h"

namespace feeds::detail {
namespace {

bool is_name_start(char c) {
  return ascii::is_alpha(c) || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || ascii::is_digit(c) || c == '-' || c == '.';
}
bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 && c != '\t' && c != '\n' && c != '\r';
}
#if !NEWSD_USE_SSE2
// Without SSE2, eight bytes at a time: the pre-scan reads every byte of every feed, and
// almost all of them are ordinary text (about 6 % of a feed parse when read
// one at a time).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::uint64_t load_word(const char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}
// Nonzero when some byte of `word` is below 0x20.
std::uint64_t has_control_byte(std::uint64_t word) {
  return (word - kOnes * 0x20) & ~word & kHighBits;
}
// Nonzero when some byte of `word` equals `byte`.
std::uint64_t has_byte(std::uint64_t word, unsigned char byte) {
  const std::uint64_t x = word ^ (kOnes * byte);
  return (x - kOnes) & ~x & kHighBits;
}
#endif

#if NEWSD_USE_SSE2
// Which of sixteen bytes are `stop` or a control character XML forbids.
// Tab, LF and CR are weeded out only when the cheap test finds something:
// line breaks in pretty-printed feeds are rare next to text, and testing for
// them in every block cost more than it saved.
[[gnu::always_inline]] inline unsigned stops_or_controls(__m128i bytes, __m128i stops) {
  const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1F)), bytes);
  unsigned found = sse2::bits(_mm_or_si128(low, stops));
  if (found == 0) return 0;
  const __m128i allowed = _mm_or_si128(sse2::equal(bytes, '\t'),
                                       _mm_or_si128(sse2::equal(bytes, '\n'), sse2::equal(bytes, '\r')));
  return found & ~sse2::bits(allowed);
}
#endif

// The end of a CDATA section whose content starts at `from` (just past "<![CDATA["),
// or npos when it is unterminated; when it ends, the control characters in it
// are added to `controls`. One pass: CDATA sections are most of an RSS feed's bytes.
std::size_t cdata_end(std::string_view text, std::size_t from, std::size_t& controls) {
  std::size_t i = from, found = 0;
  while (true) {
#if NEWSD_USE_SSE2
    while (i + 16 <= text.size()) {
      const __m128i bytes = sse2::load(text.data() + i);
      const unsigned stops = stops_or_controls(bytes, sse2::equal(bytes, ']'));
      if (stops != 0) {
        i += static_cast<std::size_t>(__builtin_ctz(stops));
        break;
      }
      i += 16;
    }
#endif
    while (i < text.size() && text[i] != ']' && !is_control(text[i])) ++i;
    if (i >= text.size()) return std::string_view::npos;
    if (text[i] == ']') {
      if (text.substr(i, 3) == "]]>") {
        controls += found;
        return i + 3;
      }
    } else {
      ++found;
    }
    ++i;
  }
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

enum class Reference { predefined, numeric, unsafe_numeric, named, none };

// Classifies the text after '&': `length` receives the reference's length
// including '&' and ';' when it is one.
Reference classify_reference(std::string_view text, std::size_t& length, std::string_view& name) {
  length = 1;
  std::size_t i = 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_start = i;
    std::uint32_t value = 0;
    bool too_large = false;
    while (i < text.size() &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : ascii::is_digit(text[i]))) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      const std::uint32_t digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      if (value > 0x10FFFF)
        too_large = true;  // stop growing: no overflow, still too large
      else
        value = value * (hex ? 16 : 10) + digit;
      ++i;
    }
    if (i == digits_start || i >= text.size() || text[i] != ';') return Reference::none;
    length = i + 1;
    if (too_large || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
      return Reference::unsafe_numeric;
    return Reference::numeric;
  }
  const std::size_t name_start = i;
  while (i < text.size() && i - name_start < 40 && is_name_char(text[i])) ++i;
  if (i == name_start || i >= text.size() || text[i] != ';' || !is_name_start(text[name_start]))
    return Reference::none;
  name = text.substr(name_start, i - name_start);
  length = i + 1;
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos")
    return Reference::predefined;
  return Reference::named;
}

// Index of the end of a construct starting at `from` ("-->", "]]>", "?>"), npos if unterminated.
std::size_t find_end(std::string_view text, std::size_t from, std::string_view terminator) {
  const std::size_t at = text.find(terminator, from);
  return at == std::string_view::npos ? at : at + terminator.size();
}

// End of a DOCTYPE, whose internal subset ([...]) may contain '>'.
std::size_t find_doctype_end(std::string_view text, std::size_t from) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '>' && depth <= 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

XmlScan scan_xml(std::string_view document) {
  XmlScan scan;
  // Bytes that need a look: '<' (CDATA, comments, DOCTYPE), '&', C0 controls.
  static constexpr auto kInteresting = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
    table['<'] = true;
    table['&'] = true;
    return table;
  }();
  const std::size_t size = document.size();
  std::size_t i = 0;
  while (i < size) {
    // To the next interesting byte.
#if NEWSD_USE_SSE2
    // Only "<!" needs a look, not every tag: '<' is matched with the '!' after
    // it (a second load one byte on), so the scan does not stop at each of the
    // thousands of ordinary tags of a feed.
    while (i + 17 <= size) {
      const __m128i bytes = sse2::load(document.data() + i);
      const __m128i bang_next = sse2::equal(sse2::load(document.data() + i + 1), '!');
      const __m128i markup =
          _mm_or_si128(_mm_and_si128(sse2::equal(bytes, '<'), bang_next), sse2::equal(bytes, '&'));
      const unsigned stops = stops_or_controls(bytes, markup);
      if (stops != 0) {
        i += static_cast<std::size_t>(__builtin_ctz(stops));
        break;
      }
      i += 16;
    }
#else
    while (i + 8 <= size) {
      const std::uint64_t word = load_word(document.data() + i);
      if ((has_control_byte(word) | has_byte(word, '<') | has_byte(word, '&')) == 0) {
        i += 8;
        continue;
      }
      const std::size_t word_end = i + 8;
      while (i < word_end && !kInteresting[static_cast<unsigned char>(document[i])]) ++i;
      if (i < word_end) break;
    }
#endif
    while (i < size && !kInteresting[static_cast<unsigned char>(document[i])]) ++i;
    if (i >= size) break;
    const char c = document[i];
    if (c == '<') {
      // Only "<!" starts what needs a look (CDATA, comment, DOCTYPE); tags are pugixml's.
      if (i + 1 >= size || document[i + 1] != '!') {
        ++i;
        continue;
      }
      const std::string_view rest = document.substr(i);
      if (rest.starts_with("<![CDATA[")) {
        const std::size_t end = cdata_end(document, i + 9, scan.control_characters);
        if (end == std::string_view::npos) break;
        i = end;
        continue;
      }
      if (rest.starts_with("<!--")) {
        const std::size_t end = find_end(document, i + 4, "-->");
        if (end == std::string_view::npos) break;
        i = end;
        continue;
      }
      if (starts_with_ci(rest, "<!DOCTYPE")) {
        // Its entity declarations are not the document's text: skip them.
        scan.doctype = true;
        const std::size_t end = find_doctype_end(document, i);
        if (end == std::string_view::npos) break;
        i = end;
        continue;
      }
      ++i;
    } else if (c == '&') {
      std::size_t length = 0;
      std::string_view name;
      switch (classify_reference(document.substr(i, 48), length, name)) {
        case Reference::named:
          if (scan.undefined_entities++ == 0) scan.first_undefined_entity = std::string(name);
          break;
        case Reference::none:
          ++scan.bare_ampersands;
          break;
        case Reference::unsafe_numeric:
          ++scan.unsafe_character_references;
          break;
        default:
          break;
      }
      i += length;
    } else {
      ++scan.control_characters;
      ++i;
    }
  }
  return scan;
}

std::string strip_control_characters(std::string_view document) {
  std::string out;
  out.reserve(document.size());
  for (char c : document)
    if (!is_control(c)) out.push_back(c);
  return out;
}

std::size_t find_feed_root(std::string_view document) {
  static constexpr std::string_view kRoots[] = {"rss", "feed", "rdf:rdf", "rdf", "channel"};
  for (std::size_t at = document.find('<'); at != std::string_view::npos; at = document.find('<', at + 1)) {
    std::string_view rest = document.substr(at + 1);
    // A prefixed root, "<rss:rss" or "<atom:feed": the local name decides.
    if (const std::size_t colon = rest.substr(0, 24).find(':');
        colon != std::string_view::npos && colon > 0 && !starts_with_ci(rest, "rdf:") &&
        std::all_of(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(colon),
                    [](char c) { return ascii::is_alnum(c) || c == '_' || c == '-'; }))
      rest.remove_prefix(colon + 1);
    for (std::string_view root : kRoots) {
      if (!starts_with_ci(rest, root) || rest.size() <= root.size()) continue;
      const char next = rest[root.size()];
      if (next == '>' || next == '/' || ascii::is_space(next)) return at;
    }
  }
  return std::string_view::npos;
}

bool clean_prolog(std::string_view prolog) {
  std::size_t i = 0;
  while (i < prolog.size()) {
    if (ascii::is_space(prolog[i])) {
      ++i;
      continue;
    }
    const std::string_view rest = prolog.substr(i);
    std::size_t end = std::string_view::npos;
    if (rest.starts_with("<?"))
      end = find_end(prolog, i + 2, "?>");
    else if (rest.starts_with("<!--"))
      end = find_end(prolog, i + 4, "-->");
    else if (starts_with_ci(rest, "<!DOCTYPE"))
      end = find_doctype_end(prolog, i);
    if (end == std::string_view::npos) return false;
    i = end;
  }
  return true;
}

std::string repair_xml(std::string_view document, std::vector<std::string>& repairs) {
  std::string out;
  out.reserve(document.size() + document.size() / 16 + 64);
  std::vector<std::string> open;  // element names as first written
  std::size_t bare_ampersands = 0, stray_less_than = 0, undefined_decoded = 0, undefined_escaped = 0,
              controls = 0, stray_end_tags = 0, implicitly_closed = 0, case_mismatches = 0,
              unquoted_values = 0;
  bool truncated = false;

  const auto append_text_char = [&](std::string_view text, std::size_t& i) {
    const char c = text[i];
    if (c == '&') {
      std::size_t length = 0;
      std::string_view name;
      switch (classify_reference(text.substr(i, 48), length, name)) {
        case Reference::predefined:
        case Reference::numeric:
        case Reference::unsafe_numeric:
          out.append(text.substr(i, length));
          i += length;
          return;
        case Reference::named: {
          const std::string decoded = decode_entities(text.substr(i, length));
          if (decoded != text.substr(i, length)) {
            ++undefined_decoded;
            for (char d : decoded) {
              if (d == '&')
                out += "&amp;";
              else if (d == '<')
                out += "&lt;";
              else
                out.push_back(d);
            }
          } else {
            ++undefined_escaped;
            out += "&amp;";
            out.append(text.substr(i + 1, length - 1));
          }
          i += length;
          return;
        }
        case Reference::none:
          ++bare_ampersands;
          out += "&amp;";
          ++i;
          return;
      }
    }
    if (is_control(c)) {
      ++controls;
      ++i;
      return;
    }
    out.push_back(c);
    ++i;
  };

  std::size_t i = 0;
  const std::size_t size = document.size();
  while (i < size) {
    const char c = document[i];
    if (c != '<') {
      append_text_char(document, i);
      continue;
    }
    const std::string_view rest = document.substr(i);
    if (rest.starts_with("<!--")) {
      const std::size_t end = find_end(document, i + 4, "-->");
      if (end == std::string_view::npos) {
        truncated = true;
        break;
      }
      out.append(document.substr(i, end - i));
      i = end;
    } else if (rest.starts_with("<![CDATA[")) {
      const std::size_t end = find_end(document, i + 9, "]]>");
      if (end == std::string_view::npos) {
        truncated = true;
        out.append(document.substr(i));
        out += "]]>";
        break;
      }
      for (std::size_t j = i; j < end; ++j)
        if (!is_control(document[j]))
          out.push_back(document[j]);
        else
          ++controls;
      i = end;
    } else if (rest.starts_with("<!")) {
      // DOCTYPE (never loaded: dropped so no entity of it can matter).
      const std::size_t end = find_doctype_end(document, i);
      if (end == std::string_view::npos) {
        truncated = true;
        break;
      }
      repairs.emplace_back("DOCTYPE removed");
      i = end;
    } else if (rest.starts_with("<?")) {
      const std::size_t end = find_end(document, i + 2, "?>");
      if (end == std::string_view::npos) {
        truncated = true;
        break;
      }
      out.append(document.substr(i, end - i));
      i = end;
    } else if (rest.starts_with("</")) {
      std::size_t j = i + 2;
      while (j < size && is_name_char(document[j])) ++j;
      const std::string_view name = document.substr(i + 2, j - i - 2);
      const std::size_t close = document.find('>', j);
      if (close == std::string_view::npos) {
        truncated = true;
        break;
      }
      i = close + 1;
      // Only the innermost elements are searched: a stray end tag deep inside a
      // pathological document must not cost a scan of thousands of open ones.
      constexpr std::ptrdiff_t kSearchDepth = 64;
      const auto search_end =
          open.rbegin() + std::min<std::ptrdiff_t>(kSearchDepth, static_cast<std::ptrdiff_t>(open.size()));
      auto match =
          std::find_if(open.rbegin(), search_end, [&](const std::string& o) { return iequals(o, name); });
      if (name.empty() || match == search_end) {
        ++stray_end_tags;
        continue;
      }
      if (match == open.rbegin() && open.back() != name) ++case_mismatches;
      // Close what was left open inside, then the element itself.
      while (!open.empty()) {
        const bool last = iequals(open.back(), name);
        if (!last) ++implicitly_closed;
        out += "</";
        out += open.back();
        out += '>';
        open.pop_back();
        if (last) break;
      }
    } else if (i + 1 < size && is_name_start(document[i + 1])) {
      std::size_t j = i + 1;
      while (j < size && is_name_char(document[j])) ++j;
      const std::string name(document.substr(i + 1, j - i - 1));
      std::string tag = "<" + name;
      bool self_closing = false, complete = false;
      while (j < size) {
        const char d = document[j];
        if (d == '>') {
          complete = true;
          ++j;
          break;
        }
        if (d == '/' && j + 1 < size && document[j + 1] == '>') {
          self_closing = complete = true;
          j += 2;
          break;
        }
        if (d == '"' || d == '\'') {
          // Bounded, so that many unterminated quotes cannot make this quadratic.
          constexpr std::size_t kMaxAttributeValue = std::size_t{64} * 1024;
          std::size_t end = document.substr(j + 1, kMaxAttributeValue).find(d);
          if (end == std::string_view::npos) break;
          end += j + 1;
          tag.push_back(d);
          const std::string_view value = document.substr(j + 1, end - j - 1);
          for (std::size_t k = 0; k < value.size();) {
            if (value[k] == '<') {
              tag += "&lt;";
              ++k;
            } else {
              std::swap(out, tag);
              append_text_char(value, k);
              std::swap(out, tag);
            }
          }
          tag.push_back(d);
          j = end + 1;
        } else if (d == '=' && j + 1 < size && document[j + 1] != '"' && document[j + 1] != '\'') {
          // Unquoted attribute value: quote it.
          std::size_t end = j + 1;
          while (end < size && !ascii::is_space(document[end]) && document[end] != '>' &&
                 !(document[end] == '/' && end + 1 < size && document[end + 1] == '>'))
            ++end;
          ++unquoted_values;
          tag += "=\"";
          for (char v : document.substr(j + 1, end - j - 1)) {
            if (v == '"')
              tag += "&quot;";
            else if (v == '&')
              tag += "&amp;";
            else if (v == '<')
              tag += "&lt;";
            else
              tag.push_back(v);
          }
          tag += '"';
          j = end;
        } else if (d == '<') {
          break;  // a tag that never ended
        } else {
          if (!is_control(d)) tag.push_back(d);
          ++j;
        }
      }
      if (!complete) {
        if (j >= size) {
          truncated = true;
          break;
        }
        tag += '>';  // "<a href='x' <b>": close the broken tag where the next begins
      } else {
        tag += self_closing ? "/>" : ">";
      }
      out += tag;
      if (!self_closing) open.push_back(name);
      i = j;
    } else {
      ++stray_less_than;
      out += "&lt;";
      ++i;
    }
  }
  if (truncated || !open.empty()) {
    if (!open.empty())
      repairs.push_back(
          fmt::format("truncated document: closed {} open element(s) from <{}>", open.size(), open.back()));
    else
      repairs.emplace_back("truncated document: incomplete markup at the end dropped");
    while (!open.empty()) {
      out += "</";
      out += open.back();
      out += '>';
      open.pop_back();
    }
  }
  if (bare_ampersands) repairs.push_back(fmt::format("{} unescaped '&' escaped", bare_ampersands));
  if (stray_less_than) repairs.push_back(fmt::format("{} unescaped '<' escaped", stray_less_than));
  if (undefined_decoded)
    repairs.push_back(fmt::format("{} undefined entities decoded (HTML table)", undefined_decoded));
  if (undefined_escaped)
    repairs.push_back(fmt::format("{} unknown entities kept as text", undefined_escaped));
  if (controls) repairs.push_back(fmt::format("{} control characters removed", controls));
  if (stray_end_tags)
    repairs.push_back(fmt::format("{} end tags without a start tag dropped", stray_end_tags));
  if (unquoted_values) repairs.push_back(fmt::format("{} unquoted attribute values quoted", unquoted_values));
  if (case_mismatches) repairs.push_back(fmt::format("{} end tags matched ignoring case", case_mismatches));
  if (implicitly_closed) repairs.push_back(fmt::format("{} unclosed elements closed", implicitly_closed));
  return out;
}

}  // namespace feeds::detail
