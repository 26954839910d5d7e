#!/usr/bin/python3
"""Writes the published-date pages (1030 on): one construct per page, each a
way real pages hide or mislead the date a story was published (issue 16, item
8), so that a relapse fails tests/feeds/extract/corpus_test.cpp without the
shared real-world corpus. Written by hand here (no corpus text is copied), with
the building blocks of generate_mechanisms.py; <page>.expected.json holds the
date a careful reader takes from the page.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_dates.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1030
LAST_INDEX = 1039

ARTICLE_HEAD = '<meta property="og:type" content="article">'


def most_read(times):
    # A "most read" box beside the story: each teaser with its own <time>.
    items = "".join(f'<li><a href="/news/{n}/">Another story from the harbour, number {n}</a> '
                    f'<time datetime="{t}">{n + 2} hours ago</time></li>' for n, t in enumerate(times))
    return f'<aside class="most-read"><h3>Most read</h3><ul>{items}</ul></aside>\n'


def render_date_against_path():
    # A "date" meta stamped when the page was served, a week after the story;
    # the path says the day it was filed, and the story's own <time> agrees
    # with the path. The meta is the page view's time, not the story's.
    h = head(TITLE, ARTICLE_HEAD + '<meta name="date" content="March 12, 2025, 4:05 pm">')
    body = (NAV + most_read(["2025-03-12T09:00:00+01:00"])
            + f'<article><h1>{esc(TITLE)}</h1><p class="meta"><time datetime="2025-03-05T18:20:00+01:00">'
            '5 Mar 2025</time></p>' + paragraphs(P[:4]) + '</article>\n' + FOOTER)
    return (page(h, body),
            dict(title=TITLE, text=P[:4], published="2025-03-05T17:20:00Z",
                 url="https://harbourherald.example/news/2025/03/05/night-ferry-extended/"))


def visible_time_before_sidebar_time():
    # The story's <time> gives its date only as text; a product box further
    # down has a <time datetime> of its own. The first <time> is the story's.
    h = head(TITLE, ARTICLE_HEAD)
    box = ('<div class="review-box"><p>Ferry timetable app, reviewed</p><p>Review date: '
           '<time datetime="2024-11-02">11/02/24</time></p></div>\n')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="story-info"><span class="author">by Ana Ruiz</span> '
            '<time class="stamp">March 5, 2025 9:40 AM CET</time></div>' + paragraphs(P[:4]) + box
            + '</article>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T08:40:00Z")


def byline_with_date():
    # "by Name on Weekday, Month D, YYYY at h:mmam" in an element with no
    # class; the comments below carry lines of the same shape, later.
    h = head(TITLE, ARTICLE_HEAD)
    comments = [
        ("harbourfan", "March 6, 2025 at 7:02am", "Good news at last for the night shift."),
        ("eastsider", "March 7, 2025 at 10:15pm", "I will believe it when the boats are repaired."),
    ]
    thread = "".join(f'<div class="comment"><p class="comment-meta">by {esc(name)} on {esc(when)}</p>'
                     f'<p>{esc(said)}</p></div>' for name, when, said in comments)
    body = (NAV + f'<div class="post"><h2>{esc(TITLE)}</h2><div class="x1 y2">by <a href="/people/ana-maria-ruiz">'
            'Ana Maria Ruiz</a> on Wednesday, March 5, 2025 at 9:15am</div>' + paragraphs(P[:4]) + '</div>\n'
            + f'<div id="responses"><h3>Responses</h3>{thread}</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T09:15:00Z")


def time_classed_dateline():
    # The dateline's class says "time" ("timeLine"), not "date".
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + f'<div id="story"><div class="heading"><h1>{esc(TITLE)}</h1><div class="timeLine"> '
            'March 5, 2025 6:45 PM </div></div>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T18:45:00Z")


def date_before_byline_in_meta_line():
    # A WordPress "entry-meta" line: the date first, the author after it.
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + f'<div class="post"><h1 class="entry-title">{esc(TITLE)}</h1><div class="entry-meta">'
            '<abbr title="March 5, 2025 at 12:05 am">March 5th, 2025</abbr> by <a href="/author/tberg/">'
            'Tomas Berg</a></div><div class="entry-content">' + paragraphs(P[:4]) + '</div></div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z")


def posted_line_in_heading():
    # A blog theme's "Posted on <date> in <category>" as a bare heading over
    # the post; no class says date.
    h = head(TITLE, ARTICLE_HEAD)
    body = (NAV + f'<div id="main"><h2>{esc(TITLE)}</h2><h3>Posted on March 5th, 2025 in '
            '<a href="/category/harbour/">Harbour</a></h3>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z")


def meta_line_with_buttons():
    # The byline and date open a "meta" line that goes on with share links:
    # the date is in its first words, the line is long.
    h = head(TITLE, ARTICLE_HEAD)
    buttons = ('<a href="#tweet">Tweet this story to your followers</a> <a href="#share">Share it with your '
               'friends</a> <a href="#mail">Send it by email</a>')
    body = (NAV + f'<div class="story"><h1>{esc(TITLE)}</h1><div class="meta">By <a href="/about/ana">Ana Ruiz</a>'
            f' - March 5, 2025 {buttons}</div>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z")


PLAN = [
    ("render-date-against-path", render_date_against_path),
    ("visible-time-before-sidebar-time", visible_time_before_sidebar_time),
    ("byline-with-date", byline_with_date),
    ("time-classed-dateline", time_classed_dateline),
    ("date-before-byline-in-meta-line", date_before_byline_in_meta_line),
    ("posted-line-in-heading", posted_line_in_heading),
    ("meta-line-with-buttons", meta_line_with_buttons),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
