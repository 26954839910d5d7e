// Every query of the cookbook in docs/sql.md, run against a seeded database:
// the documentation cannot rot without this test failing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "storage/migrations.h"
#include "storage/pg_native.h"
#include "storage_support.h"

namespace {

using newsd::pg::Connection;

struct DocQuery {
  std::string title;  // the "### " heading above the block
  std::string sql;
};

std::vector<DocQuery> cookbook_queries() {
  std::ifstream file(std::string(NEWSD_TESTS_SOURCE_DIR) + "/../docs/sql.md");
  EXPECT_TRUE(file.good()) << "docs/sql.md not found";
  std::vector<DocQuery> queries;
  std::string line;
  std::string title;
  bool in_cookbook = false;
  while (std::getline(file, line)) {
    if (line == "## Cookbook") in_cookbook = true;
    if (!in_cookbook) continue;
    if (line.starts_with("### ")) title = line.substr(4);
    if (line != "```sql") continue;
    DocQuery query{title, ""};
    while (std::getline(file, line) && line != "```") query.sql += line + "\n";
    queries.push_back(std::move(query));
  }
  return queries;
}

// Realistic data with times relative to now(), so "last 24 hours" and "this
// week" queries have something on both sides of their boundaries.
constexpr std::string_view kSeed = R"sql(
insert into sources (url, title, category, next_poll_at, poll_interval, last_success_at) values
  ('https://kyiv.example/rss', 'Kyiv Daily', '{News,Ukraine}', now() + interval '5 minutes', '15 minutes', now() - interval '10 minutes'),
  ('https://world.example/feed', 'World Wire', '{News}', now() + interval '1 hour', '1 hour', now() - interval '20 minutes');
insert into sources (url, title, category, next_poll_at, poll_interval, consecutive_errors, last_status, last_error, failing_since)
  values ('https://broken.example/rss', 'Broken Blog', '{Tech}', now() - interval '1 minute', '2 hours', 5, 503,
          'HTTP 503 Service Unavailable', now() - interval '2 days 3 hours');
insert into sources (url, title, next_poll_at, disabled_at, disabled_reason)
  values ('https://gone.example/rss', 'Gone Feed', now() - interval '1 hour', now() - interval '1 day', 'removed from the OPML file');

insert into articles (canonical_url, url, title, site_name, language, text, status, word_count, published, extracted_at, fetched_at, http_status, attempts) values
  ('https://kyiv.example/dam', 'https://kyiv.example/dam?utm_source=rss', 'Dam repaired overnight', 'Kyiv Daily', 'en',
   'Engineers repaired the hydroelectric dam overnight and power returned to the city by morning.', 'extracted', 14,
   now() - interval '2 hours', now() - interval '1 hour', now() - interval '1 hour', 200, 1),
  ('https://world.example/flood', 'https://world.example/flood', 'Flood closes dam road', 'World Wire', 'en',
   'A flood closed the road to the dam; power lines were not affected.', 'extracted', 13,
   now() - interval '30 hours', now() - interval '30 hours', now() - interval '30 hours', 200, 1);
insert into articles (canonical_url, url) values ('https://kyiv.example/talks', 'https://kyiv.example/talks');
insert into articles (canonical_url, url, status, error, http_status, attempts, fetched_at) values
  ('https://world.example/markets', 'https://world.example/markets', 'failed', 'HTTP 404 Not Found', 404, 2, now() - interval '3 hours');

insert into items (source_id, key, canonical_url, link, title, summary, content, categories, published, first_seen_at, last_changed_at, content_hash, language)
select s.id, v.key, v.canonical_url, v.link, v.title, v.summary, v.content, v.categories::jsonb,
       now() - v.age, now() - v.age, now() - v.changed_age, md5(v.title), 'en'
from (values
  ('https://kyiv.example/rss', 'k1', 'https://kyiv.example/dam', 'https://kyiv.example/dam?utm_source=rss', 'Dam repaired', null, '<p>The dam is fixed.</p>', '["Energy", "Ukraine"]', interval '2 hours', interval '2 hours'),
  ('https://world.example/feed', 'w7', 'https://kyiv.example/dam', 'https://world.example/r/dam', 'Power back after dam repair', '<p>Power is back.</p>', null, '["Energy"]', interval '90 minutes', interval '90 minutes'),
  ('https://kyiv.example/rss', 'k2', 'https://kyiv.example/talks', 'https://kyiv.example/talks', 'Talks resume', null, '<p>Delegations met again.</p>', '["Politics"]', interval '1 hour', interval '10 minutes'),
  ('https://world.example/feed', 'w8', 'https://world.example/markets', 'https://world.example/markets', 'Markets rally', '<p>Stocks rose.</p>', null, '["Economy"]', interval '3 days', interval '3 days'),
  ('https://kyiv.example/rss', 'k3', 'https://kyiv.example/old', 'https://kyiv.example/old', 'Old news', null, '<p>Old.</p>', '["Energy"]', interval '10 days', interval '10 days')
) as v(source_url, key, canonical_url, link, title, summary, content, categories, age, changed_age)
join sources s on s.url = v.source_url;

insert into hosts (host, backoff_until, backoff_seconds, consecutive_errors) values
  ('broken.example', now() + interval '30 minutes', 1800, 5),
  ('world.example', now() - interval '1 hour', 0, 0),
  ('kyiv.example', null, 0, 0);

insert into fetch_log (at, url, host, kind, status, bytes, duration_ms, error) values
  (now() - interval '1 hour', 'https://kyiv.example/rss', 'kyiv.example', 'feed', 200, 20000, 120, null),
  (now() - interval '1 hour', 'https://kyiv.example/dam', 'kyiv.example', 'article', 200, 80000, 480, null),
  (now() - interval '1 hour', 'https://world.example/feed', 'world.example', 'feed', 304, 0, 60, null),
  (now() - interval '1 hour', 'https://broken.example/rss', 'broken.example', 'feed', 503, 300, 2500, 'HTTP 503'),
  (date_trunc('day', now()) - interval '36 hours', 'https://kyiv.example/rss', 'kyiv.example', 'feed', 200, 20000, 100, null),
  (date_trunc('day', now()) - interval '36 hours', 'https://broken.example/rss', 'broken.example', 'feed', null, null, 30000, 'timeout after 30 s');
)sql";

