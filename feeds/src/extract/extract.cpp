// Article extraction: decoding, parsing, and the decision between the
// evidence sources (DOM scoring, JSON-LD articleBody, hydration JSON).
#include "feeds/extract.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "common/html_escape.h"
#include "common/utf8.h"
#include "extract/extract_browser_markup.h"
#include "extract/extract_content.h"
#include "extract/extract_dom.h"
#include "extract/extract_headline.h"
#include "extract/extract_hints.h"
#include "extract/extract_hydration.h"
#include "extract/extract_metadata.h"
#include "extract/extract_title.h"
#include "extract/extract_tokens.h"
#include "feeds/dates.h"
#include "feeds/encoding.h"
#include "feeds/sanitize.h"
#include "feeds/testing/extract.h"
#include "feeds/text.h"

namespace feeds {

namespace {

using namespace extract_detail;

// text_tokens' count without building the strings (word_count of every page).
std::size_t count_tokens(std::string_view utf8) {
  std::size_t count = 0;
  for_each_token(utf8, [&](std::string_view) { ++count; });
  return count;
}

// The text's first line, at most `limit` bytes, cut at a UTF-8 character
// boundary: enough to find the same paragraph in another cut's text.
std::string_view first_line(std::string_view text, std::size_t limit) {
  std::string_view line = text.substr(0, text.find('\n'));
  if (line.size() <= limit) return line;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
  return line.substr(0, end);
}

// Below this many bytes of text the first cut is weak: the retries run.
constexpr std::size_t kWeakCutBytes = 250;

// Refuses what is certainly not a page, with the reason.
std::optional<Error> check_readable(std::string_view bytes, const ExtractOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Error{ErrorCode::too_large,
                 fmt::format("page is {} bytes, over the {} byte limit", bytes.size(), options.max_bytes)};
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos)
    return Error{ErrorCode::empty, "empty input"};
  struct Magic {
    std::string_view prefix;
    std::string_view what;
  };
  static constexpr std::array kMagic = {Magic{"\x89PNG", "a PNG image"},
                                        Magic{"GIF8", "a GIF image"},
                                        Magic{"\xFF\xD8\xFF", "a JPEG image"},
                                        Magic{"%PDF", "a PDF document"},
                                        Magic{"PK\x03\x04", "a ZIP archive"},
                                        Magic{"\x1F\x8B", "gzip-compressed data"},
                                        Magic{"RIFF", "a RIFF (WebP/WAV) file"},
                                        Magic{"\x7F"
                                              "ELF",
                                              "an executable"}};
  for (const auto& magic : kMagic) {
    if (bytes.substr(0, magic.prefix.size()) == magic.prefix) {
      return Error{ErrorCode::not_a_page, fmt::format("input is {}, not an HTML page", magic.what)};
    }
  }
  const bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16_bom && bytes.substr(0, 1024).find('\0') != std::string_view::npos) {
    return Error{ErrorCode::not_a_page, "input holds NUL bytes: binary data, not an HTML page"};
  }
  return std::nullopt;
}

std::unordered_set<std::string> token_set(std::string_view text) {
  auto tokens = text_tokens(text);
  return {std::make_move_iterator(tokens.begin()), std::make_move_iterator(tokens.end())};
}

// Share of `part`'s distinct tokens that occur in `whole`.
double token_coverage(const std::unordered_set<std::string>& part,
                      const std::unordered_set<std::string>& whole) {
  if (part.empty()) return 0.0;
  std::size_t hits = 0;
  for (const auto& token : part) hits += whole.count(token);
  return static_cast<double>(hits) / static_cast<double>(part.size());
}

std::string paragraphs_to_text(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const auto& paragraph : paragraphs) {
    std::string line = collapse_whitespace(paragraph);
    if (line.empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += line;
  }
  return text;
}

