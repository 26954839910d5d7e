#!/usr/bin/python3
"""Generates the heavy part of the extraction dev corpus (pages 201-2xx): modern
news pages of 150-300 KB with the DOM density of real ones — framework div soup,
inline SVG icons, mega menus, consent dialogs, tickers, card grids, inline state
JSON, big scripts — and the furniture real sites put *inside* the article
container: inline "read also" cards, ad slots between paragraphs, newsletter
boxes, share bars, embedded posts, author bios, donation asks, topic lists,
comment threads longer than the article, and "most popular" rails with more
text than the article. Six site designs (utility-class soup, BEM, WordPress
blocks, CSS-modules Next.js, a Drupal portal, a Bootstrap portal) in eight
languages.

Expected text (what a careful editor keeps): the body paragraphs, subheadings,
lists, real block quotes and figure captions (the lead image's included, even in
the article header). Not kept: embedded social posts and all furniture above.

Deterministic: the same script writes the same bytes. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_heavy.py
The output is committed; tests read it, they never run this script.
"""
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import (SECTIONS, esc, headline, is_pull_quote, iso, jsonld, make_article, paragraph)  # noqa: E402
from lang_banks import COMMENT_LINES, FOREIGN_NAMES, FURNITURE  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
FIRST_INDEX = 201

# Words real sites use for the furniture the shared banks do not name.
EXTRA = {
    "en": {"donate": "Independent journalism needs your support. Become a member today and help keep our reporting "
                     "free for everyone.", "topics": "Topics", "feed": "Latest news", "reply": "Reply",
           "like": "Like", "more": "Load more", "caption_credit": "Photo", "about": "About the author",
           "alert": "Breaking", "login": "Log in", "search": "Search"},
    "de": {"donate": "Unabhängiger Journalismus braucht Ihre Unterstützung. Werden Sie jetzt Mitglied.",
           "topics": "Themen", "feed": "Neueste Meldungen", "reply": "Antworten", "like": "Gefällt mir",
           "more": "Mehr laden", "caption_credit": "Foto", "about": "Über die Autorin", "alert": "Eilmeldung",
           "login": "Anmelden", "search": "Suche"},
    "fr": {"donate": "Le journalisme indépendant a besoin de vous. Devenez membre dès aujourd'hui.",
           "topics": "Sujets", "feed": "Dernières infos", "reply": "Répondre", "like": "J'aime",
           "more": "Voir plus", "caption_credit": "Photo", "about": "À propos de l'auteur", "alert": "Alerte",
           "login": "Connexion", "search": "Rechercher"},
    "es": {"donate": "El periodismo independiente necesita tu apoyo. Hazte socio hoy.", "topics": "Temas",
           "feed": "Últimas noticias", "reply": "Responder", "like": "Me gusta", "more": "Cargar más",
           "caption_credit": "Foto", "about": "Sobre la autora", "alert": "Última hora", "login": "Entrar",
           "search": "Buscar"},
    "uk": {"donate": "Незалежна журналістика потребує вашої підтримки. Станьте учасником спільноти вже сьогодні.",
           "topics": "Теми", "feed": "Стрічка новин", "reply": "Відповісти", "like": "Подобається",
           "more": "Завантажити ще", "caption_credit": "Фото", "about": "Про автора", "alert": "Терміново",
           "login": "Увійти", "search": "Пошук"},
    "ru": {"donate": "Независимая журналистика нуждается в вашей поддержке. Станьте участником сообщества.",
           "topics": "Темы", "feed": "Лента новостей", "reply": "Ответить", "like": "Нравится",
           "more": "Загрузить ещё", "caption_credit": "Фото", "about": "Об авторе", "alert": "Срочно",
           "login": "Войти", "search": "Поиск"},
    "ja": {"donate": "独立した報道にはあなたの支援が必要です。今すぐ会員になってください。", "topics": "トピック",
           "feed": "新着ニュース", "reply": "返信", "like": "いいね", "more": "もっと見る", "caption_credit": "写真",
           "about": "筆者について", "alert": "速報", "login": "ログイン", "search": "検索"},
    "ar": {"donate": "الصحافة المستقلة تحتاج إلى دعمكم. انضموا إلينا اليوم.", "topics": "مواضيع",
           "feed": "آخر الأخبار", "reply": "رد", "like": "إعجاب", "more": "المزيد", "caption_credit": "تصوير",
           "about": "عن الكاتب", "alert": "عاجل", "login": "دخول", "search": "بحث"},
}

