#!/usr/bin/python3
"""Writes the title-parts and title-typography mechanism pages (1050 on): one
construct per page, each a <title> that keeps the site's words or spells the
headline otherwise than the page shows it (issue 16, item 8), so that a
relapse fails tests/feeds/extract/corpus_test.cpp without the shared
real-world corpus. Written by hand here (no corpus text is copied), with the
building blocks of generate_mechanisms.py; <page>.expected.json holds the
title a careful editor would give: the headline as the reader sees it.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_typography.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import bare_head, write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, page, paragraphs  # noqa: E402

FIRST_INDEX = 1050
LAST_INDEX = 1059

BLOG = "https://harbourlights.example"


def title_permalink_heading():
    # A blog theme links the post's headline to its permalink in a bare h2
    # (no class), and the <title> ends with the blog's name and its motto,
    # too long to look like a name. The link to the page itself says which
    # part of the <title> is the headline.
    url = f"{BLOG}/2025/03/night-ferry-extended/"
    title = f"{TITLE} – Harbour Lights - the log of the crews who run the eastern shore ferries"
    body = ('<div id="header"><h1><a href="/">Harbour Lights – the log of the crews who run the eastern shore'
            ' ferries</a></h1></div>\n<div class="post">'
            f'<h2><a href="{url}" rel="bookmark">{esc(TITLE)}</a></h2>\n' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return (page(bare_head(title, f'<link rel="canonical" href="{url}">'), body),
            dict(title=TITLE, text=P[:4], site_name=None, url=url))


TYPOGRAPHIC = "Harbour’s night ferry won’t stop in March — the board’s “last word”"
ASCII = "Harbour's night ferry won't stop in March -- the board's \"last word\""


def title_typography():
    # The <title> spells the headline in ASCII (straight quotes, "--"), the
    # page's h1 with typographic quotes and an em dash: the title is what the
    # reader sees.
    body = (NAV + f'<article><h1>{esc(TYPOGRAPHIC)}</h1>\n' + paragraphs(P[:4]) + '</article>\n' + FOOTER)
    return (page(bare_head(f"{ASCII} | Harbour Herald"), body),
            dict(title=TYPOGRAPHIC, text=P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-wont-stop"))


def title_cut_short():
    # The publishing system cuts the <title> at a length before the site's
    # words: the page's headline begins with what is left.
    title = ("Night ferry service extended until the - Harbour Herald: news, sport and weather for the "
             "whole bay area")
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>\n' + paragraphs(P[:4]) + '</article>\n' + FOOTER)
    return (page(bare_head(title), body),
            dict(title=TITLE, text=P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-extended"))


def title_site_glued():
    # The theme writes the site's name right after the headline, no space
    # and no mark between them; the headline is the story's title element.
    body = (NAV + f'<div class="story"><div class="story-title">{esc(TITLE)}</div>\n' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return (page(bare_head(f"{TITLE}HarbourHerald"), body),
            dict(title=TITLE, text=[TITLE] + P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-extended"))


def title_bullet_mark():
    # A bullet ("●") joins the headline and the blog's name; the motto after
    # a dash is short enough to be cut as a tail, which left the name.
    title = f"{TITLE} ● Harbour Lights - crew notes"
    url = f"{BLOG}/2025/03/night-ferry-extended/"
    body = ('<div id="header"><p class="blog-name"><a href="/">Harbour Lights</a></p></div>\n'
            f'<div class="post"><h2 class="entry-title">{esc(TITLE)}</h2>\n' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return (page(bare_head(title), body), dict(title=TITLE, text=P[:4], site_name=None, url=url))


def title_parenthesised_site():
    # "Headline In Title Case (from The Site)": the site's name in brackets
    # after the headline, which the <title> sets in title case; the page
    # shows the headline in its own (sentence) case, and that is the title.
    title = "Night Ferry Service Extended Until The End Of March (from The Harbour Herald)"
    body = (NAV + f'<div class="story"><div class="headline">{esc(TITLE)}</div>\n' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return (page(bare_head(title), body),
            dict(title=TITLE, text=[TITLE] + P[:4], site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-extended"))


PLAN = [
    ("title-permalink-heading", title_permalink_heading),
    ("title-typography", title_typography),
    ("title-cut-short", title_cut_short),
    ("title-site-glued", title_site_glued),
    ("title-bullet-mark", title_bullet_mark),
    ("title-parenthesised-site", title_parenthesised_site),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
