#include "extract/extract_metadata.h"

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <span>

#include "extract/extract_authors.h"
#include "extract/extract_dates.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_title.h"
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

// A template's empty variable printed as a word: <meta name="description"
// content="None">, content="undefined", "null". It says there is no value.
bool is_placeholder(std::string_view value) {
  value = ascii::trim(value);
  for (std::string_view word : {"none", "null", "undefined", "nan", "n/a", "nil"})
    if (iequals(value, word)) return true;
  return false;
}

std::string plain(std::string_view text) {
  return html_to_plain_text(text);
}

// A form's field: a box of class "find-date" that holds one is a date
// picker, whose choices ("Dec 26 27 28 ... 2006 2007") are no dateline.
bool holds_form_field(xmlNode* box) {
  bool found = false;
  walk(box, [&](xmlNode* node) {
    if (found || !is_element(node)) return false;
    const std::string_view name = as_view(node->name);
    found = name == "select" || name == "input" || name == "textarea";
    return !found;
  });
  return found;
}

const std::string* first_meta(const MetaMap& meta, std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    auto found = meta.find(key);
    if (found == meta.end()) continue;
    for (const auto& value : found->second) {
      if (value.find_first_not_of(" \t\r\n") != std::string::npos && !is_placeholder(value)) return &value;
    }
  }
  return nullptr;
}

std::string meta_text(const MetaMap& meta, std::initializer_list<std::string_view> keys) {
  const std::string* value = first_meta(meta, keys);
  return value == nullptr ? std::string() : plain(*value);
}

std::optional<PageDate> meta_date(const MetaMap& meta, std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    auto found = meta.find(key);
    if (found == meta.end()) continue;
    for (const auto& value : found->second) {
      if (auto parsed = read_date(value)) return parsed;
    }
  }
  return std::nullopt;
}

// The first JSON value of a block with more after it: a stray closing brace
// a template adds, or a second object run on. The first value is what the
// block says; what follows it is left, not guessed at.
std::optional<json::value> first_json_value(std::string_view text) {
  json::stream_parser parser;
  boost::system::error_code ec;
  parser.write_some(text.data(), text.size(), ec);
  if (ec || !parser.done()) return std::nullopt;
  return parser.release();
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
    // A WebPage whose "mainEntity" is the article ({"@type":"WebPage",
    // "mainEntity":{"@type":"NewsArticle",...}}): the article's node is there,
    // not beside the page's.
    if (auto* main_entity = member(object, "mainEntity");
        main_entity != nullptr && (main_entity->is_object() || main_entity->is_array()))
      collect_json_ld_objects(*main_entity, out, depth + 1);
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
  bool authors_are_organisations = false;  // no person named: the publisher's name stands in
  std::optional<PageDate> published, modified;
};

// A Person without "name", named by its parts ({"givenName": "Birgit",
// "familyName": "Baumann"}, Der Standard).
std::string person_name_parts(const json::object& person) {
  std::string name;
  for (auto key : {"givenName", "additionalName", "familyName"}) {
    const json::value* part = member(person, key);
    if (part == nullptr || !part->is_string() || part->get_string().empty()) continue;
    if (!name.empty()) name += ' ';
    name += part->get_string();
  }
  if (member(person, "givenName") == nullptr && member(person, "familyName") == nullptr) return {};
  return name;
}

// Authors typed Organization go to `organisations`: they count only when
// no person is named.
void read_authors(const json::value* value, std::vector<std::string>& out,
                  std::vector<std::string>& organisations) {
  if (value == nullptr) return;
  if (value->is_array()) {
    // By index: the analyzer reads an empty array's null begin() as dereferenced.
    const json::array& items = value->get_array();
    for (std::size_t i = 0; i < items.size(); ++i) read_authors(&items[i], out, organisations);
    return;
  }
  std::string name = json_string(value);
  if (value->is_object()) {
    auto* inner = member(value->get_object(), "name");
    name = inner != nullptr ? json_string(inner) : person_name_parts(value->get_object());
    static constexpr std::array kOrganisationTypes = {std::string_view("Organization"),
                                                      std::string_view("NewsMediaOrganization")};
    if (auto* type = member(value->get_object(), "@type");
        type != nullptr && type_matches(*type, kOrganisationTypes)) {
      if (name.rfind("http", 0) != 0) add_unique(organisations, plain(name));
      return;
    }
  }
  if (name.rfind("http", 0) == 0 || is_placeholder(name)) return;  // a profile URL, not a name
  add_unique(out, plain(name));
}

void read_keywords(const json::value* value, std::vector<std::string>& out) {
  if (value == nullptr) return;
  if (value->is_array()) {
    for (const auto& element : value->get_array())
      if (!is_placeholder(json_string(&element))) add_unique(out, plain(json_string(&element)));
    return;
  }
  std::string text = json_string(value);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (!is_placeholder(std::string_view(text).substr(start, comma - start)))
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
  if (is_placeholder(article.description)) article.description.clear();
  if (auto* publisher = member(object, "publisher")) article.site_name = plain(json_string(publisher));
  article.image = json_string(member(object, "image"));
  if (article.image.empty()) article.image = json_string(member(object, "thumbnailUrl"));
  article.language = json_string(member(object, "inLanguage"));
  article.url = json_string(member(object, "url"));
  if (article.url.empty()) article.url = json_string(member(object, "mainEntityOfPage"));
  std::vector<std::string> organisations;
  read_authors(member(object, "author"), article.authors, organisations);
  if (article.authors.empty()) read_authors(member(object, "creator"), article.authors, organisations);
  if (article.authors.empty()) {
    article.authors = std::move(organisations);
    article.authors_are_organisations = !article.authors.empty();
  }
  read_keywords(member(object, "keywords"), article.keywords);
  article.published = read_date(json_string(member(object, "datePublished")));
  if (!article.published) article.published = read_date(json_string(member(object, "dateCreated")));
  article.modified = read_date(json_string(member(object, "dateModified")));
  if (auto* body = member(object, "articleBody"); body != nullptr && body->is_string()) {
    article.body = std::string(body->get_string());
  }
  return article;
}

// A WebPage node's datePublished and dateModified (only the type WebPage
// itself: a CollectionPage or SearchResultsPage is a listing).
void read_web_page_dates(const json::object& object, std::optional<PageDate>& published,
                         std::optional<PageDate>& modified) {
  static constexpr std::array kWebPage = {std::string_view("WebPage")};
  auto* type = member(object, "@type");
  if (type == nullptr || !type_matches(*type, kWebPage)) return;
  published = read_date(json_string(member(object, "datePublished")));
  modified = read_date(json_string(member(object, "dateModified")));
}

