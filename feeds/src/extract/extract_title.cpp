#include "extract/extract_title.h"

#include <algorithm>
#include <array>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/dates.h"
#include "feeds/text.h"
#include "feeds/url.h"

namespace feeds::extract_detail {

namespace {

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
  // Bullets some themes set between the headline and the site's name.
  static constexpr std::array kBullets = {std::string_view("●"), std::string_view("■"), std::string_view("◆"),
                                          std::string_view("♦")};
  for (auto mark : kBullets) {
    if (title.substr(at, mark.size()) == mark) return mark.size();
  }
  // "Headline (from The Site)": an opening bracket too, when the page shows
  // the rest alone (the closing one belongs to the part it ends).
  if (title[at] == '(') return 1;
  return 0;
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
    const std::string_view part = ascii::trim(title.substr(part_begin(k), part_end(k) - part_begin(k)));
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
      const std::string_view run = ascii::trim(title.substr(begin, end - begin));
      if (run.size() <= best_text.size() && run.size() <= best_heading.size()) continue;
      if (run.size() == title.size() || !long_enough(begin, end, run)) continue;
      const std::string key = shown_key(run);
      if (run.size() > best_heading.size() && shown.headings.contains(key)) best_heading = run;
      if (run.size() > best_text.size() && shown.texts.contains(key)) best_text = run;
    }
  }
  return std::string(best_heading.empty() ? best_text : best_heading);
}

// The heading a <title> begins with when no run of its parts is shown: a
// <title> cut short by the site's length limit ("Headline cut - Site" for
// the heading "Headline cut here"), or one whose site's name is glued to
// the headline without a space or mark ("Headline wordsSiteName"). The
// words kept must be four or more, and the heading at most twice as long
// as the cut part: a sidebar's longer story that begins with the same
// words is another story. Empty when there is none.
std::string heading_at_start_of_title(std::string_view title, const ShownTexts& shown,
                                      std::string_view site_name, std::string_view host_key) {
  if (shown.heading_forms.empty()) return {};
  // A <title> the page shows whole is the headline as it stands.
  const std::string whole = shown_key(title);
  if (shown.headings.contains(whole) || shown.texts.contains(whole)) return {};
  const std::string title_key = typography_key(title);
  // A site's name glued to the headline: what follows the heading names the site.
  for (const auto& [key, form] : shown.heading_forms) {
    if (key.size() >= title_key.size() || !title_key.starts_with(key) || word_count(key) < 4) continue;
    const std::string_view rest = trim_marks(std::string_view(title_key).substr(key.size()));
    if (!rest.empty() && names_site(rest, site_name, host_key)) return form;
  }
  // A headline cut short before the site's words: the cut part begins a heading.
  for (std::size_t at = 0; at < title.size(); ++at) {
    const std::size_t length = title_mark_length(title, at);
    if (length == 0) continue;
    const std::string_view cut = trim_marks(title.substr(0, at));
    if (word_count(cut) < 4) continue;
    const std::string cut_key = typography_key(cut) + ' ';
    for (const auto& [key, form] : shown.heading_forms) {
      if (key.starts_with(cut_key) && key.size() <= 2 * cut_key.size()) return form;
    }
  }
  return {};
}

namespace {

// Whether a title's tail after a dash reads as words of a sentence rather
// than a name: two or more of its words begin in lower case and are not
// the small words names hold ("of", "de", "und") nor words for news ("news",
// "online"). "so teuer wird sie", "så kom sjokkvendingen", "here's how to
// check" read so; "Daily Mail Online", "Journal of Commerce", "waz.de" do not.
bool reads_as_clause(std::string_view tail) {
  static constexpr std::string_view kNameWords[] = {
      "of",     "the",         "and",     "for",      "de",     "des",     "du",      "la",        "le",
      "les",    "el",          "los",     "del",      "di",     "da",      "do",      "dos",       "das",
      "der",    "die",         "den",     "und",      "van",    "von",     "am",      "im",        "on",
      "in",     "at",          "a",       "an",       "y",      "e",       "et",      "en",        "og",
      "och",    "news",        "online",  "live",     "today",  "updates", "blog",    "magazine",  "daily",
      "weekly", "nachrichten", "aktuell", "noticias", "nieuws", "nyheter", "nyheder", "actualités"};
  int clause_words = 0;
  std::size_t at = 0;
  while (at < tail.size()) {
    while (at < tail.size() && tail[at] == ' ') ++at;
    const std::size_t start = at;
    while (at < tail.size() && tail[at] != ' ') ++at;
    const std::string_view word = tail.substr(start, at - start);
    if (word.empty() || !(word.front() >= 'a' && word.front() <= 'z')) continue;
    // A domain ("waz.de") is a name.
    if (word.find('.') != std::string_view::npos && word.back() != '.') continue;
    std::string_view bare = word;
    while (!bare.empty() && !ascii::is_alpha(bare.back()) && static_cast<unsigned char>(bare.back()) < 0x80)
      bare.remove_suffix(1);
    if (std::none_of(std::begin(kNameWords), std::end(kNameWords),
                     [&](std::string_view name_word) { return bare == name_word; }))
      ++clause_words;
  }
  return clause_words >= 2;
}

}  // namespace

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

