#pragma once
// The title: the <title> element as a browser reads it, the site's and
// sections' words around the headline, the page's own spelling of it, and
// the names a page gives itself (extract_headline.h finds the headline when
// the title is only a label).
#include <libxml/tree.h>

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/extract_dates.h"

namespace feeds::extract_detail {

// Letters and digits of `text`, lower-cased ASCII (other bytes kept): "The
// Guardian" and "theguardian.com"'s first label compare equal this way.
std::string name_key(std::string_view text);

// Words separated by white space.
std::size_t word_count(std::string_view text);

// The text of `element` when it is headline-sized (up to 1,000 bytes with
// its white space), else empty: a title-marked wrapper may hold the page.
std::string short_text_content(xmlNode* element);

// Records `text` in `set` when it is headline-sized.
void add_shown(std::unordered_set<std::string>& set, std::string_view text);

// Whether a node sits inside a link: navigation, breadcrumbs, logos and
// lists of other stories show their words as links; the page's own headline
// is not a link to elsewhere.
bool inside_link(const xmlNode* node);

// Whether an element shows the page's own title: an h1 that is not the
// masthead, or an element whose class or id says title or headline (blog themes
// link the post's title to its permalink) but not the site's ("site-title",
// "blog-title", "logo", "masthead").
bool marked_as_title(xmlNode* node, std::string_view name);

// A <title> holds text only (a browser reads it to </title> as plain text).
// One whose end tag is missing or mangled swallows the head in libxml2's
// tree: scripts, styles and links become its children, and their text
// would be read as the title. Only the text before the first child element
// is the title, and of a title left open that way only the first line: what
// follows it on later lines is the page's code. A title of several lines
// and hundreds of bytes (closed by </head>, the script inside it read as
// text) is one left open too. `left_open` tells the caller the title is
// unreliable.
std::string title_element_text(xmlNode* title, bool& left_open);

// The site's name as the host spells it: "www.nytimes.com" -> "nytimes",
// "news.bbc.co.uk" -> "bbc": the first label of the URL's site (url_site,
// which the cleaning inside the content also uses to tell the site's own
// links, extract_clean_inside.cpp).
std::string host_name_key(std::string_view url);

// Whether `part` of a title names the site: its declared name, or the
// host's name ("BBC News" on bbc.co.uk, "The Guardian" on theguardian.com).
bool names_site(std::string_view part, std::string_view site_name, std::string_view host_key);

// A masthead h1 that holds the blog's name beside a <title> "Post name –
// Blog name" when no site name is declared: the h1 equals one side of the
// <title>'s split, and the other side, longer, is shown as another heading
// below the h1 (the post's h2/h3 "entry-title"; a site name shown in a
// heading above the h1 makes the h1 the headline). Returns that other side, the headline;
// empty when the h1 is not such a masthead.
std::string headline_beside_masthead_h1(std::string_view html_title, std::string_view h1,
                                        const std::vector<std::string>& headings);

// Whether the chosen title may name the site or a section rather than the
// story: none at all, the site's name (declared, or the host's), a title
// that begins with the site's name ("Summit Daily News for Breckenridge
// ..."), or, when the page declares no title, a short <title> or h1 that
// may be a label ("Latest News", "Opinion", "SuperSoccer"). Only a
// possibility: the headline shown right above the article's text decides
// (headline_above_prose), and a title the page shows there stays.
bool title_may_be_label(std::string_view title, bool declared, std::string_view site_name,
                        std::string_view host_key);

// Texts a page shows on their own, keyed with white space collapsed, ASCII
// lower-cased and dashes and quotes made plain: the evidence for which part of
// a <title> is the headline.
struct ShownTexts {
  std::unordered_set<std::string> headings;  // h1-h6 and elements whose class or id says title or headline
  std::unordered_set<std::string> texts;     // text nodes outside links
  // The headings as the page shows them, keyed by typography_key: the
  // title's visible spelling (typographic quotes and dashes) when the
  // <title> or og:title spells the same headline in ASCII.
  std::unordered_map<std::string, std::string> heading_forms;
};

// The key a title and a heading compare by when only their typography may
// differ: shown_key's form (white space collapsed, lower case, en and em
// dashes and curly quotes plain), and further "--" as one dash, "…" as
// "...", no-break spaces as spaces, no space around a dash, and no quote
// marks at all ("Review: “Starlet”" and "Review: Starlet" spell one headline).
std::string typography_key(std::string_view text);

// Records a heading's visible form in `shown` (with add_shown's limits).
void add_heading_form(ShownTexts& shown, std::string_view text);

// The page's own spelling of `title`: the heading it shows that differs
// from `title` only in typography, white space and letter case (what the
// reader sees; not a heading set in capitals); else `title` unchanged.
std::string visible_form_of_title(std::string_view title, const ShownTexts& shown);

// Where a page lives, to tell links to the page itself (a blog theme links
// the post's headline to its permalink): the host without "www." and the
// path without a trailing slash, lower-cased. Empty `path` for a home page
// or a URL that is not absolute http(s).
struct PageLocation {
  std::string host;
  std::string path;
};
PageLocation page_location(std::string_view url);

// Whether `href` leads to the page at `location` itself: the same path on
// the same host (or a root-relative path), no fragment (a "#comments" link
// is the page's comment count), never the home page.
bool links_to_page(std::string_view href, const PageLocation& location);

// Trims " | Site", " - Site", "Site: " and similar from a <title>: the
// declared site name, or the name in the page's host (`url`) when the site
// declares none; a short tail after " | " or " - " goes too. With `shown`,
// the longest part of the title that the page shows on its own (the
// headline, without the site's, section's or date's words around it) wins.
std::string strip_site_from_title(std::string_view title, std::string_view site_name,
                                  std::string_view url = {}, const ShownTexts* shown = nullptr);

}  // namespace feeds::extract_detail

namespace feeds::extract_detail {

// The names a page gives itself where no site name is declared, the evidence
// that a title is the site's (or blog's) own name rather than the story's.
// The name a feed of the whole site carries: the title of a <link
// rel=alternate> to an RSS or Atom feed without the feed's words around it
// ("Posts on 'Virtual Geek' (RSS 2.0)", "Rob Tiffany » Feed", "RSS - Ed
// Brill" give the blog's name); empty when nothing is left. A feed of one
// post's comments keeps its other words ("Comments on 'Post'") and so never
// equals a headline.
std::string feed_site_name(std::string_view feed_title);

// The masthead's text: an h1 whose text is wholly a link to the site's home
// page, or wholly a link and marked as the site's ("banner-header",
// "site-title", "logo"), or a link marked rel=home; empty for anything else.
std::string masthead_text(xmlNode* element);

// Whether OpenGraph's og:url is the site's home page while the page itself
// (`page_url`, its canonical URL or address) is not: the og tags then
// describe the site, and og:title is its name.
bool og_describes_home_page(std::string_view og_url, std::string_view page_url);

// Whether `title` is one of the site's `names` (white space, case, dashes and
// quotes aside).
bool names_shown_site(std::string_view title, std::span<const std::string> names);

// `title` without one of the site's `names` at its start or end where a
// joining mark sets it off ("Brainy Gamer: Mother dough" -> "Mother dough",
// "The Morning Wrap - The BLT" -> "The Morning Wrap"); empty when no name is
// set off that way or nothing would be left. With `at_end_only`, only a
// name at the end goes: a name at the start may be a section's feed
// ("Apple: Samsung owes ...", "Photo Gallery: ...").
std::string without_shown_site_name(std::string_view title, std::span<const std::string> names,
                                    bool at_end_only = false);

}  // namespace feeds::extract_detail
