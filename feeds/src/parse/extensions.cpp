// Namespaced extensions shared by RSS, RDF and Atom: Media RSS, iTunes, Dublin
// Core, content:encoded, slash, wfw, syndication, atom:link inside RSS.
#include <fmt/format.h>
#include <charconv>

#include "feeds/text.h"
#include "parse/item_draft.h"

namespace feeds::detail {
namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

void add_enclosure(Item& item, std::string url, std::string_view type, std::string_view length) {
  if (url.empty()) return;
  Enclosure enclosure;
  enclosure.url = std::move(url);
  enclosure.type = trim(type);
  enclosure.length = parse_length(length);
  item.enclosures.push_back(std::move(enclosure));
}

// media:group and media:content nest; hostile input could nest them without
// end, so the recursion stops at a depth no real feed reaches.
constexpr int kMaxMediaDepth = 4;

void read_media(ItemDraft& draft, const Scope& child, int depth);

void read_media_children(ItemDraft& draft, const Scope& parent, int depth) {
  if (depth >= kMaxMediaDepth) return;
  for (pugi::xml_node node = parent.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(parent.state(), &parent, node);
    if (child.ns() == Ns::media) read_media(draft, child, depth + 1);
  }
}

void read_media(ItemDraft& draft, const Scope& child, int depth) {
  Item& item = draft.item;
  if (child.named("content")) {
    std::string url = absolute_url(draft.base_for(child), child.attribute("url"));
    const std::string_view type = child.attribute("type");
    const std::string_view medium = child.attribute("medium");
    if (iequals(medium, "image") || starts_with_ci(type, "image/")) {
      if (draft.images[0].empty()) draft.images[0] = std::move(url);
    } else {
      add_enclosure(item, std::move(url), type, child.attribute("fileSize"));
    }
    read_media_children(draft, child, depth);
  } else if (child.named("group")) {
    read_media_children(draft, child, depth);
  } else if (child.named("thumbnail")) {
    if (draft.images[1].empty())
      draft.images[1] = absolute_url(draft.base_for(child), child.attribute("url"));
  } else if (child.named("title")) {
    if (draft.media_title.empty()) draft.media_title = html_to_plain_text(ElementText(child.node()));
  } else if (child.named("description")) {
    if (draft.fallback_summary.empty()) {
      const ElementText text(child.node());
      draft.fallback_summary = iequals(child.attribute("type"), "html")
                                   ? sanitize_fragment(child.state(), text, draft.base_for(child))
                                   : html_escape(trim(text));
    }
  } else if (child.named("category")) {
    // A taxonomy path ("arts/music") or a plain label: the item's category either way.
    std::string label = html_to_plain_text(ElementText(child.node()));
    if (label.empty()) label = html_to_plain_text(child.attribute("label"));
    item.categories.push_back(std::move(label));
  } else if (child.named("keywords")) {
    // Keyword lists are search terms, not categories (feedparser agrees).
  }
}

}  // namespace

