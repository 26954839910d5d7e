#!/usr/bin/python3
"""Writes the seventh round's second author pages (1100 to 1104): one
construct per page, each a way a modern news page shows its author that
newsd still missed after the first author round of issue 16 item 8 (a
byline with no lead set "name / desk / date", an author item with several
names, an author box's name in an element of class "name", a link to the
writer's page in the article's header), so that a relapse fails
tests/feeds/extract/corpus_test.cpp without any outside corpus.
Written by hand here (no page of any site is copied; the names are made up),
with the building blocks of generate_mechanisms.py; <page>.expected.json
holds the authors a careful reader would name.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_authors7b.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1100
LAST_INDEX = 1104

ARTICLE = '<meta property="og:type" content="article">'


def story(header, body_texts=None, nav=NAV):
    """The headline, then `header` (the byline), then the story's paragraphs."""
    return (nav + f'<article><header><h1>{esc(TITLE)}</h1>{header}</header>\n<div class="entry-content">'
            + paragraphs(body_texts or P[:4]) + '</div></article>\n' + FOOTER)


def name_desk_date_byline():
    # The byline has no "By": the reporter's name (a link to the reporter's
    # page), the desk, and the date, set apart by slashes.
    header = ('<div class="story-head byline"><a href="/reporters/rhea-castellan-2291.html">Rhea Castellan</a>'
              ' / HNS / <span>Updated: Mar 4, 2025, 09:40 CET</span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Rhea Castellan"])


def author_item_with_several_names():
    # One author item (hidden, for search engines) gives both writers, one
    # itemprop=name each; the visible byline has no class and no lead.
    header = ('<p class="dek">Crossings every hour until midnight.</p>'
              '<div class="hidden" itemprop="author" itemscope itemtype="http://schema.org/Person">'
              '<span itemprop="name">Oskar Lindgren</span><span itemprop="name">Maren Solberg</span></div>')
    extra = ARTICLE
    html = page(head(TITLE, extra), story(header))
    return html, dict(title=TITLE, text=P[:4], authors=["Oskar Lindgren", "Maren Solberg"])


def name_element_in_author_box():
    # The author box sets the avatar, the name in a span of class "name",
    # and the date right after it with no space between.
    header = ('<div class="story-meta"><div class="author"><a class="avatar" href="#">'
              '<img src="/faces/t-quill.jpg" alt=""></a><span class="name">Tamsin Quill</span>'
              '<span class="date">2025-03-04 09:40</span></div></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Tamsin Quill"])


def link_to_writers_page_in_header():
    # The header shows the writer only as a link to the writer's page on the
    # site (an avatar link, then the name), beside a handle and the age; no
    # "By", no class that says author.
    header = ('<section class="meta-bar"><a href="/about/editors/linnea-farrow/"><img src="/faces/lf.jpg" alt="">'
              '</a><div class="meta-small"><a href="/about/editors/linnea-farrow/" class="meta">Linnea Farrow</a>'
              '<span class="meta">, <a href="https://social.example/@lfarrow">@lfarrow</a></span>'
              '<div class="meta">2h ago</div></div></section>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Linnea Farrow"])


PLAN = [
    ("author-name-desk-date-byline", name_desk_date_byline),
    ("author-item-with-several-names", author_item_with_several_names),
    ("author-name-element-in-author-box", name_element_in_author_box),
    ("author-link-to-writers-page-in-header", link_to_writers_page_in_header),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
