#!/usr/bin/python3
"""Generates the article-extraction dev corpus: realistic news pages built from
layout templates (WordPress, Ghost, Drupal, Medium-style, Next.js hydration,
AMP, live blogs, galleries, paywall stubs, briefs, long reads, comment- and
sidebar-heavy pages, pages without class names, listing and error pages) in
several languages and encodings, each with <page>.expected.json holding the
metadata and the text a careful editor would cut.

Deterministic: the same script writes the same bytes. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate.py
The output is committed; tests read it, they never run this script.
"""
import datetime as dt
import html
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lang_banks import (COMMENT_LINES, EN_CLAUSES, EN_FOLLOWUPS, EN_OBJECTS, EN_SUBJECTS, EN_VERBS,  # noqa: E402
                        FOREIGN, FOREIGN_NAMES, FOREIGN_TITLES, FURNITURE)

OUT = os.path.dirname(os.path.abspath(__file__))
SITES = [("Harbour Herald", "harbourherald.example"), ("The Valley Courier", "valleycourier.example"),
         ("Northern Ledger", "northernledger.example"), ("Metro Daily", "metrodaily.example"),
         ("Civic Wire", "civicwire.example"), ("The Plains Observer", "plainsobserver.example")]
FOREIGN_SITES = {"uk": ("Міські вісті", "mvisti.example"), "ru": ("Городские новости", "gnovosti.example"),
                 "de": ("Stadtanzeiger", "stadtanzeiger.example"), "fr": ("Le Courrier local", "courrier.example"),
                 "es": ("Diario del Puerto", "diariopuerto.example"), "ja": ("市民新聞", "shimin.example"),
                 "ar": ("صحيفة المدينة", "almadina.example")}
ENGLISH_TAGS = ["City Hall", "Budget", "Transport", "Environment", "Housing", "Health", "Energy", "Courts",
                "Education", "Economy"]


def esc(text):
    return html.escape(text, quote=True)


# ---- prose ---------------------------------------------------------------------------------------

def en_sentence(rng):
    s = f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_CLAUSES)}."
    return s


def en_paragraph(rng, sentences=None):
    n = sentences or rng.randint(2, 4)
    parts = []
    for i in range(n):
        if i > 0 and rng.random() < 0.45:
            parts.append(rng.choice(EN_FOLLOWUPS).format(n=rng.randint(3, 90), m=rng.randint(2, 12)))
        else:
            parts.append(en_sentence(rng))
    return " ".join(parts)


def paragraph(rng, lang, sentences=None):
    if lang == "en":
        return en_paragraph(rng, sentences)
    bank = FOREIGN[lang]
    n = sentences or rng.randint(2, 3)
    joiner = "" if lang == "ja" else " "
    return joiner.join(rng.sample(bank, n))


def headline(rng, lang):
    if lang == "en":
        obj = rng.choice(EN_OBJECTS)
        verb = rng.choice(["approves", "rejects", "delays", "defends", "reviews", "questions"])
        who = rng.choice(["Council", "Ministry", "Regulator", "Lawmakers", "Mayor", "Court"])
        return f"{who} {verb} {obj}"
    return rng.choice(FOREIGN_TITLES[lang])


def caption(rng, lang):
    if lang == "en":
        place = rng.choice(["the old harbour", "the eastern bypass", "the central square", "the river embankment",
                            "the new hospital wing", "a polling station"])
        return (f"Workers and residents gather near {place} on a grey morning, days after the announcement. "
                f"(Photo: {rng.choice(FOREIGN_NAMES['en'])})")
    return paragraph(rng, lang, 1)


# ---- the article model ---------------------------------------------------------------------------

