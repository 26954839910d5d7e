// Titles on modern pages (issue 16, item 8, seventh round): an og:url that
// points at the home page on every story does not make the story's og:title
// the site's name when the h1 shows it as the headline; and the site's name
// after a mark with no space or a full-width one ("見出し：サイト名",
// "Headline|Site") goes like " | Site" does.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;

feeds::Article extracted(std::string_view html,
                         std::string_view url = "https://harbourherald.example/news/ferry") {
  feeds::ExtractOptions options;
  options.url = url;
  return feeds::extract_article(html, options).value();
}

constexpr std::string_view kHeadline = "Night ferry extended until the end of March";

std::string home_og_url_page(std::string_view h1) {
  const std::string head =
      "<title>Night ferry extended until the end of March - Harbour Herald</title>"
      "<meta property=\"og:title\" content=\"Night ferry extended until the end of March\">"
      "<meta property=\"og:site_name\" content=\"Harbour Herald\">"
      "<meta property=\"og:url\" content=\"https://harbourherald.example\">";
  return page(head, "<article><h1>" + std::string(h1) + "</h1>" + prose(4) + "</article>");
}

TEST(TitleRound7, HeadlineOgTitleShownInTheH1StaysWithAHomeOgUrl) {
  EXPECT_EQ(extracted(home_og_url_page(kHeadline)).title, kHeadline);
}

TEST(TitleRound7, SiteNameAfterAnUnspacedOrFullWidthMarkGoes) {
  auto titled = [](std::string_view title) {
    const std::string head = "<title>" + std::string(title) +
                             "</title><meta property=\"og:site_name\" content=\"港の便り\">"
                             "<meta property=\"og:type\" content=\"article\">";
    return extracted(page(head, "<div class=\"post\">" + prose(4) + "</div>", " lang=\"ja\"")).title;
  };
  EXPECT_EQ(titled("夜間フェリーの運航を三月末まで延長「港線」:港の便り"),
            "夜間フェリーの運航を三月末まで延長「港線」");
  EXPECT_EQ(titled("夜間フェリーの運航を三月末まで延長：港の便り"), "夜間フェリーの運航を三月末まで延長");
  EXPECT_EQ(titled("夜間フェリーの運航を三月末まで延長｜港の便り"), "夜間フェリーの運航を三月末まで延長");
  // A tail that is not the site's name is the headline's own.
  EXPECT_EQ(titled("港線：夜間フェリーの運航を延長"), "港線：夜間フェリーの運航を延長");
  EXPECT_EQ(titled("Ratio 3:2 explained"), "Ratio 3:2 explained");
}

TEST(TitleRound7, HeadlineBeforeSectionAndSiteWhoseNameIsTheH1) {
  const std::string html =
      page("<title>夜间渡轮服务延长至三月底_交通_港口日报</title>",
           "<h1 class=\"hidden\">港口日报</h1><div class=\"article\"><h2 class=\"title\">"
           "夜间渡轮服务延长至三月底</h2>" +
               prose(4) + "</div>",
           " lang=\"zh\"");
  EXPECT_EQ(extracted(html).title, "夜间渡轮服务延长至三月底");
}

}  // namespace
