#!/usr/bin/python3
"""Writes the mechanism pages for whole articles that were lost (960 on): one
construct per page, each a failure class found on real pages (issue 16: L3S-GN1
and dragnet pages that came out empty while a peer found the article), so that
a relapse fails tests/extract/corpus_test.cpp without the shared real-world
corpus. Written by hand here (no corpus text is copied), with the building
blocks of generate_mechanisms.py; <page>.expected.json holds what a careful
editor would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_lost.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, OUT, P, TITLE, esc, expected, head, paragraphs  # noqa: E402
from generate_mechanisms_round3 import P2  # noqa: E402

FIRST_INDEX = 960


def second_document():
    # 0: the page is pasted together from whole documents: the site's frame
    # (a header and a menu) ends with </body></html>, and the story follows as
    # a document of its own, with its own html, head and body, as a
    # server-side include leaves it. A browser shows both bodies.
    frame = ('<!DOCTYPE html>\n<html lang="en">\n' + head(TITLE) + '<body>\n'
             '<div class="masthead"><a href="/">Harbour Herald</a></div>\n' + NAV + '</body>\n</html>\n')
    story = ('<html>\n<head><title>story</title></head>\n<body>\n'
             f'<div class="story"><h1>{esc(TITLE)}</h1>\n' + paragraphs(P[:5]) + '</div>\n'
             + FOOTER + '</body>\n</html>\n')
    return frame + story, dict(title=TITLE, text=P[:5])


def page_inside_head():
    # 1: no <body> tag, and before the page's first element the head holds a
    # tag no head may hold, never closed (a leftover of a template). A browser
    # ends the head at that tag and shows the rest as the body; the story is
    # there.
    markup = ('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
              f'<title>{esc(TITLE)}</title><meta property="og:title" content="{esc(TITLE)}">'
              '<meta property="og:site_name" content="Harbour Herald">\n'
              '<topbanner>\n<div class="masthead"><a href="/">Harbour Herald</a></div>\n'
              + NAV + f'<table><tr><td class="story"><h1>{esc(TITLE)}</h1>\n' + paragraphs(P[:5])
              + '</td></tr></table>\n' + FOOTER + '</html>\n')
    return markup, dict(title=TITLE, text=P[:5])


def text_in_span_around_blocks():
    # 2: an old template sets the story in one <span>, its paragraphs as bare
    # text runs, each closed by an empty <p></p> (a spacer) rather than held by
    # one. The runs are the story's paragraphs, as they are in a <div> or <td>.
    runs = "".join(f"{esc(text)}<p></p>\n<center></center>\n" for text in P[:5])
    body = (NAV + '<table><tr><td class="main">\n'
            f'<span class="headline">{esc(TITLE)}</span><br>\n'
            f'<span class="story-text">{runs}</span>\n</td>\n'
            '<td class="rail"><p><a href="/weather/">Weather</a></p></td></tr></table>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:5]))


def story_beside_card_box():
    # 3: a news entry and, below it in the same column, a "more news" box of
    # five cards (a linked headline and a sentence of excerpt each). The column
    # collects the entry's score and the cards' together and wins; the story is
    # the entry inside it, not the column, which reads as a listing.
    others = [
        ("Harbour bridge repairs start in May", "Lanes will close at night, and the work should last, "
         "the council says, until the end of the summer, with buses diverted."),
        ("Bus timetable changes for the summer", "Early buses will run, from June, every ten minutes "
         "on the coast road, and later ones every half hour, the operator said."),
        ("New cycle lane opens on the quay", "The lane, which runs along the old quay, links the "
         "station with the ferry terminal, the market and, later, the beach."),
        ("Council approves the ferry budget", "The budget, approved by a narrow vote, covers repairs, "
         "fuel and, for the first time, a reserve for the winter storms."),
        ("Fish market to open on Sundays", "Traders asked, in a letter to the board, for a Sunday "
         "market, and the board agreed, for a trial of three months."),
    ]
    cards = "".join(f'<div class="entry"><h3><a href="/news/{i}/">{esc(h)}</a></h3><p>{esc(t)}</p></div>\n'
                    for i, (h, t) in enumerate(others))
    body = (NAV + '<table id="layout"><tr><td class="left">\n'
            f'<table class="newsbox"><tr><td class="content"><h1>{esc(TITLE)}</h1>\n'
            f'{paragraphs(P[:3])}</td></tr></table>\n'
            f'<table class="morebox"><tr><td><h2>More news</h2>\n{cards}</td></tr></table>\n'
            '</td></tr></table>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:3]))


def boxed_quote_in_post():
    # 4: a post quotes a press release in a box of its own (a wrapper, then the
    # text): the box's paragraphs outscore the post's own, but the post, one
    # level above the wrapper, scores nearly as well. The post is the article,
    # the quoted release included.
    release = [
        "The operator confirmed today that the late crossings will continue seven nights a week until "
        "the end of March, with the first boat leaving the western pier at ten as before.",
        "Tickets bought for the spring remain valid and season passes will be extended, at no cost, for "
        "the months of the extension, the operator added in its statement.",
        "The two older boats will be replaced during their inspection by a chartered vessel of the "
        "same size, so that the timetable will not change for passengers.",
        "Questions about the service can be sent in writing to the operator's office on the quay, "
        "which is open on weekdays from nine in the morning to five in the evening.",
    ]
    body = (NAV + '<div class="col">\n'
            f'<h1>{esc(TITLE)}</h1>\n<div>{paragraphs(P[:3])}'
            f'<div class="box"><div class="box-inner">{paragraphs(release)}</div></div>\n'
            '</div></div>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:3] + release))


def post_in_aside():
    # 5: the theme sets the post itself in an <aside> (the headline and the
    # paragraphs), beside a real sidebar aside of links. An aside holding an
    # h1 and paragraphs of prose is the page's main block.
    body = (NAV + '<section id="columns">\n'
            f'<aside class="post"><h1>{esc(TITLE)}</h1>\n{paragraphs(P[:4])}</aside>\n'
            '<aside class="sidebar"><h3>Archives</h3><ul><li><a href="/2025/01/">January</a></li>'
            '<li><a href="/2025/02/">February</a></li></ul></aside>\n</section>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:4]))


def anchor_to_linked_story():
    # 6: the story names its sources with links (a quarter of its text is
    # link text); a column of readers' letters beside it, long and full of
    # commas, wins the scoring. The first prose below the headline is the
    # story's, and its container, though a quarter links, is the article.
    linked = [
        f'{esc(t[:40])}<a href="/source/{i}/">{esc(t[40:85])}</a>{esc(t[85:])}' for i, t in enumerate(P[:5])
    ]
    letters = [
        "Well, I have taken the late boat, on and off, for ten years, and, frankly, it is about time, "
        "though, as usual, the board waited, delayed, hesitated and, in the end, paid.",
        "My daughter, a nurse, works nights, and, without the ferry, she would need a car, a loan, "
        "insurance, parking, and, worst of all, another hour on the road each way.",
        "Yes, the grant helps, but, honestly, who pays next year, when, as we all know, the fund, "
        "the council, and the operator will, once again, blame each other?",
        "Fine, extend it, but, please, fix the pier lights, the benches, the shelter, and, while you "
        "are at it, the timetable board, which, for months, has shown the wrong times.",
        "Older boats, new boats, chartered boats, whatever, as long as, at ten at night, in the rain, "
        "in winter, something, anything, takes us home across the bay.",
    ]
    body = (NAV + '<table><tr><td class="col-a">\n'
            f'<h1>{esc(TITLE)}</h1>\n<div class="c">' + "".join(f"<p>{t}</p>\n" for t in linked)
            + '</div></td>\n<td class="col-b"><h2>Letters</h2>\n<div class="c">' + paragraphs(letters)
            + '</div></td></tr></table>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:5]))


def story_in_caption_boxes():
    # 7: a photo blog writes its story picture by picture, each photo in a
    # "caption-image" box with the paragraphs about it. A box with a caption
    # class that holds two paragraphs of prose or more (400+ bytes) is the
    # story; the one-line credit under the lead picture stays a caption.
    def box(i, texts):
        return (f'<div class="caption-image"><img src="/photos/{i}.jpg" alt="">'
                f'<div class="description">{paragraphs(texts)}</div></div>\n')
    body = (NAV + f'<div class="post"><h1>{esc(TITLE)}</h1>\n'
            '<figure><img src="/photos/lead.jpg" alt=""><figcaption>The western pier at night. '
            'Photo: Harbour Herald</figcaption></figure>\n' + paragraphs(P[:3])
            + box(1, P[3:6]) + box(2, P2[:3]) + '</div>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:6] + P2[:3]))


def stray_nul_byte():
    # 8: a stray NUL byte mid-page (a bad join of two templates), past the
    # first kilobyte, between the site's header and the story. A browser drops
    # it and shows the story; libxml2 ends the document there.
    menu = "".join(f'<li><a href="/section/{i}/">Section {i}</a></li>' for i in range(40))
    body = (NAV + f'<div class="masthead"><ul class="sections">{menu}</ul></div>\x00\n'
            f'<div class="story"><h1>{esc(TITLE)}</h1>\n' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en">\n{head(TITLE)}<body>\n{body}</body>\n</html>\n',
            dict(title=TITLE, text=P[:4]))


PLAN = [
    ("second-document", second_document),
    ("page-inside-head", page_inside_head),
    ("text-in-span-around-blocks", text_in_span_around_blocks),
    ("story-beside-card-box", story_beside_card_box),
    ("boxed-quote-in-post", boxed_quote_in_post),
    ("post-in-aside", post_in_aside),
    ("anchor-to-linked-story", anchor_to_linked_story),
    ("story-in-caption-boxes", story_in_caption_boxes),
    ("stray-nul-byte", stray_nul_byte),
]


def main():
    write_round(FIRST_INDEX, FIRST_INDEX + 9, PLAN)


if __name__ == "__main__":
    main()
