// Furniture that sits inside the article container on real pages, one rule
// at a time: teaser cards, ad notices, call-to-action boxes, social embeds,
// author boxes, labels of removed lists; and what must stay: the lead
// image's caption from the header, table cells as separate words.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using feeds::extract_article;
using newsd::test::prose;

std::string page(const std::string& article) {
  return "<!DOCTYPE html><html><head><title>T</title><meta property=\"og:type\" content=\"article\"></head>"
         "<body><main>" +
         article + "</main></body></html>";
}

std::string body_with(const std::string& insert) {
  return "<article><div class=\"c-body\">" + prose(3) + insert + prose(3) + "</div></article>";
}

bool has(const feeds::Article& article, const std::string& text) {
  return article.text.find(text) != std::string::npos;
}

TEST(Furniture, UnlabelledTeaserCardGoes) {
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"my-8 rounded-lg\"><a href=\"/other/\"><picture><img src=\"/t.jpg\"></picture>"
              "<h3>Another story entirely</h3></a><p>Its teaser sentence, long enough to look like "
              "prose.</p></div>")))
          .value();
  EXPECT_FALSE(has(article, "Another story")) << article.text;
  EXPECT_FALSE(has(article, "teaser sentence")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, AdNoticesInAnyCaseGo) {
  const auto article =
      extract_article(
          page(body_with("<div class=\"slot\"><span>Story continues below advertisement</span></div>"
                         "<div class=\"slot\"><span>РЕКЛАМА</span></div>")))
          .value();
  EXPECT_FALSE(has(article, "continues below")) << article.text;
  EXPECT_FALSE(has(article, "РЕКЛАМА")) << article.text;
}

TEST(Furniture, CallToActionBoxGoesByItsLink) {
  const auto article =
      extract_article(page(body_with("<div class=\"box\"><h3>Quality reporting costs money.</h3><p>Join "
                                     "thousands of readers who keep it going."
                                     "</p><a href=\"/membership/\">Join</a></div>")))
          .value();
  EXPECT_FALSE(has(article, "Quality reporting")) << article.text;
}

// A quoted post is part of the story (issue 16, mechanism 7); its attribution line is not.
TEST(Furniture, QuotedPostTextStaysAttributionGoes) {
  const auto article =
      extract_article(
          page(body_with(
              "<blockquote class=\"twitter-tweet\"><p>Someone posted this long sentence on the network "
              "today.</p>"
              "&mdash; Someone (@someone) <a href=\"https://x.example/s/1\">May 1, 2025</a></blockquote>")))
          .value();
  EXPECT_TRUE(has(article, "Someone posted this long sentence")) << article.text;
  EXPECT_FALSE(has(article, "@someone")) << article.text;
  EXPECT_FALSE(has(article, "May 1, 2025")) << article.text;
}

TEST(Furniture, EmbedTimelineGoes) {
  const auto article =
      extract_article(page(body_with("<div class=\"twitter-timeline\"><p>Someone posted this long sentence "
                                     "on the network today.</p></div>")))
          .value();
  EXPECT_FALSE(has(article, "Someone posted")) << article.text;
}

TEST(Furniture, AboutTheAuthorGoes) {
  const auto article =
      extract_article(page(body_with("<div class=\"profile\"><h4>About the author</h4><p><b>Ann Writer</b> "
                                     "covers the city council.</p></div>")))
          .value();
  EXPECT_FALSE(has(article, "covers the city council")) << article.text;
}

TEST(Furniture, LabelOfARemovedLinkListGoes) {
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"c-topics\"><span>Topics</span><ul><li><a href=\"/t/1\">Housing policy</a></li>"
              "<li><a href=\"/t/2\">City budget</a></li></ul></div>")))
          .value();
  EXPECT_FALSE(has(article, "Topics")) << article.text;
  EXPECT_FALSE(has(article, "Housing policy")) << article.text;
}

// Captions describe a picture: in the HTML, not in the text (issue 16, mechanism 2).
TEST(Furniture, LeadCaptionInHtmlNotText) {
  const auto article =
      extract_article(
          page(
              "<article><header><h1>T</h1><div>By Ann Writer <time datetime=\"2025-05-01\">May 1</time></div>"
              "<figure><img src=\"/lead.jpg\"><figcaption>Residents gather near the old harbour on Monday. "
              "(Photo: "
              "Ann Writer)</figcaption></figure></header><div class=\"c-body\">" +
              prose(6) + "</div></article>"))
          .value();
  EXPECT_FALSE(has(article, "Residents gather near the old harbour")) << article.text;
  EXPECT_NE(article.html.find("Residents gather near the old harbour"), std::string::npos) << article.html;
  EXPECT_TRUE(has(article, "Paragraph 0")) << article.text;
}

// A photo essay: an intro of a few sentences and pictures whose captions
// tell the story. Their captions are its text when they say more than twice
// as much as the rest (issue 16, mechanism 2 keeps them out elsewhere).
TEST(Furniture, PhotoEssayTextIsItsCaptions) {
  std::string photos;
  for (int i = 0; i < 6; ++i) {
    photos += "<figure><img src=\"/p" + std::to_string(i) + ".jpg\"><figcaption>Photo " + std::to_string(i) +
              ": a costumed parade crosses the harbour district at dusk, as families line the quay and "
              "the lanterns are lit one by one. (Ann Writer/Harbour Herald)</figcaption></figure>";
  }
  const auto article = extract_article(page("<article><h1>Photos: lantern night</h1><div class=\"c-body\">" +
                                            prose(5) + photos + "</div></article>"))
                           .value();
  EXPECT_TRUE(has(article, "Photo 3: a costumed parade")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 4 of the story")) << article.text;
}

TEST(Furniture, TableCellsAreSeparateWords) {
  const auto article =
      extract_article(
          page(body_with(
              "<table><tr><th>District</th><th>2025</th></tr><tr><td>North</td><td>9484</td></tr></table>")))
          .value();
  EXPECT_TRUE(has(article, "North 9484")) << article.text;
}

TEST(Furniture, ListOfNotesAroundTheirLinksStays) {
  // A weekly report's points: each a clause with its bug or its target
  // linked, without a closing full stop, some with a sub-point below. They
  // were read as a link list and all but the sentences with a stop went.
  const std::string notes =
      "<ul><li>Thanks to a volunteer, users can now <a href=\"https://tracker.example/1650645\">import "
      "saved logins from a password manager</a></li>"
      "<li>The browser now supports printing page ranges that are not contiguous &#8211; <a "
      "href=\"https://tracker.example/499640\">Bug 499640</a></li>"
      "<li>The tab unloader is smarter about which tabs it picks first <a "
      "href=\"https://tracker.example/1681512\">(Bug 1681512)</a><ul><li>A panel now says <a "
      "href=\"https://tracker.example/1681513\">when a tab was unloaded</a></li></ul></li></ul>";
  const auto article = extract_article(page(body_with(notes))).value();
  EXPECT_TRUE(has(article, "Thanks to a volunteer, users can now import saved logins")) << article.text;
  EXPECT_TRUE(has(article, "printing page ranges that are not contiguous")) << article.text;
  EXPECT_TRUE(has(article, "The tab unloader is smarter")) << article.text;
  // A related list whose items are a link and a source stays out.
  const std::string related =
      "<ul><li><a href=\"/news/ferry-fares\">Ferry fares to rise in April</a> (Reuters, 12 March)</li>"
      "<li><a href=\"/news/harbour-bridge\">Harbour bridge repairs start in May</a> by Ann Lee</li>"
      "<li><a href=\"/news/night-buses\">Night buses cut on the east shore</a> (AP)</li></ul>";
  const auto with_related = extract_article(page(body_with(related))).value();
  EXPECT_FALSE(has(with_related, "Ferry fares to rise")) << with_related.text;
}

}  // namespace

