#pragma once
// Authors from bylines: where a byline's names start and end, which
// elements hold one, and whether a name looks like a person's.
#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace feeds::extract_detail {

// Elements a byline is written in.
bool is_byline_element(std::string_view name);

// Inside a comment thread (an ancestor's class or id names it): its names
// are the commenters' and its dates the readers', not the post's.
bool in_comments(xmlNode* node);

// An element whose class or id says it holds the byline or the author's
// name: "byline", "author-name", the microformat's "author" ("author vcard"),
// "post-author", "article_author", id "byline"; not a comment's author.
bool marks_author(xmlNode* node);

// A byline set as a line of bare text among other lines ("<h2>Monday</h2>
// Posted by Jane Doe, Product Manager<br>", "...<br>By Jane Doe</div>"): a
// text node after a <br> or a block, starting with a byline lead; the line
// runs to the next <br> or block. Empty when `text` is no such line.
std::string byline_line(xmlNode* text);

// A byline's text with a line break where one element of the byline ends
// and another begins (<dt>By</dt><dd>Jane Doe</dd><dd>Topics</dd>), so that
// the labels and dates set beside the name stay out of it; white space is
// collapsed within the lines.
std::string byline_text(xmlNode* root);

// Whether `name` can be an author's name: no digits, e-mail address, URL or
// domain ("Site.com"), no label or job-title word. `strict` (a name read from
// the page's text rather than declared in a meta tag) adds what a written
// name looks like: at most six words, each capitalised unless a particle.
bool plausible_author(std::string_view name, bool strict);

// Where the names of a byline begin: after "By", "Posted by", "Written
// by" and their kin, or after a short date lead ("2024-03-05 by", "Monday,
// March 5, 2024, by", "Posted March 5, 2024 @ 2:49 PM by"). npos when the
// text does not start as a byline.
std::size_t byline_names_start(std::string_view text);

// "By Jane Doe and John Roe | March 2, 2025" -> {"Jane Doe", "John Roe"}.
// `language` (the page's, "es", "fr-CA"; may be empty) adds its word for
// "and" ("Por Ana Gómez y Luis Pérez", "Par Jean Dupont et Marie Curie") and
// Italian's lead "Di"; an unambiguous lead ("Por", "Par", "Von") brings its
// language's joint by itself.
std::vector<std::string> authors_from_byline(std::string_view byline, std::string_view language = {});

// Whether `text` opens with Italian's byline lead ("Di Marco Rossi"), read
// so only on a page that says it is in Italian ("Di" is also a surname).
bool italian_byline_lead(std::string_view text, std::string_view language);

// A byline in a teaser card: inside a list item that holds its own heading
// or opens with a headline's link (a "Latest posts" list or a menu of other
// stories, each headline with its byline). Such a byline names another
// story's author: it stands in only when the page shows no other byline.
bool in_teaser_card(xmlNode* node);

// Inside <nav> or a box of related stories (a class or id that says
// "related"): a menu's or a related story's byline is never the page's.
bool in_navigation(xmlNode* node);

// The first text an element shows, for telling whether it starts as a
// byline: its first non-blank text child, past inline children that show no
// text (an icon link, an empty span), and inside an inline wrapper
// (<p><strong>By Jane Doe</strong></p>). Null when a block comes first.
xmlNode* first_shown_text(xmlNode* element);

// A byline element that holds only its lead ("Posted by", as in <span
// class=byline-author>Posted by</span><span>Jane Doe</span>): the name is
// the next sibling's text, appended; any other `text` is returned as it is.
std::string with_name_after_lead(xmlNode* element, std::string text);

// An author box's name set over its job title ("Jane Doe\nGames Editor"):
// the name, when every line after the first holds a job title's word; empty
// otherwise.
std::string name_over_job_title(std::string_view lines);

// A byline without a lead that sets the name, a desk or wire, and the date
// side by side: "Jane Doe / TNN / Updated: Oct 9, 2019, 11:05 IST", "Jane
// Doe | Agencies | March 5, 2024", "Jane Doe | March 5, 2024" -> "Jane Doe".
// The date is what makes the line a byline: empty when the last item is no
// date, the first no person's name, or the line holds more than three items.
std::string name_before_desk_and_date(std::string_view line);

// Whether a link's target is a writer's page on the site: a path segment
// that names the site's writers ("author", "authors", "editors",
// "writers", "reporters", "contributors", ...) with the writer's own
// segment after it ("/author/jane-doe/", "/about/editors/jane-doe/",
// "/author/180/"); not the list of all writers ("/authors/").
bool links_to_author_page(std::string_view href);

// A meta author that lists several ("Jane Doe;John Roe") -> {"Jane Doe",
// "John Roe"}; one name stays one.
std::vector<std::string> split_meta_authors(std::string_view value);

// A wire story's sign-off names its reporters: "(Reporting by Jane Doe in
// Vienna; Editing by John Roe)" -> {"Jane Doe"} (the editors are not
// authors). Empty when `text` holds no such sign-off.
std::vector<std::string> authors_from_signoff(std::string_view text);

// "Jane Doe -", "Jane Doe |", "Jane Doe," : the separator a byline put
// before the date or the site stays out of the name.
// The names of a meta or JSON-LD author that joins several in one string
// ("Samya Kullab and Vasilisa Stepanenko", "A, B, C and D", "X und Y, dpa"
// on a German page); empty when it is one name.
std::vector<std::string> names_joined_in_one(std::string_view name, std::string_view language);

std::string trim_author(std::string_view name);

// Whether `name` is one of the parts of the <title> after its first
// separator ("Headline - Section - Site"): a section's or the site's name.
bool is_title_part(std::string_view html_title, std::string_view name);

// Where a wire service of two words or more begins at the end of a name set
// without a comma ("Jane Doe Associated Press" -> the length of "Jane Doe");
// npos when none does.
std::size_t agency_after_name(std::string_view name);

// The wire services that appear beside reporters' names in bylines.
bool is_news_agency(std::string_view name);

// Appends `value`, white space collapsed, unless empty or already in `list`
// (case aside): the same person named twice is one author.
void add_unique(std::vector<std::string>& list, std::string value);

// Whether a meta author names the publisher rather than a person: the
// holder the page's copyright notice names ("Acme Media" in "Copyright (c)
// Acme Media 2022"), the site's own name, or the site's name with a staff
// word ("Acme Weekly Staff", "Acme Team"). Such a name stands in only when
// the page names no person.
bool names_publisher(std::string_view name, std::string_view copyright, std::string_view site_name,
                     std::string_view host_key);

// A login name given as the meta author ("janedoe"): one word of lower-case
// ASCII letters, as no one writes a person's name. It stands in only when
// the page names no person.
bool looks_like_login(std::string_view name);

// A name in an index's order, "Doe, Jane" (one word, a comma, one word),
// turned to the order it is written in: "Jane Doe". Empty for anything else
// ("Jane Doe", "Doe, Jane Q.", "Jane Doe, Reuters").
std::string index_order_turned(std::string_view name);

}  // namespace feeds::extract_detail
