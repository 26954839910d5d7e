#include "extract/extract_metadata.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <span>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/dates.h"
#include "feeds/text.h"
#include "feeds/url.h"

namespace feeds::extract_detail {

namespace json = boost::json;

namespace {

constexpr std::array kArticleTypes = {
    std::string_view("NewsArticle"),           std::string_view("Article"),
    std::string_view("BlogPosting"),           std::string_view("ReportageNewsArticle"),
    std::string_view("LiveBlogPosting"),       std::string_view("AnalysisNewsArticle"),
    std::string_view("OpinionNewsArticle"),    std::string_view("ReviewNewsArticle"),
    std::string_view("BackgroundNewsArticle"), std::string_view("TechArticle"),
    std::string_view("ScholarlyArticle"),      std::string_view("Report"),
    std::string_view("SocialMediaPosting"),    std::string_view("DiscussionForumPosting")};

// Meta tags keyed by lower-cased name/property/itemprop, values in document order.
using MetaMap = std::map<std::string, std::vector<std::string>, std::less<>>;

std::string plain(std::string_view text) {
  return html_to_plain_text(text);
}

const std::string* first_meta(const MetaMap& meta, std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    auto found = meta.find(key);
    if (found == meta.end()) continue;
    for (const auto& value : found->second) {
      if (value.find_first_not_of(" \t\r\n") != std::string::npos) return &value;
    }
  }
  return nullptr;
}

std::string meta_text(const MetaMap& meta, std::initializer_list<std::string_view> keys) {
  const std::string* value = first_meta(meta, keys);
  return value == nullptr ? std::string() : plain(*value);
}

std::optional<std::chrono::sys_seconds> meta_date(const MetaMap& meta,
                                                  std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    auto found = meta.find(key);
    if (found == meta.end()) continue;
    for (const auto& value : found->second) {
      if (auto parsed = parse_date(collapse_whitespace(value))) return parsed;
    }
  }
  return std::nullopt;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  value = collapse_whitespace(value);
  if (value.empty()) return;
  auto same = [&](const std::string& existing) {
    return existing.size() == value.size() && iequals(existing, value);
  };
  if (std::none_of(list.begin(), list.end(), same)) list.push_back(std::move(value));
}

// ---- JSON-LD --------------------------------------------------------------

bool type_matches(const json::value& type, std::span<const std::string_view> names) {
  auto one = [&](const json::value& v) {
    if (!v.is_string()) return false;
    std::string_view s = v.get_string();
    if (auto slash = s.rfind('/'); slash != std::string_view::npos)
      s = s.substr(slash + 1);  // schema.org/NewsArticle
    return std::find(names.begin(), names.end(), s) != names.end();
  };
  if (type.is_array()) return std::any_of(type.get_array().begin(), type.get_array().end(), one);
  return one(type);
}

const json::value* member(const json::object& object, std::string_view key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &found->value();
}

std::string json_string(const json::value* value) {
  if (value == nullptr) return {};
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_array() && !value->get_array().empty()) return json_string(&value->get_array()[0]);
  if (value->is_object()) {
    for (auto key : {"name", "url", "@id", "@value"}) {
      if (auto* inner = member(value->get_object(), key); inner != nullptr && inner->is_string())
        return std::string(inner->get_string());
    }
  }
  return {};
}

void collect_json_ld_objects(const json::value& value, std::vector<const json::object*>& out, int depth) {
  if (depth > 8) return;
  if (value.is_array()) {
    for (const auto& element : value.get_array()) collect_json_ld_objects(element, out, depth + 1);
  } else if (value.is_object()) {
    const auto& object = value.get_object();
    out.push_back(&object);
    if (auto* graph = member(object, "@graph")) collect_json_ld_objects(*graph, out, depth + 1);
  }
}