def make_article(rng, index, kind, lang, paragraphs, extras=True):
    site, domain = FOREIGN_SITES.get(lang, rng.choice(SITES)) if lang != "en" else rng.choice(SITES)
    title = headline(rng, lang).replace("\u3000", " ")
    slug = f"story-{index:03d}"
    published = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(
        days=rng.randint(0, 300), hours=rng.randint(0, 23), minutes=rng.choice([0, 5, 12, 30, 41, 55]))
    modified = published + dt.timedelta(hours=rng.randint(1, 30))
    blocks = []
    for i in range(paragraphs):
        blocks.append(("p", paragraph(rng, lang)))
        if extras and paragraphs >= 6 and i in (paragraphs // 3,) and rng.random() < 0.7:
            sub = headline(rng, lang)
            if sub.replace("\u3000", " ") == title:  # the small foreign banks repeat: a subheading is not the title
                sub = next(t for t in FOREIGN_TITLES[lang] if t.replace("\u3000", " ") != title)
            blocks.append(("h2", sub))
        if extras and paragraphs >= 5 and i == paragraphs // 2 and rng.random() < 0.5:
            blocks.append(("quote", paragraph(rng, lang, 1)))
        if extras and paragraphs >= 8 and i == (2 * paragraphs) // 3 and rng.random() < 0.6:
            blocks.append(("ul", [paragraph(rng, lang, 1) for _ in range(rng.randint(3, 5))]))
    names = FOREIGN_NAMES[lang]
    authors = rng.sample(names, 2 if rng.random() < 0.2 else 1)
    tags = rng.sample(ENGLISH_TAGS, rng.randint(2, 4)) if lang == "en" else [title.split()[0], FURNITURE[lang]["news"]]
    return {
        "index": index, "kind": kind, "lang": lang, "site": site, "domain": domain, "title": title,
        "url": f"https://{domain}/news/2025/{slug}/", "slug": slug, "published": published, "modified": modified,
        "authors": authors, "tags": tags, "blocks": blocks,
        "image": f"https://{domain}/media/2025/{slug}-lead.jpg",
        "description": blocks[0][1][:150],
    }


def is_pull_quote(quote, blocks):
    """A quote drawn from the same sentences as the paragraphs can repeat one of them: on a real page
    that is a pull quote, which leaves the text (issue 16)."""
    return any(kind == "p" and quote in text for kind, text, *_ in blocks)


def expected_text(blocks, captions=False):
    out = []
    for block in blocks:
        kind = block[0]
        if kind == "quote" and is_pull_quote(block[1], blocks):
            continue
        if kind in ("p", "h2", "quote"):
            out.append(block[1])
        elif kind == "ul":
            out.extend(block[1])
        elif kind == "figure" and block[2] and captions:
            # Figure captions describe a picture: they stay in the HTML, not the text (issue 16),
            # except on a gallery, whose captions are its text.
            out.append(block[2])
    return "\n\n".join(out)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- head: metadata variants --------------------------------------------------------------------

def padding_script(rng, kb):
    """Inline JS/CSS of realistic size: real pages carry tens of KB of it."""
    chunks = []
    names = ["analytics", "consent", "player", "ads", "lazy", "menu", "paywall", "share"]
    size = 0
    i = 0
    while size < kb * 1024:
        name = rng.choice(names)
        line = (f"window.__{name}{i}=function(e,t){{var n=document.querySelectorAll('.{name}-{i}');"
                f"for(var r=0;r<n.length;r++){{n[r].setAttribute('data-state','ready');}}"
                f"return t&&t.length>{i % 97}?e:[e,t,'{name}'];}};\n")
        chunks.append(line)
        size += len(line)
        i += 1
    return "<script>\n" + "".join(chunks) + "</script>\n"


def style_block(rng):
    rules = []
    for i in range(rng.randint(40, 120)):
        rules.append(f".c{i:x}{{margin:{i % 7}px {i % 5}px;color:#{(i * 2654435761) % 0xFFFFFF:06x}}}")
    return "<style>" "".join(rules) + "</style>\n"


def jsonld(a, article_body=False, graph=False, kind="NewsArticle"):
    obj = {
        "@context": "https://schema.org", "@type": kind, "headline": a["title"],
        "datePublished": a["published"].isoformat(), "dateModified": a["modified"].isoformat(),
        "author": [{"@type": "Person", "name": n} for n in a["authors"]] if len(a["authors"]) > 1
        else {"@type": "Person", "name": a["authors"][0]},
        "publisher": {"@type": "Organization", "name": a["site"]},
        "image": {"@type": "ImageObject", "url": a["image"]},
        "mainEntityOfPage": a["url"], "keywords": ", ".join(a["tags"]), "inLanguage": a["lang"],
    }
    if article_body:
        obj["articleBody"] = "\n".join(b[1] for b in a["blocks"] if b[0] in ("p",))
    if graph:
        obj = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": a["site"], "url": f"https://{a['domain']}/"},
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "News"}]},
            {k: v for k, v in obj.items() if k != "@context"}]}
    return ('<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False) + "</script>\n")


def head(rng, a, og=True, ld=True, ld_body=False, graph=False, charset="utf-8", ld_kind="NewsArticle",
         twitter=True, dc=False, canonical=True, pad_kb=None, extra=""):
    parts = []
    if charset == "http-equiv":
        parts.append('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
    elif charset:
        parts.append(f'<meta charset="{charset}">')
    parts.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    parts.append(f"<title>{esc(a['title'])} | {esc(a['site'])}</title>")
    if canonical:
        parts.append(f'<link rel="canonical" href="{a["url"]}">')
    parts.append(f'<meta name="description" content="{esc(a["description"])}">')
    if og:
        parts += [f'<meta property="og:site_name" content="{esc(a["site"])}">',
                  '<meta property="og:type" content="article">',
                  f'<meta property="og:title" content="{esc(a["title"])}">',
                  f'<meta property="og:url" content="{a["url"]}">',
                  f'<meta property="og:image" content="{a["image"]}">',
                  f'<meta property="article:published_time" content="{a["published"].isoformat()}">',
                  f'<meta property="article:modified_time" content="{a["modified"].isoformat()}">']
        parts += [f'<meta property="article:tag" content="{esc(t)}">' for t in a["tags"]]
        parts += [f'<meta name="author" content="{esc(n)}">' for n in a["authors"]]
    if twitter:
        parts += ['<meta name="twitter:card" content="summary_large_image">',
                  f'<meta name="twitter:title" content="{esc(a["title"])}">']
    if dc:
        parts += [f'<meta name="DC.title" content="{esc(a["title"])}">',
                  *[f'<meta name="DC.creator" content="{esc(n)}">' for n in a["authors"]],
                  f'<meta name="DC.date" content="{a["published"].isoformat()}">',
                  f'<meta name="DC.language" content="{a["lang"]}">']
    if not ld_kind:
        ld = False
    if ld:
        parts.append(jsonld(a, ld_body, graph, ld_kind).rstrip())
    parts.append('<link rel="stylesheet" href="/assets/site.css">')
    parts.append(style_block(rng).rstrip())
    parts.append(padding_script(rng, pad_kb if pad_kb is not None else rng.randint(8, 30)).rstrip())
    parts.append(extra)
    return "<head>\n" + "\n".join(p for p in parts if p) + "\n</head>\n"


# ---- furniture ----------------------------------------------------------------------------------

def pick(rng, *options):
    return rng.choice(options)


def cls(name):
    return f' class="{name}"' if name else ""


SECTIONS = ["Politics", "Business", "Culture", "Sport", "Opinion", "Video", "Podcasts", "Science", "Health",
            "Travel", "Tech", "Climate", "Education", "Money", "Weather", "Obituaries"]


def icon(rng):
    """Inline SVG icons: real headers and footers carry dozens of them."""
    d = " ".join(f"M{rng.randint(0, 24)} {rng.randint(0, 24)}L{rng.randint(0, 24)} {rng.randint(0, 24)}" for _ in range(4))
    return f'<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="{d}"/></svg>'


def nav(rng, lang, c=None):
    """A mega menu: every section with a dozen sub-links and icons, as news sites ship them."""
    f = FURNITURE[lang]
    items = [f["home"], f["news"]] + SECTIONS
    groups = []
    for i, x in enumerate(items):
        subs = "".join(f'<li class="menu-item menu-item-{i}-{j}"><a href="/{i}/{j}/" data-track="nav-{i}-{j}">'
                       f'{icon(rng)}<span>{esc(x)} {j + 1}</span></a></li>' for j in range(rng.randint(8, 14)))
        groups.append(f'<li class="menu-item has-children"><a href="/{i}/">{esc(x)}</a>'
                      f'<button aria-expanded="false">{icon(rng)}</button><ul class="sub-menu">{subs}</ul></li>')
    tag = rng.choice(["nav", "div"]) if c is None else "div"
    cname = c if c is not None else pick(rng, "main-navigation", "site-nav", "menu-primary", "navbar", "header__menu")
    return f'<{tag}{cls(cname)}><ul>{"".join(groups)}</ul></{tag}>\n'


def card_grid(rng, a, lang):
    """'More stories' cards after the article: pictures, labels, times, headline links."""
    cards = []
    for i in range(rng.randint(12, 20)):
        src = f"https://{a['domain']}/media/cards/{a['slug']}-{i}"
        # Component frameworks wrap every card in layers of divs.
        cards.append(f'<div class="{pick(rng, "card", "tile", "c-item")}"><div class="card__inner"><div class="card__media">'
                     f'<a href="/news/more-{i}/"><div class="ratio"><picture><source srcset="{src}.webp 1x, {src}@2x.webp 2x"'
                     f' type="image/webp"><img src="{src}.jpg" alt="" loading="lazy" width="320" height="180"></picture>'
                     f'</div></a></div><div class="card__body"><div class="card__meta"><span class="label">'
                     f'{esc(rng.choice(SECTIONS))}</span><div class="card__time"><time datetime="2025-01-0{1 + i % 9}T10:00:00Z">'
                     f'{1 + i}h</time></div></div><div class="card__title"><a href="/news/more-{i}/"><h4>'
                     f'{esc(headline(rng, lang))}</h4></a></div><div class="card__actions"><div>{icon(rng)}</div>'
                     f'<div>{icon(rng)}</div></div></div></div></div>')
    return f'<section class="{pick(rng, "more-stories", "grid-latest", "stream")}">{"".join(cards)}</section>\n'


def cookie_banner(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "cookie-banner", "cc-window", "consent-bar", "gdpr-notice")
    return (f'<div{cls(cname)}><p>{esc(f["cookies"])}</p><button>{esc(f["accept"])}</button></div>\n')


def newsletter_box(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "newsletter-signup", "nl-box", "subscribe-widget", "signup-promo")
    return (f'<div{cls(cname)}><h3>{esc(f["subscribe"])}</h3><p>{esc(f["signup"])}</p>'
            f'<form action="/subscribe"><input type="email" placeholder="Email"><button>OK</button></form></div>\n')


def share_bar(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "share-bar", "social-share", "sharedaddy", "article-share")
    nets = "".join(f'<a href="https://{n.lower()}.example/share?u=x">{n}</a> ' for n in ["Facebook", "X", "Telegram", "WhatsApp", "Email"])
    return f'<div{cls(cname)}><span>{esc(f["share"])}</span> {nets}</div>\n'


def related(rng, a, lang, c=None, count=4):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "related-posts", "jp-relatedposts", "more-stories", "related-articles")
    cards = "".join(f'<li><a href="/news/rel-{i}/">{esc(headline(rng, lang))}</a></li>' for i in range(count))
    return f'<div{cls(cname)}><h3>{esc(f["related"])}</h3><ul>{cards}</ul></div>\n'


def read_also(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "read-also", "inline-related", "also-read", "")
    return f'<p{cls(cname)}><strong>{esc(f["read_also"])}:</strong> <a href="/news/also/">{esc(headline(rng, lang))}</a></p>\n'


def author_bio(rng, a, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "author-bio", "author-box", "about-author", "author-card")
    return f'<div{cls(cname)}><img src="/img/a.jpg" alt=""><p><strong>{esc(a["authors"][0])}</strong> {esc(f["bio"])}</p></div>\n'


def byline(rng, a, lang, c=None, reading=True):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "entry-meta", "byline", "article-meta", "post-meta")
    names = " and ".join(a["authors"]) if lang == "en" else ", ".join(a["authors"])
    rt = f'<span>{esc(f["min_read"].format(n=rng.randint(2, 9)))}</span>' if reading else ""
    return (f'<div{cls(cname)}><span>{esc(f["by"])} <a href="/author/x/">{esc(names)}</a></span> '
            f'<time datetime="{a["published"].isoformat()}">{a["published"].strftime("%B %d, %Y %H:%M")}</time> {rt}</div>\n')