// Expected rows per query: cells joined by " | "; a cell "*" matches anything
// (times relative to now), "~text" matches a cell containing text; NULL is "NULL".
const std::map<std::string, std::vector<std::string>> kExpected = {
    {"Latest items per source",
     {"Kyiv Daily | Talks resume | *", "Kyiv Daily | Dam repaired | *",
      "World Wire | Power back after dam repair | *", "World Wire | Markets rally | *"}},
    {"Articles of the last 24 hours, with their text",
     {"Dam repaired overnight | Kyiv Daily | 14 | Engineers repaired the hydroelectric dam"}},
    {"Search articles, with highlighted snippets",
     {"Dam repaired overnight | ~<<dam>> overnight and <<power>> | *"}},
    {"Search items, newest first",
     {"World Wire | Power back after dam repair | *", "Kyiv Daily | Dam repaired | *"}},
    {"Search with stemming in one language",
     {"World Wire | Power back after dam repair | en", "Kyiv Daily | Dam repaired | en"}},
    {"Items per tag this week", {"Energy | 2", "Economy | 1", "Politics | 1", "Ukraine | 1"}},
    {"The same story across sources", {"https://kyiv.example/dam | 2 | Kyiv Daily, World Wire"}},
    {"Items still waiting for their article",
     {"Old news | https://kyiv.example/old | not queued",
      "Talks resume | https://kyiv.example/talks | pending"}},
    {"Articles that failed, and why", {"https://world.example/markets | 404 | HTTP 404 Not Found | 2"}},
    {"Failing sources and why",
     {"Broken Blog | https://broken.example/rss | 5 | 503 | HTTP 503 Service Unavailable | 2 days 03:00:00"}},
    {"Disabled sources", {"Gone Feed | https://gone.example/rss | removed from the OPML file"}},
    {"Sources due for a poll in the next ten minutes",
     {"Broken Blog | https://broken.example/rss | * | 02:00:00",
      "Kyiv Daily | https://kyiv.example/rss | * | 00:15:00"}},
    {"Slowest hosts over the last 24 hours",
     {"broken.example | 1 | 2500 | 2500", "kyiv.example | 2 | 300 | 480", "world.example | 1 | 60 | 60"}},
    {"Fetch volume per host per day",
     {"* | broken.example | 1 | 300 bytes | 1", "* | kyiv.example | 2 | 98 kB | 0",
      "* | world.example | 1 | 0 bytes | 0", "* | broken.example | 1 | NULL | 1",
      "* | kyiv.example | 1 | 20 kB | 0"}},
    {"Hosts backing off right now", {"broken.example | * | 1800 | 5"}},
    {"Items edited after they were first seen", {"Talks resume | * | *"}},
    {"The news feed: latest items with the best text",
     {"Kyiv Daily | Talks resume | content | <p>Delegations met again.</p>",
      "World Wire | Power back after dam repair | article | Engineers repaired the hydroelectric dam",
      "Kyiv Daily | Dam repaired | article | Engineers repaired the hydroelectric dam",
      "World Wire | Markets rally | summary | <p>Stocks rose.</p>",
      "Kyiv Daily | Old news | content | <p>Old.</p>"}},
    {"Listen for new items and articles", {}},
};

