#include "feeds/feed_json.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>
#include <cstdint>
#include <string_view>

#include "common/sse2.h"
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

namespace {

// The string form, written straight from the Feed: building the boost::json
// tree copied every string of the feed (its HTML above all) once more before
// serialising it, about a third of a `newsd parse`. The output is byte for
// byte what boost::json::serialize(feed_to_json(feed)) writes (checked over
// every tests/data/feeds case and by the feed_fuzz target): the same key
// order, the same escapes (\" \\ \b \t \n \f \r, other control characters as
// u00xx escapes in lowercase hex, every other byte, UTF-8 or not, as it is), and
// integers in plain decimal.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  // A literal piece of JSON (punctuation, keys, null).
  void raw(std::string_view piece) { out_.append(piece); }

  void string(std::string_view text) {
    out_.push_back('"');
    const char* at = text.data();
    const char* const end = at + text.size();
    while (at < end) {
      const char* run = at;
      at = skip_plain(at, end);
      out_.append(run, static_cast<std::size_t>(at - run));
      if (at == end) break;
      escape(static_cast<unsigned char>(*at++));
    }
    out_.push_back('"');
  }

  void string_or_null(std::string_view text) {
    if (text.empty())
      raw("null");
    else
      string(text);
  }

  void integer(std::int64_t value) {
    char digits[24];
    const char* const last = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, static_cast<std::size_t>(last - digits));
  }

  void date_or_null(const std::optional<std::chrono::sys_seconds>& date) {
    if (date)
      string(format_rfc3339(*date));
    else
      raw("null");
  }

  void strings(const std::vector<std::string>& texts) {
    out_.push_back('[');
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i) out_.push_back(',');
      string(texts[i]);
    }
    out_.push_back(']');
  }

  void persons(const std::vector<Person>& people) {
    out_.push_back('[');
    for (std::size_t i = 0; i < people.size(); ++i) {
      if (i) out_.push_back(',');
      raw(R"({"name":)");
      string_or_null(people[i].name);
      raw(R"(,"email":)");
      string_or_null(people[i].email);
      raw(R"(,"uri":)");
      string_or_null(people[i].uri);
      out_.push_back('}');
    }
    out_.push_back(']');
  }

 private:
  static bool needs_escape(unsigned char byte) { return byte < 0x20 || byte == '"' || byte == '\\'; }

  // The first byte at or after `at` that needs an escape, or `end`.
  static const char* skip_plain(const char* at, const char* end) {
#if NEWSD_USE_SSE2
    namespace sse2 = detail::sse2;
    while (end - at >= 16) {
      const __m128i bytes = sse2::load(at);
      const unsigned hits =
          sse2::bits(_mm_or_si128(sse2::in_range(bytes, '\0', '\x1f'),
                                  _mm_or_si128(sse2::equal(bytes, '"'), sse2::equal(bytes, '\\'))));
      if (hits) return at + __builtin_ctz(hits);
      at += 16;
    }
#endif
    while (at < end && !needs_escape(static_cast<unsigned char>(*at))) ++at;
    return at;
  }

  void escape(unsigned char byte) {
    char piece[6] = {'\\', 0, 0, 0, 0, 0};
    switch (byte) {
      case '"':
        piece[1] = '"';
        break;
      case '\\':
        piece[1] = '\\';
        break;
      case '\b':
        piece[1] = 'b';
        break;
      case '\t':
        piece[1] = 't';
        break;
      case '\n':
        piece[1] = 'n';
        break;
      case '\f':
        piece[1] = 'f';
        break;
      case '\r':
        piece[1] = 'r';
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        piece[1] = 'u';
        piece[2] = '0';
        piece[3] = '0';
        piece[4] = kHex[byte >> 4];
        piece[5] = kHex[byte & 15];
        out_.append(piece, 6);
        return;
      }
    }
    out_.append(piece, 2);
  }

  std::string& out_;
};

