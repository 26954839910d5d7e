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

// A date as the page wrote it: the instant, and the UTC offset the page gave
// ("+01:00", "-0500", "Z"), so that the page's own calendar date survives.
struct PageDate {
  std::chrono::sys_seconds at;
  std::optional<std::chrono::minutes> offset;
};

// The offset at the end of a date with a time of day: "...T10:52:50+0100",
// "...09:53:00-04:00", "...Z", "... 10:00:00 GMT". Dates without a time
// ("2024-03-05") or without a zone have none.
std::optional<std::chrono::minutes> utc_offset_of(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  if (text.ends_with('Z') || text.ends_with('z') || text.ends_with("GMT") || text.ends_with("UTC") ||
      text.ends_with(" UT"))
    return std::chrono::minutes(0);
  const std::size_t sign = text.find_last_of("+-");
  if (sign == std::string_view::npos || sign < colon) return std::nullopt;
  std::string_view digits = text.substr(sign + 1);
  int hours = 0, minutes = 0;
  auto two = [](std::string_view d, int& out) {
    if (d.size() < 2 || d[0] < '0' || d[0] > '9' || d[1] < '0' || d[1] > '9') return false;
    out = (d[0] - '0') * 10 + (d[1] - '0');
    return true;
  };
  if (!two(digits, hours)) return std::nullopt;
  digits.remove_prefix(2);
  if (!digits.empty() && digits.front() == ':') digits.remove_prefix(1);
  if (!digits.empty() && !two(digits, minutes)) return std::nullopt;
  if (hours > 14 || minutes > 59) return std::nullopt;
  const std::chrono::minutes offset(hours * 60 + minutes);
  return text[sign] == '-' ? -offset : offset;
}

std::optional<PageDate> read_date(std::string_view raw) {
  const std::string text = collapse_whitespace(raw);
  auto at = parse_date(text);
  if (!at) return std::nullopt;
  auto offset = utc_offset_of(text);
  if (!offset && text.find(':') != std::string::npos) {
    // A zone by name ("10:49 p.m. ET", "5:37 AM PDT"): the offset is the
    // written clock's distance from the instant, so that a late-evening
    // dateline keeps its own day rather than UTC's next one.
    if (const auto wall = parse_date_wall_clock(text); wall && *wall != *at) {
      const auto named = std::chrono::duration_cast<std::chrono::minutes>(*wall - *at);
      if (std::chrono::abs(named) <= std::chrono::hours(14)) offset = named;
    }
  }
  return PageDate{*at, offset};
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
  bool authors_are_organisations = false;  // no person named: the publisher's name stands in
  std::optional<PageDate> published, modified;
};

// Authors typed Organization go to `organisations`: they count only when
// no person is named.
void read_authors(const json::value* value, std::vector<std::string>& out,
                  std::vector<std::string>& organisations) {
  if (value == nullptr) return;
  if (value->is_array()) {
    for (const auto& element : value->get_array()) read_authors(&element, out, organisations);
    return;
  }
  std::string name = json_string(value);
  if (value->is_object()) {
    auto* inner = member(value->get_object(), "name");
    name = inner != nullptr ? json_string(inner) : std::string();
    static constexpr std::array kOrganisationTypes = {std::string_view("Organization"),
                                                      std::string_view("NewsMediaOrganization")};
    if (auto* type = member(value->get_object(), "@type");
        type != nullptr && type_matches(*type, kOrganisationTypes)) {
      if (name.rfind("http", 0) != 0) add_unique(organisations, plain(name));
      return;
    }
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
  std::vector<std::string> rel_tags;
  std::vector<std::string> byline_texts;
  std::optional<PageDate> first_time;
  std::vector<PageDate> times;  // the first <time datetime> values, in document order
  std::optional<PageDate> itemprop_published, itemprop_modified;
  std::optional<PageDate> dateline;          // visible date text in a date-classed element or a bare <time>
  std::optional<PageDate> heading_dateline;  // a date-classed heading (h2-h6) over the post
  std::optional<PageDate> byline_dateline;
  std::optional<PageDate> updated_dateline;  // "Updated March 6, 2024": a revision's date   // "by Jane Doe
                                             // on March 5, 2024" in an element without a class
  std::string itemprop_headline;
  std::string h1;
  std::vector<std::string> headings;  // h1-h6 below the first h1, for telling a masthead h1 from a headline
  ShownTexts shown_texts;             // for telling a <title>'s headline from the site's words around it
};

// The key a shown text and a title part compare by: white space collapsed,
// ASCII lower-cased, en and em dashes as "-", curly quotes straight (a
// <title> and the page's heading often spell these differently).
std::string shown_key(std::string_view text) {
  std::string key = ascii_lower(collapse_whitespace(text));
  if (key.find('\xE2') == std::string::npos) return key;  // the lead byte of every character below
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kPlain = {
      {{"–", "-"}, {"—", "-"}, {"‘", "'"}, {"’", "'"}, {"“", "\""}, {"”", "\""}}};
  for (const auto& [fancy, plain_form] : kPlain) {
    for (auto at = key.find(fancy); at != std::string::npos; at = key.find(fancy, at + plain_form.size()))
      key.replace(at, fancy.size(), plain_form);
  }
  return key;
}

// The text of `element` when it is headline-sized (up to 1,000 bytes with
// its white space), else empty: a title-marked wrapper may hold the page.
std::string short_text_content(xmlNode* element) {
  std::string out;
  bool too_long = false;
  walk(element, [&](xmlNode* node) {
    if (too_long) return false;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      out += as_view(node->content);
      too_long = out.size() > 1000;
    }
    return true;
  });
  if (too_long) out.clear();
  return out;
}

// Records `text` in `set` when it is headline-sized.
void add_shown(std::unordered_set<std::string>& set, std::string_view text) {
  if (set.size() >= 4096 || text.size() < 8) return;
  std::string key = shown_key(text);
  if (key.size() >= 8 && key.size() <= 400) set.insert(std::move(key));
}

// Whether a node sits inside a link: navigation, breadcrumbs, logos and
// lists of other stories show their words as links; the page's own headline
// is not a link to elsewhere.
bool inside_link(const xmlNode* node) {
  for (const xmlNode* up = node->parent; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    if (tag(up) == "a") return true;
  }
  return false;
}

// Whether `href` leads to a site's home page ("/", "https://example.com/").
bool links_home(std::string_view href) {
  if (const auto scheme = href.find("://"); scheme != std::string_view::npos) {
    const auto path = href.find('/', scheme + 3);
    href = path == std::string_view::npos ? std::string_view("/") : href.substr(path);
  }
  return href.empty() || href == "/" || href == "./" || istarts_with(href, "/index.");
}

// Whether an h1 is the masthead: its text is wholly inside a link to the
// site's home page (an h1 linked to the post's permalink is the headline).
bool masthead_h1(xmlNode* h1) {
  bool unlinked_text = false, home_link = false;
  walk(h1, [&](xmlNode* node) {
    if (unlinked_text) return false;
    if (node->type == XML_TEXT_NODE && node->content != nullptr &&
        !collapse_whitespace(as_view(node->content)).empty())
      unlinked_text = true;
    if (tag(node) == "a") {
      home_link = home_link || links_home(attribute(node, "href"));
      return false;
    }
    return is_element(node);
  });
  return home_link && !unlinked_text;
}

// Whether an element shows the page's own title: an h1 that is not the
// masthead, or an element whose class or id says title or headline (blog themes
// link the post's title to its permalink) but not the site's ("site-title",
// "blog-title", "logo", "masthead").
bool marked_as_title(xmlNode* node, std::string_view name) {
  const std::string_view cls = attribute(node, "class"), id = attribute(node, "id");
  const bool titled = icontains(cls, "title") || icontains(cls, "headline") || icontains(id, "title") ||
                      icontains(id, "headline");
  if (!titled && name != "h1") return false;
  for (std::string_view site : {"site", "blog", "logo", "brand", "masthead", "banner"}) {
    if (icontains(cls, site) || icontains(id, site)) return false;
  }
  return titled || !masthead_h1(node);
}

// The calendar day the page wrote (its own offset, not UTC's day).
std::chrono::sys_days local_day(const PageDate& date) {
  return std::chrono::floor<std::chrono::days>(date.at + date.offset.value_or(std::chrono::minutes(0)));
}

