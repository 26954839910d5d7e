#include "extract/extract_hydration.h"

#include <boost/json/parse.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <unordered_set>

#include "common/html_escape.h"
#include "extract/extract_content.h"
#include "extract/extract_dom.h"
#include "feeds/dates.h"
#include "feeds/testing/extract.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace json = boost::json;

namespace {

constexpr std::array kBodyKeys = {"body",       "content",       "articleBody",  "bodyHtml",
                                  "body_html",  "html",          "contentHtml",  "content_html",
                                  "text",       "articleText",   "content_text", "blocks",
                                  "paragraphs", "contentBlocks", "body_blocks",  "content_elements"};
constexpr std::array kBlockTextKeys = {"text", "content", "html", "value", "body", "markup"};
constexpr std::array kSkippedBlockTypes = {"ad", "advert", "advertisement", "related", "newsletter", "promo",
                                           "recommendation", "recommendations", "signup", "share", "readAlso",
                                           "read_also", "related_articles", "relatedArticles",
                                           // Arc XP (Fusion) content_elements that are not the story's prose.
                                           "interstitial_link", "link_list", "custom_embed", "raw_html"};
// The standfirst beside a body: shown above the text, part of the article.
constexpr std::array kStandfirstKeys = {"subtitle", "subTitle", "standfirst", "dek", "subheadline"};
constexpr int kMaxDepth = 48;
// A state script shorter than this cannot hold a body worth replacing a cut with.
constexpr std::size_t kMinStateScriptBytes = 1024;
constexpr std::size_t kMaxStateScripts = 16;  // inline state scripts read per page

const json::value* member(const json::object& object, std::string_view key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &found->value();
}

std::string string_of(const json::value* value) {
  if (value == nullptr) return {};
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_object()) {
    // {"name": ...} (a person), {"rendered": ...} (WordPress REST), {"basic": ...} (Arc headlines).
    for (auto key : {"name", "rendered", "basic"}) {
      if (auto* inner = member(value->get_object(), key); inner != nullptr && inner->is_string())
        return std::string(inner->get_string());
    }
  }
  return {};
}

// The title an object gives itself: "title", "headline", Arc's "headlines".
std::string title_of(const json::object& object) {
  for (auto key : {"title", "headline", "headlines"}) {
    std::string title = html_to_plain_text(string_of(member(object, key)));
    if (!title.empty()) return title;
  }
  return {};
}

bool looks_like_html(std::string_view text) {
  return text.find("<p") != std::string_view::npos || text.find("<div") != std::string_view::npos ||
         text.find("<h2") != std::string_view::npos || text.find("<br") != std::string_view::npos;
}

