#!/usr/bin/python3
"""Writes the third round of mechanism pages (940 on): one construct per page,
each a failure class found on real pages (issue 16: readability's real pages and
CleanPortalEval), so that a relapse fails tests/extract/corpus_test.cpp without
the shared real-world corpus. Written by hand here (no corpus text is copied),
with the building blocks of generate_mechanisms.py; <page>.expected.json holds
what a careful editor would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_round3.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import (FOOTER, NAV, OUT, P, TITLE, esc, expected, head,  # noqa: E402
                                 page, paragraphs)

FIRST_INDEX = 940

# More of the same story, for pages that need a long body.
P2 = [
    "The eastern shore has no bridge of its own, so the ferry is the only way across after the last "
    "bus leaves at ten, and taxis round the bay cost more than most shift workers earn in an hour.",
    "Hospital staff, cleaners and bakers make up most of the late passengers, the operator said, and "
    "many of them have no car, which is why the board treated the crossing as a public service.",
    "The grant from the transport fund runs for one year only, so the board will have to find the "
    "money again next winter, unless the regional council makes the service part of its budget.",
    "Two of the board's seven members voted against the extension, arguing that the money would be "
    "better spent on repairing the older boats before they fail in the middle of the winter.",
    "The operator has promised to publish monthly passenger figures for the late crossings, so that "
    "the board can see, before the spring review, whether the demand holds up after the holidays.",
    "Residents who want to speak at the public meeting in April can register at the town hall or by "
    "letter, and the board has said it will answer every written question before the vote.",
]


def cards(headlines):
    return "".join(f'<div class="card"><h3><a href="/news/{i}/">{esc(h)}</a></h3></div>'
                   for i, h in enumerate(headlines))


RELATED = ["Harbour bridge repairs start in May", "Bus timetable changes for the summer",
           "New cycle lane opens on the quay", "Council approves the ferry budget"]


def split_story_parts():
    # 4: the story is cut into two "story-body" parts around an ad slot, each
    # in a wrapper of its own beside a box of related cards; the <article>
    # holds both. The best part alone is half the story.
    def part(texts, box):
        return ('<div class="story-body-wrap"><div class="story-body">' + paragraphs(texts) + '</div>'
                f'<div class="supplemental"><h4>More on this</h4>{cards(box)}</div></div>')
    body = (NAV + f'<article id="story"><header><h1>{esc(TITLE)}</h1></header><div class="story-main">'
            + part(P[:1], RELATED[:2]) + '<div class="ad-slot"></div>' + part(P[1:6] + P2, RELATED[2:])
            + '</div></article>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:6] + P2)


def mathml_formula():
    # Formulas in MathML are the article's text: their symbols are words (a
    # formula hidden for screen readers only, display:none, is not); the TeX
    # source in <annotation> is not shown.
    formula = ('<math display="block"><semantics><mrow><mi>c</mi><mo>=</mo><mi>d</mi><mo>/</mo><mi>t</mi>'
               '</mrow><annotation encoding="application/x-tex">c = d / t</annotation></semantics></math>')
    hidden = '<span style="display: none"><math><mi>q</mi><mo>=</mo><mn>7</mn></math></span>'
    lead = "The crossing time follows from the distance and the speed of the boat:"
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + f'<p>{esc(lead)}</p>' + formula
            + f'<p>{esc(P[2])}{hidden}</p>' + paragraphs(P[3:5]) + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:2] + [lead, "c = d / t"] + P[2:5]))


def heading_slug_ids():
    # Documentation-style sections carry the slug of their own heading as id;
    # a furniture word in the heading ("Sharing the cost") is the author's,
    # not the template's, and must not remove the section.
    sections = [("How the night service began", P[:2]), ("Sharing the cost with the region", P[2:4]),
                ("Related changes to the bus timetable", P[4:6])]
    body = NAV + f'<div class="document"><h1>{esc(TITLE)}</h1>'
    for heading, texts in sections:
        slug = "-".join(heading.lower().split())
        body += f'<div class="section" id="{slug}"><h2>{esc(heading)}</h2>' + paragraphs(texts) + '</div>'
    body += '</div>\n' + FOOTER
    text = []
    for heading, texts in sections:
        text += [heading] + texts
    return page(head(TITLE), body), dict(title=TITLE, text=text)


def title_over_logo_h1():
    # 8: no declared title; the page's first h1 is the site's logo line, which
    # the <title> does not contain: the <title> names the page.
    h = (f'<head><meta charset="utf-8"><title>{esc(TITLE)} | Harbour Herald</title>'
         '<meta property="og:site_name" content="Harbour Herald"></head>\n')
    body = ('<div class="masthead"><h1>Your town, every morning</h1></div>\n' + NAV
            + f'<div class="story"><h2>{esc(TITLE)}</h2>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4])


def title_headline_description():
    # 8: the JSON-LD "headline" is a one-line description that neither the
    # <title> nor the h1 shows; both of those agree on the headline.
    ld = ('{"@context": "https://schema.org", "@type": "Article", '
          '"headline": "harbour board decision on the winter timetable"}')
    h = (f'<head><meta charset="utf-8"><title>{esc(TITLE)} - Harbour Herald</title>'
         f'<meta property="og:site_name" content="Harbour Herald"><script type="application/ld+json">{ld}</script></head>\n')
    body = NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:4]) + '</article>\n' + FOOTER
    return page(h, body), dict(title=TITLE, text=P[:4])


def author_person_over_organisation():
    # 8: the JSON-LD names only the publisher (an Organization) as author; the
    # page's microdata names the person (itemprop "author creator", with the
    # date beside the name): the person is the author, by the name alone.
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"author": {"@type": "Organization", "name": "Harbour Herald"}}')
    h = head(TITLE, f'<script type="application/ld+json">{ld}</script>')
    byline = ('<p class="credit" itemprop="author creator" itemscope itemtype="http://schema.org/Person">'
              '<a itemprop="url" href="/staff/tomas-berg/"><span itemprop="name">Tomas Berg</span></a> - '
              '<time datetime="2025-02-13T18:14:00Z">Feb 13, 2025 6:14 pm UTC</time></p>')
    body = NAV + f'<article><h1>{esc(TITLE)}</h1>{byline}' + paragraphs(P[:4]) + '</article>\n' + FOOTER
    return page(h, body), dict(title=TITLE, text=P[:4], authors=["Tomas Berg"], published="2025-02-13T18:14:00Z")


def byline_glued_date():
    # 8: a byline whose date follows the name without a space (markup that
    # put them in adjacent spans): the name without the date.
    byline = ('<p class="byline"><span class="by">by</span> <a href="/staff/tomas-berg/">Tomas Berg</a>'
              '<span class="date">13 Feb 2025</span></p>')
    body = NAV + f'<article><h1>{esc(TITLE)}</h1>{byline}' + paragraphs(P[:4]) + '</article>\n' + FOOTER
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:4], authors=["Tomas Berg"], published="2025-02-13T00:00:00Z"))


def standfirst_in_header():
    # 4: the standfirst sits in the article's <header> beside the headline,
    # the byline and the dateline, not in the body: its sentence is the
    # story's opening; the header's other lines are not.
    standfirst = ("Shift workers on the eastern shore get four more months of late crossings, "
                  "paid for by a one-off regional grant.")
    header = (f'<header><p class="kicker">Transport</p><h1>{esc(TITLE)}</h1><p>{esc(standfirst)}</p>'
              '<p>By Tomas Berg</p><p><time datetime="2025-02-13T18:14:00Z">13 February 2025</time></p></header>')
    body = NAV + f'<article>{header}<div class="body">' + paragraphs(P[:5]) + '</div></article>\n' + FOOTER
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=[standfirst] + P[:5]))


def linked_subheads():
    # 6: a list article whose subheads link to their subjects on other sites,
    # each followed by an embed's empty wrapper and a paragraph about it: the
    # subheads are the article's structure, not story cards' headlines.
    items = [("The night ferry (timetable)", P[0] + " " + P[1]),
             ("The harbour bus (route map)", P[2] + " " + P[3]),
             ("The quay cycle lane (plan)", P[4] + " " + P[5])]
    body = NAV + f'<article><h1>{esc(TITLE)}</h1>'
    for i, (heading, text) in enumerate(items):
        body += (f'<h3><a href="https://transport.example/item/{i}/">{esc(heading)}</a></h3>'
                 f'<div class="embed-wrapper"><iframe src="https://video.example/{i}"></iframe></div>'
                 f'<p>{esc(text)}</p>')
    body += '</article>\n' + FOOTER
    text = []
    for heading, paragraph in items:
        text += [heading, paragraph]
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=text)


def h1_section_headings():
    # 6: an editor that sets the post's sections in h1 (Medium does): the h1
    # above the first paragraph is the headline (the title field); the h1s
    # below prose are the article's section headings.
    sections = [("Why the service was extended", P[:2]), ("What it costs", P[2:4]), ("What comes next", P[4:6])]
    body = NAV + f'<article><section><h1>{esc(TITLE)}</h1>' + paragraphs(P2[:1])
    for heading, texts in sections:
        body += f'<h1>{esc(heading)}</h1>' + paragraphs(texts)
    body += '</section></article>\n' + FOOTER
    text = P2[:1]
    for heading, texts in sections:
        text += [heading] + texts
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=text)


def title_beside_masthead_h1():
    # 8: no declared title or site name; the <title> is "Post – Blog" and the
    # masthead h1 holds just the blog's name, which the <title> contains. The
    # post's own heading (an h2 "entry-title") shows the other side: that is
    # the title, and the h1 is the site's name.
    blog = "Notes from the Quay"
    h = f'<head><meta charset="utf-8"><title>{esc(TITLE)} \u2013 {esc(blog)}</title></head>\n'
    body = (f'<header class="site-header"><h1 class="site-title"><a href="/">{esc(blog)}</a></h1></header>\n'
            + NAV + f'<div class="post"><h2 class="entry-title">{esc(TITLE)}</h2>' + paragraphs(P[:4])
            + '</div>\n' + FOOTER)
    return page(h, body), dict(title=TITLE, text=P[:4], site_name=None)


PLAN = [
    ("split-story-parts", split_story_parts),
    ("mathml-formula", mathml_formula),
    ("heading-slug-ids", heading_slug_ids),
    ("title-over-logo-h1", title_over_logo_h1),
    ("title-headline-description", title_headline_description),
    ("author-person-over-organisation", author_person_over_organisation),
    ("byline-glued-date", byline_glued_date),
    ("standfirst-in-header", standfirst_in_header),
    ("linked-subheads", linked_subheads),
    ("h1-section-headings", h1_section_headings),
    ("title-beside-masthead-h1", title_beside_masthead_h1),
]


def main():
    write_round(FIRST_INDEX, FIRST_INDEX + 19, PLAN)


if __name__ == "__main__":
    main()