// "Monday, 11.05.2012" is November 5th, not May 11th: a dateline that names
// its weekday is misread when the day read falls on another one.
// The first word of `text` that names a weekday ("Mon", "Monday"), and the
// date read from it falls on that day, or no word names one.
bool weekday_agrees(std::string_view text, const PageDate& date) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                                "thursday", "friday", "saturday"};
  std::size_t start = 0;
  while (start < text.size()) {
    if (!ascii::is_alpha(text[start])) {
      ++start;
      continue;
    }
    std::size_t end = start;
    while (end < text.size() && ascii::is_alpha(text[end])) ++end;
    if (end - start >= 3) {
      const std::string word = ascii_lower(text.substr(start, end - start));
      for (std::size_t index = 0; index < kWeekdays.size(); ++index) {
        if (kWeekdays[index].starts_with(word))
          return std::chrono::weekday(local_day(date)).c_encoding() == index;
      }
    }
    start = end;
  }
  return true;
}

// "01.09.2008", "05/03/2024": day and month both 12 or less, the year last.
// English pages write both orders (Tucson's 01.09.2008 is January 9th).
bool ambiguous_numeric_day(std::string_view piece) {
  int first = 0, second = 0;
  std::size_t at = piece.find_first_of("0123456789"), digits = 0;
  if (at == std::string_view::npos) return false;
  for (; at < piece.size() && ascii::is_digit(piece[at]) && digits < 3; ++at, ++digits)
    first = first * 10 + (piece[at] - '0');
  if (digits == 0 || digits > 2 || at >= piece.size()) return false;
  ++at;  // the separator
  for (digits = 0; at < piece.size() && ascii::is_digit(piece[at]) && digits < 3; ++at, ++digits)
    second = second * 10 + (piece[at] - '0');
  if (digits == 0 || digits > 2) return false;
  return first >= 1 && first <= 12 && second >= 1 && second <= 12 && first != second;
}

// A piece of a dateline that can name a day: a month's name, or digits with
// two separators ("2024-03-05", "05.03.2024"). A bare year ("© 2005") or a
// number ISO 8601 or Unix time would read as a day is not one.
std::optional<PageDate> day_in(std::string_view piece, bool numeric_day_first) {
  const bool named = std::any_of(piece.begin(), piece.end(), [](char c) { return ascii::is_alpha(c); });
  const auto separators =
      std::count_if(piece.begin(), piece.end(), [](char c) { return c == '-' || c == '/' || c == '.'; });
  const bool basic = piece.size() == 8 && !named && separators == 0 &&
                     (piece.starts_with("19") || piece.starts_with("20"));  // "20240305"
  if (!named && separators < 2 && !basic) return std::nullopt;
  if (!numeric_day_first && ambiguous_numeric_day(piece)) return std::nullopt;
  return read_date(piece);
}

std::optional<PageDate> date_within_dateline(std::string_view text, bool numeric_day_first);

// "Published: March 5, 2024", "Posted on 5 March 2024 | 10:40": the date in
// a short dateline, after at most four leading words; refused when the
// weekday the line names is not the date's. A numeric day that reads both
// ways ("01.09.2008") only when the page's language writes the day first.
std::optional<PageDate> dateline_date(std::string_view text, bool numeric_day_first) {
  auto date = date_within_dateline(text, numeric_day_first);
  if (date && !weekday_agrees(text, *date)) return std::nullopt;
  return date;
}

std::optional<PageDate> date_within_dateline(std::string_view text, bool numeric_day_first) {
  if (text.size() < 6 || text.size() > 80 || text.find_first_of("0123456789") == std::string_view::npos)
    return std::nullopt;
  for (std::string_view stop : {" | ", " · ", " - ", " — "}) {
    if (auto at = text.find(stop); at != std::string_view::npos && at >= 6) {
      if (auto parsed = day_in(text.substr(0, at), numeric_day_first)) return parsed;
      // "Posted by Jane Doe - Friday, March 7, 2025 at 5:15 PM"
      if (auto parsed = day_in(text.substr(at + stop.size()), numeric_day_first)) return parsed;
    }
  }
  std::size_t start = 0;
  for (int words = 0; words < 5 && start < text.size(); ++words) {
    if (auto parsed = day_in(text.substr(start), numeric_day_first)) return parsed;
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  // A byline with the date: "by Jane Mary Doe on Tuesday, March 5, 2024 at
  // 10:40am" (the name may be long), "March 5th, 2024 by Jane Doe" (the
  // date first, words after it).
  if (const auto on = text.rfind(" on "); on != std::string_view::npos) {
    // The rest has no " on ": the dateline's own reading, once.
    if (auto parsed = date_within_dateline(text.substr(on + 4), numeric_day_first)) return parsed;
  }
  start = 0;
  for (int words = 0; words < 5 && start < text.size(); ++words) {
    for (std::size_t end = text.rfind(' '); end != std::string_view::npos && end > start;
         end = text.rfind(' ', end - 1)) {
      if (auto parsed = day_in(text.substr(start, end - start), numeric_day_first)) return parsed;
    }
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  return std::nullopt;
}

std::string byline_text(xmlNode* root);
std::size_t byline_names_start(std::string_view text);

// Elements a byline is written in.
bool is_byline_element(std::string_view name) {
  return name == "div" || name == "p" || name == "span" || name == "small" || name == "li" || name == "dd" ||
         name == "td" || name == "em" || name == "address" ||
         (name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6');
}

// A dateline that gives the last revision: "Updated …", "Last updated: …",
// "Modified …".
bool says_updated(std::string_view text) {
  const std::string head = ascii_lower(text.substr(0, 14));
  return head.starts_with("updated") || head.starts_with("last updated") || head.starts_with("modified") ||
         head.starts_with("last modified");
}

// Class or id words of an element that holds the post's date, or its line of
// author and date: "entry-date", "timestamp", "timeLine", "posted-on",
// "published", "entry-meta", "byline", "post-info".
bool names_a_dateline(xmlNode* node) {
  for (const char* key : {"class", "id"}) {
    const std::string_view value = attribute(node, key);
    if (value.empty()) continue;
    for (std::string_view word : {"date", "time", "posted", "published", "meta", "byline", "info"})
      if (icontains(value, word)) return true;
  }
  return false;
}

// A class or id word that names a comment thread, one comment or a box of
// them ("comments", "commentlist", "comment-meta", "c-comments",
// "most_commented"): names, dates and links there are the readers', not the
// post's. Not the post's state or counters ("comments-open", "comment-count",
// "comment-link", "comment-status", a byline bar's
// "by-line-comments-views-date").
bool names_comments(std::string_view list) {
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find_first_of(" \t\n", start);
    if (end == std::string_view::npos) end = list.size();
    const std::string lower = ascii_lower(list.substr(start, end - start));
    start = end + 1;
    if (lower.find("comment") == std::string::npos) continue;
    bool state = false;
    for (std::string_view word : {"open", "closed", "count", "link", "status", "views"})
      if (lower.find(word) != std::string::npos) state = true;
    if (!state) return true;
  }
  return false;
}

// Inside a comment thread (an ancestor's class or id names it): its names
// are the commenters' and its dates the readers', not the post's.
bool in_comments(xmlNode* node) {
  for (xmlNode* up = node; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    const std::string_view name = tag(up);
    if (name == "body" || name == "html") break;
    if (names_comments(attribute(up, "class")) || names_comments(attribute(up, "id"))) return true;
  }
  return false;
}

// An element whose class or id says it holds the byline or the author's
// name: "byline", "author-name", the microformat's "author" ("author vcard"),
// "post-author", "article_author", id "byline"; not a comment's author.
bool marks_author(xmlNode* node) {
  const std::string_view cls = attribute(node, "class");
  const std::string_view id = attribute(node, "id");
  // A picture's credit line ("imageByline", "photo-byline") names the photographer.
  for (std::string_view picture : {"image", "photo", "caption", "credit"}) {
    if (icontains(cls, picture) || icontains(id, picture)) return false;
  }
  if (icontains(cls, "byline") || icontains(cls, "author-name") || icontains(id, "byline")) return true;
  std::size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && ascii::is_html_space(cls[i])) ++i;
    const std::size_t start = i;
    while (i < cls.size() && !ascii::is_html_space(cls[i])) ++i;
    const std::string_view token = cls.substr(start, i - start);
    if (iequals(token, "author") ||
        (token.size() > 7 && (istarts_with(token.substr(token.size() - 7), "-author") ||
                              istarts_with(token.substr(token.size() - 7), "_author"))))
      return true;
  }
  return false;
}

