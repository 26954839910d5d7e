#!/usr/bin/python3
"""Writes the title-choosing pages (1010 on): pages whose <title>, og:title
or first h1 is not the story's headline at all (the site's name, a section's
name, nothing, or a <title> left open that swallows the head's scripts), the
headline being the heading right above the article's text (issue 16, item 8).
One construct per page, written by hand here (no corpus text is copied), with
the building blocks of generate_mechanisms.py; <page>.expected.json holds the
title a careful editor would give.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_choose.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, page, paragraphs  # noqa: E402

FIRST_INDEX = 1010
LAST_INDEX = 1019

BYLINE = "By Marta Kowalczyk"


def bare_head(title_html, extra=""):
    return f'<head><meta charset="utf-8">{title_html}{extra}</head>\n'


def site_name_title():
    # The <title> is the paper's name on every page (no og:title, no site
    # name declared, and the name is not the host's): the headline is the
    # heading set right above the story's text.
    body = ('<div id="masthead"><a href="/"><img src="/logo.gif" alt="Town Crier"></a></div>\n' + NAV
            + '<table><tr><td class="main">'
            + f'<span class="article_headline">{esc(TITLE)}</span>'
            + f'<p class="byline">{esc(BYLINE)}</p>\n' + paragraphs(P[:4]) + '</td></tr></table>\n' + FOOTER)
    return (page(bare_head('<title>Town Crier</title>'), body), dict(title=TITLE, text=P[:4], site_name=None))


def section_label_h1():
    # The section's name in the first h1 and the <title> ("Harbour Herald -
    # Latest News"), the story's headline an h2 below it, above the text.
    body = (NAV + '<h1>Latest News</h1>\n<div class="story">'
            + f'<h2>{esc(TITLE)}</h2>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return (page(bare_head('<title>Harbour Herald - Latest News</title>'), body),
            dict(title=TITLE, text=P[:4], site_name=None))


def no_title_at_all():
    # No <title>, no metadata: the headline is only a cell whose class says
    # so ("contentheading"), above the story's cell.
    body = (NAV + '<table class="content"><tr><td class="contentheading">' + esc(TITLE) + '</td></tr>\n'
            '<tr><td><p class="byline">' + esc(BYLINE) + '</p>\n' + paragraphs(P[:4])
            + '</td></tr></table>\n' + FOOTER)
    return (page(bare_head(''), body), dict(title=TITLE, text=P[:4], site_name=None))


def title_left_open():
    # A <title> whose end tag is missing: libxml2 reads the head's scripts
    # and styles into it. Only its first line is the title (the site's name
    # cut from it as usual); the page shows the headline in no heading that
    # could stand in.
    script = ('<script type="text/javascript">\nvar adSlots = {top: "728x90", side: "160x600"};\n'
              'function openPrint() { window.open("/print", "print", "width=500"); }\n</script>\n'
              '<style>\n.story p { margin: 0 0 1em; }\n</style>\n')
    head_html = ('<head><meta charset="utf-8"><meta property="og:site_name" content="Harbour Herald">\n'
                 f'<title>{esc(TITLE)} - Harbour Herald\n' + script + '</head>\n')
    body = (NAV + '<div class="story">' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return (page(head_html, body), dict(title=TITLE, text=P[:4]))


PLAN = [
    ("site-name-title", site_name_title),
    ("section-label-h1", section_label_h1),
    ("no-title-at-all", no_title_at_all),
    ("title-left-open", title_left_open),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