# Furniture whose wording varies from site to site: labels, ad notices, notes.
VARIANTS = {
    "en": {"keypoints": "Key points", "popular2": "Most read this week", "watch": "Watch:",
           "ad_labels": ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                         "Article continues below this ad"],
           "also_labels": ["Read also", "RELATED:", "Also read", "Don't miss"],
           "correction": "This article was amended to correct the date of the council vote."},
    "de": {"keypoints": "Das Wichtigste in Kürze", "popular2": "Meistgelesen", "watch": "Video:",
           "ad_labels": ["Anzeige", "ANZEIGE", "Weiter nach der Anzeige"],
           "also_labels": ["Lesen Sie auch", "Auch interessant", "Mehr zum Thema"],
           "correction": "In einer früheren Fassung stand ein falsches Datum."},
    "fr": {"keypoints": "L'essentiel", "popular2": "Les plus lus", "watch": "Vidéo :",
           "ad_labels": ["Publicité", "La suite après cette publicité"],
           "also_labels": ["Lire aussi", "À lire aussi", "Voir aussi"],
           "correction": "Cet article a été corrigé le lendemain de sa publication."},
    "es": {"keypoints": "Claves", "popular2": "Lo más leído", "watch": "Vídeo:",
           "ad_labels": ["Publicidad", "PUBLICIDAD", "Sigue leyendo tras la publicidad"],
           "also_labels": ["Lea también", "Te puede interesar", "Ver también"],
           "correction": "Este artículo fue corregido al día siguiente de su publicación."},
    "uk": {"keypoints": "Головне", "popular2": "Найпопулярніше", "watch": "Відео:",
           "ad_labels": ["Реклама", "РЕКЛАМА"], "also_labels": ["Читайте також", "ЧИТАЙТЕ ТАКОЖ", "Дивіться також"],
           "correction": "Матеріал оновлено після коментаря міської ради."},
    "ru": {"keypoints": "Главное", "popular2": "Самое читаемое", "watch": "Видео:",
           "ad_labels": ["Реклама", "РЕКЛАМА"], "also_labels": ["Читайте также", "ЧИТАЙТЕ ТАКЖЕ", "Смотрите также"],
           "correction": "Материал обновлён после комментария мэрии."},
    "ja": {"keypoints": "ポイント", "popular2": "アクセスランキング", "watch": "動画：",
           "ad_labels": ["広告", "広告の後に記事が続きます"], "also_labels": ["関連記事", "あわせて読みたい"],
           "correction": "記事の一部を修正しました。"},
    "ar": {"keypoints": "أبرز النقاط", "popular2": "الأكثر قراءة", "watch": "فيديو:",
           "ad_labels": ["إعلان"], "also_labels": ["اقرأ أيضا", "اقرأ أيضاً"],
           "correction": "جرى تحديث هذا الخبر بعد نشره."},
}


def svg(rng, paths=3):
    """Icons are inline SVG on modern sites: several elements each, dozens per page."""
    d = "".join(f'<path d="M{rng.randint(0, 24)} {rng.randint(0, 24)}c{rng.randint(-9, 9)} {rng.randint(-9, 9)} '
                f'{rng.randint(-9, 9)} {rng.randint(-9, 9)} {rng.randint(0, 24)} {rng.randint(0, 24)}z" '
                f'fill="currentColor"></path>' for _ in range(paths))
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">{d}</svg>'


class Design:
    """Class names in one site's idiom. Each method returns the class attribute for a role."""

    def __init__(self, name, rng):
        self.name = name
        self.rng = rng

    def c(self, role):
        return self.CLASSES.get(role, role)

    def soup(self, inner, depth):
        """Wrappers that component frameworks stack around everything."""
        for i in range(depth):
            inner = f'<div class="{self.WRAPS[(i + self.rng.randint(0, 3)) % len(self.WRAPS)]}">{inner}</div>'
        return inner


class Utility(Design):
    """Tailwind-style utility classes: words like "text" and "flex" everywhere, few semantic names."""
    WRAPS = ["flex flex-col gap-4", "relative w-full", "mx-auto max-w-screen-xl px-4 md:px-8",
             "grid grid-cols-12 gap-6", "col-span-12 lg:col-span-8", "flex items-center justify-between"]
    CLASSES = {
        "header": "sticky top-0 z-50 bg-white shadow-sm", "menu": "hidden lg:flex items-center gap-6 text-sm font-medium",
        "body": "prose prose-lg max-w-none text-gray-900 dark:prose-invert", "p": "mb-5 leading-relaxed",
        "readalso": "my-8 rounded-lg border border-gray-200 p-4 not-prose", "ad": "my-10 flex min-h-[250px] items-center justify-center bg-gray-50",
        "newsletter": "my-10 rounded-xl bg-blue-50 p-6 not-prose", "share": "flex items-center gap-3 text-gray-500",
        "bio": "mt-12 flex gap-4 border-t pt-6", "topics": "mt-8 flex flex-wrap gap-2",
        "comments": "mt-16 border-t pt-8", "rail": "col-span-12 lg:col-span-4 space-y-8",
        "card": "group relative flex flex-col overflow-hidden rounded-lg", "footer": "mt-24 bg-gray-900 text-gray-300",
        "consent": "fixed inset-x-0 bottom-0 z-[100] bg-white p-6 shadow-2xl", "ticker": "overflow-hidden whitespace-nowrap bg-red-600 text-white text-sm",
        "byline": "flex flex-wrap items-center gap-x-3 text-sm text-gray-600", "figure": "my-8",
        "caption": "mt-2 text-sm text-gray-500", "embed": "my-8 flex justify-center", "donate": "my-12 rounded-xl bg-yellow-50 p-8 not-prose",
        "kicker": "text-xs font-bold uppercase tracking-wide text-red-700", "article": "pt-6",
        "keypoints": "my-6 rounded-lg bg-gray-100 p-5", "video": "my-8 aspect-video w-full", "onward": "mt-12 border-t pt-8",
    }


class Bem(Design):
    """Big-publisher BEM: long block__element--modifier names and data-component attributes."""
    WRAPS = ["o-layout", "o-layout__item", "c-container", "l-grid__cell", "u-relative", "c-region"]
    CLASSES = {
        "header": "c-site-header", "menu": "c-site-header__nav c-mega-menu", "body": "c-article-body",
        "p": "c-article-body__paragraph", "readalso": "c-inline-promo c-inline-promo--story",
        "ad": "c-ad c-ad--mpu", "newsletter": "c-newsletter-signup c-newsletter-signup--inline",
        "share": "c-share-tools", "bio": "c-contributor-profile", "topics": "c-topic-list",
        "comments": "c-comments", "rail": "c-article-rail", "card": "c-promo-card c-promo-card--horizontal",
        "footer": "c-site-footer", "consent": "c-consent-manager", "ticker": "c-breaking-bar",
        "byline": "c-article-meta", "figure": "c-figure c-figure--inline", "caption": "c-figure__caption",
        "embed": "c-embed c-embed--social", "donate": "c-contribution-ask", "kicker": "c-article-header__kicker",
        "article": "c-article",
        "keypoints": "c-key-points", "video": "c-video-block", "onward": "c-onward-journey",
    }