constexpr std::size_t kBylineTexts = 6;  // the first few: later ones belong to comments and teasers

// A byline set as a line of bare text among other lines ("<h2>Monday</h2>
// Posted by Jane Doe, Product Manager<br>", "...<br>By Jane Doe</div>"): a
// text node after a <br> or a block, starting with a byline lead; the line
// runs to the next <br> or block. Empty when `text` is no such line.
std::string byline_line(xmlNode* text) {
  xmlNode* before = text->prev;
  if (before == nullptr || !is_element(before) || text->parent == nullptr || !is_element(text->parent))
    return {};
  if (const std::string_view name = tag(before); name != "br" && !is_block_element(name)) return {};
  std::string_view first = as_view(text->content);
  while (!first.empty() && ascii::is_space(first.front())) first.remove_prefix(1);
  // "By:" labels comment and forum posts (as in collect()).
  if (first.size() < 3 || istarts_with(first, "by:") || istarts_with(first, "posted by:")) return {};
  const std::string lead = collapse_whitespace(first.substr(0, 120));
  // Only a "By"/"Posted by" lead here: a date lead ("In 2010 it was bought
  // by ...") is too easily a sentence of the story in a bare line.
  const std::size_t names_at = byline_names_start(lead);
  if (names_at == std::string_view::npos || names_at > 16 ||
      lead.substr(0, names_at).find_first_of("0123456789") != std::string::npos || in_comments(text->parent))
    return {};
  std::string line;
  for (xmlNode* node = text; node != nullptr; node = node->next) {
    if (is_element(node) && (tag(node) == "br" || is_block_element(tag(node)))) break;
    line += node->type == XML_TEXT_NODE ? std::string(as_view(node->content)) : text_content(node);
    if (line.size() > 200) return {};
  }
  return collapse_whitespace(line);
}

// A <title> holds text only (a browser reads it to </title> as plain text).
// One whose end tag is missing or mangled swallows the head in libxml2's
// tree: scripts, styles and links become its children, and their text
// would be read as the title. Only the text before the first child element
// is the title, and of a title left open that way only the first line: what
// follows it on later lines is the page's code. A title of several lines
// and hundreds of bytes (closed by </head>, the script inside it read as
// text) is one left open too. `left_open` tells the caller the title is
// unreliable.
std::string title_element_text(xmlNode* title, bool& left_open) {
  std::string text;
  left_open = false;
  for (xmlNode* child = title->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) text += as_view(child->content);
    } else if (is_element(child)) {
      left_open = true;
      break;
    }
  }
  if (!left_open && text.size() > 300) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const std::size_t line_end = first == std::string::npos ? first : text.find('\n', first);
    left_open = line_end != std::string::npos &&
                text.find_first_not_of(" \t\r\n", line_end) != std::string::npos &&
                std::count(text.begin(), text.end(), '\n') >= 3;
  }
  if (left_open) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return {};
    const std::size_t end = text.find_first_of("\r\n", start);
    text = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  return text;
}

// "by Jane Doe on March 5, 2024", "Posted on March 5, 2024 in News": an
// element whose own text begins with "by" or "posted".
bool starts_as_byline(xmlNode* node) {
  if (node->children == nullptr || node->children->type != XML_TEXT_NODE) return false;
  std::string_view first = as_view(node->children->content);
  while (!first.empty() && (first.front() == ' ' || first.front() == '\n' || first.front() == '\t'))
    first.remove_prefix(1);
  const std::string head = ascii_lower(first.substr(0, 7));
  return head.starts_with("by ") || head.starts_with("by\n") || head.starts_with("posted ");
}

// The first words of a dateline element, up to `limit` bytes, cut at a word:
// a meta line goes on with share buttons and counts after its date.
std::string_view leading_words(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::size_t cut = text.rfind(' ', limit);
  return text.substr(0, cut == std::string_view::npos ? limit : cut);
}

void collect(xmlDoc* doc, Collected& out) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return;
  out.html_lang = std::string(attribute(root, "lang"));
  if (out.html_lang.empty()) out.html_lang = std::string(attribute(root, "xml:lang"));
  int titled_elements = 0;
  // English pages, and pages that do not say, write numeric days both ways.
  const bool numeric_day_first = !out.html_lang.empty() && !ascii_lower(out.html_lang).starts_with("en");
  walk(root, [&](xmlNode* node) {
    // (Most text nodes are white space between tags, or too short or too
    // long to be a headline: those are passed over before any copy.)
    if (node->type == XML_TEXT_NODE && node->content != nullptr) {
      const std::string_view text = as_view(node->content);
      if (text.size() >= 8 && text.size() <= 1000 &&
          text.find_first_not_of(" \t\r\n") != std::string_view::npos && !inside_link(node))
        add_shown(out.shown_texts.texts, text);
    }
    if (node->type == XML_TEXT_NODE && out.byline_texts.size() < kBylineTexts) {
      if (auto line = byline_line(node); !line.empty()) out.byline_texts.push_back(std::move(line));
      return false;
    }
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
      if (out.title_element.empty()) out.title_element = title_element_text(node, out.title_left_open);
      return false;
    }
    if (name == "link") {
      std::string_view rel = attribute(node, "rel");
      if (has_token(rel, {"canonical"}) && out.canonical.empty())
        out.canonical = std::string(attribute(node, "href"));
      if (has_token(rel, {"amphtml"}) && out.amphtml.empty())
        out.amphtml = std::string(attribute(node, "href"));
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
        // a Person item's own name, not the date and links beside it.
        xmlNode* named = nullptr;
        walk(node, [&](xmlNode* inner) {
          if (named != nullptr || !is_element(inner)) return false;
          if (inner != node && iequals(attribute(inner, "itemprop"), "name")) named = inner;
          return named == nullptr;
        });
        std::string text = collapse_whitespace(text_content(named != nullptr ? named : node));
        if (!text.empty() && text.size() < 120) out.itemprop_authors.push_back(text);
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
    // A comment's <time> is a reader's, never the story's.
    const bool story_time = name == "time" && !in_comments(node);
    if (story_time && out.times.size() < 16) {
      if (auto dated = read_date(attribute(node, "datetime"))) out.times.push_back(*dated);
    }
    if (story_time && !out.first_time) {
      if (std::string_view value = attribute(node, "datetime"); !value.empty()) {
        out.first_time = read_date(value);
      } else {
        // <time>July 24, 2012 5:37 AM PDT</time>: the visible date of the
        // first <time> counts before a later one's datetime (a sidebar's).
        out.first_time = dateline_date(collapse_whitespace(text_content(node)), numeric_day_first);
      }
    }
    const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
    // The page's own headline is its h1 or an element marked as the title
    // (trafilatura's choice too); a bare h2-h6 is as often a subheading or a
    // teaser for another story. (At most 64.)
    if (titled_elements < 64 && marked_as_title(node, name)) {
      ++titled_elements;
      add_shown(out.shown_texts.headings, short_text_content(node));
    }
    if (heading) {
      if (name == "h1" && out.h1.empty()) {
        out.h1 = collapse_whitespace(text_content(node));
      } else if (!out.h1.empty() && out.headings.size() < 64) {
        out.headings.push_back(collapse_whitespace(text_content(node)));
      }
    }
    // The dateline a reader sees, for pages whose markup gives no date: a
    // <time> without datetime, or a short element whose class or id says
    // date ("entry-date", "post-date", "dateline", "timestamp").
    if (!out.dateline && (name == "time" || name == "span" || name == "div" || name == "p" ||
                          name == "abbr" || name == "small" || name == "li" || name == "date")) {
      const bool dated = name == "time" || name == "date" || names_a_dateline(node);
      if (dated && !in_comments(node)) {
        const std::string text = collapse_whitespace(text_content(node));
        auto date = dateline_date(leading_words(text, 80), numeric_day_first);
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
          dateline_date(leading_words(collapse_whitespace(text_content(node)), 80), numeric_day_first);
    // Blog themes set the day as a heading over the posts (Blogger's
    // h2.date-header): a day without the time, and on a page of several
    // posts the first one's, so it only stands in when no dateline says more.
    if (!out.heading_dateline && name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6' &&
        (icontains(attribute(node, "class"), "date") || icontains(attribute(node, "id"), "date"))) {
      out.heading_dateline = dateline_date(collapse_whitespace(text_content(node)), numeric_day_first);
    }
    if (name == "a") {
      std::string_view rel = attribute(node, "rel");
      if (has_token(rel, {"tag"})) out.rel_tags.push_back(collapse_whitespace(text_content(node)));
    }
    // rel=author on the link to the author's page, or on the name itself
    // (<span class="fn" rel="author">).
    if (has_token(attribute(node, "rel"), {"author"}) && !in_comments(node)) {
      std::string text = collapse_whitespace(text_content(node));
      if (!text.empty() && text.size() < 120) out.itemprop_authors.push_back(text);
    }
    // A byline without a class: an element whose text starts "By ...",
    // "Posted by ...", or a date and "by" ("2024-03-05 by <a>Jane Doe</a>").
    if (out.byline_texts.size() < kBylineTexts && node->children != nullptr &&
        node->children->type == XML_TEXT_NODE && is_byline_element(name)) {
      std::string_view first = as_view(node->children->content);
      while (!first.empty() && (first.front() == ' ' || first.front() == '\n' || first.front() == '\t'))
        first.remove_prefix(1);
      // "By:" and "Posted by:" with a colon label comment and forum posts far
      // more often than a story's byline: only author-marked markup counts there.
      const bool colon_label = istarts_with(first, "by:") || istarts_with(first, "posted by:");
      if ((looks_like_byline(first) ||
           byline_names_start(collapse_whitespace(first)) != std::string_view::npos) &&
          !colon_label && !in_comments(node)) {
        std::string text = byline_text(node);
        if (text.size() < 200) out.byline_texts.push_back(std::move(text));
      }
    }
    if (out.byline_texts.size() < kBylineTexts && marks_author(node) && !in_comments(node)) {
      std::string text = byline_text(node);
      if (!text.empty() && text.size() < 200) out.byline_texts.push_back(std::move(text));
    }
    return true;
  });
}

std::string trim_author(std::string_view name);
bool is_news_agency(std::string_view name);

// ---- Author names ---------------------------------------------------------

// A byline's text with a line break where one element of the byline ends
// and another begins (<dt>By</dt><dd>Jane Doe</dd><dd>Topics</dd>), so that
// the labels and dates set beside the name stay out of it; white space is
// collapsed within the lines.
std::string byline_text(xmlNode* root) {
  std::string out;
  walk(root, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE) {
      out += as_view(node->content);
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "script" || name == "style" || name == "noscript") return false;
    if (node != root && (is_block_element(name) || name == "br" || name == "td" || name == "th")) out += '\n';
    return true;
  });
  std::string lines;
  std::size_t start = 0;
  while (start <= out.size()) {
    auto end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string line = collapse_whitespace(std::string_view(out).substr(start, end - start));
    if (!line.empty()) {
      if (!lines.empty()) lines += '\n';
      lines += line;
    }
    start = end + 1;
  }
  return lines;
}

