// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), with Boost.JSON.
#include <fmt/format.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "feeds/text.h"
#include "parse/formats.h"

namespace feeds::detail {
namespace {

namespace json = boost::json;

std::string_view string_field(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value && value->is_string()) return value->get_string();
  return {};
}

// Dates: RFC 3339 strings by the spec; Unix timestamps (seconds or
// milliseconds) in the wild.
std::optional<std::chrono::sys_seconds> date_field(ParseState& state, const json::object& object,
                                                   std::string_view key, std::string_view where) {
  const json::value* value = object.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_string())
    return parse_date_field(state, value->get_string(), fmt::format("{} {}", where, key));
  if (value->is_number()) {
    if (auto date = date_from_unix(value->to_number<double>())) return date;
  }
  state.warn(fmt::format("{} {}: not a date", where, key));
  return std::nullopt;
}

Person person_from_json(const json::value& value, std::string_view base) {
  Person person;
  if (value.is_string()) return person_from_text(value.get_string());
  if (!value.is_object()) return person;
  const json::object& object = value.get_object();
  person.name = html_to_plain_text(string_field(object, "name"));
  std::string url = trim(string_field(object, "url"));
  if (url.size() > 7 && iequals(std::string_view(url).substr(0, 7), "mailto:"))
    person.email = url.substr(7);
  else
    person.uri = absolute_url(base, url);
  if (person.email.empty()) person.email = trim(string_field(object, "email"));
  return person;
}

std::vector<Person> authors_from_json(const json::object& object, std::string_view base) {
  std::vector<Person> authors;
  const auto add = [&](const json::value& value) {
    Person person = person_from_json(value, base);
    if (!person.name.empty() || !person.email.empty() || !person.uri.empty())
      authors.push_back(std::move(person));
  };
  if (const json::value* list = object.if_contains("authors"); list && list->is_array())
    for (const json::value& value : list->get_array()) add(value);
  if (authors.empty())
    if (const json::value* single = object.if_contains("author")) add(*single);
  return authors;
}

Item read_item(ParseState& state, const json::object& object, std::size_t index, std::string_view base) {
  Item item;
  const std::string where = fmt::format("item {}", index);
  if (const json::value* id = object.if_contains("id")) {
    if (id->is_string())
      item.id = trim(id->get_string());
    else if (id->is_int64())
      item.id = std::to_string(id->get_int64());
    else if (id->is_uint64())
      item.id = std::to_string(id->get_uint64());
    else if (!id->is_null())
      state.warn(where + ": id is neither a string nor a number");
  } else {
    state.note(where + ": no id");
  }
  item.link = absolute_url(base, string_field(object, "url"));
  if (item.link.empty()) item.link = absolute_url(base, string_field(object, "external_url"));
  item.title = html_to_plain_text(string_field(object, "title"));
  const std::string_view summary = string_field(object, "summary");
  if (!trim(summary).empty()) item.summary = html_escape(trim(summary));
  const std::string_view content_html = string_field(object, "content_html");
  const std::string_view content_text = string_field(object, "content_text");
  if (!trim(content_html).empty())
    item.content = sanitize_fragment(state, content_html, item.link.empty() ? base : item.link);
  else if (!trim(content_text).empty())
    item.content = html_escape(trim(content_text));
  item.published = date_field(state, object, "date_published", where);
  item.updated = date_field(state, object, "date_modified", where);
  item.image = absolute_url(base, string_field(object, "image"));
  if (item.image.empty()) item.image = absolute_url(base, string_field(object, "banner_image"));
  item.authors = authors_from_json(object, base);
  item.language = trim(string_field(object, "language"));
  if (const json::value* tags = object.if_contains("tags"); tags && tags->is_array()) {
    for (const json::value& tag : tags->get_array())
      if (tag.is_string()) item.categories.push_back(html_to_plain_text(tag.get_string()));
  }
  if (const json::value* attachments = object.if_contains("attachments");
      attachments && attachments->is_array()) {
    for (const json::value& value : attachments->get_array()) {
      if (!value.is_object()) continue;
      const json::object& attachment = value.get_object();
      Enclosure enclosure;
      enclosure.url = absolute_url(base, string_field(attachment, "url"));
      if (enclosure.url.empty()) {
        state.warn(where + ": attachment without url");
        continue;
      }
      enclosure.type = trim(string_field(attachment, "mime_type"));
      if (const json::value* size = attachment.if_contains("size_in_bytes"); size && size->is_number()) {
        const double bytes = size->to_number<double>();
        if (bytes >= 0 && bytes < 9e18) enclosure.length = static_cast<std::int64_t>(bytes);
      }
      if (item.image.empty() && enclosure.type.starts_with("image/")) item.image = enclosure.url;
      item.enclosures.push_back(std::move(enclosure));
    }
  }
  return item;
}

}  // namespace