// articleBody as paragraphs: CMSes separate them by newlines, some by none.
std::string json_ld_body_text(std::string_view body) {
  std::string plain_body = html_to_plain_text(body);
  if (body.find('\n') == std::string_view::npos) return plain_body;
  std::vector<std::string> paragraphs;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    paragraphs.push_back(html_to_plain_text(body.substr(start, end - start)));
    start = end + 1;
  }
  return paragraphs_to_text(paragraphs);
}

std::string text_to_html(std::string_view text) {
  std::string html;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    html += "<p>" + html_escape(text.substr(start, end - start)) + "</p>\n";
    start = end + 2;
  }
  return html;
}

// RFC 3339 in the page's own offset ("2024-03-05T23:30:00-05:00"): the
// calendar date a reader of the page sees. UTC ("Z") without an offset.
std::string format_local_rfc3339(std::chrono::sys_seconds at,
                                 const std::optional<std::chrono::minutes>& offset) {
  if (!offset || offset->count() == 0) return format_rfc3339(at);
  std::string local = format_rfc3339(at + *offset);  // "...Z": the same fields, in local time
  local.pop_back();
  const auto minutes = std::abs(offset->count());
  local += fmt::format("{}{:02}:{:02}", offset->count() < 0 ? '-' : '+', minutes / 60, minutes % 60);
  return local;
}

// A dateline set before the element that holds the story's first sentence
// ("LOS ANGELES, Dec. 27 (UPI) -- <span>Josh Groban's ...") comes out as a
// line of its own; its closing dash says the sentence goes on, so the two
// lines are joined into the paragraph the page shows.
void join_dateline(std::string& text) {
  const std::size_t end = text.find("\n\n");
  if (end == std::string::npos || end > 80) return;
  const std::string_view first = std::string_view(text).substr(0, end);
  if (!(first.ends_with(" --") || first.ends_with(" \u2014") || first.ends_with(" \u2013"))) return;
  text.replace(end, 2, " ");
}

// The lines around an article's prose that the DOM rules let through: a
// dateline ("Posted 11 January 2008 at 18:14 GMT") above the first
// paragraph; below the last one, "Leave a Reply", "No related posts.", a
// copyright line, a row of section links. Trimmed from the text while they
// are short and not sentences (or known boilerplate): above, only lines with
// a digit; below, at most three, and none when a list of such lines comes
// before them (scores, steps, specifications are the article). Never more
// than a fifth of the text.
void trim_edge_furniture(std::string& text) {
  join_dateline(text);
  std::vector<std::string_view> paragraphs;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    paragraphs.push_back(std::string_view(text).substr(start, end - start));
    start = end + 2;
  }
  if (paragraphs.size() < 3) return;
  auto has_digit = [](std::string_view p) { return p.find_first_of("0123456789") != std::string_view::npos; };
  auto furniture_tail = [&](std::string_view p) {
    if (p.starts_with("\xC2\xA9") || p.starts_with("Copyright") || p.starts_with("(c) "))
      return p.size() < 300;
    return (p.size() < 200 && is_boilerplate_text(p)) || (p.size() < 60 && !ends_like_sentence(p));
  };
  std::size_t first = 0, last = paragraphs.size();  // kept: [first, last)
  std::size_t cut = last;
  while (cut > 1 && furniture_tail(paragraphs[cut - 1])) --cut;
  const bool list_before = paragraphs[cut - 1].size() < 100 && !ends_like_sentence(paragraphs[cut - 1]);
  if (last - cut <= 3 && !list_before) last = cut;
  while (first + 1 < last && paragraphs[first].size() < 80 && !ends_like_sentence(paragraphs[first]) &&
         (has_digit(paragraphs[first]) || is_boilerplate_text(paragraphs[first])))
    ++first;
  if (first == 0 && last == paragraphs.size()) return;
  const std::size_t begin = static_cast<std::size_t>(paragraphs[first].data() - text.data());
  const std::size_t end =
      static_cast<std::size_t>(paragraphs[last - 1].data() - text.data()) + paragraphs[last - 1].size();
  if ((text.size() - (end - begin)) * 5 > text.size()) return;  // more than a fifth: not edge furniture
  text = text.substr(begin, end - begin);
}

