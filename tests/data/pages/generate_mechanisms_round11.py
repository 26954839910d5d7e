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


PLAN = [
    ("related-rows-named-content", related_rows_named_content),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