// Article tools and stamps of older CMSes, each in a short block of its own
// inside the article (issue 16, header furniture above and below the prose).
TEST(Furniture, ArticleToolsAndStampsGo) {
  const auto article =
      extract_article(
          page(body_with("<div>POSTED: 7:54 am EST January 23, 2008</div><div>Print article</div>"
                         "<div>Email to a friend</div><div>View Larger Image</div><div>Font:</div>"
                         "<p>Copyright 2008 by The Associated Press. All rights reserved.</p>")))
          .value();
  for (const char* furniture :
       {"POSTED", "Print article", "Email to a friend", "View Larger Image", "Font:", "Associated Press"}) {
    EXPECT_FALSE(has(article, furniture)) << furniture << "\n" << article.text;
  }
  EXPECT_TRUE(has(article, "Paragraph 0")) << article.text;
}

// Where the story ends (cut_at_article_end): a comment section under a
// heading in any of its usual wordings, a box about the author, the site's
// copyright, each after the story's last paragraph, go with what follows
// them; the same boxes between the story's paragraphs do not end it.
TEST(Furniture, CommentSectionUnderItsHeadingGoes) {
  for (const char* heading : {"12 thoughts on &#8220;Ferry plans&#8221;", "Kommentare (3)", "Leave a Reply",
                              "3 Responses to \"Ferry plans\""}) {
    const auto article =
        extract_article(page("<article><div class=\"c-body\">" + prose(4) + "</div><div><h3>" + heading +
                             "</h3><div><p>I think this is wonderful news for the "
                             "whole town, thank you, from a reader.</p></div></div></article>"))
            .value();
    EXPECT_FALSE(has(article, "from a reader")) << heading << "\n" << article.text;
    EXPECT_TRUE(has(article, "Paragraph 3")) << heading << "\n" << article.text;
  }
}

TEST(Furniture, CommentsAfterTheirLabelLineGo) {
  // Old templates set the thread's label as a plain line and the comments
  // as paragraphs beside the story's, in the same box: the last comment was
  // taken for the story's last paragraph, and the thread stayed.
  const std::string thread =
      "<p>I think this is wonderful news for the whole town, thank you, from a reader.</p>"
      "<b>Posted by Ann on January 10, 2008 5:58 PM</b><br>"
      "<p>The ferry was late twice this week already, and nobody said a word about it.</p>"
      "<b>Posted by Bob on January 10, 2008 5:29 PM</b><br>";
  // A heading classed as the thread's is kept by the furniture pass, for
  // the story's end to be found at it.
  for (const char* label :
       {"<div class=\"yvhd\">Comments</div>", "<p><b>12 Responses</b></p>", "<h3>Leave a Reply</h3>",
        "<h2 id=\"comments\">Comments</h2>", "<h2 class=\"comments-title\">12 Comments</h2>",
        "<hr><b>Comments are now closed for this story</b><br><br>"}) {
    const auto article =
        extract_article(page("<div class=\"story\">" + prose(4) + label + thread + "</div>")).value();
    EXPECT_FALSE(has(article, "from a reader")) << label << "\n" << article.text;
    EXPECT_FALSE(has(article, "nobody said a word")) << label << "\n" << article.text;
    EXPECT_TRUE(has(article, "Paragraph 3")) << label << "\n" << article.text;
  }
  // Lines that only look like labels stay: a section of an opinion piece,
  // a paper's discussion, the post's closing line.
  for (const char* line : {"<p><b>Comment</b></p>", "<h3>Discussion</h3>",
                           "<p>Thoughts on how we are shaping up when I return. See ya.</p>"}) {
    const auto article =
        extract_article(page("<div class=\"story\">" + prose(3) + line +
                             "<p>The closing section of the story, which says what happens next and when "
                             "the board meets again, in the spring.</p></div>"))
            .value();
    EXPECT_TRUE(has(article, "The closing section")) << line << "\n" << article.text;
  }
}

