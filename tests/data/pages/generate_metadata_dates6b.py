#!/usr/bin/python3
"""Writes the sixth round's second-wave published-date pages (1064 on): one
construct per page, each a dateline form real pages show (issue 16, item 8),
so that a relapse fails tests/feeds/extract/corpus_test.cpp without the
shared real-world corpus. Written by hand here (no corpus text is copied),
with the building blocks of generate_mechanisms.py; <page>.expected.json holds
the date a careful reader takes from the page.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_dates6b.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1064
LAST_INDEX = 1069

ARTICLE_HEAD = '<meta property="og:type" content="article">'


def clock_before_the_date():
    # The dateline prints the time of day before the day, with the zone
    # ("9:40 pm EST, Wed March 5, 2025"): the story was published that
    # evening in New York, the page's own day and offset kept (in UTC it is
    # already March 6th).
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="dateline">by Pat Hill | 9:40 pm EST, '
            'Wed March 5, 2025</div>' + paragraphs(P[:4]) + '</article>\n' + FOOTER)
    return (page(h, body),
            dict(title=TITLE, text=P[:4], published="2025-03-06T02:40:00Z", authors=["Pat Hill"]))

def press_release_opening():
    # A press release prints its day on its first line, "For Immediate
    # Release: Mar. 5, 2025", under a heading that names the kind of page
    # ("NEWS RELEASE"), not the story; the next line (after a <br>) gives the
    # contacts. No markup, no path date.
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + '<div class="middle-column"><h3>HARBOUR BOARD NEWS RELEASE</h3>'
            '<p><strong>For Immediate Release:</strong> Mar. 5, 2025<br><strong>Media Inquiries:</strong> '
            'Pat Hill, 555-0100</p>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    text = ["HARBOUR BOARD NEWS RELEASE", "For Immediate Release: Mar. 5, 2025\nMedia Inquiries: Pat Hill, 555-0100"]
    return page(h, body), dict(title=TITLE, text=text + P[:4], published="2025-03-05T00:00:00Z")


PLAN = [
    ("clock-before-the-date", clock_before_the_date),
    ("press-release-opening", press_release_opening),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
