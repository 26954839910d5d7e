#include "feeds/discover.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <array>

#include "common/ascii.h"
#include "extract/extract_dom.h"
#include "feeds/encoding.h"
#include "feeds/url.h"

namespace feeds {
namespace {

using extract_detail::ascii_lower;
using extract_detail::attribute;
using extract_detail::icontains;
using extract_detail::is_element;
using extract_detail::tag;

constexpr std::string_view kSpace = " \t\r\n\f";  // ascii::is_html_space

// The MIME types that announce a feed newsd can read. application/json is
// what JSON Feed 1.0 told publishers to use; text/xml and application/xml
// are what older sites put on their RSS links.
constexpr std::array<std::string_view, 7> kFeedTypes = {
    "application/rss+xml",   "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json",     "text/xml",
    "application/xml",
};

// HTML's white space: attributes are read as a browser reads them.
constexpr std::string_view trim(std::string_view text) {
  return ascii::trim_html(text);
}

// "Application/RSS+XML; charset=utf-8" -> "application/rss+xml"
std::string media_type(std::string_view type) {
  return ascii_lower(trim(type.substr(0, type.find(';'))));
}

// rel is a space-separated token list: "alternate", "Alternate feed", ...
bool has_rel_token(std::string_view rel, std::string_view token) {
  while (!rel.empty()) {
    auto start = rel.find_first_not_of(kSpace);
    if (start == std::string_view::npos) break;
    rel.remove_prefix(start);
    auto end = std::min(rel.find_first_of(kSpace), rel.size());
    if (extract_detail::iequals(rel.substr(0, end), token)) return true;
    rel.remove_prefix(end);
  }
  return false;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (kSpace.find(c) != std::string_view::npos) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool is_http_url(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

bool is_comment_feed(const FeedLink& link) {
  return icontains(link.title, "comment") || icontains(link.url, "comment");
}

}  // namespace

std::vector<FeedLink> find_feed_links(std::string_view html, std::string_view page_url,
                                      std::string_view http_charset) {
  std::vector<FeedLink> links;
  const DecodedText decoded = decode_to_utf8(html, DocumentKind::html, http_charset);
  extract_detail::XmlDocPtr doc = extract_detail::parse_html_utf8(decoded.utf8, page_url);
  if (!doc) return links;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return links;

  // The first <base href> rules every relative URL of the document, wherever
  // the <link> stands (HTML's "document base URL").
  std::string base(page_url);
  bool have_base = false;
  extract_detail::walk(root, [&](xmlNode* node) {
    if (have_base || !is_element(node) || tag(node) != "base") return !have_base;
    if (auto href = trim(attribute(node, "href")); !href.empty()) {
      if (auto resolved = resolve_url(page_url, href)) base = *resolved;
      have_base = true;
    }
    return false;
  });

  extract_detail::walk(root, [&](xmlNode* node) {
    // <link> in the body is invalid but common (and honoured by browsers' feed finders).
    if (!is_element(node) || tag(node) != "link") return true;
    if (!has_rel_token(attribute(node, "rel"), "alternate")) return false;
    std::string type = media_type(attribute(node, "type"));
    if (std::ranges::find(kFeedTypes, type) == kFeedTypes.end()) return false;
    auto href = trim(attribute(node, "href"));
    if (href.empty()) return false;
    auto url = resolve_url(base, href);
    if (!url || !is_http_url(*url)) return false;
    if (std::ranges::any_of(links, [&](const FeedLink& seen) { return seen.url == *url; })) return false;
    links.push_back({std::move(*url), std::move(type), collapse_space(attribute(node, "title"))});
    return false;
  });
  // std::stable_partition, not std::ranges::: clang 14 (the fuzz build) cannot
  // instantiate the ranges version's subrange result with libstdc++ 12.
  std::stable_partition(links.begin(), links.end(),
                        [](const FeedLink& link) { return !is_comment_feed(link); });
  return links;
}

std::vector<std::string> common_feed_urls(std::string_view page_url) {
  constexpr std::array<std::string_view, 9> kPaths = {
      "feed",       "rss", "rss.xml", "atom.xml", "feed.xml", "index.xml", "feed.json", "feeds/posts/default",
      "?feed=rss2",
  };
  std::vector<std::string> urls;
  auto parsed = boost::urls::parse_uri(page_url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") || !parsed->has_authority()) {
    return urls;
  }
  boost::urls::url page(*parsed);
  page.remove_query();
  page.remove_fragment();
  std::string path(page.path());
  std::string directory = path.substr(0, path.rfind('/') + 1);
  std::vector<std::string> bases;
  const std::string origin = std::string(page.scheme()) + "://" + std::string(page.encoded_authority());
  if (!directory.empty() && directory != "/") bases.push_back(origin + directory);
  bases.push_back(origin + "/");
  for (const auto& base : bases) {
    for (auto path_part : kPaths) {
      std::string url = base + std::string(path_part);
      if (std::ranges::find(urls, url) == urls.end()) urls.push_back(std::move(url));
    }
  }
  return urls;
}

}  // namespace feeds
