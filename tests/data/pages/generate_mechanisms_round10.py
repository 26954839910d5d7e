#!/usr/bin/python3
"""Writes the tenth round's mechanism pages (1160 on): one construct per
page, each a way pages from the wild lost their text to a parse that
differs from a browser's or to a rule that read them wrong (issue 16), so
that a relapse fails the corpus test without the shared real-world corpus.
Written by hand here (no corpus text is copied), with the building blocks of
generate_mechanisms.py; <page>.expected.json holds what a careful editor
would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_round10.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, bare_head, esc, paragraphs  # noqa: E402

FIRST_INDEX = 1160
LAST_INDEX = 1169

LEFT_MENU = ('<td width="150" valign="top"><a href="/">Home</a><br><a href="/news/">News</a><br>'
             '<a href="/archive/">Archive</a><br><a href="/contact/">Contact</a></td>\n')


def body_closed_early():
    # A server-side include brings its own "</body>" before the page's
    # layout table: libxml2 ends the body there and puts the rest of the
    # page beside it, where a browser shows it in the body. The body held
    # nothing but the include, and the page came out empty.
    include = '<div class="tracker"><img src="/stats.gif" width="1" height="1" alt=""></div>\n</body>\n'
    table = (f'<table width="760"><tr>{LEFT_MENU}<td valign="top"><h1>{esc(TITLE)}</h1>\n'
             + paragraphs(P) + '</td></tr></table>\n' + FOOTER)
    html = (f'<!DOCTYPE html>\n<html lang="en">\n{bare_head(TITLE)}<body>\n{include}{NAV}{table}'
            '</body>\n</html>\n')
    return html, dict(title=TITLE, text=P, site_name=None)


PLAN = [
    ("body-closed-early", body_closed_early),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
