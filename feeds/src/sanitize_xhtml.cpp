// Atom's type="xhtml" content arrives as a tree, pugixml's. The general path
// serialises that tree (xhtml_markup) and sanitises the markup, which reads
// every byte twice more; on the feed corpus that was 9 % of a whole parse for
// a tenth of its bytes. This walks the tree instead and reports to the
// sanitiser's writer the events the fast scanner (sanitize_fast.cpp) reports
// for that serialisation, so the output is the same bytes. Wherever the
// scanner would decline the serialisation, this declines too, and the caller
// takes the general path.
//
// What the serialisation is, and so what is accepted:
// - text: xhtml_markup and pugixml escape '&', '<', '>' (and at the top '"'),
//   which the scanner decodes back, so the writer sees the text as it is;
//   C0 controls but tab and line feed (carriage return included), and
//   U+FFFE/U+FFFF, make the scanner decline;
// - elements: <name a="v">...</name>, or <name/> without children; a leading
//   "xhtml:" or "html:" is taken off; the name must then be one of
//   kElementNames in any ASCII case, made of letters and digits. Declined as the
//   scanner declines them: a start tag libxml2 would end the open element for,
//   more than kMaxDepth levels, an empty element (<br>) with children;
//   script and style only empty or holding one text node, named in lowercase;
// - attributes: pugixml escapes '&', '<', '"' and C0 controls, which the
//   scanner decodes back, except that it declines a '>' (written as is) and
//   references to controls other than tab, line feed and carriage return;
//   names must be what the scanner reads as one (letters, digits, "-_:."),
//   60 bytes at most, and distinct once lowercased;
// - CDATA sections are written as such below the top, which the scanner
//   declines; at the top xhtml_markup writes them as text. Comments and
//   processing instructions are not in the tree (pugixml's default options).
// tests/feeds_text/xhtml_tree_test.cpp and tests/fuzz/sanitize_fuzz.cpp check
// that whenever this accepts, the output equals the general path's.
#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "feeds/fast_paths.h"
#include "parse_state.h"
#include "sanitize_parsers.h"
#include "sanitize_rules.h"
#include "sanitize_writer.h"
#include "sse2.h"
#include "utf8.h"
#include "xml_repair.h"
#include "xml_scope.h"

namespace feeds::detail {
namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// What a text node or an attribute value holds, as far as the scanner cares.
struct TextCheck {
  bool passes = true;   // the scanner passes it on (see the list at the top)
  bool markup = false;  // holds '&', '<' or '>', which the writer escapes
};

// The bytes the scalar tail looks at, as bits; or-ed together over the tail.
enum : std::uint8_t { kRefused = 1, kCarriageReturn = 2, kLeadEF = 4, kGreater = 8, kMarkup = 16 };
constexpr std::array<std::uint8_t, 256> kByteBits = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<std::size_t>(c)] = kRefused;
  table['\t'] = 0;
  table['\n'] = 0;
  table['\r'] = kCarriageReturn;
  table[0xEF] = kLeadEF;
  table['>'] = kGreater | kMarkup;
  table['&'] = kMarkup;
  table['<'] = kMarkup;
  return table;
}();

// U+FFFE or U+FFFF (EF BF BE, EF BF BF) somewhere in `text`.
bool has_non_character(std::string_view text) {
  for (std::size_t at = text.find('\xEF'); at != std::string_view::npos; at = text.find('\xEF', at + 1)) {
    if (at + 2 < text.size() && text[at + 1] == '\xBF' && (text[at + 2] == '\xBE' || text[at + 2] == '\xBF'))
      return true;
  }
  return false;
}