// ---- DOM pass -------------------------------------------------------------

struct Collected {
  MetaMap meta;
  std::string title_element;
  bool title_left_open = false;  // the <title>'s end tag is missing: the page's code follows it
  std::string html_lang;
  std::string canonical, amphtml;
  std::vector<std::string> json_ld_texts;
  std::string hydration;
  std::vector<std::string> itemprop_authors;
  std::vector<std::size_t> itemprop_author_at;  // text_seen where each was found
  std::size_t text_seen = 0;                    // bytes of text nodes walked so far
  // Links to a writer's page on the site between the headline and the first
  // prose paragraph (the article's header), and where the latest h1 was met.
  std::vector<std::string> header_author_links;
  std::size_t h1_at = 0;
  std::vector<std::string> rel_tags;
  std::vector<std::string> byline_texts;
  std::vector<std::string> teaser_byline_texts;  // bylines in teaser cards: other stories' authors
  std::vector<std::string> signoff_authors;      // "(Reporting by Jane Doe; Editing by John Roe)"
  std::optional<PageDate> first_time;
  std::vector<PageDate> times;  // the first <time datetime> values, in document order
  // Timestamps in other attributes (<time data-published>, <div datetime>,
  // data-post-published on the story's wrapper): the time of day of a
  // published day found elsewhere, never a date of their own.
  std::vector<PageDate> attribute_times;
  std::optional<PageDate> itemprop_published, itemprop_modified;
  std::optional<PageDate> dateline;           // visible date text in a date-classed element or a bare <time>
  std::optional<PageDate> heading_dateline;   // a date-classed heading (h2-h6) over the post
  std::optional<PageDate> byline_dateline;    // "by Jane Doe on March 5, 2024" in an element without a class
  std::optional<PageDate> updated_dateline;   // "Updated March 6, 2024": a revision's date
  std::optional<PageDate> labelled_dateline;  // "公開日：2019年4月2日": a label and a colon
  // "For Immediate Release: Nov. 6, 2012", or the first prose paragraph's
  // opening "October 25, 2012 - ...": a press release's or wire story's date.
  std::optional<PageDate> release_dateline;
  bool first_prose_seen = false;
  // Headings (h1-h4, or marked as a title) and the dateline among the first
  // few lines of text after each: "<h2>Headline</h2><p>Wednesday, November 7,
  // 2012 | 2:00 PM</p>", whatever the line's class says.
  struct HeadlineDateline {
    std::string heading;
    std::optional<PageDate> date;
  };
  std::vector<HeadlineDateline> headline_datelines;
  std::optional<std::chrono::year_month> path_month;  // set before the walk: /2012/11/ in the URL
  std::string itemprop_headline;
  std::string h1;
  std::vector<std::string> headings;  // h1-h6 below the first h1, for telling a masthead h1 from a headline
  ShownTexts shown_texts;             // for telling a <title>'s headline from the site's words around it
  // Where the page lives, for the links to it (its headline, linked to its permalink).
  PageLocation page, canonical_page;
  int links_to_page = 0;
  std::vector<std::string> site_names;      // the names the page gives itself: its feeds', its masthead's
  std::vector<std::string> feed_names;      // of those, its feeds' (a comment feed's aside)
  std::vector<std::string> masthead_names;  // and its masthead's (at most 3)
};

// Text bytes between two author-marked names beyond which the later one is
// not of the same byline (a byline's names, dates and labels are shorter).
constexpr std::size_t kMarkedNamesApart = 300;

// The article's header: text bytes after the h1 within which a link to a
// writer's page names the story's writer, and how many such links at most
// (more are a list of the site's writers).
constexpr std::size_t kHeaderBytes = 1000;
constexpr std::size_t kHeaderAuthorLinks = 3;
constexpr std::size_t kBylineTexts = 6;         // the first few: later ones belong to comments and teasers
constexpr std::size_t kHeadlineDatelines = 24;  // headings looked under
constexpr int kLinesUnderHeadline = 6;          // lines of text after a heading that may hold its date
constexpr std::size_t kHeadlineDatelineBytes = 80;  // a dateline is a short line, not a sentence of prose

// A text node inside `ancestor`'s subtree.
bool inside(xmlNode* node, xmlNode* ancestor) {
  for (xmlNode* up = node->parent; up != nullptr; up = up->parent)
    if (up == ancestor) return true;
  return false;
}

bool in_list_item(xmlNode* node) {
  for (xmlNode* up = node; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent)
    if (tag(up) == "li") return true;
  return false;
}

// Inside an element that marks the author (its class or id, as
// marks_author reads them), at most three levels up: an author box.
bool in_author_box(xmlNode* node) {
  int levels = 0;
  for (xmlNode* up = node->parent; up != nullptr && is_element(up) && levels < 3; up = up->parent, ++levels) {
    if (marks_author(up)) return true;
  }
  return false;
}

// A byline found at `node`: a menu's never counts, and a teaser card's
// (a list item with its own headline) only when the page shows no other.
void add_byline_text(Collected& out, xmlNode* node, std::string text) {
  if (in_navigation(node)) return;
  if (!in_teaser_card(node)) {
    out.byline_texts.push_back(std::move(text));
  } else if (out.teaser_byline_texts.size() < kBylineTexts) {
    out.teaser_byline_texts.push_back(std::move(text));
  }
}