// The letters and digits of `text`, case kept (other scripts' letters as
// their bytes): two spellings of one headline that differ only in quotes,
// dashes, ellipses and spacing have the same.
std::string alphanumerics(std::string_view text) {
  static constexpr std::array kTypographic = {
      std::string_view("\u00A0"), std::string_view("–"), std::string_view("—"), std::string_view("‘"),
      std::string_view("’"),      std::string_view("“"), std::string_view("”"), std::string_view("…")};
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const auto typographic =
        std::find_if(kTypographic.begin(), kTypographic.end(),
                     [&](std::string_view mark) { return text.substr(at).starts_with(mark); });
    if (typographic != kTypographic.end()) {
      at += typographic->size();
      continue;
    }
    if (ascii::is_alnum(text[at]) || static_cast<unsigned char>(text[at]) >= 0x80) out += text[at];
    ++at;
  }
  return out;
}

}  // namespace

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

std::string typography_key(std::string_view text) {
  std::string spelled(text);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kSpelled = {
      {{"\u00A0", " "}, {"…", "..."}}};
  for (const auto& [fancy, plain_form] : kSpelled) {
    for (auto at = spelled.find(fancy); at != std::string::npos;
         at = spelled.find(fancy, at + plain_form.size()))
      spelled.replace(at, fancy.size(), plain_form);
  }
  const std::string key = shown_key(spelled);
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '\'' || c == '"') continue;
    if (c == '-') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty() && out.back() == '-') continue;
    } else if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '-')) {
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void add_heading_form(ShownTexts& shown, std::string_view text) {
  if (shown.heading_forms.size() >= 256 || text.size() < 8 || text.size() > 1000) return;
  std::string form = collapse_whitespace(text);
  if (form.size() < 8 || form.size() > 400) return;
  shown.heading_forms.emplace(typography_key(form), std::move(form));
}

std::string visible_form_of_title(std::string_view title, const ShownTexts& shown) {
  if (shown.heading_forms.empty() || title.empty()) return std::string(title);
  const auto found = shown.heading_forms.find(typography_key(title));
  // Only the punctuation and the letters' case may differ, never the
  // words; and a heading set in capitals is styled, not the headline's case
  // (the <title>'s "Aidy Recalls Big Guns" is the page's "Aidy recalls big
  // guns", not its "AIDY RECALLS BIG GUNS").
  if (found == shown.heading_forms.end()) return std::string(title);
  const std::string shown_letters = alphanumerics(found->second), title_letters = alphanumerics(title);
  const bool lower_case_shown =
      std::any_of(shown_letters.begin(), shown_letters.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!iequals(shown_letters, title_letters) || (shown_letters != title_letters && !lower_case_shown))
    return std::string(title);
  return found->second;
}

PageLocation page_location(std::string_view url) {
  url = ascii::trim(url);
  if (const auto fragment = url.find('#'); fragment != std::string_view::npos) url = url.substr(0, fragment);
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos || !istarts_with(url, "http")) return {};
  std::string_view rest = url.substr(scheme + 3);
  const auto path_at = rest.find_first_of("/?");
  PageLocation location;
  location.host = ascii_lower(rest.substr(0, path_at));
  if (location.host.starts_with("www.")) location.host.erase(0, 4);
  std::string_view path = path_at == std::string_view::npos ? std::string_view() : rest.substr(path_at);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  location.path = ascii_lower(path);
  return location;
}

