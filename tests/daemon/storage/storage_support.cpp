#include "storage_support.h"

#include <functional>

#include "storage/migrations.h"
#include "test_db.h"

namespace newsd::test {

std::string migrated_database(const std::string& purpose) {
  std::string url = fresh_database(purpose);
  pg::Connection conn(url);
  storage::migrate(conn);
  return url;
}

std::int64_t add_source(pg::Connection& conn, std::string_view url, std::string_view title) {
  auto result =
      conn.exec("add test source",
                "insert into sources (url, title) values ($1, nullif($2, '')) returning id", {url, title});
  return result.integer(0, 0);
}

std::string test_hash(const feeds::Item& item) {
  return std::to_string(std::hash<std::string>{}(item.title + "\x1f" + item.summary + "\x1f" + item.content));
}

feeds::Item make_item(std::string_view key, std::string_view title, std::string_view content,
                      std::string_view link) {
  feeds::Item item;
  item.id = std::string(key);
  item.key = std::string(key);
  item.title = std::string(title);
  item.content = std::string(content);
  item.link = link.empty() ? "https://news.example/" + std::string(key) : std::string(link);
  item.canonical_url = item.link;
  item.content_hash = test_hash(item);
  return item;
}

long long count(pg::Connection& conn, std::string_view sql) {
  return conn.exec("count", sql).integer(0, 0);
}

}  // namespace newsd::test
