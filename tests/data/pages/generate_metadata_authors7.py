#!/usr/bin/python3
"""Writes the seventh round's author pages (1080 on): one construct per page,
each a way a modern news page shows its author that newsd misread (issue 16
item 8: the publisher taken for the writer, a byline's lead glued to the
name, a name list cut short), so that a relapse fails
tests/feeds/extract/corpus_test.cpp without any outside corpus.
Written by hand here (no page of any site is copied; the names are made up),
with the building blocks of generate_mechanisms.py; <page>.expected.json
holds the authors a careful reader would name.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_authors7.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1080
LAST_INDEX = 1089

ARTICLE = '<meta property="og:type" content="article">'


def story(header, body_texts=None, nav=NAV):
    """The headline, then `header` (the byline), then the story's paragraphs."""
    return (nav + f'<article><header><h1>{esc(TITLE)}</h1>{header}</header>\n<div class="entry-content">'
            + paragraphs(body_texts or P[:4]) + '</div></article>\n' + FOOTER)


def meta_author_copyright_holder():
    # The media group's pages all give the group as the meta author (the
    # same name as their copyright notice); the writer is in article:author.
    extra = (ARTICLE + '<meta name="author" content="Lindqvist Media Group">'
             '<meta name="copyright" content="Copyright (c) Lindqvist Media Group 2024">'
             '<meta name="article:author" content="Teodora Vance">')
    return (page(head(TITLE, extra), story('<p class="dek">Crossings every hour until midnight.</p>')),
            dict(title=TITLE, text=P[:4], authors=["Teodora Vance"]))


def meta_author_login_name():
    # The meta author is the writer's login name; the byline writes the name.
    extra = ARTICLE + '<meta name="author" content="mkastner">'
    header = '<p class="byline">By Mara Kastner | mkastner@harbourherald.example</p>'
    return page(head(TITLE, extra), story(header)), dict(title=TITLE, text=P[:4], authors=["Mara Kastner"])


def lead_in_own_element():
    # The lead is set in a span of its own, the name right after it with no
    # space in the markup (the style sheet puts a margin there).
    header = ('<div class="story-meta"><a class="story-meta__author" href="/people/ivo-marsh">'
              '<span>By</span>Ivo Marsh</a> <span class="story-meta__time">March 4, 2025</span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Ivo Marsh"])


def name_list_wrapped_in_source():
    # A long list of names in capitals, wrapped by the template's source
    # inside the last name.
    header = ('<div class="story-byline"><span>by SANNA LUND, OTTO BERGER and ELIF\n'
              '                  KAYA</span></div>')
    return (page(head(TITLE, ARTICLE), story(header)),
            dict(title=TITLE, text=P[:4], authors=["SANNA LUND", "OTTO BERGER", "ELIF KAYA"]))


def published_after_name():
    # The byline's items are spans in one line: the name, then "Published in"
    # the section.
    header = ('<div class="story__info"><span class="story__info__item">By <a href="/people/nadia-holm"> Nadia Holm '
              '</a> </span> <span class="story__info__item"> Published in <a href="/section/harbour/"> Harbour '
              '</a></span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Nadia Holm"])


def desk_glued_after_name():
    # The reporter's desk in parentheses, in a span glued to the name.
    header = ('<p class="meta"><span class="meta__author">Par <a href="/signataires/lucie-morel">Lucie Morel'
              '<span class="author__desc">(Lyon, bureau r\u00e9gional)</span></a></span></p>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Lucie Morel"])


def written_by_label():
    # The page shows no byline; the link preview's labelled data name the
    # writer ("Written by"), as an SEO plugin writes them for every post.
    extra = (ARTICLE + '<meta name="twitter:label1" content="Written by">'
             '<meta name="twitter:data1" content="Ines Farrow">'
             '<meta name="twitter:label2" content="Est. reading time">'
             '<meta name="twitter:data2" content="3 minutes">')
    return page(head(TITLE, extra), story("")), dict(title=TITLE, text=P[:4], authors=["Ines Farrow"])


def author_name_class():
    # The template spells the writer's name as one class word of its own
    # ("authorname-txt"), beside the source's name and the date, no lead.
    header = ('<div class="story-attribution"><span class="source">Harbour Herald</span> '
              '<span class="time">3/4/2025</span> <span class="authorname-txt">'
              '<span class="truncate">Selma Brandt</span></span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Selma Brandt"])


def japanese_byline_label():
    # A Japanese page labels the byline "文●" (text by) and sets the desk
    # after the name with a full-width solidus.
    header = '<p class="author"><a>文● 森田ハル／港湾ニュース編集部</a></p>'
    html = page(head(TITLE, ARTICLE), story(header)).replace('<html lang="en">', '<html lang="ja">', 1)
    return html, dict(title=TITLE, text=P[:4], authors=["森田ハル"])


def index_order_meta_author():
    # The analytics meta tag gives the writer in an index's order ("Last,
    # First"); the byline writes the name as it is read.
    extra = ARTICLE + '<meta name="parsely-author" content="Gillan, Stefan">'
    header = ('<div class="author-container"><p class="author-name">by <a href="/author/stefangillan/">'
              'Stefan Gillan</a></p><p class="author-title">Contributor</p></div>')
    return page(head(TITLE, extra), story(header)), dict(title=TITLE, text=P[:4], authors=["Stefan Gillan"])


PLAN = [
    ("author-meta-author-copyright-holder", meta_author_copyright_holder),
    ("author-meta-author-login-name", meta_author_login_name),
    ("author-lead-in-own-element", lead_in_own_element),
    ("author-name-list-wrapped-in-source", name_list_wrapped_in_source),
    ("author-published-after-name", published_after_name),
    ("author-desk-glued-after-name", desk_glued_after_name),
    ("author-written-by-label", written_by_label),
    ("author-name-class", author_name_class),
    ("author-japanese-byline-label", japanese_byline_label),
    ("author-index-order-meta-author", index_order_meta_author),
]


# The pages that say another language than English (expected() writes "en").
LANGUAGES = {"author-japanese-byline-label": "ja"}


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN, languages=LANGUAGES)


if __name__ == "__main__":
    main()
