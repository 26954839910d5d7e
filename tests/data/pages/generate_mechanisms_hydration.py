#!/usr/bin/python3
"""Writes the hydration round's mechanism pages (1140 on): client-rendered
pages whose DOM is an empty shell and whose article body only a client-side
state script carries (issue 16: such pages came out empty), one kind of
state script per page, so that a relapse fails the corpus test without the
shared real-world corpus. Written by hand here (no corpus text is copied),
with the building blocks of generate_mechanisms.py; <page>.expected.json
holds what a careful editor would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_hydration.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import OTHER, OTHER_TITLE  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, esc, head, page  # noqa: E402

FIRST_INDEX = 1140
LAST_INDEX = 1149

ARTICLE = '<meta property="og:type" content="article">'



def body_html(texts):
    return "".join(f"<p>{esc(t)}</p>" for t in texts)


def state_json(value):
    # As React, Next.js and most state serialisers write it: "<" escaped, so
    # that no "</script>" can end the script early.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def shell(script):
    # The server sends the site's frame, the headline and an empty mount
    # point; the story appears only when the script runs.
    body = (NAV + f'<main><h1>{esc(TITLE)}</h1><div id="root"></div></main>\n' + FOOTER
            + script + '\n')
    return page(head(TITLE, ARTICLE), body)


def react_query_push():
    # React Query's dehydrated cache, pushed onto a global queue by an inline
    # script (Next.js App Router sites): the body is "contentHtml" deep in a
    # query's data.
    state = {"mutations": [], "queries": [{"queryKey": ["article", "A1"], "state": {"data": {
        "code": "OK", "data": {"detail": {"articleId": "A1", "title": TITLE,
                                          "contentHtml": body_html(P)}}}}}]}
    script = ('<script>window["__RQ_R_1_"] = window["__RQ_R_1_"] || [];'
              f'window["__RQ_R_1_"].push({state_json(state)})</script>')
    return shell(script), dict(title=TITLE, text=P)


def initial_state_assignment():
    # Redux's server state assigned to a global, the body an HTML string
    # under "body" beside the headline.
    state = {"router": {"path": "/news/1"}, "article": {"id": 1, "headline": TITLE, "body": body_html(P)}}
    script = f'<script>window.__INITIAL_STATE__ = {state_json(state)};window.__ENV__="prod";</script>'
    return shell(script), dict(title=TITLE, text=P)


def preloaded_state_json_parse():
    # The state as a JSON text inside a string, handed to JSON.parse (faster
    # to load than an object literal): parsed twice.
    state = {"story": {"title": TITLE, "content": body_html(P)}}
    literal = json.dumps(json.dumps(state, ensure_ascii=False), ensure_ascii=False).replace("<", "\\u003c")
    script = f'<script>window.__PRELOADED_STATE__ = JSON.parse({literal});</script>'
    return shell(script), dict(title=TITLE, text=P)


def apollo_state():
    # Apollo's normalised GraphQL cache: the body an object {"html": ...};
    # the byline and date come from beside it.
    state = {"ROOT_QUERY": {"article({\"slug\":\"ferry\"})": {"__ref": "Article:1"}},
             "Article:1": {"__typename": "Article", "headline": TITLE,
                           "authors": [{"__typename": "Author", "name": "Mara Lindqvist"}],
                           "publishedAt": "2025-03-20T10:00:00Z",
                           "body": {"__typename": "RichText", "html": body_html(P)}}}
    script = f'<script>window.__APOLLO_STATE__ = {state_json(state)};</script>'
    return (shell(script),
            dict(title=TITLE, text=P, authors=["Mara Lindqvist"], published="2025-03-20T10:00:00Z"))


def fusion_global_content():
    # Arc XP (Fusion) sites: the story in Fusion.globalContent, its text in
    # content_elements of type "text" (plain strings, no <p>), its headline in
    # headlines.basic; an interstitial link and an image between paragraphs
    # are not the story's text.
    elements = [{"_id": "a", "type": "text", "content": P[0]},
                {"_id": "b", "type": "text", "content": P[1]},
                {"_id": "c", "type": "interstitial_link",
                 "content": "Read more: ferry timetables for the whole coast, all winter long, in one place"},
                {"_id": "d", "type": "text", "content": P[2]},
                {"_id": "e", "type": "image", "url": "https://img.example/ferry.jpg",
                 "caption": "The night ferry leaving the eastern pier."}]
    elements += [{"_id": f"t{i}", "type": "text", "content": text} for i, text in enumerate(P[3:])]
    content = {"_id": "ABC", "type": "story", "headlines": {"basic": TITLE}, "content_elements": elements}
    script = ('<script>window.Fusion=window.Fusion||{};Fusion.arcSite="herald";Fusion.deployment="42";'
              f'Fusion.globalContent={state_json(content)};Fusion.globalContentConfig={{"source":"story"}};'
              '</script>')
    return shell(script), dict(title=TITLE, text=P)


def application_json_state():
    # A <script type="application/json"> state blob (not __NEXT_DATA__): the
    # whole text is the value; the body an array of paragraph strings.
    state = {"page": {"type": "article", "story": {"title": TITLE, "paragraphs": P}}}
    script = f'<script type="application/json" id="app-state">{state_json(state)}</script>'
    return shell(script), dict(title=TITLE, text=P)


def state_with_other_story():
    # The state holds the page's story and a longer one of another story (a
    # "more stories" rail with full bodies): the page's title picks its own.
    state = {"article": {"title": TITLE, "body": body_html(P)},
             "more": [{"title": OTHER_TITLE, "body": body_html(OTHER)}]}
    script = f'<script>window.__INITIAL_STATE__ = {state_json(state)};</script>'
    return shell(script), dict(title=TITLE, text=P)


def standfirst_and_ad_placeholders():
    # The standfirst in its own field ("subTitle", lines split by <br>) and
    # the CMS's ad placeholders ("$$ARTICLEAD$$") between paragraphs: the
    # standfirst is the story's first words, the placeholders none.
    lines = ["Shift workers on the eastern shore keep their late crossing",
             "The board pays from a one-off regional grant"]
    html = (body_html(P[:2]) + "<p>$$ARTICLEAD$$</p>" + body_html(P[2:4]) + "$$ARTICLEAD$$"
            + body_html(P[4:]))
    state = {"queries": [{"state": {"data": {"detail": {
        "title": TITLE, "subTitle": "<br>".join(lines), "contentHtml": html}}}}]}
    script = f'<script>self.__STATE_QUEUE__ = self.__STATE_QUEUE__ || []; self.__STATE_QUEUE__.push({state_json(state)})</script>'
    return shell(script), dict(title=TITLE, text=lines + P)


def wordpress_rest_state():
    # A headless WordPress front end: the REST API's post in the state,
    # title and content each {"rendered": ...}; the HTML "<" left plain,
    # "/" escaped as PHP's json_encode writes it.
    post = {"id": 7, "title": {"rendered": TITLE}, "content": {"rendered": body_html(P), "protected": False}}
    literal = json.dumps({"source": {"post": {"7": post}}}).replace("/", "\\/")
    script = f'<script>window.__WP_STATE__ = {literal};</script>'
    return shell(script), dict(title=TITLE, text=P)


PLAN = [
    ("react-query-push", react_query_push),
    ("initial-state-assignment", initial_state_assignment),
    ("preloaded-state-json-parse", preloaded_state_json_parse),
    ("apollo-state", apollo_state),
    ("fusion-global-content", fusion_global_content),
    ("application-json-state", application_json_state),
    ("state-with-other-story", state_with_other_story),
    ("standfirst-and-ad-placeholders", standfirst_and_ad_placeholders),
    ("wordpress-rest-state", wordpress_rest_state),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
