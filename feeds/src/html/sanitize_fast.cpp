// The sanitiser's fast path: a one-pass scanner for HTML fragments so simple
// that how libxml2 reads them is certain, reporting the same events libxml2's
// SAX parser would to the same writer (sanitize_writer.h), so the output is
// the same bytes. libxml2 tokenises HTML at about 100 MB/s here, most of a
// feed's bytes are HTML, and most feed HTML is this simple
// (docs/performance/feeds.md, docs/design.md).
//
// Accepted, and nothing else (anything else declines, and libxml2 parses the
// whole fragment instead):
// - the elements in kElementNames, in any ASCII case, and elements libxml2
//   has no rules for (<o:p>, <svg>, <x-widget>), which it treats as plain
//   containers (Rules::unknown_elements_plain). A start tag ends the
//   open elements libxml2 would end first (<p><div>, <li><li>: libxml2
//   itself is asked which, once per process: Rules, sanitize_rules.cpp); an
//   end tag ends the open elements above its own unless one of them ranks
//   higher in libxml2's end priority (</div> ends an open <p>, a stray </p>
//   inside a <div> is ignored), and is ignored when nothing of its name is
//   open; whatever is open at the end is ended there. As libxml2 does;
// - attributes written name="value", name='value', name=value (no quotes,
//   '<' or '`' in it) or name alone, each separated by white space, white
//   space around '=' allowed; a repeated name is dropped, as libxml2 drops it;
//   an optional "/>";
// - script and style whose content has no '<' and ends at a lowercase
//   </script> or </style>;
// - text of characters libxml2 passes through (no C0 controls but tab and
//   line feed, no carriage return, no U+FFFE/U+FFFF), character references
//   with ';' to characters libxml2 accepts, named references decoded to the
//   value libxml2's own table gives, and a '&' that starts no reference
//   libxml2 knows (AT&T, &nbsp without ';', &unknown;) kept as text, as
//   libxml2 keeps it; a '<' before a blank, a digit or '=' kept as text;
// - comments "<!-- ... -->" (dropped; no "--!>" before the end, no control
//   characters);
// - no CDATA, doctypes or processing instructions.
// tests/feeds/html/fast_path_test.cpp and tests/fuzz/sanitize_fuzz.cpp check
// that whenever this accepts, the output equals libxml2's path's.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "common/ascii.h"
#include "common/sse2.h"
#include "common/utf8.h"
#include "html/name_index.h"
#include "html/sanitize_parsers.h"
#include "html/sanitize_rules.h"
#include "html/sanitize_writer.h"

namespace feeds::detail {
namespace {

// Byte classes for the scan: text runs stop only at these.
enum : std::uint8_t {
  kPlain = 0,
  kLess = 1,
  kAmpersand = 2,
  kMaybeNonCharacter = 3,
  kRefused = 4,
  kEscaped = 5,  // '>': plain, but escaped in the output
};
constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = kRefused;
  table['\t'] = kPlain;
  table['\n'] = kPlain;
  table['<'] = kLess;
  table['&'] = kAmpersand;
  table['>'] = kEscaped;
  table[0xEF] = kMaybeNonCharacter;  // EF BF BE / EF BF BF are U+FFFE / U+FFFF
  return table;
}
constexpr std::array<std::uint8_t, 256> kByteClass = make_byte_classes();

// From `pos`, past bytes the scan need not look at: stops at or before the
// first byte below 0x20, '<', '&', '>', 0xEF (a possible U+FFFE/U+FFFF) or
// `also` (the closing quote inside an attribute value; '<' again in text).
// Sixteen bytes at a time where SSE2 is there (every x86-64), else eight.
// Always inlined: it runs once per text run and attribute value, and called
// out of line it cost 2 % more instructions over a feed corpus parse (callgrind).
[[gnu::always_inline]] inline std::size_t skip_plain(std::string_view text, std::size_t pos, char also) {
#if NEWSD_USE_SSE2
  const __m128i less = _mm_set1_epi8('<'), ampersand = _mm_set1_epi8('&'), greater = _mm_set1_epi8('>');
  const __m128i maybe_non_character = _mm_set1_epi8(static_cast<char>(0xEF)), extra = _mm_set1_epi8(also);
  const __m128i last_control = _mm_set1_epi8(0x1F);
  while (pos + 16 <= text.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, last_control), bytes);  // byte <= 0x1F
    const __m128i markup = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, less), _mm_cmpeq_epi8(bytes, ampersand)),
        _mm_or_si128(_mm_cmpeq_epi8(bytes, greater), _mm_cmpeq_epi8(bytes, maybe_non_character)));
    const int stops =
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(markup, control), _mm_cmpeq_epi8(bytes, extra)));
    if (stops != 0) return pos + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(stops)));
    pos += 16;
  }
