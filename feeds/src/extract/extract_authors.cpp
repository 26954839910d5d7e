#include "extract/extract_authors.h"

#include <algorithm>
#include <array>

#include "extract/extract_dates.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_title.h"
#include "feeds/dates.h"
#include "feeds/text.h"
#include "feeds/url.h"

namespace feeds::extract_detail {

namespace {

// A class or id word that names a comment thread, one comment or a box of
// them ("comments", "commentlist", "comment-meta", "c-comments",
// "most_commented"): names, dates and links there are the readers', not the
// post's. Not the post's state or counters ("comments-open", "comment-count",
// "comment-link", "comment-status", a byline bar's
// "by-line-comments-views-date").
bool names_comments(std::string_view list) {
  return any_token(list, [](std::string_view token) {
    if (!icontains(token, "comment") || is_word_style_class(token)) return false;
    for (std::string_view state : {"open", "closed", "count", "link", "status", "views"})
      if (icontains(token, state)) return false;
    return true;
  });
}

bool word_in(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view entry) { return iequals(word, entry); });
}

// The words of a job title ("Jane Doe, Staff Writer", "Group Product
// Manager"): a name part holding one is a title, not a person.
bool is_job_title_word(std::string_view word) {
  return word_in(word, {"editor",  "writer",    "reporter",    "correspondent", "columnist",  "contributor",
                        "manager", "director",  "producer",    "photographer",  "engineer",   "intern",
                        "analyst", "scientist", "founder",     "co-founder",    "strategist", "president",
                        "officer", "chairman",  "professor",   "consultant",    "specialist", "evangelist",
                        "partner", "redakteur", "redakteurin", "journaliste",   "redactor"});
}

// Words of labels that author-marked links and boxes carry instead of a
// name ("Google profile", "View all posts", "About Me"), and of the
// web-design credits some pages give as their meta author.
bool is_label_word(std::string_view word) {
  return word_in(word, {"profile",       "posts",     "about",     "view",        "more",      "follow",
                        "contact",       "subscribe", "email",     "e-mail",      "share",     "admin",
                        "administrator", "webmaster", "anonymous", "guest",       "archive",   "search",
                        "permalink",     "reply",     "login",     "register",    "rights",    "reserved",
                        "copyright",     "design",    "designs",   "interactive", "webdesign", "solutions",
                        "technologies",  "inc",       "llc",       "ltd",         "gmbh",      "limited"});
}

// Lower-case words a person's name may hold ("Ludwig van Beethoven").
bool is_name_particle(std::string_view word) {
  return word_in(word, {"de",  "da",  "di", "du", "del", "della", "der", "den", "van", "von", "la",  "le",
                        "bin", "ibn", "al", "el", "y",   "e",     "ten", "ter", "dos", "das", "st.", "zu"});
}

// The page's language's primary subtag, lower case ("es-MX" -> "es").
std::string primary_language(std::string_view language) {
  return ascii_lower(language.substr(0, language.find_first_of("-_")));
}

// The words that join a byline's names: "and", "&", the comma, and the
// page's own language's "and" ("Por Ana Gómez y Luis Pérez"). A lead that
// only one language uses (Spanish and Portuguese "Por", French "Par", German
// "Von") brings its joint without the page saying its language; "y" and "e"
// stay name particles elsewhere ("José Ortega y Gasset" in an English page).
std::vector<std::string_view> name_joints(std::string_view lead, std::string_view language) {
  std::vector<std::string_view> joints = {" and ", " AND ", " & ", ", "};
  const std::string primary = primary_language(language);
  while (!lead.empty() && !ascii::is_alpha(lead.back())) lead.remove_suffix(1);
  const auto last_space = lead.rfind(' ');
  const std::string_view word = last_space == std::string_view::npos ? lead : lead.substr(last_space + 1);
  const auto lead_is = [&](std::string_view lead_word) {
    return word == lead_word || iequals(word, lead_word);
  };
  if (primary == "es" || lead_is("por")) joints.push_back(" y ");
  if (primary == "pt" || primary == "it" || lead_is("por")) joints.push_back(" e ");
  if (primary == "fr" || lead_is("par")) joints.push_back(" et ");
  if (primary == "de" || lead_is("von")) joints.push_back(" und ");
  if (primary == "nl") joints.push_back(" en ");
  if (primary == "da" || primary == "nb" || primary == "nn" || primary == "no") joints.push_back(" og ");
  if (primary == "sv") joints.push_back(" och ");
  return joints;
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return ascii::is_space(c); });
}

// Whether an element shows no text: an icon link, an empty span. (Bounded:
// a big element with text returns at its first word.)
bool shows_no_text(xmlNode* element) {
  bool shown = false;
  walk(element, [&](xmlNode* node) {
    if (shown) return false;
    if (node->type == XML_TEXT_NODE && !blank(as_view(node->content))) shown = true;
    return !shown && (node == element || is_element(node));
  });
  return !shown;
}

