#!/usr/bin/python3
"""Writes the tenth round's mechanism pages (1160 on): one construct per
page, each a way pages from the wild lost their text to a parse that
differs from a browser's or to a rule that read them wrong (issue 16), so
that a relapse fails the corpus test without the shared real-world corpus.
Written by hand here (no corpus text is copied), with the building blocks of
generate_mechanisms.py; <page>.expected.json holds what a careful editor
would cut.

Deterministic. Run from anywhere:
    /usr/bin/python3 tests/data/pages/generate_mechanisms_round10.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_mechanisms import write_round  # noqa: E402
from generate_mechanisms import FOOTER, NAV, P, TITLE, bare_head, esc, head, page, paragraphs  # noqa: E402
from generate_mechanisms_round3 import P2  # noqa: E402

FIRST_INDEX = 1160
LAST_INDEX = 1169

LEFT_MENU = ('<td width="150" valign="top"><a href="/">Home</a><br><a href="/news/">News</a><br>'
             '<a href="/archive/">Archive</a><br><a href="/contact/">Contact</a></td>\n')


def body_closed_early():
    # A server-side include brings its own "</body>" before the page's
    # layout table: libxml2 ends the body there and puts the rest of the
    # page beside it, where a browser shows it in the body. The body held
    # nothing but the include, and the page came out empty.
    include = '<div class="tracker"><img src="/stats.gif" width="1" height="1" alt=""></div>\n</body>\n'
    table = (f'<table width="760"><tr>{LEFT_MENU}<td valign="top"><h1>{esc(TITLE)}</h1>\n'
             + paragraphs(P) + '</td></tr></table>\n' + FOOTER)
    html = (f'<!DOCTYPE html>\n<html lang="en">\n{bare_head(TITLE)}<body>\n{include}{NAV}{table}'
            '</body>\n</html>\n')
    return html, dict(title=TITLE, text=P, site_name=None)


def post_tagged_with_furniture_words():
    # WordPress names the post's categories and tags in its class:
    # "category-social-media", "tag-newsletter". Read as the box's own
    # words, they made the post a share box and a newsletter sign-up, and
    # it was removed; the writer's note under it was all that was left.
    post_class = ("post-4127 post type-post status-publish format-standard hentry category-social-media "
                  "tag-newsletter tag-harbour")
    about = ("About Mira Kessel: harbour reporter for the Herald since 2015, before that at the coast guard's "
             "press office. She writes about ferries, fishing and the port's long quarrel with the town.")
    body = (NAV + f'<div id="main" class="col-left"><div id="post-4127" class="{post_class}">'
            f'<h1>{esc(TITLE)}</h1><div class="entry">' + paragraphs(P[:3]) + '</div></div>\n'
            f'<div class="author_info"><p>{esc(about)}</p></div></div>\n' + FOOTER)
    return page(head(TITLE), body), dict(title=TITLE, text=P[:3])


def rail_of_features_beside_the_story():
    # A short story and, in the same wrapper, a rail of features: headed
    # items with a paragraph each, nearly as well scored as the story. One
    # such box beside the top was taken for the story's second half, and
    # the wrapper holding both was the article.
    features = [("Lighthouse tours", "The lighthouse on the north mole opens for guided tours on Saturdays "
                 "through the summer, with places for twenty visitors at a time."),
                ("Harbour festival", "The harbour festival returns in June with a tall ship, a fish market and "
                 "a concert on the quay, organisers said on Friday."),
                ("Sailing school", "The sailing school has places left on its beginners' courses for children "
                 "aged eight to twelve, starting in the first week of July."),
                ("Museum night", "The maritime museum stays open until midnight on the last Friday of the "
                 "month, with talks by former ferry captains."),
                ("Coastal walks", "Rangers lead walks along the cliffs every Sunday morning, from the old "
                 "customs house to the bird reserve, and back by the beach."),
                ("Fish market", "The fish market on the east quay now opens at six, an hour earlier, so that "
                 "restaurants can buy before the breakfast rush."),
                ("Rowing club", "The rowing club invites newcomers to its open days in May, with boats, oars "
                 "and coaches provided, and tea in the boathouse afterwards."),
                ("Island ferry", "The summer ferry to the island runs four times a day from June, with bicycles "
                 "carried free on the early and late crossings.")]
    rail = '<div id="features"><h2>Features</h2>' + "".join(
        f'<h3>{esc(t)}</h3><p>{esc(x)} <a href="/features/{i}/">More</a></p>' for i, (t, x) in enumerate(features)) + '</div>'
    story = P[:2] + P2[:1]
    body = (NAV + f'<div id="wrapper"><div class="newsstory"><h1>{esc(TITLE)}</h1><div class="body">'
            + paragraphs(story) + '</div></div>\n' + rail + '</div>\n' + FOOTER)
    return page(bare_head(TITLE), body), dict(title=TITLE, text=story, site_name=None)


def list_after_the_story_box():
    # The story's box ends on a heading, and the list it announces stands
    # right after the box, outside it (an editor's export closed the
    # section before the list). The list was never gathered.
    tasks = ["Check the timetable against the shift rotas of the three largest employers on the shore.",
             "Count the passengers on every late crossing for four weeks, weekends included.",
             "Ask the operator for the repair costs of the two older boats, and for a date.",
             "Report to the board before its meeting in the spring, with a recommendation."]
    story = P[:4]
    body = (NAV + f'<h1>{esc(TITLE)}</h1><div class="Section1">' + paragraphs(story)
            + '<h3>What the working group will do</h3></div>\n<ul>'
            + "".join(f'<li><div class="Section1">{esc(t)}</div></li>' for t in tasks) + '</ul>\n' + FOOTER)
    return page(bare_head(TITLE), body), dict(title=TITLE, text=story + ["What the working group will do"] + tasks,
                                               site_name=None)


def numbered_roundup():
    # A roundup: numbered entries whose headings link to what they
    # recommend, a paragraph under each. Four linked headings read as a
    # section front's cards, and the page was judged a listing and emptied;
    # the theme's permalink mark ("#") in the last heading stayed in the
    # text.
    title = "Five things to do on the harbour this weekend"
    intro = ("The weather is set fair for once, and the harbour has more going on than it has all spring. "
             "Here is our pick of the weekend, from the water to the quay.")
    entries = [("Take the night ferry", "https://ferries.example/night",
                "The late crossing now runs until the end of March, and the view of the lit quay from the "
                "upper deck is worth the fare on its own."),
               ("Tour the lighthouse", "https://lighthouse.example/tours",
                "Guided tours of the north mole lighthouse start at ten on Saturday, with places for twenty "
                "visitors at a time and a climb of 154 steps."),
               ("Eat at the fish market", "https://market.example/",
                "The east quay market opens at six and the stalls at the far end cook what they sell, so "
                "breakfast can be as fresh as it gets."),
               ("Row with the club", "https://rowing.example/open-day",
                "The rowing club's open day lends boats, oars and coaches to beginners, and the tea in the "
                "boathouse afterwards is free.")]
    last = ("Watch the regatta", "The season's first regatta sails from the outer harbour at two on Sunday, and "
            "the best place to watch is the end of the south pier.")
    items = "".join(f'<h2>{i}. <a href="{href}">{esc(name)}</a></h2>\n<p>{esc(text)}</p>\n'
                    for i, (name, href, text) in enumerate(entries, 1))
    items += (f'<h2 id="regatta">5. {esc(last[0])}<a class="headerlink" href="#regatta" title="Permalink">#</a>'
              f'</h2>\n<p>{esc(last[1])}</p>\n')
    body = NAV + f'<article><h1>{esc(title)}</h1>\n<p>{esc(intro)}</p>\n{items}</article>\n' + FOOTER
    text = [intro]
    for i, (name, _, entry) in enumerate(entries, 1):
        text += [f"{i}. {name}", entry]
    text += [f"5. {last[0]}", last[1]]
    return page(bare_head(title), body), dict(title=title, text=text, site_name=None)


def story_in_a_dialog():
    # The site shows each post as a letter over the page, in a box labelled
    # a dialog (and hidden from screen readers until opened): pop-ups are
    # labelled so too, and the dialog was removed in every pass.
    story = P[:3]
    body = (NAV + '<div class="page"><div class="overlay overlay--post" aria-hidden="true">'
            '<div class="letter" role="dialog" aria-label="Post"><a class="dismiss" href="/posts/">Close</a>'
            f'<h1>{esc(TITLE)}</h1><div class="letter-body">' + paragraphs(story) + '</div></div></div></div>\n'
            + FOOTER)
    return page(bare_head(TITLE), body), dict(title=TITLE, text=story, site_name=None)


PLAN = [
    ("body-closed-early", body_closed_early),
    ("post-tagged-with-furniture-words", post_tagged_with_furniture_words),
    ("rail-of-features-beside-the-story", rail_of_features_beside_the_story),
    ("list-after-the-story-box", list_after_the_story_box),
    ("numbered-roundup", numbered_roundup),
    ("story-in-a-dialog", story_in_a_dialog),
]


def main():
    write_round(FIRST_INDEX, LAST_INDEX, PLAN)


if __name__ == "__main__":
    main()
