#include "storage/items.h"

#include <fmt/core.h>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "feeds/text.h"

namespace newsd::storage {

namespace {

namespace json = boost::json;

// Column order shared by the staging table, the VALUES list and the pipeline
// statement. Dates travel as Unix seconds and become timestamptz server-side.
constexpr std::size_t kColumns = 15;
enum Column : std::size_t {
  kKey,
  kCanonicalUrl,
  kLink,
  kTitle,
  kSummary,
  kContent,
  kAuthors,
  kCategories,
  kEnclosures,
  kImage,
  kComments,
  kPublished,
  kUpdated,
  kLanguage,
  kContentHash
};

using Row = std::array<std::optional<std::string>, kColumns>;

constexpr std::string_view kInsertColumns =
    "source_id, key, canonical_url, link, title, summary, content, authors, categories, "
    "enclosures, image, comments, published, updated, language, content_hash";

// Shared by every write method: insert, or update only when the hash differs
// (an unchanged row that slipped past the pre-check is left alone and not
// returned). xmax = 0 tells a fresh insert from an update of an existing row.
constexpr std::string_view kUpsertTail = R"sql(
on conflict (source_id, key) do update set
  canonical_url = excluded.canonical_url, link = excluded.link, title = excluded.title,
  summary = excluded.summary, content = excluded.content, authors = excluded.authors,
  categories = excluded.categories, enclosures = excluded.enclosures, image = excluded.image,
  comments = excluded.comments, published = excluded.published, updated = excluded.updated,
  language = excluded.language, content_hash = excluded.content_hash, last_changed_at = now()
where items.content_hash is distinct from excluded.content_hash
returning id, (xmax = 0) as inserted, canonical_url, link)sql";

constexpr std::string_view kCreateStaging = R"sql(
create temp table if not exists newsd_item_staging (
  key text not null, canonical_url text, link text, title text, summary text, content text,
  authors jsonb not null, categories jsonb not null, enclosures jsonb not null, image text,
  comments text, published bigint, updated bigint, language text, content_hash text not null
) on commit delete rows)sql";

// Rows per multi-row INSERT: 15,001 parameters, under libpq's limit of 65,535.
constexpr std::size_t kRowsPerStatement = 1000;

// Stored items with their hash, and the keys retention pruned (hash null):
// a pruned item still in its feed must not come back as a new item.
constexpr std::string_view kExistingSql = R"sql(
  select key, content_hash from items where source_id = $1::bigint and key = any($2::text[])
  union all
  select key, null from item_tombstones where source_id = $1::bigint and key = any($2::text[]))sql";

// PostgreSQL text cannot hold NUL and must be valid UTF-8: one bad byte would
// otherwise fail the whole feed's transaction.
std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\0') out += c;
  }
  feeds::repair_utf8(out);
  return out;
}

std::optional<std::string> optional_clean(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return clean(text);
}

std::optional<std::string> epoch(const std::optional<std::chrono::sys_seconds>& time) {
  if (!time) return std::nullopt;
  return std::to_string(time->time_since_epoch().count());
}

std::string authors_json(const std::vector<feeds::Person>& people) {
  json::array out;
  for (const auto& person : people) {
    json::object entry;
    if (!person.name.empty()) entry["name"] = clean(person.name);
    if (!person.email.empty()) entry["email"] = clean(person.email);
    if (!person.uri.empty()) entry["uri"] = clean(person.uri);
    out.push_back(std::move(entry));
  }
  return json::serialize(out);
}

std::string categories_json(const std::vector<std::string>& categories) {
  json::array out;
  for (const auto& category : categories) out.emplace_back(clean(category));
  return json::serialize(out);
}

std::string enclosures_json(const std::vector<feeds::Enclosure>& enclosures) {
  json::array out;
  for (const auto& enclosure : enclosures) {
    json::object entry;
    entry["url"] = clean(enclosure.url);
    if (!enclosure.type.empty()) entry["type"] = clean(enclosure.type);
    if (enclosure.length) entry["length"] = *enclosure.length;
    out.push_back(std::move(entry));
  }
  return json::serialize(out);
}

