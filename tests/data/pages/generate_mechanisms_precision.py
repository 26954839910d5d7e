#!/usr/bin/python3
"""Writes the precision mechanism pages (980 on): one construct per page, each
a kind of text that is not the article and that leaked into the cut on real
pages (issue 16: comment threads, hidden duplicates, boxes about the author
or the site), so that a relapse fails tests/feeds/extract/corpus_test.cpp
without the shared real-world corpus. Written by hand here (no corpus text is
copied), with the building blocks of generate_mechanisms.py;
<page>.expected.json holds what a careful editor would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_precision.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import (FOOTER, NAV, OUT, P, TITLE, esc, expected, head,  # noqa: E402
                                 page, paragraphs)

FIRST_INDEX = 980
LAST_INDEX = 989

COMMENTS = [
    "I take the late boat twice a week after my shift at the bakery, and without it I would have to "
    "sleep at my sister's place in town, so this is very good news for our family.",
    "Four more months is fine, but what happens in April? Every winter we go through the same worry, "
    "and nobody on the board seems to understand that people plan their jobs around the timetable.",
    "The old boats are in a terrible state, the heating on the second one has not worked since "
    "November, and the board should fix that before it spends money on anything else.",
    "Thank you for writing about this, the local radio did not even mention the vote, and most of "
    "my neighbours only heard about it because someone put a note on the notice board.",
    "My daughter works nights at the hospital, and she says half of the nurses on her ward live on "
    "the eastern shore, so the hospital should pay its share of the crossing as well.",
    "Does anyone know whether the bicycle racks on the late boat will stay? Last year they were "
    "taken out in December, and it was impossible to bring a bike across after nine.",
]


def short_post_comment_thread():
    # A short post (two paragraphs, under the weak-cut size) above a long
    # comment thread, in one content column. The first cut is the post; the
    # looser retries keep the thread (its class is no longer read), and the
    # column that holds post and thread wins on volume. The story ends where
    # the thread begins: the retry is cut there, and it is the post again.
    texts = ["The night ferry will run until the end of March, the harbour board decided on Thursday.",
             "The board will review the service in the spring."]
    thread = "".join(
        f'<dt class="comment" id="comment-{i}"><span class="comment-author">Reader {i}</span> '
        f'<span class="comment-time">February {i + 3}, 2025 at 9:{10 + i} pm</span></dt>'
        f'<dd class="comment"><div class="format_text"><p>{esc(c)}</p>'
        f'<p class="reply"><a href="?replytocom={i}#respond">Reply</a></p></div></dd>'
        for i, c in enumerate(COMMENTS))
    body = (NAV + '<div id="content" class="hfeed"><div class="post hentry">'
            f'<div class="headline_area"><h1 class="entry-title">{esc(TITLE)}</h1></div>'
            '<div class="format_text entry-content">' + paragraphs(texts) + '</div></div>\n'
            f'<div id="comments"><div class="comments_intro"><p>{len(COMMENTS)} comments</p></div>'
            f'<dl id="comment_list">{thread}</dl></div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=texts)


def hidden_class_copy():
    # The page carries the story twice: a preview for visitors without a
    # subscription, switched off by the CSS framework's "hidden" class, and
    # the full text; and a fact box that a script shows later ("hide"). What
    # the class hides is not on the screen, so not in the text.
    preview = (f'<div id="preview" class="story preview hidden"><p class="byline">By Tomas Berg</p>'
               + paragraphs(P[:2]) + '<p>Subscribe to read the full story.</p></div>')
    facts = ('<div class="fact-box hide"><h4>The night ferry in figures</h4><p>Departures after ten: 6</p>'
             '<p>Cost a month: 40,000 euros</p><p>Passengers a night: about 300</p></div>')
    body = (NAV + f'<article><h1>{esc(TITLE)}</h1>{preview}<div class="story">' + paragraphs(P[:3]) + facts
            + paragraphs(P[3:6]) + '</div></article>\n' + FOOTER)
    return page(head(TITLE, '<meta property="og:type" content="article">'), body), dict(title=TITLE, text=P[:6])


def comments_under_a_heading():
    # A blog engine that gives its comment section no telling class or id:
    # the section is a box like the post's own, opened by a heading that says
    # what it is ("4 Comments"), its entries bare text with the reader's name
    # under each. The heading is where the story ends.
    entries = "".join(f'<div class="Normal"><a name="c{i}"></a>{esc(c)}<br><br>Posted by Reader {i}</div>'
                      for i, c in enumerate(COMMENTS[:4]))
    body = (NAV + f'<div id="blog"><div class="post"><h1>{esc(TITLE)}</h1><div class="Normal">'
            + paragraphs(P[:5]) + '</div></div>\n'
            f'<div class="post"><h3>4 Comments</h3>{entries}</div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


def author_box_after_story():
    # A box about the writer under the story, named by its id ("author")
    # while its class is the post's own ("post"), with no label a phrase
    # list would know: the site's furniture, where the story ends. The
    # byline above the story, a heading classed "author", is not its end.
    bio = ("Tomas Berg has covered the harbour, the ferries and the town council for the Herald since "
           "2011, and before that reported on shipping for a trade weekly in the capital.")
    box = (f'<div id="author" class="post"><div><b>Write for the Herald: send us your story ideas</b></div>'
           f'<p>{esc(bio)}</p></div>')
    body = (NAV + f'<div id="main"><div class="post"><h1>{esc(TITLE)}</h1><h3 class="author">Tomas Berg</h3>'
            '<div class="entry">' + paragraphs(P[:5]) + f'</div>{box}</div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


def tag_link_line():
    # Under the post's last paragraph, its filing: category and tag links
    # marked the microformat's way (rel="category", rel="tag"), separators
    # and the time, in a line whose class says nothing. Not the story's
    # text; a tag link inside a sentence of the story (plugins link names in
    # the prose) leaves the sentence alone.
    filed = ('<p class="filed"><a href="/category/harbour/" rel="category">Harbour news</a>, '
             '<a href="/category/transport/" rel="category tag">Transport</a> &#8212; Tags: '
             '<a href="/tag/ferry/" rel="tag">night ferry</a> &#8212; Tomas Berg, 13 February 2025 at 18:14</p>')
    first = ('The <a href="/tag/harbour-board/" rel="tag">harbour board</a> voted on Thursday to extend the '
             'night ferry service until the end of March, after weeks of complaints from shift workers on '
             'the eastern shore.')
    body = (NAV + f'<div id="content"><div class="post"><h2>{esc(TITLE)}</h2><div class="entry">'
            f'<p>{first}</p>' + paragraphs(P[1:5]) + f'{filed}</div></div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


def wordpress_post_footer():
    # The post footer of WordPress's classic themes, a paragraph like any
    # other: "This entry was posted on <date> and is filed under <category>.
    # You can follow any responses to this entry through the RSS 2.0 feed."
    footer = ('<p class="postmetadata"><small>This entry was posted on Thursday, February 13th, 2025 at '
              '6:14 pm and is filed under <a href="/category/harbour/">Harbour</a>. You can follow any '
              'responses to this entry through the <a href="/feed/">RSS 2.0</a> feed. You can leave a '
              'response, or trackback from your own site.</small></p>')
    body = (NAV + f'<div id="content"><div class="post"><h2>{esc(TITLE)}</h2><div class="entry">'
            + paragraphs(P[:5]) + footer + '</div></div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


def copyright_box_in_column():
    # The site's legal notice and copyright set in the content column under
    # the story (no footer element, no telling class): a short block stating
    # "©" or "All rights reserved" after the story's last paragraph is the
    # page's foot, and the story ends there.
    notice = ('<div class="notice" align="center"><span>By listing events on this site, the Herald does not '
              'endorse them, nor any views or advice given there.</span><br>'
              '<span>&copy;1999-2025 <strong>Harbour Herald Ltd.</strong> All Rights Reserved. '
              '<a href="/terms/">Terms of Use</a></span></div>')
    body = (NAV + f'<div id="main"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:5]) + f'<br>{notice}</div>\n')
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


def layout_row_with_rail():
    # An old table layout: one row, three cells side by side, a rail of
    # local advertisements (name, slogan, address and telephone, each a
    # short paragraph), the story, and a narrow cell of links. The
    # rail's paragraphs score nearly as well as the story's, and the row
    # that holds both wins on their sum. Cells of one row are columns, not
    # parts of one text: the story is its best-scored cell alone.
    shops = [("Harbour Hardware", "Tools and paint", "12 Quay Street", "555-0142"),
             ("The Galley Kitchen", "Soup and fish on Fridays", "7 Airport Road", "555-0177"),
             ("Berg Bicycles", "Repairs and rentals", "40 Mill Lane", "555-0190"),
             ("Dr. Lind Dentist", "Check-ups and cleaning", "3 Market Square", "555-0123"),
             ("North Shore Heating", "Boilers and stoves", "88 Dock Road", "555-0165")]
    rail = ('<p><b>Send us your news</b></p><p>If you have a tip, a photograph, or a story from your street, '
            'write to the newsroom, and an editor will call you back.</p><p><b>Support local business</b></p>'
            + "".join(f"<p>{esc(n)}<br>{esc(s)}<br>{esc(a)} &#183; tel. {t}</p>" for n, s, a, t in shops))
    links = ('<p><a href="/news/">More news</a><br><a href="/sport/">Sport</a><br>'
             '<a href="/weather/">Weather</a></p>')
    body = (NAV + '<table width="100%" cellpadding="4"><tr>'
            f'<td width="180" valign="top">{rail}</td>'
            f'<td valign="top"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:5]) + '</td>'
            f'<td width="120" valign="top">{links}</td></tr></table>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


def site_links_in_a_paragraph():
    # Between the story's paragraphs, a box set as one plain <p>: a label
    # and the site's other stories on the subject, one link per line, split
    # by <br> (some on another host of the same site). Over 200 bytes, so
    # the rule for short "Read also:" lines does not reach it; a related box
    # all the same. A list of links to other sites would be the author's
    # sources and stay.
    stories = [("/news/ferry-fares-frozen/", "Ferry fares frozen for another year"),
               ("/news/harbour-board-budget/", "Harbour board approves its budget for 2025"),
               ("https://archive.harbourherald.example/2024/11/old-boats/", "Inspectors find faults on two old boats"),
               ("/news/eastern-shore-commuters/", "Eastern shore commuters ask for a later crossing"),
               ("https://harbourherald.example/news/night-bus/", "Night bus trial ends in January")]
    box = ('<p style="width:240px"><strong>Ferries: the story so far...</strong><br><br>'
           + "<br><br>".join(f'{i}. <a href="{href}">{esc(text)}</a>' for i, (href, text) in enumerate(stories, 1))
           + '</p>')
    body = (NAV + f'<div id="content"><div class="story"><h1>{esc(TITLE)}</h1>' + paragraphs(P[:2]) + box
            + paragraphs(P[2:5]) + '</div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:5])


PLAN = [
    ("short-post-comment-thread", short_post_comment_thread),
    ("hidden-class-copy", hidden_class_copy),
    ("comments-under-a-heading", comments_under_a_heading),
    ("author-box-after-story", author_box_after_story),
    ("tag-link-line", tag_link_line),
    ("wordpress-post-footer", wordpress_post_footer),
    ("copyright-box-in-column", copyright_box_in_column),
    ("layout-row-with-rail", layout_row_with_rail),
    ("site-links-in-a-paragraph", site_links_in_a_paragraph),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
