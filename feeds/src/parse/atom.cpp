// Atom 1.0 (RFC 4287) and Atom 0.3: text constructs (text, html, xhtml; 0.3's
// MIME types and mode="escaped|xml|base64"), xml:base on any element, persons,
// atom:source, rel-typed links.
#include <fmt/format.h>
#include <vector>

#include "feeds/text.h"
#include "parse/formats.h"
#include "parse/item_draft.h"

namespace feeds::detail {
namespace {

bool is_core(Ns ns) {
  return ns == Ns::atom10 || ns == Ns::atom03 || ns == Ns::none;
}

enum class TextKind { text, html, xhtml, other };

// An Atom link's target: its href, else (as some feeds write it, and
// feedparser reads it) the URL as the element's text.
std::string link_href(const Scope& link, std::string_view base) {
  const std::string_view href = link.attribute("href");
  if (!trim_view(href).empty()) return absolute_url(base, href);
  return absolute_url(base, ElementText(link.node()));
}

}  // namespace

std::string read_text_construct(const Scope& scope, std::string_view base, std::string_view where,
                                TextAs as) {
  const std::string type = trim(scope.attribute("type"));
  const std::string mode = trim(scope.attribute("mode"));
  TextKind kind = TextKind::other;
  if (type.empty() || iequals(type, "text") || iequals(type, "text/plain"))
    kind = TextKind::text;
  else if (iequals(type, "html") || iequals(type, "text/html"))
    kind = TextKind::html;
  else if (iequals(type, "xhtml") || iequals(type, "application/xhtml+xml"))
    kind = TextKind::xhtml;
  else if (type.ends_with("+xml") || type.ends_with("/xml"))
    kind = TextKind::xhtml;
  else if (type.starts_with("text/"))
    kind = TextKind::text;
  if (iequals(mode, "xml")) kind = TextKind::xhtml;
  if (iequals(mode, "escaped") && kind == TextKind::xhtml) kind = TextKind::html;

  const pugi::xml_node node = scope.node();
  std::string raw;
  if (kind == TextKind::xhtml) {
    // The XHTML is wrapped in a <div> (required in 1.0, usual in 0.3).
    pugi::xml_node div;
    std::size_t elements = 0;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) {
        ++elements;
        div = child;
      }
    }
    const std::string_view div_name = div ? std::string_view(div.name()) : std::string_view{};
    const bool wrapped =
        elements == 1 && (div_name == "div" || div_name.ends_with(":div")) && trim(ElementText(node)).empty();
    const pugi::xml_node content = wrapped ? div : node;
    if (as == TextAs::html) return sanitize_xhtml(scope.state(), content, base);
    return html_to_plain_text(xhtml_markup(content));
  }
  raw = has_element_children(node) ? element_markup(node, kind != TextKind::html) : element_text(node);
  if (iequals(mode, "base64")) {
    if (auto decoded = decode_base64(raw)) {
      raw = std::move(*decoded);
    } else {
      scope.state().warn(fmt::format("{}: invalid base64 content", where));
      return {};
    }
  }
  if (kind == TextKind::html)
    return as == TextAs::html ? sanitize_fragment(scope.state(), raw, base) : html_to_plain_text(raw);
  if (kind == TextKind::text) {
    const std::string trimmed = trim(raw);
    return as == TextAs::html ? html_escape(trimmed) : collapse_whitespace(trimmed);
  }
  scope.state().warn(fmt::format("{}: content of type '{}' ignored", where, type.substr(0, 60)));
  return {};
}

Person read_person(ParseState& state, const Scope& scope, std::string_view base) {
  Person person;
  for (pugi::xml_node node = scope.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &scope, node);
    if (!is_core(child.ns())) continue;
    if (child.named("name"))
      person.name = html_to_plain_text(ElementText(node));
    else if (child.named("email"))
      person.email = trim(ElementText(node));
    else if ((child.named("uri") || child.named("url") || child.named("homepage")) && person.uri.empty())
      // Atom 0.3 calls the author's page <url>, and its drafts <homepage>.
      person.uri = absolute_url(child.has_xml_base() ? child.base() : base, ElementText(node));
  }
  // A bare <author>Jane</author> happens too, and markup around the text (kept
  // escaped so that "Jane &lt;jane@example.com&gt;" keeps its address).
  if (person.name.empty() && person.email.empty() && person.uri.empty()) {
    const pugi::xml_node node = scope.node();
    const std::string text =
        has_element_children(node) ? element_markup(node, true) : trim(ElementText(node));
    if (!text.empty()) person = person_from_text(text);
  }
  return person;
}

