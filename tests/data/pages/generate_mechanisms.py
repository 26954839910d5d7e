#!/usr/bin/python3
"""Writes the mechanism pages (901 on): one construct per page, each a failure
class found on real pages (issue 16), so that a relapse fails
tests/feeds/extract/corpus_test.cpp without the shared real-world corpus. The pages
are written by hand here (no corpus text is copied); <page>.expected.json holds
what a careful editor would cut, as for the generated pages.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms.py
"""
import html
import json
import os
import re

OUT = os.path.dirname(os.path.abspath(__file__))
FIRST_INDEX = 901

P = [
    "The harbour board voted on Thursday to extend the night ferry service until the end of March, "
    "after weeks of complaints from shift workers on the eastern shore.",
    "Board members said the extension would cost about 40,000 euros a month, which would be covered "
    "by a one-off grant from the regional transport fund rather than by higher fares.",
    "Ferry operators had warned in January that two of the older boats needed repairs, and the board "
    "asked for an inspection report before the service is reviewed again in the spring.",
    "Passenger numbers on the late crossings rose by a fifth last year, according to figures the "
    "operator published on Monday, with most of the growth on weekday nights.",
    "A spokesperson for the workers' association welcomed the vote but said a permanent timetable, "
    "not another temporary extension, was what families on the eastern shore needed.",
    "The board will publish the inspection report next month, and a public meeting on the future of "
    "the service is planned for the first week of April in the town hall.",
]

NAV = ('<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li>'
       '<li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li></ul></nav>\n')
FOOTER = ('<footer class="site-footer"><p>Copyright 2025 Harbour Herald. All rights reserved.</p>'
          '<ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li></ul></footer>\n')


def esc(text):
    return html.escape(text, quote=True)


def paragraphs(texts):
    return "".join(f"<p>{esc(t)}</p>\n" for t in texts)


def head(title, extra=""):
    return (f'<head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta property="og:title" content="{esc(title)}">'
            f'<meta property="og:site_name" content="Harbour Herald">{extra}</head>\n')


def bare_head(title, extra=""):
    # No og:title and no og:site_name: older publishing systems declare
    # neither, and the <title> is all there is.
    return f'<head><meta charset="utf-8"><title>{esc(title)}</title>{extra}</head>\n'


def page(head_html, body_html):
    return f'<!DOCTYPE html>\n<html lang="en">\n{head_html}<body>\n{body_html}</body>\n</html>\n'


def expected(index, slug, title, text, url=None, authors=None, published=None, no_article=False,
             site_name="Harbour Herald"):
    url = url or f"https://harbourherald.example/news/{slug}/"
    return {
        "page": f"{index}-{slug}.html", "type": "mechanism", "url": url, "encoding": "utf-8",
        "http_charset": None, "title": title, "authors": authors or [], "published": published,
        "site_name": site_name, "language": "en", "canonical_url": None,
        "no_article": no_article, "text": "\n\n".join(text),
    }


TITLE = "Night ferry service extended until the end of March"

# Another story of the same site: what a state blob carries beside the page's
# own (a "more stories" rail, longer than the page's story, so that only the
# title tells them apart), or an endless-scroll page appends below it.
OTHER_TITLE = "Market hall roof to be repaired before the summer season"
OTHER = [
    "The council will repair the leaking roof of the market hall in May, a spokesman said on "
    "Friday, after traders complained that rain had spoiled goods on three market days.",
    "The work is expected to take four weeks, during which the stalls will move to the square in "
    "front of the town hall, as they did during the renovation twelve years ago.",
    "Traders welcomed the decision but asked the council to waive the stall fees for the weeks "
    "spent outside, saying that sales drop sharply when the market is moved.",
    "The market hall was built in 1911 and last renovated twelve years ago, when the council "
    "replaced its windows and the heating but left the roof, which was then thought sound.",
    "An engineer's report published in February found that the roof's timber frame is in good "
    "order and that the leaks come from tiles loosened by the storms of the past two winters.",
    "The repair will cost about 180,000 euros, to be paid from the council's maintenance budget, "
    "and the market will return to the hall in the first week of June if the work goes to plan.",
    "Traders said they would hold a meeting next week to decide whether to ask the council for a "
    "temporary roof over the square, where the stalls stood in the rain during the last works.",
]


