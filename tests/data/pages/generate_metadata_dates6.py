#!/usr/bin/python3
"""Writes the sixth round's published-date pages (1060 on): one construct per
page, each a dateline real pages show without markup that says so (issue 16,
item 8), so that a relapse fails tests/feeds/extract/corpus_test.cpp without
the shared real-world corpus. Written by hand here (no corpus text is copied),
with the building blocks of generate_mechanisms.py; <page>.expected.json holds
the date a careful reader takes from the page.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_dates6.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1060
LAST_INDEX = 1063  # 1064-1069: generate_metadata_dates6b.py

ARTICLE_HEAD = '<meta property="og:type" content="article">'


def dateline_under_headline():
    # A blog theme prints the post's day on the line under its headline, in a
    # paragraph whose class says nothing about dates ("post-subhead"). A
    # teaser further down has a heading and a day of its own: the line under
    # the heading that shows the page's title is the story's.
    h = head(TITLE, ARTICLE_HEAD)
    teaser = ('<div class="more"><h3>Bridge repairs to start in May</h3>'
              '<p class="post-subhead">Friday, February 28, 2025 | 9:00 AM</p>'
              '<p>Read about the next works on the eastern shore.</p></div>\n')
    body = (NAV + f'<div class="post"><h2>{esc(TITLE)}</h2>'
            '<p class="post-subhead"> Wednesday, March 05, 2025 | 2:00 PM </p>'
            + paragraphs(P[:4]) + '</div>\n' + teaser + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T14:00:00Z")


def numeric_day_in_paths_month():
    # An English blog writes its post's day in digits, month first
    # ("03/05/2025"), which reads as the 3rd of May too; the path gives the
    # year and month the post was filed in (/2025/03/, no day), and only one
    # reading falls in it.
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><p class="meta">by <a href="/author/pat-hill">Pat Hill</a> '
            'on 03/05/2025 &bull; <a href="#comments">No Comments</a></p>' + paragraphs(P[:4]) + '</article>\n'
            + FOOTER)
    return (page(h, body),
            dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z", authors=["Pat Hill"],
                 url="https://harbourherald.example/2025/03/night-ferry-extended/"))


def submitted_line_above_headline():
    # Drupal themes print the node's day in a "submitted" line, here above
    # the headline ("March 5, 2025 @ 9:00AM"), with no <time> or meta.
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + '<div id="node-4711" class="node node-post"><div class="submitted">March 5, 2025 @ 9:00AM</div>'
            f'<h2 class="title">{esc(TITLE)}</h2>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T09:00:00Z")


def masthead_day_before_story():
    # The masthead prints the day the page was served ("Tuesday, March 18,
    # 2025") in an element whose id says date; the story's own day is on the
    # line under its headline, with no class. The masthead's is no story's.
    h = head(TITLE, ARTICLE_HEAD)
    masthead = '<div id="masthead"><div id="date">Tuesday, March 18, 2025</div></div>\n'
    body = (masthead + NAV + f'<div class="story"><h1 class="story-heading">{esc(TITLE)}</h1>'
            '<div><p class="more-links">2:15 p.m. 5 March 2025</p></div>' + paragraphs(P[:4]) + '</div>\n'
            + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T14:15:00Z")


PLAN = [
    ("dateline-under-headline", dateline_under_headline),
    ("numeric-day-in-paths-month", numeric_day_in_paths_month),
    ("submitted-line-above-headline", submitted_line_above_headline),
    ("masthead-day-before-story", masthead_day_before_story),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