// The row for one item; nullopt when the item has no key. The key is the
// parser's (feeds' normalisation: guid:/url:/hash: + SHA-256), the one
// identity rule: parse_feed sets it on every item, so only an item that did
// not come from parse_feed can lack it, and the store does not invent another.
std::optional<Row> make_row(const feeds::Item& item, std::string_view language) {
  if (item.key.empty()) return std::nullopt;
  Row row;
  std::string hash = item.content_hash.empty() ? feeds::content_hash(item.title, item.summary, item.content)
                                               : item.content_hash;
  std::string_view key = item.key;
  row[kKey] = clean(key);
  row[kCanonicalUrl] = optional_clean(item.canonical_url);
  row[kLink] = optional_clean(item.link);
  row[kTitle] = optional_clean(item.title);
  row[kSummary] = optional_clean(item.summary);
  row[kContent] = optional_clean(item.content);
  row[kAuthors] = authors_json(item.authors);
  row[kCategories] = categories_json(item.categories);
  row[kEnclosures] = enclosures_json(item.enclosures);
  row[kImage] = optional_clean(item.image);
  row[kComments] = optional_clean(item.comments);
  row[kPublished] = epoch(item.published);
  row[kUpdated] = epoch(item.updated);
  row[kLanguage] = optional_clean(language);
  row[kContentHash] = clean(hash);
  return row;
}

std::vector<pg::Param> params_of(const std::string& source_id, const Row& row) {
  std::vector<pg::Param> params;
  params.reserve(kColumns + 1);
  params.emplace_back(source_id);
  for (const auto& value : row) {
    params.push_back(value ? pg::Param(*value) : std::nullopt);
  }
  return params;
}

// "($2, $3, ..., to_timestamp($13::bigint), ...)" for row `index` of a VALUES
// list: placeholders only, never data. $1 is the source id.
std::string values_tuple(std::size_t index) {
  std::string out = "($1::bigint";
  for (std::size_t column = 0; column < kColumns; ++column) {
    std::size_t number = 2 + index * kColumns + column;
    if (column == kAuthors || column == kCategories || column == kEnclosures) {
      out += fmt::format(", ${}::jsonb", number);
    } else if (column == kPublished || column == kUpdated) {
      out += fmt::format(", to_timestamp(${}::bigint)", number);
    } else {
      out += fmt::format(", ${}", number);
    }
  }
  return out + ")";
}

void collect(const pg::Result& result, StoreCounts& counts) {
  for (int row = 0; row < result.rows(); ++row) {
    if (result.text(row, 1) == "t") {
      ++counts.added;
      counts.new_items.push_back(
          {result.integer(row, 0), std::string(result.text(row, 2)), std::string(result.text(row, 3))});
    } else {
      ++counts.changed;
    }
  }
}

void write_by_copy(Database& db, pg::Connection& conn, const std::string& operation,
                   const std::string& source_id, const std::vector<const Row*>& rows, StoreCounts& counts) {
  if (db.first_time_on_connection("item staging table")) {
    conn.exec(operation, kCreateStaging);
  }
  std::string data;
  std::size_t estimate = 0;
  for (const Row* row : rows) {
    for (const auto& value : *row) estimate += value ? value->size() + 1 : 3;
  }
  data.reserve(estimate + estimate / 16);
  for (const Row* row : rows) {
    for (std::size_t column = 0; column < kColumns; ++column) {
      if (column > 0) data += '\t';
      const auto& value = (*row)[column];
      pg::copy_escape(data, value ? std::optional<std::string_view>(*value) : std::nullopt);
    }
    data += '\n';
  }
  conn.copy_in(operation, "copy newsd_item_staging from stdin", data);
  db.prepare(operation, "newsd_items_merge_staging",
             fmt::format("insert into items ({}) select $1::bigint, key, canonical_url, link, title, "
                         "summary, content, authors, categories, enclosures, image, comments, "
                         "to_timestamp(published), to_timestamp(updated), language, content_hash "
                         "from newsd_item_staging {}",
                         kInsertColumns, kUpsertTail));
  std::array<pg::Param, 1> params{source_id};
  // The staging rows go at commit (ON COMMIT DELETE ROWS).
  collect(conn.exec_prepared(operation, "newsd_items_merge_staging", params), counts);
}

