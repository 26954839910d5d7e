// SanitizeWriter: the allow-list (which elements and attributes survive, which
// URL schemes), URL rewriting and escaping, fed by either HTML parser.
#include "html/sanitize_writer.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <optional>

#include "common/ascii.h"
#include "common/sse2.h"
#include "common/utf8.h"
#include "html/name_index.h"
#include "url/url_fast.h"

namespace feeds::detail {

namespace {

// Attributes that may survive, as bits so each element lists its own.
enum Attr : std::uint32_t {
  kHref = 1u << 0,
  kSrc = 1u << 1,
  kSrcset = 1u << 2,
  kAlt = 1u << 3,
  kTitle = 1u << 4,
  kWidth = 1u << 5,
  kHeight = 1u << 6,
  kColspan = 1u << 7,
  kRowspan = 1u << 8,
  kDatetime = 1u << 9,
  kCite = 1u << 10,
  kLang = 1u << 11,
  kDir = 1u << 12,
  kStart = 1u << 13,
  kSpan = 1u << 14,
  kType = 1u << 15,
  kMedia = 1u << 16,
  kSizes = 1u << 17,
  kReversed = 1u << 18,
  kScope = 1u << 19,
};
constexpr std::uint32_t kGlobal = kTitle | kLang | kDir;

struct AttributeName {
  std::string_view name;
  Attr bit;
};
constexpr AttributeName kAttributes[] = {
    // sorted by name
    {"alt", kAlt},     {"cite", kCite},         {"colspan", kColspan}, {"datetime", kDatetime},
    {"dir", kDir},     {"height", kHeight},     {"href", kHref},       {"lang", kLang},
    {"media", kMedia}, {"reversed", kReversed}, {"rowspan", kRowspan}, {"scope", kScope},
    {"sizes", kSizes}, {"span", kSpan},         {"src", kSrc},         {"srcset", kSrcset},
    {"start", kStart}, {"title", kTitle},       {"type", kType},       {"width", kWidth},
};

}  // namespace

enum class Kind : std::uint8_t {
  allowed,        // kept with its allowed attributes
  allowed_void,   // kept, has no content or end tag
  image,          // img/source: kept only when keep_images (void)
  image_wrapper,  // picture/figure/figcaption: kept when keep_images, else unwrapped
  dropped,        // removed together with everything inside it
};

struct ElementRule {
  std::string_view name;
  Kind kind;
  std::uint32_t attributes;
};

namespace {

constexpr ElementRule kElements[] = {
    // sorted by name; anything absent is unwrapped
    {"a", Kind::allowed, kGlobal | kHref},
    {"abbr", Kind::allowed, kGlobal},
    {"address", Kind::allowed, kGlobal},
    {"applet", Kind::dropped, 0},
    {"article", Kind::allowed, kGlobal},
    {"aside", Kind::allowed, kGlobal},
    {"b", Kind::allowed, kGlobal},
    {"bdi", Kind::allowed, kGlobal},
    {"bdo", Kind::allowed, kGlobal},
    {"blockquote", Kind::allowed, kGlobal | kCite},
    {"br", Kind::allowed_void, 0},
    {"button", Kind::dropped, 0},
    {"caption", Kind::allowed, kGlobal},
    {"cite", Kind::allowed, kGlobal},
    {"code", Kind::allowed, kGlobal},
    {"col", Kind::allowed_void, kSpan | kWidth},
    {"colgroup", Kind::allowed, kSpan | kWidth},
    {"datalist", Kind::dropped, 0},
    {"dd", Kind::allowed, kGlobal},
    {"del", Kind::allowed, kGlobal | kCite | kDatetime},
    {"details", Kind::allowed, kGlobal},
    {"dfn", Kind::allowed, kGlobal},
    {"dialog", Kind::dropped, 0},
    {"div", Kind::allowed, kGlobal},
    {"dl", Kind::allowed, kGlobal},
    {"dt", Kind::allowed, kGlobal},
    {"em", Kind::allowed, kGlobal},
    {"embed", Kind::dropped, 0},
    {"fieldset", Kind::dropped, 0},
    {"figcaption", Kind::image_wrapper, kGlobal},
    {"figure", Kind::image_wrapper, kGlobal},
    {"form", Kind::dropped, 0},
    {"frame", Kind::dropped, 0},
    {"frameset", Kind::dropped, 0},
    {"h1", Kind::allowed, kGlobal},
    {"h2", Kind::allowed, kGlobal},
    {"h3", Kind::allowed, kGlobal},
    {"h4", Kind::allowed, kGlobal},
    {"h5", Kind::allowed, kGlobal},
    {"h6", Kind::allowed, kGlobal},
    {"head", Kind::dropped, 0},
    {"hr", Kind::allowed_void, 0},
    {"i", Kind::allowed, kGlobal},
    {"iframe", Kind::dropped, 0},
    {"img", Kind::image, kGlobal | kSrc | kSrcset | kAlt | kWidth | kHeight | kSizes},
    {"input", Kind::dropped, 0},
    {"ins", Kind::allowed, kGlobal | kCite | kDatetime},
    {"kbd", Kind::allowed, kGlobal},
    {"li", Kind::allowed, kGlobal},
    {"map", Kind::dropped, 0},
    {"mark", Kind::allowed, kGlobal},
    {"math", Kind::dropped, 0},
    {"noembed", Kind::dropped, 0},
    {"noframes", Kind::dropped, 0},
    {"noscript", Kind::dropped, 0},
    {"object", Kind::dropped, 0},
    {"ol", Kind::allowed, kGlobal | kStart | kReversed},
    {"optgroup", Kind::dropped, 0},
    {"option", Kind::dropped, 0},
    {"p", Kind::allowed, kGlobal},
    {"picture", Kind::image_wrapper, 0},
    {"plaintext", Kind::dropped, 0},
    {"pre", Kind::allowed, kGlobal},
    {"q", Kind::allowed, kGlobal | kCite},
    {"rp", Kind::allowed, 0},
    {"rt", Kind::allowed, 0},
    {"ruby", Kind::allowed, kGlobal},
    {"s", Kind::allowed, kGlobal},
    {"samp", Kind::allowed, kGlobal},
    {"script", Kind::dropped, 0},
    {"section", Kind::allowed, kGlobal},
    {"select", Kind::dropped, 0},
    {"small", Kind::allowed, kGlobal},
    {"source", Kind::image, kSrc | kSrcset | kType | kMedia | kSizes},
    {"span", Kind::allowed, kGlobal},
    {"strike", Kind::allowed, kGlobal},
    {"strong", Kind::allowed, kGlobal},
    {"style", Kind::dropped, 0},
    {"sub", Kind::allowed, kGlobal},
    {"summary", Kind::allowed, kGlobal},
    {"sup", Kind::allowed, kGlobal},
    {"svg", Kind::dropped, 0},
    {"table", Kind::allowed, kGlobal},
    {"tbody", Kind::allowed, 0},
    {"td", Kind::allowed, kGlobal | kColspan | kRowspan},
    {"template", Kind::dropped, 0},
    {"textarea", Kind::dropped, 0},
    {"tfoot", Kind::allowed, 0},
    {"th", Kind::allowed, kGlobal | kColspan | kRowspan | kScope},
    {"thead", Kind::allowed, 0},
    {"time", Kind::allowed, kGlobal | kDatetime},
    {"title", Kind::dropped, 0},
    {"tr", Kind::allowed, 0},
    {"u", Kind::allowed, kGlobal},
    {"ul", Kind::allowed, kGlobal},
    {"var", Kind::allowed, kGlobal},
    {"wbr", Kind::allowed_void, 0},
    {"xmp", Kind::dropped, 0},
};

template <typename T, std::size_t N>
constexpr bool sorted_by_name(const T (&table)[N]) {
  for (std::size_t i = 1; i < N; ++i) {
    if (!(table[i - 1].name < table[i].name)) return false;
  }
  return true;
}
static_assert(sorted_by_name(kElements), "kElements must stay sorted");
static_assert(sorted_by_name(kAttributes), "kAttributes must stay sorted");

constexpr auto kElementIndex = index_names(kElements);
constexpr auto kAttributeIndex = index_names(kAttributes);

template <typename T, std::size_t N, typename Index>
const T* find_by_name(const T (&table)[N], const Index& index, std::string_view name) {
  const std::size_t found = index.find(name);
  return found == N ? nullptr : &table[found];
}

// Elements the HTML parsers close themselves: no end tag in the output.
constexpr std::string_view kVoidNames[] = {"br",    "hr",    "img",    "source",   "wbr",   "col",
                                           "meta",  "link",  "input",  "area",     "base",  "param",
                                           "track", "embed", "keygen", "basefont", "frame", "isindex"};
constexpr auto kVoidIndex = index_names(kVoidNames);

constexpr bool is_void_name(std::string_view name) {
  return kVoidIndex.find(name) != std::size(kVoidNames);
}

// Start tags without attributes and all end tags, written in one piece: most
// elements of feed HTML have no attributes, and four appends per tag (with a
// name comparison or two) were a tenth of the sanitiser's instructions.
struct Tag {
  std::array<char, 32> bytes{};
  std::uint8_t size = 0;
  constexpr void append(std::string_view text) {
    for (char c : text) bytes[size++] = c;
  }
  [[nodiscard]] constexpr std::string_view view() const { return {bytes.data(), size}; }
};

struct ElementTags {
  Tag bare_start;  // what write_start_tag writes when no attribute survives
  Tag end;
};

constexpr bool is_void_rule(const ElementRule& rule) {
  return is_void_name(rule.name) || rule.kind == Kind::allowed_void || rule.kind == Kind::image;
}

constexpr auto kTags = [] {
  std::array<ElementTags, std::size(kElements)> tags{};
  for (std::size_t i = 0; i < std::size(kElements); ++i) {
    const ElementRule& rule = kElements[i];
    tags[i].bare_start.append("<");
    tags[i].bare_start.append(rule.name);
    if (rule.name == "a") tags[i].bare_start.append(" rel=\"noopener noreferrer\"");
    tags[i].bare_start.append(is_void_rule(rule) ? "/>" : ">");
    tags[i].end.append("</");
    tags[i].end.append(rule.name);
    tags[i].end.append(">");
  }
  return tags;
}();

const ElementTags& tags_of(const ElementRule& rule) {
  return kTags[static_cast<std::size_t>(&rule - kElements)];
}

// Which bytes need escaping: & < > everywhere, '"' inside attribute values.
constexpr std::array<std::uint8_t, 256> make_escape_table() {
  std::array<std::uint8_t, 256> table{};
  table['&'] = 1;
  table['<'] = 1;
  table['>'] = 1;
  table['"'] = 2;
  return table;
}
constexpr std::array<std::uint8_t, 256> kEscape = make_escape_table();

// Escapes the characters that end text (&, <, >) and, inside attribute values,
// '"'. Runs of ordinary bytes are appended in one piece: text is most of the
// output, and a per-character switch here was 7 % of a whole feed parse.
void append_escaped(std::string& out, std::string_view text, bool in_attribute) {
  const std::uint8_t mask = in_attribute ? 3 : 1;
  const char* run = text.data();
  const char* const end = text.data() + text.size();
  const char* p = run;
#if NEWSD_USE_SSE2
  // Most values (URLs, alt text) hold nothing to escape: skip sixteen bytes at a time.
  {
    const __m128i ampersand = _mm_set1_epi8('&'), less = _mm_set1_epi8('<'), greater = _mm_set1_epi8('>');
    const __m128i quote = _mm_set1_epi8(in_attribute ? '"' : '&');
    while (end - p >= 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hits =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, ampersand), _mm_cmpeq_epi8(bytes, less)),
                       _mm_or_si128(_mm_cmpeq_epi8(bytes, greater), _mm_cmpeq_epi8(bytes, quote)));
      if (_mm_movemask_epi8(hits) != 0) break;
      p += 16;
    }
  }
