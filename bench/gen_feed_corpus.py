#!/usr/bin/env python3
"""Generates the feed benchmark corpus (fixed seed, so every run measures the
same bytes): RSS 2.0 with content:encoded HTML of 2-8 KB per item, Atom with
xhtml content, JSON Feed, RSS in legacy encodings (windows-1251, koi8-r,
shift_jis, iso-8859-1) and one 10 MB feed. About 60 MB in all; written to the
directory given (never committed).

With --realistic the HTML of RSS and JSON items is written the way real feeds
write it (issue 17): unclosed <p>, <br> without a slash, comments, inline
styles, unquoted attributes, bare '&', entity soup, misnested tags, now and
then a video embed, a table without end tags or a paragraph pasted from Word
(<o:p>); Atom's XHTML stays well-formed, as XML requires.

usage: gen_feed_corpus.py [--realistic] OUTPUT_DIR
"""
import json
import os
import random
import sys

SEED = 20250302
WORDS_EN = ("the of and to in is for on that with as by at from was are this be it an or have not has "
            "government minister said ukraine war report city council market energy news week year people "
            "police court election water school health budget strike region officials according local").split()
WORDS_UK = "київ уряд міністр сказав україна війна звіт місто рада ринок енергія новини тиждень рік люди".split()
WORDS_JA = ["日本", "政府", "経済", "東京", "市場", "ニュース", "報告", "選挙", "地域", "天気"]


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


REALISTIC = False
ENTITY_SOUP = ["&nbsp;", "&rsquo;", "&#8217;", "&#x2014;", "&hellip;", "&#146;", "&ldquo;", "&rdquo;", "&amp;nbsp;"]


def replace_in_text(chunk, old, new):
    """Replaces the first `old` that lies in text, not inside a tag: real feeds
    put entities and bare '&' in their text, not between a tag's attributes
    (the first version replaced the chunk's first space, which for images and
    ads is inside the tag: "<img &nbsp; src=...>", "<div AT&T class=...>")."""
    depth, i = 0, 0
    while i < len(chunk):
        c = chunk[i]
        if c == "<":
            depth += 1
        elif c == ">":
            depth = max(depth - 1, 0)
        elif depth == 0 and chunk.startswith(old, i):
            return chunk[:i] + new + chunk[i + len(old):]
        i += 1
    return chunk


def wild(rng, chunk, words):
    """One chunk of generated HTML made the way CMSs and hand-edited feeds write it."""
    r = rng.random()
    if chunk.startswith("<p>") and rng.random() < 0.35:
        chunk = chunk[:-4]  # unclosed <p>
    if r < 0.25:
        chunk = replace_in_text(chunk, ". ", ".<br>")
    elif r < 0.45:
        chunk = replace_in_text(chunk, " ", " " + rng.choice(ENTITY_SOUP) + " ")
    elif r < 0.55:
        chunk = chunk.replace("<p>", '<p style="margin:0 0 1em;font-family:Georgia">', 1)
    elif r < 0.62:
        chunk = "<!-- wp:paragraph -->" + chunk + "<!-- /wp:paragraph -->"
    elif r < 0.70:
        chunk = replace_in_text(chunk, " ", f" {rng.choice(['AT&T', 'R&D', 'Q&A', 'B&B'])} ")
    elif r < 0.74:
        chunk = f"<font color=#333 size=2>{sentence(rng, words, 6)}</font>" + chunk
    elif r < 0.77:
        chunk = f"<div class=entry><p>{sentence(rng, words, 9)}</div>" + chunk  # misnested
    elif r < 0.773:
        # Pasted from Word: namespaced elements, which the sanitiser's fast path leaves to libxml2.
        # Rare: a site pastes from Word or does not, and most do not.
        chunk = f'<p class=MsoNormal>{sentence(rng, words, 10)}<o:p></o:p></p>' + chunk
    elif r < 0.79:
        chunk = ('<iframe width="560" height="315" src="https://www.youtube.com/embed/'
                 f'{rng.randrange(10**8)}" frameborder="0" allowfullscreen></iframe>') + chunk
    elif r < 0.80:
        chunk = ("<table><tr><th>Region<th>Votes<tr><td>" + sentence(rng, words, 2) +
                 f"<td>{rng.randrange(10**5)}</table>") + chunk
    return chunk


