// Character references, white space and tag stripping for plain-text fields.
#include "feeds/text.h"

#include <array>
#include <cstdint>

#include "common/ascii.h"
#include "common/utf8.h"
#include "text/entities.h"

namespace feeds {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}
using ascii::starts_with_icase;

// HTML5 maps numeric references to C1 controls onto windows-1252, because
// that is what the people who wrote "&#146;" meant.
constexpr std::array<char16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Decodes a numeric reference starting at text[pos] == '&', text[pos+1] == '#'.
// Returns the number of bytes consumed, 0 when it is not a reference.
std::size_t decode_numeric(std::string_view text, std::size_t pos, std::string& out) {
  std::size_t i = pos + 2;
  bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  std::size_t digits_start = i;
  std::uint32_t value = 0;
  bool overflow = false;
  while (i < text.size() && (hex ? is_hex_digit(text[i]) : (text[i] >= '0' && text[i] <= '9'))) {
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(hex ? hex_value(text[i]) : text[i] - '0');
    if (value > 0x10FFFF) {
      overflow = true;
      value = 0x110000;  // keep it bounded, keep scanning digits
    }
    ++i;
  }
  if (i == digits_start) return 0;
  if (i < text.size() && text[i] == ';') ++i;
  char32_t cp = value;
  if (overflow || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += utf8::kReplacement;
  } else {
    if (cp >= 0x80 && cp <= 0x9F) cp = kWindows1252C1[cp - 0x80];
    utf8::append(out, cp);
  }
  return i - pos;
}

// Decodes a named reference at text[pos] == '&'. Returns bytes consumed or 0.
// Without ';' only the legacy names count, and (as HTML5 does in attributes)
// not when followed by an alphanumeric or '=': "?a=1&section=2" stays a URL.
std::size_t decode_named(std::string_view text, std::size_t pos, std::string& out) {
  std::size_t start = pos + 1;
  std::size_t end = start;
  while (end < text.size() && end - start <= entities::kMaxNameLength && is_ascii_alnum(text[end])) ++end;
  if (end == start) return 0;
  if (end < text.size() && text[end] == ';') {
    if (const auto* entity = entities::find(text.substr(start, end - start))) {
      out += entity->value;
      return end + 1 - pos;
    }
  }
  // Legacy names are at most 6 characters: try the longest matching prefix.
  std::size_t longest = std::min<std::size_t>(end - start, 6);
  for (std::size_t length = longest; length >= 2; --length) {
    const auto* entity = entities::find(text.substr(start, length));
    if (entity == nullptr || !entity->legacy) continue;
    std::size_t after = start + length;
    if (after < text.size() && (is_ascii_alnum(text[after]) || text[after] == '=')) return 0;
    out += entity->value;
    return after - pos;
  }
  return 0;
}

std::string decode_entities_once(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, amp - pos));
    std::size_t consumed = 0;
    if (amp + 1 < text.size()) {
      consumed = text[amp + 1] == '#' ? decode_numeric(text, amp, out) : decode_named(text, amp, out);
    }
    if (consumed == 0) {
      out += '&';
      consumed = 1;
    }
    pos = amp + consumed;
  }
  return out;
}

// Length of the white-space character at text[pos] (0 when it is not one):
// ASCII white space, NBSP, U+1680, U+2000-U+200A, U+2028/9, U+202F, U+205F, U+3000.
std::size_t whitespace_length(std::string_view text, std::size_t pos) {
  auto b = [&](std::size_t i) {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
  };
  unsigned c = b(0);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && b(1) == 0xA0) return 2;
  if (c == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return 3;
  if (c == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xA8 || b(2) == 0xA9 || b(2) == 0xAF)) return 3;
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  return 0;
}

// The bytes whitespace_length can return non-zero at: ASCII white space and
// the lead bytes of the other spaces it knows.
constexpr auto kMayStartSpace = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[c] = true;
  for (const unsigned char c : {0xC2, 0xE1, 0xE2, 0xE3}) table[c] = true;
  return table;
}();

// Elements whose boundaries separate words ("<p>a</p><p>b</p>" is "a b").
bool is_block_element(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside",      "blockquote", "br",     "caption", "dd",   "details", "div",
      "dl",      "dt",      "figcaption", "figure",     "footer", "h1",      "h2",   "h3",      "h4",
      "h5",      "h6",      "header",     "hr",         "img",    "li",      "main", "nav",     "ol",
      "p",       "pre",     "section",    "summary",    "table",  "td",      "th",   "tr",      "ul"};
  for (auto block : kBlocks) {
    if (block == name) return true;
  }
  return false;
}

// Elements whose text is not text: dropped entirely.
bool is_raw_text_element(std::string_view name) {
  return name == "script" || name == "style" || name == "template" || name == "noscript" || name == "head" ||
         name == "title" || name == "textarea";
}

// Finds "</name" (any case) from pos; npos when absent.
std::size_t find_end_tag(std::string_view text, std::size_t pos, std::string_view name) {
  while ((pos = text.find("</", pos)) != std::string_view::npos) {
    if (starts_with_icase(text, pos + 2, name)) {
      std::size_t after = pos + 2 + name.size();
      if (after >= text.size() || !is_ascii_alnum(text[after])) return pos;
    }
    pos += 2;
  }
  return std::string_view::npos;
}