class WpBlocks(Design):
    """WordPress with the block editor and the usual plugins."""
    WRAPS = ["wp-block-group", "wp-block-group__inner-container", "wp-block-columns", "wp-block-column",
             "site-container", "inside-article"]
    CLASSES = {
        "header": "site-header", "menu": "main-navigation", "body": "entry-content", "p": "",
        "readalso": "wp-block-group is-style-related-inline", "ad": "code-block code-block-3",
        "newsletter": "wp-block-group mc4wp-form-wrap", "share": "addtoany_share_save_container",
        "bio": "saboxplugin-wrap", "topics": "tags-links", "comments": "comments-area", "rail": "widget-area",
        "card": "wp-block-post", "footer": "site-footer", "consent": "cmplz-cookiebanner", "ticker": "breaking-news-ticker",
        "byline": "entry-meta", "figure": "wp-block-image size-large", "caption": "wp-element-caption",
        "embed": "wp-block-embed is-type-rich wp-block-embed-twitter", "donate": "wp-block-group donation-box",
        "kicker": "cat-links", "article": "post type-post status-publish hentry",
        "keypoints": "wp-block-group key-points", "video": "wp-block-embed is-type-video", "onward": "wp-block-latest-posts",
    }


class Modules(Design):
    """Next.js with CSS modules: hashed names that carry a word and a suffix."""
    WRAPS = ["Layout_wrapper__Xk2pq", "Grid_row__9aB1z", "Grid_col__0pLm3", "Container_root__h7Tz1",
             "Stack_stack__Q2wE4", "Box_box__v8Nn0"]
    CLASSES = {
        "header": "Header_header__3fK9d", "menu": "Navigation_nav__p0Oq1", "body": "ArticleBody_body__2kDs8",
        "p": "Paragraph_paragraph__kL9s2", "readalso": "InlineRelated_wrapper__Pp4x1", "ad": "AdSlot_slot__7yHh2",
        "newsletter": "NewsletterPromo_root__Ab3c4", "share": "ShareButtons_list__Zz9y8",
        "bio": "AuthorCard_card__Mm1n2", "topics": "TopicTags_tags__Ee5f6", "comments": "Comments_section__Gg7h8",
        "rail": "Sidebar_sidebar__Ii9j0", "card": "StoryCard_card__Kk1l2", "footer": "Footer_footer__Oo5p6",
        "consent": "ConsentBanner_banner__Qq7r8", "ticker": "BreakingTicker_ticker__Ss9t0",
        "byline": "ArticleMeta_meta__Uu1v2", "figure": "ArticleImage_figure__Ww3x4",
        "caption": "ArticleImage_caption__Yy5z6", "embed": "SocialEmbed_embed__Aa7b8",
        "donate": "SupportAsk_ask__Cc9d0", "kicker": "Kicker_kicker__Ee1f2", "article": "Article_article__Gg3h4",
        "keypoints": "KeyPoints_box__Aa1b2", "video": "VideoPlayer_wrapper__Cc3d4", "onward": "MostRead_section__Ee5f6",
    }


class Portal(Design):
    """East-European portal on Drupal: field wrappers, views blocks, short inline "read also" links."""
    WRAPS = ["region", "block", "content", "view-content", "views-row", "field__items"]
    CLASSES = {
        "header": "header-top", "menu": "menu--main", "body": "field field--name-body field--type-text-with-summary",
        "p": "", "readalso": "read-also-block", "ad": "adv-block", "newsletter": "subscribe-block",
        "share": "social-buttons", "bio": "author-info", "topics": "field--name-field-tags",
        "comments": "comment-wrapper", "rail": "region-sidebar-second", "card": "views-row news-item",
        "footer": "region-footer", "consent": "eu-cookie-compliance-banner", "ticker": "hot-news",
        "byline": "node__meta", "figure": "photo-block", "caption": "photo-block__title", "embed": "embed-tw",
        "donate": "support-block", "kicker": "node__rubric", "article": "node node--type-article",
        "keypoints": "field--name-field-summary", "video": "video-block", "onward": "view-most-read",
    }


class Boot(Design):
    """Bootstrap portal (Japanese, Arabic sites): grid classes, few semantic words."""
    WRAPS = ["container", "row", "col-12", "col-lg-8", "d-flex", "position-relative"]
    CLASSES = {
        "header": "navbar navbar-expand-lg", "menu": "navbar-nav", "body": "article-text", "p": "",
        "readalso": "box-link", "ad": "ads-box", "newsletter": "mail-box", "share": "sns-buttons",
        "bio": "writer-box", "topics": "keyword-list", "comments": "comment-box", "rail": "col-lg-4 side",
        "card": "media-item", "footer": "footer", "consent": "cookie-notice", "ticker": "flash-news",
        "byline": "article-date", "figure": "figure", "caption": "figure-caption", "embed": "twitter-embed",
        "donate": "support-box", "kicker": "category-label", "article": "article-detail",
        "keypoints": "point-box", "video": "movie-box", "onward": "ranking-box",
    }


# ---- page parts ---------------------------------------------------------------------------------