// Strips what CMSes wrap JSON-LD in: HTML comments, CDATA markers.
std::string clean_json_ld(std::string_view text) {
  std::string out(text);
  for (std::string_view junk : {"<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"}) {
    for (auto at = out.find(junk); at != std::string::npos; at = out.find(junk)) out.erase(at, junk.size());
  }
  return out;
}

// JSON as CMSes write it: raw line breaks and tabs inside strings (an
// articleBody pasted from an editor) are invalid JSON but common; they are
// escaped, other control characters inside strings become spaces. Outside
// strings nothing changes.
std::string escape_raw_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      } else if (byte < 0x20) {
        out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : " ";
        continue;
      }
    } else if (c == '"') {
      in_string = true;
    }
    out += c;
  }
  return out;
}

struct JsonLdArticle {
  std::string headline, description, site_name, image, language, url, body;
  std::vector<std::string> authors, keywords;
  std::optional<std::chrono::sys_seconds> published, modified;
};

void read_authors(const json::value* value, std::vector<std::string>& out) {
  if (value == nullptr) return;
  if (value->is_array()) {
    for (const auto& element : value->get_array()) read_authors(&element, out);
    return;
  }
  std::string name = json_string(value);
  if (value->is_object()) {
    auto* inner = member(value->get_object(), "name");
    name = inner != nullptr ? json_string(inner) : std::string();
  }
  if (name.rfind("http", 0) == 0) return;  // a profile URL, not a name
  add_unique(out, plain(name));
}

void read_keywords(const json::value* value, std::vector<std::string>& out) {
  if (value == nullptr) return;
  if (value->is_array()) {
    for (const auto& element : value->get_array()) add_unique(out, plain(json_string(&element)));
    return;
  }
  std::string text = json_string(value);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    add_unique(out, plain(std::string_view(text).substr(start, comma - start)));
    start = comma + 1;
  }
}

std::optional<JsonLdArticle> read_json_ld_article(const json::object& object) {
  auto* type = member(object, "@type");
  if (type == nullptr || !type_matches(*type, kArticleTypes)) return std::nullopt;
  JsonLdArticle article;
  article.headline = plain(json_string(member(object, "headline")));
  if (article.headline.empty()) article.headline = plain(json_string(member(object, "name")));
  article.description = plain(json_string(member(object, "description")));
  if (auto* publisher = member(object, "publisher")) article.site_name = plain(json_string(publisher));
  article.image = json_string(member(object, "image"));
  if (article.image.empty()) article.image = json_string(member(object, "thumbnailUrl"));
  article.language = json_string(member(object, "inLanguage"));
  article.url = json_string(member(object, "url"));
  if (article.url.empty()) article.url = json_string(member(object, "mainEntityOfPage"));
  read_authors(member(object, "author"), article.authors);
  if (article.authors.empty()) read_authors(member(object, "creator"), article.authors);
  read_keywords(member(object, "keywords"), article.keywords);
  article.published = parse_date(json_string(member(object, "datePublished")));
  if (!article.published) article.published = parse_date(json_string(member(object, "dateCreated")));
  article.modified = parse_date(json_string(member(object, "dateModified")));
  if (auto* body = member(object, "articleBody"); body != nullptr && body->is_string()) {
    article.body = std::string(body->get_string());
  }
  return article;
}

// ---- DOM pass -------------------------------------------------------------

struct Collected {
  MetaMap meta;
  std::string title_element;
  std::string html_lang;
  std::string canonical, amphtml;
  std::vector<std::string> json_ld_texts;
  std::string hydration;
  std::vector<std::string> itemprop_authors;
  std::vector<std::string> rel_tags;
  std::vector<std::string> byline_texts;
  std::optional<std::chrono::sys_seconds> first_time;
  std::optional<std::chrono::sys_seconds> itemprop_published, itemprop_modified;
  std::string itemprop_headline;
  std::string h1;
};

bool rel_has(std::string_view rel, std::string_view token) {
  std::size_t start = 0;
  while (start < rel.size()) {
    auto end = rel.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = rel.size();
    if (iequals(rel.substr(start, end - start), token)) return true;
    start = end + 1;
  }
  return false;
}