def article_html(rng, words, size, realistic=None):
    realistic = REALISTIC if realistic is None else realistic
    parts = []
    total = 0
    n = 0
    while total < size:
        n += 1
        kind = rng.random()
        if kind < 0.08:
            chunk = f"<h2>{sentence(rng, words, 5)}</h2>"
        elif kind < 0.14:
            chunk = (f'<figure><img src="/images/{rng.randrange(10**6)}.jpg" alt="{sentence(rng, words, 4)}" '
                     f'width="800" height="450"><figcaption>{sentence(rng, words, 8)}</figcaption></figure>')
        elif kind < 0.18:
            chunk = "<ul>" + "".join(f"<li>{sentence(rng, words, 6)}</li>" for _ in range(3)) + "</ul>"
        elif kind < 0.20:
            chunk = f'<script>window.track({n});</script><div class="ad" onclick="ad()">{sentence(rng, words, 3)}</div>'
        elif kind < 0.22:
            chunk = f'<blockquote><p>{sentence(rng, words, 15)}</p></blockquote>'
        else:
            link = f'<a href="https://news.example.com/story/{rng.randrange(10**6)}?utm_source=feed">{sentence(rng, words, 3)}</a>'
            chunk = (f"<p>{sentence(rng, words, 12)} <strong>{sentence(rng, words, 3)}</strong> {link} "
                     f"{sentence(rng, words, 14)} &mdash; {sentence(rng, words, 6)} &amp; more.</p>")
        if realistic:
            chunk = wild(rng, chunk, words)
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
    return "".join(parts)


def rfc822(rng):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return (f"{rng.choice(days)}, {rng.randrange(1, 29):02d} Mar 2025 {rng.randrange(24):02d}:"
            f"{rng.randrange(60):02d}:{rng.randrange(60):02d} {rng.choice(['GMT', '+0200', '-0500', '+0000'])}")


def rss(rng, words, items, encoding="utf-8", site="news.example.com"):
    out = [f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
           f"<title>{sentence(rng, words, 3)}</title><link>https://{site}/</link>"
           f"<description>{sentence(rng, words, 8)}</description><language>en</language>"
           f'<atom:link href="https://{site}/rss" rel="self" type="application/rss+xml"/><ttl>30</ttl>'
           f"<lastBuildDate>{rfc822(rng)}</lastBuildDate>"]
    for i in range(items):
        slug = rng.randrange(10**9)
        html = article_html(rng, words, rng.randrange(2048, 8192))
        out.append(
            f"<item><title><![CDATA[{sentence(rng, words, 8)}]]></title>"
            f"<link>https://{site}/{slug}/?utm_source=rss&amp;utm_medium=feed</link>"
            f'<guid isPermaLink="false">{site}-{slug}</guid><pubDate>{rfc822(rng)}</pubDate>'
            f"<dc:creator><![CDATA[{sentence(rng, words, 2)}]]></dc:creator>"
            + "".join(f"<category><![CDATA[{rng.choice(words).title()}]]></category>" for _ in range(rng.randrange(1, 5)))
            + f"<description><![CDATA[<p>{sentence(rng, words, 25)}</p>]]></description>"
            f"<content:encoded><![CDATA[{html}]]></content:encoded>"
            f'<media:content url="https://{site}/img/{slug}.jpg" medium="image"/></item>')
    out.append("</channel></rss>\n")
    return "".join(out)


def xhtml_escape(html):
    # The generated HTML is well-formed except for void elements and entities.
    return (html.replace("&mdash;", "&#8212;").replace('height="450">', 'height="450"/>'))