def inline_state(rng, a, lang, kb):
    """window.__INITIAL_STATE__: the store a client framework hydrates from (teasers, config, flags)."""
    teasers = []
    size = 0
    i = 0
    while size < kb * 1024:
        t = {"id": f"{rng.randint(10**8, 10**9)}", "headline": headline(rng, lang), "section": rng.choice(SECTIONS),
             "url": f"https://{a['domain']}/news/{rng.randint(1000, 99999)}/", "summary": paragraph(rng, lang, 1),
             "image": {"src": f"https://{a['domain']}/img/{i}.jpg", "width": 1200, "height": 675},
             "flags": {"premium": rng.random() < 0.2, "live": False, "video": rng.random() < 0.1}}
        line = json.dumps(t, ensure_ascii=False)
        teasers.append(t)
        size += len(line)
        i += 1
    state = {"config": {"site": a["site"], "env": "production", "features": {f"flag{i}": i % 3 == 0 for i in range(60)}},
             "teasers": teasers}
    return ('<script>window.__INITIAL_STATE__=' + json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
            + ";</script>\n")


def big_script(rng, kb, name):
    """Minified bundles inlined by the build: tens of KB of one-line code."""
    out = []
    size = 0
    i = 0
    while size < kb * 1024:
        piece = (f"function {name}{i}(e,t,n){{if(!e)return null;var r=e.getAttribute('data-{name}')||'';"
                 f"for(var o=0;o<t.length;o++){{if(t[o]&&t[o].id===r){{n.push(t[o]);}}}}return n.length>{i % 31}?n:"
                 f"[e,r,'{name}{i}'];}}")
        out.append(piece)
        size += len(piece)
        i += 1
    return f'<script>{"".join(out)}</script>\n'


def critical_css(rng, kb):
    rules = []
    size = 0
    i = 0
    while size < kb * 1024:
        r = (f".x{i:x},.x{i:x}>*{{display:{rng.choice(['flex', 'block', 'grid'])};margin:{i % 9}px {i % 5}px;"
             f"padding:{i % 4}px;color:#{(i * 2654435761) % 0xFFFFFF:06x}}}"
             f"@media (min-width:{600 + i % 5 * 120}px){{.x{i:x}{{gap:{i % 7}px}}}}")
        rules.append(r)
        size += len(r)
        i += 1
    return f'<style>{"".join(rules)}</style>\n'


def heavy_head(rng, a, lang, ld_kind="NewsArticle", extra=""):
    parts = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(a['title'])} | {esc(a['site'])}</title>", f'<link rel="canonical" href="{a["url"]}">',
             f'<meta name="description" content="{esc(a["description"])}">',
             f'<meta property="og:site_name" content="{esc(a["site"])}">', '<meta property="og:type" content="article">',
             f'<meta property="og:title" content="{esc(a["title"])}">', f'<meta property="og:url" content="{a["url"]}">',
             f'<meta property="og:image" content="{a["image"]}">',
             f'<meta property="article:published_time" content="{a["published"].isoformat()}">',
             f'<meta property="article:modified_time" content="{a["modified"].isoformat()}">',
             '<meta name="twitter:card" content="summary_large_image">']
    parts += [f'<meta property="article:tag" content="{esc(t)}">' for t in a["tags"]]
    parts += [f'<meta name="author" content="{esc(n)}">' for n in a["authors"]]
    for i in range(rng.randint(8, 16)):  # preloads, fonts, prefetches, icons
        parts.append(rng.choice([f'<link rel="preload" href="/_static/chunk-{i:02x}{rng.randint(1000, 9999)}.js" as="script">',
                                 f'<link rel="preconnect" href="https://cdn{i}.{a["domain"]}">',
                                 f'<link rel="stylesheet" href="/_static/css/{i}.{rng.randint(10**5, 10**6)}.css">',
                                 f'<link rel="icon" sizes="{16 * (1 + i % 4)}x{16 * (1 + i % 4)}" href="/icon-{i}.png">']))
    parts.append(jsonld(a, kind=ld_kind, graph=rng.random() < 0.5).rstrip())
    parts.append(critical_css(rng, rng.randint(12, 30)))
    parts.append(big_script(rng, rng.randint(10, 25), "boot"))
    parts.append(extra)
    return "<head>\n" + "\n".join(parts) + "\n</head>\n"


def consent(d, rng, lang):
    f = FURNITURE[lang]
    vendors = "".join(f'<li class="vendor"><label><input type="checkbox" checked> Vendor {i} Ltd</label>'
                      f'<span>{esc(f["cookies"][:60])}</span></li>' for i in range(rng.randint(15, 30)))
    return (f'<div class="{d.c("consent")}" role="dialog" aria-modal="true"><div><p>{esc(f["cookies"])}</p>'
            f'<details><summary>Partners</summary><ul>{vendors}</ul></details>'
            f'<button>{esc(f["accept"])}</button><button>Reject</button></div></div>\n')


def mega_menu(d, rng, lang):
    f, x = FURNITURE[lang], EXTRA[lang]
    groups = []
    for i, section in enumerate([f["home"], f["news"]] + SECTIONS):
        subs = "".join(f'<li><div class="menu-entry"><a href="/{i}/{j}/" class="menu-link"><div class="icon">{svg(rng, 1)}'
                       f'</div><span>{esc(section)} {j + 1}</span></a></div></li>'
                       for j in range(rng.randint(8, 16)))
        promo = (f'<div class="menu-promo"><a href="/{i}/top/"><img src="/m/{i}.jpg" alt="" loading="lazy">'
                 f'<span>{esc(headline(rng, lang))}</span></a></div>')
        groups.append(f'<li class="menu-item"><a href="/{i}/">{esc(section)}</a><button aria-expanded="false">{svg(rng, 1)}'
                      f'</button><div class="menu-panel"><ul>{subs}</ul>{promo}</div></li>')
    tools = (f'<div class="header-tools"><form action="/search"><input type="search" placeholder="{esc(x["search"])}">'
             f'<button>{svg(rng)}</button></form><a href="/login">{svg(rng)}{esc(x["login"])}</a>'
             f'<a href="/subscribe" class="btn-subscribe">{esc(f["subscribe"])}</a></div>')
    return (f'<header class="{d.c("header")}"><div><a href="/" class="logo" aria-label="{esc("logo")}">{svg(rng, 8)}</a>'
            f'{tools}</div><nav class="{d.c("menu")}"><ul>{"".join(groups)}</ul></nav></header>\n')