TEST(Furniture, SectionMenuAsAParagraphGoes) {
  // An old template's section menu set as a paragraph in the story's cell:
  // links split by bars under a label, too long (200 bytes and more) for
  // the rule on short linked lines. A sentence naming five linked
  // companies stays.
  std::string menu = "<p><font color=\"red\">News: </font>";
  for (const char* section :
       {"Front Page",  "National",   "Tamil Nadu",    "Andhra Pradesh",        "Karnataka",
        "Kerala",      "New Delhi",  "Other States",  "International",         "Opinion",
        "Business",    "Sport",      "Miscellaneous", "Engagements",           "Retail Plus",
        "Classifieds", "Obituaries", "Breaking News", "Letters to the Editor", "Magazine",
        "Young World"})
    menu += std::string("<a href=\"/sections/") + section + "\">" + section + "</a> | ";
  menu += "</p>";
  const std::string named =
      "<p><a href=\"/co/a\">Harbour Lines</a>, <a href=\"/co/b\">Coast Ferries</a>, <a href=\"/co/c\">Bay "
      "Boats</a>, <a href=\"/co/d\">Island Shipping</a> and <a href=\"/co/e\">East Shore Transport</a>.</p>";
  const auto article = extract_article(page(body_with(menu + named))).value();
  EXPECT_FALSE(has(article, "Front Page")) << article.text;
  EXPECT_FALSE(has(article, "Engagements")) << article.text;
  EXPECT_TRUE(has(article, "Island Shipping")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, BoxBetweenTheStorysParagraphsIsNotItsEnd) {
  const auto article =
      extract_article(page(body_with("<div class=\"inline-box\"><h4>Comments</h4><p>Join the conversation "
                                     "under the story, where readers argue about the plan.</p></div>")))
          .value();
  // Both runs of paragraphs, before and after the box, are the story's.
  std::size_t runs = 0;
  for (std::size_t at = article.text.find("Paragraph 2 of"); at != std::string::npos;
       at = article.text.find("Paragraph 2 of", at + 1))
    ++runs;
  EXPECT_EQ(runs, 2u) << article.text;
}

TEST(Furniture, AuthorClassedBylineAboveTheBodyIsNotItsEnd) {
  const auto article =
      extract_article(page("<article><h3 class=\"author\">Ann Writer</h3><div class=\"c-body\">" + prose(4) +
                           "</div><div class=\"author\"><p>Ann Writer covers "
                           "the city council for the paper.</p></div></article>"))
          .value();
  EXPECT_TRUE(has(article, "Paragraph 0")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 3")) << article.text;
  EXPECT_FALSE(has(article, "covers the city council")) << article.text;
}

TEST(Furniture, HiddenClassOnlyAsAWholeToken) {
  const auto article =
      extract_article(page(body_with("<p class=\"hidden\">A copy for readers without a script, printed "
                                     "twice on the page.</p><p class=\"hidden-xs\">A sentence that only "
                                     "phones do not show, part of the story.</p>")))
          .value();
  EXPECT_FALSE(has(article, "printed twice")) << article.text;
  EXPECT_TRUE(has(article, "only phones do not show")) << article.text;
}

TEST(Furniture, ClosingBidToUseTheSiteGoes) {
  const auto article =
      extract_article(
          page("<article><div class=\"c-body\">" + prose(4) +
               "<p><em>Want more news from the harbour? Sign up for our morning newsletter.</em></p>"
               "</div><div class=\"c-foot\"><p><strong>For every video from the quay &#8211; "
               "<a href=\"https://video.example/harbour\">Subscribe to our channel!</a></strong></p>"
               "</div></article>"))
          .value();
  EXPECT_TRUE(has(article, "Paragraph 3")) << article.text;
  EXPECT_FALSE(has(article, "Sign up for our morning newsletter")) << article.text;
  EXPECT_FALSE(has(article, "Subscribe to our channel")) << article.text;
}

TEST(Furniture, ClosingLinesThatOnlyMentionSigningUpStay) {
  // A sentence of the story that mentions signing up, the author's question
  // to the readers, and a lead-in to the list that follows are the story's own.
  const auto closing = [](const std::string& last) {
    return extract_article(page("<article><div class=\"c-body\">" + prose(4) + last + "</div></article>"))
        .value();
  };
  const std::string mention = "Residents can sign up for the ferry pass at the town hall.";
  EXPECT_TRUE(has(closing("<p>" + mention + "</p>"), mention));
  const std::string question = "Would you take the night ferry? Let us know in the comments.";
  EXPECT_TRUE(has(closing("<p>" + question + "</p>"), question));
  const std::string lead_in =
      "Want to see the harbour for yourself? Sign up for one of the tours this spring:";
  const auto listed = closing(
      "<p>" + lead_in +
      "</p><ul><li><a href=\"/tours/dawn\">The quay at dawn</a>: with the fishing boats coming in, every "
      "Saturday</li><li><a href=\"/tours/mill\">The old mill and the river locks</a>: by boat, every Sunday "
      "afternoon</li></ul>");
  EXPECT_TRUE(has(listed, lead_in)) << listed.text;
}

TEST(Furniture, MediaPlayerClockGoesTimeOfDayStays) {
  // A video player rendered into the page leaves its clock as text between
  // the paragraphs; a time of day on its own line is the story's.
  const auto article =
      extract_article(
          page(body_with("<div><div><span>0:00/0:45</span></div><div><span>-0:00</span></div></div>"
                         "<p>1:02:33 / 1:20:00</p><p>10:45</p>")))
          .value();
  EXPECT_FALSE(has(article, "0:00/0:45")) << article.text;
  EXPECT_FALSE(has(article, "-0:00")) << article.text;
  EXPECT_FALSE(has(article, "1:02:33")) << article.text;
  EXPECT_TRUE(has(article, "10:45")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, EmbedConsentPlaceholderGoes) {
  // An embed held back until the reader consents leaves a notice in its
  // place, in English or German; the story's sentence about a post stays.
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"EmbedWrapper-x1\"><div class=\"Banner-y2\"><p>Twitter content</p>"
              "<p>This content can also be viewed on the site it originates from.</p></div></div>"
              "<div><p>Empfohlener externer Inhalt</p><p>An dieser Stelle finden Sie einen externen "
              "Inhalt, der den Artikel erg&auml;nzt.</p></div>"
              "<p>The mayor posted the timetable on Twitter on Monday morning.</p>")))
          .value();
  EXPECT_FALSE(has(article, "can also be viewed")) << article.text;
  EXPECT_FALSE(has(article, "externer Inhalt")) << article.text;
  EXPECT_TRUE(has(article, "posted the timetable on Twitter")) << article.text;
}

TEST(Furniture, AffiliateDisclosureGoes) {
  const auto article =
      extract_article(
          page(body_with("<p><em>Note to readers: if you buy something through one of our affiliate "
                         "links we may earn a commission.</em></p><p>The ferry operator earns a "
                         "commission on every ticket the harbour kiosk sells.</p>")))
          .value();
  EXPECT_FALSE(has(article, "affiliate links")) << article.text;
  EXPECT_TRUE(has(article, "earns a commission on every ticket")) << article.text;
}

TEST(Furniture, LabelsLeftByAMediaBlockGo) {
  // Once a player or a related list is gone, its labels stand alone on their
  // lines: "Video", "transcript", "Related"; a photo's credit line too.
  const auto article =
      extract_article(page(body_with("<div><span>Video</span></div><div><span>transcript</span></div>"
                                     "<h4>Related</h4><p>Image Source: Jane Doe</p>")))
          .value();
  EXPECT_FALSE(has(article, "transcript")) << article.text;
  EXPECT_FALSE(has(article, "Related")) << article.text;
  EXPECT_FALSE(has(article, "Image Source")) << article.text;
  EXPECT_EQ(article.text.find("Video"), std::string::npos) << article.text;
}