def veto_website():
    # 1: og:type=website on an article page, no JSON-LD: the DOM decides.
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:4]) + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="website">'), body),
            dict(title=TITLE, text=P[:4]))


def jsonld_control_characters():
    # 1: JSON-LD with raw line breaks and tabs inside strings (invalid JSON,
    # common); the author and date are only there.
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "' + TITLE + '",\n'
          ' "description": "The board voted\n\tto extend the service.",\n'
          ' "author": {"@type": "Person", "name": "Maria Lopez"},\n'
          ' "datePublished": "2025-02-13T18:30:00Z"}')
    body = (NAV + f'<div class="story"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return (page(head(TITLE, f'<script type="application/ld+json">{ld}</script>'), body),
            dict(title=TITLE, text=P[:4], authors=["Maria Lopez"], published="2025-02-13T18:30:00Z"))


def captions_and_credits():
    # 2: figure captions and photo credits stay out of the text.
    figure = ('<figure><img src="/media/ferry.jpg" alt="The night ferry">'
              '<figcaption>The night ferry leaves the eastern pier shortly after midnight on Wednesday.'
              '</figcaption></figure>\n'
              '<div class="photo"><img src="/media/board.jpg" alt=""><span class="image-credit">'
              'Photo: Harbour Herald / Jan Novak</span></div>\n')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + figure + paragraphs(P[2:5])
            + '</article>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:5])


def gallery_counter():
    # 2: a gallery's "3 of 5" counters are not text.
    slides = "".join(f'<div class="slide"><img src="/media/g{i}.jpg" alt=""><div class="slide-index">{i} of 5</div>'
                     '</div>\n' for i in range(1, 6))
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + slides + paragraphs(P[2:4])
            + '</article>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:4])


def fallback_after_class_cut():
    # 3: the only container of the article carries a furniture word
    # ("sidebar-layout"): class-based removal leaves a stub, the retry
    # without it finds the article.
    body = (NAV + f'<h1>{esc(TITLE)}</h1>\n<div class="sidebar-layout">' + paragraphs(P) + '</div>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P)


def lede_and_later_sections():
    # 4: a standfirst above the body container and a second section after
    # it, all inside the <article>; comments after it stay out.
    lede = "Shift workers on the eastern shore win a reprieve as the board finds money for three more months."
    heading = "What happens in April"
    body = (NAV + f'<article><header><h1>{esc(TITLE)}</h1></header>\n'
            f'<p class="standfirst">{esc(lede)}</p>\n'
            '<div class="article-body">' + paragraphs(P[:4]) + '</div>\n'
            f'<section class="chapter"><h2>{esc(heading)}</h2>' + paragraphs(P[4:]) + '</section>\n'
            '</article>\n<div class="comment-list"><div class="content"><p>I have been waiting for this for '
            'years, finally some good news for the eastern shore and for everyone who works nights.</p>'
            '</div></div>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=[lede] + P[:4] + [heading] + P[4:]))


def bare_text_and_breaks():
    # 5: prose written as bare text runs separated by <br><br>, beside a
    # block child: each run is a paragraph.
    runs = "<br><br>\n".join(esc(t) for t in P[:3])
    body = (NAV + f'<h1>{esc(TITLE)}</h1>\n<div id="story">' + runs
            + '<div class="inline-box"><p>' + esc(P[3]) + '</p></div>' + esc(P[4]) + '<br><br>\n' + esc(P[5])
            + '</div>\n' + OTHER_STORY + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P)


# Two paragraphs of prose that are not the article, without a class to give
# them away: unless the bare runs count as paragraphs, they win the scoring.
OTHER_STORY = ('<div><div><div><p>Elsewhere in the region, the council approved a new cycle lane along the river, '
               'which will open in May, after a consultation that drew, by its own count, 3,000 replies.</p>'
               '<p>The lane, which cost less than planned, links the station, the hospital and the university, '
               'and will be lit, cleaned and patrolled by the city, officials said.</p>'
               '<p>Cyclists, walkers, runners and, on weekends, families with children are expected to use it, '
               'the council said, adding that, if demand grows, a second lane, further east, could follow.</p>'
               '</div></div></div>\n')


def embedded_post():
    # 7: a quoted post's text is part of the story; its attribution line is not.
    quote = "The late ferry is the only way home for hundreds of us. Keep it running."
    embed = ('<figure class="c-embed c-embed--social"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">'
             f'{esc(quote)}</p>&mdash; Eastern Shore Workers (@eastshoreworkers) '
             '<a href="https://x.example/eastshoreworkers/status/1">February 12, 2025</a></blockquote>'
             '<script async src="https://platform.x.example/widgets.js"></script></figure>\n')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + embed + paragraphs(P[2:4])
            + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:2] + [quote] + P[2:4]))