#endif
  for (; p != end; ++p) {
    if ((kEscape[static_cast<unsigned char>(*p)] & mask) == 0) continue;
    out.append(run, static_cast<std::size_t>(p - run));
    switch (*p) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      default:
        out.append("&quot;");
        break;
    }
    run = p + 1;
  }
  out.append(run, static_cast<std::size_t>(end - run));
}

using ascii::lower;

// What a browser would see as the URL: C0 controls and spaces trimmed, tabs
// and newlines removed anywhere (so "java\tscript:" is caught). Returns a view
// of `value` when there is nothing to remove inside, else of `storage`.
std::string_view clean_url(std::string_view value, std::string& storage) {
  while (!value.empty() && static_cast<unsigned char>(value.front()) <= 0x20) value.remove_prefix(1);
  while (!value.empty() && static_cast<unsigned char>(value.back()) <= 0x20) value.remove_suffix(1);
  // A plain loop: find_first_of with a set of characters calls memchr once per
  // byte of the URL, which was 4 % of a whole feed parse.
  bool inner_blank = false;
  for (char c : value) inner_blank |= (c == '\t' || c == '\n' || c == '\r');
  if (!inner_blank) return value;
  storage.clear();
  for (char c : value) {
    if (c != '\t' && c != '\n' && c != '\r') storage += c;
  }
  return storage;
}

