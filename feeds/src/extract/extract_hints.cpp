#include "extract/extract_hints.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "common/ascii.h"
#include "extract/extract_dom.h"

namespace feeds::extract_detail {

namespace {

// Whole words of class/id values (split on anything but letters and digits).
constexpr std::string_view kNegativeWords[] = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "footer",
    "sidebar",
    "related",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "promotion",
    "share",
    "sharing",
    "sharebar",
    "social",
    "comment",
    "comments",
    "disqus",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "adslot",
    "adunit",
    "banner",
    "sponsor",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "taglist",
    "bio",
    "popular",
    "trending",
    "widget",
    "widgets",
    "outbrain",
    "taboola",
    // Search engines' own marker for "not the page's content" (Google's
    // class="nocontent", Yahoo's "robots-nocontent"): sidebars, rails.
    "nocontent",
    "masthead",
    // The site's foot: "NHL.com is the official web site of ... All rights
    // reserved.", a picture's copyright line.
    "copyright",
    // Site-wide legal text under each post ("Views expressed in posts are
    // those of ...", "not investment advice").
    "disclaimer",
    "disclaimers",
    "pagination",
    "pager",
    "recommended",
    "recommendations",
    "toolbar",
    "modal",
    "popup",
    "overlay",
    "paywall",
    "audio",
    "listen",
    "player",
    "podcast",
    "byline",
    "dateline",
    "meta",
    "skip",
    "announcement",
    "topbar",
    "newsfeed",
    "picks",
    "readmore",
    "crosslink",
    "teaser",
    "teasers",
    "promos",
    "donate",
    "donation",
    "login",
    "signin",
    "app",
    "follow",
    "author",
    "authors",
    "credits",
    "timestamp",
    "readtime",
    "readingtime",
    "print",
    "rating",
    "reactions",
    "more",
    "next",
    "prev",
    "previous",
    "also",
    "inline",
    "card",
    "cards",
    "embed",
};
// Only whole class/id words; "card" and "embed" are mild furniture hints
// (kept apart so a "post-card" list on a home page is not content).
constexpr std::string_view kMildNegativeWords[] = {"inline", "card",  "cards",  "embed",  "more",
                                                   "next",   "prev",  "also",   "author", "authors",
                                                   "meta",   "print", "follow", "app"};
constexpr std::string_view kPositiveWords[] = {"article",  "content", "entry",  "post", "story",
                                               "body",     "text",    "main",   "blog", "prose",
                                               "richtext", "copy",    "hentry", "page"};
// Substrings of the lower-cased class/id value that decide on their own.
constexpr std::string_view kStrongPositiveParts[] = {
    "articlebody",      "article-body",  "article_body", "post-body",       "postbody",
    "entry-content",    "entry_content", "story-body",   "storybody",       "article-content",
    "article__content", "article-text",  "articletext",  "post-content",    "body-text",
    "story-content",    "article__body", "content-body", "td-post-content", "field-body",
    "field--name-body", "article-main"};
constexpr std::string_view kStrongNegativeParts[] = {
    "reading-time", "read-time", "readtime", "reading_time", "read-also", "readalso", "also-read", "see-also",
    "more-stories", "author-bio", "author-box", "about-author", "author-card", "article-author",
    "author-info", "about-the-author", "share-bar", "sharebar", "social-share", "related-", "-related",
    "newsletter", "comment", "cookie", "ad-slot", "adslot", "advert", "breadcrumb", "sidebar", "post-tags",
    "article-tags", "tag-list", "tags-list", "most-read", "next-prev", "prev-next", "post-nav", "subscribe",
    "promo", "signup", "sign-up",
    // The class names the networks' embed scripts require: a timeline or a
    // post whose text is not in the page is not the article's prose. (A quoted
    // post with its text in the page, blockquote.twitter-tweet and the like,
    // is kept: see is_quoted_post.)
    "twitter-timeline", "instagram-media", "tiktok-embed", "reddit-embed", "fb-post", "fb-video",
    "telegram-post"};

using ascii::is_alnum;

// `word` is already lower case, as are the lists.
template <std::size_t N>
bool word_in(std::string_view word, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Calls visit(word, start, end) for each run of ASCII letters and digits of
// a lower-cased class or id ("article__teaser-text": article, teaser,
// text), `start` and `end` its bounds in `lower`; visit returns false to
// stop.
template <typename Visit>
void for_each_word(std::string_view lower, Visit&& visit) {
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !is_alnum(lower[i])) ++i;
    const std::size_t start = i;
    while (i < lower.size() && is_alnum(lower[i])) ++i;
    if (i == start || !visit(lower.substr(start, i - start), start, i)) return;
  }
}

// Returns {negative, mild_negative, positive} for one attribute value.
struct HintCounts {
  bool negative = false;
  bool mild = false;
  bool positive = false;
  bool strong_positive = false;
  bool strong_negative = false;
};

// Class names that say nothing of what the box is, dropped before the box
// is read for hints. WordPress names a post's categories and tags in its
// class ("category-social-media", "tag-comment-policy", beside "hentry" and
// "status-publish"): the words of a post's topics. Word's HTML export names
// each paragraph's style ("MsoNormal", "MsoCommentText" for the style of
// Word's margin comments, "MsoBodyText"): the words of a style sheet.
std::string without_uninformative_classes(std::string lower) {
  const bool post_class = has_token(lower, {"hentry", "status-publish"});
  if (!post_class && lower.find("mso") == std::string::npos) return lower;
  std::string kept;
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && ascii::is_space(lower[i])) ++i;
    const std::size_t start = i;
    while (i < lower.size() && !ascii::is_space(lower[i])) ++i;
    const std::string_view token = std::string_view(lower).substr(start, i - start);
    if (token.empty() || is_word_style_class(token) ||
        (post_class && (token.starts_with("category-") || token.starts_with("tag-"))))
      continue;
    if (!kept.empty()) kept += ' ';
    kept += token;
  }
  return kept;
}