std::vector<std::string> split_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (;;) {
    auto end = row.find(" | ", start);
    cells.push_back(row.substr(start, end - start));
    if (end == std::string::npos) return cells;
    start = end + 3;
  }
}

bool cell_matches(const std::string& expected, const std::string& actual) {
  if (expected == "*") return true;
  if (expected.starts_with("~")) return actual.find(expected.substr(1)) != std::string::npos;
  return expected == actual;
}

std::vector<std::string> run(Connection& conn, const std::string& sql) {
  newsd::pg::Result result = newsd::pg::adopt(PQexec(newsd::pg::native(conn), sql.c_str()));
  auto status = PQresultStatus(newsd::pg::native(result));
  EXPECT_TRUE(status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
      << PQresultErrorMessage(newsd::pg::native(result));
  std::vector<std::string> rows;
  for (int row = 0; row < result.rows(); ++row) {
    std::string line;
    for (int column = 0; column < result.columns(); ++column) {
      if (column > 0) line += " | ";
      line += result.is_null(row, column) ? "NULL" : std::string(result.text(row, column));
    }
    rows.push_back(line);
  }
  return rows;
}

TEST(Cookbook, EveryQueryInDocsSqlReturnsItsExpectedRows) {
  auto queries = cookbook_queries();
  ASSERT_GE(queries.size(), 12u) << "docs/sql.md promises at least 12 cookbook queries";
  Connection conn(newsd::test::migrated_database("cookbook"));
  conn.exec_script("seed the cookbook data", kSeed);
  std::set<std::string> seen;
  for (const auto& query : queries) {
    SCOPED_TRACE(query.title);
    seen.insert(query.title);
    auto expected = kExpected.find(query.title);
    ASSERT_NE(expected, kExpected.end()) << "no expected rows for this cookbook query: add them to kExpected";
    auto rows = run(conn, query.sql);
    ASSERT_EQ(rows.size(), expected->second.size())
        << query.sql << "\nfirst row: " << (rows.empty() ? "" : rows[0]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto want = split_cells(expected->second[i]);
      auto got = split_cells(rows[i]);
      ASSERT_EQ(want.size(), got.size()) << "row " << i << ": " << rows[i];
      for (std::size_t c = 0; c < want.size(); ++c) {
        EXPECT_TRUE(cell_matches(want[c], got[c]))
            << "row " << i << " column " << c << ": expected '" << want[c] << "', got '" << got[c] << "'";
      }
    }
  }
  for (const auto& [title, rows] : kExpected)
    EXPECT_TRUE(seen.contains(title)) << "query gone from docs: " << title;
}

TEST(Cookbook, TheListenExampleReceivesNewItems) {
  const std::string url = newsd::test::migrated_database("cookbook_listen");
  Connection listener(url);
  for (const auto& query : cookbook_queries()) {
    if (query.title == "Listen for new items and articles") run(listener, query.sql);
  }
  Connection writer(url);
  auto source = newsd::test::add_source(writer, "https://kyiv.example/rss");
  auto id =
      writer
          .exec("new item",
                "insert into items (source_id, key, content_hash) values ($1::bigint, 'k', 'h') returning id",
                {std::to_string(source)})
          .integer(0, 0);
  auto notification = listener.wait_notification(std::chrono::seconds(30));
  ASSERT_TRUE(notification.has_value());
  EXPECT_EQ(notification->channel, "newsd_items");
  EXPECT_EQ(notification->payload, std::to_string(id));
}

// The same cookbook against three feeds that differ only in language: one
// without <language> (English text, indexed as written), a German one (which has
// a stemmer) and a Ukrainian one (which has none). Every query that reads items
// or articles must return rows of each feed; the search queries are run with
// each feed's own words in place of the documented search terms.
constexpr std::string_view kMultilingualSeed = R"sql(
insert into sources (url, title) values
  ('https://plain.example/rss', 'Plain Wire'),
  ('https://berlin.example/rss', 'Berliner Blatt'),
  ('https://kyiv.example/rss', 'Київські новини');

insert into articles (canonical_url, url, title, language, text, status, word_count, published, extracted_at, fetched_at, http_status, attempts)
select v.url, v.url, v.title, v.language, v.text, 'extracted', 12, now() - v.age, now() - v.age, now() - v.age, 200, 1
from (values
  ('https://plain.example/main', 'Turbines humming again', null,
   'The turbines were humming again after the dam repairs, and power returned to the city.', interval '1 hour'),
  ('https://berlin.example/main', 'Strom fließt wieder', 'de',
   'Nach der Reparatur der Staudämme fließt der Strom wieder in die Stadt.', interval '2 hours'),
  ('https://kyiv.example/main', 'Електроенергія повернулася', 'uk',
   'Після ремонту греблі електроенергія повернулася до міста.', interval '3 hours')
) as v(url, title, language, text, age);
insert into articles (canonical_url, url)
  values ('https://plain.example/wait', 'https://plain.example/wait'),
         ('https://berlin.example/wait', 'https://berlin.example/wait'),
         ('https://kyiv.example/wait', 'https://kyiv.example/wait');
insert into articles (canonical_url, url, status, error, http_status, attempts, fetched_at)
select u, u, 'failed', 'HTTP 404 Not Found', 404, 1, now() - interval '1 hour'
from unnest(array['https://plain.example/broken', 'https://berlin.example/broken', 'https://kyiv.example/broken']) as u;

insert into items (source_id, key, canonical_url, link, title, content, categories, published, first_seen_at, last_changed_at, content_hash, language)
select s.id, v.key, v.url, v.url, v.title, v.content, v.categories::jsonb,
       now() - v.age, now() - v.age, now() - v.changed_age, md5(v.key || v.title), v.language
from (values
  ('https://plain.example/rss', 'main', 'https://plain.example/main', 'Dam repairs finished',
   '<p>Crews finished the dam repairs; the turbines are humming again.</p>', '["Energy"]', null, interval '1 hour', interval '5 minutes'),
  ('https://berlin.example/rss', 'main', 'https://berlin.example/main', 'Staudämme repariert',
   '<p>Die Staudämme wurden repariert, der Strom fließt wieder.</p>', '["Energie"]', 'de', interval '2 hours', interval '5 minutes'),
  ('https://kyiv.example/rss', 'main', 'https://kyiv.example/main', 'Ремонт греблі завершено',
   '<p>Гребля відремонтована, електроенергія повернулася.</p>', '["Енергетика"]', 'uk', interval '3 hours', interval '5 minutes'),
  ('https://plain.example/rss', 'wait', 'https://plain.example/wait', 'Talks resume', '<p>Delegations met.</p>', '[]', null, interval '1 day', interval '1 day'),
  ('https://berlin.example/rss', 'wait', 'https://berlin.example/wait', 'Gespräche gehen weiter', '<p>Die Delegationen trafen sich.</p>', '[]', 'de', interval '1 day', interval '1 day'),
  ('https://kyiv.example/rss', 'wait', 'https://kyiv.example/wait', 'Переговори тривають', '<p>Делегації зустрілися.</p>', '[]', 'uk', interval '1 day', interval '1 day'),
  ('https://plain.example/rss', 'shared', 'https://wire.example/story', 'Summit opens', null, '[]', null, interval '2 days', interval '2 days'),
  ('https://berlin.example/rss', 'shared', 'https://wire.example/story', 'Gipfel beginnt', null, '[]', 'de', interval '2 days', interval '2 days'),
  ('https://kyiv.example/rss', 'shared', 'https://wire.example/story', 'Саміт відкрився', null, '[]', 'uk', interval '2 days', interval '2 days')
) as v(source_url, key, url, title, content, categories, language, age, changed_age)
join sources s on s.url = v.source_url;
)sql";