// The lowercased scheme, or "" for a relative reference.
std::string url_scheme(std::string_view url) {
  // The scheme ends at the first ':' before any '/', '?' or '#'.
  std::size_t colon = 0;
  while (colon < url.size() && url[colon] != ':' && url[colon] != '/' && url[colon] != '?' &&
         url[colon] != '#')
    ++colon;
  if (colon == url.size() || url[colon] != ':' || colon == 0) return {};
  std::string scheme;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = lower(url[i]);
    bool ok =
        (c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
    scheme += c;
  }
  return scheme;
}

bool is_safe_data_image(std::string_view url) {
  std::string head;
  for (char c : url.substr(0, 24)) head += lower(c);
  for (std::string_view type : {"data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif",
                                "data:image/webp", "data:image/avif", "data:image/bmp"}) {
    if (std::string_view(head).starts_with(type) && head.size() > type.size() &&
        (head[type.size()] == ';' || head[type.size()] == ',')) {
      return true;
    }
  }
  return false;
}

// Deeper nesting than this is never meaningful in an article.
constexpr std::size_t kMaxDepth = 256;

// Appends a URL attribute value made absolute to `out`; false (and `out`
// untouched) when its scheme is not allowed. Appending to a buffer the writer
// reuses saves an allocation per link and image.
bool append_safe_url(const SanitizeOptions& options, const UrlResolver& resolver, std::string_view raw,
                     bool image_source, bool link, std::string& out) {
  // Most values are already clean http(s) URLs or "/path" references: taken in
  // one pass, with the same result as the general steps below (no blanks to
  // trim, an allowed scheme, nothing to normalise).
  if (detail::append_clean_url(resolver.clean_base(), raw, out)) return true;
  std::string storage;
  const std::string_view url = clean_url(raw, storage);
  const std::string scheme = url_scheme(url);
  if (scheme.empty()) {
    if (url.empty() && !link) return false;
    if (options.base_url.empty()) {
      out += url;
      return true;
    }
    return resolver.resolve_append(url, out);
  }
  bool allowed = scheme == "http" || scheme == "https";
  if (link) allowed = allowed || scheme == "mailto" || scheme == "tel" || scheme == "ftp";
  if (scheme == "data" && image_source && options.keep_images && is_safe_data_image(url)) {
    out += url;
    return true;
  }
  return allowed && resolver.resolve_append(url, out);
}