def listen(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "audio-player", "listen-widget", "article-audio", "tts-player")
    return f'<div{cls(cname)}><button>{esc(f["listen"])}</button><span>00:00 / 03:41</span></div>\n'


def ad_slot(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "ad-slot", "advert", "ad-container", "dfp-ad")
    return f'<div{cls(cname)}><span>{esc(f["ad"])}</span><div id="gpt-{rng.randint(1, 999)}"></div></div>\n'


def breadcrumbs(rng, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "breadcrumb", "breadcrumbs", "crumbs-nav")
    return f'<div{cls(cname)}><a href="/">{esc(f["home"])}</a> › <a href="/news/">{esc(f["news"])}</a></div>\n'


def tag_list(rng, a, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "post-tags", "tag-list", "article-tags", "tags")
    links = " ".join(f'<a href="/tag/{i}/" rel="tag">{esc(t)}</a>' for i, t in enumerate(a["tags"]))
    return f'<div{cls(cname)}><span>{esc(f["tags"])}</span> {links}</div>\n'


def comments(rng, lang, count, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "comments-area", "comment-list", "responses", "discussion")
    items = []
    for i in range(count):
        body = " ".join(rng.sample(COMMENT_LINES, 2)) if lang == "en" else paragraph(rng, lang, 2)
        items.append(f'<li id="c{i}"><div><b>reader{i}</b> <span>{i + 1}h</span></div><p>{esc(body)}</p></li>')
    return f'<section id="comments"{cls(cname)}><h2>{esc(f["comments"])}</h2><ol>{"".join(items)}</ol></section>\n'


