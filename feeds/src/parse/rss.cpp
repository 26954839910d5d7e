// RSS 0.90-0.94, 2.0 and RSS 1.0 (RDF): one reader, since they share the
// element names; what differs is where the items are (inside <channel> for
// RSS 0.91+, beside it for RDF).
#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <vector>

#include "feeds/text.h"
#include "parse/formats.h"
#include "parse/item_draft.h"

namespace feeds::detail {
namespace {

// Elements of RSS proper: no namespace, RSS 1.0's or 0.90's, or one of the
// namespaces some RSS 2.0 feeds declare as default.
bool is_core(Ns ns) {
  return ns == Ns::none || ns == Ns::rss2 || ns == Ns::rss10 || ns == Ns::rss090;
}

// A simple element's text (title, category, guid): HTML, usually escaped; some
// feeds write the tags raw (<title>A <b>bold</b> move</title>) and then the
// element's own text alone would lose the words inside them.
std::string plain_text(pugi::xml_node node) {
  if (!has_element_children(node)) return html_to_plain_text(ElementText(node));
  return html_to_plain_text(element_markup(node, false));
}

// An author element: its text in the RSS forms; with elements inside, either
// Atom's <name>/<email>/<uri> or raw tags around the text (read_person, atom.cpp).
Person person_from_element(const Scope& element, std::string_view base) {
  if (!has_element_children(element.node())) return person_from_text(ElementText(element.node()));
  return read_person(element.state(), element, base);
}

bool empty_person(const Person& person) {
  return person.name.empty() && person.email.empty() && person.uri.empty();
}

// RSS <description> and <summary>: escaped HTML is the rule; raw HTML
// elements inside happen.
std::string html_of(const Scope& child, std::string_view base) {
  std::string storage;
  const pugi::xml_node node = child.node();
  const std::string_view html =
      has_element_children(node) ? (storage = element_markup(node, false)) : element_text_view(node, storage);
  return sanitize_fragment(child.state(), html, base);
}

void read_image(ParseState& state, const Scope& image, std::string_view base) {
  for (pugi::xml_node node = image.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &image, node);
    if (is_core(child.ns()) && child.named("url") && state.feed().image.empty())
      state.feed().image = absolute_url(child.has_xml_base() ? child.base() : base, ElementText(node));
  }
}

void read_skip_hours(ParseState& state, const Scope& skip) {
  for (pugi::xml_node node = skip.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    const std::string text = trim(ElementText(node));
    int hour = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), hour);
    // RSS allows 0-23; 24 is a common spelling of midnight.
    if (error != std::errc{} || end != text.data() + text.size() || hour < 0 || hour > 24) {
      state.warn(fmt::format("<skipHours>: not an hour '{}'", text.substr(0, 20)));
      continue;
    }
    hour %= 24;
    auto& hours = state.feed().skip_hours;
    if (std::find(hours.begin(), hours.end(), hour) == hours.end()) hours.push_back(hour);
  }
}

void read_skip_days(ParseState& state, const Scope& skip) {
  static constexpr std::string_view kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};
  for (pugi::xml_node node = skip.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    const std::string text = trim(ElementText(node));
    bool known = false;
    for (std::string_view day : kDays) {
      if (!iequals(text, day)) continue;
      known = true;
      auto& days = state.feed().skip_days;
      if (std::find(days.begin(), days.end(), day) == days.end()) days.emplace_back(day);
    }
    if (!known) state.warn(fmt::format("<skipDays>: not a day '{}'", text.substr(0, 20)));
  }
}