// srcset: "url descriptor, url descriptor"; each candidate checked like src.
std::string safe_srcset(const SanitizeOptions& options, const UrlResolver& resolver, std::string_view raw) {
  std::string out;
  std::size_t pos = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (pos < raw.size()) {
    while (pos < raw.size() && (is_space(raw[pos]) || raw[pos] == ',')) ++pos;
    std::size_t url_start = pos;
    while (pos < raw.size() && !is_space(raw[pos])) ++pos;
    std::string_view candidate_url = raw.substr(url_start, pos - url_start);
    std::string_view descriptor;
    if (candidate_url.ends_with(',')) {
      while (candidate_url.ends_with(',')) candidate_url.remove_suffix(1);
    } else {
      std::size_t descriptor_start = pos;
      while (pos < raw.size() && raw[pos] != ',') ++pos;
      descriptor = raw.substr(descriptor_start, pos - descriptor_start);
      while (!descriptor.empty() && is_space(descriptor.front())) descriptor.remove_prefix(1);
      while (!descriptor.empty() && is_space(descriptor.back())) descriptor.remove_suffix(1);
    }
    if (candidate_url.empty()) continue;
    std::string url;
    if (!append_safe_url(options, resolver, candidate_url, true, false, url) || url.empty()) continue;
    if (!out.empty()) out += ", ";
    out += url;
    if (!descriptor.empty()) {
      out += ' ';
      out += descriptor;
    }
  }
  return out;
}

}  // namespace

