// What every format gets after parsing: deduplicated lists, the storage
// identity of each item (key, canonical URL, content hash), scheduler fields,
// future-date warnings. The rules are documented in docs/feed-json.md.
#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <unordered_map>

#include "common/ascii.h"
#include "feeds/dates.h"
#include "feeds/url.h"
#include "parse/parse_state.h"

namespace feeds::detail {
namespace {

constexpr std::size_t kMaxWarnings = 100;
constexpr auto kFutureSlack = std::chrono::hours(24);

using ascii::is_space;

void trim_in_place(std::string& text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  text.resize(end);
  std::size_t start = 0;
  while (start < text.size() && is_space(text[start])) ++start;
  text.erase(0, start);
}

// The lists are deduplicated in place, keeping the first of each: most items
// have a few categories and one author, and building new vectors for them
// was an allocation or three per item.
void dedupe_categories(std::vector<std::string>& categories) {
  std::size_t kept = 0;
  for (std::string& category : categories) {
    trim_in_place(category);
    if (category.empty()) continue;
    const bool seen = std::any_of(categories.begin(), categories.begin() + static_cast<std::ptrdiff_t>(kept),
                                  [&](const std::string& earlier) { return iequals(earlier, category); });
    if (seen) continue;
    if (&categories[kept] != &category) categories[kept] = std::move(category);
    ++kept;
  }
  categories.resize(kept);
}

template <typename T, typename Same>
void dedupe(std::vector<T>& values, Same same) {
  std::size_t kept = 0;
  for (T& value : values) {
    const bool duplicate = std::any_of(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(kept),
                                       [&](const T& earlier) { return same(earlier, value); });
    if (duplicate) continue;
    if (&values[kept] != &value) values[kept] = std::move(value);
    ++kept;
  }
  values.resize(kept);
}

void dedupe_authors(std::vector<Person>& authors) {
  dedupe(authors, [](const Person& other, const Person& person) {
    // The same person named twice (dc:creator and itunes:author), or once with an email.
    if (other.name == person.name && !person.name.empty())
      return other.email == person.email || person.email.empty() || other.email.empty();
    return person.name.empty() && !person.email.empty() && other.email == person.email;
  });
}

void dedupe_enclosures(std::vector<Enclosure>& enclosures) {
  dedupe(enclosures,
         [](const Enclosure& other, const Enclosure& enclosure) { return other.url == enclosure.url; });
}

// A guid made only of digits ("12", "4711") is a database row number: the same
// values recur across feeds and after a CMS migration, so it is not trusted.
bool is_bare_number(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string date_text(const std::optional<std::chrono::sys_seconds>& date) {
  return date ? format_rfc3339(*date) : std::string();
}

}  // namespace

void finalize_feed(ParseState& state) {
  Feed& feed = state.feed();
  const auto now = state.options().now.value_or(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));

  if (state.sy_period_seconds || state.sy_frequency) {
    const std::int64_t period = state.sy_period_seconds.value_or(86400);  // the module's default: daily
    feed.update_interval = std::chrono::seconds(period / state.sy_frequency.value_or(1));
  }
  dedupe_authors(feed.authors);
  if (feed.updated && *feed.updated > now + kFutureSlack)
    state.warn(
        fmt::format("feed updated date {} is more than 24 h in the future", format_rfc3339(*feed.updated)));

  // Views of the items' own strings, which stay put while these live.
  std::unordered_map<std::string_view, int> id_counts;
  std::unordered_map<std::string_view, int> url_counts;
  id_counts.reserve(feed.items.size());
  url_counts.reserve(feed.items.size());
  std::size_t index = 0;
  for (Item& item : feed.items) {
    ++index;
    dedupe_categories(item.categories);
    dedupe_authors(item.authors);
    dedupe_enclosures(item.enclosures);
    for (const auto* date : {&item.published, &item.updated}) {
      if (*date && **date > now + kFutureSlack)
        state.warn(
            fmt::format("item {}: date {} is more than 24 h in the future", index, format_rfc3339(**date)));
    }
    if (!item.link.empty()) item.canonical_url = canonical_url(item.link).value_or(std::string());
    item.content_hash = content_hash(item.title, item.summary, item.content);
    if (!item.id.empty()) ++id_counts[item.id];
    if (!item.canonical_url.empty()) ++url_counts[item.canonical_url];
  }

  bool warned_shared_guid = false, warned_number_guid = false;
  index = 0;
  for (Item& item : feed.items) {
    ++index;
    const bool guid_present = !item.id.empty();
    const bool guid_unique = guid_present && id_counts[item.id] == 1;
    const bool guid_numeric = guid_present && is_bare_number(item.id);
    if (guid_present && !guid_unique && !warned_shared_guid) {
      state.warn(fmt::format("item {}: id '{}' is shared by several items; items keyed by link or content",
                             index, item.id.substr(0, 80)));
      warned_shared_guid = true;
    }
    if (guid_numeric && guid_unique && !warned_number_guid) {
      state.note(fmt::format("item {}: id '{}' is a bare number; items keyed by link or content", index,
                             item.id.substr(0, 80)));
      warned_number_guid = true;
    }
    if (guid_present && guid_unique && !guid_numeric) {
      item.key = "guid:" + item.id;
    } else if (!item.canonical_url.empty() && url_counts[item.canonical_url] == 1) {
      item.key = "url:" + item.canonical_url;
    } else {
      const std::string date = date_text(item.published ? item.published : item.updated);
      item.key =
          "hash:" + sha256_hex_joined({item.title, date, item.content.empty() ? item.summary : item.content});
    }
  }

  if (feed.warnings.size() > kMaxWarnings) {
    const std::size_t dropped = feed.warnings.size() - kMaxWarnings;
    feed.warnings.resize(kMaxWarnings);
    feed.warnings.push_back(fmt::format("... and {} more warnings", dropped));
  }
  if (feed.notes.size() > kMaxWarnings) {
    const std::size_t dropped = feed.notes.size() - kMaxWarnings;
    feed.notes.resize(kMaxWarnings);
    feed.notes.push_back(fmt::format("... and {} more notes", dropped));
  }
}

}  // namespace feeds::detail
