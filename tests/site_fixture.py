"""A small hand-built Corpus for the site tests, and the golden-page regenerator.

Regenerate the golden pages (tests/golden/) after an intended change to the
templates or contexts, then review the diff with ``git diff tests/golden``::

    .venv/bin/python -m tests.site_fixture --regen
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from builder import urls
from builder.models import (
    Article, Claim, Corpus, Discrepancy, Mention, Published, Side, Story, Variant, WordDiff,
)

GOLDEN = Path(__file__).parent / "golden"
STORY = "harbour-strike"

HERALD = Article(
    id="herald-strike", story=STORY, path="herald.txt", outlet="Coastal Herald",
    title="Dockworkers walk out over crane safety", published=date(2024, 3, 4),
    url="https://herald.example/news/dock-strike", author="Ana Ruiz",
    body=(
        "About 1,200 dockworkers walked off the job at the port of Valmera on Monday, "
        "halting container traffic.\n\n"
        "“We will not return to work until the cranes are safe,” union leader Maria Lopez said "
        "outside the gates.\n\n"
        "The port authority said the inspection would begin on March 6."
    ),
)
LEDGER = Article(
    id="ledger-strike", story=STORY, path="ledger.txt", outlet="Daily Ledger",
    title="Port of Valmera shut as strike spreads", published=date(2024, 3, 4),
    url="https://ledger.example/2024/03/04/port",
    body=(
        "More than 1,500 dockworkers walked off the job at the port of Valmera on Monday.\n\n"
        "Union leader Maria Lopez told reporters: “We won't return to work until the cranes are safe.”\n\n"
        "Harbour master Tom Berg said: “Ships are already waiting offshore.”\n\n"
        "An inspection is planned for March 6."
    ),
)
WIRE = Article(
    id="wire-strike", story=STORY, path="wire.txt", outlet="Metro Wire",
    title="Valmera port strike enters second day", published=date(2024, 3, 5),
    published_inferred=True,
    body=(
        "Dockworkers at the port of Valmera stayed out for a second day on Tuesday, "
        "according to the union.\n\n"
        "The port authority said the inspection would begin on March 6."
    ),
)


def mention(article: Article, kind: str, text: str, **fields: object) -> Mention:
    """A mention of ``text`` at its first place in the article, with its sentence as context."""
    start = article.body.index(text)
    end = start + len(text)
    context_start = max(article.body.rfind("\n\n", 0, start) + 2, 0)
    if article.body.rfind("\n\n", 0, start) < 0:
        context_start = 0
    next_break = article.body.find("\n\n", end)
    context_end = len(article.body) if next_break < 0 else next_break
    kind_letter = kind[0]
    return Mention(id=f"{article.id}:{kind_letter}{start}-{end}", article=article.id, kind=kind,  # type: ignore[arg-type]
                   text=text, start=start, end=end, context_start=context_start,
                   context_end=context_end, **fields)  # type: ignore[arg-type]


def claim(story: str, claim_id: str, kind: str, title: str, mentions: list[Mention], status: str,
          discrepancies: tuple[Discrepancy, ...] = (), speaker: str | None = None,
          variants: tuple[Variant, ...] = ()) -> Claim:
    return Claim(id=claim_id, story=story, kind=kind, title=title,  # type: ignore[arg-type]
                 mentions=tuple(m.id for m in mentions), status=status,  # type: ignore[arg-type]
                 discrepancies=discrepancies, speaker=speaker, url=urls.claim_url(story, claim_id),
                 variants=variants)


_ARTICLES = {}  # filled below: id -> Article


def variant(ident: str, text: str, mentions: list[Mention], relation: str = "reference",
            diff: tuple[WordDiff, ...] = ()) -> Variant:
    """A variant of the fixture: its outlets and first publication read off its mentions."""
    arts = sorted({_ARTICLES[m.article] for m in mentions},
                  key=lambda a: (a.published or date.max, a.published_inferred, a.outlet))
    first = arts[0]
    return Variant(id=ident, text=text, outlets=tuple(sorted({a.outlet for a in arts})),
                   mentions=tuple(sorted(m.id for m in mentions)),
                   first_published=Published(first.published, first.outlet, first.id,
                                             first.published_inferred),
                   relation=relation, diff=diff,  # type: ignore[arg-type]
                   speakers=tuple(sorted({m.speaker for m in mentions if m.speaker})),
                   reports=len({a.outlet for a in arts}))


def side(v: Variant) -> Side:
    return Side(v.id, v.text, v.outlets, v.mentions)


def fixture_corpus() -> Corpus:
    """One story, three outlets: a wording difference, a number difference, an omission,
    an agreeing date, a single-outlet quotation and a punctuation-only difference."""
    _ARTICLES.update({a.id: a for a in (HERALD, LEDGER, WIRE)})
    h_quote = mention(HERALD, "quote", "We will not return to work until the cranes are safe,",
                      speaker="Maria Lopez", cue="said", attribution="same-sentence")
    l_quote = mention(LEDGER, "quote", "We won't return to work until the cranes are safe.",
                      speaker="Maria Lopez", cue=":", attribution="colon")
    l_berg = mention(LEDGER, "quote", "Ships are already waiting offshore.",
                     speaker="Tom Berg", cue=":", attribution="colon")
    h_fig = mention(HERALD, "figure", "About 1,200 dockworkers", value=1200.0, unit="people",
                    qualifier="about", subject="dockworkers on strike")
    l_fig = mention(LEDGER, "figure", "More than 1,500 dockworkers", value=1500.0, unit="people",
                    qualifier="more than", subject="dockworkers on strike")
    dates = [mention(a, "date", "March 6", date="2024-03-06") for a in (HERALD, LEDGER, WIRE)]
    monday = [mention(a, "date", "Monday", date="2024-03-04", relative=True) for a in (HERALD, LEDGER)]
    diff = (WordDiff("equal", "We", "We"), WordDiff("replace", "will not", "won't"),
            WordDiff("equal", "return to work until the cranes are safe",
                     "return to work until the cranes are safe"))
    will_not = variant("v-will-not", "We will not return to work until the cranes are safe", [h_quote])
    wont = variant("v-wont", "We won't return to work until the cranes are safe.", [l_quote],
                   "differs", diff)
    quote_claim = claim(STORY, "we-will-not-return-to-work", "quote",
                        "“We will not return to work until the cranes are safe”",
                        [h_quote, l_quote], "differ", speaker="Maria Lopez",
                        variants=(will_not, wont), discrepancies=(
        Discrepancy(id="we-will-not-return-to-work-wording", type="wording",
                    mentions=(h_quote.id, l_quote.id),
                    summary="Daily Ledger has “won't” where Coastal Herald has “will not”.",
                    diff=diff, sides=(side(will_not), side(wont))),
        Discrepancy(id="we-will-not-return-to-work-punctuation", type="wording",
                    mentions=(h_quote.id, l_quote.id), minor=True, minor_reason="punctuation",
                    summary="The quotation ends with a comma in one outlet and a full stop in the other.",
                    diff=(WordDiff("replace", "safe,", "safe."),), sides=(side(will_not), side(wont))),
        Discrepancy(id="we-will-not-return-to-work-omission", type="omission", mentions=(),
                    outlets=("Metro Wire",), summary="Metro Wire does not quote Maria Lopez.",
                    sides=(Side(None, "reported", ("Coastal Herald", "Daily Ledger")),
                           Side(None, "not reported", ("Metro Wire",)))),
    ))
    about_1200 = variant("v-1200", "1,200", [h_fig])
    over_1500 = variant("v-1500", "1,500", [l_fig], "differs")
    figure_claim = claim(STORY, "dockworkers-on-strike", "figure", "Dockworkers on strike",
                         [h_fig, l_fig], "differ", variants=(about_1200, over_1500), discrepancies=(
        Discrepancy(id="dockworkers-on-strike-number", type="number", mentions=(h_fig.id, l_fig.id),
                    summary="Coastal Herald: about 1,200; Daily Ledger: more than 1,500.",
                    sides=(side(about_1200), side(over_1500))),
    ))
    date_claim = claim(STORY, "inspection-begins", "date", "Inspection begins", dates, "agree",
                       variants=(variant("v-march-6", "2024-03-06", dates),))
    monday_claim = claim(STORY, "walkout-begins", "date", "Walkout begins", monday, "agree",
                         variants=(variant("v-monday", "2024-03-04", monday),))
    berg_claim = claim(STORY, "ships-are-already-waiting", "quote", "“Ships are already waiting offshore”",
                       [l_berg], "single", speaker="Tom Berg",
                       variants=(variant("v-ships", "Ships are already waiting offshore", [l_berg]),))
    story = Story(id=STORY, title="Dock strike at the port of Valmera",
                  articles=(HERALD.id, LEDGER.id, WIRE.id), published=date(2024, 3, 4))
    return Corpus(
        stories=(story,), articles=(HERALD, LEDGER, WIRE),
        mentions=(h_quote, l_quote, l_berg, h_fig, l_fig, *dates, *monday),
        claims=(quote_claim, figure_claim, date_claim, monday_claim, berg_claim),
    )


HOSTILE_STRINGS = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}",
    "**bold**", "[link](http://x)",
)
HOSTILE_TITLE = "<script>alert(1)</script> {{ 7*7 }} **bold**"
HOSTILE_OUTLET = "<img src=x onerror=alert(1)> Wire {% raw %}"
HOSTILE_SPEAKER = "Eve <b>Mallory</b> {{ 7*7 }}"


def hostile_corpus() -> Corpus:
    """A story whose title, outlet, url, speaker and text are all attempts at injection."""
    story_id = "hostile"
    body = (
        "Officials said <script>alert(1)</script> and <img src=x onerror=alert(1)> were found.\n\n"
        f"“{{{{ 7*7 }}}} is **bold** and [link](http://x) {{% raw %}}”, {HOSTILE_SPEAKER} said.\n\n"
        "# Not a heading\n\n<div onclick=alert(1)>raw html</div> {# comment #} ${7*7}"
    )
    article = Article(id="hostile-1", story=story_id, path="hostile.md", outlet=HOSTILE_OUTLET,
                      title=HOSTILE_TITLE, body=body, published=date(2024, 5, 1),
                      url="javascript:alert(1)", author="<b>Author</b>")
    other = Article(id="hostile-2", story=story_id, path="plain.txt", outlet="Plain \"Quote\" & Co",
                    title="A plain report", body="Officials said nothing was found.",
                    published=date(2024, 5, 1), url="https://plain.example/a?b=1&c=<2>")
    quote = mention(article, "quote", "{{ 7*7 }} is **bold** and [link](http://x) {% raw %}",
                    speaker=HOSTILE_SPEAKER, cue="said", attribution="same-sentence")
    hostile_claim = claim(story_id, "hostile-quote", "quote", f"“{HOSTILE_TITLE}”", [quote], "single",
                          speaker=HOSTILE_SPEAKER, discrepancies=(
        Discrepancy(id="hostile-quote-omission", type="omission", mentions=(),
                    outlets=(other.outlet,), summary="<script>alert(2)</script> left out"),
    ))
    story = Story(id=story_id, title=f"{HOSTILE_TITLE} [link](http://x)",
                  articles=(article.id, other.id))
    return Corpus(stories=(story,), articles=(article, other), mentions=(quote,),
                  claims=(hostile_claim,))


def golden_name(src_uri: str) -> str:
    return src_uri.replace("/", "__").removesuffix(".md") + ".html"


def regenerate(folder: Path = GOLDEN) -> int:
    """Write the rendered fixture pages into ``folder``, replacing what was there."""
    from builder.render import render_pages

    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.html"):
        old.unlink()
    pages = render_pages(fixture_corpus())
    for page in pages:
        (folder / golden_name(page.src_uri)).write_text(page.html, encoding="utf-8")
    return len(pages)


if __name__ == "__main__":
    if "--regen" in sys.argv[1:]:
        print(f"wrote {regenerate()} golden pages to {GOLDEN}")
    else:
        print(__doc__)
