// A <meta> that writes its value in "value" instead of "content" (some
// templates do; pages saved through Mercury/Postlight's fetcher have every
// meta so): the value is the page's word, read as content would be.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::extracted;
using newsd::test::page;
using newsd::test::prose;
using newsd::test::published;

std::string story(std::string_view head) {
  return page("<title>Night ferry extended</title>" + std::string(head),
              "<article><h1>Night ferry extended</h1>" + prose(4) + "</article>");
}

TEST(MetaValueAttribute, AuthorAndDateAreRead) {
  const std::string html = story(
      "<meta value=\"Zora Lindqvist\" name=\"author\">"
      "<meta value=\"2025-03-05T21:40:00+01:00\" property=\"article:published_time\">");
  EXPECT_EQ(extracted(html).authors, std::vector<std::string>{"Zora Lindqvist"});
  EXPECT_EQ(published(html), "2025-03-05T21:40:00+01:00");
}

TEST(MetaValueAttribute, ContentWinsWhenBothAreThere) {
  const std::string html = story("<meta content=\"Zora Lindqvist\" value=\"Someone Else\" name=\"author\">");
  EXPECT_EQ(extracted(html).authors, std::vector<std::string>{"Zora Lindqvist"});
}

// A template's empty variable printed as a word ("None", "undefined",
// "null") is no value: no author, tag or description named "None".
TEST(MetaValueAttribute, PlaceholderWordsAreNoValue) {
  const std::string html = story(
      "<meta name=\"description\" content=\"None\"><meta name=\"keywords\" content=\"None\">"
      "<meta name=\"author\" content=\"undefined\"><script type=\"application/ld+json\">{\"@type\": "
      "\"NewsArticle\", \"headline\": \"Night ferry extended\", \"author\": {\"@type\": \"Person\", "
      "\"name\": \"null\"}, \"keywords\": [\"None\", \"ferries\"], \"description\": \"NULL\"}</script>");
  const auto article = extracted(html);
  EXPECT_TRUE(article.authors.empty()) << article.authors.front();
  EXPECT_EQ(article.tags, std::vector<std::string>{"ferries"});
  EXPECT_EQ(article.description, "");
}

}  // namespace