def ticker(d, rng, a, lang):
    items = "".join(f'<li><a href="/news/t{i}/"><time>{10 + i}:{rng.randint(10, 59)}</time> {esc(headline(rng, lang))}</a></li>'
                    for i in range(rng.randint(6, 12)))
    return f'<div class="{d.c("ticker")}"><strong>{esc(EXTRA[lang]["alert"])}</strong><ul>{items}</ul></div>\n'


def share(d, rng, lang):
    nets = "".join(f'<li><a href="https://{n}.example/share?u=x" aria-label="{n}">{svg(rng, 2)}</a></li>'
                   for n in ["facebook", "x", "telegram", "whatsapp", "linkedin", "email", "copy"])
    return f'<div class="{d.c("share")}"><span>{esc(FURNITURE[lang]["share"])}</span><ul>{nets}</ul></div>\n'


def byline_block(d, rng, a, lang):
    f = FURNITURE[lang]
    names = " and ".join(a["authors"]) if lang == "en" else ", ".join(a["authors"])
    avatar = f'<img src="https://{a["domain"]}/authors/{rng.randint(1, 99)}.jpg" alt="" width="40" height="40">'
    return (f'<div class="{d.c("byline")}">{avatar}<span>{esc(f["by"])} <a href="/author/x/" rel="author">{esc(names)}</a></span>'
            f'<time datetime="{a["published"].isoformat()}">{a["published"].strftime("%d.%m.%Y %H:%M")}</time>'
            f'<span>{esc(f["min_read"].format(n=rng.randint(3, 12)))}</span>'
            f'<button class="listen">{svg(rng)}{esc(f["listen"])}</button></div>\n')


def read_also_card(d, rng, a, lang, with_teaser):
    f = FURNITURE[lang]
    src = f"https://{a['domain']}/media/inline/{rng.randint(1000, 9999)}"
    teaser = f"<p>{esc(paragraph(rng, lang, 1))}</p>" if with_teaser else ""
    # Some sites label the card, some let the picture and the linked headline speak.
    label = rng.choice(VARIANTS[lang]["also_labels"] + [None])
    label_html = f'<span class="label">{esc(label)}</span>' if label else ""
    return (f'<div class="{d.c("readalso")}">{label_html}'
            f'<a href="/news/also-{rng.randint(100, 999)}/"><picture><source srcset="{src}.webp" type="image/webp">'
            f'<img src="{src}.jpg" alt="" loading="lazy"></picture><h3>{esc(headline(rng, lang))}</h3></a>{teaser}</div>\n')


def ad(d, rng, lang):
    slot = rng.randint(1, 9999)
    return (f'<div class="{d.c("ad")}" data-ad-slot="mpu-{slot}"><span class="label">{esc(rng.choice(VARIANTS[lang]["ad_labels"]))}</span>'
            f'<div id="div-gpt-ad-{slot}"><div><div style="width:300px;height:250px"></div></div></div>'
            f'<script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-{slot}")}});</script></div>\n')


def newsletter(d, rng, lang):
    f = FURNITURE[lang]
    return (f'<div class="{d.c("newsletter")}">{svg(rng, 4)}<h3>{esc(f["subscribe"])}</h3><p>{esc(f["signup"])}</p>'
            f'<form action="/newsletter"><input type="email" placeholder="Email"><button>OK</button></form>'
            f'<small>By signing up you agree to our privacy policy.</small></div>\n')


def social_embed(d, rng, a, lang):
    who = rng.choice(FOREIGN_NAMES[lang])
    quote = paragraph(rng, lang, 1)[:120]
    link = f"https://t.co/{rng.randint(10**6, 10**7)}"
    pic = f"pic.x.example/{rng.randint(100, 999)}"
    html_text = (f'<figure class="{d.c("embed")}"><blockquote class="twitter-tweet" data-dnt="true"><p lang="{lang}">'
                 f'{esc(quote)} <a href="{link}">{pic}</a></p>'
                 f'&mdash; {esc(who)} (@user{rng.randint(10, 99)}) <a href="https://x.example/status/{rng.randint(10**9, 10**10)}">'
                 f'{a["published"].strftime("%B %d, %Y")}</a></blockquote>'
                 '<script async src="https://platform.x.example/widgets.js"></script></figure>\n')
    return html_text, f"{quote} {pic}"


def donate(d, rng, lang):
    ask = EXTRA[lang]["donate"]
    first = ask[:ask.index("。") + 1] if "。" in ask else ask.split(".")[0] + "."
    return (f'<div class="{d.c("donate")}"><h3>{esc(first)}</h3>'
            f'<p>{esc(EXTRA[lang]["donate"])}</p><a class="btn" href="/membership">{esc(FURNITURE[lang]["subscribe"])}</a></div>\n')


def figure(d, rng, a, lang, cap):
    src = f"https://{a['domain']}/media/2025/{a['slug']}-{rng.randint(1, 99)}"
    return (f'<figure class="{d.c("figure")}"><picture><source media="(min-width:800px)" srcset="{src}-1600.webp 1600w, '
            f'{src}-1200.webp 1200w" type="image/webp"><img src="{src}-800.jpg" alt="" loading="lazy" width="800" height="450">'
            f'</picture><figcaption class="{d.c("caption")}">{esc(cap)}</figcaption></figure>\n')


def caption_text(rng, lang):
    x = EXTRA[lang]
    return f"{paragraph(rng, lang, 1)} ({x['caption_credit']}: {rng.choice(FOREIGN_NAMES[lang])})"


