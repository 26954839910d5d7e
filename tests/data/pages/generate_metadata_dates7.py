#!/usr/bin/python3
"""Writes the seventh round's date and title pages (1090 on): one construct
per page, each a way modern pages (2016-2022) show their date or title that
newsd missed or misread (issue 16, item 8): dates in the forms Chinese,
Japanese and Korean pages write, a datetime on a custom element, and titles
whose site name is set off as those pages set it. A relapse fails
tests/feeds/extract/corpus_test.cpp without any outside corpus. Written by
hand here (no page text is copied; the sites and words are made up), with the
building blocks of generate_mechanisms.py; <page>.expected.json holds the
value a careful reader takes from the page.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_dates7.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import page_in, write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page, paragraphs  # noqa: E402

FIRST_INDEX = 1090
LAST_INDEX = 1099

ARTICLE = '<meta property="og:type" content="article">'


def story(above, under_headline="", nav=NAV, footer=FOOTER):
    """`above` before the headline, `under_headline` after it, then the story."""
    return (nav + above + f'<article><h1>{esc(TITLE)}</h1>{under_headline}<div class="entry-content">'
            + paragraphs(P[:4]) + '</div></article>\n' + footer)


def japanese_dateline_before_footer_event():
    # A Japanese page dates its story "2025年03月05日 14時00分 公開" (year, month,
    # day and clock each followed by its character; "公開" = published) in a
    # date-classed line. The footer lists an event with its day in English in
    # a date-classed span too: when the story's line is not read, the event's
    # day is taken.
    footer = ('<div class="events"><h5>Next harbour open day</h5><span class="meta date">MARCH 28, 2025</span>'
              '</div>\n' + FOOTER)
    body = story("", '<p class="date">2025年03月05日 14時00分 公開</p>', footer=footer)
    return page_in("ja", head(TITLE, ARTICLE), body), dict(title=TITLE, text=P[:4], published="2025-03-05T14:00:00Z")


def last_updated_label_in_header():
    # A database page shows only "最終更新日：2025/03/05" (last updated: ...) in
    # its header, a label and a full-width colon, no class that says date.
    # It is the revision's date, and the only date the page gives.
    above = '<div class="head-note">最終更新日：2025/03/05</div>\n'
    return (page_in("ja", head(TITLE, ARTICLE), story(above)),
            dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z"))


def datetime_on_custom_element():
    # A code host's page dates its latest change with a custom element,
    # <relative-time datetime=...>, whose visible text has no year.
    under = ('<div class="latest-change">Updated by the harbour team '
             '<relative-time datetime="2025-03-05T14:00:00Z">on Mar 5</relative-time></div>')
    return page(head(TITLE, ARTICLE), story("", under)), dict(title=TITLE, text=P[:4], published="2025-03-05T14:00:00Z")


def year_first_day_in_date_list():
    # A press-release page sets the day as a definition list classed "date"
    # ("2025.03.05", year first: no doubt which is the month), above a heading
    # that names the section, not the story.
    above = ('<div class="release-head"><h2>News release</h2>\n<dl class="date">\n<dt>2025.03.05</dt>\n'
             '<dd><a href="/pdf/ferry.pdf">PDF</a></dd>\n</dl></div>\n')
    return (page_in("ja", head(TITLE, ARTICLE), story(above)),
            dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z"))


def headline_og_title_with_home_og_url():
    # The site's template sets og:url to the home page on every story; the
    # og:title is the story's headline, which the h1 shows. It is no site name.
    h = (f'<head><meta charset="utf-8"><title>{esc(TITLE)} - Harbour Herald</title>'
         f'<meta property="og:title" content="{esc(TITLE)}">'
         '<meta property="og:site_name" content="Harbour Herald">'
         '<meta property="og:url" content="https://harbourherald.example">'
         '<meta property="og:type" content="website"></head>\n')
    return page(h, story("")), dict(title=TITLE, text=P[:4])


def sentence_that_dates_the_story():
    # A news site's archive sets "This story is from March 5, 2025" over the
    # headline, in an element whose class is a build tool's hash.
    above = '<div class="k7Qz">This story is from March 5, 2025</div>\n'
    return (page(head(TITLE, ARTICLE), story(above)),
            dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z"))


JAPANESE_TITLE = "夜間フェリーの運航を三月末まで延長「港線」"
JAPANESE_SITE = "港の便り"


def site_name_after_unspaced_colon():
    # A Japanese blog's <title> and og:title end ":港の便り", the blog's name
    # after a colon with no space; the post's heading is an h3, not marked.
    h = (f'<head><meta charset="utf-8"><title>{JAPANESE_TITLE}:{JAPANESE_SITE}</title>'
         f'<meta property="og:title" content="{JAPANESE_TITLE}:{JAPANESE_SITE}">'
         f'<meta property="og:site_name" content="{JAPANESE_SITE}">{ARTICLE}</head>\n')
    body = (NAV + f'<div class="entry"><h3 class="hl">{JAPANESE_TITLE}</h3>' + paragraphs(P[:4]) + '</div>\n'
            + FOOTER)
    return page_in("ja", h, body), dict(title=JAPANESE_TITLE, text=P[:4], site_name=JAPANESE_SITE)


CHINESE_TITLE = "夜间渡轮服务延长至三月底"


def headline_before_section_and_site_h1():
    # A Chinese site's <title> joins headline, section and site with "_" and
    # no spaces; its h1 is the site's name (a hidden logo text), the story's
    # headline an h2. No og:title, no og:site_name.
    h = f'<head><meta charset="utf-8"><title>{CHINESE_TITLE}_交通_港口日报</title></head>\n'
    body = (NAV + '<h1 class="hidden">港口日报</h1>\n'
            f'<div class="article"><h2 class="title">{CHINESE_TITLE}</h2>' + paragraphs(P[:4]) + '</div>\n'
            + FOOTER)
    return page_in("zh", h, body), dict(title=CHINESE_TITLE, text=P[:4], site_name=None)


PLAN = [
    ("date-japanese-dateline-before-footer-event", japanese_dateline_before_footer_event),
    ("date-last-updated-label-in-header", last_updated_label_in_header),
    ("date-datetime-on-custom-element", datetime_on_custom_element),
    ("date-year-first-day-in-date-list", year_first_day_in_date_list),
    ("title-headline-og-title-with-home-og-url", headline_og_title_with_home_og_url),
    ("title-site-name-after-unspaced-colon", site_name_after_unspaced_colon),
    ("title-headline-before-section-and-site-h1", headline_before_section_and_site_h1),
    ("date-sentence-that-dates-the-story", sentence_that_dates_the_story),
]

# The pages that say another language than English (expected() writes "en").
LANGUAGES = {
    "date-japanese-dateline-before-footer-event": "ja",
    "date-last-updated-label-in-header": "ja",
    "date-year-first-day-in-date-list": "ja",
    "title-site-name-after-unspaced-colon": "ja",
    "title-headline-before-section-and-site-h1": "zh",
}


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN, languages=LANGUAGES)


if __name__ == "__main__":
    main()