// One pass over the text, sixteen bytes at a time, every kind of byte that
// matters collected without a branch; the rare ones looked at afterwards.
// Carriage return is written raw in text (the scanner refuses it) but as
// &#13; in values (decoded); '>' is escaped in text but written raw in
// values, where the scanner leaves it to libxml2.
TextCheck check_text(std::string_view text, bool in_attribute) {
  std::uint8_t seen = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i last_control = _mm_set1_epi8(0x1F);
  __m128i refused = _mm_setzero_si128(), carriage_return = refused, lead_ef = refused, greater = refused,
          markup = refused;
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = sse2::load(text.data() + i);
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, last_control), bytes);  // byte <= 0x1F
    const __m128i return_byte = sse2::equal(bytes, '\r');
    const __m128i fine =
        _mm_or_si128(_mm_or_si128(sse2::equal(bytes, '\t'), sse2::equal(bytes, '\n')), return_byte);
    refused = _mm_or_si128(refused, _mm_andnot_si128(fine, control));
    carriage_return = _mm_or_si128(carriage_return, return_byte);
    lead_ef = _mm_or_si128(lead_ef, sse2::equal(bytes, '\xEF'));
    greater = _mm_or_si128(greater, sse2::equal(bytes, '>'));
    markup = _mm_or_si128(markup, _mm_or_si128(sse2::equal(bytes, '&'), sse2::equal(bytes, '<')));
  }
  if (sse2::bits(refused)) seen |= kRefused;
  if (sse2::bits(carriage_return)) seen |= kCarriageReturn;
  if (sse2::bits(lead_ef)) seen |= kLeadEF;
  if (sse2::bits(greater)) seen |= kGreater | kMarkup;
  if (sse2::bits(markup)) seen |= kMarkup;
#endif
  for (; i < text.size(); ++i) seen |= kByteBits[static_cast<unsigned char>(text[i])];
  const std::uint8_t refuse = in_attribute ? (kRefused | kGreater) : (kRefused | kCarriageReturn);
  TextCheck check;
  check.passes = (seen & refuse) == 0 && ((seen & kLeadEF) == 0 || !has_non_character(text));
  check.markup = (seen & kMarkup) != 0;
  return check;
}

// An attribute name as the scanner reads one: a letter, then letters, digits and "-_:.".
bool scanner_attribute_name(std::string_view name) {
  if (name.empty() || name.size() > 60 || !is_letter(name[0])) return false;
  for (char c : name) {
    if (!(is_letter(c) || is_digit(c) || c == '-' || c == '_' || c == ':' || c == '.')) return false;
  }
  return true;
}

class TreeWalker {
 public:
  explicit TreeWalker(SanitizeWriter& writer) : writer_(writer), rules_(rules()) {}

  bool run(pugi::xml_node content) {
    writer_.start("newsd-sanitized", {});  // the scanner's wrapper, the same events
    return children(content, /*top=*/true);
  }