#endif
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighBits = 0x8080808080808080ULL;
  const auto has_byte = [](std::uint64_t word, unsigned char byte) {
    const std::uint64_t x = word ^ (kOnes * byte);
    return (x - kOnes) & ~x & kHighBits;
  };
  while (pos + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, sizeof word);
    const std::uint64_t stops = ((word - kOnes * 0x20) & ~word & kHighBits) | has_byte(word, '<') |
                                has_byte(word, '&') | has_byte(word, '>') | has_byte(word, 0xEF) |
                                has_byte(word, static_cast<unsigned char>(also));
    if (stops != 0) break;
    pos += 8;
  }
  return pos;
}

constexpr bool is_letter(char c) {
  return ascii::is_alpha(c);
}
using ascii::is_digit;
bool is_blank(char c) {  // libxml2's IS_BLANK_CH; '\r' never gets this far
  return c == ' ' || c == '\t' || c == '\n';
}
using ascii::lower;
// libxml2's IS_CHAR: what a character reference may produce.
bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Where an attribute's name or value is: in the input itself (lowercase names,
// values without references, i.e. nearly all), or in a buffer of the scanner's.
// Offsets, not views: the buffers may grow while a tag is read.
struct Piece {
  std::size_t at = 0, size = 0;
  bool buffered = false;
};
struct PendingAttribute {
  Piece name, value;
};

// The scanner's working buffers, kept per thread and cleared before use: a
// feed has thousands of fragments, and allocating seven buffers for each was
// measurable. Nothing in them outlives one call of sanitize_simple_html.
struct ScannerBuffers {
  std::vector<std::size_t> open;
  std::vector<std::string> unknown_open;  // names of the open unknown elements, innermost last
  std::string tag;                        // a tag name outside kElementNames, lowercased
  std::string decoded;
  std::string attribute_names;
  std::string values;
  std::vector<PendingAttribute> pending;
  std::vector<HtmlAttribute> attributes;
};

class Scanner {
 public:
  Scanner(std::string_view html, SanitizeWriter& writer, ScannerBuffers& buffers)
      : html_(html),
        writer_(writer),
        rules_(rules()),
        open_(buffers.open),
        unknown_open_(buffers.unknown_open),
        tag_(buffers.tag),
        decoded_(buffers.decoded),
        attribute_names_(buffers.attribute_names),
        values_(buffers.values),
        pending_(buffers.pending),
        attributes_(buffers.attributes) {
    open_.clear();
  }

  bool run() {
    writer_.start("newsd-sanitized", {});
    while (pos_ < html_.size()) {
      if (!text()) return false;
      if (pos_ == html_.size()) break;
      // At a '<'.
      if (pos_ + 1 >= html_.size()) return false;
      const char next = html_[pos_ + 1];
      if (is_letter(next)) {
        if (!start_tag()) return false;
      } else if (next == '/' && pos_ + 2 < html_.size() && is_letter(html_[pos_ + 2])) {
        if (!end_tag()) return false;
      } else if (next == '!') {
        if (!comment()) return false;
      } else if (is_blank(next) || is_digit(next) || next == '=') {
        // Not markup: libxml2 reports the '<' as text ("a < b", "<3").
        writer_.text(html_.substr(pos_, 1));
        ++pos_;
      } else {
        return false;
      }
    }
    // Elements still open end with the input: libxml2 ends them (at its
    // wrapper's end tag or, when that is ignored, at the end of the input),
    // and the writer ends them in finish() in the same order.
    return true;
  }

