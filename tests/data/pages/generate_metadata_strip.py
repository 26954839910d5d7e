#!/usr/bin/python3
"""Writes the title-cleanup mechanism pages (1000 on): one construct per page,
each a <title> that keeps the site's, section's or date's words around the
headline where the page shows the headline by itself (issue 16, item 8), so
that a relapse fails tests/feeds/extract/corpus_test.cpp without the shared
real-world corpus. Written by hand here (no corpus text is copied), with the
building blocks of generate_mechanisms.py; <page>.expected.json holds the
title a careful editor would give.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_strip.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import bare_head, write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, page, paragraphs  # noqa: E402

FIRST_INDEX = 1000
LAST_INDEX = 1009


# The headline element is not an h1, so the text keeps it as its first line
# (the real corpora's gold texts begin with the headline too); these pages
# are about the title field.


def title_site_and_section_words():
    # "Site :: Section :: Headline": the site's name and the section stand
    # before the headline, which the page shows in an element whose class
    # says headline (no h1). Cutting only the site's name left the section.
    title = f"Harbour Herald :: Local News :: {TITLE}"
    body = (NAV + f'<div class="story"><div class="headline">{esc(TITLE)}</div>\n' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return (page(bare_head(title), body),
            dict(title=TITLE, text=[TITLE] + P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/local/night-ferry-extended.html"))


def title_long_site_tail():
    # "Headline | Site: the site's motto": a tail too long to look like a
    # site's name, and a host that names only part of it; the page shows
    # the headline as the story's title element.
    title = f"{TITLE} | Harbour Herald: news, sport and weather for the whole bay area"
    body = (NAV + f'<article><div class="story-title">{esc(TITLE)}</div>\n' + paragraphs(P[:4])
            + '</article>\n' + FOOTER)
    return (page(bare_head(title), body),
            dict(title=TITLE, text=[TITLE] + P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-extended"))


def title_date_field():
    # "Headline | 5 March 2025 | Site": the site prints the story's date as a
    # field of its <title>, and the page shows the headline only as a picture
    # (no text to compare with). A part set off by pipes that is only a date
    # is never the headline's; cutting the site's name alone left the date.
    title = f"{TITLE} | 5 March 2025 | Harbour Herald"
    body = (NAV + '<div class="story"><p><img src="/img/headline-ferry.png" alt=""></p>\n' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return (page(bare_head(title), body),
            dict(title=TITLE, text=P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-extended"))


PLAN = [
    ("title-site-and-section-words", title_site_and_section_words),
    ("title-long-site-tail", title_long_site_tail),
    ("title-date-field", title_date_field),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