void collect(xmlDoc* doc, Collected& out) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  out.html_lang = std::string(attribute(root, "lang"));
  if (out.html_lang.empty()) out.html_lang = std::string(attribute(root, "xml:lang"));
  int titled_elements = 0;
  // English pages, and pages that do not say, write numeric days both ways.
  const NumericDays numeric_days{
      .day_first = !out.html_lang.empty() && !ascii_lower(out.html_lang).starts_with("en"),
      .path_month = out.path_month};
  xmlNode* open_heading = nullptr;  // the heading whose following lines are read for its dateline
  int lines_left = 0;
  walk(root, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE && node->content != nullptr)
      out.text_seen += static_cast<std::size_t>(xmlStrlen(node->content));
    // A line of text under the open heading: the first that is a dateline
    // gives the heading's date. Only short lines (a dateline, "Posted July
    // 26th, 2011"), never a paragraph of prose that names a day.
    if (open_heading != nullptr && node->type == XML_TEXT_NODE && node->content != nullptr &&
        !inside(node, open_heading)) {
      const std::string line = collapse_whitespace(as_view(node->content));
      if (!line.empty()) {
        if (line.size() <= kHeadlineDatelineBytes && has_four_digits(line)) {
          if (auto date = dateline_date(line, numeric_days);
              date && a_line_of_its_own(node, 2 * kHeadlineDatelineBytes) && !in_comments(node->parent)) {
            out.headline_datelines.back().date = date;
            open_heading = nullptr;
          }
        }
        if (--lines_left == 0) open_heading = nullptr;
      }
    }
    // (Most text nodes are white space between tags, or too short or too
    // long to be a headline: those are passed over before any copy.)
    if (node->type == XML_TEXT_NODE && node->content != nullptr) {
      const std::string_view text = as_view(node->content);
      if (text.size() >= 8 && text.size() <= 1000 &&
          text.find_first_not_of(" \t\r\n") != std::string_view::npos && !inside_link(node))
        add_shown(out.shown_texts.texts, text);
    }
    // "公開日：2019年4月2日", "最終更新日：2019/02/22": a short line that labels its
    // date (a revision's label gives the revision's).
    if (node->type == XML_TEXT_NODE && node->content != nullptr && !out.labelled_dateline) {
      const std::string_view text = as_view(node->content);
      if (text.size() <= 120 && text.find_first_of(":\xef") != std::string_view::npos &&
          has_four_digits(text) && !inside_link(node) && !in_comments(node->parent)) {
        const std::string line = collapse_whitespace(text);
        if (auto date = labelled_date(line, numeric_days)) {
          if (!says_updated(line))
            out.labelled_dateline = date;
          else if (!out.updated_dateline)
            out.updated_dateline = date;
        }
      }
    }
    if (node->type == XML_TEXT_NODE && out.signoff_authors.empty() && node->content != nullptr) {
      // (The comment-thread test climbs the tree: only for a text that has a sign-off.)
      auto names = authors_from_signoff(as_view(node->content));
      if (!names.empty() && !in_comments(node->parent)) out.signoff_authors = std::move(names);
    }
    if (node->type == XML_TEXT_NODE && out.byline_texts.size() < kBylineTexts) {
      if (auto line = byline_line(node); !line.empty()) add_byline_text(out, node->parent, std::move(line));
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "meta") {
      std::string_view content = attribute(node, "content");
      // Some templates write the value in "value" (<meta value="Jane Doe"
      // name="author">); browsers ignore it, but it is the page's word.
      if (content.empty()) content = attribute(node, "value");
      for (auto key_attribute : {"name", "property", "itemprop", "http-equiv"}) {
        std::string_view key = attribute(node, key_attribute);
        if (!key.empty()) out.meta[ascii_lower(key)].emplace_back(content);
      }
      return false;
    }
    if (name == "title") {
      if (out.title_element.empty()) out.title_element = title_element_text(node, out.title_left_open);
      return false;
    }
    if (name == "link") {
      std::string_view rel = attribute(node, "rel");
      if (has_token(rel, {"canonical"}) && out.canonical.empty()) {
        out.canonical = std::string(attribute(node, "href"));
        out.canonical_page = page_location(out.canonical);
      }
      if (has_token(rel, {"amphtml"}) && out.amphtml.empty())
        out.amphtml = std::string(attribute(node, "href"));
      if (const std::string_view type = attribute(node, "type");
          has_token(rel, {"alternate"}) && (icontains(type, "rss") || icontains(type, "atom")) &&
          out.site_names.size() < 16) {
        if (std::string feed_name = feed_site_name(attribute(node, "title")); !feed_name.empty()) {
          if (!icontains(feed_name, "comments")) out.feed_names.push_back(feed_name);
          out.site_names.push_back(std::move(feed_name));
        }
      }
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
      if (has_token(itemprop, {"author"})) {  // "author", or "author creator"
        // <span itemprop=author><span itemprop=name>X</span></span> or plain text;
        // a Person item's own name, not the date and links beside it. An
        // author item may give several names (one itemprop=name per writer):
        // all are its; a name inside a nested item (the writer's employer) is not.
        std::vector<xmlNode*> named;
        walk(node, [&](xmlNode* inner) {
          if (!is_element(inner) || named.size() >= 8) return false;
          if (inner == node) return true;
          if (iequals(attribute(inner, "itemprop"), "name")) {
            named.push_back(inner);
            return false;
          }
          // A nested item given as one of the author's properties (worksFor, affiliation).
          return !has_attribute(inner, "itemscope") || attribute(inner, "itemprop").empty();
        });
        if (named.empty()) named.push_back(node);
        for (xmlNode* one : named) {
          std::string text = collapse_whitespace(text_content(one));
          if (!text.empty() && text.size() < 120) {
            out.itemprop_authors.push_back(text);
            out.itemprop_author_at.push_back(out.text_seen);
          }
        }
      } else if (iequals(itemprop, "datePublished") || iequals(itemprop, "dateModified")) {
        std::string_view value = attribute(node, "datetime");
        if (value.empty()) value = attribute(node, "content");
        auto parsed = read_date(value);
        auto& slot = iequals(itemprop, "datePublished") ? out.itemprop_published : out.itemprop_modified;
        if (parsed && !slot) slot = parsed;
      } else if (iequals(itemprop, "headline") && out.itemprop_headline.empty()) {
        out.itemprop_headline = collapse_whitespace(text_content(node));
      }
    }
    // A comment's <time> is a reader's, never the story's. A custom element
    // with a datetime attribute is a <time> too (GitHub's <relative-time>,
    // <local-time>, <time-ago>); <ins> and <del> date an edit, not the page.
    const bool story_time = (name == "time" || (name.find('-') != std::string_view::npos &&
                                                !attribute(node, "datetime").empty())) &&
                            !in_comments(node);
    if (story_time && out.times.size() < 16) {
      if (auto dated = read_date(attribute(node, "datetime"))) out.times.push_back(*dated);
    }
    if (out.attribute_times.size() < 8 && node->properties != nullptr) {
      for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
        const std::string_view attr_name = as_view(attr->name);
        if (!(attr_name == "datetime" && !story_time) && !attr_name.starts_with("data-pub") &&
            !attr_name.starts_with("data-post-pub"))
          continue;
        if (attr->children == nullptr || attr->children->content == nullptr) continue;
        if (auto dated = read_date(as_view(attr->children->content)); dated && !in_comments(node))
          out.attribute_times.push_back(*dated);
      }
    }
    if (story_time && !out.first_time) {
      if (std::string_view value = attribute(node, "datetime"); !value.empty()) {
        out.first_time = read_date(value);
      } else {
        // <time>July 24, 2012 5:37 AM PDT</time>: the visible date of the
        // first <time> counts before a later one's datetime (a sidebar's).
        out.first_time = dateline_date(collapse_whitespace(text_content(node)), numeric_days);
      }
    }
    const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
    if ((name == "h1" || name == "a") && out.masthead_names.size() < 3) {
      if (std::string masthead = masthead_text(node); !masthead.empty()) {
        out.site_names.push_back(masthead);
        out.masthead_names.push_back(std::move(masthead));
      }
    }
    // The page's own headline is its h1 or an element marked as the title
    // (trafilatura's choice too); a bare h2-h6 is as often a subheading or a
    // teaser for another story. (At most 64.)
    if (titled_elements < 64 && marked_as_title(node, name)) {
      ++titled_elements;
      const std::string shown = short_text_content(node);
      add_shown(out.shown_texts.headings, shown);
      add_heading_form(out.shown_texts, shown);
    }
    // (A heading inside a link or a list item is a teaser card's, in a list of other posts.)
    if (((heading && name[1] <= '4') || marked_as_title(node, name)) &&
        out.headline_datelines.size() < kHeadlineDatelines && !inside_link(node) && !in_list_item(node)) {
      std::string text = collapse_whitespace(text_content(node));
      // A heading that is itself the date under the open one ("<h2>Headline</h2>
      // <h3>November 9 2012</h3>") is one of its lines, read as its text comes.
      const bool dated_line = open_heading != nullptr && text.size() <= kHeadlineDatelineBytes &&
                              has_four_digits(text) && dateline_date(text, numeric_days).has_value();
      if (!dated_line) {
        out.headline_datelines.push_back({std::move(text), std::nullopt});
        open_heading = node;
        lines_left = kLinesUnderHeadline;
      }
    }
    if (heading) {
      if (name == "h1") out.h1_at = out.text_seen;  // the latest: a masthead's h1 may come first
      if (name == "h1" && out.h1.empty()) {
        out.h1 = collapse_whitespace(text_content(node));
      } else if (!out.h1.empty() && out.headings.size() < 64) {
        out.headings.push_back(collapse_whitespace(text_content(node)));
      }
    }
    // The dateline a reader sees, for pages whose markup gives no date: a
    // <time> without datetime, or a short element whose class or id says
    // date ("entry-date", "post-date", "dateline", "timestamp").
    if (!out.dateline &&
        (name == "time" || name == "span" || name == "div" || name == "p" || name == "abbr" ||
         name == "small" || name == "li" || name == "date" || name == "dl" || name == "dt" || name == "dd")) {
      const bool dated = name == "time" || name == "date" || names_a_dateline(node);
      if (dated && !in_comments(node) && !holds_form_field(node)) {
        const std::string text = collapse_whitespace(text_content(node));
        auto date = dateline_date(leading_words(text, 80), numeric_days);
        // "Updated July 23, 2012, 10:49 p.m. ET": the revision, which stands for
        // the story's date only when no other dateline gives one.
        if (date && says_updated(text)) {
          if (!out.updated_dateline) out.updated_dateline = date;
        } else {
          out.dateline = date;
        }
      }
    }
    // "by Jane Doe on March 5, 2024" with no class to say so: the first such
    // line, behind the date-classed ones (a quoted story can carry its own).
    if (!out.byline_dateline &&
        (name == "div" || name == "p" || name == "span" ||
         (name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6')) &&
        starts_as_byline(node) && !in_comments(node))
      out.byline_dateline =
          dateline_date(leading_words(collapse_whitespace(text_content(node)), 80), numeric_days);
    // A press release's "For Immediate Release: <date>" line, and the date a
    // wire story's first prose paragraph opens with (only that paragraph).
    if (!out.release_dateline && (name == "p" || name == "div") && !in_comments(node)) {
      xmlNode* first = node->children;
      while (first != nullptr && first->type == XML_ELEMENT_NODE) first = first->children;
      const bool release = first != nullptr && first->type == XML_TEXT_NODE &&
                           istarts_with(ascii::trim(as_view(first->content)), "for immediate release");
      if (release) {
        out.release_dateline = release_opening_date(collapse_whitespace(text_content(node)), numeric_days);
      } else if (name == "p" && !out.first_prose_seen) {
        const std::string text = collapse_whitespace(text_content(node));
        if (text.size() >= 80) {
          out.first_prose_seen = true;
          out.release_dateline = release_opening_date(text, numeric_days);
        }
      }
    }
    // Blog themes set the day as a heading over the posts (Blogger's
    // h2.date-header): a day without the time, and on a page of several
    // posts the first one's, so it only stands in when no dateline says more.
    if (!out.heading_dateline && name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6' &&
        (icontains(attribute(node, "class"), "date") || icontains(attribute(node, "id"), "date"))) {
      out.heading_dateline = dateline_date(collapse_whitespace(text_content(node)), numeric_days);
    }
    if (name == "a") {
      std::string_view rel = attribute(node, "rel");
      if (has_token(rel, {"tag"})) out.rel_tags.push_back(collapse_whitespace(text_content(node)));
      // A link to the page itself shows the page's name: blog themes link the
      // post's headline to its permalink (an unmarked h2 or h3, or no heading
      // at all), where the site's and sections' links lead elsewhere. Not a
      // link that shows the whole <title>: a pingback names the page that way.
      if (out.links_to_page < 16 && (links_to_page(attribute(node, "href"), out.page) ||
                                     links_to_page(attribute(node, "href"), out.canonical_page))) {
        ++out.links_to_page;
        const std::string shown = short_text_content(node);
        if (typography_key(shown) != typography_key(out.title_element) && !in_comments(node)) {
          add_shown(out.shown_texts.headings, shown);
          add_heading_form(out.shown_texts, shown);
        }
      }
    }
    // rel=author on the link to the author's page, or on the name itself
    // (<span class="fn" rel="author">).
    if (has_token(attribute(node, "rel"), {"author"}) && !in_comments(node)) {
      std::string text = collapse_whitespace(text_content(node));
      if (!text.empty() && text.size() < 120) {
        out.itemprop_authors.push_back(text);
        out.itemprop_author_at.push_back(out.text_seen);
      }
    }
    // A link to the writer's page in the article's header: after an h1
    // (the headline), near it, before the first prose paragraph, not in
    // a menu, a list or a teaser card (a list of the site's writers).
    if (name == "a" && !out.h1.empty() && !out.first_prose_seen && out.text_seen < out.h1_at + kHeaderBytes &&
        out.header_author_links.size() <= kHeaderAuthorLinks &&
        links_to_author_page(attribute(node, "href")) && !in_list_item(node) && !in_navigation(node) &&
        !in_teaser_card(node) && !in_comments(node)) {
      std::string text = collapse_whitespace(text_content(node));
      if (!text.empty() && text.size() < 120) add_unique(out.header_author_links, std::move(text));
    }
    // A byline without a class: an element whose text starts "By ...",
    // "Posted by ...", or a date and "by" ("2024-03-05 by <a>Jane Doe</a>").
    xmlNode* first_text =
        out.byline_texts.size() < kBylineTexts && (is_byline_element(name) || name == "byline")
            ? first_shown_text(node)
            : nullptr;
    if (first_text != nullptr) {
      std::string_view first = as_view(first_text->content);
      while (!first.empty() && (first.front() == ' ' || first.front() == '\n' || first.front() == '\t'))
        first.remove_prefix(1);
      // "By:" and "Posted by:" with a colon label comment and forum posts far
      // more often than a story's byline: only author-marked markup counts there.
      const bool colon_label = istarts_with(first, "by:") || istarts_with(first, "posted by:");
      if ((looks_like_byline(first) ||
           byline_names_start(collapse_whitespace(first.substr(0, 400))) != std::string_view::npos ||
           italian_byline_lead(first, out.html_lang)) &&
          !colon_label && !in_comments(node)) {
        std::string text = with_name_after_lead(node, byline_text(node));
        if (text.size() < 200) add_byline_text(out, node, std::move(text));
      }
    }
    // NewsML's and NITF's <byline> element, as some pages embed their wire copy.
    if (out.byline_texts.size() < kBylineTexts && (marks_author(node) || name == "byline") &&
        !in_comments(node)) {
      std::string text = with_name_after_lead(node, byline_text(node));
      // The element says "byline": its text is one, lead or not ("Jane Doe, Washington").
      if (name == "byline" && !text.empty() && byline_names_start(text) == std::string::npos)
        text = "By " + text;
      if (!text.empty() && text.size() < 200) add_byline_text(out, node, std::move(text));
    }
    // An author box that sets the name in an element of class "name" beside
    // the avatar and the date (<div class=author><img><span class=name>Jane
    // Doe</span><span class=date>…</span></div>): the box's own text glues the
    // name to the date, the name's element holds the name alone.
    if (out.byline_texts.size() < kBylineTexts && has_token(attribute(node, "class"), {"name"}) &&
        in_author_box(node) && !in_comments(node)) {
      std::string text = collapse_whitespace(text_content(node));
      if (!text.empty() && text.size() < 120) add_byline_text(out, node, std::move(text));
    }
    return true;
  });
}