SanitizeWriter::SanitizeWriter(const SanitizeOptions& options) : options_(options) {}

// Looked up once per fragment (comparing the base with the cached ones for
// every link was itself measurable); nothing else asks for a resolver while
// a fragment is written, so the reference stays valid.
const UrlResolver& SanitizeWriter::resolver() const {
  if (resolver_ == nullptr) resolver_ = &cached_resolver(options_.base_url);
  return *resolver_;
}

void SanitizeWriter::reserve(std::size_t input_size) {
  out_.reserve(input_size + input_size / 8 + 64);
  stack_.reserve(16);
}

ElementKey SanitizeWriter::key_for(std::string_view name) {
  const ElementRule* rule = find_by_name(kElements, kElementIndex, name);
  return {name, rule, rule != nullptr ? is_void_rule(*rule) : is_void_name(name)};
}

std::string SanitizeWriter::escape_text(std::string_view text) {
  std::string out;
  append_escaped(out, text, false);
  return out;
}

std::string_view SanitizeWriter::stable_name(const ElementKey& key) {
  if (key.rule != nullptr) return key.rule->name;
  return *unknown_names_.emplace_back(std::make_unique<const std::string>(key.name));
}

void SanitizeWriter::start(const ElementKey& key, std::span<const HtmlAttribute> attributes) {
  const std::string_view name = key.name;
  if (!wrapper_seen_) {  // the parser's wrapper around the input
    wrapper_seen_ = true;
    wrapper_name_.assign(name);
    stack_.push_back({wrapper_name_, {}, false, false});
    return;
  }
  const ElementRule* rule = key.rule;
  const bool is_void = key.is_void;  // void elements are never pushed
  if (skipping_ > 0) {
    if (!is_void) stack_.push_back({stable_name(key), {}, false, false});
    return;
  }
  const Kind kind = rule != nullptr ? rule->kind : Kind::allowed;
  // The common case, in one append: a kept element without attributes.
  if (rule != nullptr && (kind == Kind::allowed || kind == Kind::allowed_void) && attributes.empty() &&
      (is_void || emitted_depth_ < kMaxDepth)) {
    const ElementTags& tags = tags_of(*rule);
    out_.append(tags.bare_start.view());
    if (!is_void) {
      ++emitted_depth_;
      stack_.push_back({rule->name, tags.end.view(), true, false});
    }
    return;
  }
  Open open{is_void ? name : stable_name(key), {}, false, false};
  bool keep = rule != nullptr;
  if (kind == Kind::dropped && is_void) return;  // <embed>, <input>: nothing inside to drop
  if (kind == Kind::dropped) {
    open.drops_content = true;
    ++skipping_;
    keep = false;
  } else if (kind == Kind::image || kind == Kind::image_wrapper) {
    keep = options_.keep_images;
    if (keep && name == "source")
      keep = !stack_.empty() && stack_.back().name == "picture" && stack_.back().emitted;
  }
  // Past kMaxDepth open elements, markup is unwrapped: the text stays, and
  // consumers that walk the result recursively stay safe.
  if (keep && emitted_depth_ >= kMaxDepth && !is_void) keep = false;
  if (keep) keep = write_start_tag(*rule, attributes, is_void);
  open.emitted = keep && !is_void;
  if (open.emitted) {
    ++emitted_depth_;
    open.end_tag = tags_of(*rule).end.view();
  }
  if (!is_void) stack_.push_back(open);
}