void add_hints(std::string_view value, HintCounts& counts) {
  if (value.empty()) return;
  const std::string lower = without_uninformative_classes(ascii_lower(value));
  for (std::string_view needle : kStrongPositiveParts) {
    if (lower.find(needle) != std::string::npos) counts.strong_positive = true;
  }
  for (std::string_view needle : kStrongNegativeParts) {
    if (lower.find(needle) != std::string::npos) counts.strong_negative = true;
  }
  for_each_word(lower, [&](std::string_view word, std::size_t start, std::size_t end) {
    // "text-sm", "text-center", "md:text-lg", "text-muted": the styling
    // utilities of Tailwind and Bootstrap set type size, alignment and
    // colour on any element, bylines and captions included. The content
    // word is the last part of a name ("article-text"), not the first.
    const bool token_start = start == 0 || ascii::is_space(lower[start - 1]) || lower[start - 1] == ':';
    if (word == "text" && token_start && end < lower.size() && lower[end] == '-') return true;
    if (word_in(word, kMildNegativeWords))
      counts.mild = true;
    else if (word_in(word, kNegativeWords))
      counts.negative = true;
    else if (word_in(word, kPositiveWords))
      counts.positive = true;
    return true;
  });
}

struct Phrase {
  std::string_view text;
  std::size_t max_bytes;  // only texts at most this long
  bool whole;             // the text must be exactly the phrase (else: starts with it)
};

