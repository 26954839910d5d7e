// feed_to_json_string writes the JSON straight from the Feed; it must be byte
// for byte boost::json::serialize(feed_to_json(feed)), the definition of the
// output (docs/feed-json.md). Checked over every document in tests/data/feeds
// and over hand-made feeds holding every byte value, invalid UTF-8 and the
// edges of the numbers. The feed_fuzz target checks the same equality.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "feed_test_support.h"
#include "feeds/feed_json.h"
#include "feeds/parse.h"

namespace {

namespace fs = std::filesystem;
using feeds::test::read_file;

std::string reference_json(const feeds::Feed& feed) {
  return boost::json::serialize(feeds::feed_to_json(feed));
}

bool is_document(const fs::path& path) {
  const std::string name = path.filename().string();
  for (const char* suffix : {".checks.json", ".expected.json", ".options.json", ".py"})
    if (name.ends_with(suffix)) return false;
  return true;
}

// A case's <case>.options.json (document_url, http_charset), when it has one.
struct CaseSettings {
  std::string document_url;
  std::string http_charset;
};

CaseSettings settings_for(const fs::path& document) {
  CaseSettings settings;
  fs::path settings_path = document;
  settings_path.replace_extension(".options.json");
  if (fs::exists(settings_path)) {
    const boost::json::value json = boost::json::parse(read_file(settings_path));
    if (const auto* url = json.as_object().if_contains("document_url"))
      settings.document_url = url->as_string().c_str();
    if (const auto* hint = json.as_object().if_contains("http_charset"))
      settings.http_charset = hint->as_string().c_str();
  }
  return settings;
}

TEST(FeedJsonString, EqualsBoostSerializeOnEveryCaseDocument) {
  const fs::path dir = fs::path(NEWSD_TEST_DATA_DIR) / "feeds";
  std::size_t parsed = 0, items = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file() || !is_document(entry.path())) continue;
    const CaseSettings settings = settings_for(entry.path());
    feeds::ParseOptions options;  // holds views of settings
    options.now = feeds::test::kFixedNow;
    options.document_url = settings.document_url;
    options.http_charset = settings.http_charset;
    const std::string bytes = read_file(entry.path());
    feeds::Result<feeds::Feed> result = feeds::parse_feed(bytes, options);
    if (!result) continue;
    ++parsed;
    items += result->items.size();
    EXPECT_EQ(feeds::feed_to_json_string(*result), reference_json(*result)) << entry.path();
  }
  // The directory holds a few hundred feeds; an empty loop would prove nothing.
  EXPECT_GE(parsed, 200u);
  EXPECT_GE(items, 250u);
}

std::string every_byte() {
  std::string text;
  for (int byte = 0; byte < 256; ++byte) text.push_back(static_cast<char>(byte));
  return text;
}

TEST(FeedJsonString, EscapesLikeBoostJsonInEveryField) {
  // Every byte value, at every offset modulo 16 (the writer scans 16 bytes at
  // a time), invalid and valid UTF-8, and quotes and backslashes in runs.
  std::vector<std::string> texts = {every_byte(), "\xff\xfe broken \xc3",
                                    "caf\xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80", R"(\\""\"\)",
                                    "\x7f\x1f\x20"};
  for (std::size_t shift = 1; shift < 17; ++shift) texts.push_back(std::string(shift, 'a') + every_byte());

  feeds::Feed feed;
  feed.format = feeds::FeedFormat::atom0_3;
  feed.ttl_minutes = std::numeric_limits<int>::min();
  feed.updated = std::chrono::sys_seconds(std::chrono::seconds(0));
  for (const std::string& text : texts) {
    feed.title = text;
    feed.link = text;
    feed.feed_url = text;
    feed.description = text;
    feed.language = text;
    feed.image = text;
    feed.authors.push_back({text, "", text});
    feed.warnings.push_back(text);
    feed.notes.push_back(text);
    feeds::Item item;
    item.id = text;
    item.link = text;
    item.title = text;
    item.summary = text;
    item.content = text;
    item.comments = text;
    item.image = text;
    item.key = text;
    item.canonical_url = text;
    item.content_hash = text;
    item.authors = {{"", text, ""}, {text, text, text}};
    item.categories = {text, "", text};
    item.enclosures = {{text, text, std::numeric_limits<std::int64_t>::max()},
                       {text, "", std::numeric_limits<std::int64_t>::min()},
                       {"", "", 0},
                       {text, text, std::nullopt}};
    item.published = std::chrono::sys_seconds(std::chrono::seconds(-86400));
    feed.items.push_back(item);
    EXPECT_EQ(feeds::feed_to_json_string(feed), reference_json(feed));
  }
}

TEST(FeedJsonString, EmptyFeedAndEmptyItem) {
  feeds::Feed feed;
  EXPECT_EQ(feeds::feed_to_json_string(feed), reference_json(feed));
  feed.items.emplace_back();
  feed.ttl_minutes = 60;
  EXPECT_EQ(feeds::feed_to_json_string(feed), reference_json(feed));
  for (feeds::FeedFormat format :
       {feeds::FeedFormat::rss2_0, feeds::FeedFormat::rss0_9x, feeds::FeedFormat::rss1_0,
        feeds::FeedFormat::atom1_0, feeds::FeedFormat::atom0_3, feeds::FeedFormat::json1_0,
        feeds::FeedFormat::json1_1}) {
    feed.format = format;
    EXPECT_EQ(feeds::feed_to_json_string(feed), reference_json(feed));
  }
}

}  // namespace
