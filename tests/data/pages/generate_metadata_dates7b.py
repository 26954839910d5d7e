#!/usr/bin/python3
"""Writes the seventh round's second set of date pages (1104 on): one construct
per page, each a way multilingual news pages of 2020 show their date that
newsd missed (issue 16, item 8): a Yoast-style JSON-LD @graph whose WebPage
node alone carries the dates, Hungarian "2025. 03. 05." dates, Arabic month
names (the Gregorian names transliterated and the Levantine ones side by
side, with ص/م for morning and evening), Romanian month names, and a
JSON-LD block with a stray brace after its one object. A relapse
fails tests/feeds/extract/corpus_test.cpp without any outside corpus. Written
by hand here (no page text is copied; the sites and words are made up), with
the building blocks of generate_mechanisms.py; <page>.expected.json holds the
value a careful reader takes from the page.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_dates7b.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import page_in, write_round  # noqa: E402
from generate_metadata_dates7 import story  # noqa: E402
from generate_mechanisms import FOOTER, P, TITLE, head, page  # noqa: E402

FIRST_INDEX = 1104
LAST_INDEX = 1109

ARTICLE = '<meta property="og:type" content="article">'


def web_page_node_in_graph():
    # An SEO plugin writes one @graph: the site (WebSite), the page (WebPage)
    # with the post's datePublished and dateModified, and its image; no
    # Article node. og:type says article, and the page shows no date.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://harbour.example/#website", "url": "https://harbour.example/",
             "name": "Harbour Herald"},
            {"@type": "ImageObject", "@id": "https://harbour.example/ferry/#primaryimage",
             "url": "https://harbour.example/img/ferry.jpg"},
            {"@type": "WebPage", "@id": "https://harbour.example/ferry/#webpage", "url": "https://harbour.example/ferry/",
             "name": TITLE, "isPartOf": {"@id": "https://harbour.example/#website"},
             "datePublished": "2025-03-05T08:15:00+00:00", "dateModified": "2025-03-06T10:00:00+00:00"},
        ],
    }
    script = '<script type="application/ld+json">' + json.dumps(graph) + '</script>'
    return (page(head(TITLE, ARTICLE + script), story("")),
            dict(title=TITLE, text=P[:4], published="2025-03-05T08:15:00Z"))


def hungarian_spaced_year_first_dateline():
    # A Hungarian page dates its story "2025. 03. 05. 14:20": the year first,
    # a period and a space after the year, the month and the day.
    body = story("", '<p class="date">2025. 03. 05. 14:20</p>')
    return page_in("hu", head(TITLE, ARTICLE), body), dict(title=TITLE, text=P[:4], published="2025-03-05T14:20:00Z")


def arabic_text_in_published_time_meta():
    # An Egyptian CMS writes article:published_time as the text it shows:
    # "الخميس، 06 مارس 2025 - 03:40 م" (Thursday, 6 March 2025 - 3:40 in the
    # evening: م is p.m.). No other date on the page.
    meta = ARTICLE + '<meta property="article:published_time" content="الخميس، 06 مارس 2025 - 03:40 م">'
    return (page_in("ar", head(TITLE, meta), story("")),
            dict(title=TITLE, text=P[:4], published="2025-03-06T15:40:00Z"))


def levantine_and_egyptian_month_names_in_dateline():
    # A Jordanian page writes both names of the month, the Levantine and the
    # transliterated one: "نُشر الأربعاء 05 آذار / مارس 2025 09:10 مساءً"
    # (published Wednesday 5 March 2025 9:10 in the evening).
    body = story("", '<div class="article_created">نشر في الأربعاء 05 آذار / مارس 2025 09:10 مساءً</div>')
    return page_in("ar", head(TITLE, ARTICLE), body), dict(title=TITLE, text=P[:4], published="2025-03-05T21:10:00Z")


def romanian_month_name_in_dateline():
    # A Romanian page: "miercuri, 5 martie 2025" (Wednesday, 5 March 2025).
    body = story("", '<p class="date">miercuri, 5 martie 2025</p>')
    return page_in("ro", head(TITLE, ARTICLE), body), dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z")


def stray_brace_after_news_article_json_ld():
    # The template closes the NewsArticle block with one brace too many, so
    # the block is not valid JSON as a whole; its first value is whole and
    # gives the date, the only one of the story (the teaser below it shows
    # another story's day).
    article = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
        "datePublished": "2025-03-05T18:10:00+01:00", "dateModified": "2025-03-05T18:20:00+01:00",
        "publisher": {"@type": "Organization", "name": "Harbour Herald"},
    }
    script = '<script type="application/ld+json">' + json.dumps(article, indent=1) + '\n}\n</script>'
    teaser = ('<div class="more-news"><h3><a href="/news/lighthouse-paint/">Lighthouse gets a new coat of paint</a>'
              '</h3><div class="article-date-time"><span>09.01.2025 u 10:52</span></div></div>\n')
    body = story("", footer=teaser + FOOTER)
    return page(head(TITLE, ARTICLE + script), body), dict(title=TITLE, text=P[:4], published="2025-03-05T17:10:00Z")


PLAN = [
    ("date-web-page-node-in-graph", web_page_node_in_graph),
    ("date-hungarian-spaced-year-first-dateline", hungarian_spaced_year_first_dateline),
    ("date-arabic-text-in-published-time-meta", arabic_text_in_published_time_meta),
    ("date-levantine-and-egyptian-month-names", levantine_and_egyptian_month_names_in_dateline),
    ("date-romanian-month-name-in-dateline", romanian_month_name_in_dateline),
    ("date-stray-brace-after-news-article-json-ld", stray_brace_after_news_article_json_ld),
]

# The pages that say another language than English (expected() writes "en").
LANGUAGES = {
    "date-hungarian-spaced-year-first-dateline": "hu",
    "date-arabic-text-in-published-time-meta": "ar",
    "date-levantine-and-egyptian-month-names": "ar",
    "date-romanian-month-name-in-dateline": "ro",
}


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN, languages=LANGUAGES)


if __name__ == "__main__":
    main()