TEST(Furniture, LabelsInTheLanguagesOfEuropeanNewsSitesGo) {
  // A "read also" link line, an ad label or a consent placeholder said in the
  // site's own language is the same furniture as in English.
  const auto article =
      extract_article(
          page(body_with("<p>Czytaj więcej</p><p>Leggi anche: <a href=\"/a/\">Un altro articolo</a></p>"
                         "<div><span>REKLAM</span></div><p>Baca juga: <a href=\"/b/\">Berita lain</a></p>"
                         "<div><p>Empfohlener redaktioneller Inhalt</p></div><p>Lees ook</p>"
                         "<p>Fehler gefunden?Jetzt melden.</p><p>Les også: <a href=\"/c/\">Saken</a></p>"
                         "<p>Leia também: <a href=\"/d/\">Outra matéria</a></p>")))
          .value();
  for (const char* label :
       {"Czytaj", "Leggi", "REKLAM", "Baca", "redaktioneller", "Lees ook", "Fehler", "Les også", "Leia"})
    EXPECT_FALSE(has(article, label)) << label << "\n" << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, ConsentPlaceholderBoxGoesWhole) {
  // A video held back until the reader consents: under the placeholder's
  // heading, its notice, its switch and its privacy text, several paragraphs.
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"box\"><div class=\"info-box\"><div class=\"h3\">Empfohlener redaktioneller Inhalt"
              "</div><p>An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel "
              "erg&auml;nzt.<br>Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.</p>"
              "<label>YouTube-Inhalte erlauben</label><p class=\"info\">Ich bin damit einverstanden, dass "
              "mir "
              "Inhalte von YouTube angezeigt werden.</p><p class=\"info\">Personenbezogene Daten k&ouml;nnen "
              "an "
              "Drittplattformen &uuml;bermittelt werden.</p></div></div>")))
          .value();
  EXPECT_FALSE(has(article, "externen Inhalt")) << article.text;
  EXPECT_FALSE(has(article, "einverstanden")) << article.text;
  EXPECT_FALSE(has(article, "Drittplattformen")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, ChartConsentPlaceholderGoes) {
  // A public broadcaster's chart held back until the reader consents: the
  // placeholder's label, its privacy text and its two buttons.
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"c1\"><span>Handel mit Iran</span></div><div class=\"bp5\"><div class=\"hw4\">Ein "
              "Klick f&uuml;r den Datenschutz</div><div><div class=\"r1n\">F&uuml;r die Darstellung von "
              "Infografiken nutzen wir die Software eines Anbieters. Erst wenn Sie hier klicken, werden die "
              "Grafiken "
              "nachgeladen. Ihre IP-Adresse wird dabei an externe Server "
              "&uuml;bertragen.</div></div><div><button>"
              "Infografiken anzeigen</button><a href=\"/einstellungen\">Datenschutzeinstellungen anpassen</a>"
              "</div></div>")))
          .value();
  EXPECT_FALSE(has(article, "Ein Klick")) << article.text;
  EXPECT_FALSE(has(article, "IP-Adresse")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, HeadlineWithItsKickerInOneHeadingGoes) {
  // The kicker and the headline set as two spans of one heading above the
  // body's paragraphs: its text is the title with a few words before it, and
  // it is the title field's.
  const std::string html =
      "<!DOCTYPE html><html><head><title>Ferry service extended until the end of March</title>"
      "<meta property=\"og:type\" content=\"article\"></head><body><main><article><div class=\"body\">"
      "<h2><span>\"It will start soon\"</span><span>Ferry service extended until the end of "
      "March</span></h2>" +
      prose(4) + "</div></article></main></body></html>";
  const auto article = extract_article(html).value();
  EXPECT_FALSE(has(article, "It will start soon")) << article.text;
  EXPECT_FALSE(has(article, "Ferry service extended")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, InlineSignupBoxGoes) {
  // A newsletter sign-up set between the story's paragraphs, its class a
  // camel-case compound ("c-inlineSignup"): the offer and its disclaimer go.
  const auto article =
      extract_article(
          page(
              body_with("<div class=\"c-inlineSignup\"><div class=\"c-inlineSignup__content\"><p>Get daily "
                        "harbour news delivered to your inbox every morning at seven.</p><div "
                        "class=\"c-inlineSignup__disclaimer\">By providing your email address, you have read "
                        "and agree to our Terms and Conditions and Privacy Policy.</div></div></div>")))
          .value();
  EXPECT_FALSE(has(article, "Get daily")) << article.text;
  EXPECT_FALSE(has(article, "By providing your email")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, TextForScreenReadersOnlyGoes) {
  // A box's open/close button labels for screen readers, kept off the screen
  // by the site's class ("h-offscreen", "element-invisible", "show-for-sr").
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"expandable-box\"><div class=\"expandable-box__header\"><span "
              "class=\"h-offscreen\">Open the box</span><span class=\"element-invisible\">Close "
              "the box</span><span class=\"show-for-sr\">Expand</span></div><p>Inside the box, the "
              "harbour master explains how the night crossings are counted on both piers.</p></div>")))
          .value();
  EXPECT_FALSE(has(article, "Open the box")) << article.text;
  EXPECT_FALSE(has(article, "Close the box")) << article.text;
  EXPECT_FALSE(has(article, "Expand")) << article.text;
  EXPECT_TRUE(has(article, "how the night crossings are counted")) << article.text;
}