void write_by_multirow(pg::Connection& conn, const std::string& operation, const std::string& source_id,
                       const std::vector<const Row*>& rows, StoreCounts& counts) {
  for (std::size_t first = 0; first < rows.size(); first += kRowsPerStatement) {
    std::size_t end = std::min(rows.size(), first + kRowsPerStatement);
    std::string sql = fmt::format("insert into items ({}) values ", kInsertColumns);
    std::vector<pg::Param> params{source_id};
    params.reserve(1 + (end - first) * kColumns);
    for (std::size_t index = first; index < end; ++index) {
      if (index > first) sql += ", ";
      sql += values_tuple(index - first);
      for (const auto& value : *rows[index]) params.push_back(value ? pg::Param(*value) : std::nullopt);
    }
    sql += kUpsertTail;
    collect(conn.exec(operation, sql, params), counts);
  }
}

void write_by_pipeline(Database& db, pg::Connection& conn, const std::string& operation,
                       const std::string& source_id, const std::vector<const Row*>& rows,
                       StoreCounts& counts) {
  db.prepare(
      operation, "newsd_items_upsert_one",
      fmt::format("insert into items ({}) values {} {}", kInsertColumns, values_tuple(0), kUpsertTail));
  std::vector<std::vector<pg::Param>> batch;
  batch.reserve(rows.size());
  for (const Row* row : rows) batch.push_back(params_of(source_id, *row));
  for (const auto& result : conn.exec_prepared_pipeline(operation, "newsd_items_upsert_one", batch)) {
    collect(result, counts);
  }
}

// The pending article rows of the new items that link somewhere, in the
// transaction that stored the items. An article another item (of any source)
// already queued or fetched is left as it is: one row per canonical URL.
void queue_articles(pg::Connection& conn, const std::string& operation, const std::vector<NewItem>& items) {
  std::vector<std::string> canonical_urls;
  std::vector<std::string> links;
  for (const auto& item : items) {
    if (item.canonical_url.empty() || item.link.empty()) continue;
    canonical_urls.push_back(item.canonical_url);
    links.push_back(item.link);
  }
  if (canonical_urls.empty()) return;
  const std::string canonical_array = pg::text_array_literal(canonical_urls);
  const std::string link_array = pg::text_array_literal(links);
  conn.exec(operation,
            "insert into articles (canonical_url, url) "
            "select canonical_url, url from unnest($1::text[], $2::text[]) with ordinality "
            "as queued (canonical_url, url, position) order by position "
            "on conflict (canonical_url) do nothing",
            {canonical_array, link_array});
}

}  // namespace

ItemStore::ItemStore(Database& db, WriteMethod method) : db_(db), method_(method) {}