// Room for the output in one allocation in the common case: every string's
// bytes, a little for escapes, and the keys and punctuation of each item.
std::size_t estimated_size(const Feed& feed) {
  std::size_t bytes = 512 + feed.title.size() + feed.link.size() + feed.feed_url.size() +
                      feed.description.size() + feed.image.size();
  for (const std::string& text : feed.warnings) bytes += text.size() + 8;
  for (const std::string& text : feed.notes) bytes += text.size() + 8;
  for (const Item& item : feed.items) {
    bytes += 400 + item.id.size() + item.link.size() + item.title.size() + item.summary.size() +
             item.content.size() + item.comments.size() + item.image.size() + item.key.size() +
             item.canonical_url.size() + item.content_hash.size();
    bytes += 64 * (item.authors.size() + item.enclosures.size());
    for (const std::string& category : item.categories) bytes += category.size() + 4;
    for (const Enclosure& enclosure : item.enclosures) bytes += enclosure.url.size() + enclosure.type.size();
  }
  return bytes + bytes / 16;
}

void write_item(JsonWriter& out, const Item& item) {
  out.raw(R"({"id":)");
  out.string_or_null(item.id);
  out.raw(R"(,"link":)");
  out.string_or_null(item.link);
  out.raw(R"(,"title":)");
  out.string_or_null(item.title);
  out.raw(R"(,"summary":)");
  out.string_or_null(item.summary);
  out.raw(R"(,"content":)");
  out.string_or_null(item.content);
  out.raw(R"(,"published":)");
  out.date_or_null(item.published);
  out.raw(R"(,"updated":)");
  out.date_or_null(item.updated);
  out.raw(R"(,"comments":)");
  out.string_or_null(item.comments);
  out.raw(R"(,"image":)");
  out.string_or_null(item.image);
  out.raw(R"(,"authors":)");
  out.persons(item.authors);
  out.raw(R"(,"categories":)");
  out.strings(item.categories);
  out.raw(R"(,"enclosures":[)");
  for (std::size_t i = 0; i < item.enclosures.size(); ++i) {
    const Enclosure& enclosure = item.enclosures[i];
    out.raw(i ? R"(,{"url":)" : R"({"url":)");
    out.string(enclosure.url);
    out.raw(R"(,"type":)");
    out.string_or_null(enclosure.type);
    out.raw(R"(,"length":)");
    if (enclosure.length)
      out.integer(*enclosure.length);
    else
      out.raw("null");
    out.raw("}");
  }
  out.raw(R"(],"key":)");
  out.string(item.key);
  out.raw(R"(,"canonical_url":)");
  out.string_or_null(item.canonical_url);
  out.raw(R"(,"content_hash":)");
  out.string(item.content_hash);
  out.raw("}");
}

}  // namespace

std::string feed_to_json_string(const Feed& feed) {
  std::string text;
  text.reserve(estimated_size(feed));
  JsonWriter out(text);
  out.raw(R"({"format":)");
  out.string(format_name(feed.format));
  out.raw(R"(,"title":)");
  out.string_or_null(feed.title);
  out.raw(R"(,"link":)");
  out.string_or_null(feed.link);
  out.raw(R"(,"feed_url":)");
  out.string_or_null(feed.feed_url);
  out.raw(R"(,"description":)");
  out.string_or_null(feed.description);
  out.raw(R"(,"language":)");
  out.string_or_null(feed.language);
  out.raw(R"(,"updated":)");
  out.date_or_null(feed.updated);
  out.raw(R"(,"image":)");
  out.string_or_null(feed.image);
  out.raw(R"(,"ttl":)");
  if (feed.ttl_minutes)
    out.integer(*feed.ttl_minutes);
  else
    out.raw("null");
  out.raw(R"(,"authors":)");
  out.persons(feed.authors);
  out.raw(R"(,"warnings":)");
  out.strings(feed.warnings);
  out.raw(R"(,"notes":)");
  out.strings(feed.notes);
  out.raw(R"(,"items":[)");
  for (std::size_t i = 0; i < feed.items.size(); ++i) {
    if (i) out.raw(",");
    write_item(out, feed.items[i]);
  }
  out.raw("]}");
  return text;
}

}  // namespace feeds
