// Metadata sources one at a time, and the JSON-LD / hydration body paths.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/dates.h"
#include "feeds/extract.h"
#include "feeds/testing/extract.h"

namespace {

using feeds::extract_article;

// The article of a page that must be readable (throws feeds::ContentError when it is not).
feeds::Article extracted(std::string_view html, const feeds::ExtractOptions& options = {}) {
  return extract_article(html, options).value();
}
using newsd::test::prose;

using newsd::test::page;

std::string date(const std::optional<std::chrono::sys_seconds>& value) {
  return value ? feeds::format_rfc3339(*value) : "none";
}

TEST(Metadata, JsonLdInGraphWithAuthorArrayAndKeywordArray) {
  const std::string ld = R"(<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","name":"Site"},
    {"@type":["NewsArticle"],"headline":"Graph headline","datePublished":"2025-03-02T10:40:00+02:00",
     "dateModified":"2025-03-03T00:00:00Z","author":[{"@type":"Person","name":"Ann One"},{"name":"Bob Two"}],
     "publisher":{"@type":"Organization","name":"Graph Times"},"image":["https://e.example/a.jpg"],
     "keywords":["Alpha","Beta"],"inLanguage":"de-DE"}]}</script>)";
  auto article = extract_article(page(ld, "<article>" + prose(4) + "</article>")).value();
  EXPECT_EQ(article.title, "Graph headline");
  EXPECT_EQ(article.authors, (std::vector<std::string>{"Ann One", "Bob Two"}));
  EXPECT_EQ(date(article.published), "2025-03-02T08:40:00Z");
  EXPECT_EQ(date(article.modified), "2025-03-03T00:00:00Z");
  EXPECT_EQ(article.site_name, "Graph Times");
  EXPECT_EQ(article.image, "https://e.example/a.jpg");
  EXPECT_EQ(article.tags, (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_EQ(article.language, "de-DE");
}

TEST(Metadata, JsonLdPersonNamedByItsParts) {
  // Der Standard names its authors by givenName and familyName, with no "name".
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
    "author":[{"@type":"Person","familyName":"Baumann","givenName":"Birgit"},
              {"@type":"Person","givenName":"Jan","additionalName":"Michael","familyName":"Marchart"},
              {"@type":"Person","url":"https://e.example/authors/7"}]}</script>)";
  auto article = extract_article(page(ld, "<article>" + prose(4) + "</article>")).value();
  EXPECT_EQ(article.authors, (std::vector<std::string>{"Birgit Baumann", "Jan Michael Marchart"}));
}

TEST(Metadata, JsonLdTopLevelArrayAndCommentWrapper) {
  const std::string ld = R"(<script type="application/ld+json"><!--
    [{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"Array headline",
      "author":"Plain Name","datePublished":"2025-01-05"}] --></script>)";
  auto article = extract_article(page(ld, "<article>" + prose(4) + "</article>")).value();
  EXPECT_EQ(article.title, "Array headline");
  EXPECT_EQ(article.authors, std::vector<std::string>{"Plain Name"});
  EXPECT_EQ(date(article.published), "2025-01-05T00:00:00Z");
}

TEST(Metadata, BrokenJsonLdIsAWarningNotAFailure) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
    <meta property="og:title" content="OG title">)";
  auto article = extract_article(page(ld, "<article>" + prose(4) + "</article>")).value();
  EXPECT_EQ(article.title, "OG title");
  ASSERT_FALSE(article.warnings.empty());
  EXPECT_NE(article.warnings.back().find("JSON-LD"), std::string::npos);
}

TEST(Metadata, DublinCoreItempropAndTimeFallbacks) {
  const std::string head =
      R"(<title>A plain title of the story - Short Site</title><meta name="DC.creator" content="Dc Author">)";
  const std::string body =
      R"(<article><time datetime="2024-12-31T23:00:00-02:00">New year</time>)" + prose(3) + "</article>";
  auto article = extract_article(page(head, body, " lang=\"en_GB\"")).value();
  EXPECT_EQ(article.title, "A plain title of the story");
  EXPECT_EQ(article.authors, std::vector<std::string>{"Dc Author"});
  EXPECT_EQ(date(article.published), "2025-01-01T01:00:00Z");
  EXPECT_EQ(article.language, "en-GB");

  auto itemprop = extract_article(page("<title>T</title>",
                                       R"(<div itemscope><span itemprop="author">Item Prop</span>
      <meta itemprop="datePublished" content="2025-02-02T02:02:02Z"><div itemprop="articleBody">)" +
                                           prose(3) + "</div></div>"))
                      .value();
  EXPECT_EQ(itemprop.authors, std::vector<std::string>{"Item Prop"});
  EXPECT_EQ(date(itemprop.published), "2025-02-02T02:02:02Z");
  EXPECT_NE(itemprop.text.find("Paragraph 2"), std::string::npos);
}