double clamp01(double value) {
  return std::clamp(value, 0.0, 1.0);
}

// "Wal-Mart&#146;s" reaches the DOM as U+0092, a control character that
// shows nothing. Browsers read a numeric reference to U+0080-U+009F as
// windows-1252's character (U+2019 here), and so does the cleaned html
// (sanitize_writer.cpp); the text and the fields read from the DOM must say
// the same, or a quoted sentence no longer matches the page.
void show_c1_as_windows1252(Article& article) {
  utf8::map_c1_to_windows1252(article.text);
  utf8::map_c1_to_windows1252(article.title);
  utf8::map_c1_to_windows1252(article.site_name);
  utf8::map_c1_to_windows1252(article.description);
  for (auto& author : article.authors) utf8::map_c1_to_windows1252(author);
  for (auto& tag_text : article.tags) utf8::map_c1_to_windows1252(tag_text);
}

}  // namespace

Result<Article> extract_article(std::string_view bytes, const ExtractOptions& options) {
  if (auto unreadable = check_readable(bytes, options)) return std::move(*unreadable);
  Article article;
  article.url = std::string(options.url);

  DecodedText decoded = decode_to_utf8(bytes, DocumentKind::html, options.http_charset);
  // libxml2's HTML parser ends the document at a NUL byte, where a browser
  // drops the character and reads on: a stray NUL mid-page (a bad join of
  // templates) cut off everything after it, the article included.
  if (decoded.utf8.find('\0') != std::string::npos) std::erase(decoded.utf8, '\0');
  read_markup_as_a_browser(decoded.utf8);
  article.encoding = decoded.encoding;
  article.warnings = std::move(decoded.warnings);
  if (decoded.utf8.find('<') == std::string::npos)
    return Error{ErrorCode::not_a_page, "no HTML markup in the input"};

  XmlDocPtr doc = parse_html_utf8(decoded.utf8, options.url);
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr)
    return Error{ErrorCode::not_a_page, "libxml2 found no document in the input"};

  PageMetadata meta = read_metadata(doc.get(), options.url);
  for (auto& warning : meta.warnings) article.warnings.push_back(std::move(warning));
  article.title = meta.title;
  article.authors = meta.authors;
  article.published = meta.published;
  article.modified = meta.modified;
  article.published_offset = meta.published_offset;
  article.modified_offset = meta.modified_offset;
  article.site_name = meta.site_name;
  article.language = meta.language;
  article.image = meta.image;
  article.tags = meta.tags;
  article.description = meta.description;
  article.canonical_url = meta.canonical_url;
  const std::string base_url = !options.url.empty() ? std::string(options.url) : meta.canonical_url;

  // The visible text before the DOM is cut up: the consistency check for
  // articleBody needs it.
  const std::string page_text = meta.json_ld_body.empty() ? std::string() : body_text(doc.get());

  ContentResult content = find_content(doc.get(), article.title);
  std::string text = blocks_to_text(content.blocks);
  article.method = "dom";

  // One shot is not enough when the cut is small or mostly links: the rules
  // that protect precision (class-based removal, class weights, cleaning
  // inside the cut) also cut articles, and so does reading aria-hidden as
  // invisible. Each retry runs on a fresh parse with aria-hidden boxes kept
  // and one more rule off, and is taken when it is much longer and not
  // link-dense; last, the whole-page rescue of prose blocks. Pages with a
  // good first cut never pay for this.
  if (text.size() < kWeakCutBytes || content.link_density > 0.35) {
    static constexpr std::array kLooser = {ContentRules{false, true, true, false},
                                           ContentRules{false, false, true, false},
                                           ContentRules{false, false, false, false}};
    // A short cut that holds the first prose below the page's headline is
    // the post (a photo post, a one-paragraph entry): a looser retry that
    // does not hold it too has found the comments or a sidebar that won on
    // volume once their classes stopped counting, not more of the article.
    const std::string anchored_start =
        content.below_headline ? std::string(first_line(text, 80)) : std::string();
    bool from_nothing_only = false;
    for (const ContentRules& rules : kLooser) {
      XmlDocPtr retry_doc = parse_html_utf8(decoded.utf8, options.url);
      if (!retry_doc || xmlDocGetRootElement(retry_doc.get()) == nullptr) break;
      ContentResult retry = find_content(retry_doc.get(), article.title, rules);
      std::string retry_text = blocks_to_text(retry.blocks);
      // Blocks are compared by their size before the comment thread after
      // the story was cut off (cut_at_article_end): a short post found beside
      // its comments is the post, even when the first cut (a sidebar blurb)
      // was as long as the post alone; what is left must not be much shorter.
      const std::size_t found = retry_text.size() + retry.cut_at_end_bytes;
      const bool longer = found > (text.size() + content.cut_at_end_bytes) * 3 / 2 + 300 &&
                          retry_text.size() * 2 > text.size() && retry.link_density <= 0.3;
      // A first cut of links without paragraphs (a related box's rows that
      // won on the box's class name) gives way to prose of about its size:
      // the story's few paragraphs, which the class weights had outscored.
      const bool plainer = content.link_density > 0.35 && content.paragraph_count < 2 &&
                           retry.link_density < 0.1 && retry_text.size() * 5 >= text.size() * 4 &&
                           retry.paragraph_count >= 2;
      // A first cut that found next to nothing (under 50 bytes: the page
      // would be empty) takes a retry that finds prose inside the page's
      // article, main or articleBody, however short the page (a
      // documentation page of a few lines whose sections a class word,
      // "h2-related", removed). Outside them, what a photo post's retries
      // find is a sidebar's blurb, the comment form or the comments.
      const bool from_nothing =
          text.size() < 50 && retry.semantic && retry_text.size() >= 100 && retry.link_density <= 0.3;
      if ((longer || plainer || from_nothing) && retry.linked_headings < 4 &&
          (anchored_start.empty() || retry_text.find(anchored_start) != std::string::npos)) {
        doc = std::move(retry_doc);
        content = std::move(retry);
        text = std::move(retry_text);
        article.method = "dom-retry";
        // What a retry took only because the cut before it was empty is no
        // reason to stop: a looser one may find much more.
        from_nothing_only = from_nothing && !longer && !plainer;
      }
      if (text.size() >= kWeakCutBytes && content.link_density <= 0.35 && !from_nothing_only) break;
    }
    if (text.size() < kWeakCutBytes && anchored_start.empty()) {
      XmlDocPtr rescue_doc = parse_html_utf8(decoded.utf8, options.url);
      if (rescue_doc && xmlDocGetRootElement(rescue_doc.get()) != nullptr) {
        std::string rescued = rescue_prose(rescue_doc.get());
        if (rescued.size() > text.size() * 2 + 500) {
          text = std::move(rescued);
          content = ContentResult{};
          content.paragraph_count =
              static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n') / 2 + 1);
          content.rescued = true;
          article.method = "dom-rescue";
        }
      }
    }
  }
  // A listing is a cut made of linked headings (cards, teasers) or of links;
  // an article is a cut with several prose paragraphs, or one inside
  // article/main/articleBody.
  const bool cards = content.linked_headings >= 4 &&
                     content.paragraph_count < 3 * static_cast<std::size_t>(content.linked_headings);
  const bool dom_listing = cards || content.link_density > 0.5;
  // A title that may be the site's or a section's name gives way to the
  // headline shown above the text the content step chose, read on an uncut
  // parse (the cut has lost the headings it took for the title). Most
  // pages declare their title and never pay for the parse. A listing keeps
  // its title: its first card's heading is not the page's headline.
  if (meta.title_may_be_label && !content.rescued && !dom_listing) {
    const std::string prose = first_prose_text(content.blocks);
    XmlDocPtr page_doc = prose.empty() ? XmlDocPtr() : parse_html_utf8(decoded.utf8, options.url);
    std::string headline = page_doc ? headline_above_prose(page_doc.get(), prose, article.title,
                                                           meta.site_name, base_url, meta.title_names_site)
                                    : std::string();
    if (!headline.empty()) {
      // The headline is the title field, not body text.
      if (remove_heading_showing(content.blocks, headline)) text = blocks_to_text(content.blocks);
      article.title = std::move(headline);
    }
  }
  // A title that is the site's own name, with no headline found above the
  // prose: the <title>'s other words stand in.
  if (meta.title_names_site && !meta.title_beside_site.empty() && iequals(article.title, meta.title))
    article.title = meta.title_beside_site;
  std::string raw_html = content.rescued ? text_to_html(text) : blocks_to_html(doc.get(), content.blocks);
  trim_edge_furniture(text);

  const std::size_t dom_bytes = text.size();
  // "No article" is read from the DOM (dom_listing, above), never from
  // metadata alone: many sites declare og:type=website (or nothing) on every
  // page.
  const bool dom_article = !dom_listing && (content.semantic || content.paragraph_count >= 3);
  // A short cut with no listing evidence is a short article (a photo post,
  // a brief): it is kept.
  const bool listing = !meta.declares_article && (dom_listing || (meta.declares_listing && !dom_article));

  double confidence = 0.15 + 0.3 * std::min(1.0, static_cast<double>(dom_bytes) / 1200.0);
  if (meta.declares_article) confidence += 0.15;
  if (content.semantic) confidence += 0.1;
  if (content.top_score > 0)
    confidence += 0.15 * (1.0 - std::min(1.0, content.runner_up_score / content.top_score));
  confidence -= 0.3 * content.link_density;
  if (content.paragraph_count >= 3) confidence += 0.05;
  if (content.below_headline) confidence += 0.15;

  // JSON-LD articleBody: confirms the DOM's cut, or replaces it when the DOM
  // found little and the body is the page's own text.
  if (!meta.json_ld_body.empty()) {
    std::string ld_text = json_ld_body_text(meta.json_ld_body);
    auto ld_tokens = token_set(ld_text);
    auto dom_tokens = token_set(text);
    const double dom_covers_ld = token_coverage(ld_tokens, dom_tokens);
    if (dom_covers_ld >= 0.8) {
      article.method = "dom+json-ld";
      confidence += 0.15;
    } else if (ld_text.size() > dom_bytes) {
      std::string probe =
          collapse_whitespace(std::string_view(ld_text).substr(0, std::min<std::size_t>(ld_text.size(), 80)));
      // Cut at a character boundary: the probe must be valid UTF-8 to match.
      while (!probe.empty() && (static_cast<unsigned char>(probe.back()) & 0xC0) == 0x80) probe.pop_back();
      if (!probe.empty() && (static_cast<unsigned char>(probe.back()) & 0x80) != 0) probe.pop_back();
      const bool in_page = page_text.find(probe) != std::string::npos;
      if (in_page || dom_bytes < 300) {
        text = ld_text;
        raw_html = text_to_html(text);
        article.method = "json-ld";
        confidence =
            0.55 + (in_page ? 0.2 : 0.0) + 0.15 * std::min(1.0, static_cast<double>(text.size()) / 1200.0);
      } else {
        article.warnings.push_back("JSON-LD articleBody does not match the page text; ignored");
      }
    }
  }

  // Hydration JSON: the body of client-rendered pages, from __NEXT_DATA__ /
  // Nuxt, else from another state script (window.__INITIAL_STATE__, a React
  // Query push, Fusion.globalContent) whose body sits beside the page's title.
  if (article.method.starts_with("dom") && dom_bytes < 1500) {
    std::optional<HydratedArticle> hydrated;
    const char* method = "next-data";
    if (!meta.hydration_json.empty()) hydrated = read_hydration(meta.hydration_json);
    if (!hydrated || hydrated->text_bytes <= dom_bytes * 2) {
      const std::string page_title = article.title + "\n" + meta.title;
      // Looked for in the page's text only now: the common page never pays.
      for (const std::string_view script : state_scripts(decoded.utf8)) {
        auto found = read_state_script(script, page_title);
        if (found && (!hydrated || found->text_bytes > hydrated->text_bytes)) {
          hydrated = std::move(found);
          method = "state-script";
        }
      }
    }
    if (hydrated && hydrated->text_bytes > dom_bytes * 2) {
      text = paragraphs_to_text(hydrated->paragraphs);
      raw_html = hydrated->html;
      article.method = method;
      confidence = 0.5 + 0.3 * std::min(1.0, static_cast<double>(hydrated->text_bytes) / 1200.0) +
                   (meta.declares_article ? 0.1 : 0.0);
      if (article.title.empty()) article.title = hydrated->title;
      if (article.authors.empty()) article.authors = hydrated->authors;
      if (!article.published) article.published = hydrated->published;
    }
  }

  if (article.method.starts_with("dom") && (listing || dom_bytes < 50)) {
    // A home page, a section front, an error page: no article to cut.
    text.clear();
    raw_html.clear();
    article.method = "none";
    confidence = std::min(confidence, 0.15) * (dom_bytes < 50 ? 0.5 : 1.0);
  }

  article.text = std::move(text);
  show_c1_as_windows1252(article);
  if (!raw_html.empty()) {
    SanitizeOptions sanitize;
    sanitize.base_url = base_url;
    sanitize.keep_images = true;
    article.html = sanitize_html(raw_html, sanitize);
  }
  article.word_count = count_tokens(article.text);
  article.confidence = clamp01(confidence);
  return article;
}