constexpr std::array kBoilerplate = {
    // English
    Phrase{"read also", 400, false},
    Phrase{"read more", 300, false},
    Phrase{"see also", 300, false},
    Phrase{"related:", 300, false},
    Phrase{"related articles", 300, false},
    Phrase{"related stories", 300, false},
    Phrase{"more from", 200, false},
    Phrase{"more on this", 200, false},
    Phrase{"listen to this", 80, false},
    Phrase{"listen to the article", 80, false},
    Phrase{"listen", 20, true},
    Phrase{"share this", 120, false},
    Phrase{"share on", 120, false},
    Phrase{"share", 20, true},
    Phrase{"share:", 120, false},
    Phrase{"subscribe", 250, false},
    Phrase{"sign up", 250, false},
    Phrase{"follow us", 150, false},
    Phrase{"advertisement", 40, false},
    Phrase{"sponsored", 40, true},
    Phrase{"support our journalism", 300, false},
    Phrase{"support independent journalism", 300, false},
    Phrase{"comments", 30, false},
    Phrase{"leave a comment", 80, false},
    Phrase{"leave a reply", 80, false},
    Phrase{"no related posts", 40, false},
    Phrase{"you might also like", 200, false},
    Phrase{"you may also be interested in", 200, false},
    Phrase{"you may also like", 200, false},
    Phrase{"recommended", 40, false},
    Phrase{"most read", 40, false},
    Phrase{"most popular", 40, false},
    Phrase{"trending", 30, false},
    Phrase{"tags:", 300, false},
    Phrase{"filed under", 300, false},
    Phrase{"posted in", 200, false},
    Phrase{"previous article", 300, false},
    Phrase{"next article", 300, false},
    Phrase{"previous post", 300, false},
    Phrase{"next post", 300, false},
    Phrase{"skip to", 60, false},
    Phrase{"this audio is", 120, false},
    Phrase{"we use cookies", 400, false},
    // An embed held back until the reader consents: its placeholder's notice.
    Phrase{"this content can also be viewed", 160, false},
    Phrase{"to view this content", 200, false},
    Phrase{"this content is not available", 200, false},
    Phrase{"this content is hosted by a third party", 300, false},
    Phrase{"accept all", 60, false},
    Phrase{"already a subscriber", 200, false},
    Phrase{"to continue reading", 300, false},
    Phrase{"this article is for subscribers", 300, false},
    Phrase{"the rest of this article", 300, false},
    Phrase{"get the app", 100, false},
    Phrase{"download our app", 100, false},
    Phrase{"enter your email", 200, false},
    Phrase{"editors' picks", 40, false},
    Phrase{"editor's picks", 40, false},
    Phrase{"about the author", 500, false},
    // Article tools and stamps of older CMSes (issue 16, header furniture).
    Phrase{"published:", 80, false},
    Phrase{"posted:", 80, false},
    Phrase{"updated:", 80, false},
    Phrase{"last updated", 80, false},
    Phrase{"posted by", 120, false},
    // WordPress themes' post footer: "This entry was posted on <date> and is
    // filed under <categories>. You can follow any responses to this entry
    // through the RSS 2.0 feed."
    Phrase{"this entry was posted", 400, false},
    Phrase{"you can follow any responses", 300, false},
    Phrase{"print", 12, true},
    Phrase{"print article", 40, false},
    Phrase{"print this", 40, false},
    Phrase{"printer friendly", 60, false},
    Phrase{"email this", 60, false},
    Phrase{"email to a friend", 60, false},
    Phrase{"e-mail this", 60, false},
    Phrase{"view larger image", 40, false},
    Phrase{"enlarge image", 40, false},
    Phrase{"font:", 40, false},
    Phrase{"text size", 40, false},
    Phrase{"permalink", 40, false},
    Phrase{"trackback", 120, false},
    Phrase{"post a comment", 60, false},
    Phrase{"related to story", 40, false},
    Phrase{"copyright", 300, false},
    Phrase{"all rights reserved", 200, false},
    Phrase{"watch:", 160, false},
    Phrase{"video:", 200, false},
    // A media block's labels left alone on their lines once the player or
    // the list is gone: "Video", "transcript", "Image", "Related".
    Phrase{"video", 5, true},
    Phrase{"transcript", 10, true},
    Phrase{"image", 5, true},
    Phrase{"related", 7, true},
    Phrase{"image source:", 120, false},
    Phrase{"photo credit:", 120, false},
    Phrase{"vídeo:", 200, false},
    Phrase{"vidéo :", 200, false},
    Phrase{"vidéo:", 200, false},
    // Ukrainian
    Phrase{"Читайте також", 400, false},
    Phrase{"ЧИТАЙТЕ ТАКОЖ", 400, false},
    Phrase{"Читайте ще", 400, false},
    Phrase{"Дивіться також", 300, false},
    Phrase{"Поділитися", 120, false},
    Phrase{"Підписуйтесь", 250, false},
    Phrase{"Підпишіться", 250, false},
    Phrase{"Реклама", 30, false},
    Phrase{"Слухати", 60, false},
    Phrase{"Коментарі", 40, false},
    Phrase{"Теги:", 300, false},
    Phrase{"Найпопулярніше", 60, false},
    Phrase{"Про автора", 500, false},
    Phrase{"Відео:", 200, false},
    Phrase{"Про авторку", 500, false},
    // Russian
    Phrase{"Читайте также", 400, false},
    Phrase{"ЧИТАЙТЕ ТАКЖЕ", 400, false},
    Phrase{"Смотрите также", 300, false},
    Phrase{"Поделиться", 120, false},
    Phrase{"Подпишитесь", 250, false},
    Phrase{"Слушать", 60, false},
    Phrase{"Комментарии", 40, false},
    Phrase{"Теги", 300, false},
    Phrase{"Самое популярное", 60, false},
    Phrase{"Об авторе", 500, false},
    Phrase{"Видео:", 200, false},
    // German
    Phrase{"Lesen Sie auch", 400, false},
    Phrase{"Empfohlener externer Inhalt", 400, false},
    Phrase{"Empfohlener redaktioneller Inhalt", 400, false},
    Phrase{"Player wird geladen", 40, false},
    Phrase{"Fehler gefunden?", 60, false},
    Phrase{"Externer Inhalt", 400, false},
    Phrase{"Um externe Inhalte", 300, false},
    Phrase{"Mehr zum Thema", 300, false},
    Phrase{"Auch interessant", 300, false},
    Phrase{"Teilen", 40, false},
    Phrase{"Anzeige", 30, false},
    Phrase{"Newsletter", 250, false},
    Phrase{"Abonnieren", 250, false},
    Phrase{"Jetzt anhören", 80, false},
    Phrase{"Artikel anhören", 80, false},
    Phrase{"Kommentare", 40, false},
    Phrase{"Schlagworte", 300, false},
    Phrase{"Über den Autor", 500, false},
    Phrase{"Über die Autorin", 500, false},
    // French
    Phrase{"Lire aussi", 400, false},
    Phrase{"Contenu externe", 300, false},
    Phrase{"À lire aussi", 400, false},
    Phrase{"Voir aussi", 300, false},
    Phrase{"Partager", 80, false},
    Phrase{"Publicité", 30, false},
    Phrase{"Abonnez-vous", 250, false},
    Phrase{"Inscrivez-vous", 250, false},
    Phrase{"Écouter", 80, false},
    Phrase{"Commentaires", 40, false},
    Phrase{"À propos de l'auteur", 500, false},
    // Spanish
    Phrase{"Lea también", 400, false},
    Phrase{"Leer más", 300, false},
    Phrase{"Ver también", 300, false},
    Phrase{"Compartir", 80, false},
    Phrase{"Publicidad", 30, false},
    Phrase{"Suscríbete", 250, false},
    Phrase{"Escuchar", 80, false},
    Phrase{"Comentarios", 40, false},
    Phrase{"Te puede interesar", 300, false},
    Phrase{"Sobre el autor", 500, false},
    Phrase{"Sobre la autora", 500, false},
    // Italian
    Phrase{"Leggi anche", 400, false},
    Phrase{"Pubblicità", 30, false},
    Phrase{"Condividi", 80, false},
    // Portuguese
    Phrase{"Leia também", 400, false},
    Phrase{"Leia mais", 300, false},
    Phrase{"Publicidade", 30, false},
    // Dutch
    Phrase{"Lees ook", 400, false},
    Phrase{"Lees meer", 300, false},
    Phrase{"Advertentie", 30, false},
    // Scandinavian and Finnish
    Phrase{"Les også", 400, false},
    Phrase{"Læs også", 400, false},
    Phrase{"Läs också", 400, false},
    Phrase{"Läs mer", 300, false},
    Phrase{"Lue myös", 400, false},
    Phrase{"Annonse", 30, false},
    Phrase{"Annons", 30, false},
    Phrase{"Mainos", 30, false},
    // Polish and Czech
    Phrase{"Czytaj więcej", 300, false},
    Phrase{"Czytaj też", 400, false},
    Phrase{"Czytaj także", 400, false},
    Phrase{"Čtěte také", 400, false},
    Phrase{"Čtěte též", 400, false},
    Phrase{"Reklama", 30, false},
    // Turkish and Indonesian
    Phrase{"Reklam", 30, false},
    Phrase{"İlgili Haberler", 300, false},
    Phrase{"Baca juga", 400, false},
    Phrase{"Iklan", 30, false},
    // Japanese
    Phrase{"関連記事", 400, false},
    Phrase{"あわせて読みたい", 400, false},
    Phrase{"シェア", 60, false},
    Phrase{"広告", 20, false},
    Phrase{"購読", 200, false},
    Phrase{"コメント", 40, false},
    Phrase{"この記事を聞く", 60, false},
    Phrase{"ニュースレター", 250, false},
    Phrase{"筆者について", 500, false},
    Phrase{"動画：", 200, false},
    Phrase{"著者について", 500, false},
    Phrase{"この記事を書いた人", 500, false},
    // Arabic
    Phrase{"اقرأ أيضا", 400, false},
    Phrase{"اقرأ أيضاً", 400, false},
    Phrase{"شارك", 80, false},
    Phrase{"إعلان", 30, false},
    Phrase{"اشترك", 250, false},
    Phrase{"تعليقات", 40, false},
    Phrase{"التعليقات", 40, false},
    Phrase{"استمع", 80, false},
    Phrase{"عن الكاتب", 500, false},
    Phrase{"فيديو:", 200, false},
};

