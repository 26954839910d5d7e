#!/usr/bin/python3
"""Writes the modern-page mechanism pages (990 on): one construct per page,
each a way pages of today's publishing systems (section boxes, run-in
headings, utility class names) lose a part of their article (issue 16), so
that a relapse fails tests/extract/corpus_test.cpp without the shared
real-world corpus. Written by hand here (no corpus text is copied), with the
building blocks of generate_mechanisms.py; <page>.expected.json holds what a
careful editor would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_modern.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import (FOOTER, NAV, OUT, P, TITLE, esc, expected, head,  # noqa: E402
                                 page, paragraphs)
from generate_mechanisms_round3 import P2  # noqa: E402

FIRST_INDEX = 990
LAST_INDEX = 999


def layout_row(modifier, inner, rail=""):
    # One row of a news site's layout grid: the story column, and a rail
    # beside it (advertisements), each row a section of its own.
    return (f'<section class="page-row page-row--{modifier}"><div class="grid">'
            '<div class="grid-column grid-column--story"><div class="grid-row">'
            f'<div class="grid-column grid-column--center">{inner}</div></div></div>{rail}'
            '</div></section>\n')


AD_RAIL = ('<div class="grid-column grid-column--rail"><div class="slot" aria-label="Advertisement">'
           '</div></div>')


def short_parts_of_section():
    # Blog editors set each section of a long post in a box of its own,
    # pictures between them. The later sections' paragraphs come along one by
    # one; their run-in heading (a paragraph wholly in <strong>), the short
    # lead-in ending with a colon and the plain list it announces are the
    # story's too, though none of them is long enough to count as prose.
    opening = P + P2[:2]
    run_in = "How the crossings are counted"
    lead_in = "Each crossing is logged twice:"
    items = ["once by the crew at the quay", "once by the ticket machine on board"]
    run_in_2 = "What the board will check in spring"
    lead_in_2 = "The inspectors will look at three things:"
    items_2 = ["the hulls of the two oldest boats", "the ramps at both piers",
               "the lights along the night route"]
    later = [
        "The operator compares both counts every morning, and a gap of more than five passengers on "
        "any crossing is reported to the harbour board within the week.",
        "Their report goes to the board before the public meeting, the chairwoman said, so that "
        "residents can read it before they are asked to speak.",
    ]
    figure = ('<figure><img src="/img/ferry-night.jpg" alt="The night ferry at the quay">'
              '<figcaption>The night ferry at the town quay.</figcaption></figure>\n')

    def short_parts(heading, lead, listed, prose):
        return (f'<p><strong>{esc(heading)}</strong></p>\n<p>{esc(lead)}</p>\n<ul>'
                + "".join(f"<li>{esc(t)}</li>" for t in listed) + "</ul>\n" + paragraphs([prose]))

    first = '<section><div class="part"><div class="inner">' + paragraphs(opening) + '</div></div></section>\n'
    second = ('<section><div class="part"><div class="inner">' + short_parts(run_in, lead_in, items, later[0])
              + short_parts(run_in_2, lead_in_2, items_2, later[1]) + '</div></div></section>\n')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + first + figure + second + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=opening + [run_in, lead_in] + items + later[:1] + [run_in_2, lead_in_2]
                 + items_2 + later[1:]))


def uncaptioned_item():
    # List-style stories set each step in a box whose class says how it is
    # drawn: "item-image no-caption" for a picture with no caption under it.
    # The box holds the step's sentence-long heading and the picture; the
    # class says the box has no caption, not that it is one, so its heading
    # is the story's. A real caption box ("item-caption") stays out of the text.
    steps = [
        "The harbour board voted to keep the night ferry running until the end of March this year.",
        "Shift workers on the eastern shore had asked for the extension for weeks before the vote.",
        "The regional transport fund will pay for the extra crossings instead of higher fares.",
    ]
    caption = "The night ferry at the town quay."
    items = ""
    for index, (step, text) in enumerate(zip(steps, P[3:6])):
        items += (f'<div class="list-item item-image no-caption"><h2>{esc(step)}</h2>'
                  f'<img src="/img/step-{index + 1}.jpg" alt=""></div>\n'
                  f'<div class="list-item item-text"><p>{esc(text)}</p></div>\n')
    items += f'<div class="list-item item-caption"><p>{esc(caption)}</p></div>\n'
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="story">' + paragraphs(P[:3]) + items
            + '</div></article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:3] + [t for pair in zip(steps, P[3:6]) for t in pair]))


def note_links_in_sentences():
    # Annotated texts set their glossary notes as links inside the sentence
    # (a tooltip or note popup opens on click: class "popup"). The class is
    # one furniture also wears, but words with more of the same sentence on
    # both sides are the sentence's; a popup box between the paragraphs
    # (a newsletter prompt) is still furniture.
    notes = [("harbour board", "extend the night ferry"), ("40,000 euros", "regional transport fund"),
             ("two of the older boats", "inspection report"), ("a fifth", "weekday nights"),
             ("workers' association", "permanent timetable"), ("inspection report", "public meeting")]
    prose = []
    for text, phrases in zip(P, notes):
        for phrase in phrases:
            text = text.replace(phrase, f"\0{phrase}\1", 1)
        prose.append(text)

    def linked(text):
        return (esc(text).replace("\0", '<a class="popup" href="javascript:void(0)" onclick="return note();">')
                .replace("\1", "</a>"))
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + "".join(f"<p>{linked(t)}</p>\n" for t in prose[:3])
            + '<div class="popup"><p>Get the Harbour Herald in your inbox every morning.</p></div>\n'
            + "".join(f"<p>{linked(t)}</p>\n" for t in prose[3:]) + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P))


def linked_names_in_data_table():
    # A data table inside the story names its rows by links to their pages
    # (each ferry linked to its timetable) beside cells of plain figures. A
    # cell holding only a link looks like "Edit post" or a related box, but
    # in a grid of rows whose other cells say something without links it is
    # the row's name. A layout table's row of links is still furniture.
    rows = [("/ferries/harbour-east/", "Harbour east ferry", "1,240", "38"),
            ("/ferries/old-mill/", "Old mill river boat", "860", "24"),
            ("/ferries/island/", "Island shuttle boat", "410", "12"),
            ("/ferries/night-loop/", "Night loop ferry", "95", "6"),
            ("/ferries/north/", "Northern bay ferry", "330", "9")]
    table = ("<table><tr><th>Boat</th><th>Passengers</th><th>Crossings</th></tr>"
             + "".join(f'<tr><td><div><a href="{href}">{esc(name)}</a></div></td><td>{passengers}</td>'
                       f"<td>{crossings}</td></tr>" for href, name, passengers, crossings in rows)
             + "</table>\n")
    lines = ["Boat Passengers Crossings"] + [f"{name} {passengers} {crossings}"
                                             for _, name, passengers, crossings in rows]
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + table + paragraphs(P[2:3])
            + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:2] + lines + P[2:3]))


def story_split_over_layout_rows():
    # News sites built from layout grids set one story in several rows: the
    # lede's two paragraphs in the top row beside a rail of advertisements,
    # the rest in the next row. Each part is a box of the same class
    # ("story-text"), but the parts are cousins in the grid, no siblings, and
    # no <article> or articleBody holds them near enough to gather them: the
    # best-scored part alone left the lede out. The other boxes of the same
    # class above it are the story's opening when they are prose; a box of
    # that class in a featured post's card above the story is not.
    teaser = ('<div class="post card"><div class="story-text"><p>'
              + esc("Read how the river boats were rebuilt after the flood of the winter before last, "
                    "and what the crews say about the new hulls.")
              + '</p></div></div>')
    lede, rest = P[:2], P[2:] + P2
    body = (NAV + '<main><div class="page-content">' + layout_row("featured", teaser)
            + layout_row("top", f'<h1>{esc(TITLE)}</h1><div class="story-text">' + paragraphs(lede) + '</div>', AD_RAIL)
            + layout_row("main", '<div class="story-text">' + paragraphs(rest) + '</div>')
            + '</div></main>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=lede + rest))


def standfirst_in_teaser_header():
    # A theme sets the story's header (dateline, headline, standfirst, tags)
    # in a box whose class calls it the story's "head teaser": on the story's
    # own page that is no teaser of another story. The box holds the
    # headline, so it is the header, and the standfirst in it opens the story.
    standfirst = ("The night ferry keeps running until the end of March. Who pays for the extra "
                  "crossings, and what happens to the boats after that?")
    header = ('<div class="row row-full single-head-teaser"><div class="column">'
              '<div class="date-and-author"><span>18/03/2025</span> | '
              '<a href="/authors/jane-doe/" rel="author">Jane Doe</a></div>'
              f'<h1>{esc(TITLE)}</h1><div class="font-size-big"><p>{esc(standfirst)}</p></div>'
              '<div class="small-tag-list"><a href="/tags/ferries/" rel="tag">ferries</a> | '
              '<a href="/tags/harbour/" rel="tag">harbour</a></div></div></div>')
    body = (NAV + '<main><article><div class="wrap">' + header + '</div>'
            '<div class="white-band"><section class="text-module"><div class="wrap"><div class="row">'
            '<div class="column column--narrow">' + paragraphs(P) + '</div></div></div></section></div>'
            '</article></main>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=[standfirst] + P))


def paywalled_paragraphs():
    # Publishers with a metered paywall send the whole story and mark the
    # paragraphs a reader without a subscription must not see:
    # <p class="paywall">. The class names the paywall, yet on a paragraph it
    # marks the story's own text; the paywall's box with its subscription
    # prompt is furniture and goes.
    prompt = ('<div class="paywall"><p>You have read all of your free stories this month. '
              '<a href="/subscribe/">Subscribe to keep reading</a>.</p></div>\n')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="article-body">' + paragraphs(P[:2])
            + "".join(f'<p class="paywall">{esc(text)}</p>\n' for text in P[2:]) + '</div>' + prompt
            + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P))


def page_builder_sections():
    # Page builders (Elementor and its kind) set a post as a column of
    # widgets, each text widget in its own section, every wrapper's class
    # naming a "widget". The first text widget under the headline is where a
    # reader starts, and the story is anchored there; the longer one below
    # it, the rest of the story, is no sibling and sits under no article.
    # Each box of the same class that holds prose, before or after the chosen
    # one, comes along; the footer's text widget of the same class stays out.
    def section(inner):
        return ('<section class="builder-section builder-top-section"><div class="builder-container">'
                '<div class="builder-column builder-col-100"><div class="builder-widget-wrap">'
                '<div class="builder-element builder-widget builder-widget-text-editor">'
                '<div class="builder-widget-container"><div class="builder-text-editor">'
                f'{inner}</div></div></div></div></div></div></section>\n')
    body = (NAV + f'<main><h1>{esc(TITLE)}</h1><div class="builder builder-page">'
            + section(paragraphs(P[:3])) + section(paragraphs(P[3:] + P2)) + '</div></main>\n'
            + '<footer class="builder-location-footer">'
            + section("<p>" + esc("The Harbour Herald has covered the town's ferries, markets and council "
                                 "since 1921, from its office on the quay.") + "</p>")
            + '</footer>\n')
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P + P2))

PLAN = [
    ("short-parts-of-section", short_parts_of_section),
    ("uncaptioned-item", uncaptioned_item),
    ("note-links-in-sentences", note_links_in_sentences),
    ("linked-names-in-data-table", linked_names_in_data_table),
    ("story-split-over-layout-rows", story_split_over_layout_rows),
    ("standfirst-in-teaser-header", standfirst_in_teaser_header),
    ("paywalled-paragraphs", paywalled_paragraphs),
    ("page-builder-sections", page_builder_sections),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