bool word_in(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view entry) { return iequals(word, entry); });
}

// The words of a job title ("Jane Doe, Staff Writer", "Group Product
// Manager"): a name part holding one is a title, not a person.
bool is_job_title_word(std::string_view word) {
  return word_in(word, {"editor",  "writer",    "reporter",    "correspondent", "columnist",  "contributor",
                        "manager", "director",  "producer",    "photographer",  "engineer",   "intern",
                        "analyst", "scientist", "founder",     "co-founder",    "strategist", "president",
                        "officer", "chairman",  "professor",   "consultant",    "specialist", "evangelist",
                        "partner", "redakteur", "redakteurin", "journaliste",   "redactor"});
}

// Words of labels that author-marked links and boxes carry instead of a
// name ("Google profile", "View all posts", "About Me"), and of the
// web-design credits some pages give as their meta author.
bool is_label_word(std::string_view word) {
  return word_in(word, {"profile",       "posts",     "about",     "view",        "more",      "follow",
                        "contact",       "subscribe", "email",     "e-mail",      "share",     "admin",
                        "administrator", "webmaster", "anonymous", "guest",       "archive",   "search",
                        "permalink",     "reply",     "login",     "register",    "rights",    "reserved",
                        "copyright",     "design",    "designs",   "interactive", "webdesign", "solutions",
                        "technologies",  "inc",       "llc",       "ltd",         "gmbh",      "limited"});
}

// Lower-case words a person's name may hold ("Ludwig van Beethoven").
bool is_name_particle(std::string_view word) {
  return word_in(word, {"de",  "da",  "di", "du", "del", "della", "der", "den", "van", "von", "la",  "le",
                        "bin", "ibn", "al", "el", "y",   "e",     "ten", "ter", "dos", "das", "st.", "zu"});
}

