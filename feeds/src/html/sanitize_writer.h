#pragma once
// Private: the sanitiser's allow-list and serialiser. A parser (libxml2's SAX
// interface, or the fast scanner for simple fragments) reports start tags,
// end tags and text; the writer keeps what the allow-list allows, rewrites
// URLs, escapes everything and balances the tags. Its output is safe whatever
// events it is given, so both parsers share one definition of "safe".
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/sanitize.h"
#include "url/url_resolver.h"

namespace feeds::detail {

struct ElementRule;  // the allow-list's entry for an element (sanitize_writer.cpp)

// An element name with what the allow-list says of it, looked up once: a
// parser that knows its elements ahead (the fast scanner) keeps one per
// element instead of having every start tag looked up again.
struct ElementKey {
  std::string_view name;              // lowercase; must outlive the key
  const ElementRule* rule = nullptr;  // null: not in the allow-list (unwrapped)
  bool is_void = false;               // no content and no end tag (<br>, <img>): never pushed
};

struct HtmlAttribute {
  std::string_view name;   // lowercase, as the HTML parser reports it
  std::string_view value;  // character references already decoded
};

class SanitizeWriter {
 public:
  explicit SanitizeWriter(const SanitizeOptions& options);
  // Open elements keep views of the writer's own strings: it stays where it was made.
  SanitizeWriter(const SanitizeWriter&) = delete;
  SanitizeWriter& operator=(const SanitizeWriter&) = delete;

  void reserve(std::size_t input_size);
  static ElementKey key_for(std::string_view name);
  // Text as text() writes it.
  static std::string escape_text(std::string_view text);

  // The first start() is the parser's wrapper element: tracked, never written.
  void start(const ElementKey& key, std::span<const HtmlAttribute> attributes);
  void start(std::string_view name, std::span<const HtmlAttribute> attributes) {
    start(key_for(name), attributes);
  }
  void end(std::string_view name);
  // For a parser whose elements always nest (the fast scanner): ends `key`,
  // which must be the element started last and not yet ended.
  void end_current(const ElementKey& key);
  void text(std::string_view content);
  // Text the caller has checked holds no '&', '<' or '>': nothing to escape,
  // so it is appended as it is (the fast scanner's runs of text).
  void text_without_markup_characters(std::string_view content) {
    if (skipping_ == 0) out_.append(content);
  }
  std::string finish();

 private:
  struct Open {
    // The allow-list's own name for elements it knows, else a copy kept in
    // unknown_names_: no string is built per element (measured, 1 % of a feed parse).
    std::string_view name;
    std::string_view end_tag;  // "</name>" when emitted
    bool emitted;
    bool drops_content;
  };
  std::string_view stable_name(const ElementKey& key);

  void close_top();
  const UrlResolver& resolver() const;
  bool write_start_tag(const ElementRule& rule, std::span<const HtmlAttribute> attributes, bool is_void);

  const SanitizeOptions& options_;
  std::string out_;
  std::string url_;  // the URL attribute being written, reused across attributes
  mutable const UrlResolver* resolver_ = nullptr;
  std::vector<Open> stack_;
  // Each name in its own allocation, so views stay valid as the vector grows
  // (a std::deque would allocate even when, as usual, nothing is unknown).
  std::vector<std::unique_ptr<const std::string>> unknown_names_;
  std::string wrapper_name_;  // the parser's wrapper element (usually short enough to need no allocation)
  int skipping_ = 0;
  std::size_t emitted_depth_ = 0;
  bool wrapper_seen_ = false;
};

}  // namespace feeds::detail