std::optional<std::string> parse_json_feed(ParseState& state, std::string_view utf8) {
  boost::system::error_code error;
  json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  options.allow_invalid_utf8 = true;
  options.max_depth = 64;
  json::value document = json::parse(utf8, error, {}, options);
  if (error) return fmt::format("invalid JSON: {}", error.message());
  if (!document.is_object()) return std::string("JSON that is not an object");
  const json::object& root = document.get_object();
  const std::string_view version = string_field(root, "version");
  const json::value* items = root.if_contains("items");
  const bool has_items = items && items->is_array();
  if (!version.starts_with("https://jsonfeed.org/version/") &&
      !version.starts_with("http://jsonfeed.org/version/")) {
    if (!has_items) return std::string("JSON without a JSON Feed version or items");
    state.note(version.empty() ? "JSON Feed without a version"
                               : fmt::format("unknown JSON Feed version '{}'", version.substr(0, 80)));
  }
  Feed& feed = state.feed();
  // ".../version/1" is what 1.0 declares; ".../version/1.0" and a trailing slash are written
  // too, and are 1.0 as well.
  std::string_view declared = version;
  while (declared.ends_with('/')) declared.remove_suffix(1);
  feed.format =
      declared.ends_with("/1") || declared.ends_with("/1.0") ? FeedFormat::json1_0 : FeedFormat::json1_1;
  if (version.empty() && !root.contains("authors")) feed.format = FeedFormat::json1_0;

  const std::string document_url(state.options().document_url);
  feed.title = html_to_plain_text(string_field(root, "title"));
  feed.link = absolute_url(document_url, string_field(root, "home_page_url"));
  feed.feed_url = absolute_url(document_url, string_field(root, "feed_url"));
  feed.description = html_to_plain_text(string_field(root, "description"));
  feed.language = trim(string_field(root, "language"));
  feed.next_page = absolute_url(document_url, string_field(root, "next_url"));
  const bool link_is_absolute = feed.link.starts_with("http://") || feed.link.starts_with("https://");
  const std::string base = link_is_absolute ? feed.link : document_url;
  feed.image = absolute_url(base, string_field(root, "icon"));
  if (feed.image.empty()) feed.image = absolute_url(base, string_field(root, "favicon"));
  feed.authors = authors_from_json(root, base);
  if (const json::value* hubs = root.if_contains("hubs"); hubs && hubs->is_array()) {
    for (const json::value& hub : hubs->get_array()) {
      if (hub.is_object()) {
        feed.hub = absolute_url(base, string_field(hub.get_object(), "url"));
        if (!feed.hub.empty()) break;
      }
    }
  }
  if (!has_items) {
    state.warn("JSON Feed without an items array");
    return std::nullopt;
  }
  std::size_t index = 0;
  for (const json::value& value : items->get_array()) {
    ++index;
    if (!value.is_object()) {
      state.warn(fmt::format("item {}: not an object, skipped", index));
      continue;
    }
    feed.items.push_back(read_item(state, value.get_object(), index, base));
  }
  return std::nullopt;
}

}  // namespace feeds::detail