TEST(Metadata, CanonicalIsResolvedAndCleaned) {
  auto article =
      extract_article(page(R"(<link rel="canonical" href="/story/1?utm_source=x&id=7">)",
                           "<article>" + prose(3) + "</article>"),
                      {.url = "https://News.Example:443/other", .http_charset = {}, .max_bytes = 1u << 20})
          .value();
  EXPECT_EQ(article.canonical_url, "https://news.example/story/1?id=7");
  EXPECT_EQ(article.url, "https://News.Example:443/other");
}

TEST(Body, JsonLdArticleBodyUsedWhenTheDomHasNone) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
    "articleBody":"First paragraph of the body, long enough to be worth something to a reader.\nSecond paragraph, also long enough, with commas, and a full stop."}</script>)";
  auto article = extract_article(page(ld, "<div id=\"app\"></div>")).value();
  EXPECT_EQ(article.method, "json-ld");
  EXPECT_EQ(article.text,
            "First paragraph of the body, long enough to be worth something to a reader.\n\n"
            "Second paragraph, also long enough, with commas, and a full stop.");
  EXPECT_GE(article.confidence, 0.5);
}

TEST(Body, JsonLdArticleBodyConfirmsTheDom) {
  std::string body_text;
  for (int i = 0; i < 4; ++i) {
    body_text +=
        "Paragraph " + std::to_string(i) +
        " of the story, in which officials said, after a long meeting, that the plan would go ahead.\\n";
  }
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","articleBody":")" +
                         body_text + R"("}</script>)";
  auto article = extract_article(page(ld, "<article>" + prose(4) + "</article>")).value();
  EXPECT_EQ(article.method, "dom+json-ld");
  EXPECT_GE(article.confidence, 0.8);
}

TEST(Body, NextDataHtmlBody) {
  const std::string next =
      R"(<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"post":{
    "headline":"Next headline","author":{"name":"Nex Author"},"publishedAt":"2025-05-05T05:05:05Z",
    "bodyHtml":"<p>One paragraph of hydrated text, long enough to matter to the extractor, with commas, and then some more words.</p><h2>A heading</h2><p>Another paragraph of hydrated text, also long enough, and it goes on to say what the officials announced.</p>"}}}}</script>)";
  auto article = extract_article(page("<title>Shell</title>",
                                      "<div id=\"__next\"><nav><a href='/'>Home</a></nav></div>" + next))
                     .value();
  EXPECT_EQ(article.method, "next-data");
  EXPECT_EQ(article.text,
            "One paragraph of hydrated text, long enough to matter to the extractor, with commas, and then "
            "some more words.\n\nA heading\n\n"
            "Another paragraph of hydrated text, also long enough, and it goes on to say what the officials "
            "announced.");
  EXPECT_EQ(article.authors, std::vector<std::string>{"Nex Author"});
  EXPECT_EQ(date(article.published), "2025-05-05T05:05:05Z");
}

TEST(Body, Windows1251FromHttpCharset) {
  // "Привет, мир" and a paragraph in windows-1251, no declaration in the page.
  std::string cyrillic = "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0";
  std::string html = "<html><body><article>";
  for (int i = 0; i < 4; ++i)
    html += "<p>" + cyrillic + ", " + cyrillic + ", " + cyrillic + ", " + cyrillic + ".</p>";
  html += "</article></body></html>";
  auto article =
      extract_article(html, {.url = {}, .http_charset = "windows-1251", .max_bytes = 1u << 20}).value();
  EXPECT_EQ(article.encoding, "windows-1251");
  EXPECT_NE(article.text.find("Привет, мир"), std::string::npos) << article.text;
}