def sidebar(rng, a, lang, heavy=False, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "sidebar", "widget-area", "rail", "col-aside")
    tag = pick(rng, "aside", "div")
    cards = []
    for i in range(12 if heavy else 4):
        teaser = paragraph(rng, lang, 2) if heavy else ""
        cards.append(f'<div><h4><a href="/news/side-{i}/">{esc(headline(rng, lang))}</a></h4>'
                     + (f"<p>{esc(teaser)}</p>" if teaser else "") + "</div>")
    return f'<{tag}{cls(cname)}><h3>{esc(f["popular"])}</h3>{"".join(cards)}</{tag}>\n'


def site_footer(rng, a, lang, c=None):
    f = FURNITURE[lang]
    cname = c if c is not None else pick(rng, "site-footer", "footer", "colophon", "page-footer")
    tag = pick(rng, "footer", "div")
    links = " | ".join(f'<a href="/{x}/">{x}</a>' for x in ["about", "contact", "privacy", "terms", "advertise", "careers"])
    columns = "".join(f'<div class="col"><h5>{esc(x)}</h5><ul>'
                      + "".join(f'<li><a href="/{x.lower()}/{j}/">{esc(x)} {j}</a></li>' for j in range(8))
                      + "</ul></div>" for x in SECTIONS[:8])
    social = "".join(f'<a href="https://{n}.example/site" aria-label="{n}">{icon(rng)}</a>'
                     for n in ["facebook", "x", "instagram", "youtube", "telegram", "tiktok"])
    return (card_grid(rng, a, lang) + f'<{tag}{cls(cname)}><div class="cols">{columns}</div><div>{social}</div>'
            f'<p>{links}</p><p>© 2025 {esc(a["site"])}. {esc(f["footer"])}</p></{tag}>\n')


# ---- body blocks ---------------------------------------------------------------------------------