void collect(xmlDoc* doc, Collected& out) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  out.html_lang = std::string(attribute(root, "lang"));
  if (out.html_lang.empty()) out.html_lang = std::string(attribute(root, "xml:lang"));
  walk(root, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "meta") {
      std::string_view content = attribute(node, "content");
      for (auto key_attribute : {"name", "property", "itemprop", "http-equiv"}) {
        std::string_view key = attribute(node, key_attribute);
        if (!key.empty()) out.meta[ascii_lower(key)].emplace_back(content);
      }
      return false;
    }
    if (name == "title") {
      if (out.title_element.empty()) out.title_element = text_content(node);
      return false;
    }
    if (name == "link") {
      std::string_view rel = attribute(node, "rel");
      if (rel_has(rel, "canonical") && out.canonical.empty())
        out.canonical = std::string(attribute(node, "href"));
      if (rel_has(rel, "amphtml") && out.amphtml.empty()) out.amphtml = std::string(attribute(node, "href"));
      return false;
    }
    if (name == "script") {
      std::string_view type = attribute(node, "type");
      std::string_view id = attribute(node, "id");
      if (icontains(type, "ld+json")) {
        out.json_ld_texts.push_back(text_content(node));
      } else if (id == "__NEXT_DATA__" || id == "__NUXT_DATA__") {
        out.hydration = text_content(node);
      }
      return false;
    }
    if (name == "style" || name == "noscript" || name == "template") return false;
    std::string_view itemprop = attribute(node, "itemprop");
    if (!itemprop.empty()) {
      if (iequals(itemprop, "author")) {
        // <span itemprop=author><span itemprop=name>X</span></span> or plain text.
        std::string text = collapse_whitespace(text_content(node));
        if (!text.empty() && text.size() < 120) out.itemprop_authors.push_back(text);
      } else if (iequals(itemprop, "datePublished") || iequals(itemprop, "dateModified")) {
        std::string_view value = attribute(node, "datetime");
        if (value.empty()) value = attribute(node, "content");
        auto parsed = parse_date(collapse_whitespace(value));
        auto& slot = iequals(itemprop, "datePublished") ? out.itemprop_published : out.itemprop_modified;
        if (parsed && !slot) slot = parsed;
      } else if (iequals(itemprop, "headline") && out.itemprop_headline.empty()) {
        out.itemprop_headline = collapse_whitespace(text_content(node));
      }
    }
    if (name == "time" && !out.first_time) {
      if (std::string_view value = attribute(node, "datetime"); !value.empty()) {
        out.first_time = parse_date(collapse_whitespace(value));
      }
    }
    if (name == "h1" && out.h1.empty()) out.h1 = collapse_whitespace(text_content(node));
    if (name == "a") {
      std::string_view rel = attribute(node, "rel");
      if (rel_has(rel, "tag")) out.rel_tags.push_back(collapse_whitespace(text_content(node)));
      if (rel_has(rel, "author")) {
        std::string text = collapse_whitespace(text_content(node));
        if (!text.empty() && text.size() < 120) out.itemprop_authors.push_back(text);
      }
    }
    // A byline without a class: an element whose text starts "By ...".
    if (out.byline_texts.size() < 4 && node->children != nullptr && node->children->type == XML_TEXT_NODE &&
        (name == "div" || name == "p" || name == "span")) {
      std::string_view first = as_view(node->children->content);
      while (!first.empty() && (first.front() == ' ' || first.front() == '\n' || first.front() == '\t'))
        first.remove_prefix(1);
      if (looks_like_byline(first)) {
        std::string text = collapse_whitespace(text_content(node));
        if (text.size() < 200) out.byline_texts.push_back(std::move(text));
      }
    }
    std::string_view cls = attribute(node, "class");
    if (!cls.empty() && (icontains(cls, "byline") || icontains(cls, "author-name")) &&
        out.byline_texts.size() < 4) {
      std::string text = collapse_whitespace(text_content(node));
      if (!text.empty() && text.size() < 200) out.byline_texts.push_back(std::move(text));
    }
    return true;
  });
}