Item read_item(ParseState& state, const Scope& item_scope, std::size_t index, std::string_view feed_base) {
  ItemDraft draft;
  draft.where = fmt::format("item {}", index);
  draft.base = item_scope.has_xml_base() ? item_scope.base() : std::string(feed_base);
  Item& item = draft.item;
  // RDF items name themselves with rdf:about.
  if (const std::string_view about = item_scope.attribute("rdf:about"); !about.empty()) item.id = trim(about);

  for (pugi::xml_node node = item_scope.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(state, &item_scope, node);
    if (!is_core(child.ns())) {
      read_item_extension(draft, child);
      continue;
    }
    if (child.named("title")) {
      if (item.title.empty()) item.title = plain_text(node);
    } else if (child.named("link")) {
      if (item.link.empty()) item.link = absolute_url(draft.base_for(child), ElementText(node));
    } else if (child.named("description") || child.named("summary")) {
      // The first of the two is the summary; the other, as feedparser reads
      // it, the content unless the item has content of its own.
      if (item.summary.empty())
        item.summary = html_of(child, draft.base_for(child));
      else if (draft.second_description.empty())
        draft.second_description = html_of(child, draft.base_for(child));
    } else if (child.named("body")) {
      // A bare XHTML <body> (its namespace left out) holds the full text.
      if (item.content.empty()) item.content = sanitize_xhtml(state, node, draft.base_for(child));
    } else if (child.named("guid")) {
      draft.guid = has_element_children(node) ? plain_text(node) : trim(ElementText(node));
      item.id = draft.guid;
      const std::string_view permalink = child.attribute("isPermaLink");
      draft.guid_is_permalink = !(iequals(trim(permalink), "false"));
    } else if (child.named("pubDate")) {
      if (!item.published)
        item.published = parse_date_element(state, ElementText(node), draft.where, "pubDate");
    } else if (child.named("author")) {
      Person person = person_from_element(child, draft.base_for(child));
      if (!empty_person(person)) item.authors.push_back(std::move(person));
    } else if (child.named("category")) {
      item.categories.push_back(plain_text(node));
    } else if (child.named("comments")) {
      if (item.comments.empty()) item.comments = absolute_url(draft.base_for(child), ElementText(node));
    } else if (child.named("enclosure")) {
      std::string url = absolute_url(draft.base_for(child), child.attribute("url"));
      if (url.empty()) {
        state.warn(draft.where + " <enclosure>: no url");
        continue;
      }
      Enclosure enclosure;
      enclosure.url = std::move(url);
      enclosure.type = trim(child.attribute("type"));
      enclosure.length = parse_length(child.attribute("length"));
      if (!enclosure.length && !trim(child.attribute("length")).empty())
        state.warn(fmt::format("{} <enclosure>: length '{}' is not a number", draft.where,
                               trim(child.attribute("length")).substr(0, 40)));
      item.enclosures.push_back(std::move(enclosure));
    } else if (child.named("source") || child.named("content")) {
      // <source> names the originating feed; an un-namespaced <content> is not RSS.
    }
  }
  if (!item_scope.lang().empty() && item.language.empty()) item.language = std::string(item_scope.lang());
  return finish_item(draft);
}

}  // namespace