def render_blocks(rng, a, lang, inserts=True, p_class=None, quote_tag="blockquote", ins_class=None):
    out = []
    n = len(a["blocks"])
    pcount = 0
    for block in a["blocks"]:
        kind = block[0]
        if kind == "p":
            pcount += 1
            out.append(f"<p{cls(p_class)}>{esc(block[1])}</p>")
            if inserts and pcount == 2 and n > 4:
                out.append(read_also(rng, lang, ins_class))
            if inserts and pcount == 4 and n > 6:
                out.append(ad_slot(rng, lang, ins_class))
        elif kind == "h2":
            out.append(f"<h2>{esc(block[1])}</h2>")
        elif kind == "quote":
            out.append(f"<{quote_tag}><p>{esc(block[1])}</p></{quote_tag}>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in block[1]) + "</ul>")
        elif kind == "figure":
            cap = f"<figcaption>{esc(block[2])}</figcaption>" if block[2] else ""
            out.append(f'<figure><img src="{block[1]}" alt="">{cap}</figure>')
    return "\n".join(out) + "\n"


def lead_figure(rng, a, lang):
    return f'<figure class="{pick(rng, "wp-block-image", "lead-image", "hero", "featured")}"><img src="{a["image"]}" alt=""></figure>\n'


def page(a, head_html, body_html, html_attrs=None):
    attrs = html_attrs if html_attrs is not None else f' lang="{a["lang"]}"'
    return f"<!DOCTYPE html>\n<html{attrs}>\n{head_html}<body>\n{body_html}</body>\n</html>\n"


# ---- templates -----------------------------------------------------------------------------------

def t_wordpress(rng, a, lang, **kw):
    body = (cookie_banner(rng, lang) + '<div id="page" class="site">\n<header id="masthead" class="site-header">'
            f'<p class="site-title"><a href="/">{esc(a["site"])}</a></p>' + nav(rng, lang) + "</header>\n"
            + breadcrumbs(rng, lang) + '<div id="content" class="site-content"><div id="primary" class="content-area">'
            '<main id="main" class="site-main">\n'
            f'<article id="post-{a["index"]}" class="post-{a["index"]} post type-post status-publish hentry tag-x">\n'
            f'<header class="entry-header"><h1 class="entry-title">{esc(a["title"])}</h1>' + byline(rng, a, lang, "entry-meta") + "</header>\n"
            + lead_figure(rng, a, lang) + share_bar(rng, lang, "sharedaddy sd-sharing-enabled")
            + '<div class="entry-content">\n' + render_blocks(rng, a, lang) + "</div>\n"
            + '<footer class="entry-footer">' + tag_list(rng, a, lang, "tags-links") + "</footer>\n"
            + author_bio(rng, a, lang) + related(rng, a, lang, "jp-relatedposts")
            + "</article>\n" + comments(rng, lang, kw.get("comments", 3), "comments-area") + "</main></div>\n"
            + sidebar(rng, a, lang, kw.get("heavy_sidebar", False), "widget-area") + "</div>\n"
            + site_footer(rng, a, lang, "site-footer") + "</div>\n")
    return page(a, head(rng, a, graph=True, charset=kw.get("charset", "utf-8")), body)


def t_newspaper(rng, a, lang, **kw):
    """WordPress 'Newspaper'-style theme: td-* classes, heavy wrappers."""
    body = ('<div class="td-outer-wrap"><div class="td-header-wrap">' + nav(rng, lang, "td-header-menu-wrap")
            + "</div>\n" + ad_slot(rng, lang, "td-a-rec td-a-rec-id-header")
            + '<div class="td-main-content-wrap"><div class="td-container"><div class="td-pb-row">'
            '<div class="td-pb-span8 td-main-content"><div class="td-ss-main-content">'
            f'<div class="td-post-header"><h1 class="entry-title">{esc(a["title"])}</h1>'
            + byline(rng, a, lang, "td-module-meta-info") + "</div>"
            + share_bar(rng, lang, "td-post-sharing") + '<div class="td-post-content tagdiv-type">\n'
            + lead_figure(rng, a, lang) + render_blocks(rng, a, lang) + "</div>\n"
            + '<div class="td-post-source-tags">' + tag_list(rng, a, lang, "td-tags") + "</div>"
            + related(rng, a, lang, "td_block_related_posts") + "</div></div>\n"
            '<div class="td-pb-span4 td-main-sidebar">' + sidebar(rng, a, lang, kw.get("heavy_sidebar", False), "td-ss-main-sidebar")
            + newsletter_box(rng, lang, "td_block_newsletter") + "</div></div></div></div>\n"
            + site_footer(rng, a, lang, "td-footer-wrapper") + "</div>\n")
    return page(a, head(rng, a, ld=rng.random() < 0.5, charset=kw.get("charset", "utf-8")), body)


def t_ghost(rng, a, lang, **kw):
    body = ('<div class="gh-viewport">' + '<header class="gh-head">' + nav(rng, lang, "gh-head-menu") + "</header>\n"
            '<main class="gh-main"><article class="gh-article post">\n<header class="gh-article-header">'
            f'<a class="gh-article-tag" href="/tag/x/">{esc(a["tags"][0])}</a>'
            f'<h1 class="gh-article-title">{esc(a["title"])}</h1>'
            + byline(rng, a, lang, "gh-article-meta") + lead_figure(rng, a, lang) + "</header>\n"
            + listen(rng, lang, "gh-audio") + '<section class="gh-content gh-canvas">\n'
            + render_blocks(rng, a, lang, ins_class="kg-card kg-bookmark-card") + "</section>\n"
            + '<aside class="gh-sidebar">' + newsletter_box(rng, lang, "gh-cta") + "</aside>"
            + "</article>\n" + related(rng, a, lang, "gh-read-next") + "</main>\n"
            + site_footer(rng, a, lang, "gh-foot") + "</div>\n")
    return page(a, head(rng, a, ld_body=kw.get("ld_body", False), charset=kw.get("charset", "utf-8")), body)


def t_drupal(rng, a, lang, **kw):
    body = ('<div class="dialog-off-canvas-main-canvas"><div class="layout-container">'
            '<header role="banner"><div class="region region-header">' + nav(rng, lang, "menu--main") + "</div></header>\n"
            + breadcrumbs(rng, lang, "region region-breadcrumb") + '<main role="main"><div class="layout-content">'
            '<div class="region region-content"><div id="block-system-main" class="block block-system">'
            f'<article role="article" class="node node--type-article node--view-mode-full">'
            f'<h1 class="page-title"><span class="field field--name-title">{esc(a["title"])}</span></h1>'
            + byline(rng, a, lang, "node__meta") + '<div class="node__content">'
            '<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">\n'
            + render_blocks(rng, a, lang) + "</div>\n"
            + tag_list(rng, a, lang, "field field--name-field-tags field--type-entity-reference") + "</div></article></div></div></div>"
            '<aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second">'
            + sidebar(rng, a, lang, kw.get("heavy_sidebar", False), "block-views-blockpopular") + "</div></aside></main>\n"
            + site_footer(rng, a, lang, "region region-footer") + "</div></div>\n")
    return page(a, head(rng, a, og=rng.random() < 0.7, dc=True, ld=False, charset=kw.get("charset", "utf-8")), body)


def obfuscated(rng):
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join(rng.choice(letters) + rng.choice(letters) for _ in range(rng.randint(2, 5)))


def t_medium(rng, a, lang, **kw):
    """Medium-style: utility class soup, no semantic names, sections per part."""
    blocks = a["blocks"]
    half = len(blocks) // 2
    def part(bs):
        sub = dict(a)
        sub["blocks"] = bs
        inner = render_blocks(rng, sub, lang, inserts=False, p_class=f"pw-post-body-paragraph {obfuscated(rng)}")
        return f'<section class="{obfuscated(rng)}"><div class="{obfuscated(rng)}"><div class="{obfuscated(rng)}">{inner}</div></div></section>\n'
    body = (f'<div id="root"><div class="{obfuscated(rng)}"><div class="{obfuscated(rng)}">' + nav(rng, lang, obfuscated(rng))
            + f'</div><article><div class="{obfuscated(rng)}">'
            f'<h1 class="pw-post-title {obfuscated(rng)}">{esc(a["title"])}</h1>'
            f'<div class="{obfuscated(rng)}"><a href="/@x" rel="author">{esc(a["authors"][0])}</a> · '
            f'<span>{esc(FURNITURE[lang]["min_read"].format(n=7))}</span> · <span>{a["published"].strftime("%b %d, %Y")}</span></div>'
            + part(blocks[:half]) + part(blocks[half:])
            + f'</div></article><div class="{obfuscated(rng)}"><button>👏 {rng.randint(10, 900)}</button>'
            f'<a href="/responses">{rng.randint(2, 40)} responses</a></div>'
            + f'<div class="{obfuscated(rng)}"><h2>More from {esc(a["site"])}</h2>'
            + "".join(f'<div><a href="/p/{i}"><h3>{esc(headline(rng, lang))}</h3></a></div>' for i in range(4))
            + "</div></div></div>\n")
    return page(a, head(rng, a, ld=True, charset=kw.get("charset", "utf-8")), body)


def t_nextjs(rng, a, lang, **kw):
    """Next.js: the shell is empty, the article lives in __NEXT_DATA__ only."""
    as_html = kw.get("html_body", False)
    blocks_json = []
    for i, b in enumerate(a["blocks"]):
        if b[0] == "p":
            blocks_json.append({"type": "paragraph", "text": b[1]})
        elif b[0] == "h2":
            blocks_json.append({"type": "heading", "text": b[1]})
        elif b[0] == "quote":
            blocks_json.append({"type": "quote", "text": b[1]})
        elif b[0] == "ul":
            for item in b[1]:
                blocks_json.append({"type": "list-item", "text": item})
        if i == 1:
            blocks_json.append({"type": "related", "text": headline(rng, lang) + " — " + paragraph(rng, lang, 1)})
        if i == 3:
            blocks_json.append({"type": "ad", "text": FURNITURE[lang]["ad"]})
    article = {"id": a["index"], "title": a["title"], "slug": a["slug"], "publishedAt": iso(a["published"]),
               "author": {"name": a["authors"][0], "slug": "x"}, "tags": a["tags"]}
    if as_html:
        parts = []
        for b in a["blocks"]:
            if b[0] == "p":
                parts.append(f"<p>{esc(b[1])}</p>")
            elif b[0] == "h2":
                parts.append(f"<h2>{esc(b[1])}</h2>")
            elif b[0] == "quote":
                parts.append(f"<blockquote><p>{esc(b[1])}</p></blockquote>")
            elif b[0] == "ul":
                parts.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in b[1]) + "</ul>")
        article["bodyHtml"] = "".join(parts)
    else:
        article["body"] = blocks_json
    data = {"props": {"pageProps": {"article": article, "trending": [
        {"title": headline(rng, lang), "summary": paragraph(rng, lang, 1)} for _ in range(3)]}},
        "page": "/news/[slug]", "query": {"slug": a["slug"]}, "buildId": "b1d", "isFallback": False}
    shell = ('<div id="__next"><header class="Header_root__x1">' + nav(rng, lang, "Header_nav__x2") + "</header>"
             '<main class="Layout_main__q"><div class="Skeleton_article__k">Loading…</div></main>'
             + site_footer(rng, a, lang, "Footer_root__z") + "</div>\n"
             + '<script id="__NEXT_DATA__" type="application/json">' + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + "</script>\n")
    return page(a, head(rng, a, ld=False, charset=kw.get("charset", "utf-8")), shell)