// End of a tag that starts at text[pos] == '<' (position after '>'), honouring
// quoted attribute values; text.size() when unterminated.
std::size_t tag_end(std::string_view text, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open a value right after '='.
      std::size_t j = i;
      while (j > pos && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\n')) --j;
      if (j > pos && text[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return text.size();
}

}  // namespace

void utf8::map_c1_to_windows1252(std::string& text) {
  // U+0080-U+009F is 0xC2 0x80-0x9F in UTF-8. 0xC2 also starts U+00A0-U+00BF
  // (no-break space, guillemets, degree sign), so each hit is checked.
  std::size_t at = text.find('\xC2');
  if (at == std::string::npos) return;
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t copied = 0;
  for (; at != std::string::npos; at = text.find('\xC2', at + 1)) {
    if (at + 1 >= text.size()) break;
    const auto next = static_cast<unsigned char>(text[at + 1]);
    if (next < 0x80 || next > 0x9F) continue;
    out.append(text, copied, at - copied);
    utf8::append(out, kWindows1252C1[next - 0x80]);
    copied = at + 2;
  }
  if (copied == 0) return;
  out.append(text, copied, std::string::npos);
  text = std::move(out);
}

std::string decode_entities(std::string_view text, int max_rounds) {
  std::string current(text);
  for (int round = 0; round < max_rounds; ++round) {
    if (current.find('&') == std::string::npos) break;
    std::string next = decode_entities_once(current);
    if (next == current) break;
    current = std::move(next);
  }
  return current;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t ws = whitespace_length(text, pos);
    if (ws != 0) {
      pending_space = !out.empty();
      pos += ws;
      continue;
    }
    // Up to the next byte that may start white space, in one append (a
    // character at a time was most of the cost of plain-text fields).
    std::size_t end = pos + 1;
    while (end < text.size() && !kMayStartSpace[static_cast<unsigned char>(text[end])]) ++end;
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out.append(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

std::string html_to_plain_text(std::string_view html) {
  // Most titles, names and categories hold no markup and no reference: then
  // only the white space changes.
  bool markup = false;
  for (char c : html) markup |= (c == '<' || c == '&');
  if (!markup) {
    std::string plain = collapse_whitespace(html);
    utf8::map_c1_to_windows1252(plain);  // "&#146;" in XML arrives here as U+0092
    return plain;
  }
  std::string stripped;
  stripped.reserve(html.size());
  std::size_t pos = 0;
  while (pos < html.size()) {
    std::size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos) {
      stripped.append(html.substr(pos));
      break;
    }
    stripped.append(html.substr(pos, lt - pos));
    std::size_t next = lt + 1;
    if (next >= html.size()) {
      stripped += '<';
      break;
    }
    if (html.compare(lt, 4, "<!--") == 0) {
      std::size_t close = html.find("-->", lt + 4);
      pos = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    if (html.compare(lt, 9, "<![CDATA[") == 0) {
      // Feeds put text in CDATA inside escaped HTML; keep it as text.
      std::size_t close = html.find("]]>", lt + 9);
      std::size_t content_end = close == std::string_view::npos ? html.size() : close;
      stripped.append(html.substr(lt + 9, content_end - (lt + 9)));
      pos = close == std::string_view::npos ? html.size() : close + 3;
      continue;
    }
    char c = html[next];
    bool end_tag = c == '/';
    if (c == '!' || c == '?') {  // doctype, bogus comment, processing instruction
      std::size_t close = html.find('>', next);
      pos = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    std::size_t name_start = end_tag ? next + 1 : next;
    if (name_start >= html.size() || !is_ascii_alpha(html[name_start])) {
      stripped += '<';  // "a < b": not a tag
      pos = lt + 1;
      continue;
    }
    std::size_t name_end = name_start;
    std::string name;
    while (name_end < html.size() &&
           (is_ascii_alnum(html[name_end]) || html[name_end] == '-' || html[name_end] == ':')) {
      name += ascii::lower(html[name_end]);
      ++name_end;
    }
    pos = tag_end(html, lt);
    if (is_block_element(name)) stripped += ' ';
    if (!end_tag && is_raw_text_element(name)) {
      std::size_t close = find_end_tag(html, pos, name);
      pos = close == std::string_view::npos ? html.size() : tag_end(html, close);
    }
  }
  // Two rounds: titles in the wild are often escaped twice ("AT&amp;amp;T").
  std::string plain = collapse_whitespace(decode_entities(stripped, 2));
  utf8::map_c1_to_windows1252(plain);
  return plain;
}

std::size_t repair_utf8(std::string& text) {
  std::size_t bad = utf8::first_invalid(text);
  if (bad == text.size()) return 0;
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, 0, bad);
  std::size_t replaced = 0;
  std::size_t pos = bad;
  while (pos < text.size()) {
    std::size_t length = utf8::valid_sequence_length(text, pos);
    if (length != 0) {
      out.append(text, pos, length);
      pos += length;
      continue;
    }
    out += utf8::kReplacement;
    ++replaced;
    pos += utf8::invalid_sequence_length(text, pos);
  }
  text = std::move(out);
  return replaced;
}

}  // namespace feeds