def metadata_title_author_url_date():
    # 8: og:title carries the site before the headline (no separator the
    # site-name rule knows), the author meta a trailing separator, and the
    # date is only in the URL.
    h = (f'<head><meta charset="utf-8"><title>Harbour Herald: {esc(TITLE)}</title>'
         f'<meta property="og:title" content="Harbour Herald: {esc(TITLE)}">'
         '<meta property="og:site_name" content="Harbour Herald"><meta property="og:type" content="article">'
         '<meta name="author" content="Tomas Berg -"></head>\n')
    body = NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:4]) + '</article>\n' + FOOTER
    return (page(h, body),
            dict(title=TITLE, text=P[:4], authors=["Tomas Berg"], published="2025-02-13T00:00:00Z",
                 url="https://harbourherald.example/2025/02/13/night-ferry-extended/"))


def page_wide_form():
    # The whole page inside one <form> (ASP.NET WebForms): the form is the
    # page, not furniture; its fields still go.
    body = ('<form method="post" action="./Article.aspx?id=1" id="aspnetForm"><input type="hidden" '
            'name="__VIEWSTATE" value="abc">' + NAV + f'<div id="ctl00_ph1"><h1>{esc(TITLE)}</h1>'
            + paragraphs(P[:4]) + '</div>\n<div class="search-box"><input type="text" name="q">'
            '<input type="submit" value="Search"></div>' + FOOTER + '</form>\n')
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:4])