TEST(Furniture, PictureFigureTextIsItsCaption) {
  // A figure with a picture and its credit in spans, no figcaption; and a
  // German site's credit box ("bildautor"): both describe the picture.
  const auto article =
      extract_article(
          page(
              body_with("<figure class=\"g_b6\"><img src=\"/ferry.jpg\" alt=\"\"><div><span><span>Foto: Mara "
                        "Lindqvist, Harbour Herald</span></span></div></figure><div class=\"bildbox\"><img "
                        "src=\"/quay.jpg\" alt=\"\"><div class=\"bildautor\">Bild: Hafenamt</div></div>"
                        "<figure><blockquote><p>We will keep the night crossing as long as the workers need "
                        "it.</p></blockquote><img src=\"/mayor.jpg\" alt=\"\"></figure>")))
          .value();
  EXPECT_FALSE(has(article, "Foto: Mara")) << article.text;
  EXPECT_FALSE(has(article, "Bild: Hafenamt")) << article.text;
  EXPECT_TRUE(has(article, "keep the night crossing")) << article.text;  // a quote in a figure stays
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, LineRepeatingAPicturesAltIsItsCaption) {
  // CNN set a caption in a bare <div> after the image's box, saying what
  // the image's alt text says. A line that repeats a picture's alt beside it
  // is its caption; a paragraph beside a picture whose alt is different, or
  // too short to tell, stays.
  const std::string alt = "The harbour master opens the new ferry terminal on Monday morning.";
  const auto article =
      extract_article(
          page(body_with("<div class=\"media\"><div class=\"img\"><img src=\"/ferry.jpg\" alt=\"" + alt +
                         "\"></div><div>" + alt +
                         "</div></div><p><img src=\"/quay.jpg\" alt=\"The quay\"></p><p>The "
                         "quay</p><img src=\"/map.jpg\" alt=\"A map of the route\"><p>The route "
                         "crosses the bay in twenty minutes, officials said on Monday.</p>")))
          .value();
  EXPECT_FALSE(has(article, "The harbour master opens")) << article.text;
  EXPECT_NE(article.html.find("The harbour master opens"), std::string::npos) << article.html;
  // The line alone in a box of its own beside the picture's (CNN in 2012).
  const std::string second = "A crane lifts the last span of the bridge into place at dusk.";
  const auto boxed =
      extract_article(page(body_with("<div class=\"img640\"><img src=\"/crane.jpg\" alt=\"" + second +
                                     " \"></div>\n<div class=\"img640cap\"><div class=\"captxt\">" + second +
                                     "</div></div>")))
          .value();
  EXPECT_FALSE(has(boxed, "A crane lifts")) << boxed.text;
  // Punctuation aside: Slate set the alt between dashes in a <p> after the image.
  const auto dashed =
      extract_article(page(body_with("<div id=\"article_img\"><img src=\"/t.jpg\" alt=\"Tapie en 2008. "
                                     "REUTERS/Benoit Tessier\"><p>- Tapie en 2008. REUTERS/Benoit Tessier "
                                     "-</p></div>")))
          .value();
  EXPECT_FALSE(has(dashed, "Tapie en 2008")) << dashed.text;
  EXPECT_TRUE(has(boxed, "Paragraph 2 of the story")) << boxed.text;
  EXPECT_TRUE(has(article, "The quay")) << article.text;
  EXPECT_TRUE(has(article, "The route crosses the bay")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, OpeningParagraphsInBoxesOfTheirOwnAreGathered) {
  // The Telegraph (2011) set each opening paragraph in a div of its own
  // (div.firstPar, div.secondPar) above div.body, with related links
  // between: the boxes are paragraphs of the story.
  const std::string story =
      "<div id=\"mainBodyArea\"><div class=\"firstPar\"><p>Emergency services were called to the harbour "
      "restaurant's curry contest, after competitors fell ill during the event.</p></div><div "
      "class=\"secondPar\"><p>One participant was so ill after the first dish that she had to be taken to "
      "hospital twice in a matter of hours.</p></div><div class=\"related_links_inline\"><h2>Related "
      "Articles</h2><ul><li><a href=\"/a\">Flag to fly above town</a></li><li><a href=\"/b\">Water column "
      "forms over lake</a></li></ul></div><div class=\"body\">" +
      prose(6) + "</div></div>";
  const auto article = extract_article(
                           "<!DOCTYPE html><html><head><title>T</title></head><body><div "
                           "class=\"story\">" +
                           story + "</div></body></html>")
                           .value();
  EXPECT_TRUE(has(article, "Emergency services were called")) << article.text;
  EXPECT_TRUE(has(article, "One participant was so ill")) << article.text;
  EXPECT_FALSE(has(article, "Flag to fly above town")) << article.text;
  // Beside a body marked as the article, a box outside it is not the story's.
  const auto marked =
      extract_article(
          "<!DOCTYPE html><html><head><title>T</title></head><body><div><div><p>A note about the "
          "site's new layout, which readers can switch off in their settings at any time.</p></div><div "
          "itemprop=\"articleBody\">" +
          prose(6) + "</div></div></body></html>")
          .value();
  EXPECT_FALSE(has(marked, "A note about the site")) << marked.text;
  EXPECT_TRUE(has(marked, "Paragraph 5 of the story")) << marked.text;
}

TEST(Furniture, CamelCaseCaptionClassIsACaption) {
  // Class names written in camelCase say "caption" too: CNN's
  // "cnnArticleGalleryCaptionControlText" ("HIDE CAPTION"), the Daily
  // Mail's "imageCaption".
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"artSplitter\"><img src=\"/a.jpg\" alt=\"\"><p class=\"imageCaption\">The "
              "ferry leaves the quay at dawn, as it has every day since May.</p></div><div "
              "class=\"cnnArticleGalleryCaptionControlText\">HIDE CAPTION</div>")))
          .value();
  EXPECT_FALSE(has(article, "The ferry leaves the quay")) << article.text;
  EXPECT_FALSE(has(article, "HIDE CAPTION")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, LabelledBylineGoes) {
  // "Autori: <name>" (LSM, Latvian) is a byline as "By <name>" is.
  const auto article =
      extract_article(page(body_with("<div class=\"info-item\"><strong>Autori:</strong> <a "
                                     "href=\"/autors/anna\">Anna Udre</a> <em>(LTV news editor)</em></div>")))
          .value();
  EXPECT_FALSE(has(article, "Autori")) << article.text;
  EXPECT_FALSE(has(article, "Anna Udre")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, ErrorReportWidgetGoes) {
  // "Found a mistake? Select the text and press Ctrl+Enter": the widget
  // names its keys in every language.
  const auto article =
      extract_article(page(body_with("<p>Помітили помилку? Виділіть текст і натисніть Ctrl+Enter, щоб "
                                     "повідомити редакцію.</p>")))
          .value();
  EXPECT_FALSE(has(article, "Ctrl+Enter")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, LabelledPairOfSiteLinksGoes) {
  // Prachatai's "related" paragraph: a bold label in a language no phrase
  // list holds, and two headlines, one a line, linked to the site's own
  // stories.
  feeds::ExtractOptions options;
  options.url = "https://news.example/2019/01/3";
  const auto article =
      extract_article(
          page(body_with("<p><strong>\u0e40\u0e23\u0e37\u0e48\u0e2d\u0e07\u0e17\u0e35\u0e48"
                         "\u0e40\u0e01\u0e35\u0e48\u0e22\u0e27\u0e02\u0e49\u0e2d\u0e07</strong><br>"
                         "<a href=\"https://news.example/2018/12/1\">Refugee missing from his home in the "
                         "border town for twelve days, his family and neighbours say</a><br><a "
                         "href=\"https://news.example/2019/01/2\">Police search for leads in the river "
                         "case after a second body is found near the old bridge</a></p>")),
          options)
          .value();
  EXPECT_FALSE(has(article, "Refugee missing")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, BannerWithACloseButtonGoes) {
  // A donation bid the reader may close ("✕"), and a newsletter box with an
  // aria-label "Close"; a story's box with a "×" in it stays (it holds
  // more than a banner's paragraph or two).
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"support-pay\"><button>\u2715</button><div>Any amount helps: your support "
              "keeps a free press free. PromptPay 0993000060423</div></div><div class=\"nl\"><button "
              "aria-label=\"Close newsletter\"></button><p>Get our morning briefing in your "
              "inbox.</p></div>")))
          .value();
  EXPECT_FALSE(has(article, "PromptPay")) << article.text;
  EXPECT_FALSE(has(article, "morning briefing")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
  const auto boxed = extract_article(page("<article><div class=\"c-body\"><button>\u00d7</button>" +
                                          prose(8) + "</div></article>"))
                         .value();
  EXPECT_TRUE(has(boxed, "Paragraph 7 of the story")) << boxed.text;
}

TEST(Furniture, DatelineWithoutTimeElementGoes) {
  // A dateline with no <time> and no class that says so (AFPBB's span
  // "day", a bare div), under a deck: above the story's first paragraph, a
  // short line that opens with its date goes.
  for (const std::string line : {"Thursday 10 January 2008 at 12:46", "2018\u5e746\u670818\u65e5 10:01 Kano",
                                 "Ver\u00f6ffentlicht: 22.04.2024, 10:15 Uhr"}) {
    const auto article =
        extract_article(page("<article><h1>Attack in Kano</h1><div class=\"c-body\"><h2>Bombers strike a "
                             "market</h2><div><span class=\"day\">" +
                             line + "</span></div>" + prose(5) + "</div></article>"))
            .value();
    EXPECT_EQ(article.text.find(line), std::string::npos) << article.text;
    EXPECT_TRUE(has(article, "Bombers strike a market")) << article.text;
    EXPECT_TRUE(has(article, "Paragraph 0 of the story")) << article.text;
  }
  // Lines of dates one under another are a list (a band's tour); a line
  // whose date follows a name is a message's header.
  for (const std::string lines :
       {"<div>THU 1/18/2007 New York NY - Tonic</div><div>FRI 1/19/2007 Brooklyn NY - "
        "Union Hall</div>",
        "<div>Jane Doe to Alex May 14, 2026</div>"}) {
    const auto kept =
        extract_article(page("<article><h1>Attack in Kano</h1><div class=\"c-body\"><h2>Bombers strike a "
                             "market</h2>" +
                             lines + prose(5) + "</div></article>"))
            .value();
    EXPECT_TRUE(has(kept, "NY - Tonic") || has(kept, "Jane Doe to Alex")) << kept.text;
  }
}

TEST(Furniture, DataTableOfLinksStays) {
  // A grid whose cells link to each model's page, in a scrolling wrapper:
  // data, however many of its cells are links, and no sign of a listing.
  std::string rows;
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    rows.append("<tr><td>Base (8").append(n).append("M)</td><td>1").append(n);
    rows.append("</td><td><a href=\"https://models.example/base-")
        .append(n)
        .append("-a\">org/model-base-patch");
    rows.append(n).append("-256</a></td><td><a href=\"https://models.example/base-").append(n);
    rows.append("-b\">org/model-base-patch").append(n).append("-256-b</a></td></tr>");
  }
  const auto article =
      extract_article(
          "<!DOCTYPE html><html><head><title>Model Comparison</title></head><body><article><h1>Model "
          "Comparison</h1><p>Below is a table comparing different model variants and their "
          "configurations.</p><div "
          "class=\"max-w-full overflow-auto\"><table><thead><tr><th>Size</th><th>Patch</th><th>Framework "
          "A</th><th>Framework B</th></tr></thead><tbody>" +
          rows + "</tbody></table></div><p>Each variant suits a different use.</p></article></body></html>")
          .value();
  EXPECT_TRUE(has(article, "org/model-base-patch3-256-b")) << article.text;
  EXPECT_TRUE(has(article, "Below is a table")) << article.text;
}