TEST(Body, StructureIsKept) {
  auto article = extract_article(
                     page("<title>T</title>", "<article>" + prose(2) +
                                                  "<h2>Subheading</h2><ul><li>First item of the list</li>"
                                                  "<li>Second item</li></ul><blockquote><p>A quoted line.</p>"
                                                  "</blockquote><figure><img src=\"/i.jpg\"><figcaption>The"
                                                  " caption.</figcaption></figure>" +
                                                  prose(1) + "</article>"),
                     {.url = "https://e.example/a/b", .http_charset = {}, .max_bytes = 1u << 20})
                     .value();
  EXPECT_NE(
      article.text.find("\n\nSubheading\n\nFirst item of the list\n\nSecond item\n\nA quoted line.\n\n"),
      std::string::npos)
      << article.text;
  // The caption stays with its picture in the HTML, out of the text (issue 16).
  EXPECT_EQ(article.text.find("The caption."), std::string::npos) << article.text;
  EXPECT_NE(article.html.find("The caption."), std::string::npos) << article.html;
  EXPECT_NE(article.html.find("<h2>Subheading</h2>"), std::string::npos) << article.html;
  EXPECT_NE(article.html.find("<figcaption>"), std::string::npos) << article.html;
}

TEST(Metadata, DatesKeepThePagesOffsetAndCalendarDay) {
  // 23:30 in New York is the next day in UTC: the JSON keeps the page's day and offset.
  const std::string head = R"(<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">
    <meta property="article:modified_time" content="2024-03-06T10:52:50+0100">)";
  auto article = extracted(page(head, "<article>" + prose(4) + "</article>"));
  EXPECT_EQ(date(article.published), "2024-03-06T04:30:00Z");
  const auto json = feeds::article_to_json(article);
  EXPECT_EQ(json.at("published").as_string(), "2024-03-05T23:30:00-05:00");
  EXPECT_EQ(json.at("modified").as_string(), "2024-03-06T10:52:50+01:00");
  // JSON-LD in UTC beside the same instant with the page's offset: the offset is kept.
  const std::string mixed = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
    "dateCreated":"2017-02-24T01:18:13Z"}</script>
    <meta property="article:published_time" content="2017-02-23T17:18:13-08:00">)";
  EXPECT_EQ(feeds::article_to_json(extracted(page(mixed, "<article>" + prose(4) + "</article>")))
                .at("published")
                .as_string(),
            "2017-02-23T17:18:13-08:00");
  // "Z" and dates without a zone stay in UTC.
  auto utc = extracted(page(R"(<meta property="article:published_time" content="2024-03-05T08:00:00Z">)",
                            "<article>" + prose(4) + "</article>"));
  EXPECT_EQ(feeds::article_to_json(utc).at("published").as_string(), "2024-03-05T08:00:00Z");
}

TEST(Metadata, DateFromTheVisibleDatelineWhenMarkupHasNone) {
  feeds::ExtractOptions options;
  options.url = "https://news.example/story/ferry";
  auto article = extracted(
      page("", "<article><h1>Ferry extended</h1><span class=\"entry-date\">Posted on March 5, 2024</span>" +
                   prose(4) + "</article>"),
      options);
  EXPECT_EQ(date(article.published), "2024-03-05T00:00:00Z");
  // The path's date wins over a dateline that names another day (a "related" box's date).
  options.url = "https://news.example/2024/03/07/ferry/";
  article =
      extracted(page("", "<article><h1>Ferry extended</h1><span class=\"entry-date\">March 5, 2024</span>" +
                             prose(4) + "</article>"),
                options);
  EXPECT_EQ(date(article.published), "2024-03-07T00:00:00Z");
}

TEST(Metadata, DateFromADateClassedHeadingOverThePost) {
  feeds::ExtractOptions options;
  options.url = "https://blog.example/2012/10/grants.html";  // a month, no day: no date from the path
  const std::string heading = "<h2 class='date-header'>Wednesday, October 31, 2012 at 9:42 AM</h2>";
  auto article = extracted(page("", "<div class='post'><h3 class='post-title'>Grants announced</h3>" +
                                        heading + prose(4) + "</div>"),
                           options);
  EXPECT_EQ(date(article.published), "2012-10-31T09:42:00Z");
  // A dateline element says more (the post's own line, not the day heading over several
  // posts): it wins wherever it stands.
  article =
      extracted(page("", "<div class='post'>" + heading + "<h3 class='post-title'>Grants announced</h3>" +
                             prose(4) + "<span class='post-date'>October 29, 2012 1:24 PM</span></div>"),
                options);
  EXPECT_EQ(date(article.published), "2012-10-29T13:24:00Z");
  // A heading that is not date-classed is a heading, not a date.
  article = extracted(page("", "<div class='post'><h2>October 31, 2012</h2>" + prose(4) + "</div>"), options);
  EXPECT_EQ(date(article.published), "none");
}