bool is_inline_wrapper(std::string_view name) {
  return name == "strong" || name == "b" || name == "em" || name == "i" || name == "span" || name == "font";
}

// A newsroom's name after a reporter's ("Jane Doe, NBC News", "Jane Doe,
// IDG News Service"): its last word says what it is.
bool names_newsroom(std::string_view title) {
  const auto space = title.rfind(' ');
  if (space == std::string_view::npos) return false;
  return word_in(title.substr(space + 1), {"news", "press", "wire", "agency"}) ||
         icontains(title, "news service");
}

// A list of names wrapped by the markup's source inside its last name
// ("JANE DOE and JOHN\nROE"): the line ends in a joint and one word, and the
// next line is one word. The list made whole, or empty when `line` is not so
// cut (a name of two words then an affiliation on the next line stays apart).
std::string joined_wrapped_name(std::string_view line, std::string_view next_line,
                                const std::vector<std::string_view>& joints) {
  line = ascii::trim(line);
  next_line = ascii::trim(next_line.substr(0, next_line.find('\n')));
  if (next_line.empty() || next_line.find(' ') != std::string_view::npos ||
      !std::all_of(next_line.begin(), next_line.end(),
                   [](char c) { return ascii::is_alpha(c) || c == '-' || c == '\'' || c == '.'; }))
    return {};
  std::size_t last_joint_end = std::string_view::npos;
  for (std::string_view joint : joints) {
    if (const auto at = line.rfind(joint);
        at != std::string_view::npos &&
        (last_joint_end == std::string_view::npos || at + joint.size() > last_joint_end))
      last_joint_end = at + joint.size();
  }
  if (last_joint_end == std::string_view::npos || last_joint_end >= line.size() ||
      line.find(' ', last_joint_end) != std::string_view::npos)
    return {};
  return std::string(line) + ' ' + std::string(next_line);
}

}  // namespace

// Where a wire service of two words or more begins at the end of a name
// set without a comma ("Jane Doe Associated Press"); npos when none does or
// no name of two words stands before it.
std::size_t agency_after_name(std::string_view name) {
  for (std::string_view agency : {"Associated Press", "The Associated Press", "Press Association",
                                  "Agence France-Presse", "The Canadian Press", "Canadian Press"}) {
    if (name.size() <= agency.size() + 1) continue;
    const std::size_t at = name.size() - agency.size();
    if (name[at - 1] != ' ' || !iequals(name.substr(at), agency)) continue;
    const std::string_view before = ascii::trim(name.substr(0, at - 1));
    if (before.find(' ') == std::string_view::npos) continue;
    return before.size();
  }
  return std::string_view::npos;
}

bool italian_byline_lead(std::string_view text, std::string_view language) {
  return (text.starts_with("Di ") || text.starts_with("di ")) && primary_language(language) == "it";
}

bool in_navigation(xmlNode* node) {
  for (xmlNode* up = node; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    const std::string_view name = tag(up);
    if (name == "body" || name == "html") break;
    if (name == "nav" || icontains(attribute(up, "class"), "related") ||
        icontains(attribute(up, "id"), "related"))
      return true;
  }
  return false;
}

bool in_teaser_card(xmlNode* node) {
  for (xmlNode* up = node; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    const std::string_view name = tag(up);
    if (name == "body" || name == "html") break;
    if (name != "li") continue;
    // The nearest list item decides: a heading in it, or a link of a
    // headline's length before any other text of it.
    bool heading = false;
    walk(up, [&](xmlNode* inner) {
      if (heading || !is_element(inner)) return false;
      const std::string_view inner_name = tag(inner);
      heading =
          inner_name.size() == 2 && inner_name[0] == 'h' && inner_name[1] >= '1' && inner_name[1] <= '6';
      return !heading;
    });
    if (heading) return true;
    for (xmlNode* child = up->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE && blank(as_view(child->content))) continue;
      if (!is_element(child) || shows_no_text(child)) {
        if (child->type == XML_TEXT_NODE) return false;
        continue;
      }
      if (tag(child) != "a") return false;
      const std::string words = collapse_whitespace(text_content(child));
      return std::count(words.begin(), words.end(), ' ') >= 3;
    }
    return false;
  }
  return false;
}

xmlNode* first_shown_text(xmlNode* element) {
  int depth = 0;
  xmlNode* parent = element;
  while (parent != nullptr && depth++ < 3) {
    xmlNode* descend = nullptr;
    int children = 0;
    for (xmlNode* child = parent->children; child != nullptr && children < 8;
         child = child->next, ++children) {
      if (child->type == XML_TEXT_NODE) {
        if (!blank(as_view(child->content))) return child;
        continue;
      }
      if (!is_element(child)) continue;
      const std::string_view name = tag(child);
      if (name == "br" || is_block_element(name)) return nullptr;
      if (is_inline_wrapper(name) && !shows_no_text(child)) {
        descend = child;
        break;
      }
      if (!shows_no_text(child)) return nullptr;  // a link or a label with words comes first
    }
    parent = descend;
  }
  return nullptr;
}