def link_some(rng, text, a):
    """Real article paragraphs carry a few inline links."""
    words = text.split(" ")
    if len(words) < 12 or rng.random() < 0.4:
        return esc(text)
    i = rng.randint(2, len(words) - 5)
    j = i + rng.randint(2, 4)
    return (esc(" ".join(words[:i])) + f' <a href="https://{a["domain"]}/news/{rng.randint(100, 999)}/">'
            + esc(" ".join(words[i:j])) + "</a> " + esc(" ".join(words[j:])))


def body_html(d, rng, a, lang, kind, style):
    """The article container: body blocks with furniture in between. Returns (html, expected blocks)."""
    out = []
    expected = []
    pcount = 0
    blocks = a["blocks"]
    n = sum(1 for b in blocks if b[0] == "p")
    pc = d.c("p")
    pattr = f' class="{pc}"' if pc else ""
    inserted_fig = False
    if kind in ("plain", "long") and rng.random() < 0.6:
        html, texts = key_points(d, rng, lang)
        out.append(html)
        expected.extend(texts)
    for block in blocks:
        k = block[0]
        if k == "p":
            pcount += 1
            if style == "blocks":  # one component per paragraph, as BBC-style renderers emit
                out.append(f'<div data-component="text-block"><div class="{d.c("p")}-wrap"><p{pattr}>'
                           f'{link_some(rng, block[1], a)}</p></div></div>')
            elif style == "br":  # an old CMS field: paragraphs are text separated by <br><br>
                out.append(f"{link_some(rng, block[1], a)}<br><br>")
            else:
                out.append(f"<p{pattr}>{link_some(rng, block[1], a)}</p>")
            expected.append(block[1])
            if pcount == 2:
                out.append(read_also_card(d, rng, a, lang, with_teaser=rng.random() < 0.6))
            if pcount == 3 and n > 4:
                out.append(ad(d, rng, lang))
            if pcount == 4 and not inserted_fig:
                cap = caption_text(rng, lang)
                out.append(figure(d, rng, a, lang, cap))  # the caption stays out of the text (issue 16)
                inserted_fig = True
            if pcount == 5 and n > 6:
                embed_html, embed_text = social_embed(d, rng, a, lang)
                out.append(embed_html)
                expected.append(embed_text)  # a quoted post's text is part of the story (issue 16)
            if pcount == 6 and n > 8 and rng.random() < 0.5:
                out.append(video_player(d, rng, lang))
            if pcount == 12 and kind == "long":
                html, texts = data_table(rng, lang)
                out.append(html)
                expected.extend(texts)
            if pcount == n // 2 + 1 and n > 7:
                out.append(newsletter(d, rng, lang))
            if pcount in (7, 11, 15) and n > pcount + 1:
                out.append(ad(d, rng, lang))
            if pcount == 9 and n > 10:
                out.append(read_also_card(d, rng, a, lang, with_teaser=True))
        elif k == "h2":
            out.append(f"<h2>{esc(block[1])}</h2>")
            expected.append(block[1])
        elif k == "quote":
            out.append(f"<blockquote><p>{esc(block[1])}</p></blockquote>")
            if not is_pull_quote(block[1], a["blocks"]):
                expected.append(block[1])
        elif k == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in block[1]) + "</ul>")
            expected.extend(block[1])
    if rng.random() < 0.3:
        out.append(f"<p><em>{esc(VARIANTS[lang]['correction'])}</em></p>")
        expected.append(VARIANTS[lang]["correction"])
    out.append(donate(d, rng, lang))
    return "\n".join(out) + "\n", expected


def key_points(d, rng, lang):
    """A summary box at the top of the body: part of the story."""
    items = [paragraph(rng, lang, 1) for _ in range(rng.randint(3, 4))]
    html = (f'<div class="{d.c("keypoints")}"><h2>{esc(VARIANTS[lang]["keypoints"])}</h2><ul>'
            + "".join(f"<li>{esc(x)}</li>" for x in items) + "</ul></div>\n")
    return html, [VARIANTS[lang]["keypoints"]] + items


def video_player(d, rng, lang):
    return (f'<div class="{d.c("video")}"><video controls preload="none" poster="/v/p.jpg"><source src="/v/1.mp4" '
            f'type="video/mp4"></video><p>{esc(VARIANTS[lang]["watch"])} {esc(headline(rng, lang))}</p></div>\n')


