#!/usr/bin/python3
"""Writes the recall mechanism pages (970 on): one construct per page, each a
way real pages lose a part of their article while the rest is found (issue 16,
"part of the article missing"), so that a relapse fails
tests/extract/corpus_test.cpp without the shared real-world corpus. Written by
hand here (no corpus text is copied), with the building blocks of
generate_mechanisms.py; <page>.expected.json holds what a careful editor would
cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_recall.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import (FOOTER, NAV, OUT, P, TITLE, esc, expected, head,  # noqa: E402
                                 page, paragraphs)
from generate_mechanisms_round3 import P2  # noqa: E402

FIRST_INDEX = 970
LAST_INDEX = 979


def linked_sentences():
    # A sentence written around its link is prose, however much of it the
    # link covers: the whole sentence linked to the video it announces, and
    # a sentence whose examples are each linked, both between paragraphs of
    # the story. A "Read also: <a>headline</a>" line between them is not.
    announce = ('<p><a href="https://video.example/ferry-night">This week the harbour channel filmed a whole '
                'night on the last boat across the bay</a>.</p>\n')
    announce_text = "This week the harbour channel filmed a whole night on the last boat across the bay."
    examples = ('<p>Night workers also ride <a href="/ferries/north/">the northern loop</a>, <a href="/ferries/'
                'isles/">the island shuttle</a> and <a href="/ferries/mill/">the river boat to the old mill</a>.'
                '</p>\n')
    examples_text = ("Night workers also ride the northern loop, the island shuttle and the river boat to the "
                     "old mill.")
    read_also = '<p>Read also: <a href="/news/bridge-repairs/">Harbour bridge repairs start in May</a></p>\n'
    # Opening the story, with three paragraphs of prose after it.
    opener = ('<p><a href="/board/">The harbour board</a> met on Thursday in the <a href="/town-hall/">'
              'old town hall</a>.</p>\n')
    opener_text = "The harbour board met on Thursday in the old town hall."
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1>' + opener + paragraphs(P[:2]) + announce
            + paragraphs(P[2:3]) + read_also + paragraphs(P[3:4]) + examples + paragraphs(P[4:6])
            + '</div>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=[opener_text] + P[:2] + [announce_text] + P[2:4] + [examples_text] + P[4:6]))


def standfirst_text_box():
    # Older table layouts set the standfirst as bare text in a box of its own
    # (div.abstract) above the body's box, beside the headline and the byline
    # boxes: no <p> inside, so it is not the body's paragraph, but the
    # scorer counts it as one and so must the cut.
    standfirst = ("HARBOUR TOWN -- The night ferry across the bay will keep running until the end of March, "
                  "the harbour board decided on Thursday after weeks of complaints.")
    story = "<br><br>".join(esc(t) for t in P[1:6])
    body = (NAV + '<table><tr><td class="sidebar"><ul><li><a href="/weather/">Weather</a></li>'
            '<li><a href="/traffic/">Traffic</a></li></ul></td><td>'
            f'<div class="headline">{esc(TITLE)}</div><div class="author"><a href="mailto:desk@example.com">'
            'News desk</a></div>'
            f'<div class="abstract">{esc(standfirst)}</div>\n<div class="story">{story}</div>\n'
            '<div class="tools"><ul><li><a href="/email/">E-mail this story</a></li>'
            '<li><a href="/print/">Printable version</a></li></ul></div></td></tr></table>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=[standfirst] + P[1:6]))


def list_in_prose():
    # A list set between the story's paragraphs whose items say something
    # beside their links (the crossings and their passengers in a week) is the
    # story's, however many of its words are links. The list of other
    # stories' links closing the body is not.
    crossings = [("/ferries/harbour-east/", "Harbour to the eastern shore", "1,240"),
                 ("/ferries/old-mill/", "Old mill to the quay", "860"),
                 ("/ferries/island/", "Island shuttle", "410"),
                 ("/ferries/night-loop/", "Night loop around the bay", "95")]
    items = "".join(f'<li><a href="{href}">{esc(name)}</a> \u2013 {esc(count)}</li>'
                    for href, name, count in crossings)
    intro = "The operator counted the passengers on each late crossing during the first week of the trial."
    related = ('<ul><li><a href="/news/bridge-repairs/">Harbour bridge repairs start in May</a></li>'
               '<li><a href="/news/bus-timetable/">Bus timetable changes for the summer</a></li>'
               '<li><a href="/news/cycle-lane/">New cycle lane opens on the quay</a></li></ul>')
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + f'<p>{esc(intro)}</p>'
            + f'<ul>{items}</ul>' + paragraphs(P[2:6]) + related + '</div>\n' + FOOTER)
    listed = [f"{name} \u2013 {count}" for _, name, count in crossings]
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:2] + [intro] + listed + P[2:6]))


def later_section_box():
    # A long story whose last section, set in a box of its own (a second
    # <div> after the first), scores far below a fifth of the first part:
    # short plain sentences, few commas. It is prose through and through
    # (four paragraphs, no links), so it is the story's.
    more = [
        "Night buses on the eastern shore, which stopped in October, will not return this winter, the "
        "council said, because drivers, depots and the fuel budget are all committed elsewhere.",
        "Fares on the late crossings stay at two euros, the board confirmed, although the operator had "
        "asked, twice, for a rise to cover the cost of the extra crew on the busiest nights.",
    ]
    section = ["The night timetable is posted at both piers.", "Boats leave every forty minutes after ten.",
               "The last crossing leaves the town quay at two.", "Tickets are sold on board and at the kiosk."]
    body = (NAV + f'<div id="page"><h1>{esc(TITLE)}</h1><div class="story">' + paragraphs(P + P2 + more)
            + '</div>\n<div>' + paragraphs(section) + '</div>\n'
            '<div class="tools"><a href="/print/">Print</a> <a href="/email/">E-mail</a></div></div>\n'
            + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P + P2 + more + section))


def by_sentences():
    # Paragraphs that open with "By" and are sentences ("By the end of March,
    # ...", "By 2030, ...") are the story's; the byline above it ("By Anna
    # Berg") is not.
    by_time = ("By the end of March, the board expects the late crossings to carry twice as many people as "
               "in autumn.")
    by_year = "By 2030, the operator hopes to run the whole night service with electric boats built in the town."
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1><p>By Anna Berg</p>'
            + paragraphs(P[:2]) + f'<p>{esc(by_time)}</p>' + paragraphs(P[2:4]) + f'<p>{esc(by_year)}</p>'
            + paragraphs(P[4:6]) + '</div>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:2] + [by_time] + P[2:4] + [by_year] + P[4:6], authors=["Anna Berg"]))


def label_before_prose():
    # A paragraph that opens with a furniture label ("Related:", "See also")
    # but goes on as a long sentence without a link is the author's aside,
    # not a related-stories line. The "Related: <a>headline</a>" line is.
    aside = ("Related: the board turned down a very similar request from the northern ferry operators last "
             "year, when the money in the regional transport fund had already been promised to the new bridge.")
    related = '<p>Related: <a href="/news/bridge-repairs/">Harbour bridge repairs start in May</a></p>\n'
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:3]) + f'<p>{esc(aside)}</p>'
            + paragraphs(P[3:6]) + related + '</div>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:3] + [aside] + P[3:6]))


def linked_lead_ins():
    # A sentence that ends with a colon after its link leads in to what
    # follows: the plain list of sailings, and the quote from the report. Most
    # of its words linked, it is still the story's while that follows it. A
    # linked label over a list of other stories' links closing the body is
    # not, nor one over a row of linked icons.
    timetable_lead = ('<p>Under the <a href="/board/decisions/night-ferry-timetable-2025/">new winter timetable '
                      'of the night ferry</a>:</p>\n')
    timetable_lead_text = "Under the new winter timetable of the night ferry:"
    sailings = ["The first boat leaves the quay at ten", "The last boat leaves the island at four"]
    timetable = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in sailings) + "</ul>\n"
    quote_lead = ('<p>The <a href="/reports/harbour-safety/">harbour safety report published in the '
                  'autumn</a> put it plainly:</p>\n')
    quote_lead_text = "The harbour safety report published in the autumn put it plainly:"
    quote = ("Every crossing after midnight carries people who have no other way home, and most of them "
             "work the late shifts at the hospital and in the port.")
    more_label = '<p><a href="/harbour/">More stories from the harbour desk and our partners</a>:</p>\n'
    follow_label = ('<p>Follow <a href="https://social.example/harbourboard">the harbour board and the ferry '
                    'operators on social media</a> or <a href="/harbour/feed/">by the news feed</a>:</p>\n')
    follow_icons = ('<ul class="icons"><li><a href="https://social.example/harbourboard"><img src="/i/social.png" '
                    'alt=""></a></li><li><a href="/harbour/feed/"><img src="/i/feed.png" alt=""></a></li></ul>\n')
    more_list = ('<ul><li><a href="/news/bridge-repairs/">Harbour bridge repairs start in May</a></li>'
                 '<li><a href="/news/quay-lights/">New lights for the old quay</a></li></ul>\n')
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + timetable_lead + timetable
            + paragraphs(P[2:4]) + quote_lead + f"<blockquote><p>{esc(quote)}</p></blockquote>\n"
            + paragraphs(P[4:6]) + more_label + more_list + follow_label + follow_icons + '</div>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:2] + [timetable_lead_text] + sailings + P[2:4] + [quote_lead_text, quote]
                 + P[4:6]))


def stop_inside_link():
    # A sentence whose full stop the author put inside its link ("You can
    # watch a <a>recording of the whole meeting here.</a>") ends there all the
    # same: with three words or more before the link it is the story's, between
    # its paragraphs. A headline alone in its link, stop and all, is not.
    sentences = [("https://video.example/board-meeting", "You can watch a ",
                  "recording of the whole board meeting on the council channel."),
                 ("/documents/ferry-budget.pdf", "The board has also published ",
                  "the full budget of the night service for the coming winter."),
                 ("/survey/", "Shift workers are asked to answer ",
                  "a short survey on the crossings they use every week!")]
    linked = [f'<p>{esc(lead)}<a href="{href}">{esc(rest)}</a></p>\n' for href, lead, rest in sentences]
    linked_text = [lead + rest for _, lead, rest in sentences]
    headline = '<p><a href="/news/bridge-repairs/">Harbour bridge repairs will start in early May.</a></p>\n'
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:1]) + linked[0] + paragraphs(P[1:2])
            + linked[1] + paragraphs(P[2:3]) + headline + paragraphs(P[3:4]) + linked[2] + paragraphs(P[4:5])
            + '</div>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:1] + linked_text[:1] + P[1:2] + linked_text[1:2] + P[2:4] + linked_text[2:]
                 + P[4:5]))

PLAN = [
    ("linked-sentences", linked_sentences),
    ("standfirst-text-box", standfirst_text_box),
    ("list-in-prose", list_in_prose),
    ("later-section-box", later_section_box),
    ("by-sentences", by_sentences),
    ("label-before-prose", label_before_prose),
    ("linked-lead-ins", linked_lead_ins),
    ("stop-inside-link", stop_inside_link),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