TEST(Metadata, TitleLosesTheSiteNamedByTheHostWhenNoneIsDeclared) {
  feeds::ExtractOptions options;
  options.url = "https://www.harbourherald.example/news/1";
  auto prefixed = extracted(page("<title>Harbour Herald | Night ferry extended to March</title>",
                                 "<article>" + prose(4) + "</article>"),
                            options);
  EXPECT_EQ(prefixed.title, "Night ferry extended to March");
  auto suffixed = extracted(page("<title>Night ferry extended to March, board says: HarbourHerald</title>",
                                 "<article>" + prose(4) + "</article>"),
                            options);
  EXPECT_EQ(suffixed.title, "Night ferry extended to March, board says");
  // A colon inside the headline is the headline's own.
  auto colon = extracted(page("<title>Ferries: the night crossing stays until March</title>",
                              "<article>" + prose(4) + "</article>"),
                         options);
  EXPECT_EQ(colon.title, "Ferries: the night crossing stays until March");
}

TEST(Metadata, MastheadH1HoldingTheBlogNameIsNotTheTitle) {
  feeds::ExtractOptions options;
  options.url = "https://harbourherald.example/news/1";
  const std::string masthead =
      "<header><h1 class=\"site-title\"><a href=\"/\">Notes from the Quay</a></h1></header>";
  const std::string post =
      "<div class=\"post\"><h2 class=\"entry-title\">Night ferry extended until March</h2>" + prose(4) +
      "</div>";
  // No declared title or site name: the <title>'s other side, shown as the post's heading, is the title.
  auto undeclared = extracted(
      page("<title>Night ferry extended until March \u2013 Notes from the Quay</title>", masthead + post),
      options);
  EXPECT_EQ(undeclared.title, "Night ferry extended until March");
  // "Blog | Post" the other way round.
  auto prefixed = extracted(
      page("<title>Notes from the Quay | Night ferry extended until March</title>", masthead + post),
      options);
  EXPECT_EQ(prefixed.title, "Night ferry extended until March");
  // og:title repeating the whole <title> is cut the same way.
  auto declared =
      extracted(page("<title>Night ferry extended until March - Notes from the Quay</title>"
                     "<meta property=\"og:title\" content=\"Night ferry extended until March - Notes "
                     "from the Quay\">",
                     masthead + post),
                options);
  EXPECT_EQ(declared.title, "Night ferry extended until March");
  // An h1 that is the headline stays the title, even when a sidebar heading shows the blog's name.
  auto headline_h1 =
      extracted(page("<title>Night ferry extended until March \u2013 Notes from the Quay</title>",
                     "<article><h1>Night ferry extended until March</h1>" + prose(4) +
                         "</article><aside><h2>Notes from the Quay</h2></aside>"),
                options);
  EXPECT_EQ(headline_h1.title, "Night ferry extended until March");
  // A site name shown in a heading above the h1 leaves the h1 the headline.
  auto logo_above =
      extracted(page("<title>Night ferry extended | Harbour notes and reviews</title>",
                     "<h2>Harbour notes and reviews</h2><article><h1>Night ferry extended</h1>" + prose(4) +
                         "</article>"),
                options);
  EXPECT_EQ(logo_above.title, "Night ferry extended");
}