std::string with_name_after_lead(xmlNode* element, std::string text) {
  const std::size_t names_at = byline_names_start(text);
  if (names_at == std::string::npos) return text;
  const std::string_view rest = std::string_view(text).substr(std::min(names_at, text.size()));
  if (rest.find_first_not_of(" \n:|-") != std::string_view::npos) return text;
  for (xmlNode* next = element->next; next != nullptr; next = next->next) {
    std::string name;
    if (next->type == XML_TEXT_NODE) {
      if (blank(as_view(next->content))) continue;
      name = collapse_whitespace(as_view(next->content));
    } else if (is_element(next) && !is_block_element(tag(next)) && tag(next) != "br") {
      name = byline_text(next);
      name = name.substr(0, name.find('\n'));
    }
    if (name.empty() || name.size() > 120) return text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    text += ' ';
    text += name;
    return text;
  }
  return text;
}

std::string name_over_job_title(std::string_view lines) {
  const auto first_end = lines.find('\n');
  if (first_end == std::string_view::npos) return {};
  const std::string_view name = lines.substr(0, first_end);
  if (!plausible_author(name, true) || byline_names_start(name) != std::string_view::npos) return {};
  for (std::size_t start = first_end + 1; start < lines.size();) {
    auto end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    const std::string_view line = lines.substr(start, end - start);
    bool job = false;
    for (std::size_t at = 0; at < line.size() && !job;) {
      auto space = line.find(' ', at);
      if (space == std::string_view::npos) space = line.size();
      std::string_view word = line.substr(at, space - at);
      while (!word.empty() && !ascii::is_alpha(word.back())) word.remove_suffix(1);
      job = is_job_title_word(word);
      at = space + 1;
    }
    if (!job || line.size() > 60) return {};
    start = end + 1;
  }
  return trim_author(name);
}

std::string name_before_desk_and_date(std::string_view line) {
  if (line.find('\n') != std::string_view::npos || line.size() > 160) return {};
  // One separator throughout: the byline's items are set alike.
  std::string_view separator;
  for (std::string_view candidate : {" / ", " | "}) {
    if (line.find(candidate) != std::string_view::npos) {
      if (!separator.empty()) return {};
      separator = candidate;
    }
  }
  if (separator.empty()) return {};
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = line.find(separator, start);
    parts.push_back(ascii::trim(line.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) break;
    start = end + separator.size();
  }
  if (parts.size() < 2 || parts.size() > 3) return {};
  // The middle item is a desk or a wire ("TNN", "Agencies", "ET Bureau"):
  // a few words, no digits.
  if (parts.size() == 3) {
    const std::string_view desk = parts[1];
    if (desk.empty() || desk.size() > 40 || std::count(desk.begin(), desk.end(), ' ') > 3 ||
        desk.find_first_of("0123456789") != std::string_view::npos)
      return {};
  }
  // The last item is the date, as a dateline writes it ("Updated: Oct 9, 2019, 11:05 IST").
  if (!dateline_date(parts.back(), false)) return {};
  const std::string_view name = parts.front();
  if (byline_names_start(name) != std::string_view::npos || !plausible_author(name, true)) return {};
  return trim_author(name);
}

bool links_to_author_page(std::string_view href) {
  // The path alone: past the scheme and host, before the query and fragment.
  if (const auto scheme = href.find("//"); scheme != std::string_view::npos && scheme < 8) {
    href.remove_prefix(scheme + 2);
    href = href.substr(std::min(href.find('/'), href.size()));
  }
  href = href.substr(0, href.find_first_of("?#"));
  bool after_author_word = false;
  for (std::size_t start = 0; start < href.size();) {
    auto end = href.find('/', start);
    if (end == std::string_view::npos) end = href.size();
    const std::string_view segment = href.substr(start, end - start);
    start = end + 1;
    if (segment.empty()) continue;
    if (after_author_word) return true;  // the writer's own page under it
    for (std::string_view word :
         {"author", "authors", "editors", "writer", "writers", "reporter", "reporters", "columnist",
          "columnists", "contributor", "contributors", "journalist"}) {
      if (iequals(segment, word)) after_author_word = true;
    }
  }
  return false;
}