// Where no site name is declared (or the declared one is not the title's),
// the names the page gives itself (its feeds' titles, its masthead, an
// og:title for the home page) tell a title that is the site's own name: it
// is marked for the headline shown above the prose, with the <title>'s
// other words to stand in.
void mark_title_naming_site(PageMetadata& result, const Collected& found, std::string_view base_url,
                            const std::string& stripped_html_title) {
  std::vector<std::string> names = found.site_names;
  const std::string page_url = found.canonical.empty() ? std::string(base_url) : found.canonical;
  if (og_describes_home_page(meta_text(found.meta, {"og:url"}), absolute_url(base_url, page_url))) {
    // A template that sets og:url to the home page on every page (the
    // site's own og:title then names the site), but not when the og:title
    // is the story's headline, shown in the page's h1 (not a masthead's).
    std::string name = meta_text(found.meta, {"og:title"});
    const std::string h1 = plain(found.h1);
    const bool headline_shown =
        !h1.empty() && iequals(collapse_whitespace(name), h1) &&
        std::none_of(found.masthead_names.begin(), found.masthead_names.end(),
                     [&](const std::string& masthead) { return iequals(collapse_whitespace(masthead), h1); });
    if (!name.empty() && !headline_shown) names.push_back(std::move(name));
  }
  if (names.empty()) return;
  if (!names_shown_site(result.title, names)) {
    // "Post :: Blog": the site's name after the title goes, a masthead's,
    // or a feed's when all the page's feeds give that one name: feeds of
    // several names are the sections' ("Code (RSS)", "Talks (RSS)").
    std::vector<std::string> confirmed = found.masthead_names;
    const bool one_feed_name =
        !found.feed_names.empty() &&
        std::all_of(found.feed_names.begin(), found.feed_names.end(), [&](const std::string& name) {
          return names_shown_site(name, {&found.feed_names.front(), 1});
        });
    if (one_feed_name) confirmed.push_back(found.feed_names.front());
    if (std::string rest = without_shown_site_name(result.title, confirmed, /*at_end_only=*/true);
        !rest.empty())
      result.title = std::move(rest);
    return;
  }
  result.title_names_site = true;
  // The <title>'s other words: those set off from the name, or, when the
  // <title> shows none of the names (a declared site name trimmed from it,
  // "Headline - Example.com"), the <title> cleaned as usual.
  std::string beside = without_shown_site_name(result.html_title, names);
  // Cleaned like any <title>: "Blog Archive » Post", "Post · Section".
  if (!beside.empty()) beside = strip_site_from_title(beside, result.site_name, base_url, &found.shown_texts);
  const bool title_shows_a_name = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return icontains(result.html_title, collapse_whitespace(name));
  });
  if (beside.empty() && !title_shows_a_name && !names_shown_site(stripped_html_title, names) &&
      !iequals(collapse_whitespace(result.html_title), result.title))
    beside = stripped_html_title;
  result.title_beside_site = std::move(beside);
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