void parse_rss(ParseState& state, pugi::xml_node root) {
  Feed& feed = state.feed();
  const std::string document_url(state.options().document_url);
  Scope root_scope(state, nullptr, root, document_url);

  // Where things are: <rss><channel>items</channel></rss>, items beside the
  // channel in RDF (and in some RSS 0.91 feeds), or a bare <channel> root.
  pugi::xml_node channel_node = root;
  if (!root_scope.named("channel")) {
    channel_node = {};
    for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
      if (node.type() == pugi::node_element && iequals(Scope(state, &root_scope, node).local(), "channel")) {
        channel_node = node;
        break;
      }
    }
    if (!channel_node) {
      // Items (and title, link) written straight inside <rss>: the root stands in for the channel.
      state.warn("no <channel> element: the root's children read as the channel");
      channel_node = root;
    }
  }
  std::optional<Scope> channel_holder;
  const Scope* channel = &root_scope;
  if (channel_node && channel_node != root) {
    channel_holder.emplace(state, &root_scope, channel_node);
    channel = &*channel_holder;
  }

  // First the site link: it is the base for everything else in the feed.
  std::vector<pugi::xml_node> item_nodes;
  const auto collect_items = [&](const Scope& parent) {
    for (pugi::xml_node node = parent.node().first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element) continue;
      Scope child(state, &parent, node);
      if (is_core(child.ns()) && child.named("item"))
        item_nodes.push_back(node);
      else if (is_core(child.ns()) && child.named("link") && feed.link.empty() && &parent == channel)
        feed.link = absolute_url(child.base(), ElementText(node));
    }
  };
  if (channel_node) collect_items(*channel);
  if (channel != &root_scope) collect_items(root_scope);
  if (feed.link.empty() && channel_node) {
    // atom:link rel=alternate as the site link when <link> is missing.
    for (pugi::xml_node node = channel_node.first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element) continue;
      Scope child(state, channel, node);
      if ((child.ns() == Ns::atom10 || child.ns() == Ns::atom03) && child.named("link")) {
        const std::string_view rel = child.attribute("rel");
        if (rel.empty() || iequals(rel, "alternate")) {
          feed.link = absolute_url(child.base(), child.attribute("href"));
          break;
        }
      }
    }
  }
  const bool link_is_absolute = feed.link.starts_with("http://") || feed.link.starts_with("https://");
  const std::string feed_base = channel->has_xml_base() ? channel->base()
                                : link_is_absolute      ? feed.link
                                                        : document_url;

  std::string managing_editor;
  bool have_last_build_date = false;
  const auto read_channel = [&](const Scope& parent) {
    for (pugi::xml_node node = parent.node().first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element) continue;
      Scope child(state, &parent, node);
      const std::string& base = child.has_xml_base() ? child.base() : feed_base;
      if (!is_core(child.ns())) {
        read_feed_extension(state, child, base);
        continue;
      }
      if (child.named("item") || child.named("link") || child.named("channel")) continue;
      if (child.named("title")) {
        if (feed.title.empty()) feed.title = plain_text(node);
      } else if (child.named("description")) {
        if (feed.description.empty())
          feed.description = html_to_plain_text(has_element_children(node) ? element_markup(node, false)
                                                                           : element_text(node));
      } else if (child.named("language")) {
        if (feed.language.empty()) feed.language = trim(ElementText(node));
      } else if (child.named("copyright")) {
        if (feed.rights.empty()) feed.rights = html_to_plain_text(ElementText(node));
      } else if (child.named("author")) {
        // Not RSS 2.0, but written at channel level often enough: the feed's
        // author, ahead of managingEditor and webMaster.
        Person person = person_from_element(child, base);
        if (!empty_person(person)) feed.authors.push_back(std::move(person));
      } else if (child.named("managingEditor") || child.named("webMaster")) {
        if (managing_editor.empty()) managing_editor = ElementText(node);
      } else if (child.named("lastBuildDate")) {
        if (auto date = parse_date_element(state, ElementText(node), "feed", "lastBuildDate")) {
          feed.updated = date;
          have_last_build_date = true;
        }
      } else if (child.named("pubDate")) {
        if (!feed.updated) feed.updated = parse_date_element(state, ElementText(node), "feed", "pubDate");
      } else if (child.named("generator")) {
        if (feed.generator.empty()) feed.generator = html_to_plain_text(ElementText(node));
      } else if (child.named("ttl")) {
        const std::string text = trim(ElementText(node));
        int minutes = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), minutes);
        if (error == std::errc{} && end == text.data() + text.size() && minutes >= 0)
          feed.ttl_minutes = minutes;
        else
          state.warn(fmt::format("<ttl>: not a number of minutes '{}'", text.substr(0, 40)));
      } else if (child.named("image")) {
        read_image(state, child, base);
      } else if (child.named("skipHours")) {
        read_skip_hours(state, child);
      } else if (child.named("skipDays")) {
        read_skip_days(state, child);
      }
    }
  };
  if (channel_node) read_channel(*channel);
  if (channel != &root_scope) read_channel(root_scope);  // RDF: <image> beside the channel
  // lastBuildDate, then dcterms:modified, then pubDate or dc:date.
  if (!have_last_build_date && state.dcterms_modified) feed.updated = state.dcterms_modified;
  if (feed.authors.empty() && !trim(managing_editor).empty())
    feed.authors.push_back(person_from_text(managing_editor));
  if (feed.language.empty() && !channel->lang().empty()) feed.language = std::string(channel->lang());

  feed.items.reserve(item_nodes.size());
  std::size_t index = 0;
  for (pugi::xml_node node : item_nodes) {
    const Scope* parent = node.parent() == channel_node ? channel : &root_scope;
    Scope item_scope(state, parent, node);
    feed.items.push_back(read_item(state, item_scope, ++index, feed_base));
  }
}

}  // namespace feeds::detail