std::vector<std::string> split_meta_authors(std::string_view value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find(';', start);
    if (end == std::string_view::npos) end = value.size();
    // After the first, a part of one word is the first's degree or suffix ("Jane Doe;M.D.").
    if (std::string one = std::string(ascii::trim(value.substr(start, end - start)));
        !one.empty() && (out.empty() || one.find(' ') != std::string::npos))
      out.push_back(std::move(one));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> authors_from_signoff(std::string_view text) {
  auto at = text.find("(Reporting by ");
  if (at == std::string_view::npos) at = text.find("(reporting by ");
  if (at == std::string_view::npos) return {};
  std::string_view names = text.substr(at + 14);
  names = names.substr(0, names.find_first_of(";)"));
  // "Reporting by Jane Doe in Vienna": where the reporter filed from.
  names = names.substr(0, names.find(" in "));
  return authors_from_byline("By " + collapse_whitespace(names));
}

void add_unique(std::vector<std::string>& list, std::string value) {
  value = collapse_whitespace(value);
  if (value.empty()) return;
  auto same = [&](const std::string& existing) {
    return existing.size() == value.size() && iequals(existing, value);
  };
  if (std::none_of(list.begin(), list.end(), same)) list.push_back(std::move(value));
}

bool is_byline_element(std::string_view name) {
  return name == "div" || name == "p" || name == "span" || name == "small" || name == "li" || name == "dd" ||
         name == "td" || name == "em" || name == "address" ||
         (name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6');
}

bool in_comments(xmlNode* node) {
  for (xmlNode* up = node; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    const std::string_view name = tag(up);
    if (name == "body" || name == "html") break;
    if (names_comments(attribute(up, "class")) || names_comments(attribute(up, "id"))) return true;
  }
  return false;
}

bool marks_author(xmlNode* node) {
  const std::string_view cls = attribute(node, "class");
  const std::string_view id = attribute(node, "id");
  // A picture's credit line ("imageByline", "photo-byline") names the photographer.
  for (std::string_view picture : {"image", "photo", "caption", "credit"}) {
    if (icontains(cls, picture) || icontains(id, picture)) return false;
  }
  if (icontains(cls, "byline") || icontains(cls, "author-name") || icontains(id, "byline")) return true;
  return any_token(cls, [](std::string_view token) {
    // The writer's name, however the template spells the pair: "authorname-txt",
    // "author-card__details__name", "meta-writer-name"; a bare "writer".
    for (std::string_view who : {"author", "writer"}) {
      for (std::size_t at = 0; at + who.size() <= token.size(); ++at) {
        if (ascii::starts_with_icase(token, at, who) && icontains(token.substr(at + who.size()), "name"))
          return true;
      }
    }
    return iequals(token, "author") || iequals(token, "writer") ||
           (token.size() > 7 && (istarts_with(token.substr(token.size() - 7), "-author") ||
                                 istarts_with(token.substr(token.size() - 7), "_author")));
  });
}

std::string byline_line(xmlNode* text) {
  xmlNode* before = text->prev;
  if (before == nullptr || !is_element(before) || text->parent == nullptr || !is_element(text->parent))
    return {};
  if (const std::string_view name = tag(before); name != "br" && !is_block_element(name)) return {};
  std::string_view first = as_view(text->content);
  while (!first.empty() && ascii::is_space(first.front())) first.remove_prefix(1);
  // "By:" labels comment and forum posts (as in collect()).
  if (first.size() < 3 || istarts_with(first, "by:") || istarts_with(first, "posted by:")) return {};
  const std::string lead = collapse_whitespace(first.substr(0, 120));
  // Only a "By"/"Posted by" lead here: a date lead ("In 2010 it was bought
  // by ...") is too easily a sentence of the story in a bare line.
  const std::size_t names_at = byline_names_start(lead);
  if (names_at == std::string_view::npos || names_at > 16 ||
      lead.substr(0, names_at).find_first_of("0123456789") != std::string::npos || in_comments(text->parent))
    return {};
  std::string line;
  for (xmlNode* node = text; node != nullptr; node = node->next) {
    if (is_element(node) && (tag(node) == "br" || is_block_element(tag(node)))) break;
    line += node->type == XML_TEXT_NODE ? std::string(as_view(node->content)) : text_content(node);
    if (line.size() > 200) return {};
  }
  return collapse_whitespace(line);
}

bool names_job(std::string_view classes) {
  return any_token(classes, [](std::string_view token) {
    for (std::string_view job : {"title", "role", "job", "position"}) {
      if (token.size() >= job.size() && iequals(token.substr(token.size() - job.size()), job)) return true;
    }
    return false;
  });
}

std::string byline_text(xmlNode* root) {
  std::string out;
  walk(root, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE) {
      out += as_view(node->content);
      // A lead in an element of its own ("<span>By</span>Jane Doe") ends
      // there, though no space follows it in the markup.
      if (node->next == nullptr && node->parent != root && node->parent != nullptr &&
          node->parent->next != nullptr) {
        const std::string_view lead = ascii::trim(as_view(node->content));
        if (!lead.empty() && lead.size() <= 12 && byline_names_start(lead) == lead.size()) out += ' ';
      }
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "script" || name == "style" || name == "noscript") return false;
    if (node != root && (is_block_element(name) || name == "br" || name == "td" || name == "th")) out += '\n';
    // The writer's job beside the name, in a span of its own that the
    // style sheet sets on a line of its own ("<span class=byline__name>Jane
    // Doe</span><span class=byline__title>CEO</span>"): not part of the name.
    if (node != root && names_job(attribute(node, "class"))) out += '\n';
    return true;
  });
  std::string lines;
  std::size_t start = 0;
  while (start <= out.size()) {
    auto end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string line = collapse_whitespace(std::string_view(out).substr(start, end - start));
    if (!line.empty()) {
      if (!lines.empty()) lines += '\n';
      lines += line;
    }
    start = end + 1;
  }
  return lines;
}