// Short notices that name the ad anywhere in the line: "Story continues below
// advertisement", "Weiter nach der Anzeige", "La suite après cette publicité".
constexpr std::array kAdNotices = {std::string_view("advertisement"),
                                   std::string_view("continues below"),
                                   std::string_view("continue reading below"),
                                   std::string_view("nach der anzeige"),
                                   std::string_view("après cette publicité"),
                                   std::string_view("tras la publicidad"),
                                   std::string_view("広告の後")};

constexpr std::array kReadingTime = {std::string_view("min read"),       std::string_view("minute read"),
                                     std::string_view("minutes read"),   std::string_view("min. read"),
                                     std::string_view("хв читання"),     std::string_view("хв. читання"),
                                     std::string_view("хвилин"),         std::string_view("мин чтения"),
                                     std::string_view("мин. чтения"),    std::string_view("минут"),
                                     std::string_view("Min. Lesezeit"),  std::string_view("Minuten Lesezeit"),
                                     std::string_view("min de lecture"), std::string_view("min de lectura"),
                                     std::string_view("分で読めます"),   std::string_view("دقائق"),
                                     std::string_view("دقيقة")};

// Lower-cases ASCII and Cyrillic (А-Я, Ѐ-Џ, Ґ) without changing the byte
// length: Cyrillic sites set labels in capitals ("РЕКЛАМА", "ЧИТАЙТЕ ТАКОЖ").
std::string fold_case(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (i + 1 < out.size() && (c == 0xD0 || c == 0xD2)) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (c == 0xD0 && d >= 0x90 && d <= 0x9F) {  // А-П -> а-п
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {  // Р-Я -> р-я
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      } else if (c == 0xD0 && d >= 0x80 && d <= 0x8F) {  // Ѐ-Џ (Є, І, Ї, Ў) -> ѐ-џ
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d + 0x10);
      } else if (c == 0xD2 && d == 0x90) {  // Ґ -> ґ
        out[i + 1] = static_cast<char>(0x91);
      }
      ++i;
    }
  }
  return out;
}

}  // namespace

bool is_word_style_class(std::string_view token) {
  return token.size() > 3 && istarts_with(token, "mso");
}

namespace {

// Lower-case ASCII letters and digits of a text, nothing else: "Example 1:
// Amend a shared changeset¶" and "example-1-amend-a-shared-changeset" agree.
std::string alnum_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (is_alnum(c)) key += ascii::lower(c);
  }
  return key;
}

// Documentation generators and table-of-contents plugins give each section
// the slug of its own heading as id ("sharing-with-a-single-developer"):
// words of the author's, not the template's, so no furniture hint.
bool id_is_own_heading_slug(const xmlNode* node, std::string_view id) {
  if (id.size() < 12) return false;
  const xmlNode* heading = nullptr;
  if (tag(node).size() == 2 && tag(node)[0] == 'h') {
    heading = node;
  } else {
    int elements = 0;
    for (const xmlNode* child = node->children; child != nullptr && elements < 3; child = child->next) {
      if (!is_element(child)) continue;
      ++elements;
      const std::string_view name = tag(child);
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        heading = child;
        break;
      }
    }
  }
  if (heading == nullptr) return false;
  const std::string key = alnum_key(id);
  return key.size() >= 8 && key == alnum_key(text_content(const_cast<xmlNode*>(heading)));
}

}  // namespace

bool id_names_own_heading(const xmlNode* node) {
  return id_is_own_heading_slug(node, attribute(node, "id"));
}

int class_weight(const xmlNode* node) {
  HintCounts counts;
  add_hints(attribute(node, "class"), counts);
  if (const std::string_view id = attribute(node, "id"); !id_is_own_heading_slug(node, id))
    add_hints(id, counts);
  std::string_view itemprop = attribute(node, "itemprop");
  if (iequals(itemprop, "articleBody") || iequals(itemprop, "text")) counts.strong_positive = true;
  if (counts.strong_positive) return kStrongPositive;
  if (counts.strong_negative || counts.negative) return kStrongNegative;
  // A bare content word ("content", "text", "post") scores, but is no
  // marker: one comment's div.content must not protect the comment section.
  if (counts.positive) return counts.mild ? 0 : kPositive;
  if (counts.mild) return -10;
  return 0;
}

bool is_junk_element(std::string_view tag_name) {
  static constexpr std::array kJunk = {
      "script", "style",  "noscript", "template", "svg",   "iframe", "object", "embed",  "form",
      "button", "input",  "select",   "textarea", "nav",   "aside",  "footer", "canvas", "link",
      "meta",   "dialog", "audio",    "video",    "label", "menu",   "head",   "title"};
  return std::any_of(kJunk.begin(), kJunk.end(), [&](const char* junk) { return tag_name == junk; });
}

