#include "parse/xml_scope.h"
#include "common/ascii.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>

namespace feeds::detail {
namespace {

struct KnownNamespace {
  std::string_view uri;
  Ns ns;
};

constexpr std::array kNamespaces{
    KnownNamespace{"http://www.w3.org/2005/Atom", Ns::atom10},
    KnownNamespace{"http://purl.org/atom/ns#", Ns::atom03},
    KnownNamespace{"http://purl.org/rss/1.0/", Ns::rss10},
    KnownNamespace{"http://my.netscape.com/rdf/simple/0.9/", Ns::rss090},
    KnownNamespace{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::rdf},
    KnownNamespace{"http://purl.org/rss/1.0/modules/content/", Ns::content},
    KnownNamespace{"http://purl.org/dc/elements/1.1/", Ns::dc},
    KnownNamespace{"http://purl.org/dc/terms/", Ns::dcterms},
    KnownNamespace{"http://search.yahoo.com/mrss/", Ns::media},
    KnownNamespace{"http://video.search.yahoo.com/mrss", Ns::media},
    KnownNamespace{"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::itunes},
    KnownNamespace{"http://purl.org/rss/1.0/modules/slash/", Ns::slash},
    KnownNamespace{"http://wellformedweb.org/CommentAPI/", Ns::wfw},
    KnownNamespace{"http://purl.org/rss/1.0/modules/syndication/", Ns::sy},
    KnownNamespace{"http://www.w3.org/1999/xhtml", Ns::xhtml},
    KnownNamespace{"http://rssnamespace.org/feedburner/ext/1.0", Ns::feedburner},
    KnownNamespace{"http://backend.userland.com/rss2", Ns::rss2},
    KnownNamespace{"http://blogs.law.harvard.edu/tech/rss", Ns::rss2},
    KnownNamespace{"http://backend.userland.com/rss", Ns::rss2},
    KnownNamespace{"http://purl.org/rss/1.0/modules/rss091#", Ns::rss2},
    // Atom before 0.3 (Echo, Pie, the drafts): names as in 0.3, read the same way.
    KnownNamespace{"http://example.com/newformat#", Ns::atom03},
    KnownNamespace{"http://example.com/necho", Ns::atom03},
    KnownNamespace{"http://purl.org/echo/", Ns::atom03},
    KnownNamespace{"uri/of/echo/namespace#", Ns::atom03},
    KnownNamespace{"http://purl.org/pie/", Ns::atom03},
};

struct KnownPrefix {
  std::string_view prefix;
  Ns ns;
};

constexpr std::array kPrefixes{
    KnownPrefix{"atom", Ns::atom10},
    KnownPrefix{"atom10", Ns::atom10},
    KnownPrefix{"content", Ns::content},
    KnownPrefix{"dc", Ns::dc},
    KnownPrefix{"dcterms", Ns::dcterms},
    KnownPrefix{"media", Ns::media},
    KnownPrefix{"itunes", Ns::itunes},
    KnownPrefix{"slash", Ns::slash},
    KnownPrefix{"wfw", Ns::wfw},
    KnownPrefix{"sy", Ns::sy},
    KnownPrefix{"rdf", Ns::rdf},
    KnownPrefix{"xhtml", Ns::xhtml},
    KnownPrefix{"feedburner", Ns::feedburner},
    KnownPrefix{"rss", Ns::rss2},
};

// "https://www.Example.org/ns/" and "http://example.org/ns" compare equal.
std::string loose_uri(std::string_view uri) {
  std::string out;
  out.reserve(uri.size());
  for (char c : uri) out.push_back(ascii::lower(c));
  for (std::string_view scheme : {"http://", "https://"}) {
    if (out.starts_with(scheme)) {
      out.erase(0, scheme.size());
      break;
    }
  }
  if (out.starts_with("www.")) out.erase(0, 4);
  while (!out.empty() && (out.back() == '/' || out.back() == '#' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

Ns namespace_from_uri(std::string_view uri, bool& near_miss) {
  near_miss = false;
  for (const auto& known : kNamespaces)
    if (known.uri == uri) return known.ns;
  // The Atom drafts of 2004-2005 named themselves "http://purl.org/atom/ns#draft-ietf-atompub-format-08"
  // and the like: Atom 1.0 in all but the name.
  if (uri.starts_with("http://purl.org/atom/ns#draft-")) return Ns::atom10;
  const std::string loose = loose_uri(uri);
  if (loose.empty()) return Ns::none;
  for (const auto& known : kNamespaces) {
    if (loose_uri(known.uri) == loose) {
      near_miss = true;
      return known.ns;
    }
  }
  return Ns::other;
}

Ns namespace_from_prefix(std::string_view prefix) {
  for (const auto& known : kPrefixes)
    if (iequals(known.prefix, prefix)) return known.ns;
  return Ns::other;
}

Scope::Scope(ParseState& state, const Scope* parent, pugi::xml_node element, std::string_view document_base)
    : state_(state), parent_(parent), node_(element) {
  base_ = parent ? parent->base_ : nullptr;
  has_xml_base_ = parent && parent->has_xml_base_;
  lang_ = parent ? parent->lang_ : std::string_view{};
  if (!parent) {
    own_base_ = std::string(document_base);
    base_ = &own_base_;
  }
  // first_attribute/next_attribute rather than attributes(): the range's
  // iterators cost about a hundred instructions per element (pugixml is a
  // shared library, nothing inlines), and every element of a feed has a Scope.
  for (pugi::xml_attribute attribute = element.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    const std::string_view name = attribute.name();
    if (name.size() < 5 || (name[0] != 'x' && name[0] != 'X')) continue;
    if (name.starts_with("xmlns")) {
      declares_ = true;
    } else if (name == "xml:base") {
      own_base_ = absolute_url(*base_, attribute.value());
      base_ = &own_base_;
      has_xml_base_ = true;
    } else if (name == "xml:lang") {
      lang_ = attribute.value();
    }
  }
  const std::string_view qualified = element.name();
  const auto colon = qualified.find(':');
  if (colon == std::string_view::npos) {
    local_ = qualified;
    ns_ = resolve_prefix({});
  } else {
    local_ = qualified.substr(colon + 1);
    ns_ = resolve_prefix(qualified.substr(0, colon));
  }
}

std::string_view Scope::attribute(std::string_view name) const {
  for (pugi::xml_attribute attribute = node_.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    std::string_view attribute_name = attribute.name();
    if (const auto colon = attribute_name.find(':');
        colon != std::string_view::npos && name.find(':') == std::string_view::npos)
      attribute_name = attribute_name.substr(colon + 1);
    if (iequals(attribute_name, name)) return attribute.value();
  }
  return {};
}

bool Scope::find_declaration(std::string_view prefix, Ns& out) const {
  const std::size_t remembered = std::min<std::size_t>(resolved_count_, resolved_.size());
  for (std::size_t i = 0; i < remembered; ++i) {
    if (resolved_[i].prefix == prefix) {
      out = resolved_[i].ns;
      return resolved_[i].found;
    }
  }
  Ns ns = Ns::none;
  bool found = declares_ && own_declaration(prefix, ns);
  if (!found && parent_ != nullptr) found = parent_->find_declaration(prefix, ns);
  resolved_[resolved_count_ % resolved_.size()] = {prefix, ns, found};
  if (resolved_count_ < 255) ++resolved_count_;
  out = ns;
  return found;
}

bool Scope::own_declaration(std::string_view prefix, Ns& out) const {
  for (pugi::xml_attribute attribute = node_.first_attribute(); attribute;
       attribute = attribute.next_attribute()) {
    const std::string_view name = attribute.name();
    if (!name.starts_with("xmlns")) continue;
    const bool matches =
        prefix.empty() ? name.size() == 5
                       : (name.size() == 6 + prefix.size() && name[5] == ':' && name.substr(6) == prefix);
    if (!matches) continue;
    const std::string_view uri = attribute.value();
    bool near_miss = false;
    out = namespace_from_uri(uri, near_miss);
    if (near_miss)
      state_.note_once(uri, fmt::format("namespace URI '{}' is not the standard one; taken as known", uri));
    return true;
  }
  return false;
}

Ns Scope::resolve_prefix(std::string_view prefix) const {
  if (prefix == "xml") return Ns::xml;
  Ns ns = Ns::none;
  if (find_declaration(prefix, ns)) return ns;
  if (prefix.empty()) return Ns::none;
  ns = namespace_from_prefix(prefix);
  state_.warn_once(
      fmt::format("prefix:{}", prefix),
      ns == Ns::other ? fmt::format("undeclared namespace prefix '{}': its elements are ignored", prefix)
                      : fmt::format("undeclared namespace prefix '{}': assumed the usual namespace", prefix));
  return ns;
}

std::string element_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const auto type = child.type();
    if (type == pugi::node_pcdata || type == pugi::node_cdata) out += child.value();
  }
  return out;
}

std::string_view element_text_view(pugi::xml_node node, std::string& storage) {
  pugi::xml_node only;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const auto type = child.type();
    if (type != pugi::node_pcdata && type != pugi::node_cdata) continue;
    if (only) {
      storage = element_text(node);
      return storage;
    }
    only = child;
  }
  return only ? std::string_view(only.value()) : std::string_view();
}

namespace {

struct StringWriter final : pugi::xml_writer {
  std::string& out;
  explicit StringWriter(std::string& target) : out(target) {}
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

}  // namespace

std::string element_markup(pugi::xml_node node, bool escape_text) {
  std::string out;
  StringWriter writer(out);
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const auto type = child.type();
    if (type == pugi::node_pcdata || type == pugi::node_cdata) {
      if (escape_text)
        out += html_escape(child.value());
      else
        out += child.value();
    } else if (type == pugi::node_element) {
      child.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    }
  }
  return out;
}

std::string xhtml_markup(pugi::xml_node content) {
  std::string raw = element_markup(content, true);
  // One search first: most content has no prefix at all, and four searches read it four times.
  if (raw.find("html:") != std::string::npos) {
    for (std::string_view prefix : {"<xhtml:", "</xhtml:", "<html:", "</html:"}) {
      const std::size_t open = prefix[1] == '/' ? 2 : 1;
      const std::size_t length = prefix.size() - open;
      for (std::size_t at = raw.find(prefix); at != std::string::npos; at = raw.find(prefix, at))
        raw.erase(at + open, length);
    }
  }
  return raw;
}

bool has_element_children(pugi::xml_node node) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_element) return true;
  return false;
}

}  // namespace feeds::detail