bool plausible_author(std::string_view name, bool strict) {
  name = ascii::trim(name);
  // A note in parentheses after the name ("Jane Doe (with John Roe)",
  // "Jane Doe (https://jane.example/)") is the page's to give; the name is judged.
  if (const auto open = name.find(" ("); open != std::string_view::npos && name.ends_with(')'))
    name = name.substr(0, open);
  if (name.size() < 2 || name.size() > (strict ? 60u : 100u)) return false;
  // "(Image: Getty Images)", "[Photo: Jane Doe]": a labelled credit in
  // brackets, not a byline (Japanese bylines bracket the name and desk:
  // "[Name，Desk]").
  if ((name.front() == '(' || name.front() == '[') && name.find(':') != std::string_view::npos) return false;
  if (name.find_first_of("0123456789@\"!?") != std::string_view::npos ||
      name.find("://") != std::string_view::npos || icontains(name, "www.") ||
      name.find("\xE2\x80\x9C") != std::string_view::npos)
    return false;
  // "jane_doe": a user handle (in scripts without capitals an underscore may join words).
  if (name.find('_') != std::string_view::npos &&
      std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return false;
  // One word with a capital inside ("SteveG", "JaneDoe1"): a user handle.
  if (strict && name.find(' ') == std::string_view::npos) {
    for (std::size_t i = 1; i < name.size(); ++i) {
      if (name[i] >= 'A' && name[i] <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z' &&
          !(i == 2 && name.starts_with("Mc")) && !(i == 3 && name.starts_with("Mac")))
        return false;
    }
  }
  int words = 0;
  std::size_t at = 0;
  while (at < name.size()) {
    while (at < name.size() && (name[at] == ' ' || name[at] == ',' || name[at] == '&')) ++at;
    const std::size_t start = at;
    while (at < name.size() && name[at] != ' ' && name[at] != ',') ++at;
    if (at == start) break;
    std::string_view word = name.substr(start, at - start);
    ++words;
    // A domain: letters, a dot, two or more letters to the end ("Canoe.ca").
    if (const auto dot = word.rfind('.'); dot != std::string_view::npos && dot > 0 && word.size() - dot > 2 &&
                                          ascii::is_alpha(word[dot - 1]) &&
                                          std::all_of(word.begin() + static_cast<std::ptrdiff_t>(dot) + 1,
                                                      word.end(), [](char c) { return ascii::is_alpha(c); }))
      return false;
    std::string_view bare = word;
    while (!bare.empty() && !ascii::is_alnum(bare.front()) && static_cast<unsigned char>(bare.front()) < 0x80)
      bare.remove_prefix(1);
    while (!bare.empty() && !ascii::is_alnum(bare.back()) && static_cast<unsigned char>(bare.back()) < 0x80)
      bare.remove_suffix(1);
    if (bare.empty()) continue;
    if (is_label_word(bare) || is_job_title_word(bare)) return false;
    // A link's or a label's whole text ("Read", "More", "By", "Author", a bare
    // "Staff"): not a name, though "Read" is also a surname.
    if (word_in(bare,
                {"read", "more", "home", "print", "next", "previous", "by", "author", "authors", "staff"}) &&
        bare.size() + 2 > name.size())
      return false;
    if (strict && bare.front() >= 'a' && bare.front() <= 'z' && !is_name_particle(bare) &&
        !iequals(bare, "and"))
      return false;
  }
  return words > 0 && (!strict || words <= 6);
}

std::size_t byline_names_start(std::string_view text) {
  std::size_t lead = 0;
  // Bylines set after the date open with a dash or a bar ("— By Jane Doe").
  while (lead < text.size()) {
    const std::string_view rest = text.substr(lead);
    if (rest.front() == ' ' || rest.front() == '\n' || rest.front() == '-' || rest.front() == '|') {
      ++lead;
    } else if (rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93")) {
      lead += 3;
    } else {
      break;
    }
  }
  // The text may end at the lead when the name is in the next element
  // ("Posted by" <span>Jane Doe</span>): its end counts as the space after it.
  const std::string padded = std::string(text.substr(lead)) + ' ';
  const std::string_view rest = padded;
  const auto after = [&](std::size_t end) { return std::min(lead + end, text.size()); };
  for (std::string_view prefix :
       {"by ", "by\n", "by: ", "posted by ", "posted by\n", "posted by: ", "written by ",
        "written by: ", "post written by ", "words by ", "story by ", "author: ", "submitted by "}) {
    if (istarts_with(rest, prefix)) return after(prefix.size());
  }
  for (std::string_view prefix :
       {"Von ", "von ", "Par ", "par ", "Por ", "por ", "Автор: ", "Автор ", "Від ", "От "}) {
    if (rest.starts_with(prefix)) return after(prefix.size());
  }
  // Japanese and Chinese bylines label the name: "著者：" and "作者：" (author),
  // "記者：" (reporter), "撰文：" and "文：", "文●", "文・", "文／" (text by).
  for (std::string_view prefix :
       {"著者：", "著者:", "作者：", "作者:", "記者：", "記者:", "撰文：", "文：", "文●", "文・", "文／"}) {
    if (rest.starts_with(prefix)) return after(prefix.size());
  }
  // A date, then "by": the lead holds a digit and at most eight words.
  // (The date and "by" may stand on lines of their own in the page's source.)
  for (std::string_view marker : {" by ", " By ", " BY ", " by\n", " By\n", "\nby ", "\nBy "}) {
    const auto at = rest.find(marker);
    if (at == std::string_view::npos || at > 80) continue;
    const std::string_view before = rest.substr(0, at);
    // "(c) 2012 by The Agency. All rights reserved": a copyright notice.
    if (icontains(before, "copyright") || icontains(before, "(c)") ||
        before.find("\xC2\xA9") != std::string_view::npos)
      continue;
    if (before.find_first_of("0123456789") == std::string_view::npos ||
        std::count(before.begin(), before.end(), ' ') > 7 || before.find('\n') != std::string_view::npos)
      continue;
    return after(at + marker.size());
  }
  return std::string_view::npos;
}

std::vector<std::string> authors_from_byline(std::string_view byline, std::string_view language) {
  std::vector<std::string> out;
  std::size_t names_at = byline_names_start(byline);
  if (names_at == std::string_view::npos && italian_byline_lead(byline, language)) names_at = 3;
  if (names_at == std::string_view::npos) return out;  // no "By": not trusted as a name list
  const std::vector<std::string_view> joints = name_joints(byline.substr(0, names_at), language);
  std::string_view names = byline.substr(names_at);
  // "By | Jane Doe", "By: Jane Doe", "By\nJane Doe".
  while (!names.empty() && (names.front() == ' ' || names.front() == '\n' || names.front() == '|' ||
                            names.front() == ':' || names.front() == '-'))
    names.remove_prefix(1);
  // The names end with the byline's line, and before what bylines put
  // after them: a separator, "on <date>", "in <section>", "at <time>".
  std::string wrapped;
  if (const auto line_end = names.find('\n'); line_end != std::string_view::npos) {
    wrapped = joined_wrapped_name(names.substr(0, line_end), names.substr(line_end + 1), joints);
    names = wrapped.empty() ? names.substr(0, line_end) : std::string_view(wrapped);
  }
  // " @handle" after the name, "Filed under <section>" after it.
  for (std::string_view stop :
       {" | ", " · ", " - ", " -- ", " — ", " – ", "/", " on ", " On ", " at ", " in ", " @", " (",
        " \xE2\x80\xA2", ",  ", "  ", " filed under ", " Filed under ", " Filed Under "}) {
    if (auto at = names.find(stop); at != std::string_view::npos) names = names.substr(0, at);
  }
  // "By Jane Doe Published in <section>", "Updated <date>": the byline's
  // items set side by side; "Jane Doe(Lyon bureau)": a desk in a span glued
  // to the name (no name holds a parenthesis).
  // The full-width solidus and parenthesis of Japanese and Chinese bylines
  // likewise ("Name／Desk", "Name（handle）").
  for (std::string_view stop : {"(", " Published", " Updated", " PUBLISHED", " UPDATED", "／", "（"}) {
    if (auto at = names.find(stop); at != std::string_view::npos) names = names.substr(0, at);
  }
  // Names joined by "and", "&" or commas; after a comma also come job
  // titles ("Jane Doe, Staff Writer"), degrees ("Jane Doe, MA") and dates:
  // the list ends there.
  std::size_t start = 0;
  bool after_comma = false;
  while (start < names.size()) {
    std::size_t cut = names.size(), next = names.size();
    bool comma = false;
    for (std::string_view joint : joints) {
      if (auto at = names.find(joint, start); at != std::string_view::npos && at < cut) {
        cut = at;
        next = at + joint.size();
        comma = joint == ", ";
      }
    }
    std::string_view part = names.substr(start, cut - start);
    // Dates and reading times follow bylines; names do not contain digits. A
    // date glued to the name ("by Jane Doe22 Dec 2016") is cut off.
    bool ends = false;
    if (const auto digit = part.find_first_of("0123456789"); digit != std::string_view::npos) {
      if (digit == 0 || !ascii::is_alpha(part[digit - 1])) break;
      part = part.substr(0, digit);
      ends = true;
    }
    for (std::string_view joint : joints) {  // "A, B, and C"
      if (after_comma && joint != ", " && part.starts_with(joint.substr(1)))
        part.remove_prefix(joint.size() - 1);
    }
    // "NBC's Jane Doe": the employer's possessive before the name goes.
    if (const auto space = part.find(' ');
        space != std::string_view::npos && space > 2 && part.find(' ', space + 1) != std::string_view::npos &&
        (part.substr(0, space).ends_with("'s") || part.substr(0, space).ends_with("\xE2\x80\x99s")))
      part.remove_prefix(space + 1);
    std::string name = trim_author(part);
    if (after_comma && name.find(' ') == std::string::npos) break;  // "Jane Doe, MA"
    if (!name.empty()) {
      if (!plausible_author(name, true)) break;
      add_unique(out, name);
    }
    if (ends || next >= names.size()) break;
    // After a comma comes another name only in a list that ends "and C"
    // ("A, B and C"); otherwise an employer or a place ("Jane Doe, The Daily").
    if (comma && std::none_of(joints.begin(), joints.end(), [&](std::string_view joint) {
          return joint != ", " && (names.find(joint, next) != std::string_view::npos ||
                                   names.substr(next).starts_with(joint.substr(1)));
        }))
      break;
    after_comma = comma;
    start = next;
  }
  return out;
}

std::vector<std::string> names_joined_in_one(std::string_view name, std::string_view language) {
  const std::string text = collapse_whitespace(name);
  const std::vector<std::string_view> joints = name_joints({}, language);
  if (std::none_of(joints.begin(), joints.end(), [&](std::string_view joint) {
        return joint != ", " && text.find(joint) != std::string::npos;
      }))
    return {};
  std::vector<std::string> names = authors_from_byline("By " + text, language);
  // Every part a full name: "Johnson & Johnson", "Smith and Sons" stay whole.
  if (names.size() < 2 || std::any_of(names.begin(), names.end(), [](const std::string& one) {
        return one.find(' ') == std::string::npos;
      }))
    return {};
  return names;
}

std::string trim_author(std::string_view name) {
  std::string out = collapse_whitespace(name);
  // "신현주 기자" (reporter), "김철수 특파원" (correspondent), "山田太郎 記者": the
  // job word Korean and Japanese bylines set after the name.
  for (std::string_view job : {" 기자", " 특파원", " 記者"}) {
    if (out.size() > job.size() && out.ends_with(job)) out.resize(out.size() - job.size());
  }
  // "Elena Oberholzer (obe)", "Jane Doe (jd.)": the editor's short code
  // (lower-case letters) that newsrooms set after the name.
  if (const auto open = out.rfind(" (");
      open != std::string::npos && open > 0 && out.ends_with(')') && out.size() - open - 3 >= 2 &&
      out.size() - open - 3 <= 5 &&
      std::all_of(out.begin() + static_cast<std::ptrdiff_t>(open) + 2, out.end() - 1,
                  [](char c) { return (c >= 'a' && c <= 'z') || c == '.'; }))
    out.resize(open);
  // "— Jane Doe", "| Jane Doe": the separator a byline put before the name.
  while (!out.empty()) {
    if (out.front() == '-' || out.front() == '|' || out.front() == ' ') {
      out.erase(0, 1);
    } else if (out.starts_with("\xE2\x80\x94") || out.starts_with("\xE2\x80\x93") ||
               out.starts_with("\xE2\x80\xA2")) {
      out.erase(0, 3);
    } else {
      break;
    }
  }
  // "Jane Doe, professor at the faculty of law, Site.com": after the name's
  // first comma a description (words in lower case that no name holds), not
  // another name, a degree or a job title; the name is what stands before it.
  if (const auto comma = out.find(", "); comma != std::string::npos && out.find(' ') < comma) {
    int lower_words = 0;
    for (std::size_t at = comma + 2; at < out.size();) {
      auto space = out.find(' ', at);
      if (space == std::string::npos) space = out.size();
      const std::string_view word = std::string_view(out).substr(at, space - at);
      if (!word.empty() && word.front() >= 'a' && word.front() <= 'z' && !is_name_particle(word) &&
          word != "and")
        ++lower_words;
      at = space + 1;
    }
    if (lower_words >= 2) out.resize(comma);
  }
  while (!out.empty()) {
    const char last = out.back();
    if (last == '-' || last == '|' || last == ',' || last == ':' || last == ';' || last == '/' ||
        last == ' ') {
      out.pop_back();
    } else if (out.ends_with("\xE2\x80\x94") || out.ends_with("\xE2\x80\x93") || out.ends_with("\xC2\xB7") ||
               out.ends_with("\xE2\x80\xA2")) {
      out.resize(out.size() - (out.ends_with("\xC2\xB7") ? 2 : 3));  // em dash, en dash, middle dot, bullet
    } else if (last == '.' && out.size() >= 4 && ascii::is_alpha(out[out.size() - 2]) &&
               ascii::is_alpha(out[out.size() - 3]) && ascii::is_alpha(out[out.size() - 4]) &&
               out.find(' ') != std::string::npos) {
      out.pop_back();  // "Post written by Jane Doe." (not an initial or "Jr.")
    } else if (const auto comma = out.rfind(", "); comma != std::string::npos && comma > 0) {
      // "Jane Doe, Staff Writer": the job title (or the wire service) after the name goes.
      const std::string_view title = std::string_view(out).substr(comma + 2);
      bool job = false;
      for (std::size_t at = 0; at <= title.size();) {
        auto space = title.find(' ', at);
        if (space == std::string_view::npos) space = title.size();
        job = job || is_job_title_word(title.substr(at, space - at));
        at = space + 1;
      }
      if (!job && !is_news_agency(title) && !names_newsroom(title))
        break;  // "Jane Doe, Associated Press" too
      out.resize(comma);
    } else if (const std::size_t agency = agency_after_name(out); agency != std::string::npos) {
      out.resize(agency);  // "Jane Doe Associated Press"
    } else {
      break;
    }
  }
  return out;
}

bool is_title_part(std::string_view html_title, std::string_view name) {
  if (name.empty()) return false;
  for (std::string_view separator : {" | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » "}) {
    std::size_t at = html_title.find(separator);
    while (at != std::string_view::npos) {
      const std::size_t start = at + separator.size();
      const std::size_t end = html_title.find(separator, start);
      if (iequals(html_title.substr(start, end == std::string_view::npos ? end : end - start), name))
        return true;
      at = end;
    }
  }
  return false;
}

bool is_news_agency(std::string_view name) {
  static constexpr std::string_view kAgencies[] = {"reuters",
                                                   "associated press",
                                                   "ap",
                                                   "afp",
                                                   "agence france-presse",
                                                   "bloomberg",
                                                   "dpa",
                                                   "ansa",
                                                   "efe",
                                                   "upi",
                                                   "pa",
                                                   "press association",
                                                   "xinhua",
                                                   "tass",
                                                   "ria novosti",
                                                   "kyodo",
                                                   "ukrinform"};
  return std::any_of(std::begin(kAgencies), std::end(kAgencies),
                     [&](std::string_view agency) { return iequals(name, agency); });
}

bool names_publisher(std::string_view name, std::string_view copyright, std::string_view site_name,
                     std::string_view host_key) {
  name = ascii::trim(name);
  if (name.size() < 3) return false;
  // "Acme Weekly Staff": the site's name before a word for its newsroom.
  std::string_view base = name;
  if (const auto space = base.rfind(' ');
      space != std::string_view::npos &&
      word_in(base.substr(space + 1),
              {"staff", "team", "editors", "editorial", "desk", "newsroom", "redaktion"}))
    base = ascii::trim(base.substr(0, space));
  if (!base.empty() && names_site(base, site_name, host_key)) return true;
  // The copyright holder, as whole words of the notice.
  if (name.size() < 4) return false;
  for (std::size_t at = 0; at + name.size() <= copyright.size(); ++at) {
    if (!iequals(copyright.substr(at, name.size()), name)) continue;
    const bool starts = at == 0 || !ascii::is_alnum(copyright[at - 1]);
    const std::size_t end = at + name.size();
    if (starts && (end == copyright.size() || !ascii::is_alnum(copyright[end]))) return true;
  }
  return false;
}

bool looks_like_login(std::string_view name) {
  return name.size() >= 3 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string index_order_turned(std::string_view name) {
  name = ascii::trim(name);
  const auto comma = name.find(", ");
  if (comma == std::string_view::npos || comma == 0) return {};
  const std::string_view last = name.substr(0, comma);
  const std::string_view first = ascii::trim(name.substr(comma + 2));
  const auto one_word = [](std::string_view word) {
    return !word.empty() && word.front() >= 'A' && word.front() <= 'Z' &&
           std::all_of(word.begin(), word.end(), [](char c) {
             return ascii::is_alpha(c) || c == '-' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
           });
  };
  if (!one_word(last) || !one_word(first)) return {};
  return std::string(first) + ' ' + std::string(last);
}

}  // namespace feeds::extract_detail