def atom(rng, words, entries):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" '
           'xml:base="https://blog.example.org/">'
           f"<title>{sentence(rng, words, 3)}</title><id>urn:uuid:{rng.randrange(10**12)}</id>"
           '<updated>2025-03-02T08:40:00Z</updated><link rel="alternate" href="/"/><link rel="self" href="/atom.xml"/>'
           f"<author><name>{sentence(rng, words, 2)}</name></author>"]
    for i in range(entries):
        slug = rng.randrange(10**9)
        html = xhtml_escape(article_html(rng, words, rng.randrange(2048, 8192), realistic=False))
        out.append(
            f"<entry><id>tag:blog.example.org,2025:{slug}</id><title type=\"html\">{sentence(rng, words, 7)} &amp;lt;3</title>"
            f'<link rel="alternate" type="text/html" href="posts/{slug}"/>'
            f"<published>2025-03-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:00:00+02:00</published>"
            f"<updated>2025-03-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:30:00Z</updated>"
            f'<category term="{rng.choice(words)}"/><summary type="text">{sentence(rng, words, 20)}</summary>'
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{html}</div></content></entry>')
    out.append("</feed>\n")
    return "".join(out)


def json_feed(rng, words, items):
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": sentence(rng, words, 3),
            "home_page_url": "https://json.example.net/", "feed_url": "https://json.example.net/feed.json", "items": []}
    for i in range(items):
        slug = rng.randrange(10**9)
        feed["items"].append({
            "id": f"https://json.example.net/{slug}", "url": f"https://json.example.net/{slug}",
            "title": sentence(rng, words, 8), "content_html": article_html(rng, words, rng.randrange(2048, 8192)),
            "summary": sentence(rng, words, 20), "date_published": f"2025-03-{rng.randrange(1, 29):02d}T08:40:00Z",
            "tags": [rng.choice(words) for _ in range(3)], "authors": [{"name": sentence(rng, words, 2)}],
            "image": f"https://json.example.net/img/{slug}.jpg"})
    return json.dumps(feed, ensure_ascii=False)


def main():
    global REALISTIC
    args = sys.argv[1:]
    if args and args[0] == "--realistic":
        REALISTIC = True
        args = args[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = args[0]
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SEED)
    files = []
    for n in range(150):
        files.append((f"rss2-{n:03d}.xml", rss(rng, WORDS_EN, rng.randrange(20, 60)).encode("utf-8")))
    for n in range(30):
        files.append((f"atom-{n:03d}.xml", atom(rng, WORDS_EN, rng.randrange(20, 50)).encode("utf-8")))
    for n in range(25):
        files.append((f"json-{n:03d}.json", json_feed(rng, WORDS_EN, rng.randrange(20, 50)).encode("utf-8")))
    for n in range(6):
        files.append((f"rss-windows-1251-{n}.xml", rss(rng, WORDS_UK, 30, "windows-1251", "kyiv.example.ua").encode("windows-1251")))
        files.append((f"rss-koi8-r-{n}.xml", rss(rng, WORDS_UK[:9] + ["новости"], 30, "koi8-r", "msk.example.ru").encode("koi8-r", "replace")))
        files.append((f"rss-shift_jis-{n}.xml", rss(rng, WORDS_JA, 30, "shift_jis", "tokyo.example.jp").encode("shift_jis")))
        files.append((f"rss-iso-8859-1-{n}.xml", rss(rng, WORDS_EN + ["café", "naïve", "résumé"], 30, "iso-8859-1").encode("iso-8859-1")))
    big = rss(rng, WORDS_EN, 1, site="big.example.com")
    items = []
    while sum(len(i) for i in items) < 10 * 1024 * 1024:
        items.append(rss(rng, WORDS_EN, 40).split("<channel>", 1)[1].split("<item>", 1)[1].rsplit("</channel>", 1)[0])
    head, tail = big.rsplit("</channel>", 1)
    files.append(("rss2-10mb.xml", (head + "".join("<item>" + i for i in items) + "</channel>" + tail).encode("utf-8")))
    total = 0
    for name, data in files:
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{len(files)} files, {total / 1e6:.1f} MB in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