struct LanguageFeed {
  std::string name;
  std::vector<std::string> markers;                 // any of these in a row makes it this feed's row
  std::map<std::string, std::string> search_terms;  // cookbook query title -> its words in this language
};

const std::vector<LanguageFeed>& language_feeds() {
  static const std::vector<LanguageFeed> feeds = {
      {"no <language>",
       {"plain.example", "Plain Wire", "Dam repairs finished", "Turbines humming again", "Energy",
        "Talks resume"},
       {{"Search articles, with highlighted snippets", "turbines humming"},
        {"Search items, newest first", "\"dam repairs\""},
        {"Search with stemming in one language", "dam repairs"}}},
      {"German",
       {"berlin.example", "Berliner Blatt", "Staudämme repariert", "Strom fließt wieder", "Energie",
        "Gespräche gehen weiter"},
       {{"Search articles, with highlighted snippets", "Staudämme Strom"},
        {"Search items, newest first", "\"Staudämme repariert\""},
        {"Search with stemming in one language", "Staudämme"}}},
      {"Ukrainian",
       {"kyiv.example", "Київські новини", "Ремонт греблі завершено", "Електроенергія повернулася",
        "Енергетика", "Переговори тривають"},
       {{"Search articles, with highlighted snippets", "греблі електроенергія"},
        {"Search items, newest first", "\"ремонт греблі\""},
        {"Search with stemming in one language", "гребля"}}},
  };
  return feeds;
}