def t_amp(rng, a, lang, **kw):
    extra = ('<script async src="https://cdn.ampproject.org/v0.js"></script>'
             '<style amp-boilerplate>body{visibility:hidden}</style>')
    body = ('<amp-sidebar id="sidebar" layout="nodisplay">' + nav(rng, lang, "amp-menu") + "</amp-sidebar>"
            f'<header class="amp-header"><a href="/">{esc(a["site"])}</a></header>\n'
            '<main><article class="amp-article">'
            f'<h1 class="amp-title">{esc(a["title"])}</h1>' + byline(rng, a, lang, "amp-byline")
            + f'<figure><amp-img src="{a["image"]}" width="1200" height="800" layout="responsive"></amp-img></figure>'
            '<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>'
            '<div class="amp-article-body">\n' + render_blocks(rng, a, lang, ins_class="amp-related")
            + '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/x"></amp-ad>'
            + "</div></article></main>\n" + site_footer(rng, a, lang, "amp-footer"))
    return page(a, head(rng, a, charset="utf-8", extra=extra, pad_kb=2), body, html_attrs=f' amp lang="{a["lang"]}"')


def t_liveblog(rng, a, lang, **kw):
    entries = []
    blocks = []
    t = a["published"]
    for i in range(rng.randint(6, 10)):
        t = t + dt.timedelta(minutes=rng.randint(7, 50))
        h = headline(rng, lang)
        ps = [paragraph(rng, lang) for _ in range(rng.randint(1, 3))]
        blocks = [("h2", h)] + [("p", p) for p in ps] + blocks  # newest first
        entries.insert(0, f'<div class="{pick(rng, "liveblog-entry", "live-post", "lb-item")}" id="e{i}">'
                       f'<time datetime="{t.isoformat()}">{t.strftime("%H:%M")}</time>'
                       f"<h2>{esc(h)}</h2>" + "".join(f"<p>{esc(p)}</p>" for p in ps)
                       + share_bar(rng, lang, "entry-share") + "</div>\n")
    a["blocks"] = blocks
    key_events = "".join(f'<li><a href="#e{i}">{esc(headline(rng, lang))}</a></li>' for i in range(4))
    body = (nav(rng, lang) + f'<main><h1>{esc(a["title"])}</h1>' + byline(rng, a, lang, reading=False)
            + f'<div class="key-events"><h3>Key events</h3><ul>{key_events}</ul></div>'
            + f'<div class="{pick(rng, "liveblog", "live-feed", "lb-stream")}">\n' + "".join(entries) + "</div></main>\n"
            + site_footer(rng, a, lang))
    return page(a, head(rng, a, ld_kind="LiveBlogPosting"), body)


def t_gallery(rng, a, lang, **kw):
    figures = []
    blocks = [a["blocks"][0]]
    for i in range(rng.randint(6, 10)):
        cap = caption(rng, lang)
        src = f"https://{a['domain']}/media/gallery/{a['slug']}-{i}.jpg"
        blocks.append(("figure", src, cap))
        figures.append(f'<figure class="{pick(rng, "gallery-item", "slide", "")}"><img src="{src}" alt="">'
                       f"<figcaption>{esc(cap)}</figcaption></figure>\n")
    a["blocks"] = blocks
    body = (nav(rng, lang) + '<div class="page"><article>' f'<h1>{esc(a["title"])}</h1>' + byline(rng, a, lang)
            + f'<p class="intro">{esc(blocks[0][1])}</p>'
            + f'<div class="{pick(rng, "gallery", "photo-gallery", "slideshow")}">\n' + "".join(figures) + "</div>"
            + share_bar(rng, lang) + "</article>" + related(rng, a, lang) + "</div>" + site_footer(rng, a, lang))
    return page(a, head(rng, a), body)


