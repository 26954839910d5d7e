#!/usr/bin/python3
"""Writes the ninth round's mechanism pages (1150 on): one construct per
page, each a way hand-made and template-made pages outside the big news
sites (prose set in heading tags, a story laid out in table rows, a named
anchor left open over the story, a deals post's lines of shop links) lost
their text (issue 16), so that a
relapse fails the corpus test without the shared real-world corpus. Written
by hand here (no corpus text is copied), with the building blocks of
generate_mechanisms.py; <page>.expected.json holds what a careful editor
would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_round9.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, bare_head, esc, head, page, paragraphs  # noqa: E402
from generate_mechanisms_round3 import P2  # noqa: E402

FIRST_INDEX = 1150
LAST_INDEX = 1159

ARTICLE = '<meta property="og:type" content="article">'
LEFT_MENU = ('<td width="150" valign="top"><a href="/">Home</a><br><a href="/news/">News</a><br>'
             '<a href="/archive/">Archive</a><br><a href="/contact/">Contact</a></td>\n')


def prose_in_heading_tags():
    # An old editor styled the story's later paragraphs as <h4> to set them
    # large: headings by tag, paragraphs by every other sign (long
    # sentences, commas, no links). Only the part in <p> was kept.
    body = (NAV + f'<div class="story"><h1>{esc(TITLE)}</h1>\n' + paragraphs(P[:3]) + '</div><hr>\n<div>'
            + "".join(f'<h4>{esc(t)}</h4>\n' for t in P[3:] + P2[:3]) + '</div>\n' + FOOTER)
    return page(bare_head(TITLE), body), dict(title=TITLE, text=P + P2[:3], site_name=None)


def standfirst_in_heading():
    # The theme sets the standfirst in an <h2> under the headline: a
    # sentence, not a section heading, and the story's first words.
    standfirst = ("Shift workers on the eastern shore will keep their late crossing through the winter, "
                  "after weeks of complaints to the harbour board and a petition signed by four hundred "
                  "residents.")
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><h2 class="article-lead">{esc(standfirst)}</h2>'
            '<div class="article-text">' + paragraphs(P) + '</div></article>\n' + FOOTER)
    return page(head(TITLE, ARTICLE), body), dict(title=TITLE, text=[standfirst] + P)


def story_in_table_rows():
    # A table layout sets the story one part per row, each part in a cell
    # beside a narrow cell of pull quotes, with a spacer row between: the
    # best cell (the long first part) is one part, and the parts of the
    # other rows were lost.
    quote = '<td width="110" valign="top"><i>"A permanent timetable is what we need."</i></td>'
    spacer = '<tr><td colspan="2"><img src="/img/blank.gif" width="1" height="10" alt=""></td></tr>\n'
    parts = [P, P2[:2], P2[2:4]]
    rows = spacer.join(f'<tr valign="top"><td width="350">{paragraphs(part)}</td>{quote}</tr>\n'
                       for part in parts)
    body = (f'<table width="700"><tr>{LEFT_MENU}<td valign="top"><h1>{esc(TITLE)}</h1>\n'
            f'<table width="460">\n{rows}</table></td></tr></table>\n'
            '<table><tr><td><a href="/about/">About us</a> | <a href="/contact/">Contact</a></td></tr></table>\n')
    text = [t for part in parts for t in part]
    return page(bare_head(TITLE), body), dict(title=TITLE, text=text, site_name=None)


def named_anchor_left_open():
    # A named anchor (a jump target, no href) opened above the first section
    # heading and never closed: the parser keeps it open over the whole
    # story, whose text then counted as link text, and the page as a list
    # of links.
    sections = [P[:3], P[3:] + P2[:2], P2[2:]]
    body = (f'<h1>{esc(TITLE)}</h1>\n<p><a href="#costs">Costs</a> | <a href="#voices">Voices</a></p>\n'
            '<a name="vote">\n<h3>The vote</h3>\n' + paragraphs(sections[0])
            + '<h3><a name="costs"></a>The costs</h3>\n' + paragraphs(sections[1])
            + '<h3><a name="voices"></a>Voices from the shore</h3>\n' + paragraphs(sections[2])
            + '<p><a href="/">Home</a> | <a href="/archive/">Archive</a></p>\n')
    text = (["The vote"] + sections[0] + ["The costs"] + sections[1] + ["Voices from the shore"]
            + sections[2])
    return page(bare_head(TITLE), body), dict(title=TITLE, text=text, site_name=None)


def deals_post():
    # A deals post: an opening paragraph, then lines of shop links under
    # category headings, all in one box. The box is mostly links, and the
    # link-density rule removed it whole, the opening with it.
    opening = ("Every week our editors look through the shops for the best offers on things we have "
               "tested ourselves, from kitchen tools to headphones, and list the ones worth your money "
               "here. Prices were checked on Friday morning and may have changed since.")
    deals = [("Kitchen", ["Cast-iron frying pan, 28 cm, pre-seasoned, with a helper handle, for 24.99 euros (was 39.99 euros)",
                          "Electric kettle with temperature control for 45.00 euros (was 69.00 euros)",
                          "Chef's knife, 20 cm, forged steel, for 39.90 euros (was 59.90 euros)"]),
             ("Sound", ["Noise-cancelling headphones, second generation, for 149.00 euros (was 229.00 euros)",
                        "Portable speaker, waterproof, twelve hours of play, for 59.99 euros (was 89.99 euros)",
                        "Turntable with a built-in preamp for 199.00 euros (was 279.00 euros)"]),
             ("Garden", ["Cordless hedge trimmer with two batteries and a charger for 89.00 euros (was 129.00 euros)",
                         "Folding garden chairs, set of four, weatherproof teak, for 149.00 euros (was 219.00 euros)",
                         "Rain barrel, 300 litres, with a tap and a lid, for 54.90 euros (was 79.90 euros)"])]
    lines = "".join(f'<h2>{esc(section)}</h2>\n<p>' + "<br>".join(
        f'<a href="https://shop.example/item/{i}">{esc(item)}</a>' for i, item in enumerate(items)) + '</p>\n'
        for section, items in deals)
    title = "The week's best deals on kitchen tools and headphones"
    body = (NAV + f'<article><header><h1>{esc(title)}</h1></header><div class="wrapper_wfx3h"><main>'
            f'<p>{esc(opening)}</p>\n' + lines + '</main></div></article>\n' + FOOTER)
    text = [opening]
    for section, items in deals:
        text += [section, "\n".join(items)]
    return page(head(title, ARTICLE), body), dict(title=title, text=text)


PLAN = [
    ("prose-in-heading-tags", prose_in_heading_tags),
    ("standfirst-in-heading", standfirst_in_heading),
    ("story-in-table-rows", story_in_table_rows),
    ("named-anchor-left-open", named_anchor_left_open),
    ("deals-post", deals_post),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