  // Text up to the next '<' (or the end), references decoded; false on
  // anything refused. Runs of plain bytes go to the writer unescaped (they
  // hold nothing to escape), so the text is read once, not twice.
  bool text() {
    std::size_t run = pos_;
    auto flush = [&] {
      if (pos_ > run) writer_.text_without_markup_characters(html_.substr(run, pos_ - run));
    };
    while (pos_ < html_.size()) {
      pos_ = skip_plain(html_, pos_, '<');
      if (pos_ == html_.size()) break;
      const std::uint8_t kind = kByteClass[static_cast<unsigned char>(html_[pos_])];
      if (kind == kPlain) {
        ++pos_;
        continue;
      }
      if (kind == kMaybeNonCharacter) {
        if (!character_allowed()) return false;
        ++pos_;
        continue;
      }
      if (kind == kRefused) return false;
      flush();
      if (kind == kLess) return true;
      if (kind == kEscaped) {
        writer_.text(html_.substr(pos_, 1));
        run = ++pos_;
        continue;
      }
      Reference found;
      if (!read_reference(found)) return false;
      if (found.literal) {
        // Not a reference libxml2 knows: the '&' is text, and so is what
        // follows it, which the scan reads as text from here.
        writer_.text_without_markup_characters("&amp;");
      } else if (found.entity != kNoEntity) {
        writer_.text_without_markup_characters(rules_.escaped_entities[found.entity]);
      } else {
        decoded_.clear();
        utf8::append(decoded_, found.code_point);
        writer_.text(decoded_);
      }
      run = pos_;
    }
    flush();
    return true;
  }

  bool character_allowed() const {
    return !(pos_ + 2 < html_.size() && html_[pos_ + 1] == '\xBF' &&
             (html_[pos_ + 2] == '\xBE' || html_[pos_ + 2] == '\xBF'));
  }

  // A character reference at '&': a code point, or a name's position in
  // kEntityNames, or `literal` when libxml2 reads no reference there and keeps
  // the '&' as text. pos_ moves past what was read (past the '&' alone for a
  // literal). False when it is not certain how libxml2 reads it.
  static constexpr std::size_t kNoEntity = std::size(kEntityNames);
  struct Reference {
    std::uint32_t code_point = 0;
    std::size_t entity = kNoEntity;
    bool literal = false;
  };
  [[gnu::always_inline]] bool read_reference(Reference& out) {
    std::size_t i = pos_ + 1;
    if (i < html_.size() && html_[i] == '#') {
      ++i;
      const bool hex = i < html_.size() && (html_[i] == 'x' || html_[i] == 'X');
      if (hex) ++i;
      const std::size_t digits = i;
      std::uint32_t value = 0;
      while (i < html_.size() && i - digits < 7) {
        const char c = html_[i];
        int digit;
        if (is_digit(c))
          digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
          digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
          digit = c - 'A' + 10;
        else
          break;
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        ++i;
      }
      if (i == digits || i >= html_.size() || html_[i] != ';' || !is_xml_char(value)) return false;
      out.code_point = value;
      pos_ = i + 1;
      return true;
    }
    // libxml2 reads a name (htmlParseName: a letter, '_' or ':', then letters,
    // digits, '_', '-', ':', '.') and decodes it only when ';' follows and its
    // table has the name; otherwise "&" and the name stay text. Names it
    // reads beyond ASCII are in no table, so only the ASCII run matters.
    const std::size_t name_start = i;
    if (i >= html_.size() || !(is_letter(html_[i]) || html_[i] == '_' || html_[i] == ':')) {
      out.literal = true;
      ++pos_;
      return true;
    }
    const NameRun run = name_run(name_start, true);
    i += run.size;
    if (i >= html_.size() || html_[i] != ';') {
      out.literal = true;
      ++pos_;
      return true;
    }
    const std::size_t index = run.size <= kLongestPackedName
                                  ? kEntityIndex.find(pack_name_at(html_, name_start, run.size, false))
                                  : kNoEntity;
    if (index != kNoEntity && !rules_.entities[index].empty()) {
      out.entity = index;
    } else {
      // Rare names (&alefsym;) are asked of libxml2; names it lacks stay text.
      out.code_point = libxml2_entity(html_.substr(name_start, run.size));
      if (out.code_point == 0) {
        out.literal = true;
        ++pos_;
        return true;
      }
    }
    pos_ = i + 1;
    return true;
  }