void SanitizeWriter::end(std::string_view name) {
  for (std::size_t i = stack_.size(); i-- > 0;) {
    if (!same_name(stack_[i].name, name)) continue;
    while (stack_.size() > i) close_top();
    return;
  }
}

void SanitizeWriter::end_current(const ElementKey& key) {
  if (key.is_void) return;  // never pushed
  assert(stack_.size() > 1 && same_name(stack_.back().name, key.name));
  close_top();
}

void SanitizeWriter::text(std::string_view content) {
  if (skipping_ == 0) append_escaped(out_, content, false);
}

std::string SanitizeWriter::finish() {
  while (!stack_.empty()) close_top();
  // Both parsers decode "&#146;" to U+0092; HTML5 reads it as
  // windows-1252's U+2019, and so does the plain-text path (text.cpp).
  utf8::map_c1_to_windows1252(out_);
  return std::move(out_);
}

void SanitizeWriter::close_top() {
  Open& top = stack_.back();
  if (top.drops_content) --skipping_;
  if (top.emitted) {
    --emitted_depth_;
    out_.append(top.end_tag);
  }
  stack_.pop_back();
}

// Writes the start tag; false when the element must go (an image without a usable source).
bool SanitizeWriter::write_start_tag(const ElementRule& rule, std::span<const HtmlAttribute> attributes,
                                     bool is_void) {
  const std::string_view name = rule.name;
  const std::uint32_t allowed = rule.attributes;
  std::size_t rollback = out_.size();
  out_ += '<';
  out_ += name;
  std::uint32_t written = 0;
  bool has_source = false;
  const bool is_image = rule.kind == Kind::image;
  for (const HtmlAttribute& attribute : attributes) {
    // Allowed names are at most 8 characters: longer ones are skipped unread.
    constexpr std::size_t kLongestAllowed = 8;
    if (attribute.name.size() > kLongestAllowed) continue;
    char lowered[kLongestAllowed];
    for (std::size_t i = 0; i < attribute.name.size(); ++i) lowered[i] = lower(attribute.name[i]);
    const std::string_view attribute_name(lowered, attribute.name.size());
    const AttributeName* known = find_by_name(kAttributes, kAttributeIndex, attribute_name);
    if (known == nullptr || (allowed & known->bit) == 0 || (written & known->bit) != 0) continue;
    std::string_view value = attribute.value;
    if (known->bit == kHref || known->bit == kSrc || known->bit == kCite) {
      // A clean URL (most of them) goes straight into the output: what
      // append_safe_url would give, without the copy and the escaping pass.
      const std::size_t mark = out_.size();
      out_ += ' ';
      out_ += attribute_name;
      out_ += "=\"";
      const std::size_t value_at = out_.size();
      if (detail::append_clean_url(resolver().clean_base(), value, out_)) {
        if (out_.find('&', value_at) != std::string::npos) {  // a query's separators: escaped
          url_.assign(out_, value_at);
          out_.resize(value_at);
          append_escaped(out_, url_, true);
        }
        out_ += '"';
        written |= known->bit;
        if (known->bit == kSrc) has_source = true;
        continue;
      }
      out_.resize(mark);
      url_.clear();
      if (!append_safe_url(options_, resolver(), value, known->bit == kSrc && is_image, known->bit == kHref,
                           url_))
        continue;
      value = url_;
      if (known->bit == kSrc) has_source = true;
    } else if (known->bit == kSrcset) {
      url_ = safe_srcset(options_, resolver(), value);
      if (url_.empty()) continue;
      value = url_;
      has_source = true;
    }
    written |= known->bit;
    out_ += ' ';
    out_ += attribute_name;
    out_ += "=\"";
    append_escaped(out_, value, true);
    out_ += '"';
  }
  if (is_image && !has_source) {
    out_.resize(rollback);
    return false;
  }
  if (name == "a") out_ += " rel=\"noopener noreferrer\"";
  out_ += is_void ? "/>" : ">";
  return true;
}

}  // namespace feeds::detail