namespace {

bool empty_person(const Person& person) {
  return person.name.empty() && person.email.empty() && person.uri.empty();
}

std::vector<Person> read_source_authors(ParseState& state, const Scope& source, std::string_view base) {
  std::vector<Person> authors;
  for (pugi::xml_node node = source.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &source, node);
    if (is_core(child.ns()) && child.named("author")) {
      Person person = read_person(state, child, base);
      if (!empty_person(person)) authors.push_back(std::move(person));
    }
  }
  return authors;
}

Item read_entry(ParseState& state, const Scope& entry, std::size_t index, std::string_view feed_base) {
  ItemDraft draft;
  draft.where = fmt::format("entry {}", index);
  draft.base = entry.has_xml_base() ? entry.base() : std::string(feed_base);
  Item& item = draft.item;
  std::string enclosure_link, related_link;
  std::vector<Person> source_authors;

  for (pugi::xml_node node = entry.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &entry, node);
    if (!is_core(child.ns())) {
      read_item_extension(draft, child);
      continue;
    }
    const std::string& base = draft.base_for(child);
    if (child.named("id")) {
      item.id = trim(ElementText(node));
    } else if (child.named("title")) {
      if (item.title.empty())
        item.title = read_text_construct(child, base, draft.where + " <title>", TextAs::plain);
    } else if (child.named("link")) {
      const std::string rel = trim(child.attribute("rel"));
      std::string href = link_href(child, base);
      if (href.empty()) continue;
      if (rel.empty() || iequals(rel, "alternate")) {
        // Prefer the HTML alternate when there are several.
        const std::string_view type = child.attribute("type");
        if (item.link.empty() || (iequals(type, "text/html") && draft.alternate_link.empty())) {
          if (iequals(type, "text/html")) draft.alternate_link = href;
          item.link = std::move(href);
        }
      } else if (iequals(rel, "enclosure")) {
        Enclosure enclosure;
        enclosure.url = std::move(href);
        enclosure.type = trim(child.attribute("type"));
        enclosure.length = parse_length(child.attribute("length"));
        item.enclosures.push_back(std::move(enclosure));
      } else if (iequals(rel, "replies")) {
        const std::string_view type = child.attribute("type");
        if (iequals(type, "text/html") || type.empty()) {
          if (item.comments.empty()) item.comments = std::move(href);
        } else if (item.comments_feed.empty()) {
          item.comments_feed = std::move(href);
        }
      }
    } else if (child.named("summary")) {
      if (item.summary.empty())
        item.summary = read_text_construct(child, base, draft.where + " <summary>", TextAs::html);
    } else if (child.named("content")) {
      if (!trim(child.attribute("src")).empty()) {
        // Out-of-line content: the link stands in for it.
        if (item.link.empty()) item.link = absolute_url(base, child.attribute("src"));
      } else if (item.content.empty()) {
        item.content = read_text_construct(child, base, draft.where + " <content>", TextAs::html);
      }
    } else if (child.named("published") || child.named("issued") || child.named("created")) {
      if (!item.published)
        item.published = parse_date_element(state, ElementText(node), draft.where, child.local());
    } else if (child.named("updated") || child.named("modified")) {
      if (!item.updated)
        item.updated = parse_date_element(state, ElementText(node), draft.where, child.local());
    } else if (child.named("author")) {
      Person person = read_person(state, child, base);
      if (!empty_person(person)) item.authors.push_back(std::move(person));
    } else if (child.named("category")) {
      std::string term = html_to_plain_text(child.attribute("term"));
      if (term.empty()) term = html_to_plain_text(child.attribute("label"));
      if (term.empty()) term = html_to_plain_text(ElementText(node));
      item.categories.push_back(std::move(term));
    } else if (child.named("source")) {
      source_authors = read_source_authors(state, child, base);
    }
  }
  // RFC 4287 4.2.1: an entry without authors takes its source's, then the feed's.
  if (item.authors.empty()) item.authors = std::move(source_authors);
  if (item.authors.empty()) item.authors = state.feed().authors;
  if (!entry.lang().empty()) item.language = std::string(entry.lang());
  return finish_item(draft);
}

}  // namespace