def t_paywall(rng, a, lang, **kw):
    a["blocks"] = a["blocks"][:1]
    wall_class = pick(rng, "paywall", "piano-offer subscribe-wall", "meter-wall paywall-prompt")
    body = (nav(rng, lang) + '<main><article class="story">' f'<h1>{esc(a["title"])}</h1>' + byline(rng, a, lang)
            + lead_figure(rng, a, lang) + '<div class="story-body">' + f"<p>{esc(a['blocks'][0][1])}</p>"
            + f'<div class="{wall_class}"><h3>{esc(FURNITURE[lang]["continue"])}</h3>'
            + f'<p>{esc(FURNITURE[lang]["signup"])}</p><form><input type="email"><button>Go</button></form></div>'
            + "</div></article></main>" + sidebar(rng, a, lang) + site_footer(rng, a, lang))
    return page(a, head(rng, a), body)


def t_noclass(rng, a, lang, **kw):
    """No helpful class names or ids at all: structure and text only."""
    f = FURNITURE[lang]
    links = "".join(f'<a href="/s{i}/">{x}</a> ' for i, x in enumerate([f["home"], f["news"], "Politics", "Business", "Sport", "Culture"]))
    share = "".join(f'<a href="https://{n.lower()}.example/s">{n}</a> ' for n in ["Facebook", "X", "Email"])
    rel = "".join(f'<li><a href="/r{i}/">{esc(headline(rng, lang))}</a></li>' for i in range(5))
    body = (f"<div><div><a href=\"/\">{esc(a['site'])}</a></div><div>{links}</div></div>\n"
            f"<div><p>{esc(f['cookies'])}</p></div>\n"
            f"<div><div><h1>{esc(a['title'])}</h1>"
            f"<div>{esc(f['by'])} {esc(a['authors'][0])}</div>"
            f"<div>{share}</div>\n<div>\n" + render_blocks(rng, a, lang, ins_class="") + "</div>\n"
            f"<div><h3>{esc(f['related'])}</h3><ul>{rel}</ul></div></div>\n"
            f"<div><p>{esc(f['footer'])}</p></div></div>\n")
    return page(a, head(rng, a, og=False, ld=False, twitter=False, canonical=False, pad_kb=4), body)


def t_japanese(rng, a, lang, **kw):
    body = ('<div id="wrapper"><header id="header">' + nav(rng, lang, "gnav") + "</header>"
            '<div id="contents"><div id="main"><div class="article-detail">'
            f'<h1 class="article-title">{esc(a["title"])}</h1>' + byline(rng, a, lang, "article-info")
            + '<div class="article-body">\n' + render_blocks(rng, a, lang, ins_class="kanren") + "</div>"
            + share_bar(rng, lang, "sns-share") + "</div></div>"
            + sidebar(rng, a, lang, False, "side-column") + "</div>" + site_footer(rng, a, lang, "footer") + "</div>")
    return page(a, head(rng, a), body)


def t_arabic(rng, a, lang, **kw):
    body = ('<div class="container">' + nav(rng, lang, "navbar-nav") + '<div class="row"><div class="col-md-8">'
            f'<div class="news-details"><h1>{esc(a["title"])}</h1>' + byline(rng, a, lang, "news-date")
            + lead_figure(rng, a, lang) + '<div class="news-text">\n' + render_blocks(rng, a, lang) + "</div>"
            + tag_list(rng, a, lang, "news-tags") + "</div></div>"
            '<div class="col-md-4">' + sidebar(rng, a, lang, False, "most-read") + "</div></div>"
            + site_footer(rng, a, lang, "footer") + "</div>")
    return page(a, head(rng, a), body, html_attrs=f' lang="{a["lang"]}" dir="rtl"')


def t_homepage(rng, a, lang, **kw):
    cards = []
    for i in range(16):
        cards.append(f'<article class="{pick(rng, "card", "teaser", "story-card")}"><h3><a href="/news/h{i}/">'
                     f'{esc(headline(rng, lang))}</a></h3><p>{esc(paragraph(rng, lang, 1))}</p></article>\n')
    body = (cookie_banner(rng, lang) + nav(rng, lang) + '<main class="front">' + "".join(cards) + "</main>"
            + newsletter_box(rng, lang) + site_footer(rng, a, lang))
    h = (f'<head><meta charset="utf-8"><title>{esc(a["site"])}</title>'
         f'<meta property="og:type" content="website"><meta property="og:site_name" content="{esc(a["site"])}">'
         + padding_script(rng, 10) + "</head>\n")
    a["blocks"] = []
    return page(a, h, body)


def t_error(rng, a, lang, **kw):
    body = (nav(rng, lang) + '<main><h1>Page not found</h1><p>Sorry, we could not find that page.</p>'
            '<p><a href="/">Back to the home page</a></p></main>' + site_footer(rng, a, lang))
    h = f'<head><meta charset="utf-8"><title>404 | {esc(a["site"])}</title></head>\n'
    a["blocks"] = []
    return page(a, h, body)


def t_commentheavy(rng, a, lang, **kw):
    return t_wordpress(rng, a, lang, comments=14)


def t_sidebarheavy(rng, a, lang, **kw):
    return rng.choice([t_newspaper, t_drupal, t_wordpress])(rng, a, lang, heavy_sidebar=True)


