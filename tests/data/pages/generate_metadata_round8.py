#!/usr/bin/python3
"""Writes the eighth round's metadata pages (1120 on): one construct per
page, each a way today's news pages give their title, authors or date that
newsd misread when measured on a mirror of modern news pages (issue 16 item
8): the article's JSON-LD node inside a WebPage's "mainEntity", a date
without a zone beside the same wall clock with one, a headline's own second
part after a dash taken for the site's name, several writers joined in one
author string, an editor's code or a job word after the name, a picture
credit given as the author, the "twitter:misc:Written by" pair, a
description after the writer's name. A relapse
fails tests/feeds/extract/corpus_test.cpp without any outside corpus.
Written by hand here (no page of any site is copied; the names are made up),
with the building blocks of generate_mechanisms.py; <page>.expected.json
holds what a careful reader would name.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_round8.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, page_in, paragraphs  # noqa: E402

FIRST_INDEX = 1120
LAST_INDEX = 1139

ARTICLE = '<meta property="og:type" content="article">'


def story(header, headline=TITLE, body_texts=None):
    """The headline, then `header` (the byline), then the story's paragraphs."""
    return (NAV + f'<article><header><h1>{esc(headline)}</h1>{header}</header>\n<div class="entry-content">'
            + paragraphs(body_texts or P[:4]) + '</div></article>\n' + FOOTER)


def ld(data):
    return f'<script type="application/ld+json">{data}</script>'


def jsonld_main_entity():
    # The JSON-LD is a WebPage whose "mainEntity" is the NewsArticle: the
    # writer and the date are only there.
    extra = ARTICLE + ld('{"@context":"https://schema.org","@type":"WebPage","name":"' + TITLE + '",'
                         '"mainEntity":{"@type":"NewsArticle","headline":"' + TITLE + '",'
                         '"datePublished":"2025-03-05T21:40:00+01:00",'
                         '"author":[{"@type":"Person","name":"Hedda Lorne"}]}}')
    return (page(head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Hedda Lorne"], published="2025-03-05T20:40:00Z"))


def zoneless_date_with_zoned_meta():
    # JSON-LD writes the publication time with no zone (the newsroom's wall
    # clock); the "date" meta tag writes the same wall clock with its offset.
    extra = (ARTICLE + '<meta name="date" content="2025-03-05T21:40:00+02:00">'
             + ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"' + TITLE + '",'
                  '"datePublished":"2025-03-05 21:40:00.0"}'))
    return (page(head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], published="2025-03-05T19:40:00Z"))


HEADLINE_WITH_TAIL = "Night ferry service extended until the end of March \u2013 Mayor Overrules Board"


def dash_tail_shown_in_headline():
    # The headline's second part after a dash is short and in capitals, like
    # a site's or section's name; the page's h1 shows the title whole.
    return (page(head(HEADLINE_WITH_TAIL, ARTICLE), story("", headline=HEADLINE_WITH_TAIL)),
            dict(title=HEADLINE_WITH_TAIL, text=P[:4]))


CLAUSE_TITLE = "Night ferry service extended until the end of March - here is what changes"


def dash_tail_reads_as_clause():
    # The declared title's second part after a dash reads as words of a
    # sentence; the page's h1 is worded otherwise (a shorter headline).
    return (page(head(CLAUSE_TITLE, ARTICLE), story("", headline="Late ferries run all winter")),
            dict(title=CLAUSE_TITLE, text=P[:4]))


COLON_TITLE = "Night ferry service extended until the end of March: \u2013 Finally"


def head_ends_in_colon():
    # A quote after a colon and a dash: the head alone would end mid-sentence.
    return (page(head(COLON_TITLE, ARTICLE), story("", headline="Late ferries run all winter")),
            dict(title=COLON_TITLE, text=P[:4]))