TEST(Furniture, EmbeddedVideoCaptionBarGoes) {
  // CNN's inline video: the player's bar under it holds the video's own
  // headline and its running time, in boxes named for the video.
  const auto article =
      extract_article(
          page(body_with(
              "<div class=\"video-resource\"><div class=\"video-resource__details\"><div "
              "class=\"video-resource__headline\">Watch what the mayor did when asked about the "
              "ferry</div><div class=\"video-resource__credit\"><span class=\"video-resource__duration\">"
              "\n 02:12\n</span><span> - Source: <a href=\"/\">HHTV</a></span></div></div></div>")))
          .value();
  EXPECT_FALSE(has(article, "Watch what the mayor did")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, FootnoteMarkEndsASentenceNotADateline) {
  // A short opening sentence with a footnote mark ("library.1", "city.[3]")
  // is a sentence, not a dateline above the story; a month's abbreviation
  // and a day ("Posted Jan. 5") still are one.
  const auto marked = extract_article(page("<article><p>We built a new library.<sup>1</sup></p>" + prose(4) +
                                           "<p>It ended in the old town.<sup>[3]</sup></p></article>"))
                          .value();
  EXPECT_TRUE(has(marked, "We built a new library.")) << marked.text;
  EXPECT_TRUE(has(marked, "It ended in the old town.")) << marked.text;
  const auto dated = extract_article(page("<article><p>Posted Jan. 5</p>" + prose(4) + "</article>")).value();
  EXPECT_FALSE(has(dated, "Posted Jan. 5")) << dated.text;
  EXPECT_TRUE(has(dated, "Paragraph 2 of the story")) << dated.text;
}

TEST(Furniture, CopyrightBoxGoes) {
  // The site's foot in a box named for it, long enough to read as prose:
  // "X is the official web site of ..., its marks are ...".
  const auto article =
      extract_article(
          page(body_with(
              "<div id=\"copyright\">HarbourHerald.example is the official web site of the Harbour "
              "Herald, and the name, the lighthouse logo and the word mark are the paper's own, used "
              "under licence by its partners, who may not reproduce them elsewhere.</div>")))
          .value();
  EXPECT_FALSE(has(article, "official web site")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, HeadingPermalinkMarkGoesHeadingStays) {
  // A documentation or blog theme's permalink mark in each heading.
  for (const std::string mark : {"#", "\xC2\xB6", "\xC2\xA7"}) {
    const auto article =
        extract_article(page(body_with("<h2 id=\"costs\">What the extension costs<a class=\"headerlink\" "
                                       "href=\"#costs\" title=\"Permanent link\">" +
                                       mark + "</a></h2>")))
            .value();
    EXPECT_TRUE(has(article, "What the extension costs\n")) << article.text;
    EXPECT_FALSE(has(article, "costs" + mark)) << article.text;
  }
}

TEST(Furniture, WordExportParagraphStylesAreNoFurniture) {
  // Word's HTML export names each paragraph's style: "MsoCommentText" is the
  // style of Word's margin comments, not a comment thread. The story's last
  // paragraphs were removed, or the story cut before them.
  const auto article =
      extract_article(
          page(body_with("<p class=\"MsoCommentText\">A playback of the board meeting will be "
                         "available on the harbour office's site until the end of the month.</p>")))
          .value();
  EXPECT_TRUE(has(article, "A playback of the board meeting")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
}

TEST(Furniture, DealsListOfOtherSitesStaysRelatedListGoes) {
  // A deals post closes on its picks, links to shops with the old price
  // beside each: the author's list, though mostly links and with no prose
  // below it. A list of the site's own stories, dated, still goes.
  const std::string deals =
      "<p><strong>Other deals:</strong></p><ul>"
      "<li><a href=\"https://driveshop.example/drive\">Portable 2 TB drive for $161.99 at Example Shop</a> "
      "(normally $180)</li>"
      "<li><a href=\"https://netstore.example/router\">Dual-band router with two USB ports for $140 at "
      "Example "
      "Store</a> (normally $179)</li>"
      "<li><a href=\"https://audioshop.example/speakers\">2.1 speaker system for $118.99 with free "
      "shipping</a> "
      "(normally $149.99)</li></ul>";
  const std::string related =
      "<ul><li><a href=\"/news/ferry-fares\">Ferry fares to rise in April</a> (12 March)</li>"
      "<li><a href=\"/news/harbour-bridge\">Harbour bridge repairs start in May</a> (10 March)</li>"
      "<li><a href=\"/news/night-buses\">Night buses cut on the east shore</a> (8 March)</li></ul>";
  feeds::ExtractOptions deals_page;
  deals_page.url = "https://harbourherald.example/deals/week-12";
  feeds::ExtractOptions story_page;
  story_page.url = "https://harbourherald.example/news/ferry";
  const auto with_deals =
      extract_article(page("<article><div class=\"c-body\">" + prose(4) + deals + "</div></article>"),
                      deals_page)
          .value();
  EXPECT_TRUE(has(with_deals, "Portable 2 TB drive for $161.99")) << with_deals.text;
  EXPECT_TRUE(has(with_deals, "2.1 speaker system")) << with_deals.text;
  const auto with_related =
      extract_article(page("<article><div class=\"c-body\">" + prose(4) + related + "</div></article>"),
                      story_page)
          .value();
  EXPECT_FALSE(has(with_related, "Ferry fares to rise")) << with_related.text;
  EXPECT_TRUE(has(with_related, "Paragraph 3 of the story")) << with_related.text;
}

// A dateline the page styles apart opens the first sentence; its class
// ("dateline") names furniture only when it stands alone.
TEST(Furniture, DatelineOpeningTheFirstParagraphStays) {
  const auto article =
      extract_article(page("<article><div class=\"c-body\"><p> <span class=\"dateline\">CAIRO &#8212;</span> "
                           "Gunmen opened fire on visitors at the museum on Wednesday, officials said.</p>" +
                           prose(4) + "</div></article>"))
          .value();
  EXPECT_NE(article.text.find("CAIRO \u2014 Gunmen opened fire"), std::string::npos) << article.text;
  // A dateline block of its own above the story still goes.
  const auto apart = extract_article(page("<article><div class=\"c-body\"><div class=\"dateline\">CAIRO, "
                                          "March 18, 2015</div>" +
                                          prose(4) + "</div></article>"))
                         .value();
  EXPECT_EQ(apart.text.find("March 18, 2015"), std::string::npos) << apart.text;
}

// A wire dateline before the element that holds the story (UPI's
// "LOS ANGELES, Dec. 27 (UPI) -- <span>...</span>") is the opening of the
// first sentence, not a date line above the story.
TEST(Furniture, WireDatelineBeforeTheStorysElementStays) {
  std::string story;
  for (int i = 0; i < 4; ++i) {
    story += "Sentence " + std::to_string(i) +
             " of the wire story, in which the chart's editors said, after the weekly count, that the album "
             "held the top spot.<br><br>";
  }
  const auto article =
      extract_article(
          page("<div class=\"storyContent\">LOS ANGELES, Dec. 27 (UPI) -- <span id=\"intelliTXT\">" + story +
               "</span></div>"))
          .value();
  EXPECT_TRUE(has(article, "LOS ANGELES, Dec. 27 (UPI) -- Sentence 0 of the wire story")) << article.text;
}

// An ad-blocker notice inside the story speaks to the reader; a sentence
// about ad blockers, or about roadblocks, is the story's.
TEST(Furniture, AdBlockerNoticeGoes) {
  const auto article =
      extract_article(
          page(
              body_with("<p>Ad block users: Some site features may not work correctly while an ad blocker is "
                        "enabled, because they break scripts and content this website depends on.</p>"
                        "<p>Publishers say the adblock rate among readers under thirty doubled last year.</p>"
                        "<p>Navigation roadblocks force you to walk around stuff you don't need.</p>")))
          .value();
  EXPECT_FALSE(has(article, "Ad block users")) << article.text;
  EXPECT_TRUE(has(article, "the adblock rate among readers")) << article.text;
  EXPECT_TRUE(has(article, "Navigation roadblocks")) << article.text;
}

// A post that quotes a press release in full, in a box of its own: the
// release holds more text than the post, but the post's own paragraphs
// around the box are the story, and the box is part of it.
TEST(Furniture, PostAroundALongerQuotedReleaseIsTheStory) {
  std::string release;
  for (int i = 0; i < 9; ++i) {
    release +=
        "<p>Release paragraph " + std::to_string(i) +
        " says the company, after a year of work, brings its maps to every platform, with offline use, "
        "voice guidance, and transit.</p>";
  }
  // No <main> or <article> to gather the post's paragraphs from.
  const std::string post = R"(<div class="post_body">
<p>The company revealed the next stage of its maps today, a cloud service that reaches past its own phones.</p>
<p>It had hinted at the move for months, in talks, in job ads, and in a string of small purchases.</p>
<p>Behind the glossy exterior, it says, sits a system that learns from every trip its users make, and that gets
better the more it is used.</p>
<p>The service appears to take in most of the earlier apps, from the car to the browser; the company's release
is below, in full.</p>
<p>Update: the phone app will keep maps for use offline, with walking directions, and the company says a kit for
other phone makers follows early next year.</p>
<div id="pr_box"><div id="pr_text">)";
  const auto article = extract_article(
                           "<!DOCTYPE html><html><head><title>T</title><meta property=\"og:type\" "
                           "content=\"article\"></head><body><div class=\"post_content\"><h1>Maps "
                           "go everywhere</h1>" +
                           post + release + "</div></div></div></div></body></html>")
                           .value();
  EXPECT_TRUE(has(article, "revealed the next stage of its maps")) << article.text;
  EXPECT_TRUE(has(article, "Update: the phone app")) << article.text;
  EXPECT_TRUE(has(article, "Release paragraph 8")) << article.text;
}

// A photo widget's label under every picture of a post ("Mouseover photo to
// load notes or add comment"): said by boxes of one class three times or
// more, a short line of five words or more that is no sentence goes. Data
// set out as boxes ("Yes", "No") repeats fewer words, and stays.
TEST(Furniture, LabelRepeatedUnderEveryPictureGoes) {
  std::string photos;
  for (int i = 0; i < 4; ++i) {
    photos +=
        "<div class=\"image-wrapper\"><div class=\"annotate-message\">Mouseover photo to load notes or add "
        "comment</div><img src=\"/p" +
        std::to_string(i) + ".jpg\"><p>Picture " + std::to_string(i) +
        " shows the booth, where the shirts and the cards were sold out by noon.</p>"
        "<p class=\"answer\">Yes</p></div>";
  }
  const auto article = extract_article(page(body_with(photos))).value();
  EXPECT_FALSE(has(article, "Mouseover photo")) << article.text;
  EXPECT_TRUE(has(article, "Picture 3 shows the booth")) << article.text;
  EXPECT_TRUE(has(article, "Yes")) << article.text;
}

// A caption is a line or two under a picture. A caption box that holds a
// thousand bytes of text is the story set in the wrong box (MSNBC's blog
// put a whole post inside its lead picture's "wp-caption-text"): a reader
// sees it as text, and so must the text.
TEST(Furniture, CaptionBoxHoldingAStoryIsText) {
  std::string story;
  for (int i = 0; i < 16; ++i)
    story += "Sentence " + std::to_string(i) +
             " of the post set in the caption, where the writer tells how the last four years went.\n\n";
  const auto article =
      extract_article(page("<article><div class=\"entry-content\"><div class=\"feat-image-with-caption\">"
                           "<img src=\"/lead.jpg\"><p class=\"wp-caption-text\">A short line under the "
                           "picture. <span class=\"wp-caption-text attribution\">(" +
                           story + ")</span></p></div>" + prose(26) +
                           "<figure><img src=\"/b.jpg\"><figcaption class=\"wp-caption-text\">Residents "
                           "gather near the old harbour on Monday.</figcaption></figure></div></article>"))
          .value();
  EXPECT_TRUE(has(article, "Sentence 15 of the post set in the caption")) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 2 of the story")) << article.text;
  EXPECT_FALSE(has(article, "Residents gather")) << article.text;
}

// A blog post's "extended entry" (Movable Type's <div id="more"> right after
// the entry's body, past the "continue reading" break) is the rest of the
// post; a "more" box of links after it is not.
TEST(Furniture, ExtendedEntryAfterTheBodyIsThePostsRest) {
  const std::string post =
      "<div class=\"entry\"><div class=\"entry-body\">" + prose(4) +
      "</div>\n<div id=\"more\"><p>---</p><p>The band's debut album comes out in January, and its "
      "tracklist runs as follows, eleven songs in all.</p><p><strong>Ex Cops<br><em>True "
      "Hallucinations<br></em>Tracklist:</strong><br>1. \"S&amp;HSXX (Intro)\"<br>2. \"Ken\"<br>3. "
      "\"James\"<br>4. \"You Are A Lion, I Am A Lamb\"<br>5. \"Separator\"<br>6. \"Spring "
      "Break\"</p></div></div>";
  const auto article = extract_article(page("<div class=\"blog\">" + post + "</div>")).value();
  EXPECT_TRUE(has(article, "Paragraph 3 of the story")) << article.text;
  EXPECT_TRUE(has(article, "tracklist runs as follows")) << article.text;
  EXPECT_TRUE(has(article, "3. \"James\"")) << article.text;

  const auto linked = extract_article(page("<div class=\"entry-body\">" + prose(4) +
                                           "</div><div class=\"more\"><p><a href=\"/a\">Another story "
                                           "entirely, about the harbour</a></p><p><a href=\"/b\">And one "
                                           "more story about the council's budget</a></p></div>"))
                          .value();
  EXPECT_TRUE(has(linked, "Paragraph 3 of the story")) << linked.text;
  EXPECT_FALSE(has(linked, "Another story entirely")) << linked.text;
}

// The writer's box after the story ("section.article-author": picture, name,
// "Jon is the senior IT reporter, covering ...") is about the writer, not
// part of the story; "article" in its class names whose writer it is.
TEST(Furniture, ArticleAuthorBoxGoes) {
  const auto article =
      extract_article(page("<article><div class=\"article-body\">" + prose(5) +
                           "</div><section class=\"article-author clearfix\"><a href=\"/author/jon\"><img "
                           "src=\"/jon.jpg\"></a><p><a href=\"/author/jon\" class=\"author-name\">Jon "
                           "Writer</a> / Jon is the paper's senior IT reporter, covering business technology "
                           "and the intersection of consumer technology and IT.</p></section></article>"))
          .value();
  EXPECT_TRUE(has(article, "Paragraph 4 of the story")) << article.text;
  EXPECT_FALSE(has(article, "senior IT reporter")) << article.text;
}

// A box named "menu" that links nowhere and holds paragraphs is a
// restaurant's menu of dishes, not the site's; a menu of links still goes.
TEST(Furniture, MenuOfDishesWithoutLinksStays) {
  const auto article =
      extract_article(
          page(
              "<h1>Our Restaurant</h1><p>Welcome to our restaurant. Below you will find our full menu with "
              "seasonal selections.</p><div id=\"menu\"><h2>Appetizers</h2><p>Spring rolls with sweet chili "
              "sauce, a perfect way to start your meal.</p><h2>Main Course</h2><p>Grilled salmon with "
              "roasted "
              "vegetables, served with a lemon butter sauce.</p></div><div class=\"menu\"><p><a "
              "href=\"/about\">About us and the story of the family kitchen</a></p><p><a href=\"/jobs\">Jobs "
              "in the kitchen and in the dining room</a></p></div><p>Please ask your server about daily "
              "specials and allergen information.</p>"))
          .value();
  EXPECT_TRUE(has(article, "Grilled salmon with roasted vegetables")) << article.text;
  EXPECT_TRUE(has(article, "Please ask your server")) << article.text;
  EXPECT_FALSE(has(article, "About us and the story")) << article.text;
}

// The site's legal text under every post ("Views expressed in posts are
// those of the individual personnel quoted ...") is no part of the story.
TEST(Furniture, LegalDisclaimerUnderThePostGoes) {
  const auto article =
      extract_article(
          page("<div class=\"content-area\"><div class=\"js-article-content\">" + prose(5) +
               "</div></div><div class=\"legal-disclaimer\"><p>Views expressed in posts (including podcasts, "
               "videos, and social media) are those of the individual personnel quoted therein and are not "
               "the views of Example Capital Management or its affiliates.</p><p>The contents should not "
               "be construed as or relied upon in any manner as investment, legal, tax, or other "
               "advice.</p></div>"))
          .value();
  EXPECT_TRUE(has(article, "Paragraph 4 of the story")) << article.text;
  EXPECT_FALSE(has(article, "Views expressed in posts")) << article.text;
}

// The standfirst under the headline, beside the box the body won in, with
// no article or content marker around both (Deutsche Welle's p.intro); a
// blog's tagline under its linked masthead is no standfirst.
TEST(Furniture, StandfirstUnderTheHeadlineOpensTheStory) {
  const std::string html =
      "<!DOCTYPE html><html><head><title>Counter-offensive: aims, chances, risks</title></head><body>"
      "<div id=\"sitehead\"><h1><a href=\"/\">Harbour News Network</a></h1><p class=\"descr\">Reporting, "
      "analysis and editorial writing on the news, every day of the year.</p></div>"
      "<div id=\"bodyContent\"><div class=\"col3\"><h4 class=\"artikel\">War</h4><h1>Counter-offensive: "
      "aims, chances, risks</h1><p class=\"intro\">The army prepares a counter-offensive that may decide "
      "the war. The longer it waits, the better its chances seem.</p><div id=\"sharing-bar\"><a "
      "href=\"/share\">Share</a></div><div class=\"group\"><div class=\"longText\">" +
      prose(8) + "</div></div></div></div></body></html>";
  const auto article = extract_article(html).value();
  EXPECT_EQ(article.text.find("The army prepares a counter-offensive"), 0u) << article.text;
  EXPECT_TRUE(has(article, "Paragraph 7 of the story")) << article.text;
  EXPECT_FALSE(has(article, "editorial writing")) << article.text;

  // A deck need not end like a sentence (The Guardian's); a picture's line
  // in the box that shows the picture is no deck.
  const std::string deck =
      "<!DOCTYPE html><html><head><title>Death toll in the harbour fire rises to ten</title></head><body>"
      "<div class=\"page\"><div data-gu-name=\"headline\"><h1>Death toll in the harbour fire rises to "
      "ten</h1></div><div data-gu-name=\"standfirst\"><div><p>Police in the city continue to search the "
      "debris after a blaze that consumed one of the buildings in less than an hour</p></div></div>"
      "<div class=\"photoLarge\"><img src=\"/fire.jpg\"><p>The gutted remains of the two buildings, which "
      "had about 140 apartments, seen from the harbour wall on Sunday. (Photo: Agency)</p></div>"
      "<div class=\"body\"><div class=\"text\">" +
      prose(8) + "</div></div></div></body></html>";
  const auto decked = extract_article(deck).value();
  EXPECT_EQ(decked.text.find("Police in the city continue"), 0u) << decked.text;
  EXPECT_FALSE(has(decked, "gutted remains")) << decked.text;

  // El País sets the deck in an h2 right under the h1.
  const auto h2_deck =
      extract_article(
          "<!DOCTYPE html><html><head><title>Brussels weighs deportation centres outside the "
          "union</title></head><body><div class=\"story\"><header><h1>Brussels weighs "
          "deportation centres outside the union</h1><h2 class=\"a_st\">The Commission will "
          "tighten the rules on deportations while it studies the model of another "
          "country</h2></header><div class=\"a_c\"><div class=\"text\">" +
          prose(8) + "</div></div></div></body></html>")
          .value();
  EXPECT_EQ(h2_deck.text.find("The Commission will tighten"), 0u) << h2_deck.text;
}

// A box that holds one picture and one short line that is no sentence is a
// picture with its caption (Deutsche Welle's div.picBox); a sentence beside
// a picture opens a post, and a photo post whose only text is that line
// keeps it.
TEST(Furniture, PictureBoxLineIsItsCaption) {
  const auto article =
      extract_article(
          page("<article><div class=\"longText\">" + prose(3) +
               "<div class=\"picBox full\"><a class=\"overlayLink\" href=\"#\"><img "
               "src=\"/uman.jpg\" alt=\"Rescue work in Uman\"></a><p>After a missile strike on the "
               "city of Uman, 28 April 2023</p></div>" +
               prose(3) +
               "<div class=\"post-image\"><img src=\"/market.jpg\"><p>As expected, markets "
               "rallied last week, which brought key indices near their highs.</p></div>"
               "</div></article>"))
          .value();
  EXPECT_FALSE(has(article, "After a missile strike")) << article.text;
  EXPECT_TRUE(has(article, "As expected, markets rallied")) << article.text;

  const auto photo_post = extract_article(
                              "<!DOCTYPE html><html><head><title>The human bowling ball</title></head><body>"
                              "<div class=\"post\"><div class=\"bd\"><a href=\"/big.jpg\"><img "
                              "src=\"/ball.jpg\"></a><p>The human bowling ball, sent in by a reader from "
                              "Leeds last week</p></div>"
                              "</div></body></html>")
                              .value();
  EXPECT_TRUE(has(photo_post, "The human bowling ball, sent in by a reader")) << photo_post.text;
}
