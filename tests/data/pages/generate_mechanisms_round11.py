#!/usr/bin/python3
"""Writes the eleventh round's mechanism pages (1170 on): one construct per
page, each a way pages from the wild lost their text (issue 16), so that a
relapse fails the corpus test without the shared real-world corpus. Written
by hand here (no corpus text is copied), with the building blocks of
generate_mechanisms.py; <page>.expected.json holds what a careful editor
would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_round11.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page  # noqa: E402

FIRST_INDEX = 1170
LAST_INDEX = 1179


def related_rows_named_content():
    # A short story set as bare text and <br>s in an unnamed <div>, and
    # below it a related box named "content" whose rows each hold a linked
    # headline, a date and a line of teaser. The box's name outscored the
    # story; the looser retry found the story but, no longer than the box,
    # it was not taken.
    story = P[:2]
    bare = "\n<br />\n<br />\n".join(esc(text) for text in story)
    teasers = [("Night ferry timetable changes", "09 Nov", "Two crossings move."),
               ("Harbour bridge repairs start", "23 Aug", "For a month only."),
               ("East shore bus cuts", "21 May", "Three routes go."),
               ("Port fees to rise", "16 Apr", "From next year."),
               ("New pier opens", "06 Jan", "Ahead of summer.")]
    rows = "".join(f'<div class="relatedRow"><b><a href="/article.php?id={900 + i}">{esc(title)}</a></b> - '
                   f'<i>{day}, 2007</i>\n<br />{esc(line)}\n</div>\n'
                   for i, (title, day, line) in enumerate(teasers))
    body = (NAV + '<table width="100%"><tr><td valign="top">\n'
            f'<div class="articleTable"><div class="articleTitle">{esc(TITLE)}</div>\n'
            '<div style="font-size: 9pt; padding: 5px;">\n' + bare + '\n</div></div>\n'
            '<div class="articleTable"><div class="articleHeader"><img src="/img/related.gif" alt=""></div>\n'
            f'<div class="content">\n{rows}</div></div>\n'
            '</td></tr></table>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=story)

def comments_after_their_label_line():
    # An old template sets the thread's label as a plain line and each
    # comment as a paragraph beside the story's, in the same cell: the
    # last comment was taken for the story's last paragraph, and the
    # thread stayed with the story.
    story = P[:3]
    comments = [("I think this is wonderful news for the whole east shore, and about time too.", "Ann"),
                ("The ferry was late twice this week already, and nobody on the board said a word.", "Bob")]
    thread = "".join(f'<p class="story">{esc(text)}</p>\n<b>Posted by {who} on January 10, 2008 5:58 PM</b>'
                     f'<br><span class="small"><a href="mailto:letters@harbourherald.example">Report this comment'
                     '</a></span><br/>\n' for text, who in comments)
    body = (NAV + '<table width="100%"><tr><td valign="top">\n'
            f'<h1>{esc(TITLE)}</h1>\n' + "".join(f'<p class="story">{esc(text)}</p>\n' for text in story) +
            '<a name="comments"></a>\n<div class="yvhd">Comments</div>\n' + thread +
            '</td></tr></table>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=story)


def short_page_in_related_sections():
    # A documentation theme marks each section as belonging to its heading
    # ("chapter h1-related", "h2-related"): the class word removed every
    # section of a page only a few lines long, the first cut held next to
    # nothing, and the looser retries that found the page were not taken,
    # being short.
    text = ["Use these calls to read and change the harbour's timetable.",
            "Returns the crossings of one day, in the order they leave.",
            "Adds a crossing to the timetable of the day given."]
    body = (NAV + '<main><article class="article"><h1>Timetable reference</h1>'
            '<section class="chapter h1-related"><div class="title"><h2 id="calls">Calls</h2></div>'
            f'<p class="article__p h2-related">{esc(text[0])}</p>'
            '<dl class="definition-list h2-related"><dt id="day"><a href="https://developer.example/day">'
            f'crossings(day)</a></dt><dd><p class="article__p child">{esc(text[1])}</p></dd>'
            '<dt id="add"><a href="https://developer.example/add">add(crossing)</a></dt>'
            f'<dd><p class="article__p child">{esc(text[2])}</p></dd></dl></section></article></main>\n'
            + FOOTER)
    title = "Timetable reference"
    return (page(head(title, '<meta property="og:type" content="article">'), body),
            dict(title=title, text=["Calls", text[0], "crossings(day)", text[1], "add(crossing)", text[2]]))


PLAN = [
    ("related-rows-named-content", related_rows_named_content),
    ("comments-after-their-label-line", comments_after_their_label_line),
    ("short-page-in-related-sections", short_page_in_related_sections),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
