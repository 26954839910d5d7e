#!/usr/bin/python3
"""Writes the pages of titles that name the site (1040 on): one construct per
page, each a blog or site whose title field is its own name (the <title>, the
masthead h1 or an og:title for the home page) while the page shows the post's
headline above its text (issue 16, item 8). The page gives its name away in
its feeds' titles, its masthead or its og:url, so the headline shown above
the prose replaces the name. Written by hand here (no corpus text is copied),
with the building blocks of generate_mechanisms.py; <page>.expected.json
holds the title a careful editor would give.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_metadata_site.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, P, TITLE, esc, page, paragraphs  # noqa: E402

FIRST_INDEX = 1040
LAST_INDEX = 1049

BLOG = "Harbour Lights"
BLOG_ROOT = "https://blogs.harbourherald.example/harbour-lights/"


def blog_head(title, extra=""):
    # No og:title and no og:site_name (many blog platforms declare neither);
    # the blog's feeds carry its name.
    return (f'<head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<link rel="alternate" type="application/atom+xml" title="Posts on &#39;{esc(BLOG)}&#39; (Atom)" '
            f'href="{BLOG_ROOT}atom.xml">'
            f'<link rel="alternate" type="application/atom+xml" title="Comments on &#39;{esc(TITLE)}&#39; (Atom)" '
            f'href="{BLOG_ROOT}2025/03/night-ferry/comments/atom.xml">{extra}</head>\n')


def blog_masthead(tagline):
    # The masthead links to the blog's root, a folder of the host (not "/"),
    # with the blog's tagline as a heading in the same banner.
    return (f'<div id="banner"><h1 id="banner-header"><a href="{BLOG_ROOT}">{esc(BLOG)}</a></h1>'
            f'<h2 id="banner-description">{esc(tagline)}</h2></div>\n')


def title_is_blog_name_tagline():
    # The <title> and the masthead h1 are the blog's name; the post's
    # headline is an h3 under a date heading, and the banner's tagline (an
    # h2, stronger than the h3) reads as a headline too. The tagline sits in
    # the masthead's box, not above the post: the h3 is the headline.
    body = (blog_masthead("Notes from the quay on boats, tides and the people who work them")
            + '<div id="content"><h2 class="date-header">March 5, 2025</h2>'
            f'<div class="entry"><h3 class="entry-header">{esc(TITLE)}</h3>\n'
            + paragraphs(P[:4]) + '</div></div>\n' + FOOTER)
    return (page(blog_head(BLOG), body),
            dict(title=TITLE, text=P[:4], site_name=None, published="2025-03-05T00:00:00Z",
                 url=f"{BLOG_ROOT}2025/03/night-ferry.html"))


def og_title_of_home_page():
    # Every page declares the og tags of the home page (og:url is the site's
    # root, the page's canonical URL is the post): og:title is the site's
    # motto, not the story's. The <title> and the heading above the text
    # (linked to the post under its category, no h1) give the headline.
    head = ('<head><meta charset="utf-8">'
            f'<title>{esc(TITLE)} - Harbour Herald</title>'
            '<meta property="og:title" content="The official blog of the Harbour Herald newsroom">'
            '<meta property="og:url" content="https://harbourherald.example/">'
            '<meta property="og:site_name" content="Harbour Herald">'
            '<link rel="canonical" href="https://harbourherald.example/2025/03/05/night-ferry/">'
            '</head>\n')
    body = ('<div id="header"><a href="/"><img src="/logo.png" alt="Harbour Herald"></a></div>\n'
            '<div class="post"><h2><div class="category"><a href="/category/transport/">Transport</a></div> '
            f'<a href="https://harbourherald.example/2025/03/05/night-ferry/">{esc(TITLE)}</a></h2>\n'
            '<div class="meta">Wednesday, March 5 2025</div>\n'
            + paragraphs(P[:4]) + '</div>\n' + FOOTER)
    return (page(head, body),
            dict(title=TITLE, text=P[:4], published="2025-03-05T00:00:00Z",
                 url="https://harbourherald.example/2025/03/05/night-ferry/"))


def personal_blog_byline():
    # A personal blog named after its author: the <title> and the masthead
    # are her name, and so is the byline between the headline and the text.
    # The name in the byline is not the title shown there.
    name = "Mara Lindqvist"
    head = ('<head><meta charset="utf-8">'
            f'<title>{esc(name)}</title>'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(name)} &raquo; Feed" '
            'href="https://maralindqvist.example/feed/"></head>\n')
    body = (f'<header id="masthead"><h1 id="site-title"><a href="https://maralindqvist.example/" rel="home">'
            f'{esc(name)}</a></h1></header>\n'
            f'<article class="post"><header class="entry-header"><h1 class="entry-title">{esc(TITLE)}</h1>'
            f'<div class="entry-meta">Posted by <a href="https://maralindqvist.example/about/">{esc(name)}</a>'
            '</div></header>\n<div class="entry-content">' + paragraphs(P[:4]) + '</div></article>\n' + FOOTER)
    return (page(head, body),
            dict(title=TITLE, text=P[:4], site_name=None, authors=[name],
                 url="https://maralindqvist.example/night-ferry/"))


def permalink_heading_sentence():
    # The post's heading is a sentence ("... again."), wholly a link marked
    # rel=bookmark to the post, and followed by a list (its author and date):
    # the blog theme's permalink heading is the headline however it reads.
    headline = "The night ferry runs again."
    body = (blog_masthead("Notes from the quay")
            + f'<div id="content"><div class="entry"><h2><a href="{BLOG_ROOT}2025/03/night-ferry.html" '
            f'rel="bookmark" title="Permanent Link to {esc(headline)}">{esc(headline)}</a></h2>\n'
            '<ul class="info"><li class="date">March 5th, 2025</li><li class="comments">'
            '<a href="#comments">No Comments</a></li></ul>\n'
            + paragraphs(P[:4]) + '</div></div>\n' + FOOTER)
    return (page(blog_head(BLOG), body),
            dict(title=headline, text=P[:4], site_name=None, published="2025-03-05T00:00:00Z", url=f"{BLOG_ROOT}2025/03/night-ferry.html"))


def heading_linked_to_own_url():
    # The same without rel=bookmark: the heading is wholly a link to the
    # page's own URL (relative here), the post's permalink, and the <title>
    # is only the blog's name.
    headline = "Stop at the quay. Look at the water."
    body = (blog_masthead("Notes from the quay")
            + '<div id="content"><div class="entry"><h2><a href="/harbour-lights/2025/03/night-ferry.html">'
            f'{esc(headline)}</a></h2>\n<p class="meta">March 5th, 2025</p>\n'
            + paragraphs(P[:4]) + '</div></div>\n' + FOOTER)
    return (page(blog_head(BLOG), body),
            dict(title=headline, text=P[:4], site_name=None, published="2025-03-05T00:00:00Z",
                 url=f"{BLOG_ROOT}2025/03/night-ferry.html"))


def site_name_after_the_headline():
    # "» Headline :: Blog » Blog Archive": the theme's words go as on any
    # page, then the blog's name that its only feed gives ("Harbour Lights
    # RSS Feed") goes too. The headline is shown only as a link (the
    # permalink), so no shown text picks it out of the <title>.
    head = ('<head><meta charset="utf-8">'
            f'<title>&raquo; {esc(TITLE)}:: {esc(BLOG)} &raquo; Blog Archive</title>'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(BLOG)} RSS Feed" href="/feed/">'
            f'<link rel="alternate" type="application/rss+xml" title="{esc(BLOG)} &raquo; {esc(TITLE)} Comments Feed" '
            'href="/2025/03/night-ferry/feed/"></head>\n')
    body = ('<div id="header"><a href="/"><img src="/logo.png" alt=""></a></div>\n'
            '<div id="content"><div class="post"><h2><a href="/2025/03/night-ferry/">'
            f'{esc(TITLE)}</a></h2>\n' + paragraphs(P[:4]) + '</div></div>\n' + FOOTER)
    return (page(head, body),
            dict(title=TITLE, text=P[:4], site_name=None, url="https://harbourlights.example/2025/03/night-ferry/"))


# A first paragraph that links cut into short texts (each under 80 bytes).
SPLIT = ('The harbour board met on Thursday with the <a href="/ferry-users/">ferry users\' group</a> and '
         'the <a href="/workers/">shift workers\' association</a>, after weeks of letters from the '
         '<a href="/eastern-shore/">eastern shore</a> about the <a href="/night-ferry/">night ferry</a>, '
         'and heard from the <a href="/operators/">two operators</a> that run it.')
SPLIT_TEXT = ("The harbour board met on Thursday with the ferry users' group and the shift workers' "
              "association, after weeks of letters from the eastern shore about the night ferry, and heard "
              "from the two operators that run it.")


def first_paragraph_cut_by_links():
    # The post's first paragraph is cut by links into texts shorter than
    # 80 bytes: the first prose is that paragraph (its first text), not
    # the next one, or the paragraph reads as 200+ bytes of byline between
    # the headline and the text and the search stops.
    body = (blog_masthead("Notes from the quay on boats, tides and the people who work them")
            + f'<div id="content"><div class="entry"><h3 class="entry-header">{esc(TITLE)}</h3>\n'
            f'<p>{SPLIT}</p>\n' + paragraphs(P[:3]) + '</div></div>\n' + FOOTER)
    return (page(blog_head(BLOG), body),
            dict(title=TITLE, text=[SPLIT_TEXT] + P[:3], site_name=None,
                 url=f"{BLOG_ROOT}2025/03/night-ferry.html"))


def title_classed_box_around_headline():
    # The theme wraps the headline and its byline in a box whose class says
    # title ("post-headline"); the box is not the heading (its first line is
    # empty), the h2 inside it is.
    body = (blog_masthead("Notes from the quay on boats, tides and the people who work them")
            + '<div id="content"><div class="post"><div class="post-headline">'
            f'<h2>{esc(TITLE)}</h2><p class="post-info">Posted by <a href="/about/">Ann Lee</a></p></div>\n'
            '<div class="entry">' + paragraphs(P[:4]) + '</div></div></div>\n' + FOOTER)
    return (page(blog_head(BLOG), body),
            dict(title=TITLE, text=P[:4], site_name=None, url=f"{BLOG_ROOT}2025/03/night-ferry.html"))


def hidden_box_between_headline_and_text():
    # A box the page hides (style="display:none", shown by a script to new
    # readers) sits between the headline and the text: it is not a byline or
    # a dateline, and its 200+ bytes do not stop the search.
    hidden = ("New here? This blog follows the boats, the tides and the people who work the harbour, "
              "from the first ferry in the morning to the last one at night. Start with the archive, "
              "read the guide to the quay, and write to us with the stories we have missed so far.")
    body = (blog_masthead("Notes from the quay on boats, tides and the people who work them")
            + f'<div id="content"><div class="entry"><h3 class="entry-header">{esc(TITLE)}</h3>\n'
            f'<div class="welcome" style="display: none"><p>{esc(hidden)}</p></div>\n'
            + paragraphs(P[:4]) + '</div></div>\n' + FOOTER)
    return (page(blog_head(BLOG), body),
            dict(title=TITLE, text=P[:4], site_name=None, url=f"{BLOG_ROOT}2025/03/night-ferry.html"))


PLAN = [
    ("title-is-blog-name-tagline", title_is_blog_name_tagline),
    ("og-title-of-home-page", og_title_of_home_page),
    ("personal-blog-byline", personal_blog_byline),
    ("permalink-heading-sentence", permalink_heading_sentence),
    ("first-paragraph-cut-by-links", first_paragraph_cut_by_links),
    ("title-classed-box-around-headline", title_classed_box_around_headline),
    ("hidden-box-between-headline-and-text", hidden_box_between_headline_and_text),
    ("heading-linked-to-own-url", heading_linked_to_own_url),
    ("site-name-after-the-headline", site_name_after_the_headline),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
