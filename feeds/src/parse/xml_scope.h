#pragma once
// Namespaces, xml:base and xml:lang for pugixml, which knows none of them.
// A Scope is built for each element visited, chained to its parent's, so
// prefixes resolve the XML way (nearest declaration wins).
#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "parse/parse_state.h"

namespace feeds::detail {

enum class Ns {
  none,
  rss2,
  atom10,
  atom03,
  rss10,
  rss090,
  rdf,
  content,
  dc,
  dcterms,
  media,
  itunes,
  slash,
  wfw,
  sy,
  xhtml,
  xml,
  feedburner,
  other
};

// Maps a namespace URI to a known namespace; near misses (https, missing
// trailing slash, other case) are accepted and reported through `near_miss`.
Ns namespace_from_uri(std::string_view uri, bool& near_miss);
// The namespace a conventional prefix ("media", "dc", ...) usually stands for.
Ns namespace_from_prefix(std::string_view prefix);

class Scope {
 public:
  // `parent` null for the root element; `document_base` is the first base.
  Scope(ParseState& state, const Scope* parent, pugi::xml_node element, std::string_view document_base = {});
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  [[nodiscard]] pugi::xml_node node() const { return node_; }
  [[nodiscard]] Ns ns() const { return ns_; }
  [[nodiscard]] std::string_view local() const { return local_; }
  [[nodiscard]] bool is(Ns ns, std::string_view local) const { return ns_ == ns && iequals(local_, local); }
  [[nodiscard]] bool named(std::string_view local) const { return iequals(local_, local); }
  // The base in effect: the nearest xml:base (resolved), else the document URL.
  [[nodiscard]] const std::string& base() const { return *base_; }
  [[nodiscard]] bool has_xml_base() const { return has_xml_base_; }
  [[nodiscard]] std::string_view lang() const { return lang_; }
  [[nodiscard]] ParseState& state() const { return state_; }

  [[nodiscard]] std::string_view attribute(std::string_view name) const;

 private:
  [[nodiscard]] Ns resolve_prefix(std::string_view prefix) const;
  [[nodiscard]] bool find_declaration(std::string_view prefix, Ns& out) const;
  [[nodiscard]] bool own_declaration(std::string_view prefix, Ns& out) const;

  ParseState& state_;
  const Scope* parent_;
  pugi::xml_node node_;
  Ns ns_ = Ns::none;
  std::string_view local_;
  std::string own_base_;
  const std::string* base_;
  bool has_xml_base_ = false;
  std::string_view lang_;
  bool declares_ = false;  // carries xmlns attributes
  // Prefixes already resolved at this element, for its children: every
  // element of a feed resolves its prefix, and walking up to the root's
  // declarations each time was 4 % of a parse.
  struct Resolved {
    std::string_view prefix;
    Ns ns = Ns::none;
    bool found = false;
  };
  mutable std::array<Resolved, 4> resolved_{};
  mutable std::uint8_t resolved_count_ = 0;
};

// Text content of an element: its text and CDATA children concatenated
// (markup children ignored).
std::string element_text(pugi::xml_node node);
// The same text without a copy when the element has a single text or CDATA
// child (the usual <content:encoded><![CDATA[...]]>); else it is built in
// `storage`. The view lives as long as the document and `storage`.
std::string_view element_text_view(pugi::xml_node node, std::string& storage);

// An element's text where a view will do: in place when the element holds a
// single text node (nearly always), else joined into its own storage. Made
// and used within one expression, as the string element_text returns would
// be, without that string's allocation and copy (a few per item).
class ElementText {
 public:
  explicit ElementText(pugi::xml_node node) : view_(element_text_view(node, storage_)) {}
  ElementText(const ElementText&) = delete;
  ElementText& operator=(const ElementText&) = delete;
  operator std::string_view() const { return view_; }  // NOLINT(google-explicit-constructor): used as a view

 private:
  std::string storage_;  // before view_, which may point into it
  std::string_view view_;
};
// The element's children as markup: text as is (RSS escaped HTML), or escaped
// when `escape_text` (XHTML); child elements serialised.
std::string element_markup(pugi::xml_node node, bool escape_text);
// Atom XHTML content (the children of `content`) as HTML: serialised, with the
// "xhtml:" and "html:" prefixes taken off the tags, which mean nothing to HTML.
std::string xhtml_markup(pugi::xml_node content);
// Whether the element has element children (unescaped HTML in RSS).
bool has_element_children(pugi::xml_node node);

}  // namespace feeds::detail