  // A character reference at '&', appended to `out` as libxml2 decodes it.
  bool reference(std::string& out) {
    Reference found;
    if (!read_reference(found)) return false;
    if (found.literal)
      out += '&';
    else if (found.entity != kNoEntity)
      out += rules_.entities[found.entity];
    else
      utf8::append(out, found.code_point);
    return true;
  }

  // The run of name characters at `at`: ASCII letters and digits, and with
  // `punctuation` also '-', '_', ':' and '.' (attribute names). Sixteen
  // bytes at once where it can; names are short, and reading them a byte at
  // a time was a tenth of the scanner.
  struct NameRun {
    std::size_t size = 0;
    bool upper = false;  // some letter is uppercase
  };
  [[gnu::always_inline]] NameRun name_run(std::size_t at, bool punctuation) const {
#if NEWSD_USE_SSE2
    if (at + 16 <= html_.size()) {
      const __m128i bytes = sse2::load(html_.data() + at);
      const __m128i upper = sse2::in_range(bytes, 'A', 'Z');
      __m128i name =
          _mm_or_si128(_mm_or_si128(sse2::in_range(bytes, 'a', 'z'), upper), sse2::in_range(bytes, '0', '9'));
      if (punctuation) {
        name =
            _mm_or_si128(name, _mm_or_si128(_mm_or_si128(sse2::equal(bytes, '-'), sse2::equal(bytes, '_')),
                                            _mm_or_si128(sse2::equal(bytes, ':'), sse2::equal(bytes, '.'))));
      }
      const unsigned others = ~sse2::bits(name) & 0xFFFF;
      if (others != 0) {
        const auto size = static_cast<unsigned>(__builtin_ctz(others));
        return {size, (sse2::bits(upper) & ((1u << size) - 1)) != 0};
      }
    }
#endif
    NameRun run;
    for (std::size_t i = at; i < html_.size(); ++i) {
      const char c = html_[i];
      if (!(is_letter(c) || is_digit(c) || (punctuation && (c == '-' || c == '_' || c == ':' || c == '.'))))
        break;
      run.upper |= c >= 'A' && c <= 'Z';
      ++run.size;
    }
    return run;
  }

  static constexpr std::size_t kUnknown = kElementCount;

  // The tag name at pos_ (a letter), read as libxml2 reads it (letters,
  // digits, '-', '_', ':', '.'): its position in kElementNames, or kUnknown
  // with the lowercased name in tag_. False when too long to be certain.
  // Always inlined, as the tag name reader before it was: called out of line
  // it was 5 % of a feed parse (perf), most tags being short known names.
  [[gnu::always_inline]] bool read_tag_name(std::size_t& element) {
    const NameRun run = name_run(pos_, true);
    if (run.size > 60) return false;  // libxml2 cuts names at 100 bytes
    element = kUnknown;
    // Setting bit 0x20 lowers letters and keeps digits, '-', ':' and '.'; it
    // turns '_' into DEL, which no listed name holds either.
    if (run.size <= kLongestPackedName)
      element = kElementIndex.find(pack_name_at(html_, pos_, run.size, true));
    if (element == kElementCount) keep_unknown_name(run.size);
    pos_ += run.size;
    return true;
  }
  [[gnu::noinline]] void keep_unknown_name(std::size_t size) {
    tag_.clear();
    for (std::size_t i = pos_; i < pos_ + size; ++i) tag_ += lower(html_[i]);
  }

