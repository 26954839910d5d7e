#pragma once
// Feed discovery: which feeds a web page announces, and where a site's feed
// usually lives when the page announces none. Pure: the caller fetches.
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

struct FeedLink {
  std::string url;    // absolute: resolved against the page's <base href>, else the page URL
  std::string type;   // the MIME type, lowercased, parameters dropped ("application/atom+xml")
  std::string title;  // the link's title attribute, white space collapsed ("" when none)
};

// The feeds `html` announces with <link rel="alternate" type="..."> where the
// type is RSS, Atom, RDF or JSON Feed (application/rss+xml, application/atom+xml,
// application/rdf+xml, application/feed+json, application/json, text/xml,
// application/xml), best first: document order, except that comment feeds
// (a title or URL that says "comments") come after the others. A URL is listed
// once; links that do not resolve to an http(s) URL are dropped.
// `http_charset` is the charset the HTTP response named, if any.
std::vector<FeedLink> find_feed_links(std::string_view html, std::string_view page_url,
                                      std::string_view http_charset = {});

// The places a site's feed commonly lives, to try (in this order) when a page
// announces none: /feed, /rss, /rss.xml, /atom.xml, /feed.xml, /index.xml,
// /feed.json, /feeds/posts/default, /?feed=rss2, first under the page's own
// directory (when the page is not at the root), then at the site's root.
// Empty when `page_url` is not an absolute http(s) URL.
std::vector<std::string> common_feed_urls(std::string_view page_url);

}  // namespace feeds