// The <title>'s headline is the run of its parts the page shows on its own;
// the site's, sections' and dates' words around it go (issue 16, item 8).
TEST(Metadata, TitleKeepsThePartThePageShowsAsItsHeadline) {
  feeds::ExtractOptions options;
  options.url = "https://www.harbourherald.example/news/world/1";
  const std::string nav = "<p><a href=\"/news/\">News</a> &gt; <a href=\"/news/world/\">World</a></p>";
  const auto story = [&](const std::string& headline_markup) {
    return nav + "<div class=\"story\">" + headline_markup + prose(4) + "</div>";
  };
  // A breadcrumb before the headline, shown in a headline-classed element.
  auto breadcrumb = extracted(
      page("<title>Harbour Herald &gt; News &gt; World -- Ferry crews vote to strike next week</title>",
           story("<span class=\"headline\">Ferry crews vote to strike next week</span>")),
      options);
  EXPECT_EQ(breadcrumb.title, "Ferry crews vote to strike next week");
  // Site and section after the headline, the headline a text of its own (no class).
  auto sections = extracted(page("<title>Ferry crews vote to strike next week - Sport - Harbour news for "
                                 "everyone around the bay</title>",
                                 story("<p><b>Ferry crews vote to strike next week</b></p>")),
                            options);
  EXPECT_EQ(sections.title, "Ferry crews vote to strike next week");
  // The site's name shown as a text too: the longest shown run is taken, and
  // a run holding a part that names the site never is.
  auto site_shown =
      extracted(page("<title>Ferry crews vote to strike next week | Harbour Herald</title>",
                     "<p>Harbour Herald</p>" +
                         story("<div class=\"title\">Ferry crews vote to strike next week</div>")),
                options);
  EXPECT_EQ(site_shown.title, "Ferry crews vote to strike next week");
  // A headline with its own colon, shown whole, is not cut.
  auto colon = extracted(page("<title>Quay notebook: power cuts and patience | Far Shore Letters</title>",
                              story("<h2 class=\"post-title\">Quay notebook: power cuts and patience</h2>")),
                         options);
  EXPECT_EQ(colon.title, "Quay notebook: power cuts and patience");
  // Links are navigation: a section's words shown only as a link are not the headline.
  auto linked = extracted(page("<title>Ferry strike: what it means for you | Harbour Herald</title>",
                               "<p><a href=\"/strike/\">what it means for you</a></p>" + prose(4)),
                          options);
  EXPECT_EQ(linked.title, "Ferry strike: what it means for you");
}

TEST(Metadata, TitleLosesADateFieldBetweenPipes) {
  feeds::ExtractOptions options;
  options.url = "https://www.harbourherald.example/news/1";
  auto dated = extracted(
      page("<title>Ferry crews vote to strike | January 15, 2008 | Harbour Herald</title>", prose(4)),
      options);
  EXPECT_EQ(dated.title, "Ferry crews vote to strike");
  // A date after a dash may be the headline's own.
  auto column =
      extracted(page("<title>Harbour week in review - October 29, 2012</title>", prose(4)), options);
  EXPECT_EQ(column.title, "Harbour week in review - October 29, 2012");
}

TEST(Metadata, NoOrganisationBesideANamedPerson) {
  const std::string ld = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
    "author":[{"@type":"Person","name":"Ann One"},{"@type":"Organization","name":"Graph Times"}]}</script>)";
  EXPECT_EQ(extracted(page(ld, "<article>" + prose(4) + "</article>")).authors,
            std::vector<std::string>{"Ann One"});
  const std::string org_only = R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
    "author":{"@type":"Organization","name":"Graph Times"}}</script>)";
  EXPECT_EQ(extracted(page(org_only, "<article>" + prose(4) + "</article>")).authors,
            std::vector<std::string>{"Graph Times"});
  const std::string agency =
      R"(<meta name="author" content="Ann One"><meta name="author" content="Reuters -">)";
  EXPECT_EQ(extracted(page(agency, "<article>" + prose(4) + "</article>")).authors,
            std::vector<std::string>{"Ann One"});
}

TEST(Metadata, AuthorGivenAsABylineIsReadAsOne) {
  const std::string body = R"(<article><span itemprop="author">por César Salza</span>
    <a rel="author" href="/p/cs">César Salza</a>
    <a rel="author" href="/p/sm">by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil</a>)" +
                           prose(4) + "</article>";
  EXPECT_EQ(extracted(page("", body)).authors, std::vector<std::string>{"César Salza"});
}

// The authors a page with `head` and a story whose header holds `byline` gives.
std::vector<std::string> authors_of(const std::string& head, const std::string& byline,
                                    const std::string& after = "") {
  return extracted(page(head, "<article><header><h1>A headline</h1>" + byline + "</header>" + prose(4) +
                                  "</article>" + after))
      .authors;
}

TEST(MetadataAuthors, MetaAuthorThatIsNoPersonIsNotTaken) {
  using none = std::vector<std::string>;
  // An e-mail address, a domain, a job title, a web-design credit: no author beats a wrong one.
  EXPECT_EQ(authors_of(R"(<meta name="author" content="desk@paper.example">)", ""), none{});
  EXPECT_EQ(authors_of(R"(<meta name="author" content="Paper.example">)", ""), none{});
  EXPECT_EQ(authors_of(R"(<meta name="author" content="Harbour Desk Editor">)", ""), none{});
  EXPECT_EQ(authors_of(R"(<meta name="author" content="Blue Fern Interactive and Design">)", ""), none{});
  // ... and the byline the page shows takes its place.
  EXPECT_EQ(authors_of(R"(<meta name="author" content="desk@paper.example">)", "<p>By Ada Rook</p>"),
            std::vector<std::string>{"Ada Rook"});
  // A person's name in the meta tag stays, in any case.
  EXPECT_EQ(authors_of(R"(<meta name="author" content="ADA ROOK">)", ""),
            std::vector<std::string>{"ADA ROOK"});
}