  ElementKey key_of(std::size_t entry, std::size_t unknown_index) const {
    return entry == kUnknown ? SanitizeWriter::key_for(unknown_open_[unknown_index]) : rules_.keys[entry];
  }
  std::uint8_t end_rank_of(std::size_t entry) const {
    return entry == kUnknown ? rules_.unknown_end_rank : rules_.end_rank[entry];
  }
  // Ends the innermost open element.
  void end_innermost() {
    if (open_.back() == kUnknown) {
      --unknown_depth_;
      writer_.end_current(key_of(kUnknown, unknown_depth_));
    } else {
      writer_.end_current(rules_.keys[open_.back()]);
    }
    open_.pop_back();
  }

  bool start_tag() {
    ++pos_;  // '<'
    std::size_t element;
    if (!read_tag_name(element)) return false;
    if (element == kUnknown) {
      // An element libxml2 has no rules for is taken as it takes it: a plain
      // container. The wrapper's name is left to libxml2's path, which picks another.
      if (!rules_.unknown_elements_plain || libxml2_knows_element(tag_) ||
          std::string_view(tag_).starts_with("newsd-sanitized"))
        return false;
    } else {
      // libxml2's htmlAutoClose: the start tag ends open elements, innermost
      // first, for as long as the innermost is one it ends (<p>a<p>, <li>a<li>);
      // an unknown element is never ended so, and stops the loop.
      while (!open_.empty() && open_.back() != kUnknown && rules_.closes[element][open_.back()])
        end_innermost();
    }
    if (open_.size() >= kMaxDepth) return false;

    attributes_.clear();
    values_.clear();
    pending_.clear();
    attribute_names_.clear();
    bool self_closed = false;
    while (true) {
      const std::size_t blanks = pos_;
      while (pos_ < html_.size() && is_blank(html_[pos_])) ++pos_;
      if (pos_ >= html_.size()) return false;
      if (html_[pos_] == '>') {
        ++pos_;
        break;
      }
      if (html_[pos_] == '/') {
        if (pos_ + 1 >= html_.size() || html_[pos_ + 1] != '>') return false;
        pos_ += 2;
        self_closed = true;
        break;
      }
      if (pos_ == blanks || !attribute()) return false;
    }
    // Views are taken once the buffers stopped growing.
    for (const PendingAttribute& pending : pending_)
      attributes_.push_back({view(pending.name, attribute_names_), view(pending.value, values_)});
    if (element == kUnknown) {
      const ElementKey key = SanitizeWriter::key_for(tag_);
      writer_.start(key, attributes_);
      if (self_closed) {
        writer_.end_current(key);
        return true;
      }
      if (unknown_depth_ == unknown_open_.size()) unknown_open_.emplace_back();
      unknown_open_[unknown_depth_++].assign(tag_);
      open_.push_back(kUnknown);
      return true;
    }
    const ElementKey& key = rules_.keys[element];
    writer_.start(key, attributes_);
    if (self_closed || rules_.empty[element]) {
      writer_.end_current(key);
      return true;
    }
    if (rules_.raw_text[element]) return raw_text(key);
    open_.push_back(element);
    return true;
  }

  std::string_view view(const Piece& piece, const std::string& buffer) const {
    return (piece.buffered ? std::string_view(buffer) : html_).substr(piece.at, piece.size);
  }

