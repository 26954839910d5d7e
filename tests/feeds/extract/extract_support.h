#pragma once
// Helpers shared by the extraction tests: files, expected JSON, token F1.
#include <boost/json/value.hpp>

#include <filesystem>
#include <string>
#include <string_view>

#include "feeds/extract.h"

namespace newsd::test {

std::string read_bytes(const std::filesystem::path& path);
boost::json::value read_json(const std::filesystem::path& path);

// Bag-of-tokens overlap between an extracted text and the expected one
// (tokens as feeds::text_tokens cuts them).
struct TokenCounts {
  double matched = 0;
  double extracted = 0;
  double expected = 0;

  TokenCounts& operator+=(const TokenCounts& other) {
    matched += other.matched;
    extracted += other.extracted;
    expected += other.expected;
    return *this;
  }
  // Empty-vs-empty is a perfect answer (a page without an article).
  [[nodiscard]] double precision() const {
    return extracted == 0 ? (expected == 0 ? 1 : 0) : matched / extracted;
  }
  [[nodiscard]] double recall() const {
    return expected == 0 ? (extracted == 0 ? 1 : 0) : matched / expected;
  }
  [[nodiscard]] double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

TokenCounts token_overlap(std::string_view extracted, std::string_view expected);

// `paragraphs` <p> elements of plausible article prose, numbered from 0.
std::string prose(int paragraphs);

// A whole HTML document around `head` and `body`; `html_attributes` go in
// the <html> tag (" lang=\"de\"").
std::string page(std::string_view head, std::string_view body, std::string_view html_attributes = "");

// The published date of the article extracted from `html` at `url`, as its
// JSON gives it (RFC 3339 in the page's own offset when it gave one); "none"
// when there is no date.
std::string published(const std::string& html, const std::string& url = "https://news.example/story/ferry");

// The article extracted from `html` at `url` (the metadata tests' page
// address by default: some rules compare links with it).
feeds::Article extracted(std::string_view html,
                         std::string_view url = "https://harbourherald.example/news/1");

// White space collapsed, for "must contain" checks.
std::string squeeze(std::string_view text);

}  // namespace newsd::test
