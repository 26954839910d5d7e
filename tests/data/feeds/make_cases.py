#!/usr/bin/env python3
"""Writes the small feed cases of tests/feeds/parse/feed_cases_test.cpp.

Each case is one document (<name>.xml or <name>.json, sometimes in a legacy
encoding), optional parse options (<name>.options.json) and hand-written
checks (<name>.checks.json): {"path": value} where path is '/'-separated into
the JSON of docs/feed-json.md. "path~" means "the string at path (or one of
the strings of the array at path) contains value"; "path#" is an array's
length; "error" names the expected feeds::ErrorCode for inputs that are not feeds.

The whole output is also compared with <name>.expected.json, which is written
by the test (NEWSD_BLESS_FEEDS=1) only after the checks pass and was read
through before committing.

Run: python3 tests/data/feeds/make_cases.py [NAME_PREFIX...]
(rewrites the documents and checks of every case, or of the cases named)
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}

NS = {
    "content": 'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    "dc": 'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    "dcterms": 'xmlns:dcterms="http://purl.org/dc/terms/"',
    "atom": 'xmlns:atom="http://www.w3.org/2005/Atom"',
    "media": 'xmlns:media="http://search.yahoo.com/mrss/"',
    "itunes": 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
    "slash": 'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
    "wfw": 'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    "sy": 'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"',
}


def case(name, document, checks, options=None, ext="xml", encoding="utf-8"):
    assert name not in CASES, name
    CASES[name] = (document, checks, options, ext, encoding)


def rss(items="", channel="", ns=(), version="2.0", decl=True, link="https://example.com/"):
    nsattr = "".join(" " + NS[n] for n in ns)
    head = '<?xml version="1.0" encoding="utf-8"?>\n' if decl else ""
    link_xml = f"<link>{link}</link>" if link is not None else ""
    return (f'{head}<rss version="{version}"{nsattr}><channel><title>Example</title>{link_xml}'
            f"<description>Example feed</description>{channel}{items}</channel></rss>\n")


def item(body):
    return f"<item>{body}</item>"


def atom(entries="", feed="", ns=(), decl=True, extra_attrs=""):
    nsattr = "".join(" " + NS[n] for n in ns)
    head = '<?xml version="1.0" encoding="utf-8"?>\n' if decl else ""
    return (f'{head}<feed xmlns="http://www.w3.org/2005/Atom"{nsattr}{extra_attrs}><title>Example</title>'
            f'<id>urn:example:feed</id><updated>2025-03-02T08:40:00Z</updated>'
            f'<link rel="alternate" href="https://example.com/"/>{feed}{entries}</feed>\n')


def entry(body, id_="urn:example:1"):
    return f"<entry><id>{id_}</id><title>Entry</title><updated>2025-03-01T00:00:00Z</updated>{body}</entry>"


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- formats
case("format_rss20", rss(item("<title>One</title><link>https://example.com/1</link><guid>https://example.com/1</guid>")),
     {"format": "rss2.0", "title": "Example", "link": "https://example.com/", "description": "Example feed",
      "items#": 1, "items/0/title": "One", "items/0/link": "https://example.com/1", "items/0/id": "https://example.com/1",
      "items/0/key": "guid:https://example.com/1", "warnings#": 0})
for v in ["0.91", "0.92", "0.93", "0.94"]:
    case(f"format_rss{v.replace('.', '')}", rss(item("<title>Old</title><link>https://example.com/old</link>"), version=v),
         {"format": "rss0.9x", "items/0/title": "Old", "items/0/key": "url:https://example.com/old", "warnings#": 0})
case("format_rss090_rdf",
     '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
     'xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Mozilla Dot Org</title>'
     '<link>http://www.mozilla.org</link><description>the Mozilla Organization web site</description></channel>'
     '<image><title>Mozilla</title><url>http://www.mozilla.org/images/moz.gif</url><link>http://www.mozilla.org</link></image>'
     '<item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>'
     '<item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item></rdf:RDF>\n',
     {"format": "rss0.9x", "title": "Mozilla Dot Org", "link": "http://www.mozilla.org/", "image": "http://www.mozilla.org/images/moz.gif",
      "items#": 2, "items/1/title": "Bugzilla Reorganized", "items/1/link": "http://www.mozilla.org/bugs/"})
case("format_rss10_rdf",
     '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
     'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
     '<channel rdf:about="https://example.org/rss"><title>RDF Site</title><link>https://example.org/</link>'
     '<description>An RSS 1.0 feed</description><dc:language>uk</dc:language>'
     '<items><rdf:Seq><rdf:li rdf:resource="https://example.org/a"/></rdf:Seq></items></channel>'
     '<item rdf:about="https://example.org/a"><title>A story</title><link>https://example.org/a</link>'
     '<description>Text &amp; more</description><dc:creator>Olena</dc:creator><dc:date>2025-03-02T10:40:00+02:00</dc:date>'
     '<dc:subject>Politics</dc:subject></item></rdf:RDF>\n',
     {"format": "rss1.0", "title": "RDF Site", "language": "uk", "items/0/id": "https://example.org/a",
      "items/0/title": "A story", "items/0/published": "2025-03-02T08:40:00Z", "items/0/authors/0/name": "Olena",
      "items/0/categories": ["Politics"], "items/0/summary~": "Text &amp; more", "items/0/key": "guid:https://example.org/a"})
case("format_atom10", atom(entry('<link href="https://example.com/e1"/><summary>Short</summary>'
                                 '<published>2025-03-02T08:40:00Z</published><author><name>Ann</name><email>ann@example.com</email></author>')),
     {"format": "atom1.0", "title": "Example", "link": "https://example.com/", "updated": "2025-03-02T08:40:00Z",
      "items/0/id": "urn:example:1", "items/0/link": "https://example.com/e1", "items/0/summary": "Short",
      "items/0/published": "2025-03-02T08:40:00Z", "items/0/updated": "2025-03-01T00:00:00Z",
      "items/0/authors": [{"name": "Ann", "email": "ann@example.com", "uri": None}], "warnings#": 0})
case("format_atom03",
     '<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">'
     '<title mode="escaped">Old &amp;lt;b&amp;gt;Atom&amp;lt;/b&amp;gt;</title><tagline>Tag line</tagline>'
     '<link rel="alternate" type="text/html" href="https://old.example.com/"/><modified>2004-01-01T12:00:00Z</modified>'
     '<author><name>Mark</name></author>'
     '<entry><title>First</title><link rel="alternate" type="text/html" href="https://old.example.com/1"/>'
     '<id>tag:old.example.com,2004:1</id><issued>2004-01-01T10:00:00Z</issued><modified>2004-01-01T11:00:00Z</modified>'
     '<content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>\n',
     {"format": "atom0.3", "description": "Tag line", "link": "https://old.example.com/", "language": "en",
      "updated": "2004-01-01T12:00:00Z", "items/0/published": "2004-01-01T10:00:00Z", "items/0/updated": "2004-01-01T11:00:00Z",
      "items/0/content": "<p>Hello</p>", "items/0/authors/0/name": "Mark", "authors/0/name": "Mark"})
case("format_json10", json.dumps({"version": "https://jsonfeed.org/version/1", "title": "JSON One",
                                  "home_page_url": "https://j.example.com/", "feed_url": "https://j.example.com/feed.json",
                                  "author": {"name": "Jay", "url": "https://j.example.com/jay"},
                                  "items": [{"id": "1", "url": "https://j.example.com/1", "title": "Hi", "content_html": "<p>Hi</p>",
                                             "date_published": "2025-03-02T08:40:00Z"}]}),
     {"format": "json1.0", "title": "JSON One", "feed_url": "https://j.example.com/feed.json",
      "authors": [{"name": "Jay", "email": None, "uri": "https://j.example.com/jay"}], "items/0/content": "<p>Hi</p>",
      "items/0/published": "2025-03-02T08:40:00Z", "items/0/key": "url:https://j.example.com/1",
      "items/0/authors#": 0}, ext="json")
case("format_json11", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON 1.1", "language": "de",
                                  "authors": [{"name": "Karin"}],
                                  "items": [{"id": "post-1", "url": "https://j.example.com/post-1", "content_text": "Plain <text> & more",
                                             "summary": "Sum", "tags": [" a ", "b", "A"], "authors": [{"name": "Uwe"}],
                                             "date_modified": "2025-03-03T00:00:00+01:00"}]}),
     {"format": "json1.1", "language": "de", "authors/0/name": "Karin", "items/0/content": "Plain &lt;text&gt; &amp; more",
      "items/0/summary": "Sum", "items/0/categories": ["a", "b"], "items/0/authors/0/name": "Uwe",
      "items/0/updated": "2025-03-02T23:00:00Z", "items/0/key": "guid:post-1", "items/0/title": None}, ext="json")
case("format_channel_root", '<channel><title>Bare</title><link>https://bare.example.com/</link>'
     '<item><title>x</title><link>https://bare.example.com/x</link></item></channel>\n',
     {"format": "rss2.0", "title": "Bare", "items#": 1, "notes~": "without an enclosing <rss>"})
case("format_rss_no_version", '<rss><channel><title>NoVer</title><item><title>t</title></item></channel></rss>',
     {"format": "rss2.0", "notes~": "without a version", "items/0/title": "t"})
case("format_rss_uppercase_tags", '<RSS version="2.0"><CHANNEL><TITLE>Upper</TITLE><LINK>https://up.example.com/</LINK>'
     '<ITEM><TITLE>Loud</TITLE><LINK>/loud</LINK><PUBDATE>Sun, 02 Mar 2025 08:40:00 GMT</PUBDATE></ITEM></CHANNEL></RSS>',
     {"format": "rss2.0", "title": "Upper", "items/0/title": "Loud", "items/0/link": "https://up.example.com/loud",
      "items/0/published": "2025-03-02T08:40:00Z"})
case("format_rss_mixed_case_end_tags", '<rss version="2.0"><channel><Title>Mixed</title><item><Title>It</TITLE>'
     '<link>https://m.example.com/it</link></item></channel></rss>',
     {"title": "Mixed", "items/0/title": "It", "warnings~": "ill-formed XML", "warnings~ 2": "2 end tags matched ignoring case"})
case("format_json_no_version", json.dumps({"title": "No version", "items": [{"id": "a", "title": "A"}]}),
     {"format": "json1.0", "notes~": "without a version", "items/0/title": "A"}, ext="json")
case("format_json_unix_dates", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "s", "date_published": 1740904800}, {"id": "ms", "date_published": 1740904800000}]}),
     {"items/0/published": "2025-03-02T08:40:00Z", "items/1/published": "2025-03-02T08:40:00Z"}, ext="json")
case("format_atom_without_namespace", '<feed><title>NoNS</title><entry><id>x1</id><title>T</title>'
     '<link href="https://n.example.com/x1"/></entry></feed>',
     {"format": "atom1.0", "notes~": "no Atom namespace", "items/0/link": "https://n.example.com/x1"})

# ---------------------------------------------------------------- not feeds
case("notfeed_html", "<!DOCTYPE html>\n<html><head><title>Hi</title></head><body><p>Not a feed</p></body></html>\n",
     {"error": "not_a_feed"}, ext="html")
case("notfeed_empty", "", {"error": "empty"}, ext="xml")
case("notfeed_whitespace", "  \n\t  \n", {"error": "empty"}, ext="xml")
case("notfeed_binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", {"error": "not_a_feed"}, ext="bin", encoding="latin-1")
case("notfeed_json_array", "[1, 2, 3]", {"error": "not_a_feed"}, ext="json")
case("notfeed_json_object", json.dumps({"name": "package", "version": "1.0.0"}), {"error": "not_a_feed"}, ext="json")
case("notfeed_other_xml", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', {"error": "not_a_feed"})
case("notfeed_plain_text", "Hello, this is just text.\n", {"error": "not_a_feed"}, ext="txt")
case("notfeed_html_mentioning_rss", "<html><body><pre>&lt;rss&gt; example: <rss version='2.0'></pre></body></html>",
     {"error": "not_a_feed"}, ext="html")
case("notfeed_invalid_json", '{"version": "https://jsonfeed.org/version/1.1", "items": [', {"error": "not_a_feed"}, ext="json")

# ---------------------------------------------------------------- dates
DATES = [
    ("rfc822", "Sun, 02 Mar 2025 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("no_weekday", "02 Mar 2025 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("wrong_weekday", "Mon, 02 Mar 2025 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("two_digit_year", "Sun, 02 Mar 25 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("single_digit_day", "Sun, 2 Mar 2025 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("no_seconds", "Sun, 02 Mar 2025 08:40 GMT", "2025-03-02T08:40:00Z"),
    ("offset", "Sun, 02 Mar 2025 11:40:00 +0300", "2025-03-02T08:40:00Z"),
    ("offset_colon", "Sun, 02 Mar 2025 11:40:00 +03:00", "2025-03-02T08:40:00Z"),
    ("gmt_plus", "Sun, 02 Mar 2025 11:40:00 GMT+3", "2025-03-02T08:40:00Z"),
    ("ut", "Sun, 02 Mar 2025 08:40:00 UT", "2025-03-02T08:40:00Z"),
    ("est", "Sun, 02 Mar 2025 03:40:00 EST", "2025-03-02T08:40:00Z"),
    ("edt", "Sun, 02 Mar 2025 04:40:00 EDT", "2025-03-02T08:40:00Z"),
    ("cst", "Sun, 02 Mar 2025 02:40:00 CST", "2025-03-02T08:40:00Z"),
    ("pdt", "Sun, 02 Mar 2025 01:40:00 PDT", "2025-03-02T08:40:00Z"),
    ("military_z", "Sun, 02 Mar 2025 08:40:00 Z", "2025-03-02T08:40:00Z"),
    ("trailing_junk", "Sun, 02 Mar 2025 08:40:00 +0000 (UTC)", "2025-03-02T08:40:00Z"),
    ("lowercase_month", "Sun, 02 mar 2025 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("full_month", "Sunday, 02 March 2025 08:40:00 GMT", "2025-03-02T08:40:00Z"),
    ("iso_in_pubdate", "2025-03-02T08:40:00Z", "2025-03-02T08:40:00Z"),
    ("iso_fraction", "2025-03-02T08:40:00.123456Z", "2025-03-02T08:40:00Z"),
    ("iso_offset", "2025-03-02T10:40:00+02:00", "2025-03-02T08:40:00Z"),
    ("iso_no_zone", "2025-03-02T08:40:00", "2025-03-02T08:40:00Z"),
    ("iso_date_only", "2025-03-02", "2025-03-02T00:00:00Z"),
    ("iso_space", "2025-03-02 08:40:00", "2025-03-02T08:40:00Z"),
]
for name, text, want in DATES:
    case(f"date_{name}", rss(item(f"<title>d</title><guid>d-{name}</guid><pubDate>{text}</pubDate>")),
         {"items/0/published": want, "warnings#": 0})
case("date_unparseable", rss(item("<title>d</title><guid>bad</guid><pubDate>yesterday-ish</pubDate>")),
     {"items/0/published": None, "warnings~": "unparseable date 'yesterday-ish'", "items#": 1})
case("date_empty", rss(item("<title>d</title><guid>e</guid><pubDate>  </pubDate>")),
     {"items/0/published": None, "warnings#": 0})
case("date_future", rss(item("<title>d</title><guid>f</guid><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate>")),
     {"items/0/published": "2100-01-01T00:00:00Z", "warnings~": "more than 24 h in the future"})
case("date_near_future_ok", rss(item("<title>d</title><guid>nf</guid><pubDate>Sun, 01 Jun 2025 12:00:00 GMT</pubDate>")),
     {"items/0/published": "2025-06-01T12:00:00Z", "warnings#": 0})
case("date_dc_date", rss(item("<title>d</title><guid>dc</guid><dc:date>2025-03-02T08:40:00Z</dc:date>"), ns=["dc"]),
     {"items/0/published": "2025-03-02T08:40:00Z"})
case("date_pubdate_wins_over_dc", rss(item("<title>d</title><guid>w</guid><pubDate>Sun, 02 Mar 2025 08:40:00 GMT</pubDate>"
                                           "<dc:date>2020-01-01T00:00:00Z</dc:date>"), ns=["dc"]),
     {"items/0/published": "2025-03-02T08:40:00Z"})
case("date_atom_updated_in_rss", rss(item("<title>d</title><guid>u</guid><atom:updated>2025-03-03T00:00:00Z</atom:updated>"), ns=["atom"]),
     {"items/0/updated": "2025-03-03T00:00:00Z", "items/0/published": None})
case("date_dcterms_modified", rss(item("<title>d</title><guid>m</guid><dcterms:modified>2025-03-03T00:00:00Z</dcterms:modified>"), ns=["dcterms"]),
     {"items/0/updated": "2025-03-03T00:00:00Z"})
case("date_feed_lastbuilddate", rss("", channel="<pubDate>Sat, 01 Mar 2025 00:00:00 GMT</pubDate><lastBuildDate>Sun, 02 Mar 2025 08:40:00 GMT</lastBuildDate>"),
     {"updated": "2025-03-02T08:40:00Z"})
case("date_feed_bad", rss("", channel="<lastBuildDate>not a date</lastBuildDate>"),
     {"updated": None, "warnings~": "feed <lastBuildDate>: unparseable date"})
case("date_atom_bad", atom(entry("<published>31/02/2025</published>")),
     {"items/0/published": None, "warnings~": "entry 1 <published>: unparseable date"})
case("date_json_bad", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "x", "date_published": "soon"}]}),
     {"items/0/published": None, "warnings~": "unparseable date 'soon'"}, ext="json")

# ---------------------------------------------------------------- authors
AUTHORS = [
    ("email_name", "jane@example.com (Jane Doe)", {"name": "Jane Doe", "email": "jane@example.com", "uri": None}),
    ("name_angle_email", "Jane Doe &lt;jane@example.com&gt;", {"name": "Jane Doe", "email": "jane@example.com", "uri": None}),
    ("email_only", "jane@example.com", {"name": None, "email": "jane@example.com", "uri": None}),
    ("name_only", "Jane Doe", {"name": "Jane Doe", "email": None, "uri": None}),
    ("mailto", "mailto:jane@example.com (Jane Doe)", {"name": "Jane Doe", "email": "jane@example.com", "uri": None}),
    ("entities", "Ren&amp;eacute;e M&#252;ller", {"name": "Renée Müller", "email": None, "uri": None}),
    ("spaces", "   Jane    Doe  ", {"name": "Jane Doe", "email": None, "uri": None}),
]
for name, text, want in AUTHORS:
    case(f"author_rss_{name}", rss(item(f"<title>a</title><guid>a-{name}</guid><author>{text}</author>")),
         {"items/0/authors": [want]})
case("author_dc_creator_multiple", rss(item("<title>a</title><guid>dcm</guid><dc:creator>One</dc:creator><dc:creator>Two</dc:creator>"), ns=["dc"]),
     {"items/0/authors#": 2, "items/0/authors/1/name": "Two"})
case("author_dedup_dc_and_itunes", rss(item("<title>a</title><guid>dd</guid><dc:creator>Same</dc:creator><itunes:author>Same</itunes:author>"), ns=["dc", "itunes"]),
     {"items/0/authors#": 1, "items/0/authors/0/name": "Same"})
case("author_feed_managing_editor", rss("", channel="<managingEditor>ed@example.com (The Editor)</managingEditor>"),
     {"authors": [{"name": "The Editor", "email": "ed@example.com", "uri": None}]})
case("author_atom_uri_relative", atom(entry("<author><name>A</name><uri>/people/a</uri></author>"), extra_attrs=' xml:base="https://base.example.com/"'),
     {"items/0/authors/0/uri": "https://base.example.com/people/a"})
case("author_atom_inherits_feed", atom(entry(""), feed="<author><name>Feed Author</name></author>"),
     {"items/0/authors/0/name": "Feed Author", "authors/0/name": "Feed Author"})
case("author_atom_source", atom(entry("<source><id>s</id><title>Src</title><author><name>Source Author</name></author></source>"),
                                feed="<author><name>Feed Author</name></author>"),
     {"items/0/authors/0/name": "Source Author"})
case("author_atom_bare_text", atom(entry("<author>Just A Name</author>")), {"items/0/authors/0/name": "Just A Name"})
case("author_json_mailto", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "m", "authors": [{"name": "Mail", "url": "mailto:mail@example.com"}]}]}),
     {"items/0/authors": [{"name": "Mail", "email": "mail@example.com", "uri": None}]}, ext="json")

# ---------------------------------------------------------------- categories
case("categories_trim_dedupe", rss(item("<title>c</title><guid>c</guid><category>  News </category><category>news</category>"
                                        "<category>Sport</category><category></category><category>News</category>")),
     {"items/0/categories": ["News", "Sport"]})
case("categories_dc_subject", rss(item("<title>c</title><guid>s</guid><category>A</category><dc:subject>B</dc:subject><dc:subject>A</dc:subject>"), ns=["dc"]),
     {"items/0/categories": ["A", "B"]})
case("categories_entities_cdata", rss(item("<title>c</title><guid>e</guid><category><![CDATA[Arts &amp; Culture]]></category>"
                                           "<category>Arts &amp;amp; Culture</category>")),
     {"items/0/categories": ["Arts & Culture"]})
case("categories_atom_term_label", atom(entry('<category term="tech" label="Technology"/><category term="" label="Only label"/><category term="tech"/>')),
     {"items/0/categories": ["tech", "Only label"]})
case("categories_rss_domain", rss(item('<title>c</title><guid>d</guid><category domain="https://example.com/tags">Tagged</category>')),
     {"items/0/categories": ["Tagged"]})

# ---------------------------------------------------------------- titles / plain text
TITLES = [
    ("entity_named", "Caf&amp;eacute; &amp;mdash; news", "Café — news"),
    ("double_escaped", "Tom &amp;amp; Jerry", "Tom & Jerry"),
    ("numeric", "&#8220;Quoted&#8221; &#x2014; dash", "“Quoted” — dash"),
    ("cdata_html", "<![CDATA[<b>Bold</b> title]]>", "Bold title"),
    ("escaped_html", "&lt;i&gt;Italic&lt;/i&gt; title", "Italic title"),
    ("whitespace", "\n   Spread\n\t over   lines  \n", "Spread over lines"),
    ("nbsp", "Non&amp;nbsp;breaking", "Non breaking"),
    ("cyrillic", "Київ — новини", "Київ — новини"),
]
for name, text, want in TITLES:
    case(f"title_{name}", rss(item(f"<title>{text}</title><guid>t-{name}</guid>")), {"items/0/title": want})
case("title_atom_text_keeps_angle", atom(entry("", id_="urn:t").replace("<title>Entry</title>", '<title type="text">a &lt;b&gt; c</title>')),
     {"items/0/title": "a <b> c"})
case("title_atom_html", atom(entry("", id_="urn:h").replace("<title>Entry</title>", '<title type="html">a &lt;b&gt;bold&lt;/b&gt; &amp;amp; c</title>')),
     {"items/0/title": "a bold & c"})
case("title_atom_xhtml", atom(entry("", id_="urn:x").replace("<title>Entry</title>",
                                                           '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X<em>H</em>TML &amp; more</div></title>')),
     {"items/0/title": "XHTML & more"})
case("title_media_fallback", rss(item("<guid>mt</guid><media:title>Media title</media:title>"), ns=["media"]),
     {"items/0/title": "Media title"})
case("title_missing", rss(item("<guid>nt</guid><description>Only a description</description>")),
     {"items/0/title": None, "items/0/summary": "Only a description"})
case("feed_title_html", rss("").replace("<title>Example</title>", "<title>Ex &lt;b&gt;ample&lt;/b&gt; &amp;amp; Co</title>"),
     {"title": "Ex ample & Co"})

# ---------------------------------------------------------------- HTML fields
case("html_description_escaped", rss(item("<title>h</title><guid>h1</guid><description>&lt;p&gt;Para &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description>")),
     {"items/0/summary": "<p>Para <b>bold</b></p>"})
case("html_description_cdata", rss(item("<title>h</title><guid>h2</guid><description><![CDATA[<p>In <i>CDATA</i></p>]]></description>")),
     {"items/0/summary": "<p>In <i>CDATA</i></p>"})
case("html_description_raw_elements", rss(item("<title>h</title><guid>h3</guid><description><p>Raw <a href=\"/x\">link</a></p></description>")),
     {"items/0/summary~": "https://example.com/x", "items/0/summary~ 2": "Raw"})
case("html_script_removed", rss(item("<title>h</title><guid>h4</guid><description><![CDATA[<p>ok</p><script>alert(1)</script><iframe src='https://evil'></iframe>]]></description>")),
     {"items/0/summary": "<p>ok</p>"})
case("html_event_handler_removed", rss(item("<title>h</title><guid>h5</guid><description><![CDATA[<p onclick=\"x()\" style=\"color:red\">ok</p>]]></description>")),
     {"items/0/summary": "<p>ok</p>"})
case("html_javascript_url_removed", rss(item("<title>h</title><guid>h6</guid><description><![CDATA[<a href=\"javascript:alert(1)\">x</a>]]></description>")),
     {"items/0/summary~": ">x</a>", "items/0/summary": "<a rel=\"noopener noreferrer\">x</a>"})
case("html_links_noopener", rss(item("<title>h</title><guid>h7</guid><description><![CDATA[<a href=\"https://o.example.com/\" target=\"_blank\">o</a>]]></description>")),
     {"items/0/summary~": 'rel="noopener noreferrer"'})
case("html_relative_urls_absolute", rss(item("<title>h</title><guid>h8</guid><link>https://example.com/posts/8</link>"
                                             "<content:encoded><![CDATA[<p><img src=\"/img/a.png\" alt=\"a\"> <a href=\"more\">more</a></p>]]></content:encoded>"), ns=["content"]),
     {"items/0/content~": "https://example.com/img/a.png"})
case("html_content_encoded", rss(item("<title>h</title><guid>h9</guid><description>Short</description>"
                                      "<content:encoded><![CDATA[<p>Long <strong>body</strong></p>]]></content:encoded>"), ns=["content"]),
     {"items/0/summary": "Short", "items/0/content": "<p>Long <strong>body</strong></p>"})
case("html_html_in_cdata_nested_wrongly", rss(item("<title>h</title><guid>h10</guid><description><![CDATA[<p>one <![CDATA[inner]]> two</p>]]></description>")),
     {"items#": 1, "items/0/summary~": "one"})
case("html_atom_content_text", atom(entry('<content type="text">1 &lt; 2 &amp; 3</content>')),
     {"items/0/content": "1 &lt; 2 &amp; 3"})
case("html_atom_content_html", atom(entry('<content type="html">&lt;p&gt;para&lt;/p&gt;</content>')),
     {"items/0/content": "<p>para</p>"})
case("html_atom_content_xhtml", atom(entry('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x &lt; y</p><p><a href="/rel">r</a></p></div></content>'),
                                     extra_attrs=' xml:base="https://xb.example.com/dir/"'),
     {"items/0/content~": "<p>x &lt; y</p>", "items/0/content~ 2": "https://xb.example.com/rel"})
case("html_atom_xhtml_prefixed", atom(entry('<content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>pref</xhtml:p></xhtml:div></content>')),
     {"items/0/content": "<p>pref</p>"})
case("html_atom_summary_html", atom(entry('<summary type="html">&lt;em&gt;s&lt;/em&gt;</summary>')), {"items/0/summary": "<em>s</em>"})
case("html_atom_content_base64", atom(entry('<content type="text/html" mode="base64">PHA+YmFzZTY0PC9wPg==</content>')),
     {"items/0/content": "<p>base64</p>"})
case("html_atom_content_src", atom(entry('<content src="https://example.com/out-of-line" type="text/html"/>').replace('<entry><id>', '<entry><id>')),
     {"items/0/content": None})
case("html_atom_content_other_type", atom(entry('<content type="image/png">iVBORw0KGgo=</content>')),
     {"items/0/content": None, "warnings~": "content of type 'image/png' ignored"})
case("html_media_description", rss(item("<title>h</title><guid>md</guid><media:description>Media words</media:description>"), ns=["media"]),
     {"items/0/summary": "Media words"})
case("html_itunes_summary", rss(item("<title>h</title><guid>is</guid><itunes:summary>Episode &lt;notes&gt;</itunes:summary>"), ns=["itunes"]),
     {"items/0/summary": "Episode &lt;notes&gt;"})
case("html_json_content_html_sanitised", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "s", "url": "https://j.example.com/s", "content_html": "<p>ok<script>bad()</script></p><img src='i.png'>"}]}),
     {"items/0/content~": "https://j.example.com/i.png"}, ext="json")

# ---------------------------------------------------------------- links, xml:base, guid
case("link_relative_feed_link", rss(item("<title>l</title><link>/a/b</link>"), link="https://site.example.com/blog/"),
     {"items/0/link": "https://site.example.com/a/b"})
case("link_relative_document_url", rss(item("<title>l</title><link>p/1</link>"), link=None),
     {"items/0/link": "https://docs.example.com/feeds/p/1"}, options={"document_url": "https://docs.example.com/feeds/rss.xml"})
case("link_relative_feed_link_relative", rss(item("<title>l</title><link>p/2</link>"), link="/site/"),
     {"link": "https://docs.example.com/site/", "items/0/link": "https://docs.example.com/site/p/2"},
     options={"document_url": "https://docs.example.com/feeds/rss.xml"})
case("link_relative_unresolvable", rss(item("<title>l</title><link>p/3</link>"), link=None),
     {"items/0/link": "p/3", "items/0/canonical_url": None})
case("link_guid_permalink", rss(item("<title>l</title><guid>https://example.com/perma</guid>")),
     {"items/0/link": "https://example.com/perma", "items/0/id": "https://example.com/perma"})
case("link_guid_permalink_false", rss(item('<title>l</title><guid isPermaLink="false">https://example.com/notlink</guid>')),
     {"items/0/link": None, "items/0/id": "https://example.com/notlink"})
case("link_guid_not_url", rss(item("<title>l</title><guid>abc-123</guid>")), {"items/0/link": None})
case("link_atom_link_in_rss", rss(item('<title>l</title><guid>al</guid><atom:link rel="alternate" href="https://example.com/via-atom"/>'), ns=["atom"]),
     {"items/0/link": "https://example.com/via-atom"})
case("link_atom_prefers_html_alternate", atom(entry('<link rel="alternate" type="application/pdf" href="/x.pdf"/><link rel="alternate" type="text/html" href="/x.html"/>')),
     {"items/0/link": "https://example.com/x.html"})
case("xmlbase_feed", atom(entry('<link href="e1"/>'), extra_attrs=' xml:base="https://b.example.com/root/"'),
     {"items/0/link": "https://b.example.com/root/e1"})
case("xmlbase_nested", atom('<entry xml:base="sub/"><id>n</id><title>n</title><link href="e2"/></entry>', extra_attrs=' xml:base="https://b.example.com/root/"'),
     {"items/0/link": "https://b.example.com/root/sub/e2"})
case("xmlbase_on_link", atom('<entry><id>n2</id><title>n</title><link xml:base="https://other.example.com/x/" href="y"/></entry>'),
     {"items/0/link": "https://other.example.com/x/y"})
case("xmlbase_absolute_overrides", atom('<entry xml:base="https://c.example.com/"><id>n3</id><title>n</title><link href="z"/></entry>',
                                        extra_attrs=' xml:base="https://b.example.com/root/"'),
     {"items/0/link": "https://c.example.com/z"})
case("xmlbase_in_rss", rss('<item xml:base="https://rb.example.com/dir/"><title>r</title><link>x</link></item>'),
     {"items/0/link": "https://rb.example.com/dir/x"})
case("xmllang_atom", atom(entry("").replace("<entry>", '<entry xml:lang="fr">'), extra_attrs=' xml:lang="en"'),
     {"language": "en"})
case("xmllang_rss_fallback", rss("", channel="").replace("<rss ", '<rss xml:lang="pl" '), {"language": "pl"})
case("feed_self_hub_next", rss("", channel='<atom:link rel="self" href="https://example.com/feed"/><atom:link rel="hub" href="https://hub.example.com/"/>'
                                        '<atom:link rel="next" href="https://example.com/feed?page=2"/>', ns=["atom"]),
     {"feed_url": "https://example.com/feed"})
case("feed_atom_self", atom("", feed='<link rel="self" href="https://example.com/atom.xml"/>'), {"feed_url": "https://example.com/atom.xml"})
case("feed_link_from_atom_link", rss("", channel='<atom:link rel="alternate" href="https://alt.example.com/"/>', ns=["atom"], link=None),
     {"link": "https://alt.example.com/"})

# ---------------------------------------------------------------- images
case("image_media_content", rss(item('<title>i</title><guid>i1</guid><media:content url="https://img.example.com/a.jpg" medium="image"/>'), ns=["media"]),
     {"items/0/image": "https://img.example.com/a.jpg", "items/0/enclosures#": 0})
case("image_media_content_type", rss(item('<title>i</title><guid>i2</guid><media:content url="https://img.example.com/b.png" type="image/png"/>'), ns=["media"]),
     {"items/0/image": "https://img.example.com/b.png"})
case("image_media_thumbnail", rss(item('<title>i</title><guid>i3</guid><media:thumbnail url="https://img.example.com/t.jpg"/>'), ns=["media"]),
     {"items/0/image": "https://img.example.com/t.jpg"})
case("image_media_group", rss(item('<title>i</title><guid>i4</guid><media:group><media:content url="https://v.example.com/v.mp4" type="video/mp4" fileSize="1000"/>'
                                   '<media:thumbnail url="https://img.example.com/g.jpg"/></media:group>'), ns=["media"]),
     {"items/0/image": "https://img.example.com/g.jpg", "items/0/enclosures": [{"url": "https://v.example.com/v.mp4", "type": "video/mp4", "length": 1000}]})
case("image_media_content_beats_thumbnail", rss(item('<title>i</title><guid>i5</guid><media:thumbnail url="https://img.example.com/t.jpg"/>'
                                                     '<media:content url="https://img.example.com/big.jpg" medium="image"/>'), ns=["media"]),
     {"items/0/image": "https://img.example.com/big.jpg"})
case("image_itunes", rss(item('<title>i</title><guid>i6</guid><itunes:image href="https://img.example.com/ep.jpg"/>'), ns=["itunes"]),
     {"items/0/image": "https://img.example.com/ep.jpg"})
case("image_enclosure", rss(item('<title>i</title><guid>i7</guid><enclosure url="https://img.example.com/e.jpg" type="image/jpeg" length="1234"/>')),
     {"items/0/image": "https://img.example.com/e.jpg", "items/0/enclosures#": 1})
case("image_relative_media", rss(item('<title>i</title><guid>i8</guid><media:thumbnail url="/thumb.jpg"/>'), ns=["media"]),
     {"items/0/image": "https://example.com/thumb.jpg"})
case("image_feed_rss", rss("", channel="<image><url>https://example.com/logo.png</url><title>Example</title><link>https://example.com/</link></image>"),
     {"image": "https://example.com/logo.png"})
case("image_feed_itunes", rss("", channel='<itunes:image href="https://example.com/show.jpg"/>', ns=["itunes"]),
     {"image": "https://example.com/show.jpg"})
case("image_feed_atom_logo_over_icon", atom("", feed="<icon>/favicon.ico</icon><logo>/logo.svg</logo>"),
     {"image": "https://example.com/logo.svg"})
case("image_feed_atom_icon", atom("", feed="<icon>/favicon.ico</icon>"), {"image": "https://example.com/favicon.ico"})
case("image_json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "home_page_url": "https://j.example.com/", "icon": "/icon.png",
                               "items": [{"id": "i", "image": "/i.png"}, {"id": "b", "banner_image": "https://j.example.com/b.png"}]}),
     {"image": "https://j.example.com/icon.png", "items/0/image": "https://j.example.com/i.png", "items/1/image": "https://j.example.com/b.png"}, ext="json")

# ---------------------------------------------------------------- enclosures
case("enclosure_podcast", rss(item('<title>e</title><guid>p1</guid><enclosure url="https://cdn.example.com/ep1.mp3" length="12345678" type="audio/mpeg"/>')),
     {"items/0/enclosures": [{"url": "https://cdn.example.com/ep1.mp3", "type": "audio/mpeg", "length": 12345678}], "items/0/image": None})
case("enclosure_bad_length", rss(item('<title>e</title><guid>p2</guid><enclosure url="https://cdn.example.com/ep2.mp3" length="unknown" type="audio/mpeg"/>')),
     {"items/0/enclosures/0/length": None, "warnings~": "is not a number"})
case("enclosure_no_url", rss(item('<title>e</title><guid>p3</guid><enclosure type="audio/mpeg"/>')),
     {"items/0/enclosures#": 0, "warnings~": "<enclosure>: no url"})
case("enclosure_atom", atom(entry('<link rel="enclosure" href="https://cdn.example.com/a.ogg" type="audio/ogg" length="99"/>')),
     {"items/0/enclosures": [{"url": "https://cdn.example.com/a.ogg", "type": "audio/ogg", "length": 99}]})
case("enclosure_json_attachments", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "a", "attachments": [{"url": "https://cdn.example.com/j.m4a", "mime_type": "audio/x-m4a", "size_in_bytes": 555}, {"mime_type": "x/y"}]}]}),
     {"items/0/enclosures": [{"url": "https://cdn.example.com/j.m4a", "type": "audio/x-m4a", "length": 555}], "warnings~": "attachment without url"}, ext="json")
case("enclosure_dedupe", rss(item('<title>e</title><guid>p4</guid><enclosure url="https://cdn.example.com/x.mp3" type="audio/mpeg"/>'
                                  '<media:content url="https://cdn.example.com/x.mp3" type="audio/mpeg"/>'), ns=["media"]),
     {"items/0/enclosures#": 1})

# ---------------------------------------------------------------- comments
case("comments_rss", rss(item("<title>c</title><guid>c1</guid><comments>/c1#comments</comments>")),
     {"items/0/comments": "https://example.com/c1#comments"})
case("comments_atom_replies", atom(entry('<link rel="replies" type="text/html" href="https://example.com/e#c"/>')),
     {"items/0/comments": "https://example.com/e#c"})
case("comments_slash_wfw", rss(item("<title>c</title><guid>c2</guid><slash:comments>12</slash:comments><wfw:commentRss>https://example.com/c2/feed</wfw:commentRss>"), ns=["slash", "wfw"]),
     {"items/0/comments": None, "items#": 1})

# ---------------------------------------------------------------- scheduler fields
case("ttl", rss("", channel="<ttl>45</ttl>"), {"ttl": 45})
case("ttl_bad", rss("", channel="<ttl>often</ttl>"), {"ttl": None, "warnings~": "<ttl>: not a number of minutes"})
case("sy_update", rss("", channel="<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>", ns=["sy"]),
     {"ttl": None, "warnings#": 0})
case("sy_bad_period", rss("", channel="<sy:updatePeriod>fortnightly</sy:updatePeriod>", ns=["sy"]),
     {"warnings~": "unknown period 'fortnightly'"})
case("skip_hours_days", rss("", channel="<skipHours><hour>0</hour><hour>24</hour><hour>7</hour></skipHours>"
                                      "<skipDays><day>Saturday</day><day>sunday</day></skipDays>"),
     {"warnings#": 0})
case("skip_bad_values", rss("", channel="<skipHours><hour>25</hour></skipHours><skipDays><day>Funday</day></skipDays>"),
     {"warnings~": "not an hour '25'"})

# ---------------------------------------------------------------- feed-level fields
case("feed_language_generator", rss("", channel="<language>en-us</language><generator>WordPress 6.5</generator><copyright>(c) Ex</copyright>"),
     {"language": "en-us"})
case("feed_description_html", rss("").replace("<description>Example feed</description>", "<description>&lt;p&gt;About &amp;amp; more&lt;/p&gt;</description>"),
     {"description": "About & more"})
case("feed_atom_subtitle_html", atom("", feed='<subtitle type="html">&lt;b&gt;Sub&lt;/b&gt;</subtitle>'), {"description": "Sub"})
case("feed_dc_language_rights", rss("", channel="<dc:language>uk</dc:language><dc:rights>CC</dc:rights>", ns=["dc"]), {"language": "uk"})
case("feed_no_items", rss(""), {"items#": 0, "warnings#": 0})
case("feed_itunes_author", rss("", channel="<itunes:author>Pod Host</itunes:author><itunes:explicit>no</itunes:explicit>", ns=["itunes"]),
     {"authors/0/name": "Pod Host"})
case("feed_json_hubs_next", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "next_url": "https://j.example.com/p2",
                                        "hubs": [{"type": "WebSub", "url": "https://hub.example.com/"}], "items": []}),
     {"items#": 0, "title": "J"}, ext="json")
case("feed_json_no_items", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Empty"}),
     {"items#": 0, "warnings~": "without an items array"}, ext="json")
case("feed_json_items_not_objects", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [1, {"id": "ok"}]}),
     {"items#": 1, "warnings~": "item 1: not an object"}, ext="json")
case("feed_json_numeric_id", json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": 42, "url": "https://j.example.com/42"}]}),
     {"items/0/id": "42", "items/0/key": "url:https://j.example.com/42"}, ext="json")
case("feed_json_comments_trailing_commas", '{"version": "https://jsonfeed.org/version/1.1", // comment\n "items": [{"id": "x",},],}',
     {"items#": 1}, ext="json")
case("feed_json_bom", "\ufeff" + json.dumps({"version": "https://jsonfeed.org/version/1", "items": [{"id": "bom"}]}),
     {"format": "json1.0", "items/0/id": "bom"}, ext="json")

# ---------------------------------------------------------------- item keys, canonical URLs, hashes
case("key_guid", rss(item("<title>k</title><guid>tag:example.com,2025:1</guid><link>https://example.com/k</link>")),
     {"items/0/key": "guid:tag:example.com,2025:1", "items/0/canonical_url": "https://example.com/k"})
case("key_duplicate_guid_uses_link", rss(item("<title>a</title><guid>same</guid><link>https://example.com/a</link>") +
                                         item("<title>b</title><guid>same</guid><link>https://example.com/b</link>")),
     {"items/0/key": "url:https://example.com/a", "items/1/key": "url:https://example.com/b", "warnings~": "shared by several items"})
case("key_numeric_guid_uses_link", rss(item("<title>a</title><guid isPermaLink=\"false\">123</guid><link>https://example.com/n?utm_source=x</link>")),
     {"items/0/key": "url:https://example.com/n", "items/0/id": "123", "notes~": "is a bare number"})
case("key_hash_fallback", rss(item("<title>No link</title><description>Body</description><pubDate>Sun, 02 Mar 2025 08:40:00 GMT</pubDate>")),
     {"items/0/key": "hash:" + sha("No link\x1f2025-03-02T08:40:00Z\x1fBody"),
      "items/0/content_hash": sha("No link\x1fBody\x1f")})
case("key_empty_guid", rss(item("<title>e</title><guid>  </guid><link>https://example.com/e</link>")),
     {"items/0/key": "url:https://example.com/e", "items/0/id": None})
case("key_same_link_two_items", rss(item("<title>A</title><link>https://example.com/same</link>") +
                                    item("<title>B</title><link>https://example.com/same#frag</link>")),
     {"items/0/key": "hash:" + sha("A\x1f\x1f"), "items/1/key": "hash:" + sha("B\x1f\x1f")})
case("content_hash_all_fields", rss(item("<title>T</title><guid>h</guid><description>S</description><content:encoded>C</content:encoded>"), ns=["content"]),
     {"items/0/content_hash": sha("T\x1fS\x1fC")})
CANON = [
    ("tracking", "https://Example.COM:443/path/?utm_source=rss&amp;id=7&amp;fbclid=abc&amp;utm_medium=x#top", "https://example.com/path/?id=7"),
    ("default_port_http", "http://example.com:80/a", "http://example.com/a"),
    ("empty_path", "https://example.com", "https://example.com/"),
    ("keep_order", "https://example.com/s?b=2&amp;a=1&amp;gclid=z&amp;c=3", "https://example.com/s?b=2&a=1&c=3"),
    ("percent", "https://example.com/%7euser/%e2%82%ac", "https://example.com/~user/%E2%82%AC"),
    ("dot_segments", "https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("idn", "https://bücher.example/buch", "https://xn--bcher-kva.example/buch"),
    ("other_trackers", "https://example.com/x?mc_cid=1&amp;mc_eid=2&amp;yclid=3&amp;igshid=4&amp;ref_src=twsrc&amp;q=ok", "https://example.com/x?q=ok"),
]
for name, url, want in CANON:
    case(f"canonical_{name}", rss(item(f"<title>u</title><guid>u-{name}</guid><link>{url}</link>")),
         {"items/0/canonical_url": want})

# ---------------------------------------------------------------- namespaces
case("ns_undeclared_media", rss(item('<title>n</title><guid>nu</guid><media:thumbnail url="https://img.example.com/u.jpg"/>')),
     {"items/0/image": "https://img.example.com/u.jpg", "warnings~": "undeclared namespace prefix 'media'"})
case("ns_undeclared_content", rss(item('<title>n</title><guid>nc</guid><content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded>')),
     {"items/0/content": "<p>c</p>", "warnings~": "undeclared namespace prefix 'content'"})
case("ns_unknown_prefix_ignored", rss(item('<title>n</title><guid>nx</guid><foo:bar>zzz</foo:bar>')),
     {"items#": 1, "warnings~": "undeclared namespace prefix 'foo'"})
case("ns_media_near_miss", rss(item('<title>n</title><guid>nm</guid><media:thumbnail url="https://img.example.com/m.jpg"/>')).replace(
    "<rss ", '<rss xmlns:media="https://search.yahoo.com/mrss" '),
     {"items/0/image": "https://img.example.com/m.jpg", "notes~": "not the standard one"})
case("ns_other_prefix_name", rss(item('<title>n</title><guid>np</guid><c:encoded>&lt;p&gt;other prefix&lt;/p&gt;</c:encoded>')).replace(
    "<rss ", '<rss xmlns:c="http://purl.org/rss/1.0/modules/content/" '),
     {"items/0/content": "<p>other prefix</p>", "warnings#": 0})
case("ns_rss_default_namespace", rss(item("<title>d</title><guid>dn</guid>")).replace("<rss ", '<rss xmlns="http://backend.userland.com/rss2" '),
     {"items/0/title": "d", "warnings#": 0})
case("ns_itunes_fields", rss(item('<title>p</title><guid>it</guid><itunes:duration>1:02:03</itunes:duration><itunes:explicit>yes</itunes:explicit>'
                                  '<itunes:author>Host</itunes:author>'), ns=["itunes"]),
     {"items/0/authors/0/name": "Host", "warnings#": 0})
case("ns_itunes_bad_duration", rss(item('<title>p</title><guid>bd</guid><itunes:duration>long</itunes:duration>'), ns=["itunes"]),
     {"warnings~": "not a duration 'long'"})

# ---------------------------------------------------------------- ill-formed input
case("bad_unescaped_ampersand", rss(item("<title>Fish & Chips</title><guid>amp</guid><link>https://example.com/?a=1&b=2</link>")),
     {"items/0/title": "Fish & Chips", "items/0/link": "https://example.com/?a=1&b=2", "warnings~": "unescaped '&'"})
case("bad_undefined_entity", rss(item("<title>Caf&eacute; &nbsp;open&hellip;</title><guid>ent</guid>")),
     {"items/0/title": "Café open…", "warnings~": "undefined entities"})
case("bad_unknown_entity", rss(item("<title>a &bogus; b</title><guid>unk</guid>")),
     {"items/0/title": "a &bogus; b", "warnings~": "undefined entities"})
case("bad_unescaped_lt", rss(item("<title>1 < 2</title><guid>lt</guid>")),
     {"items/0/title": "1 < 2", "warnings~": "unescaped '<' escaped"})
case("bad_control_chars", rss(item("<title>Bell\x07 and\x0b tab</title><guid>ctl</guid>")),
     {"items/0/title": "Bell and tab", "warnings~": "control characters removed"})
case("bad_truncated", rss(item("<title>Complete</title><guid>t1</guid>") + item("<title>Cut</title><guid>t2</guid><description>half")).split("</channel>")[0][:-len("</item>")],
     {"items#": 2, "items/0/title": "Complete", "items/1/title": "Cut", "warnings~": "truncated document"})
case("bad_truncated_in_tag", rss(item("<title>Whole</title><guid>w1</guid>")).split("</channel>")[0] + "<item><title>Par",
     {"items/0/title": "Whole", "warnings~": "ill-formed XML"})
case("bad_junk_before_root_php", '<br />\n<b>Warning</b>:  Cannot modify header information in <b>/var/www/feed.php</b> on line <b>12</b><br />\n'
     + rss(item("<title>After junk</title><guid>j</guid>")),
     {"items/0/title": "After junk", "warnings~": "junk before the root element"})
case("bad_junk_text_before_root", "garbage text\n" + rss(item("<title>t</title><guid>g</guid>"), decl=False),
     {"items/0/title": "t", "warnings~": "junk before the root element"})
case("bad_whitespace_before_decl", "\n\n   " + rss(item("<title>ws</title><guid>ws</guid>")),
     {"items/0/title": "ws"})
case("bad_unclosed_html_in_description", rss(item("<title>u</title><guid>u</guid><description><p>para<br>line</description>")),
     {"items/0/title": "u", "items/0/summary~": "para", "warnings~": "ill-formed XML"})
case("bad_stray_end_tag", rss(item("<title>s</title><guid>s</guid></span>")),
     {"items/0/title": "s", "warnings~": "end tags without a start tag dropped"})
case("bad_unquoted_attribute", rss(item("<title>q</title><guid>q</guid><enclosure url=https://cdn.example.com/q.mp3 type=audio/mpeg/>")),
     {"items/0/title": "q", "warnings~": "ill-formed XML", "items/0/enclosures": [{"url": "https://cdn.example.com/q.mp3", "type": "audio/mpeg", "length": None}]})
case("bad_xxe", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
     + rss(item("<title>&xxe;</title><guid>xxe</guid>"), decl=False),
     {"items/0/title": "&xxe;", "notes~": "DOCTYPE ignored"})
LOL = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
case("bad_billion_laughs", f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">{LOL}]>\n'
     + rss(item("<title>&lol9;</title><guid>lol</guid>"), decl=False),
     {"items/0/title": "&lol9;", "notes~": "DOCTYPE ignored", "warnings~ 2": "1 undefined entities (first: &lol9;)", "warnings#": 1})
case("bad_xxe_parameter_entity", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> %remote;]>\n'
     + rss(item("<title>pe</title><guid>pe</guid>"), decl=False),
     {"items/0/title": "pe", "notes~": "DOCTYPE ignored"})
case("bad_bom_then_junk", "\ufeff" + "\n" + rss(item("<title>bom</title><guid>bom</guid>")), {"items/0/title": "bom"})
case("bad_double_root_junk_after", rss(item("<title>first</title><guid>f</guid>")) + "<!-- cache: 0.01s -->\n<div>footer</div>",
     {"items/0/title": "first"})

# ---------------------------------------------------------------- encodings
ENCODED_TITLE = {"windows-1251": "Київ новини", "koi8-r": "Новости дня", "koi8-u": "Новини їжак", "iso-8859-1": "Café crème",
                 "iso-8859-2": "Zażółć gęślą", "iso-8859-15": "Prix 5 €", "windows-1250": "Příliš žluťoučký",
                 "windows-1252": "“Smart” quotes", "windows-1253": "Ειδήσεις", "windows-1254": "Şehir haberleri",
                 "windows-1255": "חדשות", "windows-1256": "أخبار", "windows-1257": "Žinios ąčę", "windows-1258": "Đông Ư",
                 "shift_jis": "日本のニュース", "euc-jp": "日本語ニュース", "gb2312": "中文新闻", "gbk": "中文新闻网",
                 "gb18030": "中文新闻频道", "big5": "中文新聞", "euc-kr": "한국 뉴스", "iso-8859-5": "Новости",
                 "iso-8859-7": "Ειδήσεις σήμερα", "utf-16-le": "Київ UTF-16LE", "utf-16-be": "Київ UTF-16BE"}
for enc, title in ENCODED_TITLE.items():
    decl_enc = {"utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(enc, enc)
    doc = (f'<?xml version="1.0" encoding="{decl_enc}"?>\n<rss version="2.0"><channel><title>{title}</title>'
           f"<item><title>{title}</title><guid>{enc}</guid></item></channel></rss>\n")
    prefix = ""
    if enc == "utf-16-le":
        prefix = "\ufeff"
    if enc == "utf-16-be":
        prefix = "\ufeff"
    case(f"encoding_{enc.replace('-', '_')}", prefix + doc, {"title": title, "items/0/title": title},
         encoding={"utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}.get(enc, enc))
case("encoding_declared_latin1_but_utf8", '<?xml version="1.0" encoding="iso-8859-1"?>\n' + rss(item("<title>Київ café</title><guid>m</guid>"), decl=False),
     {"items/0/title": "Київ café", "warnings#": 1})
case("encoding_http_charset_hint", rss(item("<title>Привіт</title><guid>h</guid>"), decl=False), {"items/0/title": "Привіт"},
     options={"http_charset": "windows-1251"}, encoding="windows-1251")
case("encoding_invalid_utf8", rss(item("<title>Київ bad \udce2\udc82 byte</title><guid>i</guid>")),
     {"items/0/title": "Київ bad \ufffd byte", "warnings#": 1}, encoding="utf-8-surrogateescape")
case("encoding_unknown_declared", '<?xml version="1.0" encoding="x-klingon"?>\n' + rss(item("<title>plain ascii</title><guid>k</guid>"), decl=False),
     {"items/0/title": "plain ascii"})
case("encoding_utf8_bom", "\ufeff" + rss(item("<title>bom ok</title><guid>b</guid>")), {"items/0/title": "bom ok", "warnings#": 0})

# ---------------------------------------------------------------- issue 17: what mature parsers read
# One construct per case; each failed before the change that made it pass.
DC_NS = ["dc"]
ATOM03 = ('<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>'
          '<link rel="alternate" type="text/html" href="https://example.com/"/><modified>2025-03-02T08:40:00Z</modified>{}</feed>\n')

# windows-1252 references in HTML fields
case("html_cp1252_escaped_reference",
     rss(item("<title>h</title><guid>w1</guid><description>It&amp;#146;s &amp;#147;quoted&amp;#148; &amp;#150; done</description>")),
     {"items/0/summary": "It\u2019s \u201cquoted\u201d \u2013 done"})
case("html_cp1252_xml_reference",
     rss(item("<title>h</title><guid>w2</guid><content:encoded>It&#146;s &#151; here</content:encoded>"), ns=["content"]),
     {"items/0/content": "It\u2019s \u2014 here"})
case("html_cp1252_cdata_reference",
     rss(item("<title>h</title><guid>w3</guid><content:encoded><![CDATA[<p>&#147;Hi&#148; &#x92; <b>x</b></p>]]></content:encoded>"), ns=["content"]),
     {"items/0/content": "<p>\u201cHi\u201d \u2019 <b>x</b></p>"})
case("html_cp1252_libxml_path",
     rss(item("<title>h</title><guid>w4</guid><description><![CDATA[<p>Unclosed &#150; para<br>next &#133;]]></description>")),
     {"items/0/summary~": "Unclosed \u2013 para", "items/0/summary~ 2": "next \u2026"})
case("html_cp1252_atom_xhtml",
     atom(entry('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>It&#146;s</p></div></content>')),
     {"items/0/content": "<p>It\u2019s</p>"})

# authors
case("author_rss_name_email_parens", rss(item("<title>a</title><guid>ap</guid><author>Jane Doe (jane@example.com)</author>")),
     {"items/0/authors": [{"name": "Jane Doe", "email": "jane@example.com", "uri": None}]})
case("author_dc_creator_name_email_parens",
     rss(item("<title>a</title><guid>dp</guid><dc:creator>Jane Doe (jane@example.com)</dc:creator>"), ns=DC_NS),
     {"items/0/authors": [{"name": "Jane Doe", "email": "jane@example.com", "uri": None}]})
case("author_managing_editor_name_email_parens", rss("", channel="<managingEditor>The Editor (ed@example.com)</managingEditor>"),
     {"authors": [{"name": "The Editor", "email": "ed@example.com", "uri": None}]})
case("author_dc_author", rss(item("<title>a</title><guid>da</guid><dc:author>Jane Doe</dc:author>"), ns=DC_NS),
     {"items/0/authors": [{"name": "Jane Doe", "email": None, "uri": None}]})
case("author_rss_channel_author",
     rss(item("<title>a</title><guid>ca</guid>"), channel="<author>jane@example.com (Jane Doe)</author>"),
     {"authors": [{"name": "Jane Doe", "email": "jane@example.com", "uri": None}]})
case("author_atom03_homepage",
     ATOM03.format("<entry><id>urn:a:1</id><title>E</title><issued>2025-03-01T00:00:00Z</issued>"
                   "<author><name>Jane</name><homepage>https://jane.example.com/</homepage></author></entry>"),
     {"format": "atom0.3", "items/0/authors": [{"name": "Jane", "email": None, "uri": "https://jane.example.com/"}]})

case("author_rss_structured", rss(item("<title>a</title><guid>as</guid><author><name>Jane Doe</name><email>jane@example.com</email></author>")),
     {"items/0/authors": [{"name": "Jane Doe", "email": "jane@example.com", "uri": None}]})
case("author_channel_dc_author", rss("", channel="<dc:author>Jane Doe</dc:author>", ns=DC_NS),
     {"authors": [{"name": "Jane Doe", "email": None, "uri": None}]})

# markup inside simple RSS elements
case("markup_rss_title_inline", rss(item("<title>A <b>bold</b> move</title><guid>m1</guid>")),
     {"items/0/title": "A bold move"})
case("markup_rss_title_only_element", rss(item("<title><p>Whole title</p></title><guid>m2</guid>")),
     {"items/0/title": "Whole title"})
case("markup_rss_channel_title", rss("").replace("<title>Example</title>", "<title><b>Bold</b> Feed</title>"),
     {"title": "Bold Feed"})
case("markup_rss_author", rss(item("<title>m</title><guid>m3</guid><author><b>Jane Doe</b> &lt;jane@example.com&gt;</author>")),
     {"items/0/authors": [{"name": "Jane Doe", "email": "jane@example.com", "uri": None}]})
case("markup_rss_category", rss(item("<title>m</title><guid>m4</guid><category><b>Tech</b></category>")),
     {"items/0/categories": ["Tech"]})
case("markup_rss_guid", rss(item('<title>m</title><guid isPermaLink="false"><b>abc-5</b></guid>')),
     {"items/0/id": "abc-5", "items/0/key": "guid:abc-5"})

# dates
def dated(name, text, expected, warnings=0):
    checks = {"items/0/published": expected, "warnings#": warnings}
    if expected is None:
        checks["warnings~"] = "unparseable date"
    case(name, rss(item(f"<title>d</title><guid>{name}</guid><pubDate>{text}</pubDate>")), checks)

dated("date_zone_et_summer", "Mon, 08 Jul 2024 08:40:00 ET", "2024-07-08T12:40:00Z")
dated("date_zone_pt_winter", "Sun, 02 Mar 2025 08:40:00 PT", "2025-03-02T16:40:00Z")
dated("date_zone_ct_repeated_hour", "Sun, 02 Nov 2025 01:30:00 CT", None, 1)
dated("date_zone_mt_before_1987", "Tue, 01 Jul 1980 08:40:00 MT", None, 1)
dated("date_zone_unknown_name", "Sun, 02 Mar 2025 08:40:00 XYZ", None, 1)
dated("date_iso_zone_name", "2025-03-02 08:40:00 EST", "2025-03-02T13:40:00Z")
dated("date_perforce", "Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z")
dated("date_zone_in_comment", "Sun, 02 Mar 2025 10:40:00 (EET)", "2025-03-02T08:40:00Z")
dated("date_twitter_form", "Wed Aug 27 13:08:45 +0000 2008", "2008-08-27T13:08:45Z")
dated("date_iso_two_digit_year", "03-12-31T10:00:00Z", "2003-12-31T10:00:00Z")
dated("date_iso_ordinal_basic", "2025061T084000Z", "2025-03-02T08:40:00Z")
dated("date_greek", "Κυρ, 11 Ιούλ 2004 12:00:00 EST", "2004-07-11T17:00:00Z")
dated("date_hungarian", "2004-július-13T9:15-05:00", "2004-07-13T14:15:00Z")
dated("date_korean_onblog", "2004년 05월 28일  01:31:15", "2004-05-27T16:31:15Z")
dated("date_korean_nate", "2004-05-25 오후 11:23:17", "2004-05-25T14:23:17Z")
dated("date_german", "Mo, 03. März 2025 10:40:00 +0100", "2025-03-03T09:40:00Z")
dated("date_spanish", "domingo, 2 de marzo de 2025 08:40 +0100", "2025-03-02T07:40:00Z")
dated("date_french", "dim., 2 mars 2025 08:40:00 +0100", "2025-03-02T07:40:00Z")
dated("date_russian", "2 марта 2025 08:40 +0300", "2025-03-02T05:40:00Z")

# content elements
XHTML_NS = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'
case("content_rss_xhtml_body",
     rss(item(f'<title>c</title><guid>x1</guid><description>Short</description><xhtml:body {XHTML_NS}><xhtml:p>Full <xhtml:b>text</xhtml:b></xhtml:p></xhtml:body>')),
     {"items/0/summary": "Short", "items/0/content": "<p>Full <b>text</b></p>"})
case("content_rss_body_default_namespace",
     rss(item('<title>c</title><guid>x2</guid><body xmlns="http://www.w3.org/1999/xhtml"><p>Full &amp; more</p></body>')),
     {"items/0/content": "<p>Full &amp; more</p>"})
case("content_rss_bare_body", rss(item("<title>c</title><guid>x3</guid><body><p>Bare <i>body</i></p></body>")),
     {"items/0/content": "<p>Bare <i>body</i></p>"})
case("content_rss_atom_content",
     rss(item('<title>c</title><guid>x4</guid><atom:content type="html">&lt;p&gt;From Atom&lt;/p&gt;</atom:content>'), ns=["atom"]),
     {"items/0/content": "<p>From Atom</p>"})
case("author_rss_atom_author",
     rss(item("<title>c</title><guid>x5</guid><atom:author><atom:name>Jane</atom:name><atom:email>jane@example.com</atom:email>"
              "<atom:uri>https://jane.example.com/</atom:uri></atom:author>"), ns=["atom"]),
     {"items/0/authors": [{"name": "Jane", "email": "jane@example.com", "uri": "https://jane.example.com/"}]})
case("category_rss_atom_category",
     rss(item('<title>c</title><guid>x6</guid><atom:category term="science" label="Science"/>'), ns=["atom"]),
     {"items/0/categories": ["science"]})
case("summary_rss_summary_element", rss(item("<title>c</title><guid>x7</guid><summary>Only a summary</summary>")),
     {"items/0/summary": "Only a summary", "items/0/content": None})
case("summary_rss_summary_beside_description",
     rss(item("<title>c</title><guid>x8</guid><description>Short</description><summary>The longer text</summary>")),
     {"items/0/summary": "Short", "items/0/content": "The longer text"})
case("link_atom_url_as_text", atom(entry("<link>https://example.com/as-text</link>")),
     {"items/0/link": "https://example.com/as-text"})

# categories and images from extensions
case("category_media_category",
     rss(item('<title>e</title><guid>e1</guid><media:category scheme="urn:x">Music</media:category>'), ns=["media"]),
     {"items/0/categories": ["Music"]})
case("category_itunes_item_category",
     rss(item('<title>e</title><guid>e2</guid><itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category>'),
         ns=["itunes"]),
     {"items/0/categories": ["Technology", "Podcasting"]})
case("category_itunes_keywords",
     rss(item("<title>e</title><guid>e3</guid><itunes:keywords>news, politics,world,</itunes:keywords>"), ns=["itunes"]),
     {"items/0/categories": ["news", "politics", "world"]})
case("image_feed_media_content",
     rss("", channel='<media:content url="https://example.com/cover.jpg" medium="image"/>', ns=["media"]),
     {"image": "https://example.com/cover.jpg"})
case("date_feed_dcterms_modified",
     rss("", channel="<pubDate>Sat, 01 Mar 2025 00:00:00 GMT</pubDate><dcterms:modified>2025-03-02T08:40:00Z</dcterms:modified>",
         ns=["dcterms"]),
     {"updated": "2025-03-02T08:40:00Z"})

# variants
case("format_json_version_1_0", json.dumps({"version": "https://jsonfeed.org/version/1.0", "title": "J",
                                            "items": [{"id": "1", "content_text": "x"}]}),
     {"format": "json1.0", "items#": 1}, ext="json")
case("format_json_version_1_trailing_slash", json.dumps({"version": "https://jsonfeed.org/version/1/", "title": "J",
                                                       "items": [{"id": "1", "content_text": "x"}]}),
     {"format": "json1.0", "items#": 1}, ext="json")
case("format_rss_without_channel",
     '<?xml version="1.0"?>\n<rss version="2.0"><title>No channel</title><link>https://example.com/</link>'
     "<item><title>Outside</title><link>/o1</link></item></rss>\n",
     {"title": "No channel", "items#": 1, "items/0/title": "Outside", "items/0/link": "https://example.com/o1",
      "warnings~": "no <channel> element"})
case("format_atom_draft_namespace",
     '<?xml version="1.0"?>\n<feed xmlns="http://purl.org/atom/ns#draft-ietf-atompub-format-08"><title>Draft</title>'
     '<link href="https://example.com/"/><updated>2025-03-02T08:40:00Z</updated>'
     "<entry><id>urn:d:1</id><title>Drafted</title><updated>2025-03-01T00:00:00Z</updated></entry></feed>\n",
     {"format": "atom1.0", "title": "Draft", "items/0/title": "Drafted", "warnings#": 0, "notes#": 0})
case("format_atom_echo_namespace",
     '<?xml version="1.0"?>\n<feed version="0.2" xmlns="http://purl.org/echo/"><title>Echo</title>'
     '<link rel="alternate" href="https://example.com/"/>'
     "<entry><id>urn:e:1</id><title>Echoed</title><issued>2025-03-01T00:00:00Z</issued></entry></feed>\n",
     {"format": "atom0.3", "title": "Echo", "items/0/title": "Echoed", "warnings#": 0, "notes#": 0})
case("format_rss_prefixed_root",
     '<?xml version="1.0"?>\n<rss:rss version="2.0" xmlns:rss="http://purl.org/rss/1.0/modules/rss091#"><rss:channel>'
     "<rss:title>Prefixed</rss:title><rss:link>https://example.com/</rss:link>"
     "<rss:item><rss:title>P</rss:title><rss:guid>p1</rss:guid></rss:item></rss:channel></rss:rss>\n",
     {"format": "rss2.0", "title": "Prefixed", "items/0/title": "P", "items/0/id": "p1"})
case("format_rss_prefixed_root_undeclared",
     '<?xml version="1.0"?>\n<rss:rss version="2.0"><rss:channel>'
     "<rss:title>Undeclared</rss:title><rss:item><rss:title>U</rss:title><rss:guid>u1</rss:guid></rss:item></rss:channel></rss:rss>\n",
     {"title": "Undeclared", "items/0/title": "U"})
UTF32_DOC = ('<?xml version="1.0" encoding="utf-32"?>\n<rss version="2.0"><channel><title>Київ UTF-32</title>'
             "<item><title>Київ</title><guid>u32</guid></item></channel></rss>\n")
case("encoding_utf_32_le_bom", "\ufeff" + UTF32_DOC, {"title": "Київ UTF-32", "items/0/title": "Київ"}, encoding="utf-32-le")
case("encoding_utf_32_be_no_bom", UTF32_DOC, {"title": "Київ UTF-32", "items/0/title": "Київ"}, encoding="utf-32-be")

# warnings and notes
case("notes_rss_without_version", '<rss><channel><title>N</title><item><title>t</title><guid>n1</guid></item></channel></rss>',
     {"warnings#": 0, "notes": ["<rss> without a version: read as RSS 2.0"]})
case("notes_doctype_ignored",
     '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
     + rss(item("<title>t</title><guid>n2</guid>"), decl=False),
     {"warnings#": 0, "notes": ["DOCTYPE ignored: no DTD or external entity is ever loaded"]})
case("warnings_unparseable_date_is_a_warning", rss(item("<title>t</title><guid>n3</guid><pubDate>soon</pubDate>")),
     {"warnings#": 1, "notes#": 0})


def write_all(only=()):
    """Writes every case, or with `only` just the cases whose names start with one of them."""
    selected = {name: value for name, value in CASES.items() if not only or name.startswith(tuple(only))}
    for old in os.listdir(HERE) if not only else []:
        stem = old.split(".")[0]
        if stem not in CASES and any(old.endswith(s) for s in (".checks.json", ".options.json")):
            os.remove(os.path.join(HERE, old))
    for name, (document, checks, options, ext, encoding) in sorted(selected.items()):
        if encoding == "utf-8-surrogateescape":
            data = document.encode("utf-8", "surrogateescape")
        elif encoding == "latin-1":
            data = document.encode("latin-1")
        else:
            data = document.encode(encoding)
        with open(os.path.join(HERE, f"{name}.{ext}"), "wb") as f:
            f.write(data)
        with open(os.path.join(HERE, f"{name}.checks.json"), "w", encoding="utf-8") as f:
            json.dump(checks, f, ensure_ascii=False, indent=1)
            f.write("\n")
        if options:
            with open(os.path.join(HERE, f"{name}.options.json"), "w", encoding="utf-8") as f:
                json.dump(options, f, indent=1)
                f.write("\n")
    print(f"{len(selected)} cases", file=sys.stderr)


if __name__ == "__main__":
    write_all(sys.argv[1:])
