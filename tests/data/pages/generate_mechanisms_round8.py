#!/usr/bin/python3
"""Writes the eighth round's mechanism pages (1110 on): one construct per
page, each a way pages of today's news sites (streamed server rendering,
utility class names, endless scrolling, bare-text standfirsts) lost a part of
their article or gained another's (issue 16), so that a relapse fails the
corpus test without the shared real-world corpus. Written by hand here (no
corpus text is copied), with the building blocks of generate_mechanisms.py;
<page>.expected.json holds what a careful editor would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_round8.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, OTHER, OTHER_TITLE, P, TITLE, esc, head, page, paragraphs  # noqa: E402
from generate_mechanisms_modern import AD_RAIL, layout_row  # noqa: E402
from generate_mechanisms_round3 import P2  # noqa: E402

FIRST_INDEX = 1110
LAST_INDEX = 1119

ARTICLE = '<meta property="og:type" content="article">'
MORE = ["Market hall roof to be repaired before the summer season", "New timetable for the island buses",
        "Lighthouse keepers' cottage opens as a museum", "Fishing quotas cut for the second year running",
        "Harbour festival moves to the last weekend of June", "Ferry crews vote on the new pay offer",
        "Storm damage on the north pier repaired", "Council approves the marina's second phase"]


def streamed_suspense_part():
    # React's streamed server rendering (Next.js) sends the story last, in a
    # hidden <div id="S:0">, and a script moves it in place of the boundary
    # marker <template id="B:0"> in the browser. Hidden elements are not the
    # page's, so the story was lost whole.
    body = (NAV + f'<main><h1>{esc(TITLE)}</h1><!--$?--><template id="B:0"></template>'
            '<div class="skeleton"></div><!--/$--></main>\n' + FOOTER
            + '<div hidden id="S:0"><div class="story">' + paragraphs(P) + '</div></div>\n'
            '<script>$RC=function(b,c){};$RC("B:0","S:0")</script>\n')
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P)


def utility_text_classes():
    # Tailwind and Bootstrap set type size and colour with "text-*"
    # utilities on any element. Read as the content word "text", they made
    # the byline box beside the story score like prose, and it was gathered.
    byline = ('<div class="flex flex-col items-start text-sm text-muted mt-2">'
              '<div class="flex items-center gap-2"><span class="font-medium">Mara Lindqvist</span></div>'
              '<div class="flex items-center gap-2"><span class="text-xs">20 March 2025</span>'
              '<span class="text-xs">Updated: 20 March 2025</span></div></div>\n')
    body = (NAV + '<div class="flex flex-col w-full"><div class="items-start p-5">'
            f'<div class="flex flex-col gap-1"><h1 class="text-3xl font-bold">{esc(TITLE)}</h1></div>'
            + byline + '<div class="prose max-w-none text-start text-[17px] space-y-4">'
            + paragraphs(P) + '</div></div></div>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P)


def next_story_below():
    # Endless scrolling: the site appends the next story, headline and all,
    # below the page's own, inside the same <main>. The wrapper holding both
    # won on both, and the next story came along.
    body = (NAV + f'<main><article class="story"><h1>{esc(TITLE)}</h1><div class="body">'
            + paragraphs(P) + '</div></article>\n<div class="next-up"><article class="story">'
            f'<h1>{esc(OTHER_TITLE)}</h1><div class="body">' + paragraphs(OTHER[:3])
            + '</div></article></div></main>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P)


def standfirst_text_box():
    # The standfirst in the article's header as bare text in a styled box
    # (no <p>), above the date: the story's first words, lost beside the body.
    standfirst = ("Shift workers on the eastern shore will keep their late crossing through the winter, "
                  "after weeks of complaints to the harbour board.")
    body = (NAV + f'<article><header><h2 class="headline">{esc(TITLE)}</h2>'
            f'<div class="rich-text lead">\n{esc(standfirst)}\n</div>'
            '<div class="date"><time datetime="2025-03-20T10:00:00Z">20.03.2025, 10.00 Uhr</time></div>'
            '</header><section><div class="rich-text">' + paragraphs(P + P2[:2])
            + '</div></section></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=[standfirst] + P + P2[:2])


def end_mark_after_last_part():
    # A magazine ends its story with a mark after the last sentence ("... ♦").
    # The story is split into boxes of one class, one per row of the layout's
    # grid; each box joins the chosen one when it ends like a sentence, and
    # the mark hid the last box's ending: the story's end was lost.
    ending = ("The harbour master will report to the board on the first month of the extended service "
              "at its meeting in February. \u2666")
    lede, rest, last = P[:2], P[2:] + P2[:5], P2[5:] + [ending]
    body = (NAV + '<div class="site"><div class="layout">'
            + layout_row("top", f'<h1>{esc(TITLE)}</h1><div class="story-text">' + paragraphs(lede) + '</div>', AD_RAIL)
            + layout_row("main", '<div class="story-text">' + paragraphs(rest) + '</div>')
            + '<section class="page-row page-row--more"><h2>More from the harbour</h2><ul>'
            + "".join(f'<li><a href="/news/story-{i}/">{esc(t)}</a></li>' for i, t in enumerate(MORE))
            + '</ul></section>\n'
            + layout_row("end", '<div class="story-text">' + paragraphs(last) + '</div>', AD_RAIL)
            + '</div></div>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=lede + rest + last)


def picture_description_class():
    # The caption under an inline picture, in a box the site names for what it
    # is ("detail-img__description", "gallery__desc") rather than "caption":
    # its text is a sentence of its own, and it came into the text twice
    # (the picture box and its lightbox copy).
    caption = ("The night ferry leaves the town quay at half past eleven, its last crossing of the day. "
               "Photo: Harbour Herald")

    def picture(kind):
        return (f'<div class="{kind}"><img src="/img/ferry-night.jpg" alt="The night ferry">'
                f'<div class="{kind}__description"><div>{esc(caption)}</div></div></div>')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="article__text">' + paragraphs(P[:3])
            + '<div class="article__inline-images">' + picture("detail-img")
            + '<div class="lightbox">' + picture("lightbox-gallery") + '</div></div>'
            + paragraphs(P[3:] + P2[:2]) + '</div></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P + P2[:2])


def story_in_aria_hidden_overlay():
    # aria-hidden="true" hides a box from screen readers only. A site that
    # sets its post as a letter on an overlay marks the overlay so, and the
    # whole story was taken for an invisible box. The retries read it.
    body = (NAV + '<main><div class="letter-overlay" aria-hidden="true"><div class="letter">'
            f'<div class="letter-body"><h1>{esc(TITLE)}</h1>' + paragraphs(P)
            + '</div></div></div><div id="frame-counter">FPS: --</div></main>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P)


def builder_classed_section_headings():
    # A page builder classes the story's section headings as its widgets'
    # titles ("widget-title"): a penalty word inside a compound name, not
    # furniture. The headings over the story's paragraphs were removed.
    headings = ["The crossings that stay", "What the shift workers asked for"]
    sections = ('<div class="page-break it-item">' + paragraphs(P[:2]) + '</div>'
                + '<div class="page-break it-item">' + f'<h2 class="widget-title mb-5">{esc(headings[0])}</h2>'
                + paragraphs(P[2:]) + '</div>'
                + '<div class="page-break it-item">' + f'<h2 class="widget-title mb-5">{esc(headings[1])}</h2>'
                + paragraphs(P2[:3]) + '</div>')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="cms-container">' + sections
            + '</div></article>\n' + FOOTER)
    return (page(head(TITLE, ARTICLE), body),
            dict(title=TITLE, text=P[:2] + [headings[0]] + P[2:] + [headings[1]] + P2[:3]))


def kicker_teaser_list_in_body():
    # Between the story's paragraphs, a list of other stories, each a bold
    # kicker and a linked headline ("<strong>Pensions:</strong> <a>...</a>").
    # The kicker read as something said beside the link, as the dates of a
    # festival programme are, and the list was kept as the story's.
    items = [("Night buses: ", "/news/article101/", "The council adds a late route"),
             ("Harbour dues: ", "/news/article102/", "Fishermen ask for a freeze"),
             ("Market hall: ", "/news/article103/", "Roof repairs start in May")]
    teasers = ('<h3>More from the harbour, researched for you</h3><ul>'
               + "".join(f'<li><strong>{esc(k)}</strong><a href="{h}">{esc(t)}</a></li>' for k, h, t in items)
               + '</ul>')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="article-body">' + paragraphs(P[:3]) + teasers
            + paragraphs(P[3:] + P2[:2]) + '</div></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P + P2[:2])


def paywalled_paragraphs_hidden_from_readers():
    # The publisher sends the whole story and hides its later paragraphs
    # behind the paywall (p.paywall, kept since the seventh round), and from
    # screen readers too (aria-hidden="true"): the aria rule dropped them.
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="text-copy" id="article-body">'
            + paragraphs(P[:2])
            + "".join(f'<p class="paywall" aria-hidden="true">{esc(t)}</p>\n' for t in P[2:] + P2[:2])
            + '</div></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=P + P2[:2])


PLAN = [
    ("streamed-suspense-part", streamed_suspense_part),
    ("utility-text-classes", utility_text_classes),
    ("next-story-below", next_story_below),
    ("standfirst-text-box", standfirst_text_box),
    ("end-mark-after-last-part", end_mark_after_last_part),
    ("picture-description-class", picture_description_class),
    ("story-in-aria-hidden-overlay", story_in_aria_hidden_overlay),
    ("builder-classed-section-headings", builder_classed_section_headings),
    ("kicker-teaser-list-in-body", kicker_teaser_list_in_body),
    ("paywalled-paragraphs-hidden-from-readers", paywalled_paragraphs_hidden_from_readers),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