  // name="value", name='value', name=value or name alone at pos_. A repeated
  // name is read and dropped, as libxml2 drops it.
  bool attribute() {
    if (!is_letter(html_[pos_])) return false;
    PendingAttribute attribute;
    const std::size_t name_start = pos_;
    const NameRun name_chars = name_run(pos_, true);
    const bool upper = name_chars.upper;
    pos_ += name_chars.size;
    if (name_chars.size > 60) return false;
    attribute.name = {name_start, pos_ - name_start, false};
    if (upper) {
      attribute.name = {attribute_names_.size(), pos_ - name_start, true};
      for (std::size_t i = name_start; i < pos_; ++i) attribute_names_ += lower(html_[i]);
    }
    const std::string_view name = view(attribute.name, attribute_names_);
    bool repeated = false;
    for (const PendingAttribute& earlier : pending_) repeated |= view(earlier.name, attribute_names_) == name;
    // libxml2 skips blanks after the name, and after '='.
    std::size_t after = pos_;
    while (after < html_.size() && is_blank(html_[after])) ++after;
    if (after >= html_.size()) return false;
    if (html_[after] != '=') {
      // A name alone (<ol reversed>): libxml2 reports no value, which reaches
      // the writer as an empty one. What follows must end the tag or be
      // another attribute after white space.
      const char c = html_[after];
      if (!(c == '>' || c == '/' || (after > pos_ && is_letter(c)))) return false;
      attribute.value = {0, 0, false};
      if (!repeated) pending_.push_back(attribute);
      return true;
    }
    pos_ = after + 1;
    while (pos_ < html_.size() && is_blank(html_[pos_])) ++pos_;
    if (pos_ >= html_.size()) return false;
    const char quote = html_[pos_];
    const bool quoted = quote == '"' || quote == '\'';
    if (quoted) ++pos_;
    const std::size_t value_start = pos_, buffered_start = values_.size();
    bool buffered = false;
    std::size_t run = pos_;
    while (true) {
      // Unquoted, the value ends at white space or '>' (skip_plain stops at
      // both: blanks are control characters or the extra stop byte).
      pos_ = skip_plain(html_, pos_, quoted ? quote : ' ');
      if (pos_ >= html_.size()) return false;
      const char c = html_[pos_];
      if (quoted && c == quote) break;
      if (!quoted && (is_blank(c) || c == '>')) break;
      // libxml2's push parser looks ahead for the '>' ending a tag: a '>' in a
      // value is left to libxml2.
      if (c == '>') return false;
      const std::uint8_t kind = kByteClass[static_cast<unsigned char>(c)];
      if (kind == kPlain || kind == kEscaped) {
        ++pos_;
      } else if (kind == kMaybeNonCharacter) {
        if (!character_allowed()) return false;
        ++pos_;
      } else if (kind == kAmpersand) {
        values_.append(html_.substr(run, pos_ - run));
        if (!reference(values_)) return false;
        buffered = true;
        run = pos_;
      } else {
        return false;  // '<' or a control character
      }
    }
    if (!quoted) {
      // That look-ahead pairs quotes even in unquoted values, and an empty
      // unquoted value is an error libxml2 recovers from its own way: both left to it.
      if (pos_ == value_start) return false;
      for (std::size_t i = value_start; i < pos_; ++i) {
        const char c = html_[i];
        if (c == '"' || c == '\'' || c == '`' || c == '<') return false;
      }
    }
    if (buffered) {
      values_.append(html_.substr(run, pos_ - run));
      attribute.value = {buffered_start, values_.size() - buffered_start, true};
    } else {
      attribute.value = {value_start, pos_ - value_start, false};
    }
    if (!repeated) pending_.push_back(attribute);
    if (quoted) ++pos_;  // the closing quote
    return true;
  }