bool links_to_page(std::string_view href, const PageLocation& location) {
  href = ascii::trim(href);
  if (location.path.empty() || href.empty() || href.find('#') != std::string_view::npos) return false;
  // Most links lead elsewhere: passed over before any copy.
  if (!icontains(href, location.path)) return false;
  if (href.starts_with("//")) {
    const PageLocation target = page_location(std::string("http:") + std::string(href));
    return target.host == location.host && target.path == location.path;
  }
  if (href.find("://") != std::string_view::npos) {
    const PageLocation target = page_location(href);
    return target.host == location.host && target.path == location.path;
  }
  if (!href.starts_with('/')) return false;
  while (!href.empty() && href.back() == '/') href.remove_suffix(1);
  return ascii_lower(href) == location.path;
}

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

void add_shown(std::unordered_set<std::string>& set, std::string_view text) {
  if (set.size() >= 4096 || text.size() < 8) return;
  std::string key = shown_key(text);
  if (key.size() >= 8 && key.size() <= 400) set.insert(std::move(key));
}

bool inside_link(const xmlNode* node) {
  for (const xmlNode* up = node->parent; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    if (tag(up) == "a") return true;
  }
  return false;
}

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

std::string host_name_key(std::string_view url) {
  if (url.find("://") == std::string_view::npos) return {};
  const std::string site = url_site(url);
  const std::size_t dot = site.find('.');
  if (dot == std::string::npos || dot == 0) return {};  // a bare host ("localhost") names no site
  return name_key(std::string_view(site).substr(0, dot));
}

bool names_site(std::string_view part, std::string_view site_name, std::string_view host_key) {
  if (!site_name.empty() && iequals(part, site_name)) return true;
  if (host_key.size() < 3 || part.size() > 60) return false;
  const std::string key = name_key(part);
  if (key.empty()) return false;
  return key == host_key || (key.size() >= 3 && host_key.find(key) != std::string::npos) ||
         (key.starts_with(host_key) && key.size() <= host_key.size() + 8);
}

std::string headline_beside_masthead_h1(std::string_view html_title, std::string_view h1,
                                        const std::vector<std::string>& headings) {
  if (h1.empty() || html_title.size() <= h1.size()) return {};
  const auto shown_as_heading = [&](std::string_view side) {
    return std::any_of(headings.begin(), headings.end(),
                       [&](const std::string& heading) { return iequals(heading, side); });
  };
  static constexpr std::array kSeparators = {
      std::string_view(" | "), std::string_view(" - "), std::string_view(" — "), std::string_view(" – "),
      std::string_view(" :: "), std::string_view(" · "), std::string_view(" « "), std::string_view(" » "),
      std::string_view(": "),
      // Chinese and Japanese titles join their parts with no space: "标题_栏目_网站名".
      std::string_view("_"), std::string_view("｜")};
  for (auto separator : kSeparators) {
    for (auto at = html_title.find(separator); at != std::string_view::npos && at != 0;
         at = html_title.find(separator, at + 1)) {
      const std::string_view head = html_title.substr(0, at);
      const std::string_view tail = html_title.substr(at + separator.size());
      if (iequals(tail, h1) && head.size() > tail.size()) {
        if (shown_as_heading(head)) return std::string(head);
        // "Headline_Section_Site": the headline is the head's first part.
        if (const auto first = head.find(separator);
            first != std::string_view::npos && first > 0 && shown_as_heading(head.substr(0, first)))
          return std::string(head.substr(0, first));
      }
      if (iequals(head, h1) && tail.size() > head.size() && shown_as_heading(tail)) return std::string(tail);
    }
  }
  return {};
}

bool title_may_be_label(std::string_view title, bool declared, std::string_view site_name,
                        std::string_view host_key) {
  if (title.empty() || names_site(title, site_name, host_key)) return true;
  if (host_key.size() >= 4 && name_key(title).starts_with(host_key)) return true;
  // A title the page declares (og:title, JSON-LD headline) is its own word
  // on the story, however short; a short <title> or h1 may be a label.
  return !declared && word_count(title) <= 4;
}