def t_jsonld_body(rng, a, lang, **kw):
    return t_ghost(rng, a, lang, ld_body=True)


# (type, template, language, paragraphs, count, options)
PLAN = [
    ("wordpress", t_wordpress, "en", (5, 12), 7, {}),
    ("newspaper-theme", t_newspaper, "en", (5, 12), 5, {}),
    ("ghost", t_ghost, "en", (5, 10), 5, {}),
    ("drupal", t_drupal, "en", (5, 10), 5, {}),
    ("medium", t_medium, "en", (6, 14), 5, {}),
    ("nextjs", t_nextjs, "en", (5, 10), 4, {}),
    ("nextjs-html", t_nextjs, "en", (5, 10), 2, {"html_body": True}),
    ("amp", t_amp, "en", (5, 10), 4, {}),
    ("liveblog", t_liveblog, "en", (1, 1), 4, {}),
    ("gallery", t_gallery, "en", (1, 1), 4, {}),
    ("paywall", t_paywall, "en", (3, 3), 4, {}),
    ("brief", t_wordpress, "en", (2, 2), 3, {}),
    ("brief", t_ghost, "en", (2, 2), 2, {}),
    ("longread", t_drupal, "en", (75, 85), 1, {}),
    ("longread", t_wordpress, "en", (75, 85), 1, {}),
    ("longread", t_medium, "en", (75, 85), 1, {}),
    ("comments-heavy", t_commentheavy, "en", (3, 5), 4, {}),
    ("sidebar-heavy", t_sidebarheavy, "en", (3, 6), 4, {}),
    ("noclass", t_noclass, "en", (4, 9), 5, {}),
    ("jsonld-body", t_jsonld_body, "en", (4, 8), 3, {}),
    ("uk", t_wordpress, "uk", (4, 8), 2, {}),
    ("uk", t_ghost, "uk", (4, 8), 1, {}),
    ("uk", t_noclass, "uk", (4, 8), 1, {}),
    ("uk-1251", t_drupal, "uk", (4, 8), 1, {"charset": "windows-1251"}),
    ("uk-1251", t_newspaper, "uk", (4, 8), 1, {"charset": "http-equiv"}),
    ("uk-1251", t_wordpress, "uk", (4, 8), 1, {"charset": "", "http_charset": "windows-1251"}),
    ("ru", t_newspaper, "ru", (4, 8), 1, {}),
    ("ru", t_medium, "ru", (4, 8), 1, {}),
    ("ru", t_noclass, "ru", (4, 8), 1, {}),
    ("ru-1251", t_wordpress, "ru", (4, 8), 1, {"charset": "windows-1251"}),
    ("ru-1251", t_drupal, "ru", (4, 8), 1, {"charset": "http-equiv"}),
    ("ru-1251", t_ghost, "ru", (4, 8), 1, {"charset": ""}),
    ("de", t_ghost, "de", (4, 8), 1, {}),
    ("de", t_drupal, "de", (4, 8), 1, {}),
    ("de", t_wordpress, "de", (4, 8), 1, {}),
    ("fr", t_drupal, "fr", (4, 8), 1, {}),
    ("fr", t_amp, "fr", (4, 8), 1, {}),
    ("fr", t_newspaper, "fr", (4, 8), 1, {}),
    ("es", t_wordpress, "es", (4, 8), 1, {}),
    ("es", t_nextjs, "es", (4, 8), 1, {}),
    ("es", t_paywall, "es", (3, 3), 1, {}),
    ("ja", t_japanese, "ja", (4, 8), 3, {}),
    ("ar", t_arabic, "ar", (4, 8), 3, {}),
    ("homepage", t_homepage, "en", (1, 1), 2, {}),
    ("error-page", t_error, "en", (1, 1), 1, {}),
]


def main():
    for name in os.listdir(OUT):
        # Pages from 201 on belong to generate_heavy.py.
        number = re.match(r"(\d+)-", name)
        if (name.endswith(".html") or name.endswith(".expected.json")) and not (number and int(number[1]) > 200):
            os.remove(os.path.join(OUT, name))
    index = 0
    for kind, template, lang, (lo, hi), count, options in PLAN:
        for _ in range(count):
            index += 1
            rng = random.Random(f"newsd-corpus-{index}")
            a = make_article(rng, index, kind, lang, rng.randint(lo, hi), extras=kind != "brief")
            opts = dict(options)
            http_charset = opts.pop("http_charset", None)
            charset = opts.get("charset", "utf-8")
            if charset in ("windows-1251", "http-equiv", "") and lang in ("uk", "ru"):
                opts["charset"] = charset
            markup = template(rng, a, lang, **opts)
            encoding = "windows-1251" if (charset in ("windows-1251", "http-equiv") or
                                           (charset == "" and lang in ("uk", "ru"))) else "utf-8"
            name = f"{index:03d}-{kind}"
            with open(os.path.join(OUT, name + ".html"), "wb") as out:
                out.write(markup.encode(encoding))
            no_article = kind in ("homepage", "error-page")
            exposes_meta = template not in (t_noclass, t_homepage, t_error)
            expected = {
                "page": name + ".html", "type": kind, "url": a["url"], "encoding": encoding,
                "http_charset": http_charset,
                "title": None if no_article else a["title"],
                "authors": [] if no_article else a["authors"],
                "published": iso(a["published"]) if exposes_meta else None,
                "site_name": a["site"] if (exposes_meta and template is not t_drupal) else None,
                "language": a["lang"],
                "canonical_url": a["url"] if exposes_meta else None,
                "no_article": no_article,
                "text": "" if no_article else expected_text(a["blocks"], captions=kind == "gallery"),
            }
            with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as out:
                json.dump(expected, out, ensure_ascii=False, indent=1)
                out.write("\n")
    print(f"wrote {index} pages to {OUT}")


if __name__ == "__main__":
    main()