// "By Jane Doe and John Roe | March 2, 2025" -> {"Jane Doe", "John Roe"}.
std::vector<std::string> authors_from_byline(std::string_view byline) {
  std::vector<std::string> out;
  std::string text(byline);
  for (std::string_view prefix : {"By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ",
                                  "Автор: ", "Автор ", "Від ", "От "}) {
    if (text.rfind(prefix, 0) == 0) {
      text.erase(0, prefix.size());
      break;
    }
  }
  if (text.size() == byline.size()) return out;  // no "By": not trusted as a name list
  for (std::string_view stop : {" | ", " · ", " - ", " — ", ",  ", "  "}) {
    if (auto at = text.find(stop); at != std::string::npos) text.resize(at);
  }
  std::size_t start = 0;
  while (start < text.size()) {
    auto next = text.find(" and ", start);
    std::size_t cut = next == std::string::npos ? text.size() : next;
    std::string name = collapse_whitespace(std::string_view(text).substr(start, cut - start));
    // Dates and reading times follow bylines; names do not contain digits.
    if (!name.empty() && name.size() < 80 && name.find_first_of("0123456789") == std::string::npos)
      add_unique(out, name);
    if (next == std::string::npos) break;
    start = next + 5;
  }
  return out;
}

// "Jane Doe -", "Jane Doe |", "Jane Doe," : the separator a byline put
// before the date or the site stays out of the name.
std::string trim_author(std::string_view name) {
  std::string out = collapse_whitespace(name);
  while (!out.empty()) {
    const char last = out.back();
    if (last == '-' || last == '|' || last == ',' || last == ':' || last == ';' || last == '/' ||
        last == ' ') {
      out.pop_back();
    } else if (out.ends_with("\xE2\x80\x94") || out.ends_with("\xE2\x80\x93") || out.ends_with("\xC2\xB7")) {
      out.resize(out.size() - (out.ends_with("\xC2\xB7") ? 2 : 3));  // em dash, en dash, middle dot
    } else {
      break;
    }
  }
  return out;
}

// Digits at `at`, exactly `count` of them.
std::optional<int> digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The date many CMSes put in the article's path: /2024/03/07/, /2024-03-07/,
// /20240307/ (the year 1990-2099, a real month and day; a path segment
// boundary on both sides). Midnight of that calendar day, as the page gives
// no time.
std::optional<std::chrono::sys_seconds> date_in_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  auto path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  const std::string_view path = url.substr(path_start, url.find_first_of("?#", path_start) - path_start);
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    const auto year = digits_at(path, i + 1, 4);
    if (!year || *year < 1990 || *year > 2099) continue;
    std::optional<int> month, day;
    std::size_t end = 0;
    const std::size_t after = i + 5;
    if (after < path.size() && (path[after] == '/' || path[after] == '-')) {
      month = digits_at(path, after + 1, 2);
      if (month && after + 3 < path.size() && path[after + 3] == path[after]) {
        day = digits_at(path, after + 4, 2);
        end = after + 6;
      }
    } else {
      month = digits_at(path, after, 2);
      day = digits_at(path, after + 2, 2);
      end = after + 4;
    }
    if (!month || !day) continue;
    if (end < path.size() && path[end] >= '0' && path[end] <= '9') continue;
    const std::chrono::year_month_day date{std::chrono::year(*year),
                                           std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) continue;
    return std::chrono::sys_seconds(std::chrono::sys_days(date));
  }
  return std::nullopt;
}

}  // namespace

std::string absolute_url(std::string_view base, std::string_view reference) {
  std::string trimmed = collapse_whitespace(reference);
  if (trimmed.empty()) return {};
  if (auto resolved = resolve_url(base, trimmed)) return *resolved;
  return trimmed;
}

