#pragma once
// Helpers shared by the storage integration tests.
#include <cstdint>
#include <string>
#include <string_view>

#include "feeds/feed.h"
#include "storage/pg.h"

namespace newsd::test {

// A fresh database with every embedded migration applied.
std::string migrated_database(const std::string& purpose);

// Inserts a source and returns its id.
std::int64_t add_source(pg::Connection& conn, std::string_view url, std::string_view title = "");

// An item as the feed parser would produce it (key, canonical URL and a
// content hash derived from title + content).
feeds::Item make_item(std::string_view key, std::string_view title, std::string_view content,
                      std::string_view link = "");

// The content hash make_item uses, for items edited in a test.
std::string test_hash(const feeds::Item& item);

// select count(*) ... as a number.
long long count(pg::Connection& conn, std::string_view sql);

}  // namespace newsd::test