// A CMS's placeholder left in the body for an ad or widget the page's script
// fills in: "$$ARTICLEAD$$", "{{ad_slot}}", "[[related]]", "%%AD%%".
bool is_placeholder(std::string_view paragraph) {
  if (paragraph.size() < 5 || paragraph.size() > 64) return false;
  if (paragraph.find_first_of(" \t\n") != std::string_view::npos) return false;
  auto opens = [](char c) { return c == '$' || c == '%' || c == '{' || c == '[' || c == '#' || c == '@'; };
  auto closes = [](char c) { return c == '$' || c == '%' || c == '}' || c == ']' || c == '#' || c == '@'; };
  const std::size_t last = paragraph.size() - 1;
  return opens(paragraph[0]) && opens(paragraph[1]) && closes(paragraph[last]) && closes(paragraph[last - 1]);
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
      std::string_view paragraph = std::string_view(text).substr(start, end - start);
      if (!is_placeholder(paragraph)) paragraphs.emplace_back(paragraph);
      start = end + 2;
    }
    return;
  }
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string paragraph = collapse_whitespace(body.substr(start, end - start));
    if (!paragraph.empty() && !is_placeholder(paragraph)) {
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
  } else if (value.is_object()) {
    // {"rendered": "<p>..."} (WordPress REST), {"html": "<p>..."}.
    for (auto key : {"rendered", "html"}) {
      if (auto* inner = member(value.get_object(), key); inner != nullptr && inner->is_string()) {
        split_body(inner->get_string(), article.paragraphs, article.html);
        break;
      }
    }
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
  // When set (state scripts), a body counts only when its object's title
  // shares most of its words with the page's title.
  const std::unordered_set<std::string>* page_title_tokens = nullptr;

  bool title_matches(const std::string& title) const {
    const auto tokens = text_tokens(title);
    if (tokens.size() < 2) return false;
    const std::unordered_set<std::string> distinct(tokens.begin(), tokens.end());
    std::size_t hits = 0;
    for (const auto& token : distinct) hits += page_title_tokens->count(token);
    return hits * 10 >= distinct.size() * 7;
  }

  // Whether any of the object's titles (a CMS keeps several: the print
  // headline, the web one, the SEO one) is the page's.
  bool names_page(const json::object& object) const {
    for (auto key : {"title", "headline", "headlines", "webTitle", "seoTitle", "metaTitle", "shortTitle"}) {
      std::string title = html_to_plain_text(string_of(member(object, key)));
      if (!title.empty() && title_matches(title)) return true;
    }
    return false;
  }

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
      if (body == nullptr || !(body->is_string() || body->is_array() || body->is_object())) continue;
      if (body->is_string() && body->get_string().size() < 200) continue;
      HydratedArticle candidate = from_value(*body);
      if (candidate.text_bytes < 200) continue;
      if (best && best->text_bytes >= candidate.text_bytes) continue;
      candidate.title = title_of(object);
      if (page_title_tokens != nullptr && !names_page(object)) continue;
      for (const char* standfirst_key : kStandfirstKeys) {
        auto* standfirst = member(object, standfirst_key);
        if (standfirst == nullptr || !standfirst->is_string() || standfirst->get_string().size() > 1000)
          continue;
        HydratedArticle lede;
        // "Line one<br>Line two": a standfirst's lines are paragraphs.
        std::string lines;
        const std::string_view raw = standfirst->get_string();
        for (std::size_t at = 0; at < raw.size();) {
          if (raw.substr(at, 3) == "<br") {
            const auto close = raw.find('>', at);
            if (close != std::string_view::npos) {
              lines += '\n';
              at = close + 1;
              continue;
            }
          }
          lines += raw[at++];
        }
        split_body(lines, lede.paragraphs, lede.html);
        if (lede.paragraphs.empty() || candidate.paragraphs.empty() ||
            candidate.paragraphs.front().starts_with(lede.paragraphs.front()))
          break;
        for (const auto& paragraph : lede.paragraphs) candidate.text_bytes += paragraph.size();
        candidate.paragraphs.insert(candidate.paragraphs.begin(), lede.paragraphs.begin(),
                                    lede.paragraphs.end());
        candidate.html.insert(0, lede.html);
        break;
      }
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

// Limits on the work one state script may cause: values tried that did not
// parse, and bytes handed to the parser in all (hostile text must not turn
// the scan quadratic).
constexpr int kMaxFailedParses = 64;
constexpr std::size_t kParseBudgetFactor = 4;

bool has_state_marker(std::string_view script) {
  if (script.find("<p") != std::string_view::npos || script.find("&lt;p") != std::string_view::npos)
    return true;
  // JSON's and JavaScript's escapes of "<p": \u003cp, \u003Cp, \x3cp, \x3Cp.
  for (auto at = script.find('\\'); at != std::string_view::npos; at = script.find('\\', at + 1)) {
    const std::string_view rest = script.substr(at + 1, 6);
    if ((rest.size() == 6 && rest.starts_with("u003") && (rest[4] == 'c' || rest[4] == 'C') &&
         rest[5] == 'p') ||
        (rest.size() >= 4 && rest.starts_with("x3") && (rest[2] == 'c' || rest[2] == 'C') && rest[3] == 'p'))
      return true;
  }
  // Arc XP's blocks of plain text, arrays of paragraph strings.
  return script.find("\"content_elements\"") != std::string_view::npos ||
         script.find("\"paragraphs\"") != std::string_view::npos;
}

// Where `name` ("<script", "</script") next starts at or after `from`, in any case.
std::size_t find_tag(std::string_view html, std::string_view name, std::size_t from) {
  for (auto at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (iequals(html.substr(at, name.size()), name)) return at;
  }
  return std::string_view::npos;
}

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

std::vector<std::string_view> state_scripts(std::string_view html) {
  std::vector<std::string_view> found;
  std::size_t position = 0;
  while (found.size() < kMaxStateScripts) {
    const std::size_t open = find_tag(html, "<script", position);
    if (open == std::string_view::npos) break;
    const std::size_t tag_end = html.find('>', open);
    if (tag_end == std::string_view::npos) break;
    const std::size_t close = find_tag(html, "</script", tag_end + 1);
    const std::string_view attributes = html.substr(open + 7, tag_end - open - 7);
    const std::string_view text =
        html.substr(tag_end + 1, (close == std::string_view::npos ? html.size() : close) - tag_end - 1);
    position = close == std::string_view::npos ? html.size() : close + 8;
    // "<scripts>" or "<script-x>" is another element; src, JSON-LD and
    // __NEXT_DATA__ scripts hold no state for this reader.
    if (!attributes.empty() && attributes[0] != ' ' && attributes[0] != '\t' && attributes[0] != '\n' &&
        attributes[0] != '\r' && attributes[0] != '/')
      continue;
    if (icontains(attributes, "src=")) continue;
    if (icontains(attributes, "ld+json") || attributes.find("__NEXT_DATA__") != std::string_view::npos ||
        attributes.find("__NUXT_DATA__") != std::string_view::npos)
      continue;
    if (text.size() >= kMinStateScriptBytes && has_state_marker(text)) found.push_back(text);
  }
  return found;
}

std::optional<HydratedArticle> read_state_script(std::string_view script, std::string_view page_title) {
  const auto title_list = text_tokens(page_title);
  const std::unordered_set<std::string> title_tokens(title_list.begin(), title_list.end());
  if (title_tokens.empty()) return std::nullopt;
  Search search;
  search.page_title_tokens = &title_tokens;

  json::parse_options options;
  options.max_depth = 128;
  json::parser parser(json::storage_ptr(), options);
  std::size_t budget = kParseBudgetFactor * script.size() + 4096;
  int failures = 0;
  // Parses the value starting at `at` and searches it; returns the bytes it
  // took (0: no complete value there).
  auto try_value = [&](std::size_t at) -> std::size_t {
    if (failures >= kMaxFailedParses || budget == 0) return 0;
    parser.reset();
    boost::system::error_code ec;
    const std::size_t length = std::min(script.size() - at, budget);
    const std::size_t used = parser.write_some(script.data() + at, length, ec);
    budget -= std::min(budget, used);
    if (ec) {
      ++failures;
      return 0;
    }
    json::value value = parser.release();
    if (value.is_string()) {
      // JSON.parse("{...}"): the state is a JSON text inside a string.
      const std::string_view inner = value.get_string();
      const auto first = inner.find_first_not_of(" \t\r\n");
      if (first == std::string_view::npos || (inner[first] != '{' && inner[first] != '[')) return used;
      if (inner.size() > budget) return used;
      budget -= inner.size();
      boost::system::error_code inner_ec;
      json::value parsed = json::parse(inner, inner_ec, {}, options);
      if (!inner_ec) search.visit(parsed, 0);
      return used;
    }
    search.visit(value, 0);
    return used;
  };

  std::size_t position = script.find_first_not_of(" \t\r\n");
  if (position == std::string_view::npos) return std::nullopt;
  // <script type=application/json>: the whole text is the value.
  if (script[position] == '{' || script[position] == '[') {
    if (try_value(position) > 0) return std::move(search.best);
  }
  // Values after "=" (an assignment, not "==", "=>", "<=", ">=", "!=") and
  // after "(" (a push or JSON.parse call).
  while (failures < kMaxFailedParses && budget > 0) {
    position = script.find_first_of("=(", position);
    if (position == std::string_view::npos) break;
    const char mark = script[position];
    std::size_t start = position + 1;
    if (mark == '=') {
      const char before = position > 0 ? script[position - 1] : ' ';
      if (before == '=' || before == '!' || before == '<' || before == '>' ||
          (start < script.size() && (script[start] == '=' || script[start] == '>'))) {
        position = start + 1;
        continue;
      }
    }
    start = script.find_first_not_of(" \t\r\n", start);
    if (start == std::string_view::npos) break;
    const char opening = script[start];
    std::size_t used = 0;
    if (opening == '{' || opening == '[' || (opening == '"' && mark == '(')) used = try_value(start);
    position = used > 0 ? start + used : start;
  }
  return std::move(search.best);
}

}  // namespace feeds::extract_detail