  // "<!--" at pos_: a comment, which libxml2 reads up to the first "-->" (or
  // "--!>") and, with no comment handler, drops. Anything else after "<!"
  // (doctypes, CDATA, bogus comments) is left to libxml2.
  bool comment() {
    if (html_.substr(pos_, 4) != "<!--") return false;
    const std::size_t content = pos_ + 4;
    const std::size_t end = html_.find("-->", content);
    if (end == std::string_view::npos) return false;
    if (html_.substr(content, end - content + 1).find("--!") != std::string_view::npos) return false;
    for (std::size_t i = content; i < end; ++i) {
      if (kByteClass[static_cast<unsigned char>(html_[i])] == kRefused) return false;
    }
    pos_ = end + 3;
    return true;
  }

  // The content of script or style, up to its end tag: reported, though the
  // writer drops it, so the events stay libxml2's.
  bool raw_text(const ElementKey& key) {
    const std::string_view name = key.name;
    const std::size_t end = html_.find('<', pos_);
    if (end == std::string_view::npos) return false;
    for (std::size_t i = pos_; i < end; ++i) {
      const std::uint8_t kind = kByteClass[static_cast<unsigned char>(html_[i])];
      if (kind == kRefused) return false;
      if (kind == kMaybeNonCharacter) {
        pos_ = i;
        if (!character_allowed()) return false;
      }
    }
    const std::string_view rest = html_.substr(end);
    if (!(rest.size() >= name.size() + 3 && rest.substr(0, 2) == "</" &&
          rest.substr(2, name.size()) == name && rest[2 + name.size()] == '>'))
      return false;
    if (end > pos_) writer_.text(html_.substr(pos_, end - pos_));
    writer_.end_current(key);
    pos_ = end + name.size() + 3;
    return true;
  }

  // "</name>" at pos_. libxml2 (htmlParseEndTag) ignores it unless an element
  // of that name is open; then it ends the elements above that one too,
  // unless one of them has a higher end priority, which makes it ignore the
  // end tag instead.
  bool end_tag() {
    pos_ += 2;  // "</"
    std::size_t element;
    if (!read_tag_name(element)) return false;
    while (pos_ < html_.size() && is_blank(html_[pos_])) ++pos_;
    if (pos_ >= html_.size() || html_[pos_] != '>') return false;
    ++pos_;
    // The innermost open element of that name, if any.
    std::size_t at = open_.size(), unknown_at = unknown_depth_;
    while (at > 0) {
      const std::size_t entry = open_[at - 1];
      if (entry == kUnknown) {
        --unknown_at;
        if (element == kUnknown && unknown_open_[unknown_at] == tag_) break;
      } else if (entry == element) {
        break;
      }
      --at;
    }
    if (at == 0) return true;  // not open: ignored
    const std::uint8_t rank = end_rank_of(element);
    for (std::size_t i = at; i < open_.size(); ++i) {
      if (end_rank_of(open_[i]) > rank) return true;  // ignored
    }
    while (open_.size() >= at) end_innermost();
    return true;
  }

  std::string_view html_;
  std::size_t pos_ = 0;
  SanitizeWriter& writer_;
  const Rules& rules_;
  // Indexes into kElementNames, innermost last; kUnknown for an element
  // libxml2 does not know, whose name is in unknown_open_.
  std::vector<std::size_t>& open_;
  std::vector<std::string>& unknown_open_;  // strings kept (and their storage reused) past unknown_depth_
  std::size_t unknown_depth_ = 0;
  std::string& tag_;
  std::string& decoded_;
  std::string& attribute_names_;  // names that had uppercase letters, lowercased, back to back
  std::string& values_;           // values that held references, decoded, back to back
  std::vector<PendingAttribute>& pending_;
  std::vector<HtmlAttribute>& attributes_;
};

}  // namespace

std::optional<std::string> sanitize_simple_html(std::string_view html, const SanitizeOptions& options) {
  SanitizeWriter writer(options);
  writer.reserve(html.size());
  static thread_local ScannerBuffers buffers;
  Scanner scanner(html, writer, buffers);
  if (!scanner.run()) return std::nullopt;
  return writer.finish();
}

}  // namespace feeds::detail
