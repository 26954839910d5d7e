#!/usr/bin/python3
"""Writes the author mechanism pages (1020 on): one construct per page, each a
way a page shows its author that newsd misread (issue 16 item 8: a visible
byline missed, or a label, a job title or a section's name taken as the
author), so that a relapse fails tests/feeds/extract/corpus_test.cpp without
the shared real-world corpus. Written by hand here (no corpus text is
copied), with the building blocks of generate_mechanisms.py;
<page>.expected.json holds the author a careful reader would name.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_authors.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1020
LAST_INDEX = 1029

ARTICLE = '<meta property="og:type" content="article">'


def story(header, body_texts=None):
    """The headline, then `header` (the byline), then the story's paragraphs."""
    return (NAV + f'<article><header><h1>{esc(TITLE)}</h1>{header}</header>\n<div class="entry-content">'
            + paragraphs(body_texts or P[:4]) + '</div></article>\n' + FOOTER)


def byline_then_date():
    # Blog themes write "by <name> on <date>" under the headline, the name in
    # the microformat's span.author; the date after "on" is not part of it.
    header = ('<p class="headline_meta">by <span class="author vcard fn">Irene Salo</span> on '
              '<abbr class="published" title="2025-02-13">February 13, 2025</abbr></p>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Irene Salo"])


def date_before_by():
    # The date first, then "by" and the author's link: "2025-02-13 by <a>".
    header = '<p class="post-info">2025-02-13 by <a href="/author/tomas-berg/">Tomas Berg</a></p>'
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Tomas Berg"])


def profile_link_label():
    # A sidebar widget links the author's profile with rel=author and a label
    # for its text; the label is not a name, the byline above the story is.
    header = '<div class="meta">By <a href="/staff/ana-lind/">Ana Lind</a></div>'
    sidebar = ('<aside class="sidebar"><div class="widget"><a rel="author" '
               'href="https://profiles.example/ana">Google profile</a></div></aside>\n')
    body = story(header).replace(FOOTER, sidebar + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P[:4], authors=["Ana Lind"])


def job_title_after_comma():
    # "By Jane Doe, Staff Writer": the job title after the comma is not the name.
    header = '<div class="articleByline">By Marta Kovac, Staff Writer</div>'
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Marta Kovac"])


def section_as_meta_author():
    # The meta author is the blog section the <title> shows beside the
    # headline; the visible byline names the person (its parts in a list:
    # "By" / name / "Topics" / topic).
    h = (f'<head><meta charset="utf-8"><title>{esc(TITLE)} - Harbour Notes - Harbour Herald</title>'
         f'<meta property="og:title" content="{esc(TITLE)}">'
         '<meta property="og:site_name" content="Harbour Herald"><meta property="og:type" content="article">'
         '<meta name="author" content="Harbour Notes"></head>\n')
    header = ('<dl class="storyBlogByline"><dt>By </dt><dd><a href="/staff/piet-claes/">Piet Claes</a></dd>'
              '<dt>Topics </dt><dd><a href="/topics/ferries/">Ferries</a></dd></dl>')
    return page(h, story(header)), dict(title=TITLE, text=P[:4], authors=["Piet Claes"])


def posted_by_with_date():
    # "Posted by <name> on <date> at <time>": WordPress-style post info.
    header = ('<div class="post-info">Posted by <span class="fn">Lena Vogt</span> on February 13, 2025 '
              'at 11:00 AM</div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Lena Vogt"])


def bare_line_byline():
    # Blog templates write the day as a heading and the byline as a bare line
    # of text after it, ended by <br>: "Posted by <name>, <job title><br>".
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="post-body"><h2 class="date-header">Thursday, '
            'February 13, 2025</h2>\nPosted by Nora Falk, Operations Manager<br><br>\n' + paragraphs(P[:4])
            + '</div></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P[:4], authors=["Nora Falk"])


PLAN = [
    ("author-byline-then-date", byline_then_date),
    ("author-date-before-by", date_before_by),
    ("author-profile-link-label", profile_link_label),
    ("author-job-title-after-comma", job_title_after_comma),
    ("author-section-as-meta-author", section_as_meta_author),
    ("author-posted-by-with-date", posted_by_with_date),
    ("author-bare-line-byline", bare_line_byline),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