def jsonld_names_joined_by_and():
    # Two writers in one JSON-LD Person name, joined by "and".
    extra = ARTICLE + ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"' + TITLE + '",'
                         '"author":"Samira Holt and Dennis Ware"}')
    return (page(head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Samira Holt", "Dennis Ware"]))


def meta_names_joined_by_und():
    # A German page's meta author: two writers joined by "und", then the agency.
    extra = ARTICLE + '<meta name="author" content="Lena Brandt und Jonas Feld, dpa">'
    return (page_in("de", head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Lena Brandt", "Jonas Feld"]))


def meta_names_joined_by_og():
    # A Danish page's article:author: two writers joined by "og".
    extra = ARTICLE + '<meta property="article:author" content="Trine Holm og Mads Krag">'
    return (page_in("da", head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Trine Holm", "Mads Krag"]))


def meta_comma_list_with_and():
    # Four writers in one meta author: commas, then "and" before the last.
    extra = ARTICLE + '<meta name="author" content="Ada Quist, Bram Olde, Cleo Marsh and Dara Penn">'
    return (page(head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Ada Quist", "Bram Olde", "Cleo Marsh", "Dara Penn"]))


def editor_code_after_name():
    # Each JSON-LD author carries the editor's short code in parentheses.
    extra = ARTICLE + ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"' + TITLE + '",'
                         '"author":[{"@type":"Person","name":"Elena Vogt (evo)"},'
                         '{"@type":"Person","name":"Paul Marti (pma.)"}]}')
    return (page(head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Elena Vogt", "Paul Marti"]))


def korean_reporter_word():
    # A Korean page's meta author: the name, then "기자" (reporter).
    extra = ARTICLE + '<meta name="author" content="김하늘 기자">'
    return page_in("ko", head(TITLE, extra), story("")), dict(title=TITLE, text=P[:4], authors=["김하늘"])


def picture_credit_as_author():
    # The lead picture's markup gives its credit as an itemprop author; the
    # byline names the writer.
    figure = ('<figure itemscope itemtype="https://schema.org/ImageObject"><img src="/media/ferry.jpg" alt="">'
              '<meta itemprop="author" content="(Image: Harbour Photo Agency)"></figure>')
    header = '<p class="byline">By <a rel="author" href="/people/emma-lowe">Emma Lowe</a></p>' + figure
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Emma Lowe"])


def twitter_misc_written_by():
    # No byline on the page; the link preview's "twitter:misc:Written by"
    # names the writer (and the meta author is an e-mail address).
    extra = (ARTICLE + '<meta name="author" content="o.brandt@harbourherald.example">'
             '<meta name="twitter:misc:Written by" content="Oskar Brandt">'
             '<meta name="twitter:misc:Est. reading time" content="3 minutes">')
    return page(head(TITLE, extra), story("")), dict(title=TITLE, text=P[:4], authors=["Oskar Brandt"])


def description_after_name():
    # A guest writer's JSON-LD name goes on, after a comma, with who she is
    # and the site's name.
    extra = ARTICLE + ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"' + TITLE + '",'
                         '"author":{"@type":"Person","name":"Mira Talvik, lecturer in maritime history at the '
                         'Harbour College, Harbour Herald"}}')
    return page(head(TITLE, extra), story("")), dict(title=TITLE, text=P[:4], authors=["Mira Talvik"])


PLAN = [
    ("meta-jsonld-main-entity", jsonld_main_entity),
    ("meta-zoneless-date-with-zoned-meta", zoneless_date_with_zoned_meta),
    ("meta-dash-tail-shown-in-headline", dash_tail_shown_in_headline),
    ("meta-dash-tail-reads-as-clause", dash_tail_reads_as_clause),
    ("meta-head-ends-in-colon", head_ends_in_colon),
    ("meta-jsonld-names-joined-by-and", jsonld_names_joined_by_and),
    ("meta-names-joined-by-und", meta_names_joined_by_und),
    ("meta-names-joined-by-og", meta_names_joined_by_og),
    ("meta-comma-list-with-and", meta_comma_list_with_and),
    ("meta-editor-code-after-name", editor_code_after_name),
    ("meta-korean-reporter-word", korean_reporter_word),
    ("meta-picture-credit-as-author", picture_credit_as_author),
    ("meta-twitter-misc-written-by", twitter_misc_written_by),
    ("meta-description-after-name", description_after_name),
]

# The pages that say another language than English (expected() writes "en").
LANGUAGES = {
    "meta-names-joined-by-und": "de",
    "meta-names-joined-by-og": "da",
    "meta-korean-reporter-word": "ko",
}


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN, languages=LANGUAGES)


if __name__ == "__main__":
    main()
