#include "extract/extract_hydration.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>

#include "common/html_escape.h"
#include "extract/extract_content.h"
#include "extract/extract_dom.h"
#include "feeds/dates.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace json = boost::json;

namespace {

constexpr std::array kBodyKeys = {"body",       "content",       "articleBody",  "bodyHtml",
                                  "body_html",  "html",          "contentHtml",  "content_html",
                                  "text",       "articleText",   "content_text", "blocks",
                                  "paragraphs", "contentBlocks", "body_blocks"};
constexpr std::array kBlockTextKeys = {"text", "content", "html", "value", "body", "markup"};
constexpr std::array kSkippedBlockTypes = {
    "ad",       "advert",         "advertisement",    "related",        "newsletter",
    "promo",    "recommendation", "recommendations",  "signup",         "share",
    "readAlso", "read_also",      "related_articles", "relatedArticles"};
constexpr int kMaxDepth = 48;

const json::value* member(const json::object& object, std::string_view key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &found->value();
}

std::string string_of(const json::value* value) {
  if (value == nullptr) return {};
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_object()) {
    if (auto* name = member(value->get_object(), "name"); name != nullptr && name->is_string())
      return std::string(name->get_string());
  }
  return {};
}

bool looks_like_html(std::string_view text) {
  return text.find("<p") != std::string_view::npos || text.find("<div") != std::string_view::npos ||
         text.find("<h2") != std::string_view::npos || text.find("<br") != std::string_view::npos;
}

// Paragraphs of one body string, HTML or plain text.
void split_body(std::string_view body, std::vector<std::string>& paragraphs, std::string& html) {
  if (looks_like_html(body)) {
    html += body;
    XmlDocPtr doc = parse_html_utf8(body, {});
    if (!doc) return;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr) return;
    std::string text = blocks_to_text({root});
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      paragraphs.emplace_back(text.substr(start, end - start));
      start = end + 2;
    }
    return;
  }
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string paragraph = collapse_whitespace(body.substr(start, end - start));
    if (!paragraph.empty()) {
      html += "<p>";
      // Escape for the HTML rendering; the sanitiser re-parses it.
      append_html_escaped(html, paragraph);
      html += "</p>";
      paragraphs.push_back(std::move(paragraph));
    }
    start = end + 1;
  }
}

bool skipped_block(const json::object& block) {
  for (auto key : {"type", "_type", "__typename", "blockType", "kind"}) {
    std::string type = string_of(member(block, key));
    if (type.empty()) continue;
    for (const char* skipped : kSkippedBlockTypes) {
      if (iequals(type, skipped)) return true;
    }
  }
  return false;
}

HydratedArticle from_value(const json::value& value) {
  HydratedArticle article;
  if (value.is_string()) {
    split_body(value.get_string(), article.paragraphs, article.html);
  } else if (value.is_array()) {
    for (const auto& element : value.get_array()) {
      if (element.is_string()) {
        split_body(element.get_string(), article.paragraphs, article.html);
      } else if (element.is_object()) {
        const auto& block = element.get_object();
        if (skipped_block(block)) continue;
        for (const char* key : kBlockTextKeys) {
          auto* text = member(block, key);
          if (text != nullptr && text->is_string()) {
            split_body(text->get_string(), article.paragraphs, article.html);
            break;
          }
        }
      }
    }
  }
  for (const auto& paragraph : article.paragraphs) article.text_bytes += paragraph.size();
  return article;
}

struct Search {
  std::optional<HydratedArticle> best;

  void visit(const json::value& value, int depth) {
    if (depth > kMaxDepth) return;
    if (value.is_array()) {
      for (const auto& element : value.get_array()) visit(element, depth + 1);
      return;
    }
    if (!value.is_object()) return;
    const auto& object = value.get_object();
    for (const char* key : kBodyKeys) {
      auto* body = member(object, key);
      if (body == nullptr || !(body->is_string() || body->is_array())) continue;
      if (body->is_string() && body->get_string().size() < 200) continue;
      HydratedArticle candidate = from_value(*body);
      if (candidate.text_bytes < 200) continue;
      if (best && best->text_bytes >= candidate.text_bytes) continue;
      candidate.title = html_to_plain_text(string_of(member(object, "title")));
      if (candidate.title.empty())
        candidate.title = html_to_plain_text(string_of(member(object, "headline")));
      for (auto author_key : {"author", "authors", "byline"}) {
        auto* author = member(object, author_key);
        if (author == nullptr) continue;
        if (author->is_array()) {
          for (const auto& one : author->get_array()) {
            std::string name = collapse_whitespace(string_of(&one));
            if (!name.empty()) candidate.authors.push_back(std::move(name));
          }
        } else {
          std::string name = collapse_whitespace(string_of(author));
          if (!name.empty()) candidate.authors.push_back(std::move(name));
        }
        if (!candidate.authors.empty()) break;
      }
      for (auto date_key :
           {"publishedAt", "datePublished", "published_at", "publishDate", "published", "date"}) {
        if (auto parsed = parse_date(string_of(member(object, date_key)))) {
          candidate.published = parsed;
          break;
        }
      }
      best = std::move(candidate);
    }
    for (const auto& entry : object) visit(entry.value(), depth + 1);
  }
};

}  // namespace

std::optional<HydratedArticle> read_hydration(std::string_view json_text) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 128;
  json::value value = json::parse(json_text, ec, {}, options);
  if (ec) return std::nullopt;
  Search search;
  search.visit(value, 0);
  return std::move(search.best);
}

}  // namespace feeds::extract_detail