def data_table(rng, lang):
    """A small data table, as long reads carry: its cells are body text."""
    rows = [[f"{rng.choice(SECTIONS)}", str(rng.randint(100, 9999)), f"{rng.randint(-30, 60)}%"] for _ in range(5)]
    html = ("<table><thead><tr><th>2024</th><th>2025</th><th>+/-</th></tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows) + "</tbody></table>\n")
    return html, ["2024 2025"] + [" ".join(r) for r in rows]


def onward(d, rng, lang):
    """'Most read' in the main column right after the article, teasers and all."""
    items = "".join(f'<li><a href="/news/mr-{i}/"><h3>{esc(headline(rng, lang))}</h3></a>'
                    f'<p>{esc(paragraph(rng, lang, 2))}</p></li>' for i in range(rng.randint(5, 8)))
    return f'<section class="{d.c("onward")}"><h2>{esc(VARIANTS[lang]["popular2"])}</h2><ol>{items}</ol></section>\n'


def topics(d, rng, a, lang):
    links = "".join(f'<li><a href="/topic/{i}/" rel="tag">{esc(t)}</a></li>' for i, t in enumerate(a["tags"]))
    return f'<div class="{d.c("topics")}"><span>{esc(EXTRA[lang]["topics"])}</span><ul>{links}</ul></div>\n'


def bio(d, rng, a, lang):
    f = FURNITURE[lang]
    social = "".join(f'<a href="https://{n}.example/u">{svg(rng, 2)}</a>' for n in ["x", "facebook", "email"])
    return (f'<div class="{d.c("bio")}"><img src="/authors/a.jpg" alt=""><div><h4>{esc(EXTRA[lang]["about"])}</h4>'
            f'<p><strong>{esc(a["authors"][0])}</strong> {esc(f["bio"])}</p><div>{social}</div></div></div>\n')


def comment_thread(d, rng, lang, count):
    x = EXTRA[lang]
    items = []
    for i in range(count):
        text = " ".join(rng.sample(COMMENT_LINES, 3)) if lang == "en" else paragraph(rng, lang, 3)
        items.append(f'<li class="comment" id="comment-{i}"><div class="comment-body"><div class="comment-meta">'
                     f'<img src="/avatars/{i % 17}.png" alt="" width="32"><b>{esc(rng.choice(FOREIGN_NAMES[lang]))}</b>'
                     f'<time datetime="2025-05-0{1 + i % 9}T1{i % 10}:00:00Z">{1 + i}h</time></div>'
                     f'<div class="comment-content"><p>{esc(text)}</p></div><div class="comment-actions">'
                     f'<button>{svg(rng, 1)}{esc(x["like"])} {rng.randint(0, 90)}</button><a href="#reply-{i}">{esc(x["reply"])}</a>'
                     f'</div></div></li>')
    return (f'<section class="{d.c("comments")}" id="comments"><h2>{esc(FURNITURE[lang]["comments"])} ({count})</h2>'
            f'<ol class="comment-list">{"".join(items)}</ol><button>{esc(x["more"])}</button></section>\n')


def rail(d, rng, a, lang, heavy):
    """'Most popular' and a news feed: on heavy pages more prose than the article itself."""
    f, x = FURNITURE[lang], EXTRA[lang]
    pop = []
    for i in range(10 if heavy else 5):
        teaser = paragraph(rng, lang, rng.randint(2, 3)) if heavy else paragraph(rng, lang, 1)
        pop.append(f'<li><span class="rank">{i + 1}</span><div><a href="/news/pop-{i}/"><h3>{esc(headline(rng, lang))}</h3></a>'
                   f'<p>{esc(teaser)}</p></div></li>')
    feed = "".join(f'<li><time>{9 + i // 4}:{(i * 7) % 60:02d}</time><a href="/news/feed-{i}/">{esc(headline(rng, lang))}</a></li>'
                   for i in range(rng.randint(15, 30)))
    return (f'<aside class="{d.c("rail")}"><section><h2>{esc(f["popular"])}</h2><ol>{"".join(pop)}</ol></section>'
            + ad(d, rng, lang) + f'<section><h2>{esc(x["feed"])}</h2><ul>{feed}</ul></section></aside>\n')


def card(d, rng, a, lang, i):
    src = f"https://{a['domain']}/media/cards/{rng.randint(10**4, 10**5)}"
    body = d.soup(f'<a href="/news/c{i}/"><h3>{esc(headline(rng, lang))}</h3></a>', 4)
    return (f'<article class="{d.c("card")}">' + d.soup(
        f'<picture><source srcset="{src}-400.webp 400w, {src}-800.webp 800w" type="image/webp">'
        f'<img src="{src}.jpg" alt="" loading="lazy" width="400" height="225"></picture>', 4)
        + f'<div class="meta"><span>{esc(rng.choice(SECTIONS))}</span><time datetime="2025-05-01T10:00:00Z">{i + 1}h</time></div>'
        + body + f'<div class="actions"><button aria-label="save">{svg(rng, 2)}</button></div></article>')


def card_grid(d, rng, a, lang, count):
    cards = "".join(card(d, rng, a, lang, i) for i in range(count))
    return f'<section class="more-from-section"><h2>{esc(FURNITURE[lang]["related"])}</h2><div>{cards}</div></section>\n'


def footer(d, rng, a, lang):
    f = FURNITURE[lang]
    cols = "".join(f'<div class="footer-col"><h4>{esc(s)}</h4><ul>'
                   + "".join(f'<li><div class="link"><a href="/{s.lower()}/{j}/">{esc(s)} {j}</a></div></li>' for j in range(10))
                   + "</ul></div>"
                   for s in SECTIONS)
    social = "".join(f'<a href="https://{n}.example/site" aria-label="{n}">{svg(rng, 4)}</a>'
                     for n in ["facebook", "x", "instagram", "youtube", "telegram", "tiktok", "threads", "rss"])
    apps = "".join(f'<a href="https://apps.example/{n}"><img src="/badges/{n}.svg" alt="{n}"></a>' for n in ["ios", "android"])
    legal = " | ".join(f'<a href="/{p}/">{p}</a>' for p in ["about", "contact", "privacy", "cookies", "terms",
                                                             "advertise", "careers", "ethics", "corrections"])
    return (f'<footer class="{d.c("footer")}"><div>{svg(rng, 8)}</div><div class="footer-cols">{cols}</div>'
            f'<div>{social}{apps}</div><p>{legal}</p><p>© 2025 {esc(a["site"])}. {esc(f["footer"])}</p></footer>\n')


def trailing_scripts(rng, a):
    return (big_script(rng, rng.randint(8, 20), "trk")
            + f'<script async src="https://{a["domain"]}/_static/ads.js"></script>'
            + '<script type="application/json" id="ad-config">'
            + json.dumps({"slots": [{"id": f"mpu-{i}", "sizes": [[300, 250], [300, 600]]} for i in range(40)]})
            + "</script>\n")


# ---- the page ------------------------------------------------------------------------------------

def build(d, rng, a, lang, kind):
    f = FURNITURE[lang]
    heavy_rail = kind in ("rail",)
    comments = {"comments": rng.randint(35, 60)}.get(kind, rng.randint(4, 12))
    style = "p"
    if isinstance(d, Bem) and rng.random() < 0.7:
        style = "blocks"
    elif isinstance(d, Portal) and kind == "plain" and rng.random() < 0.6:
        style = "br"
    body, expected = body_html(d, rng, a, lang, kind, style)
    lead_cap = caption_text(rng, lang)  # captions stay in the HTML, not the text (issue 16)
    article_header = (f'<header class="article-header"><a class="{d.c("kicker")}" href="/{a["tags"][0]}/">'
                      f'{esc(a["tags"][0])}</a><h1>{esc(a["title"])}</h1>' + byline_block(d, rng, a, lang)
                      + share(d, rng, lang)
                      + f'<figure class="lead"><img src="{a["image"]}" alt="" width="1200" height="675">'
                      f'<figcaption>{esc(lead_cap)}</figcaption></figure></header>\n')
    container = d.soup(f'<div class="{d.c("body")}">\n{body}</div>', rng.randint(0, 2))
    article = (f'<article class="{d.c("article")}">' + article_header + container
               + topics(d, rng, a, lang) + share(d, rng, lang) + bio(d, rng, a, lang) + "</article>\n")
    after = onward(d, rng, lang) if kind == "rail" or rng.random() < 0.4 else ""
    main = d.soup(article + after + comment_thread(d, rng, lang, comments), rng.randint(2, 4))
    page_body = (consent(d, rng, lang) + ticker(d, rng, a, lang) + mega_menu(d, rng, lang)
                 + d.soup(ad(d, rng, lang), 2)
                 + d.soup(f'<main id="main-content">{main}</main>' + rail(d, rng, a, lang, heavy_rail), rng.randint(4, 7))
                 + card_grid(d, rng, a, lang, rng.randint(16, 30)) + newsletter(d, rng, lang)
                 + footer(d, rng, a, lang) + trailing_scripts(rng, a))
    extra = inline_state(rng, a, lang, rng.randint(20, 50))
    if isinstance(d, Modules):
        data = {"props": {"pageProps": {"article": {"id": a["index"], "title": a["title"],
                                                    "publishedAt": iso(a["published"])},
                                        "trending": [{"title": headline(rng, lang), "summary": paragraph(rng, lang, 1)}
                                                     for _ in range(40)]}},
                "page": "/news/[slug]", "buildId": "b1d"}
        page_body += ('<script id="__NEXT_DATA__" type="application/json">'
                      + json.dumps(data, ensure_ascii=False).replace("</", "<\\/") + "</script>\n")
    head_html = heavy_head(rng, a, lang, extra=extra)
    attrs = f' lang="{a["lang"]}"' + (' dir="rtl"' if lang == "ar" else "")
    html = f"<!DOCTYPE html>\n<html{attrs}>\n{head_html}<body class=\"single-post\">\n{page_body}</body>\n</html>\n"
    return html, "\n\n".join(expected)


# (design, language, paragraphs, kind): kind "rail" puts more prose in the rail than in the
# article, "comments" a thread longer than the article, "long" a long read.
PLAN = [
    (Utility, "en", (8, 14), "plain"), (Utility, "en", (4, 6), "rail"), (Utility, "de", (8, 12), "comments"),
    (Utility, "en", (40, 50), "long"),
    (Bem, "en", (8, 14), "plain"), (Bem, "fr", (6, 10), "rail"), (Bem, "en", (5, 7), "comments"),
    (Bem, "es", (8, 12), "plain"),
    (WpBlocks, "en", (8, 14), "plain"), (WpBlocks, "uk", (6, 10), "comments"), (WpBlocks, "en", (4, 6), "rail"),
    (WpBlocks, "de", (8, 12), "plain"),
    (Modules, "en", (8, 14), "plain"), (Modules, "en", (5, 7), "rail"), (Modules, "es", (8, 12), "comments"),
    (Modules, "en", (30, 40), "long"),
    (Portal, "uk", (8, 12), "plain"), (Portal, "ru", (6, 10), "comments"), (Portal, "ru", (4, 6), "rail"),
    (Portal, "uk", (8, 12), "plain"),
    (Boot, "ja", (8, 12), "plain"), (Boot, "ar", (8, 12), "comments"), (Boot, "ja", (5, 7), "rail"),
    (Boot, "ar", (8, 12), "plain"),
]


def main():
    for name in os.listdir(OUT):
        number = re.match(r"(\d+)-", name)  # 901 on: generate_mechanisms.py and its rounds
        if number and FIRST_INDEX <= int(number[1]) < 900 and (name.endswith(".html") or name.endswith(".json")):
            os.remove(os.path.join(OUT, name))
    for offset, (design, lang, (lo, hi), kind) in enumerate(PLAN):
        index = FIRST_INDEX + offset
        rng = random.Random(f"newsd-heavy-{index}")
        d = design(design.__name__, rng)
        a = make_article(rng, index, "heavy", lang, rng.randint(lo, hi))
        html, text = build(d, rng, a, lang, kind)
        type_name = f"heavy-{design.__name__.lower()}"
        name = f"{index:03d}-{type_name}-{lang}"
        with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as out:
            out.write(html)
        expected = {
            "page": name + ".html", "type": type_name, "url": a["url"], "encoding": "utf-8", "http_charset": None,
            "title": a["title"], "authors": a["authors"], "published": iso(a["published"]), "site_name": a["site"],
            "language": a["lang"], "canonical_url": a["url"], "no_article": False, "text": text,
        }
        with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as out:
            json.dump(expected, out, ensure_ascii=False, indent=1)
            out.write("\n")
    print(f"wrote {len(PLAN)} heavy pages to {OUT}")


if __name__ == "__main__":
    main()