std::optional<std::int64_t> parse_length(std::string_view text) {
  const std::string trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (error != std::errc{} || end != trimmed.data() + trimmed.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
  const std::string trimmed = trim(text);
  if (trimmed.empty()) return std::nullopt;
  std::int64_t total = 0;
  int parts = 0;
  std::string_view rest = trimmed;
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::string_view part = rest.substr(0, colon);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    // Fractional seconds ("12.5") are allowed in the last part only.
    if (error != std::errc{} || part.empty() || value < 0) return std::nullopt;
    if (end != part.data() + part.size() && (colon != std::string_view::npos || *end != '.'))
      return std::nullopt;
    if (++parts > 3) return std::nullopt;
    total = total * 60 + value;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return total;
}

std::optional<bool> parse_explicit(std::string_view text) {
  const std::string value = trim(text);
  if (iequals(value, "yes") || iequals(value, "true") || iequals(value, "explicit")) return true;
  if (iequals(value, "no") || iequals(value, "false") || iequals(value, "clean")) return false;
  return std::nullopt;
}

namespace {

// itunes:category text="Technology" (with nested subcategories), item or channel level.
void read_itunes_categories(const Scope& category, std::vector<std::string>& out, int depth) {
  if (std::string text = html_to_plain_text(category.attribute("text")); !text.empty())
    out.push_back(std::move(text));
  if (depth >= 2) return;  // iTunes nests one level; hostile input could nest forever
  for (pugi::xml_node node = category.node().first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    Scope child(category.state(), &category, node);
    if (child.ns() == Ns::itunes && child.named("category")) read_itunes_categories(child, out, depth + 1);
  }
}

// itunes:keywords "news, politics,world": one category each.
void read_keywords(std::string_view text, std::vector<std::string>& out) {
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string word = html_to_plain_text(text.substr(0, comma));
    if (!word.empty()) out.push_back(std::move(word));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace

bool read_item_extension(ItemDraft& draft, const Scope& child) {
  Item& item = draft.item;
  ParseState& state = child.state();
  switch (child.ns()) {
    case Ns::content:
      if (child.named("encoded") && item.content.empty()) {
        std::string storage;
        item.content =
            sanitize_fragment(state, element_text_view(child.node(), storage), draft.base_for(child));
      }
      return true;
    case Ns::dc:
      if (child.named("creator") || child.named("contributor") || child.named("author")) {
        Person person = person_from_text(ElementText(child.node()));
        if (!person.name.empty() || !person.email.empty()) item.authors.push_back(std::move(person));
      } else if (child.named("date")) {
        if (!item.published)
          item.published = parse_date_element(state, ElementText(child.node()), draft.where, "dc:date");
      } else if (child.named("subject")) {
        item.categories.push_back(html_to_plain_text(ElementText(child.node())));
      } else if (child.named("title")) {
        if (draft.media_title.empty()) draft.media_title = html_to_plain_text(ElementText(child.node()));
      } else if (child.named("description")) {
        if (draft.fallback_summary.empty())
          draft.fallback_summary = sanitize_fragment(state, ElementText(child.node()), draft.base_for(child));
      } else if (child.named("language")) {
        if (item.language.empty()) item.language = trim(ElementText(child.node()));
      }
      return true;
    case Ns::dcterms:
      if (child.named("modified")) {
        if (!item.updated)
          item.updated =
              parse_date_element(state, ElementText(child.node()), draft.where, "dcterms:modified");
      } else if (child.named("created") || child.named("issued")) {
        if (!item.published)
          item.published =
              parse_date_element(state, ElementText(child.node()), draft.where, "dcterms:created");
      }
      return true;
    case Ns::media:
      read_media(draft, child, 0);
      return true;
    case Ns::itunes:
      if (child.named("image")) {
        std::string_view href = child.attribute("href");
        if (href.empty()) href = child.attribute("url");
        if (draft.images[2].empty()) draft.images[2] = absolute_url(draft.base_for(child), href);
      } else if (child.named("author")) {
        Person person = person_from_text(ElementText(child.node()));
        if (!person.name.empty() || !person.email.empty()) item.authors.push_back(std::move(person));
      } else if (child.named("duration")) {
        item.duration_seconds = parse_duration(ElementText(child.node()));
        if (!item.duration_seconds)
          state.warn(fmt::format("{} <itunes:duration>: not a duration '{}'", draft.where,
                                 trim(ElementText(child.node())).substr(0, 40)));
      } else if (child.named("summary") || child.named("subtitle")) {
        if (draft.fallback_summary.empty())
          draft.fallback_summary = html_escape(trim(ElementText(child.node())));
      } else if (child.named("explicit")) {
        item.explicit_content = parse_explicit(ElementText(child.node()));
      } else if (child.named("title")) {
        if (draft.media_title.empty()) draft.media_title = html_to_plain_text(ElementText(child.node()));
      } else if (child.named("category")) {
        read_itunes_categories(child, item.categories, 0);
      } else if (child.named("keywords")) {
        read_keywords(ElementText(child.node()), item.categories);
      }
      return true;
    case Ns::slash:
      if (child.named("comments")) {
        if (auto count = parse_length(ElementText(child.node())); count && *count <= INT32_MAX)
          item.comment_count = static_cast<int>(*count);
      }
      return true;
    case Ns::wfw:
      if (child.named("commentRss") || child.named("commentRSS"))
        item.comments_feed = absolute_url(draft.base_for(child), ElementText(child.node()));
      return true;
    case Ns::atom10:
    case Ns::atom03:
      if (child.named("link")) {
        const std::string_view rel = child.attribute("rel");
        std::string href = absolute_url(draft.base_for(child), child.attribute("href"));
        if (rel.empty() || iequals(rel, "alternate")) {
          if (draft.alternate_link.empty()) draft.alternate_link = std::move(href);
        } else if (iequals(rel, "enclosure")) {
          add_enclosure(item, std::move(href), child.attribute("type"), child.attribute("length"));
        } else if (iequals(rel, "replies")) {
          if (item.comments.empty()) item.comments = std::move(href);
        }
      } else if (child.named("updated")) {
        if (!item.updated)
          item.updated = parse_date_element(state, ElementText(child.node()), draft.where, "atom:updated");
      } else if (child.named("published")) {
        if (!item.published)
          item.published =
              parse_date_element(state, ElementText(child.node()), draft.where, "atom:published");
      } else if (child.named("content")) {
        // Atom elements inside an RSS item mean what they mean in Atom.
        if (item.content.empty())
          item.content = read_text_construct(child, draft.base_for(child), draft.where + " <atom:content>",
                                             TextAs::html);
      } else if (child.named("summary")) {
        if (draft.fallback_summary.empty())
          draft.fallback_summary = read_text_construct(child, draft.base_for(child),
                                                       draft.where + " <atom:summary>", TextAs::html);
      } else if (child.named("author") || child.named("contributor")) {
        Person person = read_person(state, child, draft.base_for(child));
        if (!person.name.empty() || !person.email.empty() || !person.uri.empty())
          item.authors.push_back(std::move(person));
      } else if (child.named("category")) {
        std::string term = html_to_plain_text(child.attribute("term"));
        if (term.empty()) term = html_to_plain_text(child.attribute("label"));
        if (term.empty()) term = html_to_plain_text(ElementText(child.node()));
        item.categories.push_back(std::move(term));
      } else if (child.named("title")) {
        if (draft.media_title.empty())
          draft.media_title =
              read_text_construct(child, draft.base_for(child), draft.where + " <atom:title>", TextAs::plain);
      } else if (child.named("id")) {
        if (item.id.empty()) item.id = trim(ElementText(child.node()));
      }
      return true;
    case Ns::xhtml:
      // <xhtml:body> (or <body xmlns="...xhtml">): the item's full text as XHTML.
      if (child.named("body") && item.content.empty())
        item.content = sanitize_xhtml(state, child.node(), draft.base_for(child));
      return true;
    case Ns::feedburner:
    case Ns::sy:
    case Ns::rdf:
    case Ns::other:
      return true;  // known to carry nothing for the model, or unknown: ignored
    default:
      return false;
  }
}

bool read_feed_extension(ParseState& state, const Scope& child, std::string_view base) {
  Feed& feed = state.feed();
  switch (child.ns()) {
    case Ns::itunes:
      if (child.named("image")) {
        std::string_view href = child.attribute("href");
        if (href.empty()) href = child.attribute("url");
        if (feed.image.empty()) feed.image = absolute_url(base, href);
      } else if (child.named("author")) {
        if (feed.authors.empty()) {
          Person person = person_from_text(ElementText(child.node()));
          if (!person.name.empty() || !person.email.empty()) feed.authors.push_back(std::move(person));
        }
      } else if (child.named("explicit")) {
        feed.explicit_content = parse_explicit(ElementText(child.node()));
      } else if (child.named("summary") || child.named("subtitle")) {
        if (feed.description.empty()) feed.description = html_to_plain_text(ElementText(child.node()));
      }
      return true;
    case Ns::sy: {
      static constexpr std::pair<std::string_view, int> kPeriods[] = {{"hourly", 3600},
                                                                      {"daily", 86400},
                                                                      {"weekly", 7 * 86400},
                                                                      {"monthly", 30 * 86400},
                                                                      {"yearly", 365 * 86400}};
      const std::string text = trim(ElementText(child.node()));
      if (child.named("updatePeriod")) {
        bool known = false;
        for (const auto& [name, seconds] : kPeriods) {
          if (!iequals(text, name)) continue;
          known = true;
          state.sy_period_seconds = seconds;
        }
        if (!known) state.warn(fmt::format("<sy:updatePeriod>: unknown period '{}'", text.substr(0, 40)));
      } else if (child.named("updateFrequency")) {
        const auto frequency = parse_length(text);
        if (!frequency || *frequency == 0 || *frequency > 100000)
          state.warn(fmt::format("<sy:updateFrequency>: not a positive number '{}'", text.substr(0, 40)));
        else
          state.sy_frequency = *frequency;
      }
      return true;
    }
    case Ns::dc:
      if (child.named("language")) {
        if (feed.language.empty()) feed.language = trim(ElementText(child.node()));
      } else if (child.named("rights")) {
        if (feed.rights.empty()) feed.rights = html_to_plain_text(ElementText(child.node()));
      } else if (child.named("creator") || child.named("publisher") || child.named("author")) {
        if (feed.authors.empty()) {
          Person person = person_from_text(ElementText(child.node()));
          if (!person.name.empty() || !person.email.empty()) feed.authors.push_back(std::move(person));
        }
      } else if (child.named("date")) {
        if (!feed.updated)
          feed.updated = parse_date_element(state, ElementText(child.node()), "feed", "dc:date");
      } else if (child.named("title")) {
        if (feed.title.empty()) feed.title = html_to_plain_text(ElementText(child.node()));
      } else if (child.named("description")) {
        if (feed.description.empty()) feed.description = html_to_plain_text(ElementText(child.node()));
      }
      return true;
    case Ns::atom10:
    case Ns::atom03:
      if (child.named("link")) {
        const std::string_view rel = child.attribute("rel");
        std::string href = absolute_url(base, child.attribute("href"));
        if (iequals(rel, "self")) {
          if (feed.feed_url.empty()) feed.feed_url = std::move(href);
        } else if (iequals(rel, "hub")) {
          if (feed.hub.empty()) feed.hub = std::move(href);
        } else if (iequals(rel, "next")) {
          if (feed.next_page.empty()) feed.next_page = std::move(href);
        } else if (rel.empty() || iequals(rel, "alternate")) {
          if (feed.link.empty()) feed.link = std::move(href);
        }
      }
      return true;
    case Ns::media:
      // Channel-level media:thumbnail, or a media:content image, as the feed image.
      if (feed.image.empty()) {
        if (child.named("thumbnail")) {
          feed.image = absolute_url(base, child.attribute("url"));
        } else if (child.named("content") && (iequals(child.attribute("medium"), "image") ||
                                              starts_with_ci(child.attribute("type"), "image/"))) {
          feed.image = absolute_url(base, child.attribute("url"));
        }
      }
      return true;
    case Ns::dcterms:
      if (child.named("modified")) {
        // After lastBuildDate (RSS's own), before pubDate and dc:date: finalised in parse_rss.
        if (!state.dcterms_modified)
          state.dcterms_modified =
              parse_date_element(state, ElementText(child.node()), "feed", "dcterms:modified");
      }
      return true;
    case Ns::content:
    case Ns::slash:
    case Ns::wfw:
    case Ns::feedburner:
    case Ns::rdf:
    case Ns::other:
      return true;
    default:
      return false;
  }
}

Item finish_item(ItemDraft& draft) {
  Item& item = draft.item;
  if (item.title.empty()) item.title = draft.media_title;
  if (item.summary.empty()) item.summary = std::move(draft.fallback_summary);
  if (item.content.empty()) item.content = std::move(draft.second_description);
  if (item.link.empty()) item.link = std::move(draft.alternate_link);
  // A permalink guid stands in for a missing link only when it is an absolute
  // URL: "abc-123" is an id, not a path to resolve.
  if (item.link.empty() && draft.guid_is_permalink &&
      (starts_with_ci(draft.guid, "http://") || starts_with_ci(draft.guid, "https://")))
    item.link = absolute_url(draft.base, draft.guid);
  for (const Enclosure& enclosure : item.enclosures) {
    if (draft.images[3].empty() && starts_with_ci(enclosure.type, "image/")) draft.images[3] = enclosure.url;
  }
  if (item.image.empty()) {
    for (std::string& candidate : draft.images) {
      if (!candidate.empty()) {
        item.image = std::move(candidate);
        break;
      }
    }
  }
  return std::move(item);
}

}  // namespace feeds::detail