void parse_atom(ParseState& state, pugi::xml_node root) {
  Feed& feed = state.feed();
  const std::string document_url(state.options().document_url);
  Scope feed_scope(state, nullptr, root, document_url);
  if (feed_scope.ns() == Ns::none)
    state.note("<feed> has no Atom namespace; read as Atom anyway");
  else if (feed_scope.ns() != Ns::atom10 && feed_scope.ns() != Ns::atom03)
    state.note("<feed> is in an unexpected namespace; read as Atom anyway");

  // The site link first: it is the base for entries without xml:base.
  std::vector<pugi::xml_node> entries;
  std::string html_alternate;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &feed_scope, node);
    if (!is_core(child.ns())) continue;
    if (child.named("entry")) {
      entries.push_back(node);
    } else if (child.named("link")) {
      const std::string rel = trim(child.attribute("rel"));
      std::string href = link_href(child, child.base());
      if (rel.empty() || iequals(rel, "alternate")) {
        if (iequals(child.attribute("type"), "text/html") && html_alternate.empty()) html_alternate = href;
        if (feed.link.empty()) feed.link = std::move(href);
      } else if (iequals(rel, "self")) {
        if (feed.feed_url.empty()) feed.feed_url = std::move(href);
      } else if (iequals(rel, "hub")) {
        if (feed.hub.empty()) feed.hub = std::move(href);
      } else if (iequals(rel, "next")) {
        if (feed.next_page.empty()) feed.next_page = std::move(href);
      }
    }
  }
  if (!html_alternate.empty()) feed.link = html_alternate;
  const bool link_is_absolute = feed.link.starts_with("http://") || feed.link.starts_with("https://");
  const std::string feed_base = feed_scope.has_xml_base() ? feed_scope.base()
                                : link_is_absolute        ? feed.link
                                                          : document_url;

  std::string icon;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &feed_scope, node);
    const std::string& base = child.has_xml_base() ? child.base() : feed_base;
    if (!is_core(child.ns())) {
      read_feed_extension(state, child, base);
      continue;
    }
    if (child.named("title")) {
      if (feed.title.empty()) feed.title = read_text_construct(child, base, "feed <title>", TextAs::plain);
    } else if (child.named("subtitle") || child.named("tagline")) {
      if (feed.description.empty())
        feed.description = read_text_construct(child, base, "feed <subtitle>", TextAs::plain);
    } else if (child.named("updated") || child.named("modified")) {
      if (!feed.updated) feed.updated = parse_date_element(state, ElementText(node), "feed", child.local());
    } else if (child.named("author")) {
      Person person = read_person(state, child, base);
      if (!empty_person(person)) feed.authors.push_back(std::move(person));
    } else if (child.named("generator")) {
      if (feed.generator.empty()) feed.generator = html_to_plain_text(ElementText(node));
    } else if (child.named("logo")) {
      if (feed.image.empty()) feed.image = absolute_url(base, ElementText(node));
    } else if (child.named("icon")) {
      if (icon.empty()) icon = absolute_url(base, ElementText(node));
    } else if (child.named("rights") || child.named("copyright")) {
      if (feed.rights.empty()) feed.rights = read_text_construct(child, base, "feed <rights>", TextAs::plain);
    }
  }
  if (feed.image.empty()) feed.image = std::move(icon);
  if (!feed.updated) feed.updated = state.dcterms_modified;
  if (!feed_scope.lang().empty()) feed.language = std::string(feed_scope.lang());

  feed.items.reserve(entries.size());
  std::size_t index = 0;
  for (pugi::xml_node node : entries) {
    Scope entry(state, &feed_scope, node);
    feed.items.push_back(read_entry(state, entry, ++index, feed_base));
  }
}

}  // namespace feeds::detail