 private:
  bool children(pugi::xml_node parent, bool top) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
      switch (child.type()) {
        case pugi::node_pcdata:
          if (!text(child.value())) return false;
          break;
        case pugi::node_cdata:
          if (!top || !text(child.value())) return false;
          break;
        case pugi::node_element:
          if (!element(child)) return false;
          break;
        default:
          if (!top) return false;  // written by pugixml below the top, dropped at it
          break;
      }
    }
    return true;
  }

  bool text(std::string_view value) {
    const TextCheck check = check_text(value, false);
    if (!check.passes) return false;
    if (check.markup)
      writer_.text(value);
    else
      writer_.text_without_markup_characters(value);
    return true;
  }

  bool element(pugi::xml_node node) {
    std::string_view name = node.name();
    if (name.starts_with("xhtml:")) name.remove_prefix(6);
    if (name.starts_with("html:")) name.remove_prefix(5);
    if (name.empty() || name.size() > kLongestPackedName || !is_letter(name[0])) return false;
    char lowered[kLongestPackedName];
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (!is_letter(name[i]) && !is_digit(name[i])) return false;
      lowered[i] = lower(name[i]);
    }
    const std::size_t element = kElementIndex.find(std::string_view(lowered, name.size()));
    if (element == kElementCount) return false;
    if (!open_.empty() && rules_.closes[element][open_.back()]) return false;
    if (open_.size() >= kMaxDepth) return false;
    if (!attributes(node)) return false;

    const ElementKey& key = rules_.keys[element];
    writer_.start(key, attributes_);
    const pugi::xml_node first = node.first_child();
    if (!first || rules_.empty[element]) {
      if (first) return false;  // <br>text</br>: its end tag would end nothing
      writer_.end_current(key);
      return true;
    }
    if (rules_.raw_text[element]) return raw_text(node, name, key);
    open_.push_back(element);
    if (!children(node, false)) return false;
    open_.pop_back();
    writer_.end_current(key);
    return true;
  }

  // Script or style with children: the scanner reads their content raw, up
  // to the first '<', which must start its lowercase end tag. In the
  // serialisation that holds when the content is one text node ('<' in it is
  // escaped); the scanner then reports that text as written, escapes and all
  // (the writer drops it, but the events stay the same).
  bool raw_text(pugi::xml_node node, std::string_view name, const ElementKey& key) {
    const pugi::xml_node only = node.first_child();
    if (only.next_sibling() || only.type() != pugi::node_pcdata) return false;
    if (name != key.name) return false;  // </SCRIPT> does not end it for the scanner
    const std::string_view value = only.value();
    const TextCheck check = check_text(value, false);
    if (!check.passes) return false;
    if (!check.markup) {
      writer_.text(value);
    } else {
      escaped_.clear();
      for (char c : value) {
        if (c == '&')
          escaped_ += "&amp;";
        else if (c == '<')
          escaped_ += "&lt;";
        else if (c == '>')
          escaped_ += "&gt;";
        else
          escaped_ += c;
      }
      writer_.text(escaped_);
    }
    writer_.end_current(key);
    return true;
  }

  // The element's attributes, names lowercased, into attributes_.
  bool attributes(pugi::xml_node node) {
    attributes_.clear();
    names_.clear();
    offsets_.clear();
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
         attribute = attribute.next_attribute()) {
      const std::string_view name = attribute.name();
      const std::string_view value = attribute.value();
      if (!scanner_attribute_name(name) || !check_text(value, true).passes) return false;
      bool upper = false;
      for (char c : name) upper |= c >= 'A' && c <= 'Z';
      if (upper) {
        offsets_.push_back(names_.size());
        for (char c : name) names_ += lower(c);
      } else {
        offsets_.push_back(kInPlace);
      }
      attributes_.push_back({name, value});
    }
    // Views of the lowered names once names_ stopped growing.
    for (std::size_t i = 0; i < attributes_.size(); ++i) {
      if (offsets_[i] != kInPlace)
        attributes_[i].name = std::string_view(names_).substr(offsets_[i], attributes_[i].name.size());
      for (std::size_t j = 0; j < i; ++j) {
        if (attributes_[j].name == attributes_[i].name)
          return false;  // libxml2 drops one; the scanner declines
      }
    }
    return true;
  }

  static constexpr std::size_t kInPlace = static_cast<std::size_t>(-1);
  SanitizeWriter& writer_;
  const Rules& rules_;
  std::vector<std::size_t> open_;  // indexes into kElementNames, innermost last
  std::vector<HtmlAttribute> attributes_;
  std::vector<std::size_t> offsets_;  // where each lowered name is in names_, or kInPlace
  std::string names_;
  std::string escaped_;  // script or style text as pugixml writes it
};

}  // namespace

std::optional<std::string> sanitize_xhtml_tree(pugi::xml_node content, const SanitizeOptions& options) {
  SanitizeWriter writer(options);
  writer.reserve(4096);
  TreeWalker walker(writer);
  if (!walker.run(content)) return std::nullopt;
  return writer.finish();
}

}  // namespace feeds::detail

namespace feeds::fast_paths {

namespace {

// The root's children of `xml` as content, when pugixml reads it and its text is
// valid UTF-8 (as parse_feed requires before it takes the walker).
pugi::xml_node xhtml_content(std::string_view xml, pugi::xml_document& document) {
  if (!utf8::is_valid(xml) || detail::scan_xml(xml).unsafe_character_references != 0) return {};
  if (!document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return {};
  return document.document_element();
}

}  // namespace

std::optional<std::string> sanitize_xhtml_tree(std::string_view xml, const SanitizeOptions& options) {
  pugi::xml_document document;
  const pugi::xml_node content = xhtml_content(xml, document);
  if (!content) return std::nullopt;
  auto out = detail::sanitize_xhtml_tree(content, options);
  if (!out) return std::nullopt;
  return detail::trim_sanitized(*std::move(out));
}

std::optional<std::string> sanitize_xhtml_markup(std::string_view xml, const SanitizeOptions& options) {
  pugi::xml_document document;
  const pugi::xml_node content = xhtml_content(xml, document);
  if (!content) return std::nullopt;
  return detail::sanitize_markup(detail::xhtml_markup(content), options, /*valid_utf8=*/true);
}

}  // namespace feeds::fast_paths