bool is_hidden(const xmlNode* node, bool aria) {
  if (has_attribute(node, "hidden")) return true;
  if (aria && iequals(attribute(node, "aria-hidden"), "true")) return true;
  std::string_view style = attribute(node, "style");
  if (style.empty()) return false;
  // One declaration at a time, its property whole: "--footer-display: none"
  // sets a custom property a style sheet may read, and hides nothing
  // (Obsidian Publish puts it on the container of the whole page).
  bool one_pixel_wide = false, one_pixel_high = false, overflow_hidden = false;
  while (!style.empty()) {
    const std::size_t end = std::min(style.find(';'), style.size());
    const std::string_view declaration = style.substr(0, end);
    style.remove_prefix(std::min(end + 1, style.size()));
    const std::size_t colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view property = ascii::trim(declaration.substr(0, colon));
    std::string value;  // lower case, without white space or "!important"
    for (const char c : declaration.substr(colon + 1))
      if (!ascii::is_space(c)) value += ascii::lower(c);
    if (const std::size_t bang = value.find('!'); bang != std::string::npos) value.resize(bang);
    if (iequals(property, "display") && value == "none") return true;
    if (iequals(property, "visibility") && (value == "hidden" || value == "collapse")) return true;
    // The inline form of "visually-hidden": a box clipped to nothing or
    // shrunk to one pixel, its text for screen readers only (Reuters'
    // ", opens new tab" inside each link).
    if (iequals(property, "clip") && (value == "rect(0000)" || value == "rect(0,0,0,0)" ||
                                      value == "rect(1px1px1px1px)" || value == "rect(1px,1px,1px,1px)"))
      return true;
    if (iequals(property, "clip-path") && value == "inset(50%)") return true;
    if (iequals(property, "width")) one_pixel_wide = value == "1px";
    if (iequals(property, "height")) one_pixel_high = value == "1px";
    if (iequals(property, "overflow")) overflow_hidden = value == "hidden";
  }
  return one_pixel_wide && one_pixel_high && overflow_hidden;
}

bool has_hidden_class(const xmlNode* node) {
  // Besides "hidden": text for screen readers only, kept off the screen
  // ("sr-only", Drupal's "element-invisible", Foundation's "show-for-sr").
  return has_token(
      attribute(node, "class"),
      {"hidden", "hide", "is-hidden", "d-none", "invisible", "visually-hidden", "visuallyhidden",
       "u-visually-hidden", "is-visually-hidden", "sr-only", "screen-reader-text", "screenreader-only",
       "offscreen", "h-offscreen", "element-invisible", "show-for-sr", "a11y-hidden"});
}

bool has_furniture_role(const xmlNode* node) {
  std::string_view role = attribute(node, "role");
  if (role.empty()) return false;
  for (const char* furniture : {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                                "alertdialog", "menu", "menubar", "toolbar"}) {
    if (iequals(role, furniture)) return true;
  }
  return false;
}

bool is_block_element(std::string_view name) {
  static constexpr std::array kBlocks = {
      "p",     "div",   "section", "article",    "main", "header",  "footer",     "aside",   "nav",
      "h1",    "h2",    "h3",      "h4",         "h5",   "h6",      "ul",         "ol",      "li",
      "dl",    "dt",    "dd",      "blockquote", "pre",  "figure",  "figcaption", "table",   "tr",
      "thead", "tbody", "tfoot",   "caption",    "hr",   "address", "details",    "summary", "center",
      "body",  "html",  "picture", "fieldset",   "form", "hgroup"};
  return std::any_of(kBlocks.begin(), kBlocks.end(), [&](const char* block) { return name == block; });
}

namespace {

// Whether `prefix` opens a word of `text` ("adblock" in "an adblock user",
// not in "roadblocks").
bool has_word_starting(std::string_view text, std::string_view prefix) {
  for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
    if (at == 0 || !ascii::is_alnum(text[at - 1])) return true;
  }
  return false;
}

}  // namespace

bool is_boilerplate_text(std::string_view text) {
  if (text.empty()) return false;
  static const std::vector<std::string> folded_phrases = [] {
    std::vector<std::string> out;
    out.reserve(std::size(kBoilerplate));
    for (const auto& phrase : kBoilerplate) out.push_back(fold_case(phrase.text));
    return out;
  }();
  const std::string folded = fold_case(text.substr(0, 500));
  for (std::size_t i = 0; i < kBoilerplate.size(); ++i) {
    const Phrase& phrase = kBoilerplate[i];
    if (text.size() > phrase.max_bytes) continue;
    const std::string& wanted = folded_phrases[i];
    if (phrase.whole ? folded == wanted : folded.starts_with(wanted)) return true;
  }
  // An affiliate disclosure: "Some of our stories include affiliate links. If you buy
  // something through one of these links, we may earn an affiliate commission."
  if (text.size() <= 300 && folded.find("affiliate") != std::string::npos &&
      folded.find("commission") != std::string::npos)
    return true;
  // An ad-blocker notice speaks to the reader: "Ad block users: some site
  // features may not work correctly while an ad blocker is enabled", "It
  // looks like you're using an ad blocker". A story about ad blockers speaks
  // of their users.
  if (text.size() <= 400 && (has_word_starting(folded, "ad block") || has_word_starting(folded, "adblock") ||
                             has_word_starting(folded, "ad-block"))) {
    const bool to_the_reader =
        folded.find("you") != std::string::npos || folded.starts_with("ad block users");
    if (to_the_reader) return true;
  }
  // "Found a mistake? Select the text and press Ctrl+Enter": the error
  // report widget of many Latvian, Ukrainian and Russian sites, in any
  // language, names its keys.
  if (text.size() <= 600 &&
      (folded.find("ctrl+enter") != std::string::npos || folded.find("ctrl + enter") != std::string::npos))
    return true;
  if (text.size() <= 70) {
    for (auto notice : kAdNotices) {
      if (folded.find(notice) != std::string::npos) return true;
    }
  }
  if (text.size() <= 90) {  // bytes: a Cyrillic "7 мин чтения" line is twice its ASCII length
    for (auto marker : kReadingTime) {
      if (icontains(text, marker) && text.find_first_of("0123456789") != std::string_view::npos) return true;
    }
  }
  return false;
}

