#include "feeds/feed_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/serializer.hpp>

#include "feeds/dates.h"

namespace feeds {
namespace {

namespace json = boost::json;

json::value string_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::value(text);
}

json::value date_or_null(const std::optional<std::chrono::sys_seconds>& date) {
  if (!date) return nullptr;
  return json::value(format_rfc3339(*date));
}

json::array persons(const std::vector<Person>& people) {
  json::array out;
  for (const Person& person : people) {
    json::object object;
    object["name"] = string_or_null(person.name);
    object["email"] = string_or_null(person.email);
    object["uri"] = string_or_null(person.uri);
    out.push_back(std::move(object));
  }
  return out;
}

json::object item_to_json(const Item& item) {
  json::object object;
  object["id"] = string_or_null(item.id);
  object["link"] = string_or_null(item.link);
  object["title"] = string_or_null(item.title);
  object["summary"] = string_or_null(item.summary);
  object["content"] = string_or_null(item.content);
  object["published"] = date_or_null(item.published);
  object["updated"] = date_or_null(item.updated);
  object["comments"] = string_or_null(item.comments);
  object["image"] = string_or_null(item.image);
  object["authors"] = persons(item.authors);
  json::array categories;
  for (const std::string& category : item.categories) categories.emplace_back(category);
  object["categories"] = std::move(categories);
  json::array enclosures;
  for (const Enclosure& enclosure : item.enclosures) {
    json::object entry;
    entry["url"] = enclosure.url;
    entry["type"] = string_or_null(enclosure.type);
    entry["length"] = enclosure.length ? json::value(*enclosure.length) : json::value(nullptr);
    enclosures.push_back(std::move(entry));
  }
  object["enclosures"] = std::move(enclosures);
  object["key"] = item.key;
  object["canonical_url"] = string_or_null(item.canonical_url);
  object["content_hash"] = item.content_hash;
  return object;
}

}  // namespace

json::value feed_to_json(const Feed& feed) {
  json::object object;
  object["format"] = format_name(feed.format);
  object["title"] = string_or_null(feed.title);
  object["link"] = string_or_null(feed.link);
  object["feed_url"] = string_or_null(feed.feed_url);
  object["description"] = string_or_null(feed.description);
  object["language"] = string_or_null(feed.language);
  object["updated"] = date_or_null(feed.updated);
  object["image"] = string_or_null(feed.image);
  object["ttl"] = feed.ttl_minutes ? json::value(*feed.ttl_minutes) : json::value(nullptr);
  object["authors"] = persons(feed.authors);
  json::array warnings;
  for (const std::string& warning : feed.warnings) warnings.emplace_back(warning);
  object["warnings"] = std::move(warnings);
  json::array notes;
  for (const std::string& note : feed.notes) notes.emplace_back(note);
  object["notes"] = std::move(notes);
  json::array items;
  for (const Item& item : feed.items) items.push_back(item_to_json(item));
  object["items"] = std::move(items);
  return object;
}

std::string feed_to_json_string(const Feed& feed) {
  // json::serialize grows its string by doubling and zero-fills each new
  // half before writing it (15 % of a `newsd parse`): here the serializer
  // writes pieces that are appended to a string grown without zero-filling.
  const json::value value = feed_to_json(feed);
  json::serializer serializer;
  serializer.reset(&value);
  std::string out;
  char buffer[16 * 1024];
  while (!serializer.done()) {
    const json::string_view piece = serializer.read(buffer, sizeof buffer);
    out.append(piece.data(), piece.size());
  }
  return out;
}

}  // namespace feeds