// Whether `name` can be an author's name: no digits, e-mail address, URL or
// domain ("Site.com"), no label or job-title word. `strict` (a name read from
// the page's text rather than declared in a meta tag) adds what a written
// name looks like: at most six words, each capitalised unless a particle.
bool plausible_author(std::string_view name, bool strict) {
  name = ascii::trim(name);
  // A note in parentheses after the name ("Jane Doe (with John Roe)",
  // "Jane Doe (https://jane.example/)") is the page's to give; the name is judged.
  if (const auto open = name.find(" ("); open != std::string_view::npos && name.ends_with(')'))
    name = name.substr(0, open);
  if (name.size() < 2 || name.size() > (strict ? 60u : 100u)) return false;
  if (name.find_first_of("0123456789@\"!?") != std::string_view::npos ||
      name.find("://") != std::string_view::npos || icontains(name, "www.") ||
      name.find("\xE2\x80\x9C") != std::string_view::npos)
    return false;
  // "jane_doe": a user handle (in scripts without capitals an underscore may join words).
  if (name.find('_') != std::string_view::npos &&
      std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return false;
  // One word with a capital inside ("SteveG", "JaneDoe1"): a user handle.
  if (strict && name.find(' ') == std::string_view::npos) {
    for (std::size_t i = 1; i < name.size(); ++i) {
      if (name[i] >= 'A' && name[i] <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z' &&
          !(i == 2 && name.starts_with("Mc")) && !(i == 3 && name.starts_with("Mac")))
        return false;
    }
  }
  int words = 0;
  std::size_t at = 0;
  while (at < name.size()) {
    while (at < name.size() && (name[at] == ' ' || name[at] == ',' || name[at] == '&')) ++at;
    const std::size_t start = at;
    while (at < name.size() && name[at] != ' ' && name[at] != ',') ++at;
    if (at == start) break;
    std::string_view word = name.substr(start, at - start);
    ++words;
    // A domain: letters, a dot, two or more letters to the end ("Canoe.ca").
    if (const auto dot = word.rfind('.'); dot != std::string_view::npos && dot > 0 && word.size() - dot > 2 &&
                                          ascii::is_alpha(word[dot - 1]) &&
                                          std::all_of(word.begin() + static_cast<std::ptrdiff_t>(dot) + 1,
                                                      word.end(), [](char c) { return ascii::is_alpha(c); }))
      return false;
    std::string_view bare = word;
    while (!bare.empty() && !ascii::is_alnum(bare.front()) && static_cast<unsigned char>(bare.front()) < 0x80)
      bare.remove_prefix(1);
    while (!bare.empty() && !ascii::is_alnum(bare.back()) && static_cast<unsigned char>(bare.back()) < 0x80)
      bare.remove_suffix(1);
    if (bare.empty()) continue;
    if (is_label_word(bare) || is_job_title_word(bare)) return false;
    // A link's or a label's whole text ("Read", "More", "By", "Author"): not a
    // name, though "Read" is also a surname.
    if (word_in(bare, {"read", "more", "home", "print", "next", "previous", "by", "author", "authors"}) &&
        bare.size() + 2 > name.size())
      return false;
    if (strict && bare.front() >= 'a' && bare.front() <= 'z' && !is_name_particle(bare) &&
        !iequals(bare, "and"))
      return false;
  }
  return words > 0 && (!strict || words <= 6);
}

// Where the names of a byline begin: after "By", "Posted by", "Written
// by" and their kin, or after a short date lead ("2024-03-05 by", "Monday,
// March 5, 2024, by", "Posted March 5, 2024 @ 2:49 PM by"). npos when the
// text does not start as a byline.
std::size_t byline_names_start(std::string_view text) {
  std::size_t lead = 0;
  // Bylines set after the date open with a dash or a bar ("— By Jane Doe").
  while (lead < text.size()) {
    const std::string_view rest = text.substr(lead);
    if (rest.front() == ' ' || rest.front() == '\n' || rest.front() == '-' || rest.front() == '|') {
      ++lead;
    } else if (rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93")) {
      lead += 3;
    } else {
      break;
    }
  }
  // The text may end at the lead when the name is in the next element
  // ("Posted by" <span>Jane Doe</span>): its end counts as the space after it.
  const std::string padded = std::string(text.substr(lead)) + ' ';
  const std::string_view rest = padded;
  const auto after = [&](std::size_t end) { return std::min(lead + end, text.size()); };
  for (std::string_view prefix :
       {"by ", "by\n", "by: ", "posted by ", "posted by\n", "posted by: ", "written by ",
        "written by: ", "post written by ", "words by ", "story by ", "author: "}) {
    if (istarts_with(rest, prefix)) return after(prefix.size());
  }
  for (std::string_view prefix :
       {"Von ", "von ", "Par ", "par ", "Por ", "por ", "Автор: ", "Автор ", "Від ", "От "}) {
    if (rest.starts_with(prefix)) return after(prefix.size());
  }
  // A date, then "by": the lead holds a digit and at most eight words.
  for (std::string_view marker : {" by ", " By ", " BY ", " by\n", " By\n"}) {
    const auto at = rest.find(marker);
    if (at == std::string_view::npos || at > 80) continue;
    const std::string_view before = rest.substr(0, at);
    // "(c) 2012 by The Agency. All rights reserved": a copyright notice.
    if (icontains(before, "copyright") || icontains(before, "(c)") ||
        before.find("\xC2\xA9") != std::string_view::npos)
      continue;
    if (before.find_first_of("0123456789") == std::string_view::npos ||
        std::count(before.begin(), before.end(), ' ') > 7 || before.find('\n') != std::string_view::npos)
      continue;
    return after(at + marker.size());
  }
  return std::string_view::npos;
}

// "By Jane Doe and John Roe | March 2, 2025" -> {"Jane Doe", "John Roe"}.
std::vector<std::string> authors_from_byline(std::string_view byline) {
  std::vector<std::string> out;
  const std::size_t names_at = byline_names_start(byline);
  if (names_at == std::string_view::npos) return out;  // no "By": not trusted as a name list
  std::string_view names = byline.substr(names_at);
  // "By | Jane Doe", "By: Jane Doe", "By\nJane Doe".
  while (!names.empty() && (names.front() == ' ' || names.front() == '\n' || names.front() == '|' ||
                            names.front() == ':' || names.front() == '-'))
    names.remove_prefix(1);
  // The names end with the byline's line, and before what bylines put
  // after them: a separator, "on <date>", "in <section>", "at <time>".
  names = names.substr(0, names.find('\n'));
  for (std::string_view stop : {" | ", " · ", " - ", " -- ", " — ", " – ", "/", " on ", " On ", " at ",
                                " in ", " @ ", " (", " \xE2\x80\xA2", ",  ", "  "}) {
    if (auto at = names.find(stop); at != std::string_view::npos) names = names.substr(0, at);
  }
  // Names joined by "and", "&" or commas; after a comma also come job
  // titles ("Jane Doe, Staff Writer"), degrees ("Jane Doe, MA") and dates:
  // the list ends there.
  std::size_t start = 0;
  bool after_comma = false;
  while (start < names.size()) {
    std::size_t cut = names.size(), next = names.size();
    bool comma = false;
    for (std::string_view joint : {" and ", " AND ", " & ", ", "}) {
      if (auto at = names.find(joint, start); at != std::string_view::npos && at < cut) {
        cut = at;
        next = at + joint.size();
        comma = joint == ", ";
      }
    }
    std::string_view part = names.substr(start, cut - start);
    // Dates and reading times follow bylines; names do not contain digits. A
    // date glued to the name ("by Jane Doe22 Dec 2016") is cut off.
    bool ends = false;
    if (const auto digit = part.find_first_of("0123456789"); digit != std::string_view::npos) {
      if (digit == 0 || !ascii::is_alpha(part[digit - 1])) break;
      part = part.substr(0, digit);
      ends = true;
    }
    if (after_comma && part.starts_with("and ")) part.remove_prefix(4);  // "A, B, and C"
    // "NBC's Jane Doe": the employer's possessive before the name goes.
    if (const auto space = part.find(' ');
        space != std::string_view::npos && space > 2 && part.find(' ', space + 1) != std::string_view::npos &&
        (part.substr(0, space).ends_with("'s") || part.substr(0, space).ends_with("\xE2\x80\x99s")))
      part.remove_prefix(space + 1);
    std::string name = trim_author(part);
    if (after_comma && name.find(' ') == std::string::npos) break;  // "Jane Doe, MA"
    if (!name.empty()) {
      if (!plausible_author(name, true)) break;
      add_unique(out, name);
    }
    if (ends || next >= names.size()) break;
    // After a comma comes another name only in a list that ends "and C"
    // ("A, B and C"); otherwise an employer or a place ("Jane Doe, The Daily").
    if (comma && names.find(" and ", next) == std::string_view::npos &&
        names.find(" AND ", next) == std::string_view::npos &&
        names.find(" & ", next) == std::string_view::npos && !names.substr(next).starts_with("and "))
      break;
    after_comma = comma;
    start = next;
  }
  return out;
}

// "Jane Doe -", "Jane Doe |", "Jane Doe," : the separator a byline put
// before the date or the site stays out of the name.
std::string trim_author(std::string_view name) {
  std::string out = collapse_whitespace(name);
  // "— Jane Doe", "| Jane Doe": the separator a byline put before the name.
  while (!out.empty()) {
    if (out.front() == '-' || out.front() == '|' || out.front() == ' ') {
      out.erase(0, 1);
    } else if (out.starts_with("\xE2\x80\x94") || out.starts_with("\xE2\x80\x93") ||
               out.starts_with("\xE2\x80\xA2")) {
      out.erase(0, 3);
    } else {
      break;
    }
  }
  while (!out.empty()) {
    const char last = out.back();
    if (last == '-' || last == '|' || last == ',' || last == ':' || last == ';' || last == '/' ||
        last == ' ') {
      out.pop_back();
    } else if (out.ends_with("\xE2\x80\x94") || out.ends_with("\xE2\x80\x93") || out.ends_with("\xC2\xB7") ||
               out.ends_with("\xE2\x80\xA2")) {
      out.resize(out.size() - (out.ends_with("\xC2\xB7") ? 2 : 3));  // em dash, en dash, middle dot, bullet
    } else if (last == '.' && out.size() >= 4 && ascii::is_alpha(out[out.size() - 2]) &&
               ascii::is_alpha(out[out.size() - 3]) && ascii::is_alpha(out[out.size() - 4]) &&
               out.find(' ') != std::string::npos) {
      out.pop_back();  // "Post written by Jane Doe." (not an initial or "Jr.")
    } else if (const auto comma = out.rfind(", "); comma != std::string::npos && comma > 0) {
      // "Jane Doe, Staff Writer": the job title (or the wire service) after the name goes.
      const std::string_view title = std::string_view(out).substr(comma + 2);
      bool job = false;
      for (std::size_t at = 0; at <= title.size();) {
        auto space = title.find(' ', at);
        if (space == std::string_view::npos) space = title.size();
        job = job || is_job_title_word(title.substr(at, space - at));
        at = space + 1;
      }
      if (!job && !is_news_agency(title)) break;  // "Jane Doe, Associated Press" too
      out.resize(comma);
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

// A date on the path's day or the day beside it: stories are filed before
// midnight and published after, or dated in another zone than the path.
bool near_day(const PageDate& date, std::chrono::sys_seconds path_day) {
  const auto apart = local_day(date) - std::chrono::floor<std::chrono::days>(path_day);
  return apart >= std::chrono::days(-1) && apart <= std::chrono::days(1);
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

namespace {

// Letters and digits of `text`, lower-cased ASCII (other bytes kept): "The
// Guardian" and "theguardian.com"'s first label compare equal this way.
std::string name_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      key += c;
    }
  }
  return key;
}

// The site's name as the host spells it: "www.nytimes.com" -> "nytimes",
// "news.bbc.co.uk" -> "bbc": the first label of the URL's site (url_site,
// which extract_content also uses to tell the site's own links).
std::string host_name_key(std::string_view url) {
  if (url.find("://") == std::string_view::npos) return {};
  const std::string site = url_site(url);
  const std::size_t dot = site.find('.');
  if (dot == std::string::npos || dot == 0) return {};  // a bare host ("localhost") names no site
  return name_key(std::string_view(site).substr(0, dot));
}

// Whether `part` of a title names the site: its declared name, or the
// host's name ("BBC News" on bbc.co.uk, "The Guardian" on theguardian.com).
bool names_site(std::string_view part, std::string_view site_name, std::string_view host_key) {
  if (!site_name.empty() && iequals(part, site_name)) return true;
  if (host_key.size() < 3 || part.size() > 60) return false;
  const std::string key = name_key(part);
  if (key.empty()) return false;
  return key == host_key || (key.size() >= 3 && host_key.find(key) != std::string::npos) ||
         (key.starts_with(host_key) && key.size() <= host_key.size() + 8);
}

// Whether `name` is one of the parts of the <title> after its first
// separator ("Headline - Section - Site"): a section's or the site's name.
bool is_title_part(std::string_view html_title, std::string_view name) {
  if (name.empty()) return false;
  for (std::string_view separator : {" | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » "}) {
    std::size_t at = html_title.find(separator);
    while (at != std::string_view::npos) {
      const std::size_t start = at + separator.size();
      const std::size_t end = html_title.find(separator, start);
      if (iequals(html_title.substr(start, end == std::string_view::npos ? end : end - start), name))
        return true;
      at = end;
    }
  }
  return false;
}

// The wire services that appear beside reporters' names in bylines.
bool is_news_agency(std::string_view name) {
  static constexpr std::string_view kAgencies[] = {"reuters",
                                                   "associated press",
                                                   "ap",
                                                   "afp",
                                                   "agence france-presse",
                                                   "bloomberg",
                                                   "dpa",
                                                   "ansa",
                                                   "efe",
                                                   "upi",
                                                   "pa",
                                                   "press association",
                                                   "xinhua",
                                                   "tass",
                                                   "ria novosti",
                                                   "kyodo",
                                                   "ukrinform"};
  return std::any_of(std::begin(kAgencies), std::end(kAgencies),
                     [&](std::string_view agency) { return iequals(name, agency); });
}

// A masthead h1 that holds the blog's name beside a <title> "Post name –
// Blog name" when no site name is declared: the h1 equals one side of the
// <title>'s split, and the other side, longer, is shown as another heading
// below the h1 (the post's h2/h3 "entry-title"; a site name shown in a
// heading above the h1 makes the h1 the headline). Returns that other side, the headline;
// empty when the h1 is not such a masthead.
std::string headline_beside_masthead_h1(std::string_view html_title, std::string_view h1,
                                        const std::vector<std::string>& headings) {
  if (h1.empty() || html_title.size() <= h1.size()) return {};
  const auto shown_as_heading = [&](std::string_view side) {
    return std::any_of(headings.begin(), headings.end(),
                       [&](const std::string& heading) { return iequals(heading, side); });
  };
  static constexpr std::array kSeparators = {
      std::string_view(" | "), std::string_view(" - "),  std::string_view(" — "),
      std::string_view(" – "), std::string_view(" :: "), std::string_view(" · "),
      std::string_view(" « "), std::string_view(" » "),  std::string_view(": ")};
  for (auto separator : kSeparators) {
    for (auto at = html_title.find(separator); at != std::string_view::npos && at != 0;
         at = html_title.find(separator, at + 1)) {
      const std::string_view head = html_title.substr(0, at);
      const std::string_view tail = html_title.substr(at + separator.size());
      if (iequals(tail, h1) && head.size() > tail.size() && shown_as_heading(head)) return std::string(head);
      if (iequals(head, h1) && tail.size() > head.size() && shown_as_heading(tail)) return std::string(tail);
    }
  }
  return {};
}

// The length of the mark at `at` that may join a title's parts ("|", "::",
// "»", "–", "-", "/", ">", "_", "…", "..."), or 0. A hyphen or colon inside a
// headline is one too: a part only counts when the page shows it on its own.
std::size_t title_mark_length(std::string_view title, std::size_t at) {
  static constexpr std::string_view kAsciiMarks = "|:/\\<>_=~*-";
  if (kAsciiMarks.find(title[at]) != std::string_view::npos) return 1;
  if (title.substr(at, 3) == "...") return 3;
  static constexpr std::array kUtf8Marks = {
      std::string_view("»"), std::string_view("«"), std::string_view("·"),
      std::string_view("•"), std::string_view("–"), std::string_view("—"),
      std::string_view("‹"), std::string_view("›"), std::string_view("…")};
  for (auto mark : kUtf8Marks) {
    if (title.substr(at, mark.size()) == mark) return mark.size();
  }
  return 0;
}

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Whether the chosen title may name the site or a section rather than the
// story: none at all, the site's name (declared, or the host's), a title
// that begins with the site's name ("Summit Daily News for Breckenridge
// ..."), or, when the page declares no title, a short <title> or h1 that
// may be a label ("Latest News", "Opinion", "SuperSoccer"). Only a
// possibility: the headline shown right above the article's text decides
// (headline_above_prose), and a title the page shows there stays.
bool title_may_be_label(std::string_view title, bool declared, std::string_view site_name,
                        std::string_view host_key) {
  if (title.empty() || names_site(title, site_name, host_key)) return true;
  if (host_key.size() >= 4 && name_key(title).starts_with(host_key)) return true;
  // A title the page declares (og:title, JSON-LD headline) is its own word
  // on the story, however short; a short <title> or h1 may be a label.
  return !declared && word_count(title) <= 4;
}

// How strongly an element says "headline": h1 > h2 > h3 > an element whose
// class or id names a headline or title ("ArticleHeadline",
// "contentheading", "news_story_title"); 0 for anything else.
int headline_rank(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name == "h1") return 3;
  if (name == "h2") return 2;
  if (name == "h3") return 1;
  if (name == "script" || name == "style" || name == "a" || name == "body" || name == "html") return 0;
  for (std::string_view key : {"class", "id"}) {
    const std::string_view value = attribute(node, key);
    // Not "subtitle", nor the meta line under a headline ("headline_meta", "title-date").
    if ((icontains(value, "headline") || icontains(value, "title") || icontains(value, "heading")) &&
        !icontains(value, "sub") && !icontains(value, "meta") && !icontains(value, "date") &&
        !icontains(value, "byline") && !icontains(value, "author"))
      return 1;
  }
  return 0;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// `text` without the marks and spaces at its ends: " » Asia Unbound" -> "Asia Unbound".
std::string_view trim_marks(std::string_view text) {
  for (bool trimmed = true; trimmed && !text.empty();) {
    trimmed = false;
    if (const std::size_t length = text.front() == ' ' ? 1 : title_mark_length(text, 0); length > 0) {
      text.remove_prefix(length);
      trimmed = true;
    }
    for (std::size_t length = 1; length <= 3 && length <= text.size(); ++length) {
      if ((length == 1 && text.back() == ' ') || title_mark_length(text, text.size() - length) == length) {
        text.remove_suffix(length);
        trimmed = true;
        break;
      }
    }
  }
  return text;
}

// The longest run of a title's parts that the page shows on its own, when
// that is not the whole title: "Site :: Section :: Headline", "Headline -
// Section - Site", "Blog: Headline", "Headline | January 15, 2008" give the
// headline when the page shows it as a heading or a text of its own. Never a
// run that names the site, nor a short one (below). Empty when no such run
// is shown.
std::string shown_part_of_title(std::string_view title, const ShownTexts& shown, std::string_view site_name,
                                std::string_view host_key) {
  const std::string whole = shown_key(title);
  if (shown.headings.contains(whole) || shown.texts.contains(whole)) return {};
  // Where the parts meet: [begin, end) of each mark.
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (std::size_t at = 0; at < title.size() && marks.size() < 40;) {
    const std::size_t length = title_mark_length(title, at);
    if (length == 0) {
      ++at;
      continue;
    }
    marks.emplace_back(at, at + length);
    at += length;
  }
  if (marks.empty()) return {};
  // Part k lies between mark k-1 (or the start) and mark k (or the end). A
  // part of two words or more that names the site ("The Crafty Crow") is
  // never inside the headline.
  const auto part_begin = [&](std::size_t k) { return k == 0 ? std::size_t{0} : marks[k - 1].second; };
  const auto part_end = [&](std::size_t k) { return k == marks.size() ? title.size() : marks[k].first; };
  std::vector<bool> site_part(marks.size() + 1);
  for (std::size_t k = 0; k <= marks.size(); ++k) {
    if (part_end(k) <= part_begin(k)) continue;
    const std::string_view part = trim_spaces(title.substr(part_begin(k), part_end(k) - part_begin(k)));
    site_part[k] = part.find(' ') != std::string_view::npos &&
                   (names_site(part, site_name, host_key) ||
                    (istarts_with(part, "the ") && names_site(part.substr(4), site_name, host_key)));
  }
  // A run of fewer than three words is a section's or a site's name, never
  // taken. One of three words is a short headline only when the site
  // declares no name or the words left out hold it ("Asia Unbound » Short
  // headline" where the site declares "Council on Foreign Relations - Asia
  // Unbound"): words beside a short headline that are not the declared
  // site's are as likely the title's own ("Ferry at dusk – Harbour Lights").
  const auto names_declared_site = [&](std::string_view side) {
    side = trim_marks(side);
    return !side.empty() && (icontains(site_name, side) || icontains(side, site_name));
  };
  const auto long_enough = [&](std::size_t begin, std::size_t end, std::string_view run) {
    const auto spaces = std::count(run.begin(), run.end(), ' ');
    if (spaces >= 3 || (spaces == 2 && site_name.empty())) return true;
    return spaces == 2 &&
           (names_declared_site(title.substr(0, begin)) || names_declared_site(title.substr(end)));
  };
  // The longest run shown as a heading, else the longest shown as a text.
  std::string_view best_heading, best_text;
  for (std::size_t i = 0; i <= marks.size(); ++i) {
    for (std::size_t j = i; j <= marks.size() && !site_part[j]; ++j) {
      if (site_part[i]) break;
      const std::size_t begin = part_begin(i), end = part_end(j);
      if (end <= begin) continue;
      const std::string_view run = trim_spaces(title.substr(begin, end - begin));
      if (run.size() <= best_text.size() && run.size() <= best_heading.size()) continue;
      if (run.size() == title.size() || !long_enough(begin, end, run)) continue;
      const std::string key = shown_key(run);
      if (run.size() > best_heading.size() && shown.headings.contains(key)) best_heading = run;
      if (run.size() > best_text.size() && shown.texts.contains(key)) best_text = run;
    }
  }
  return std::string(best_heading.empty() ? best_text : best_heading);
}

// `title` without the parts set off by pipes (or "::", "·") that are only a
// date ("Headline | January 15, 2008 | Site", "01/19/2008 | Headline"): such a
// part is the page's date field, and the site-name rules below see the parts
// around it. A date after a dash may be the headline's own ("Week in Review -
// October 29, 2012").
std::string without_date_parts(std::string title) {
  static constexpr std::array kSeparators = {std::string_view(" | "), std::string_view(" :: "),
                                             std::string_view(" · ")};
  for (auto separator : kSeparators) {
    std::size_t begin = 0;
    while (begin < title.size()) {
      std::size_t end = title.find(separator, begin);
      if (end == std::string::npos) end = title.size();
      const std::string_view part = std::string_view(title).substr(begin, end - begin);
      const bool whole = begin == 0 && end == title.size();
      if (!whole && part.size() >= 6 && part.size() <= 40 && ascii::is_digit(part.back()) &&
          std::count(part.begin(), part.end(), ' ') <= 4 && read_date(part)) {
        // Drop the part with the separator on one side of it.
        const std::size_t cut_begin = begin == 0 ? 0 : begin - separator.size();
        const std::size_t cut_end = begin == 0 ? std::min(title.size(), end + separator.size()) : end;
        title.erase(cut_begin, cut_end - cut_begin);
        begin = cut_begin == 0 ? 0 : cut_begin + separator.size();
        continue;
      }
      begin = end + separator.size();
    }
  }
  return title;
}

// The headline-like element a text node sits in (within four levels), if any.
xmlNode* heading_holding(xmlNode* text_node) {
  int level = 0;
  for (xmlNode* up = text_node->parent; up != nullptr && is_element(up) && level < 4;
       up = up->parent, ++level) {
    if (headline_rank(up) > 0) return up;
  }
  return nullptr;
}

bool inside_code(xmlNode* text_node) {
  const std::string_view parent = text_node->parent != nullptr ? tag(text_node->parent) : std::string_view();
  return parent == "script" || parent == "style" || parent == "noscript" || parent == "template";
}

// The first text of prose in the article's blocks: 80+ bytes of one text
// node outside links and headings.
xmlNode* first_prose_node(std::span<xmlNode* const> blocks) {
  for (xmlNode* block : blocks) {
    xmlNode* found = nullptr;
    walk(block, [&](xmlNode* node) {
      if (found != nullptr) return false;
      if (is_element(node)) return tag(node) != "a" && tag(node) != "script" && tag(node) != "style";
      if (node->type == XML_TEXT_NODE && node->content != nullptr && !inside_code(node) &&
          collapse_whitespace(as_view(node->content)).size() >= 80 && heading_holding(node) == nullptr)
        found = node;
      return false;
    });
    if (found != nullptr) return found;
  }
  return nullptr;
}

// A heading's own line: its text up to the first line break or block
// inside it, where a byline or dateline set in the heading begins
// ("Headline<br><span>by Jane Doe, 30 December 2007</span>").
std::string heading_line(xmlNode* heading) {
  std::string text;
  bool ended = false;
  walk(heading, [&](xmlNode* node) {
    if (ended) return false;
    if (node == heading) return true;
    if (is_element(node)) {
      const std::string_view name = tag(node);
      if (name == "br" || is_block_element(name)) ended = true;
      return !ended && name != "script" && name != "style";
    }
    if (node->type == XML_TEXT_NODE && node->content != nullptr) text += as_view(node->content);
    return false;
  });
  return collapse_whitespace(text);
}

// Whether a heading's line reads as a headline: a few words, not a
// sentence (a standfirst or lede ends with a full stop), not a date, a
// byline or the site's name, not a fragment that starts with a separator.
bool reads_as_headline(std::string_view line, std::string_view site_name, std::string_view host_key) {
  if (line.size() < 12 || line.size() > 200 || word_count(line) < 3) return false;
  if (line.ends_with('.') && !line.ends_with("...")) return false;
  for (std::string_view separator : {"-", "|", ":", "/", ">", "»", "•", "·", "*"})
    if (line.starts_with(separator)) return false;
  if (line.find(" | ") != std::string_view::npos) return false;  // a <title>-like "Site | Section"
  if (looks_like_byline(line) || istarts_with(line, "written by") || istarts_with(line, "tags:"))
    return false;
  // A dateline, alone or after a byline ("Posted by X - Friday, October 26, 2012").
  for (std::size_t at = 0; at != std::string_view::npos; at = line.find(" - ", at + 1)) {
    // Either order of a numeric day: a line that may be a date is no headline.
    if (dateline_date(line.substr(at == 0 ? 0 : at + 3), /*numeric_day_first=*/true)) return false;
  }
  // The site's name, or a tagline that begins with it ("Designer Daily, design inspiration").
  if (names_site(line, site_name, host_key)) return false;
  return host_key.size() < 4 || !name_key(line).starts_with(host_key);
}

// A sidebar box's heading ("Bookmark & Share", "Subscribers via RSS"): what
// follows it is a list or a link, where a headline is followed by its
// byline, its picture or its text.
bool titles_a_box_of_links(xmlNode* heading) {
  xmlNode* next = heading->next;
  while (next != nullptr && !is_element(next)) next = next->next;
  if (next == nullptr) return false;
  const std::string_view name = tag(next);
  return name == "ul" || name == "ol" || name == "a" || name == "form";
}

xmlNode* lowest_common_ancestor(xmlNode* a, xmlNode* b) {
  for (xmlNode* up = a; up != nullptr; up = up->parent) {
    for (xmlNode* other = b; other != nullptr; other = other->parent)
      if (other == up) return up;
  }
  return nullptr;
}

// The node before `node` in document order (its previous sibling's last
// descendant, or its parent).
xmlNode* previous_in_document(xmlNode* node) {
  if (node->prev == nullptr) return node->parent;
  node = node->prev;
  while (node->last != nullptr) node = node->last;
  return node;
}

}  // namespace

std::string strip_site_from_title(std::string_view title_text, std::string_view site_name,
                                  std::string_view url, const ShownTexts* shown) {
  std::string title = collapse_whitespace(title_text);
  const std::string host_key = host_name_key(url);
  if (shown != nullptr) {
    if (std::string part = shown_part_of_title(title, *shown, site_name, host_key); !part.empty())
      return part;
  }
  title = without_date_parts(std::move(title));
  static constexpr std::array kSeparators = {
      std::string_view(" | "), std::string_view(" - "),  std::string_view(" — "),
      std::string_view(" – "), std::string_view(" :: "), std::string_view(" · "),
      std::string_view(" « "), std::string_view(" » "),  std::string_view(": ")};
  for (auto separator : kSeparators) {
    auto at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string_view tail = std::string_view(title).substr(at + separator.size());
    // Strip when the tail names the site, or (not for a colon, which joins
    // a headline's own parts) is short next to the head.
    if (names_site(tail, site_name, host_key) ||
        (separator != ": " && tail.size() * 2 < at && tail.size() < 40)) {
      return std::string(std::string_view(title).substr(0, at));
    }
  }
  // "Site | Headline", "Site: Headline": a prefix goes only when it names the site.
  for (auto separator : kSeparators) {
    auto at = title.find(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string_view head = std::string_view(title).substr(0, at);
    std::string_view rest = std::string_view(title).substr(at + separator.size());
    if (rest.size() > head.size() && names_site(head, site_name, host_key)) return std::string(rest);
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
  const bool declared_title = !result.title.empty();
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
  // A <title> left open (the page's code after it) is no headline either.
  result.title_may_be_label =
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
  if (result.authors.empty()) {
    for (auto key :
         {"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author"}) {
      auto it = meta.find(key);
      if (it == meta.end()) continue;
      for (const auto& value : it->second) {
        // Not a profile URL, an e-mail address, a domain, a job title or a web-design credit.
        if (value.rfind("http", 0) == 0 || !plausible_author(plain(value), false)) continue;
        add_unique(is_title_part(result.html_title, plain(value)) ? title_part_authors : result.authors,
                   plain(value));
      }
      if (!result.authors.empty() || !title_part_authors.empty()) break;
    }
  }
  // Names in the page's text (itemprop, rel=author, bylines) must read as
  // names: a link text ("Google profile"), a user handle, a section.
  const auto add_written = [&](std::string_view text, bool marked_as_name) {
    auto names = authors_from_byline(text);
    if (names.empty() && text.find('\n') == std::string_view::npos) {
      // A bare name; in markup that says "this is the author's name", perhaps
      // with what follows it ("Jane Doe // Jane's Blog", "Jane Doe, who writes about ...").
      std::string_view line = text;
      if (marked_as_name) {
        for (std::string_view stop : {" // ", " | ", " - ", " — ", " · ", ", "})
          line = line.substr(0, line.find(stop));
      }
      if (plausible_author(line, true)) names.push_back(trim_author(line));
    }
    for (auto& name : names) add_unique(result.authors, std::move(name));
  };
  if (result.authors.empty()) {
    for (const auto& name : found.itemprop_authors) add_written(plain(name), true);
  }
  if (result.authors.empty()) {
    for (const auto& byline : found.byline_texts) {
      add_written(byline, false);
      if (!result.authors.empty()) break;
    }
  }
  if (result.authors.empty()) result.authors = std::move(title_part_authors);
  if (result.authors.empty() && organisations_only) result.authors = ld->authors;

  {
    // "By Jane Doe", "por Jane Doe", "by Jane Doe March 2, 2025 @jane": a
    // byline given as a name is read as a byline (prefix, date and handle
    // go); the same person twice is one author.
    std::vector<std::string> cleaned;
    for (const auto& name : result.authors) {
      auto from_byline = authors_from_byline(collapse_whitespace(name));
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

  std::optional<PageDate> published;
  if (ld) published = ld->published;
  if (!published)
    published = meta_date(meta, {"article:published_time", "datepublished", "og:article:published_time",
                                 "dc.date", "dcterms.created", "dc.date.issued", "dcterms.issued",
                                 "publish-date", "pubdate", "date", "parsely-pub-date", "sailthru.date"});
  if (!published) published = found.itemprop_published;
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
    for (const auto* line : {&found.dateline, &found.heading_dateline, &found.byline_dateline})
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
    const auto& dateline = found.dateline           ? found.dateline
                           : found.heading_dateline ? found.heading_dateline
                           : found.byline_dateline  ? found.byline_dateline
                                                    : found.updated_dateline;
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

std::string first_prose_text(std::span<xmlNode* const> blocks) {
  xmlNode* prose = first_prose_node(blocks);
  return prose != nullptr ? collapse_whitespace(as_view(prose->content)) : std::string();
}

std::string headline_above_prose(xmlDoc* page, std::string_view first_prose, std::string_view title,
                                 std::string_view site_name, std::string_view url) {
  xmlNode* root = xmlDocGetRootElement(page);
  if (root == nullptr || first_prose.empty()) return {};
  xmlNode* prose = nullptr;
  walk(root, [&](xmlNode* node) {
    if (prose != nullptr) return false;
    if (node->type == XML_TEXT_NODE && node->content != nullptr && !inside_code(node) &&
        collapse_whitespace(as_view(node->content)) == first_prose)
      prose = node;
    return is_element(node);
  });
  if (prose == nullptr) return {};
  const std::string host_key = host_name_key(url);
  // Back from the first prose, past what sits between a headline and its
  // text (a byline, a dateline, a caption: 200 bytes at most), to the
  // headings there: the strongest one that reads as a headline, or none
  // when the title itself is shown there first (the page confirms it).
  // A heading that is the title above a headline below it is the site's or
  // section's name over the story; the search stops there.
  std::size_t skipped = 0;
  int headings_seen = 0;
  int best_rank = 0;
  std::string best;
  xmlNode* best_node = nullptr;
  for (xmlNode* node = previous_in_document(prose); node != nullptr && headings_seen < 6;
       node = previous_in_document(node)) {
    if (is_element(node) && tag(node) == "body") break;
    if (node->type != XML_TEXT_NODE || node->content == nullptr || inside_code(node)) continue;
    const std::string text = collapse_whitespace(as_view(node->content));
    if (text.empty() || text == " ") continue;
    xmlNode* heading = heading_holding(node);
    const std::string whole = heading != nullptr ? collapse_whitespace(text_content(heading)) : std::string();
    if (heading == nullptr || whole.size() > 250) {
      if (!title.empty() && iequals(text, title)) break;  // the title, shown here as plain text
      skipped += text.size();
      if (skipped > 200) break;
      continue;
    }
    ++headings_seen;
    node = heading;  // its text has been read: go on before it
    std::string line = heading_line(heading);
    if (!title.empty() &&
        (iequals(whole, title) || iequals(line, title) || (title.size() >= 12 && icontains(whole, title)))) {
      // The title shown above the heading found: a section's or site's
      // name over the story's box, or the headline over its standfirst in
      // the same box, which leaves the title as it is.
      if (best_node != nullptr &&
          lowest_common_ancestor(heading, prose) == lowest_common_ancestor(best_node, prose))
        return {};
      break;
    }
    // The title with a section or site prefix ("Music- Headline"): the
    // heading shows the headline alone.
    if (best.empty() && line.size() >= 12 && icontains(title, line) &&
        reads_as_headline(line, site_name, host_key))
      return line;
    // Of equal ranks the upper one: a standfirst set as a heading sits
    // below the headline, and a kicker above it is too short to read as one.
    const int rank = headline_rank(heading);
    if (rank >= best_rank && reads_as_headline(line, site_name, host_key) &&
        !titles_a_box_of_links(heading)) {
      best_rank = rank;
      best = std::move(line);
      best_node = heading;
    }
  }
  return best;
}

bool remove_heading_showing(std::span<xmlNode* const> blocks, std::string_view headline) {
  for (xmlNode* block : blocks) {
    xmlNode* found = nullptr;
    walk(block, [&](xmlNode* node) {
      if (found != nullptr || !is_element(node)) return false;
      if (node != block && headline_rank(node) > 0 && iequals(heading_line(node), headline)) found = node;
      return found == nullptr;
    });
    if (found != nullptr) {
      remove_node(found);
      return true;
    }
  }
  return false;
}

}  // namespace feeds::extract_detail