std::string strip_site_from_title(std::string_view title_text, std::string_view site_name,
                                  std::string_view url, const ShownTexts* shown) {
  std::string title = collapse_whitespace(title_text);
  const std::string host_key = host_name_key(url);
  if (shown != nullptr) {
    if (std::string part = shown_part_of_title(title, *shown, site_name, host_key); !part.empty())
      return part;
    if (std::string heading = heading_at_start_of_title(title, *shown, site_name, host_key); !heading.empty())
      return heading;
    // The page's headline shows the title whole ("Headline – das erwarten
    // wir" as the h1 too): nothing in it is the site's.
    if (shown->headings.contains(shown_key(title))) return title;
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
    // A head that ends in a colon ("Headline: – Quote") is cut mid-sentence,
    // and a tail that reads as a clause ("– so teuer wird sie", "- here's how
    // to check") is the headline's own second part, not a site or section.
    if (names_site(tail, site_name, host_key) ||
        (separator != ": " && tail.size() * 2 < at && tail.size() < 40 &&
         !ascii::trim(std::string_view(title).substr(0, at)).ends_with(':') && !reads_as_clause(tail))) {
      return std::string(std::string_view(title).substr(0, at));
    }
  }
  // "Headline:Site", "見出し｜サイト名", "見出し：サイト名": Chinese and Japanese
  // titles set the mark with no space, and full-width forms; the tail goes
  // only when it names the site (a declared name, or the host's).
  static constexpr std::array kUnspacedMarks = {std::string_view(":"),  std::string_view("|"),
                                                std::string_view("："), std::string_view("｜"),
                                                std::string_view("_"),  std::string_view("／")};
  for (auto mark : kUnspacedMarks) {
    auto at = title.rfind(mark);
    if (at == std::string::npos || at == 0) continue;
    std::string_view head = ascii::trim(std::string_view(title).substr(0, at));
    std::string_view tail = ascii::trim(std::string_view(title).substr(at + mark.size()));
    if (!head.empty() && !tail.empty() && tail.size() < head.size() && names_site(tail, site_name, host_key))
      return std::string(head);
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

}  // namespace feeds::extract_detail

namespace feeds::extract_detail {

namespace {

// The words a feed's title adds to the site's name: the format, its
// version, and "Posts on ..." (never "Comments": a post's comment feed
// names the post).
bool feed_word(std::string_view word) {
  static constexpr std::array kWords = {
      std::string_view("rss"),   std::string_view("atom"),  std::string_view("feed"),
      std::string_view("feeds"), std::string_view("posts"), std::string_view("entries"),
      std::string_view("on"),    std::string_view("xml"),   std::string_view("rdf")};
  if (std::any_of(kWords.begin(), kWords.end(), [&](std::string_view known) { return iequals(word, known); }))
    return true;
  // A version ("2.0", ".92") or a joining mark alone ("»", "-").
  return std::all_of(word.begin(), word.end(), [](char c) { return ascii::is_digit(c) || c == '.'; }) ||
         trim_marks(word).empty();
}

// A word without the quotes and brackets around it: "'Virtual" -> "Virtual", "(RSS" -> "RSS".
std::string_view bare_word(std::string_view word) {
  static constexpr std::string_view kAround = "'\"()[]";
  while (!word.empty() && kAround.find(word.front()) != std::string_view::npos) word.remove_prefix(1);
  while (!word.empty() && kAround.find(word.back()) != std::string_view::npos) word.remove_suffix(1);
  for (std::string_view quote : {"‘", "’", "“", "”"}) {
    if (word.starts_with(quote)) word.remove_prefix(quote.size());
    if (word.ends_with(quote)) word.remove_suffix(quote.size());
  }
  return word;
}

}  // namespace

std::string feed_site_name(std::string_view feed_title) {
  const std::string collapsed = collapse_whitespace(feed_title);
  std::string_view name = collapsed;
  // Feed words off both ends, one word at a time.
  for (bool trimmed = true; trimmed && !name.empty();) {
    trimmed = false;
    const std::size_t first_end = name.find(' ');
    const std::string_view first = name.substr(0, first_end);
    if (const std::string_view word = bare_word(first); word.empty() || feed_word(word)) {
      name = first_end == std::string_view::npos ? std::string_view() : name.substr(first_end + 1);
      trimmed = true;
      continue;
    }
    const std::size_t last_begin = name.rfind(' ');
    if (last_begin == std::string_view::npos) break;
    if (const std::string_view word = bare_word(name.substr(last_begin + 1));
        word.empty() || feed_word(word)) {
      name = name.substr(0, last_begin);
      trimmed = true;
    }
  }
  name = bare_word(ascii::trim(name));
  // Nothing was a feed's word: a feed titled with the site's name alone is
  // as common, but so is one titled with anything at all.
  if (name.size() < 2 || name.size() > 100 || name.size() == collapsed.size()) return {};
  return std::string(name);
}

std::string masthead_text(xmlNode* element) {
  const std::string_view name = tag(element);
  if (name == "a") {
    if (!has_token(attribute(element, "rel"), {"home"})) return {};
    return collapse_whitespace(text_content(element));
  }
  if (name != "h1") return {};
  bool site_marked = false;
  for (std::string_view site : {"site", "blog", "logo", "brand", "masthead", "banner"}) {
    site_marked = site_marked || icontains(attribute(element, "class"), site) ||
                  icontains(attribute(element, "id"), site);
  }
  // (An <a> without an href, or with an empty one, leads nowhere: a
  // headline's anchor, not a link home.)
  bool empty_link = false;
  walk(element, [&](xmlNode* node) {
    if (tag(node) == "a" && ascii::trim(attribute(node, "href")).empty()) empty_link = true;
    return is_element(node);
  });
  if (empty_link) return {};
  if (!masthead_h1(element)) {
    // Wholly a link, to wherever the blog's root is.
    bool unlinked_text = false, linked = false;
    walk(element, [&](xmlNode* node) {
      if (node->type == XML_TEXT_NODE && node->content != nullptr &&
          !collapse_whitespace(as_view(node->content)).empty())
        unlinked_text = true;
      if (tag(node) == "a") {
        linked = true;
        return false;
      }
      return is_element(node);
    });
    if (!site_marked || unlinked_text || !linked) return {};
  }
  std::string text = collapse_whitespace(text_content(element));
  return text.size() <= 120 ? text : std::string();
}

bool og_describes_home_page(std::string_view og_url, std::string_view page_url) {
  og_url = ascii::trim(og_url);
  page_url = ascii::trim(page_url);
  if (og_url.find("://") == std::string_view::npos || page_url.find("://") == std::string_view::npos)
    return false;
  return links_home(og_url) && !links_home(page_url);
}

bool names_shown_site(std::string_view title, std::span<const std::string> names) {
  const std::string key = shown_key(title);
  return !key.empty() && std::any_of(names.begin(), names.end(),
                                     [&](const std::string& name) { return shown_key(name) == key; });
}

std::string without_shown_site_name(std::string_view title_text, std::span<const std::string> names,
                                    bool at_end_only) {
  const std::string title = collapse_whitespace(title_text);
  for (const std::string& name_text : names) {
    const std::string name = collapse_whitespace(name_text);
    if (name.size() < 3 || name.size() >= title.size()) continue;
    // "Name: rest", "Name - rest", "rest | Name": a mark between them.
    std::string_view rest;
    if (!at_end_only && istarts_with(title, name)) {
      std::string_view after = std::string_view(title).substr(name.size());
      bool marked = false;
      while (!after.empty()) {
        const std::size_t length = after.front() == ' ' ? 1 : title_mark_length(after, 0);
        if (length == 0) break;
        marked = marked || after.front() != ' ';
        after.remove_prefix(length);
      }
      if (marked) rest = after;
    } else if (iequals(std::string_view(title).substr(title.size() - name.size()), name)) {
      std::string_view before = std::string_view(title).substr(0, title.size() - name.size());
      bool marked = false;
      for (bool trimmed = true; trimmed && !before.empty();) {
        trimmed = false;
        for (std::size_t length = 1; length <= 3 && length <= before.size(); ++length) {
          if ((length == 1 && before.back() == ' ') ||
              title_mark_length(before, before.size() - length) == length) {
            marked = marked || before.back() != ' ';
            before.remove_suffix(length);
            trimmed = true;
            break;
          }
        }
      }
      // A mark left at the front goes too ("» Post :: Blog").
      while (marked && !before.empty()) {
        const std::size_t length = before.front() == ' ' ? 1 : title_mark_length(before, 0);
        if (length == 0) break;
        before.remove_prefix(length);
      }
      if (marked) rest = before;
    }
    if (!rest.empty() && !names_shown_site(rest, names)) return std::string(rest);
  }
  return {};
}

}  // namespace feeds::extract_detail