bool is_comments_label(std::string_view text) {
  if (text.empty() || text.size() > 120) return false;
  // Counts and brackets around the label: "12 Comments", "Comments (3)".
  auto is_letter = [](unsigned char c) {
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t begin = 0, end = text.size();
  while (begin < end && !is_letter(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && !is_letter(static_cast<unsigned char>(text[end - 1]))) --end;
  const std::string label = fold_case(text.substr(begin, end - begin));
  static constexpr std::string_view kWhole[] = {
      "comments",      "comment",         "reader comments", "readers' comments", "discussion",
      "leave a reply", "leave a comment", "trackbacks",      "responses",         "kommentare",
      "commentaires",  "comentarios",     "коментарі",       "комментарии",       "التعليقات",
      "تعليقات",       "コメント"};
  // "3 Responses to “Post title”", "12 thoughts on “Post title”" (WordPress themes).
  // "Comments are now closed for this story": above the thread it closes.
  static constexpr std::string_view kOpening[] = {
      "responses to ", "response to ", "thoughts on ",        "comments on ",
      "replies to ",   "comments to ", "comments are closed", "comments are now closed"};
  for (std::string_view whole : kWhole) {
    if (label == whole) return true;
  }
  if (label.size() > 100) return false;
  for (std::string_view opening : kOpening) {
    if (label.starts_with(opening)) return true;
  }
  return false;
}

// Lower case with camelCase words split: "contentWithSidebar" -> "content-with-sidebar".
std::string split_camel_lower(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c >= 'A' && c <= 'Z') {
      if (i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') out += '-';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

bool is_paywalled_paragraph(const xmlNode* node) {
  return tag(node) == "p" && has_token(attribute(node, "class"), {"paywall", "paywalled"});
}

bool removable_by_class(const xmlNode* node) {
  if (is_paywalled_paragraph(node)) return false;
  auto is_penalty = [](std::string_view word) {
    return word == "widget" || word == "widgets" || word == "teaser" || word == "teasers" ||
           word == "player" || word == "paywall";
  };
  bool furniture = false;  // evidence beyond penalty words inside compound names
  for (std::string_view value : {attribute(node, "class"), attribute(node, "id")}) {
    if (value.empty()) continue;
    const std::string lower = split_camel_lower(value);
    bool says_article = false;
    for_each_word(lower, [&](std::string_view word, std::size_t start, std::size_t end) {
      // A name that also says it holds the article is never furniture
      // ("content-with-sidebar", "main-column", "article-widget-container").
      if (word == "article" || word == "body" || word == "content" || word == "main" || word == "column") {
        says_article = true;
        return false;
      }
      if (!word_in(word, kNegativeWords) || word_in(word, kMildNegativeWords)) return true;
      // The class token the word belongs to: penalty words remove only when
      // they are the whole token ("widget", not "widget-area").
      std::size_t token_start = start, token_end = end;
      while (token_start > 0 && lower[token_start - 1] != ' ') --token_start;
      while (token_end < lower.size() && lower[token_end] != ' ') ++token_end;
      if (!is_penalty(word) || token_end - token_start == word.size()) furniture = true;
      return true;
    });
    if (says_article) return false;
    for (std::string_view part : kStrongNegativeParts) {
      if (lower.find(part) != std::string::npos) furniture = true;
    }
  }
  return furniture;
}

bool names_only_navigation(const xmlNode* node) {
  bool navigation = false;
  for (std::string_view value : {attribute(node, "class"), attribute(node, "id")}) {
    if (value.empty()) continue;
    const std::string lower = split_camel_lower(value);
    for (std::string_view part : kStrongNegativeParts)
      if (lower.find(part) != std::string::npos) return false;
    bool other_furniture = false;
    for_each_word(lower, [&](std::string_view word, std::size_t, std::size_t) {
      if (!word_in(word, kNegativeWords) || word_in(word, kMildNegativeWords)) return true;
      if (word != "nav" && word != "navbar" && word != "navigation" && word != "menu" && word != "menubar") {
        other_furniture = true;
        return false;
      }
      navigation = true;
      return true;
    });
    if (other_furniture) return false;
  }
  return navigation;
}

bool names_deck(const xmlNode* node) {
  static constexpr std::string_view kDeckWords[] = {
      "abstract", "dek",      "deck",   "epigraph",    "excerpt",    "intro",   "lead",
      "lede",     "sapo",     "chapo",  "standfirst",  "strapline",  "subline", "subtitle",
      "summary",  "synopsis", "teaser", "subheadline", "description"};
  for (std::string_view value : {attribute(node, "class"), attribute(node, "id")}) {
    if (value.empty()) continue;
    bool deck = false;
    for_each_word(split_camel_lower(value), [&](std::string_view word, std::size_t, std::size_t) {
      deck = word_in(word, kDeckWords);
      return !deck;
    });
    if (deck) return true;
  }
  return false;
}

bool is_quoted_post(const xmlNode* node) {
  if (tag(node) != "blockquote" || node->properties == nullptr) return false;
  const std::string_view value = attribute(node, "class");
  return icontains(value, "twitter-tweet") || icontains(value, "bluesky-embed") ||
         icontains(value, "mastodon-embed") || icontains(value, "threads-post");
}

// A class name that joins a picture word and a description word in one
// token ("detail-img__description", "gallery__desc", "image-legend"): the text under a picture, named in the
// site's own terms. A text-with-picture module holding the story's paragraphs is kept by the caller
// (holds_story_paragraphs).
bool describes_picture(std::string_view lower_classes) {
  static constexpr std::string_view kPicture[] = {"img",     "image", "images",  "photo", "photos",
                                                  "picture", "pic",   "gallery", "foto",  "bild"};
  // Not "text": "photo-text" modules set a picture beside a story paragraph.
  static constexpr std::string_view kDescription[] = {"description", "desc", "legend", "legende", "subline"};
  std::size_t i = 0;
  while (i < lower_classes.size()) {
    while (i < lower_classes.size() && ascii::is_space(lower_classes[i])) ++i;
    const std::size_t start = i;
    while (i < lower_classes.size() && !ascii::is_space(lower_classes[i])) ++i;
    const std::string_view token = lower_classes.substr(start, i - start);
    bool picture = false, description = false;
    std::size_t j = 0;
    while (j < token.size()) {
      while (j < token.size() && !is_alnum(token[j])) ++j;
      const std::size_t word_start = j;
      while (j < token.size() && is_alnum(token[j])) ++j;
      const std::string_view word = token.substr(word_start, j - word_start);
      if (word.empty()) break;
      picture = picture || word_in(word, kPicture);
      description = description || word_in(word, kDescription);
    }
    if (picture && description) return true;
  }
  return false;
}

bool is_caption(const xmlNode* node) {
  const std::string_view name = tag(node);
  if (name == "figcaption") return true;
  if (node->properties == nullptr) return false;
  for (std::string_view value : {attribute(node, "class"), attribute(node, "id")}) {
    if (value.empty() || value.size() > 200) continue;
    // camelCase names split: "imageCaption", "cnnArticleGalleryCaptionControlText".
    const std::string lower = split_camel_lower(value);
    std::string_view previous;
    bool caption = false;
    for_each_word(lower, [&](std::string_view word, std::size_t, std::size_t) {
      // "no-caption", "without_caption": a box that says it has none (a
      // story item whose picture goes uncaptioned), not a caption. Nor is
      // one that says it holds one ("hasCaption", "with-caption": Dagbladet's
      // article header, around the headline, the deck and the captioned
      // lead picture).
      const bool negated =
          previous == "no" || previous == "without" || previous == "has" || previous == "with";
      if (!negated && (word == "caption" || word == "captions" || word == "credit" || word == "credits" ||
                       word == "figcaption" || word == "photocredit" || word == "imagecredit" ||
                       word == "bildunterschrift" || word == "bildtext" || word == "bildautor" ||
                       word == "bildnachweis" || word == "fotocredit" || word == "legende")) {
        caption = true;
        return false;
      }
      previous = word;
      return true;
    });
    if (caption || describes_picture(lower)) return true;
  }
  return false;
}

// "3 of 12" in the corpus languages.
constexpr std::string_view kCounterWords[] = {"of", "von", "sur", "de", "з", "із", "из"};

bool is_gallery_counter(std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  auto number = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  // An optional label word: "Image", "Photo", "Slide", "Bild", "Фото".
  if (!(text[0] >= '0' && text[0] <= '9')) {
    while (i < text.size() && text[i] != ' ') ++i;
    skip_space();
  }
  if (!number()) return false;
  skip_space();
  const std::string_view rest = text.substr(i);
  if (rest.starts_with("/")) {
    ++i;
  } else if (std::any_of(std::begin(kCounterWords), std::end(kCounterWords), [&](std::string_view word) {
               return istarts_with(rest, word) && (rest.size() == word.size() || rest[word.size()] == ' ');
             })) {
    while (i < text.size() && text[i] != ' ') ++i;
  } else {
    return false;
  }
  skip_space();
  if (!number()) return false;
  skip_space();
  return i == text.size();
}

namespace {

// Reads "[h:]mm:ss" or "m:ss" at `i`, moving `i` past it.
bool read_clock(std::string_view text, std::size_t& i) {
  auto digits = [&](std::size_t most) {
    const std::size_t start = i;
    while (i < text.size() && i - start < most && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (digits(2) == 0) return false;
  int fields = 0;
  while (i < text.size() && text[i] == ':') {
    ++i;
    if (digits(2) != 2) return false;
    ++fields;
  }
  return fields >= 1 && fields <= 2;
}

}  // namespace

bool is_running_time(std::string_view text) {
  text = ascii::trim_html(text);
  std::size_t i = 0;
  return read_clock(text, i) && i == text.size();
}

bool is_player_clock(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (text.empty() || text.size() > 24) return false;
  std::size_t i = 0;
  auto clock = [&] { return read_clock(text, i); };
  const bool remaining = text[0] == '-';
  if (remaining) ++i;
  const std::size_t first = i;
  if (!clock()) return false;
  if (i == text.size()) return remaining || text.substr(first) == "0:00" || text.substr(first) == "00:00";
  while (i < text.size() && text[i] == ' ') ++i;
  if (i == text.size() || text[i] != '/') return false;
  ++i;
  while (i < text.size() && text[i] == ' ') ++i;
  return clock() && i == text.size();
}

bool looks_like_byline(std::string_view text) {
  if (text.size() > 160) return false;
  for (std::string_view prefix : {"By ", "by ", "BY ", "Von ", "Par ", "Por ", "Автор", "Від ", "От ",
                                  "Written by", "Words by", "Text:", "Текст:", "文・", "بقلم"}) {
    if (text.rfind(prefix, 0) == 0) return true;
  }
  // A label and a colon: "Autori: Anna Ūdre" (Latvian), "Autor: ..." (German,
  // Polish, Czech, Spanish), "Auteur : ...".
  const std::size_t colon = text.find(':');
  // (A bare "Author:" labels the author's box below a post, its bio the post's.)
  if (colon == std::string_view::npos || colon > 10 || ascii::trim(text.substr(colon + 1)).empty())
    return false;
  const std::string label = fold_case(ascii::trim(text.substr(0, colon)));
  for (std::string_view known : {"author", "authors", "autor", "autori", "autoren", "autorzy", "autore",
                                 "auteur", "auteurs", "autorin", "autorka"}) {
    if (label == known) return true;
  }
  return false;
}

bool is_consent_label(std::string_view text) {
  if (text.size() > 60) return false;
  const std::string folded = fold_case(text);
  for (std::string_view label :
       {"empfohlener externer inhalt", "empfohlener redaktioneller inhalt", "externer inhalt",
        "contenu externe", "external content", "recommended external content", "third-party content",
        // ZDF's and ARD's placeholder for a chart or a video held back until the reader consents.
        "ein klick für den datenschutz"}) {
    if (folded == label) return true;
  }
  return false;
}

bool is_call_to_action(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // A lead-in ("Sign up for the webinars below:") introduces what follows.
  if (text.size() > 220 || text.empty() || text.back() == ':') return false;
  // Only bids about the site's own machinery: an author's question to the
  // readers ("Let us know in the comments", "Sound off below!") is the
  // story's own closing line, and the corpus gold keeps it.
  static constexpr std::string_view kBids[] = {
      "sign up",   "subscribe", "share this", "scroll down",  "join our",
      "follow us", "follow me", "like us on", "download our", "get our",
  };
  const std::string folded = fold_case(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    while (start < folded.size() && (folded[start] == ' ' || folded[start] == '"')) ++start;
    const std::string_view rest = std::string_view(folded).substr(start);
    for (std::string_view bid : kBids) {
      if (rest.starts_with(bid)) return true;
    }
    // The next sentence: after . ! ? or a dash set between spaces.
    std::size_t next = std::string::npos;
    for (std::string_view end : {". ", "! ", "? ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      const std::size_t at = folded.find(end, start);
      if (at != std::string::npos && (next == std::string::npos || at + end.size() < next))
        next = at + end.size();
    }
    if (next == std::string::npos) break;
    start = next;
  }
  return false;
}

bool ends_like_sentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  // A magazine's end mark after the last sentence ("... time left. ♦"):
  // ♦ ◆ ■ ∎.
  for (std::string_view mark : {"\xE2\x99\xA6", "\xE2\x97\x86", "\xE2\x96\xA0", "\xE2\x88\x8E"}) {
    if (text.ends_with(mark)) {
      text.remove_suffix(mark.size());
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
      break;
    }
  }
  // A footnote mark after the sentence ("... a new library.1", "... in
  // 1921.[3]", "... said.*"): up to three digits, or a bracketed mark, after
  // sentence punctuation that follows no digit ("version 2.1" is no
  // sentence's end).
  {
    std::string_view body = text;
    if (body.ends_with("]")) {
      const std::size_t open = body.rfind('[');
      if (open != std::string_view::npos && body.size() - open <= 6) body = body.substr(0, open);
    } else if (body.ends_with("*") || body.ends_with("\xE2\x80\xA0")) {  // * †
      body.remove_suffix(body.ends_with("*") ? 1 : 3);
    } else {
      std::size_t digits = 0;
      while (digits < body.size() && digits < 4 && body[body.size() - 1 - digits] >= '0' &&
             body[body.size() - 1 - digits] <= '9')
        ++digits;
      if (digits <= 3) body.remove_suffix(digits);
    }
    // A mark set apart by a space ("... said. [3]", "... well-established. 1"),
    // but not a date's day after a month's abbreviation ("Posted Jan. 5").
    if (body.size() < text.size() && body.ends_with(' ')) {
      while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
      std::size_t word = 0;
      while (word + 1 < body.size() && ascii::is_alpha(body[body.size() - 2 - word])) ++word;
      if (text.back() >= '0' && text.back() <= '9' && word < 5) body = text;
    }
    if (body.size() < text.size() && body.size() >= 2) {
      const char mark = body.back();
      const char before = body[body.size() - 2];
      if ((mark == '.' || mark == '!' || mark == '?') && !(before >= '0' && before <= '9')) text = body;
    }
  }
  for (std::string_view closing : {"\"", ")", "'", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) {
    if (text.ends_with(closing)) text.remove_suffix(closing.size());
  }
  if (text.empty()) return false;
  const char last = text.back();
  return last == '.' || last == '!' || last == '?' || text.ends_with("\xE2\x80\xA6") ||
         text.ends_with("\xE3\x80\x82") || text.ends_with("\xD8\x9F");  // … 。 ؟
}

// The site of an absolute or scheme-relative URL, lower case: its host's
// last two labels ("software.example.com" and "news.example.com" are one
// site), three under a country's second level ("example.co.uk": a two-letter
// top level below a label of up to three letters; an approximation of the
// public suffix list that holds for the common cases). Empty for a relative
// URL.
std::string url_site(std::string_view url) {
  std::size_t start = url.find("//");
  if (start == std::string_view::npos) return {};
  const std::string_view scheme = url.substr(0, start);
  if (!(scheme.empty() || iequals(scheme, "http:") || iequals(scheme, "https:"))) return {};
  start += 2;
  const std::size_t end = url.find_first_of("/?#:", start);
  std::string host =
      ascii_lower(url.substr(start, end == std::string_view::npos ? url.size() - start : end - start));
  const std::size_t last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  std::size_t cut = host.rfind('.', last - 1);
  const std::size_t second_start = cut == std::string::npos ? 0 : cut + 1;
  if (host.size() - last - 1 == 2 && last - second_start <= 3 && cut != std::string::npos && cut > 0)
    cut = host.rfind('.', cut - 1);
  return cut == std::string::npos ? host : host.substr(cut + 1);
}

}  // namespace feeds::extract_detail
