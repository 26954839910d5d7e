#pragma once
// What class names, ids, roles and short texts say about a block: content
// ("entry-content", "articleBody") or furniture ("share-bar", "newsletter").
#include <libxml/tree.h>

#include <string_view>

namespace feeds::extract_detail {

inline constexpr int kStrongNegative = -25;
inline constexpr int kStrongPositive = 25;
inline constexpr int kPositive = 24;  // a bare content word: scores, never protects

// -25 for furniture hints, +25 for content hints, 0 for neither or both
// weak; furniture words beat weak content words ("article-comments" is
// furniture), strong content compounds ("entry-content") beat everything.
int class_weight(const xmlNode* node);

// A class token of Word's HTML export ("MsoNormal", "MsoCommentText"): the
// name of a paragraph style, which says nothing of what the box is.
bool is_word_style_class(std::string_view token);

// Whether a furniture class weight (-25) may remove the element outright
// in the furniture pass, or only counts against it in scoring: a class that
// also says article/body/content/main/column is never removed, and the
// penalty words (widget, teaser, player, paywall, comment) remove only as a
// whole class token, not inside compound names ("comment-count-widget-area").
bool removable_by_class(const xmlNode* node);
// Whether the only furniture words of the box's class and id name a
// navigation menu ("menu", "nav"): a restaurant's <div id="menu"> of dishes
// is prose when it holds no link.
bool names_only_navigation(const xmlNode* node);

// Whether the box's class or id names a standfirst: "deck", "dek",
// "standfirst", "teaser", "intro", "lead", "summary", "subtitle" and the
// like, as whole words ("article__teaser-text", "storyIntro").
bool names_deck(const xmlNode* node);

// A paragraph whose class marks it as the text behind a paywall
// (`<p class="paywall">`: the publisher sends the whole story and hides
// these from readers without a subscription). It is the story's text; a
// paywall box (a div with the subscription prompt) is not such a paragraph.
bool is_paywalled_paragraph(const xmlNode* node);

// Whether the element's id is the slug of its own heading
// ("related-changes-to-the-timetable"): the author's words, not a hint.
bool id_names_own_heading(const xmlNode* node);

// Elements that never hold article text: script, style, form, nav, ...
bool is_junk_element(std::string_view tag);

// hidden attribute, aria-hidden=true (unless `aria` is false), inline
// display:none / visibility:hidden.
bool is_hidden(const xmlNode* node, bool aria = true);

// A class token that CSS frameworks define as not displayed ("hidden",
// "hide", "d-none", "sr-only", ...): the page shows it only after a script
// runs, or to screen readers. Whole tokens only ("hidden-xs" hides on small
// screens alone).
bool has_hidden_class(const xmlNode* node);

// role=navigation/banner/contentinfo/complementary/search/dialog/alert.
bool has_furniture_role(const xmlNode* node);

// Block-level elements (start a new paragraph in text output).
bool is_block_element(std::string_view tag);

// Short texts that are furniture by their words, in the corpus languages:
// "Read also: ...", "5 min read", "Listen to this article", "Advertisement",
// "Share", "Subscribe to our newsletter", ... `text` is whitespace-collapsed.
bool is_boilerplate_text(std::string_view text);

// A quoted social post whose text is in the page (blockquote.twitter-tweet,
// Bluesky, Mastodon, Threads): its paragraphs are part of the story, the
// attribution line after them ("— Name (@handle) date") is not.
bool is_quoted_post(const xmlNode* node);

// Captions, photo credits and gallery counters: <figcaption>, an element
// whose class/id says caption or credit ("wp-caption-text", "photo-credit",
// "c-figure__caption"). They stay in the article's HTML, not in its text.
bool is_caption(const xmlNode* node);

// "3 of 12", "3 / 12", "Image 3 of 12": a gallery's position counter.
bool is_gallery_counter(std::string_view text);

// A media player's clock left in the page as text: "0:00/0:45", "1:02:33 /
// 1:20:00", the time left "-0:00", the start "0:00". A time of day alone
// ("10:45") is none: only the elapsed/total pair, a remaining time or zero.
bool is_player_clock(std::string_view text);

// "2:12", "02:12", "1:02:12" on a line of its own: a running time (a
// video's length), which a player clock's rules refuse when bare.
bool is_running_time(std::string_view text);

// "By Jane Doe", "Автор: ...", "Von ...".
bool looks_like_byline(std::string_view text);

// The heading of a comment section: "Comments", "12 Comments", "Leave a
// Reply", "3 Responses to “…”", "Kommentare", ... (counts and brackets aside).
bool is_comments_label(std::string_view text);

// A short text with a sentence that bids the reader use the site: one
// opening, at the text's start or after a sentence's end or a dash, with
// "Sign up", "Subscribe", "Share this", "Scroll down", "Join our", "Follow
// us", ... ("Want more? Sign up for his newsletter."). A sentence that only
// mentions it ("Residents can sign up at the town hall.") is no bid, nor a
// lead-in ending with a colon.
bool is_call_to_action(std::string_view text);

// The heading of an embed held back until the reader consents ("Empfohlener
// redaktioneller Inhalt", "Contenu externe"): the box under it is the
// placeholder, its notice, switch and privacy text.
bool is_consent_label(std::string_view text);

// Whether a text ends like a sentence: . ! ? … 。 ؟, or a closing quote or
// bracket after one. Labels, kickers, datelines and link rows do not.
bool ends_like_sentence(std::string_view text);

// The site of an absolute or scheme-relative http(s) URL, lower case: the
// host from its registrable label on ("news.bbc.co.uk" -> "bbc.co.uk").
// Empty for a relative URL.
std::string url_site(std::string_view url);

}  // namespace feeds::extract_detail