TEST(MetadataAuthors, BylineNamesEndWhereTheBylineGoesOn) {
  EXPECT_EQ(authors_of("", "<p>By Ada Rook on Wednesday, March 5, 2025 at 1:31pm</p>"),
            std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>Posted by Ada Rook, Group Product Manager, Search</p>"),
            std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>By Ada Rook, 18 August 2024</p>"), std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>By Ada Rook, The Daily Example</p>"), std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>By Ada Rook/Harbour Bureau</p>"), std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>By Ada Rook in Kyiv</p>"), std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>Post written by <a href=\"/\">Ada Rook</a>.</p>"),
            std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>By Paper's Ada Rook, Ben Oak, and Cy Pine</p>"),
            (std::vector<std::string>{"Ada Rook", "Ben Oak", "Cy Pine"}));
  EXPECT_EQ(
      authors_of("",
                 R"(<p class="meta">March 5, 2025 10:22 pm <span class="by">&mdash; By Ada Rook</span></p>)"),
      std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>Monday, March 5, 2025, by <a href=\"/a\">Ada Rook</a></p>"),
            std::vector<std::string>{"Ada Rook"});
  EXPECT_EQ(authors_of("", "<p>BY ADA ROOK AND BEN OAK</p>"),
            (std::vector<std::string>{"ADA ROOK", "BEN OAK"}));
  // A byline as a bare line of text between a heading and a <br>.
  EXPECT_EQ(
      authors_of("",
                 "<div><h2>Monday, March 5, 2025</h2>\nPosted by Ada Rook, Software Engineer<br>Text</div>"),
      std::vector<std::string>{"Ada Rook"});
}

TEST(MetadataAuthors, NoAuthorFromCommentsCopyrightsOrHandles) {
  using none = std::vector<std::string>;
  // The commenters' bylines are not the story's.
  EXPECT_EQ(authors_of("", "", R"(<ol class="commentlist"><li><div class="comment-meta">by Tom Weller</div>
      <p>Good news for the night shift.</p></li></ol>)"),
            none{});
  // "(c) 2025 by The Agency. All rights reserved." is a notice, not a byline.
  EXPECT_EQ(authors_of("", "", "<p>Copyright 2025 by The Agency. All rights reserved.</p>"), none{});
  // A user handle or a label in author-marked markup is not a name.
  EXPECT_EQ(authors_of("", R"(<span class="author">ferryFan</span>)"), none{});
  EXPECT_EQ(authors_of("", R"(<a rel="author" href="/me">View my complete profile</a>)"), none{});
  // A sentence of the story on a bare line is no byline, though it holds a date and "by".
  EXPECT_EQ(authors_of("", "", "<div>Notes<br>In 2010 the yard was bought by Ada Rook.<br></div>"), none{});
  // A photographer's credit line is not the byline.
  EXPECT_EQ(authors_of("", R"(<div class="imageByline">Ada Rook</div>)"), none{});
}

TEST(Tokens, WordsAndCjkCharacters) {
  EXPECT_EQ(feeds::text_tokens("It's 5% — «Київ», naïve!"),
            (std::vector<std::string>{"It", "s", "5", "Київ", "naïve"}));
  EXPECT_EQ(feeds::text_tokens("市議会は、承認"),
            (std::vector<std::string>{"市", "議", "会", "は", "承", "認"}));
  EXPECT_EQ(feeds::text_tokens("وافق المجلس،"), (std::vector<std::string>{"وافق", "المجلس"}));
}

TEST(Json, AbsentValuesAreNull) {
  feeds::Article article;
  article.method = "none";
  const auto json = feeds::article_to_json(article);
  EXPECT_TRUE(json.at("title").is_null());
  EXPECT_TRUE(json.at("published").is_null());
  EXPECT_TRUE(json.at("authors").as_array().empty());
  EXPECT_EQ(json.at("text").as_string(), "");
  EXPECT_EQ(json.at("method").as_string(), "none");
}

}  // namespace