StoreCounts ItemStore::store_feed_items(std::int64_t source_id, const feeds::Feed& feed, ArticleQueue queue) {
  const std::string operation = fmt::format("store items of source {}", source_id);
  const std::string source = std::to_string(source_id);

  StoreCounts base;
  // Oldest first, so ids grow with publication order (feeds list newest first).
  std::vector<Row> rows;
  rows.reserve(feed.items.size());
  std::unordered_set<std::string> keys_seen;
  for (auto item = feed.items.rbegin(); item != feed.items.rend(); ++item) {
    auto row = make_row(*item, feed.language);
    if (!row) {
      ++base.skipped;
      continue;
    }
    rows.push_back(std::move(*row));
  }
  // The first occurrence in feed order wins: with rows reversed, that is the last one.
  std::vector<const Row*> unique_rows;
  unique_rows.reserve(rows.size());
  for (auto row = rows.rbegin(); row != rows.rend(); ++row) {
    if (keys_seen.insert(*(*row)[kKey]).second) {
      unique_rows.push_back(&*row);
    } else {
      ++base.duplicates;
    }
  }
  std::reverse(unique_rows.begin(), unique_rows.end());
  if (unique_rows.empty()) return base;

  // Skip unchanged items before they reach the table: one index probe for the
  // whole batch. Only an optimisation; the upsert below stays correct if
  // another writer got in between.
  std::vector<std::string> keys;
  keys.reserve(unique_rows.size());
  for (const Row* row : unique_rows) keys.push_back(*(*row)[kKey]);
  const std::string key_array = pg::text_array_literal(keys);
  std::unordered_map<std::string, std::string> stored_hash;
  std::unordered_set<std::string> pruned_keys;
  db_.run(operation, [&](pg::Connection& conn) {
    db_.prepare(operation, "newsd_items_existing", kExistingSql);
    std::array<pg::Param, 2> params{source, key_array};
    auto existing = conn.exec_prepared(operation, "newsd_items_existing", params);
    stored_hash.clear();
    pruned_keys.clear();
    stored_hash.reserve(static_cast<std::size_t>(existing.rows()));
    for (int row = 0; row < existing.rows(); ++row) {
      if (existing.is_null(row, 1)) {
        pruned_keys.emplace(existing.text(row, 0));
      } else {
        stored_hash.emplace(existing.text(row, 0), existing.text(row, 1));
      }
    }
  });
  std::vector<const Row*> to_write;
  for (const Row* row : unique_rows) {
    const std::string& key = *(*row)[kKey];
    if (pruned_keys.contains(key)) continue;  // counted as unchanged: nothing to store
    auto found = stored_hash.find(key);
    if (found == stored_hash.end() || found->second != *(*row)[kContentHash]) to_write.push_back(row);
  }
  if (to_write.empty()) {
    base.unchanged = static_cast<int>(unique_rows.size());
    return base;
  }

  auto write = [&](pg::Connection& conn) {
    StoreCounts counts = base;  // fresh per attempt: a retried batch counts once
    switch (method_) {
      case WriteMethod::copy_staging:
        write_by_copy(db_, conn, operation, source, to_write, counts);
        break;
      case WriteMethod::multirow_insert:
        write_by_multirow(conn, operation, source, to_write, counts);
        break;
      case WriteMethod::pipeline:
        write_by_pipeline(db_, conn, operation, source, to_write, counts);
        break;
    }
    counts.unchanged = static_cast<int>(unique_rows.size()) - counts.added - counts.changed;
    if (queue == ArticleQueue::new_items) queue_articles(conn, operation, counts.new_items);
    return counts;
  };
  try {
    // One statement is a transaction of its own: no BEGIN/COMMIT round trips.
    if (queue == ArticleQueue::none && method_ == WriteMethod::multirow_insert &&
        to_write.size() <= kRowsPerStatement) {
      return db_.run(operation, write);
    }
    return db_.transact(operation, write);
  } catch (...) {
    // A rolled-back transaction takes a staging table created in it along.
    db_.forget_on_connection("item staging table");
    throw;
  }
}

ItemCounts count_items(pg::Connection& conn) {
  ItemCounts counts;
  counts.total = conn.exec("count the items", "select count(*) from items").integer(0, 0);
  counts.last_24h = conn.exec("count the items of the last 24 hours",
                              "select count(*) from items where first_seen_at > now() - interval '24 hours'")
                        .integer(0, 0);
  return counts;
}

std::vector<ItemWithArticle> list_items_with_articles(pg::Connection& conn) {
  auto rows = conn.exec("list the items and their articles",
                        "select coalesce(s.title, s.url), coalesce(i.title, ''), coalesce(a.status, '-'), "
                        "coalesce(a.word_count, 0), coalesce(a.title, ''), coalesce(a.error, '') "
                        "from items i join sources s on s.id = i.source_id "
                        "left join articles a on a.canonical_url = i.canonical_url "
                        "order by s.title, i.published desc nulls last, i.id");
  std::vector<ItemWithArticle> items;
  items.reserve(static_cast<std::size_t>(rows.rows()));
  for (int row = 0; row < rows.rows(); ++row) {
    items.push_back({std::string(rows.text(row, 0)), std::string(rows.text(row, 1)),
                     std::string(rows.text(row, 2)), rows.integer(row, 3), std::string(rows.text(row, 4)),
                     std::string(rows.text(row, 5))});
  }
  return items;
}

}  // namespace newsd::storage
