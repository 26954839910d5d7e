#include "extract_support.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <fstream>
#include <iterator>
#include <unordered_map>

#include "feeds/extract.h"
#include "feeds/testing/extract.h"
#include "feeds/text.h"

namespace newsd::test {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

boost::json::value read_json(const std::filesystem::path& path) {
  return boost::json::parse(read_bytes(path));
}

TokenCounts token_overlap(std::string_view extracted, std::string_view expected) {
  std::unordered_map<std::string, int> wanted;
  TokenCounts counts;
  for (auto& token : feeds::text_tokens(expected)) {
    ++wanted[token];
    ++counts.expected;
  }
  for (auto& token : feeds::text_tokens(extracted)) {
    ++counts.extracted;
    auto found = wanted.find(token);
    if (found != wanted.end() && found->second > 0) {
      --found->second;
      ++counts.matched;
    }
  }
  return counts;
}

std::string squeeze(std::string_view text) {
  return feeds::collapse_whitespace(text);
}

std::string page(std::string_view head, std::string_view body, std::string_view html_attributes) {
  std::string html = "<!DOCTYPE html><html";
  html.append(html_attributes).append("><head>").append(head).append("</head><body>").append(body);
  return html + "</body></html>";
}

std::string prose(int paragraphs) {
  std::string out;
  for (int i = 0; i < paragraphs; ++i) {
    out += "<p>Paragraph " + std::to_string(i) +
           " of the story, in which officials said, after a long meeting, that the plan would go ahead.</p>";
  }
  return out;
}

feeds::Article extracted(std::string_view html, std::string_view url) {
  feeds::ExtractOptions options;
  options.url = url;
  return feeds::extract_article(html, options).value();
}

std::string published(const std::string& html, const std::string& url) {
  const auto article = extracted(html, url);
  const auto json = feeds::article_to_json(article);
  const auto* value = json.if_contains("published");
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "none";
}

}  // namespace newsd::test