boost::json::object article_to_json(const Article& article) {
  namespace json = boost::json;
  auto string_or_null = [](const std::string& value) -> json::value {
    if (value.empty()) return nullptr;
    return json::value(value);
  };
  auto date_or_null = [](const std::optional<std::chrono::sys_seconds>& value,
                         const std::optional<std::chrono::minutes>& offset) -> json::value {
    if (!value) return nullptr;
    return json::value(format_local_rfc3339(*value, offset));
  };
  json::array authors;
  for (const auto& author : article.authors) authors.emplace_back(author);
  json::array tags;
  for (const auto& tag_text : article.tags) tags.emplace_back(tag_text);
  json::object out;
  out["url"] = string_or_null(article.url);
  out["canonical_url"] = string_or_null(article.canonical_url);
  out["title"] = string_or_null(article.title);
  out["authors"] = std::move(authors);
  out["published"] = date_or_null(article.published, article.published_offset);
  out["modified"] = date_or_null(article.modified, article.modified_offset);
  out["site_name"] = string_or_null(article.site_name);
  out["language"] = string_or_null(article.language);
  out["image"] = string_or_null(article.image);
  out["tags"] = std::move(tags);
  out["description"] = string_or_null(article.description);
  out["text"] = article.text;
  out["html"] = article.html;
  out["word_count"] = article.word_count;
  // Two decimals: the score is a judgement, not a measurement.
  out["confidence"] = static_cast<double>(std::lround(article.confidence * 100.0)) / 100.0;
  out["method"] = article.method;
  return out;
}

std::vector<std::string> text_tokens(std::string_view utf8) {
  std::vector<std::string> tokens;
  extract_detail::for_each_token(utf8, [&](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

}  // namespace feeds