// The dateline under the heading that shows the page's title: on a blog's
// page of several posts, or beside a sidebar's dated teasers, the one beside
// the headline is the story's.
std::optional<PageDate> headline_dateline(const std::vector<Collected::HeadlineDateline>& headings,
                                          std::string_view title) {
  if (title.empty()) return std::nullopt;
  for (const auto& heading : headings)
    if (heading.date && iequals(plain(heading.heading), title)) return heading.date;
  return std::nullopt;
}

PageMetadata read_metadata(xmlDoc* doc, std::string_view base_url) {
  PageMetadata result;
  Collected found;
  found.page = page_location(base_url);
  found.path_month = month_in_url(base_url);
  collect(doc, found);
  const MetaMap& meta = found.meta;

  std::optional<JsonLdArticle> ld;
  bool ld_listing = false;
  // A WebPage node's dates (Yoast's @graph gives the post's there when it
  // declares no Article node): the article's only on a page that is one.
  std::optional<PageDate> web_page_published, web_page_modified;
  for (const auto& text : found.json_ld_texts) {
    boost::system::error_code ec;
    std::string cleaned = clean_json_ld(text);
    json::value value = json::parse(cleaned, ec);
    if (ec) {
      ec.clear();
      value = json::parse(escape_raw_controls(cleaned), ec);
    }
    if (ec == json::error::extra_data) {
      if (auto first = first_json_value(escape_raw_controls(cleaned))) {
        value = std::move(*first);
        ec.clear();
      }
    }
    if (ec) {
      result.warnings.push_back("JSON-LD block is not valid JSON (" + ec.message() + "); ignored");
      continue;
    }
    std::vector<const json::object*> objects;
    collect_json_ld_objects(value, objects, 0);
    for (const auto* object : objects) {
      if (!ld) ld = read_json_ld_article(*object);
      if (!web_page_published && !web_page_modified)
        read_web_page_dates(*object, web_page_published, web_page_modified);
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
  const bool declared_title = !result.title.empty();
  const std::string declared_form = result.title;
  // A masthead h1 (the blog's name) is neither the title nor the headline.
  const std::string headline_beside_masthead =
      result.site_name.empty()
          ? headline_beside_masthead_h1(result.html_title, plain(found.h1), found.headings)
          : std::string();
  const std::string first_h1 = headline_beside_masthead.empty() ? plain(found.h1) : std::string();
  if (result.title.empty()) result.title = headline_beside_masthead;
  const std::string stripped_html_title =
      strip_site_from_title(result.html_title, result.site_name, base_url, &found.shown_texts);
  // Without a declared title, the first h1 is the headline only when the
  // <title> agrees: on many pages it is the site's logo or a section name
  // ("Health Center", "Hi, I'm Nicolas.") and the <title> names the page.
  if (result.title.empty() && !first_h1.empty() &&
      (result.html_title.empty() || icontains(result.html_title, first_h1)))
    result.title = first_h1;
  if (result.title.empty()) {
    result.title = stripped_html_title;
  } else {
    result.title = strip_site_from_title(result.title, result.site_name, base_url, &found.shown_texts);
    // A declared title that is the whole <title>, blog name and all.
    if (!headline_beside_masthead.empty() && iequals(result.title, result.html_title))
      result.title = headline_beside_masthead;
    // A declared title that neither the <title> nor the h1 shows (a JSON-LD
    // "headline" that is a description) gives way to the headline both show.
    if (!first_h1.empty() && iequals(stripped_html_title, first_h1) && !iequals(result.title, first_h1) &&
        !icontains(result.html_title, result.title))
      result.title = first_h1;
  }
  // The visible headline, when the declared title is it plus the site's
  // name or a section ("Headline - Site", "Site: Headline") in any form.
  if (!first_h1.empty()) {
    const std::string& h1 = first_h1;
    if (h1.size() >= 12 && h1.size() < result.title.size() && result.title.find(h1) != std::string::npos)
      result.title = h1;
  }
  // The headline as the page shows it, when the title cut from the <title>
  // (or a declared one with the site's words) spells it with other quotes,
  // dashes or spacing ("It's" for "It’s", "--" for "—"). A title declared
  // as it stands keeps the publisher's own spelling, the one its shares and
  // reader views show.
  if (!declared_title || result.title != declared_form)
    result.title = visible_form_of_title(result.title, found.shown_texts);
  mark_title_naming_site(result, found, base_url, stripped_html_title);
  // A <title> left open (the page's code after it) is no headline either.
  result.title_may_be_label =
      result.title_names_site ||
      title_may_be_label(result.title, declared_title, result.site_name, host_name_key(base_url)) ||
      (found.title_left_open && iequals(result.title, stripped_html_title));

  if (ld) result.authors = ld->authors;
  // An organisation as the JSON-LD author is a stand-in: a person the page
  // names as its author (itemprop, rel=author, a byline) comes first.
  const bool organisations_only = ld && ld->authors_are_organisations;
  if (organisations_only) result.authors.clear();
  // A meta author that the <title> shows beside the headline ("Headline -
  // Section - Site") names a section or the site: a person the page names
  // comes first, and it stands in only when none is named.
  std::vector<std::string> title_part_authors;
  // A meta author that names the publisher (the copyright holder, the
  // site's staff) gives way to a person named in the next meta key ("author"
  // Acme Media, "article:author" Jane Doe) or in markup that marks the
  // author (itemprop, rel=author); a login name ("janedoe") gives way to any
  // byline too.
  std::vector<std::string> publisher_authors;
  bool publisher_named = false;  // not only login names
  const std::string copyright =
      meta_text(meta, {"copyright", "dcterms.rightsholder", "dc.rights", "dcterms.rights", "rights"});
  const std::string page_host_key = host_name_key(base_url);
  if (result.authors.empty()) {
    for (auto key :
         {"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author"}) {
      auto it = meta.find(key);
      if (it == meta.end()) continue;
      for (const auto& value : it->second) {
        // "Jane Doe;John Roe": several authors in one meta tag.
        for (std::string one : split_meta_authors(plain(value))) {
          // "Doe, Jane" (an index's order, or two surnames): written "Jane
          // Doe" when the page's byline or author markup writes it so.
          if (std::string turned = index_order_turned(one); !turned.empty()) {
            const auto shows = [&](const std::string& text) { return icontains(text, turned); };
            if (std::any_of(found.byline_texts.begin(), found.byline_texts.end(), shows) ||
                std::any_of(found.itemprop_authors.begin(), found.itemprop_authors.end(), shows))
              one = std::move(turned);
          }
          // Not a profile URL, an e-mail address, a domain, a job title or a web-design credit.
          if (one.rfind("http", 0) == 0 || is_placeholder(one) || !plausible_author(one, false)) continue;
          const bool title_part = is_title_part(result.html_title, one);
          const bool publisher =
              !title_part && (names_publisher(one, copyright, result.site_name, page_host_key) ||
                              (ld && names_publisher(one, {}, ld->site_name, {})));
          if (publisher || (!title_part && looks_like_login(one))) {
            add_unique(publisher_authors, one);
            publisher_named = publisher_named || publisher;
            continue;
          }
          add_unique(title_part ? title_part_authors : result.authors, one);
        }
      }
      if (!result.authors.empty() || !title_part_authors.empty()) break;
    }
  }
  // Names in the page's text (itemprop, rel=author, bylines) must read as
  // names: a link text ("Google profile"), a user handle, a section.
  // The page's language, for its bylines' word for "and" ("Por Ana y Luis").
  std::string byline_language = found.html_lang;
  if (byline_language.empty())
    byline_language = meta_text(meta, {"content-language", "dc.language", "language"});
  const auto add_written = [&](std::string_view text, bool marked_as_name) {
    auto names = authors_from_byline(text, byline_language);
    // An author box: the name over the job title ("Jane Doe\nGames Editor").
    if (names.empty()) {
      if (std::string name = name_over_job_title(text); !name.empty()) names.push_back(std::move(name));
    }
    // A byline without a lead: "Jane Doe / TNN / Updated: Oct 9, 2019".
    if (names.empty()) {
      if (std::string name = name_before_desk_and_date(text); !name.empty()) names.push_back(std::move(name));
    }
    // A text that opens as a byline ("By: janedoe") whose names did not read
    // as names is no bare name either.
    if (names.empty() && text.find('\n') == std::string_view::npos &&
        (marked_as_name || byline_names_start(text) == std::string_view::npos)) {
      // A bare name; in markup that says "this is the author's name", perhaps
      // with what follows it ("Jane Doe // Jane's Blog", "Jane Doe, who writes about ...").
      std::string_view line = text;
      if (marked_as_name) {
        for (std::string_view stop : {" // ", " | ", " - ", " — ", " · ", ", "})
          line = line.substr(0, line.find(stop));
      }
      if (plausible_author(line, true)) names.push_back(trim_author(line));
    }
    // A one-word name that the <title> shows beside the headline
    // ("Headline | Blogname") is the site's or a section's, as with the meta
    // author above (a person's full name there is often the blog's author:
    // "Headline - Jane Doe - Site").
    for (auto& name : names) {
      const bool site_or_section =  // (before the name is moved)
          name.find(' ') == std::string::npos && is_title_part(result.html_title, name);
      add_unique(site_or_section ? title_part_authors : result.authors, std::move(name));
    }
  };
  if (result.authors.empty()) {
    // The names marked as the author come together, in one byline ("By <a
    // rel=author>A</a> and <a rel=author>B</a>"); a marked name far from the
    // last one taken (a teaser card's, a list of the site's writers after
    // the story) is another story's.
    std::size_t taken_at = 0;
    for (std::size_t i = 0; i < found.itemprop_authors.size(); ++i) {
      const std::size_t at = found.itemprop_author_at[i];
      if (!result.authors.empty() && at > taken_at + kMarkedNamesApart) break;
      const std::size_t before = result.authors.size();
      add_written(plain(found.itemprop_authors[i]), true);
      if (result.authors.size() > before) taken_at = at;
    }
  }
  // The publisher gives way to a byline, but not on a page of byline after
  // byline: there the first may be a sidebar's list of other posts.
  if (result.authors.empty() && publisher_named && found.byline_texts.size() >= kBylineTexts)
    result.authors = publisher_authors;
  if (result.authors.empty()) {
    for (const auto& byline : found.byline_texts) {
      add_written(byline, false);
      if (!result.authors.empty()) break;
    }
  }
  // Another story's byline in a teaser card stands in only for the page's
  // own; the publisher the meta author names is nearer the page's own.
  for (const auto& byline : found.teaser_byline_texts) {
    if (!result.authors.empty() || !found.byline_texts.empty() || !publisher_authors.empty()) break;
    add_written(byline, false);
  }
  // A wire story's sign-off, when no byline names the reporter.
  if (result.authors.empty()) {
    for (const auto& name : found.signoff_authors) add_unique(result.authors, name);
  }
  // A link to the writer's page in the article's header, when no byline
  // or author markup names the writer.
  if (result.authors.empty() && found.header_author_links.size() <= kHeaderAuthorLinks) {
    for (const auto& text : found.header_author_links) add_written(text, true);
  }
  // The labelled data that link previews show ("twitter:label1" "Written
  // by", "twitter:data1" the name; SEO plugins write it for every post):
  // below the page's own markup, which another writer's byline may correct.
  if (result.authors.empty()) {
    for (const auto& [label, data] :
         {std::pair{"twitter:label1", "twitter:data1"}, std::pair{"twitter:label2", "twitter:data2"}}) {
      const std::string said = meta_text(meta, {label});
      if (!iequals(said, "Written by") && !iequals(said, "Author") && !iequals(said, "By")) continue;
      for (const std::string& one : split_meta_authors(meta_text(meta, {data}))) {
        if (one.rfind("http", 0) != 0 && plausible_author(one, false)) add_unique(result.authors, one);
      }
    }
    // The same pair as one key: <meta name="twitter:misc:Written by" content="Jane Doe">.
    if (result.authors.empty()) {
      for (const std::string& one : split_meta_authors(meta_text(meta, {"twitter:misc:written by"}))) {
        if (one.rfind("http", 0) != 0 && plausible_author(one, false)) add_unique(result.authors, one);
      }
    }
  }
  if (result.authors.empty()) result.authors = std::move(title_part_authors);
  if (result.authors.empty()) result.authors = std::move(publisher_authors);
  if (result.authors.empty() && organisations_only) result.authors = ld->authors;

  {
    // "By Jane Doe", "por Jane Doe", "by Jane Doe March 2, 2025 @jane": a
    // byline given as a name is read as a byline (prefix, date and handle
    // go); the same person twice is one author.
    std::vector<std::string> cleaned;
    for (const auto& name : result.authors) {
      auto from_byline = authors_from_byline(collapse_whitespace(name));
      // "Jane Doe and John Roe" in one JSON-LD or meta name: two authors.
      if (from_byline.empty()) from_byline = names_joined_in_one(name, byline_language);
      if (from_byline.empty() && !looks_like_byline(name)) from_byline.push_back(name);
      for (auto& one : from_byline) add_unique(cleaned, trim_author(one));
    }
    result.authors = std::move(cleaned);
  }
  std::erase_if(result.authors, [](const std::string& name) { return name.empty(); });
  // "Jane Doe, Reuters": when a person is named, the site or agency is not an author.
  if (result.authors.size() > 1) {
    const std::string host_key = host_name_key(base_url);
    std::vector<std::string> people = result.authors;
    std::erase_if(people, [&](const std::string& name) {
      return names_site(name, result.site_name, host_key) || is_news_agency(name);
    });
    if (!people.empty()) result.authors = std::move(people);
  }

  // The meta tags' publication date, in the order of their trust.
  const std::optional<PageDate> meta_published =
      meta_date(meta, {"article:published_time", "datepublished", "og:article:published_time", "dc.date",
                       "dcterms.created", "dc.date.issued", "dcterms.issued", "publish-date", "pubdate",
                       "date", "parsely-pub-date", "sailthru.date"});
  std::optional<PageDate> published;
  if (ld) published = ld->published;
  if (!published) published = meta_published;
  // The WebPage node's date is the whole page's: after the article's own
  // markup (its JSON-LD, meta tags, itemprop), before a first <time>.
  const bool web_page_dates_apply = result.declares_article && !ld_listing;
  if (!published) published = found.itemprop_published;
  if (!published && web_page_dates_apply) published = web_page_published;
  if (!published) published = found.first_time;
  const auto url_date = date_in_url(base_url);
  if (published && url_date && !near_day(*published, *url_date)) {
    // The path's date is set when the story is filed; a markup date days
    // away from it is the page's render or revision time (a "date" meta
    // stamped on every page view) or a sidebar's <time>. A candidate that
    // agrees with the path stands in (it has the time of day). When none
    // does the markup stays: some sites put the draft's day in the path.
    const auto markup = published;
    published.reset();
    std::vector<PageDate> candidates;
    if (found.itemprop_published) candidates.push_back(*found.itemprop_published);
    if (found.first_time) candidates.push_back(*found.first_time);
    candidates.insert(candidates.end(), found.times.begin(), found.times.end());
    for (const auto* line :
         {&found.dateline, &found.heading_dateline, &found.byline_dateline, &found.labelled_dateline})
      if (*line) candidates.push_back(**line);
    for (const auto& candidate : candidates) {
      if (near_day(candidate, *url_date)) {
        published = candidate;
        break;
      }
    }
    if (!published) published = markup;
  }
  if (!published) {
    // No date in the markup: the path's date (/2024/03/05/), or the visible
    // dateline when it agrees with the path or the path has none (it also
    // gives the time of day).
    const auto under_headline = headline_dateline(found.headline_datelines, result.title);
    auto dateline = found.dateline            ? found.dateline
                    : found.heading_dateline  ? found.heading_dateline
                    : found.byline_dateline   ? found.byline_dateline
                    : found.labelled_dateline ? found.labelled_dateline
                                              : found.updated_dateline;
    // The line under the headline is the story's: a date-classed element
    // before it on another day is the masthead's "today" or a teaser's (on
    // the same day it stays, with the time of day it often adds).
    if (under_headline && (!dateline || local_day(*dateline) != local_day(*under_headline)))
      dateline = under_headline;
    // A press release's or wire story's opening date, when nothing else gives one.
    if (!dateline) dateline = found.release_dateline;
    if (dateline && (!url_date || local_day(*dateline) == std::chrono::floor<std::chrono::days>(*url_date)))
      published = dateline;
    else if (url_date)
      published = PageDate{*url_date, std::nullopt};
  }
  if (published && (!published->offset || published->offset->count() == 0)) {
    // JSON-LD in UTC ("...Z") beside article:published_time with the page's
    // own offset for the same instant: the offset gives the local day.
    // Only the meta tag: a <time> further down may belong to anything.
    const auto declared = meta_date(meta, {"article:published_time", "og:article:published_time"});
    if (declared && declared->at == published->at && declared->offset && declared->offset->count() != 0)
      published->offset = declared->offset;
  }
  if (published && !published->offset) {
    // A date with no zone ("2024-08-05 20:59:59.0" in JSON-LD, <time
    // datetime="2024-04-26 20:44">) is the page's wall clock, read as UTC.
    // Another of the page's dates that writes the same wall clock with an
    // offset ("2024-08-05T20:59:59+02:00") says which instant it is.
    std::vector<std::optional<PageDate>> zoned = {meta_published, found.itemprop_published,
                                                  ld ? ld->published : std::nullopt};
    for (const auto& candidate : zoned) {
      if (candidate && candidate->offset && candidate->at + *candidate->offset == published->at) {
        published = candidate;
        break;
      }
    }
  }
  if (published && !published->offset &&
      published->at == std::chrono::floor<std::chrono::days>(published->at)) {
    // A day alone (<meta name="date" value="2016-12-15">, a path's date):
    // another of the page's dates on the same day that has the time of day
    // (<time datetime="2016-12-15T15:33:00-05:00">, a dateline "Dec. 15,
    // 2016 3:33 PM") is the same date, told more exactly.
    std::vector<std::optional<PageDate>> exact = {meta_published, found.itemprop_published,
                                                  ld ? ld->published : std::nullopt, found.first_time};
    exact.insert(exact.end(), found.times.begin(), found.times.end());
    exact.insert(exact.end(), found.attribute_times.begin(), found.attribute_times.end());
    for (const auto* line :
         {&found.dateline, &found.heading_dateline, &found.byline_dateline, &found.labelled_dateline})
      exact.push_back(*line);
    const auto day = std::chrono::floor<std::chrono::days>(published->at);
    for (const auto& candidate : exact) {
      if (candidate &&
          (candidate->offset || candidate->at != std::chrono::floor<std::chrono::days>(candidate->at)) &&
          local_day(*candidate) == day) {
        published = candidate;
        break;
      }
    }
  }
  if (published) {
    result.published = published->at;
    result.published_offset = published->offset;
  }
  std::optional<PageDate> modified;
  if (ld) modified = ld->modified;
  if (!modified)
    modified = meta_date(meta, {"article:modified_time", "datemodified", "og:updated_time",
                                "dcterms.modified", "last-modified"});
  if (!modified) modified = found.itemprop_modified;
  if (!modified && web_page_dates_apply) modified = web_page_modified;
  if (!modified) modified = found.updated_dateline;
  if (modified) {
    result.modified = modified->at;
    result.modified_offset = modified->offset;
  }

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
      for (const auto& value : it->second)
        if (!is_placeholder(value)) add_unique(result.tags, plain(value));
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
        if (!is_placeholder(text.substr(start, comma - start)))
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