def weak_marker_leak():
    # 6: only strong markers protect: a comment's div.content must not keep
    # the comment section that sits inside the article's block.
    comments = "".join(
        f'<div class="content"><p>{esc(c)}</p></div>' for c in (
            "I have been waiting for this for years, finally some good news for the eastern shore and for "
            "everyone who works nights, thank you to the board.",
            "Three more months is not a plan, it is a delay, and the families on the eastern shore deserve "
            "better than a temporary fix every winter."))
    body = (NAV + f'<div id="page"><h1>{esc(TITLE)}</h1><div class="entry">' + paragraphs(P[:4])
            + f'<div class="comments-area"><h3>2 comments</h3>{comments}</div></div></div>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:4])


def short_article():
    # 1: a one-paragraph post inside <article>, no metadata: short is not
    # "no article" when the DOM marks the article.
    text = "The night ferry now runs until the end of March, the harbour board said on Thursday."
    body = NAV + f'<article><h1>{esc(TITLE)}</h1><p>{esc(text)}</p></article>\n' + FOOTER
    h = f'<head><meta charset="utf-8"><title>{esc(TITLE)}</title><meta property="og:site_name" content="Harbour Herald"></head>\n'
    return page(h, body), dict(title=TITLE, text=[text])


def content_with_sidebar():
    # 5: a wrapper whose name also says content ("contentWithSidebar",
    # camelCase) is not furniture, though it says sidebar too.
    body = (NAV + f'<div id="contentWithSidebar"><div class="inner"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:4])
            + '</div></div>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:4])


def table_cell_breaks():
    # 5: a table layout: the headline, a byline and the story's <br><br>
    # runs all sit in one cell beside the navigation cells; the runs must
    # become paragraphs inside tables too.
    runs = "\n<br><br>\n".join(esc(t) for t in P[:4])
    body = ('<table width="700"><tr><td class="left"><a href="/">Home</a><br><a href="/news/">News</a><br>'
            '<a href="/sport/">Sport</a></td>\n<td valign="top"><h1>' + esc(TITLE) + '</h1>\n'
            + runs + '\n<br><br>\n</td></tr></table>\n'
            '<table><tr><td><a href="/about/">About us</a> | <a href="/contact/">Contact</a></td></tr></table>\n')
    return page(head(TITLE), body), dict(title=TITLE, text=P[:4])


def headline_anchor():
    # 4/6: a short story under its headline, and below it a reader forum
    # twice as long with no class to give it away: the story is what
    # follows the headline, not the block that wins on volume.
    forum = [
        "Posted by harbourfan: Three more months is not a plan, it is a delay, and the families on the eastern "
        "shore deserve better than a temporary fix every single winter, year after year, board after board.",
        "Posted by nightshift: I have been waiting for this for years, finally some good news for everyone "
        "who works nights at the hospital, though the last boat still leaves far too early for us.",
        "Posted by eastsider: The fares went up twice last year, so forgive me if I do not believe that the "
        "grant will cover it all, and I would like to see the inspection report before I cheer.",
        "Posted by ferrywatch: Passenger numbers rose because the buses were cut, nothing else, and the "
        "regional fund will not pay for this forever, whatever the board says on Thursday.",
        "Posted by oldskipper: Two of those boats are older than I am, and I am retired, so repairs are "
        "overdue, and the board knows it, and everyone on the quay has known it for ten years.",
        "Posted by commuter22: A permanent timetable would let people plan their lives, take jobs on the "
        "other side, and stop asking every autumn whether the night crossing will still exist.",
    ]
    body = (NAV + '<div id="wrap"><div class="col1"><h1>' + esc(TITLE) + '</h1><div class="txt">'
            + paragraphs(P[:3]) + '</div></div></div>\n<div id="board"><div class="col2"><h3>Readers write</h3>'
            + "".join(f"<div class=\"msg\"><p>{esc(f)}</p></div>" for f in forum) + '</div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:3])


def short_untagged_post():
    # 1: a two-sentence post with no article markup and no og:type: short is
    # not "no article" when nothing says listing.
    text = ("The night ferry now runs until the end of March, the harbour board said on Thursday. "
            "Details follow.")
    body = NAV + f'<div id="main-col"><h1>{esc(TITLE)}</h1><p>{esc(text)}</p></div>\n' + FOOTER
    h = f'<head><meta charset="utf-8"><title>{esc(TITLE)}</title><meta property="og:site_name" content="Harbour Herald"></head>\n'
    return page(h, body), dict(title=TITLE, text=[text])


def metadata_undeclared_site_dateline():
    # 8: no og:site_name: the title's "Harbour Herald | " prefix goes because
    # the host names the site; no date in markup or URL: the visible dateline
    # gives it; the JSON-LD names a person and the site as authors.
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "author": [{"@type": "Person", '
          '"name": "Tomas Berg"}, {"@type": "Organization", "name": "Harbour Herald"}]}')
    h = (f'<head><meta charset="utf-8"><title>Harbour Herald | {esc(TITLE)}</title>'
         f'<script type="application/ld+json">{ld}</script></head>\n')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div class="post-date">Published: February 13, 2025</div>'
            + paragraphs(P[:4]) + '</article>\n' + FOOTER)
    return (page(h, body),
            dict(title=TITLE, text=P[:4], authors=["Tomas Berg"], published="2025-02-13T00:00:00Z", site_name=None,
                 url="https://www.harbourherald.example/news/night-ferry-extended"))


def trailing_signoff():
    # 6: below the last paragraph, inside the article's own block and with
    # no class to give them away: a comment-form label, a "no related posts"
    # line and a copyright line. They go from the text; a story that ends in
    # a list keeps it (see edge-dateline-list).
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>' + paragraphs(P[:5])
            + '<p>Leave a Reply</p><p>No related posts.</p>'
            '<p>\u00a9 2025 Harbour Herald Media Ltd. All rights reserved.</p></article>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:5])


def edge_dateline_and_list():
    # 6: a dateline line above the first paragraph goes; the short lines the
    # story ends with (a timetable) stay, as a list of them is content.
    times = ["Monday to Friday: 23:00", "Saturday: 23:30", "Sunday: 22:00", "Holidays: 22:00"]
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1><div>Posted 13 February 2025 at 18:14 GMT</div>'
            + paragraphs(P[:4]) + "".join(f"<p>{esc(t)}</p>" for t in times) + '</article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=P[:4] + times))


def anchor_linked_headings():
    # 6: section headings that are links to the page itself (a table of
    # contents' back-references, permalinks) are the article's structure,
    # not another story's linked headline.
    sections = [("Why the service was extended", P[:2]), ("What it costs", P[2:4]), ("What comes next", P[4:6])]
    body = NAV + f'<article><h1>{esc(TITLE)}</h1>'
    for i, (heading, texts) in enumerate(sections):
        body += (f'<div class="section" id="s{i}"><h2><a class="toc-backref" href="#toc{i}">{esc(heading)}</a>'
                 f'<a class="headerlink" href="#s{i}">\u00b6</a></h2>' + paragraphs(texts) + '</div>')
    body += '</article>\n' + FOOTER
    text = []
    for heading, texts in sections:
        text += [heading + "\u00b6"] + texts
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=text)


def short_post_above_comments():
    # 1: a one-paragraph photo post under a short h2 title (the <title> adds
    # the blog's name), naming a few links, above a comment thread ten times
    # its length. The first cut is short, so the looser retries run; with
    # class rules off the comments win on volume. The post holds the first
    # prose below the headline: a retry that does not hold it is refused.
    title = "Ferry at dusk"
    post = ('The last crossing of the night, shot from the <a href="https://shop.example/coat">quay</a> '
            'with an old <a href="https://shop.example/lens">50 mm lens</a> and no filter at all.')
    comments = [
        "What a lovely picture, the light on the water is just perfect and it reminds me of the summers "
        "we spent by the harbour when the children were small, thank you for sharing it with us.",
        "I take this ferry every night after my shift and I have never once looked at it like this, "
        "now I will, and maybe I will bring a camera along too, if the weather allows it.",
        "Which settings did you use for this one? I tried the same spot last week, but my pictures "
        "came out far too dark, even with the lamps on the quay switched on behind me.",
        "The boat in the picture is one of the two old ones the board wants to repair, isn't it? "
        "It would be a shame to lose them, they are part of the town's history after all.",
        "Beautiful, as always, and I love that you still use that old lens, it gives everything a "
        "softness that the new ones never quite manage, no matter what the reviews say.",
        "Printed this one and put it on the fridge, my grandmother worked on the ferries for thirty "
        "years and she says the view has not changed at all since she was a girl.",
    ]
    thread = "".join(
        f'<li id="comment-{i}" class="comment"><div class="comment-author vcard">Reader {i}</div>'
        f'<div class="comment-meta">February 3, 2025</div><p>{esc(c)}</p></li>' for i, c in enumerate(comments))
    body = (NAV + '<div id="content"><div id="post-7" class="hentry post">'
            f'<h2 class="entry-title">{esc(title)}</h2><div class="entry-content">'
            '<p><img src="/photos/ferry-dusk.jpg" alt=""></p>'
            f'<p>{post}</p></div></div>\n'
            f'<div id="comments"><h3>6 Comments</h3><ol>{thread}</ol></div></div>\n' + FOOTER)
    text = html.unescape(re.sub(r"<[^>]+>", "", post))
    full_title = f"{title} \u2013 Harbour Lights"
    return page(head(full_title), body), dict(title=full_title, text=[text])


def standfirst_in_header():
    # 6: the standfirst sits in the <header> with the headline, the byline
    # and the date, before the body: it is the article's first paragraph;
    # the headline, byline and date stay out.
    standfirst = ("Shift workers on the eastern shore get three more months of late crossings, paid for by a "
                  "one-off regional grant rather than by higher fares.")
    body = (NAV + '<article><header>'
            f'<h1>{esc(TITLE)}</h1><p class="dek">{esc(standfirst)}</p>'
            '<p class="meta">By <a rel="author" href="/staff/ana-lind/">Ana Lind</a>, '
            '<time datetime="2025-02-13">13 February 2025</time></p></header>'
            '<div class="article-body">' + paragraphs(P) + '</div></article>\n' + FOOTER)
    return (page(head(TITLE, '<meta property="og:type" content="article">'), body),
            dict(title=TITLE, text=[standfirst] + P, authors=["Ana Lind"], published="2025-02-13T00:00:00Z"))


def body_split_in_parts():
    # 6: the body split over two marked parts, an <article> for the first
    # paragraphs and another for the rest, with a rail of tools between
    # them, all inside one article-body wrapper: both parts are the story,
    # though the first alone scores too little to be taken with the second.
    rail = ('<div class="rail"><div class="tools"><a href="/print/">Print</a> <a href="/email/">E-mail</a></div>'
            '<div class="quick-comments"><a href="#comments">12 comments</a></div></div>')
    body = (NAV + f'<div id="story"><h1>{esc(TITLE)}</h1><div id="article-body">'
            '<div class="part"><article>' + paragraphs(P[:1]) + '</article></div>' + rail
            + '<div class="part"><article>' + paragraphs(P[1:]) + '</article></div></div></div>\n'
            + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P)


def roundup_list_of_sentences():
    # 5: a weekly round-up: under each day's heading, a list of sentences
    # whose subjects are links to the full stories. Mostly links, but each
    # item is a sentence around its link, so the lists are the article.
    days = [
        ("Monday", [("The", "night ferry timetable for the spring is now published", ".", "/a/1"),
                    ("We", "extended the late crossing until the end of March", ", as the board voted.", "/a/2")]),
        ("Wednesday", [("We published", "the inspection report on the two older boats", ".", "/a/3"),
                       ("We added", "a stop at the eastern shore quay for shift workers", ".", "/a/4"),
                       ("The regional fund", "confirmed the one-off grant for the service", ".", "/a/5")]),
    ]
    intro = "Here is a quick look at what happened at the harbour board last week, day by day:"
    body = NAV + f'<article><h1>{esc(TITLE)}</h1><div class="entry-body"><p>{esc(intro)}</p>'
    text = [intro]
    for day, items in days:
        body += f'<h3>{day}</h3><ul>'
        text.append(day)
        for before, linked, after, href in items:
            body += f'<li>{esc(before)} <a href="{href}">{esc(linked)}</a>{esc(after)}</li>'
            text.append(f"{before} {linked}{after}")
        body += '</ul>'
    closing = "That is all for this week: the next round-up follows on Monday, as usual."
    body += f'<p>{esc(closing)}</p></div></article>\n' + FOOTER
    text.append(closing)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=text)


def nocontent_rail():
    # 3: a rail of recent posts beside the story, its teasers whole sentences
    # without links, in a box that the search engines' class marks as not
    # the page's content ("nocontent"): it goes.
    teasers = [
        "Answering a security question with an unrelated answer makes a password easy to remember.",
        "Most browsers can turn off an add-on that slows them down without removing it altogether.",
        "Two tablets that run the same operating system can still behave quite differently at home.",
    ]
    rail = ('<div id="recent-posts" class="box module nocontent"><h4>Recent Posts</h4>'
            + "".join(f'<div class="entry"><p class="date">February {10 - i}</p><p>{esc(t)}</p></div>'
                      for i, t in enumerate(teasers)) + '</div>')
    body = (NAV + f'<div id="main-col"><h1>{esc(TITLE)}</h1><div class="post-text">' + paragraphs(P[:3])
            + '</div>' + rail + '</div>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:3])


PLAN = [
    ("veto-website", veto_website),
    ("jsonld-control-chars", jsonld_control_characters),
    ("captions-credits", captions_and_credits),
    ("gallery-counter", gallery_counter),
    ("fallback-class-cut", fallback_after_class_cut),
    ("lede-later-sections", lede_and_later_sections),
    ("bare-text-breaks", bare_text_and_breaks),
    ("embedded-post", embedded_post),
    ("metadata-title-author-date", metadata_title_author_url_date),
    ("page-wide-form", page_wide_form),
    ("weak-marker-leak", weak_marker_leak),
    ("short-article", short_article),
    ("content-with-sidebar", content_with_sidebar),
    ("table-cell-breaks", table_cell_breaks),
    ("headline-anchor", headline_anchor),
    ("short-untagged-post", short_untagged_post),
    ("metadata-undeclared-site-dateline", metadata_undeclared_site_dateline),
    ("trailing-signoff", trailing_signoff),
    ("edge-dateline-list", edge_dateline_and_list),
    ("anchor-linked-headings", anchor_linked_headings),
    ("short-post-above-comments", short_post_above_comments),
    ("standfirst-in-header", standfirst_in_header),
    ("body-split-in-parts", body_split_in_parts),
    ("roundup-list-of-sentences", roundup_list_of_sentences),
    ("nocontent-rail", nocontent_rail),
]


def page_in(language, head_html, body_html):
    """A page that says its language (page() says English)."""
    return page(head_html, body_html).replace('<html lang="en">', f'<html lang="{language}">', 1)


def write_round(first, last, plan, languages=None):
    """Writes a round's pages, `first` + offset in PLAN order, and removes the
    stale pages of its own range [first, last] (a renamed or dropped page):
    each generator owns a range, so rounds never touch each other's pages.
    `languages` maps the slugs of pages that say another language than
    English (expected() writes "en") to theirs."""
    assert first + len(plan) - 1 <= last
    ours = {f"{first + offset}-{slug}" for offset, (slug, _) in enumerate(plan)}
    for name in os.listdir(OUT):
        number = re.match(r"(\d+)-", name)  # 1000 on have four digits
        if number and first <= int(number[1]) <= last and name.split(".")[0] not in ours:
            os.remove(os.path.join(OUT, name))
    for offset, (slug, build) in enumerate(plan):
        index = first + offset
        markup, fields = build()
        with open(os.path.join(OUT, f"{index}-{slug}.html"), "w", encoding="utf-8") as out:
            out.write(markup)
        record = expected(index, slug, **fields)
        if languages and slug in languages:
            record["language"] = languages[slug]
        with open(os.path.join(OUT, f"{index}-{slug}.expected.json"), "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False, indent=1)
            out.write("\n")
    print(f"wrote {len(plan)} pages to {OUT}")


def main():
    # Only this round's range: later rounds (generate_mechanisms_round3.py, 940 on, and the
    # issue 16 rounds after it) have their own.
    write_round(FIRST_INDEX, 939, PLAN)


if __name__ == "__main__":
    main()