bool row_of(const LanguageFeed& feed, const std::string& row) {
  return std::ranges::any_of(
      feed.markers, [&](const std::string& marker) { return row.find(marker) != std::string::npos; });
}

// The query with every websearch_to_tsquery(config, 'terms') given `terms`
// instead (quotes doubled as SQL wants them).
std::string with_search_terms(const std::string& sql, const std::string& terms) {
  std::string quoted;
  for (char c : terms) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  static const std::regex search_call(R"(websearch_to_tsquery\('(\w+)', '(?:[^']|'')*'\))");
  return std::regex_replace(sql, search_call, "websearch_to_tsquery('$1', '" + quoted + "')");
}

TEST(Cookbook, EveryQueryFindsItemsAndArticlesWhateverTheirLanguage) {
  auto queries = cookbook_queries();
  Connection conn(newsd::test::migrated_database("cookbook_languages"));
  conn.exec_script("seed items in three languages", kMultilingualSeed);
  static const std::regex reads_items(R"(\b(items|articles|news)\b)");
  int checked = 0;
  for (const auto& query : queries) {
    SCOPED_TRACE(query.title);
    // Queries over sources, hosts and fetch_log only: those rows carry no language.
    if (!std::regex_search(query.sql, reads_items)) continue;
    const bool is_search = query.sql.find("websearch_to_tsquery") != std::string::npos;
    for (const auto& feed : language_feeds()) {
      SCOPED_TRACE(feed.name);
      std::string sql = query.sql;
      if (is_search) {
        auto terms = feed.search_terms.find(query.title);
        ASSERT_NE(terms, feed.search_terms.end()) << "no search terms in this language for this query";
        sql = with_search_terms(query.sql, terms->second);
        ASSERT_NE(sql, query.sql);
      }
      auto rows = run(conn, sql);
      EXPECT_TRUE(std::ranges::any_of(rows, [&](const std::string& row) { return row_of(feed, row); }))
          << sql << "\nfound no row of this feed among " << rows.size() << " rows";
      if (is_search) {
        for (const auto& row : rows)
          EXPECT_TRUE(row_of(feed, row)) << "search found another feed's row: " << row;
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 10) << "the cookbook's queries over items and articles";
}

TEST(Cookbook, StemmedSearchInOneLanguageFindsInflectedForms) {
  Connection conn(newsd::test::migrated_database("cookbook_stemming"));
  conn.exec_script("seed items in three languages", kMultilingualSeed);
  // "Staudammes" is in no text, but stems like the German item's "Staudämme".
  auto rows = run(conn, R"sql(
    select title from items
    where search @@ (websearch_to_tsquery('simple', 'Staudammes') || websearch_to_tsquery('german', 'Staudammes'))
    order by title)sql");
  EXPECT_EQ(rows, std::vector<std::string>{"Staudämme repariert"});
  // The words as written find the Ukrainian item, which has no stemmer.
  rows = run(conn,
             "select title from articles where search @@ websearch_to_tsquery('simple', 'ремонту греблі')");
  EXPECT_EQ(rows, std::vector<std::string>{"Електроенергія повернулася"});
}

}  // namespace