std::string normalise_language(std::string_view tag_text) {
  std::string out = collapse_whitespace(tag_text);
  std::replace(out.begin(), out.end(), '_', '-');
  auto dash = out.find('-');
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (i < dash) {
      c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    } else if (c >= 'a' && c <= 'z' && out.size() - dash == 3) {
      c = static_cast<char>(c - 'a' + 'A');  // region subtag: "en-us" -> "en-US"
    }
  }
  return out;
}

std::string strip_site_from_title(std::string_view title_text, std::string_view site_name) {
  std::string title = collapse_whitespace(title_text);
  static constexpr std::array kSeparators = {
      std::string_view(" | "),  std::string_view(" - "), std::string_view(" — "), std::string_view(" – "),
      std::string_view(" :: "), std::string_view(" · "), std::string_view(" « "), std::string_view(" » ")};
  for (auto separator : kSeparators) {
    auto at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string_view tail = std::string_view(title).substr(at + separator.size());
    // Strip when the tail is the site's name, or short next to the head.
    if ((!site_name.empty() && iequals(tail, site_name)) || (tail.size() * 2 < at && tail.size() < 40)) {
      return std::string(std::string_view(title).substr(0, at));
    }
  }
  return title;
}

PageMetadata read_metadata(xmlDoc* doc, std::string_view base_url) {
  PageMetadata result;
  Collected found;
  collect(doc, found);
  const MetaMap& meta = found.meta;

  std::optional<JsonLdArticle> ld;
  bool ld_listing = false;
  for (const auto& text : found.json_ld_texts) {
    boost::system::error_code ec;
    std::string cleaned = clean_json_ld(text);
    json::value value = json::parse(cleaned, ec);
    if (ec) {
      ec.clear();
      value = json::parse(escape_raw_controls(cleaned), ec);
    }
    if (ec) {
      result.warnings.push_back("JSON-LD block is not valid JSON (" + ec.message() + "); ignored");
      continue;
    }
    std::vector<const json::object*> objects;
    collect_json_ld_objects(value, objects, 0);
    for (const auto* object : objects) {
      if (!ld) ld = read_json_ld_article(*object);
      static constexpr std::array kListingTypes = {std::string_view("CollectionPage"),
                                                   std::string_view("ItemList"),
                                                   std::string_view("SearchResultsPage")};
      if (auto* type = member(*object, "@type"); type != nullptr && type_matches(*type, kListingTypes))
        ld_listing = true;
    }
  }

  const std::string og_type = ascii_lower(meta_text(meta, {"og:type"}));
  result.declares_article = ld.has_value() || og_type == "article" || og_type.rfind("article", 0) == 0;
  result.declares_listing = !result.declares_article && (ld_listing || og_type == "website");

  // Site name first: the title cleanup needs it.
  result.site_name = meta_text(meta, {"og:site_name", "application-name", "twitter:site:name"});
  if (result.site_name.empty() && ld) result.site_name = ld->site_name;
  if (result.site_name.empty()) result.site_name = meta_text(meta, {"dc.publisher", "dcterms.publisher"});

  result.html_title = plain(found.title_element);
  result.title = meta_text(meta, {"og:title"});
  if (result.title.empty() && ld) result.title = ld->headline;
  if (result.title.empty())
    result.title = meta_text(meta, {"twitter:title", "dc.title", "dcterms.title", "headline"});
  if (result.title.empty()) result.title = plain(found.itemprop_headline);
  if (result.title.empty() && !found.h1.empty()) result.title = plain(found.h1);
  if (result.title.empty())
    result.title = strip_site_from_title(result.html_title, result.site_name);
  else
    result.title = strip_site_from_title(result.title, result.site_name);
  // The visible headline, when the declared title is it plus the site's
  // name or a section ("Headline - Site", "Site: Headline") in any form.
  if (!found.h1.empty()) {
    const std::string h1 = plain(found.h1);
    if (h1.size() >= 12 && h1.size() < result.title.size() && result.title.find(h1) != std::string::npos)
      result.title = h1;
  }

  if (ld) result.authors = ld->authors;
  if (result.authors.empty()) {
    for (auto key :
         {"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author"}) {
      auto it = meta.find(key);
      if (it == meta.end()) continue;
      for (const auto& value : it->second) {
        if (value.rfind("http", 0) != 0) add_unique(result.authors, plain(value));
      }
      if (!result.authors.empty()) break;
    }
  }
  if (result.authors.empty()) {
    for (const auto& name : found.itemprop_authors) add_unique(result.authors, plain(name));
  }
  if (result.authors.empty()) {
    for (const auto& byline : found.byline_texts) {
      for (auto& name : authors_from_byline(byline)) add_unique(result.authors, std::move(name));
      if (!result.authors.empty()) break;
    }
  }

  for (auto& name : result.authors) name = trim_author(name);
  std::erase_if(result.authors, [](const std::string& name) { return name.empty(); });

  if (ld) result.published = ld->published;
  if (!result.published)
    result.published =
        meta_date(meta, {"article:published_time", "datepublished", "og:article:published_time", "dc.date",
                         "dcterms.created", "dc.date.issued", "dcterms.issued", "publish-date", "pubdate",
                         "date", "parsely-pub-date", "sailthru.date"});
  if (!result.published) result.published = found.itemprop_published;
  if (!result.published) result.published = found.first_time;
  if (!result.published) result.published = date_in_url(base_url);
  if (ld) result.modified = ld->modified;
  if (!result.modified)
    result.modified = meta_date(meta, {"article:modified_time", "datemodified", "og:updated_time",
                                       "dcterms.modified", "last-modified"});
  if (!result.modified) result.modified = found.itemprop_modified;

  result.language = normalise_language(found.html_lang);
  if (result.language.empty())
    result.language = normalise_language(meta_text(meta, {"content-language", "dc.language", "language"}));
  if (result.language.empty() && ld) result.language = normalise_language(ld->language);
  if (result.language.empty()) {
    std::string locale = meta_text(meta, {"og:locale"});
    result.language = normalise_language(locale);
  }

  std::string image = meta_text(
      meta, {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  if (image.empty() && ld) image = ld->image;
  if (image.empty()) image = meta_text(meta, {"image", "thumbnailurl"});
  result.image = absolute_url(base_url, image);

  {
    auto it = meta.find("article:tag");
    if (it != meta.end()) {
      for (const auto& value : it->second) add_unique(result.tags, plain(value));
    }
  }
  if (result.tags.empty() && ld) result.tags = ld->keywords;
  if (result.tags.empty()) {
    for (const auto& tag_text : found.rel_tags) add_unique(result.tags, plain(tag_text));
  }
  if (result.tags.empty()) {
    if (const std::string* keywords = first_meta(meta, {"news_keywords", "keywords"})) {
      std::string_view text = *keywords;
      std::size_t start = 0;
      while (start <= text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        add_unique(result.tags, plain(text.substr(start, comma - start)));
        start = comma + 1;
      }
    }
  }

  result.description =
      meta_text(meta, {"og:description", "description", "twitter:description", "dc.description"});
  if (result.description.empty() && ld) result.description = ld->description;

  std::string canonical = found.canonical;
  if (canonical.empty()) canonical = meta_text(meta, {"og:url"});
  if (canonical.empty() && ld) canonical = ld->url;
  if (!canonical.empty()) {
    std::string absolute = absolute_url(base_url, canonical);
    auto normalised = canonical_url(absolute);
    result.canonical_url = normalised ? *normalised : absolute;
  }
  if (!found.amphtml.empty()) result.amphtml_url = absolute_url(base_url, found.amphtml);

  if (ld && !ld->body.empty()) result.json_ld_body = ld->body;
  result.hydration_json = std::move(found.hydration);
  return result;
}

}  // namespace feeds::extract_detail
