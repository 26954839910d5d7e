#pragma once
// The normalized model every feed format is parsed into. Empty strings mean
// "absent" (serialised as null where the JSON schema allows null).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

enum class FeedFormat { rss2_0, rss0_9x, rss1_0, atom1_0, atom0_3, json1_0, json1_1 };

// "rss2.0", "rss0.9x", "rss1.0", "atom1.0", "atom0.3", "json1.0", "json1.1".
std::string_view format_name(FeedFormat format);

struct Person {
  std::string name;
  std::string email;
  std::string uri;
};

struct Enclosure {
  std::string url;
  std::string type;
  std::optional<std::int64_t> length;
};

struct Item {
  std::string id;       // as given by the feed (guid, atom:id, JSON id)
  std::string link;     // absolute
  std::string title;    // plain text
  std::string summary;  // sanitised HTML
  std::string content;  // sanitised HTML
  std::optional<std::chrono::sys_seconds> published;
  std::optional<std::chrono::sys_seconds> updated;
  std::string comments;                          // URL
  std::string image;                             // URL
  std::string language;                          // xml:lang / JSON language, when the item says
  std::string comments_feed;                     // wfw:commentRss
  std::optional<int> comment_count;              // slash:comments
  std::optional<std::int64_t> duration_seconds;  // itunes:duration
  std::optional<bool> explicit_content;          // itunes:explicit
  std::vector<Person> authors;
  std::vector<std::string> categories;  // trimmed, deduplicated, in order
  std::vector<Enclosure> enclosures;

  // Normalization for storage (see docs/feed-json.md):
  std::string key;            // stable identity of the item within its feed
  std::string canonical_url;  // canonical form of link, empty when none
  std::string content_hash;   // content_hash(title, summary, content)
};

// What Item::content_hash holds: 128-bit XXH3 of title U+001F summary U+001F
// content, 32 lowercase hex digits. It tells an edited item from an unchanged
// one; nothing relies on it being hard to forge (see docs/feed-json.md).
std::string content_hash(std::string_view title, std::string_view summary, std::string_view content);

struct Feed {
  FeedFormat format = FeedFormat::rss2_0;
  std::string title;        // plain text
  std::string link;         // the site
  std::string feed_url;     // self link
  std::string description;  // plain text
  std::string language;
  std::optional<std::chrono::sys_seconds> updated;
  std::string image;
  std::vector<Person> authors;
  std::string generator;
  std::string rights;                    // copyright / dc:rights / atom:rights, plain text
  std::optional<bool> explicit_content;  // itunes:explicit
  std::string hub;                       // WebSub hub
  std::string next_page;                 // RFC 5005 / atom:link rel=next

  // What a scheduler needs.
  std::optional<int> ttl_minutes;                       // RSS <ttl>
  std::optional<std::chrono::seconds> update_interval;  // sy:updatePeriod / sy:updateFrequency
  std::vector<int> skip_hours;                          // 0-23, UTC
  std::vector<std::string> skip_days;                   // "Monday", ...

  // Recovered problems: the document was malformed and repaired, or data was
  // lost or guessed (docs/feed-json.md lists which is which).
  std::vector<std::string> warnings;
  // Harmless oddities: nothing lost, nothing guessed (no version attribute,
  // a near-miss namespace URI, an ignored DOCTYPE).
  std::vector<std::string> notes;
  std::vector<Item> items;
};

}  // namespace feeds
