#!/usr/bin/python3
"""Writes the sixth round's author pages (1070 on): one construct per page, each
a way a page shows its author that newsd missed or misread (issue 16 item 8:
a byline the reader sees but newsd did not read, or another story's writer
taken for the page's), so that a relapse fails
tests/feeds/extract/corpus_test.cpp without the shared real-world corpus.
Written by hand here (no corpus text is copied; the names are made up), with
the building blocks of generate_mechanisms.py; <page>.expected.json holds the
authors a careful reader would name.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_authors6.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import page_in, write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1070
LAST_INDEX = 1079

ARTICLE = '<meta property="og:type" content="article">'


def story(header, body_texts=None, nav=NAV):
    """The headline, then `header` (the byline), then the story's paragraphs."""
    return (nav + f'<article><header><h1>{esc(TITLE)}</h1>{header}</header>\n<div class="entry-content">'
            + paragraphs(body_texts or P[:4]) + '</div></article>\n' + FOOTER)


def teaser_card_before_byline():
    # The site's menu lists the latest posts, each headline with its own
    # byline, before the story; the story's byline comes after its headline.
    # The first byline in the page is another story's writer.
    menu = ('<div id="mega-menu"><h3>Latest posts</h3><ul>'
            '<li><a href="/blog/tides-and-timetables"><h4>Tides and timetables</h4></a>'
            '<p class="byline">by <strong><a href="/blog/tides-and-timetables">Gustav Rehn</a></strong></p></li>'
            '<li><a href="/blog/a-winter-of-repairs"><h4>A winter of repairs</h4></a>'
            '<p class="byline">by <strong><a href="/blog/a-winter-of-repairs">Gustav Rehn</a></strong></p></li>'
            '</ul></div>\n')
    header = ('<p class="byline"><i>by</i> <a href="/authors/mirela-dunn">Mirela Dunn</a> <i>|</i> '
              '<span class="date">March 4, 2025</span></p>')
    return (page(head(TITLE, ARTICLE), story(header, nav=NAV + menu)),
            dict(title=TITLE, text=P[:4], authors=["Mirela Dunn"]))


def lead_only_byline_element():
    # A blog template marks only the lead as the byline ("Posted by") and
    # sets the name in the next element, with its job title.
    header = ('<div class="post-meta"><span class="byline-author">Posted by&nbsp;</span><span class="name">'
              'Oskar Lind, Product Manager</span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Oskar Lind"])


def byline_after_icon_link():
    # The post's meta line opens with an icon link (a picture, no words),
    # then the date and "By <name> in <section>".
    header = ('<div class="post-meta"><a href="#" class="clipper"><img src="/img/clip.png" alt=""></a>\n'
              'Posted March 4th, 2025 / By <a href="/author/ines-moreau/">Ines Moreau</a> '
              '<span class="cats">in <a href="/category/local/">Local</a></span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Ines Moreau"])


def wire_signoff():
    # A wire story names its reporter only in the sign-off at its end.
    closing = P[3] + " (Reporting by Tarik Halloran in Lisbon; Editing by Vera Dunne)"
    texts = P[:3] + [closing]
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="entry-content">' + paragraphs(texts)
            + '</div></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=texts, authors=["Tarik Halloran"])


def nitf_byline_element():
    # The page embeds its wire copy's news markup: a <byline> element (NITF,
    # NewsML) with the reporter and the place filed from.
    header = ('<div id="bylineDetails"><byline>Petra Novak, Lisbon</byline><br>'
              '<span class="date">March 4, 2025</span></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Petra Novak"])


def name_over_job_title():
    # An author box: the name's link, and the job title under it.
    header = ('<div class="author"><a class="author-link" href="/author/leon-brandt">Leon Brandt</a>'
              '<div class="author-title">Transport Editor</div></div>')
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Leon Brandt"])


def spanish_byline():
    # A Spanish page: "Por <name> y <name>".
    header = '<p class="firma">Por Ana Gómez y Luis Pérez</p>'
    return (page_in("es", head(TITLE, ARTICLE), story(header)),
            dict(title=TITLE, text=P[:4], authors=["Ana Gómez", "Luis Pérez"]))


def meta_author_list():
    # The meta author lists both writers, joined by a semicolon; the page
    # shows no byline.
    extra = ARTICLE + '<meta name="author" content="Hanna Ekberg;Milo Varga">'
    return (page(head(TITLE, extra), story("")),
            dict(title=TITLE, text=P[:4], authors=["Hanna Ekberg", "Milo Varga"]))


def blog_name_as_author_span():
    # A group blog's theme puts the blog's name in span.author beside the
    # headline (the <title> shows it as the site's part); the post's own
    # byline follows in the text.
    h = (f'<head><meta charset="utf-8"><title>{esc(TITLE)} | Tidewater</title>'
         '<meta property="og:type" content="article"></head>\n')
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)} <span class="author">Tidewater</span> <small>Mar 4</small>'
            '</h1><div class="entry"><p><em>By Daniel Okafor</em></p>\n' + paragraphs(P[:4]) + '</div></div>\n'
            + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], authors=["Daniel Okafor"], site_name=None)


def submitted_by():
    # Drupal's post line: "Submitted by <name> on <date>".
    header = '<div class="submitted">Submitted by Nils Aberg on Tue, 03/04/2025 - 3:04pm</div>'
    return page(head(TITLE, ARTICLE), story(header)), dict(title=TITLE, text=P[:4], authors=["Nils Aberg"])


PLAN = [
    ("author-teaser-card-before-byline", teaser_card_before_byline),
    ("author-lead-only-byline-element", lead_only_byline_element),
    ("author-byline-after-icon-link", byline_after_icon_link),
    ("author-wire-signoff", wire_signoff),
    ("author-nitf-byline-element", nitf_byline_element),
    ("author-name-over-job-title", name_over_job_title),
    ("author-spanish-byline", spanish_byline),
    ("author-meta-author-list", meta_author_list),
    ("author-blog-name-as-author-span", blog_name_as_author_span),
    ("author-submitted-by", submitted_by),
]

# The pages that say another language than English (expected() writes "en");
# German's and Italian's bylines are in tests/feeds/extract/metadata_authors_test.cpp.
LANGUAGES = {"author-spanish-byline": "es"}


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN, languages=LANGUAGES)


if __name__ == "__main__":
    main()
