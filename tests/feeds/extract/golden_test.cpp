// The golden case: the Kyiv Independent article page (tests/data/fixtures/
// kyiv-independent): every metadata field of expected.json, every
// must-contain paragraph in order, none of the page furniture.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "extract_support.h"
#include "feeds/dates.h"
#include "feeds/extract.h"
#include "run_newsd.h"

namespace {

namespace json = boost::json;
using newsd::test::read_bytes;
using newsd::test::read_json;
using newsd::test::squeeze;

const std::filesystem::path kFixture =
    std::filesystem::path(NEWSD_TEST_DATA_DIR) / "fixtures" / "kyiv-independent";

class Golden : public ::testing::Test {
 protected:
  void SetUp() override {
    expected = read_json(kFixture / "expected.json").as_object();
    url = std::string(expected.at("url").as_string());
    feeds::ExtractOptions options;
    options.url = url;
    article = feeds::extract_article(read_bytes(kFixture / "article.html"), options).value();
  }
  json::object expected;
  std::string url;
  feeds::Article article;
};

TEST_F(Golden, MetadataMatchesEveryField) {
  EXPECT_EQ(article.title, expected.at("title").as_string());
  ASSERT_EQ(article.authors.size(), 1u);
  EXPECT_EQ(article.authors[0], expected.at("author").as_string());
  ASSERT_TRUE(article.published.has_value());
  EXPECT_EQ(feeds::format_rfc3339(*article.published), expected.at("published").as_string());
  EXPECT_EQ(article.site_name, expected.at("site_name").as_string());
  EXPECT_EQ(article.language, expected.at("language").as_string());
  EXPECT_EQ(article.canonical_url, expected.at("canonical_url").as_string());
  EXPECT_EQ(article.image, expected.at("image").as_string());
  std::vector<std::string> tags;
  for (const auto& tag : expected.at("tags").as_array()) tags.emplace_back(tag.as_string());
  EXPECT_EQ(article.tags, tags);
  EXPECT_EQ(article.url, url);
}

TEST_F(Golden, BodyParagraphsPresentInOrder) {
  const std::string text = squeeze(article.text);
  std::size_t position = 0;
  for (const auto& paragraph : expected.at("text_must_contain_in_order").as_array()) {
    const std::string wanted = squeeze(paragraph.as_string());
    const auto found = text.find(wanted, position);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << wanted << "\n--- text:\n"
                                        << article.text;
    position = found + wanted.size();
  }
}

TEST_F(Golden, NoFurniture) {
  for (const auto& furniture : expected.at("text_must_not_contain").as_array()) {
    EXPECT_EQ(article.text.find(std::string(furniture.as_string())), std::string::npos)
        << "furniture in the text: " << furniture.as_string() << "\n--- text:\n"
        << article.text;
  }
}

TEST_F(Golden, ParagraphsAreSeparatedByBlankLines) {
  EXPECT_NE(article.text.find("agree on March 2"), 0u);
  EXPECT_NE(article.text.find("and the U.N.\n\n\"I agree,\""), std::string::npos) << article.text;
}

TEST_F(Golden, HtmlIsSanitisedWithAbsoluteUrls) {
  EXPECT_NE(article.html.find("<p>Tech billionaire Elon Musk"), std::string::npos) << article.html;
  EXPECT_EQ(article.html.find("<script"), std::string::npos);
  EXPECT_EQ(article.html.find("class="), std::string::npos);
  EXPECT_EQ(article.html.find("href=\"/"), std::string::npos) << "relative link left in " << article.html;
  EXPECT_EQ(article.html.find("Subscribe"), std::string::npos);
}

TEST_F(Golden, ConfidentAndWordCounted) {
  EXPECT_EQ(article.method.rfind("dom", 0), 0u) << article.method;
  EXPECT_GE(article.confidence, 0.7);
  EXPECT_LE(article.confidence, 1.0);
  EXPECT_GT(article.word_count, 250u);
  EXPECT_LT(article.word_count, 400u);
}

TEST(GoldenCli, PrintsTheJsonContract) {
  const auto result = newsd::test::run_newsd(
      "extract '" + (kFixture / "article.html").string() +
      "' --url https://kyivindependent.com/elon-musk-publicly-supports-call-for-us-to-exit-nato-un/");
  ASSERT_EQ(result.status, 0) << result.err;
  const json::object out = json::parse(result.out).as_object();
  for (const char* key :
       {"url", "canonical_url", "title", "authors", "published", "modified", "site_name", "language", "image",
        "tags", "description", "text", "html", "word_count", "confidence", "method"}) {
    EXPECT_TRUE(out.contains(key)) << key;
  }
  EXPECT_EQ(out.at("published").as_string(), "2025-03-02T08:40:00Z");
  EXPECT_EQ(out.at("authors").as_array().at(0).as_string(), "The Kyiv Independent news desk");
  EXPECT_TRUE(out.at("word_count").is_number());
}

}  // namespace
