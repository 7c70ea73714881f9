"""Claim and discrepancy ids come from content: re-runs and added articles keep them."""

from __future__ import annotations

import random
from dataclasses import replace

from builder.align import align_story
from builder.models import Claim, Story
from tests.test_align import ID_PATTERN, Desk


def three_outlets(desk: Desk) -> None:
    """A harbour strike reported by three outlets: quotes, a split quote, figures, dates."""
    a = desk.article("Harbour Times",
                     "\u201cWe stay out until the contract is signed. The owners must pay a fair "
                     "wage,\u201d union leader Tomas Berg said on Friday.",
                     "\u201cThis strike is devastating for the region,\u201d Mayor Ana Ortiz said.",
                     "The union said 1,200 dockers had joined; the owners put it at 700 dockers.")
    b = desk.article("Coast Daily",
                     "\u201cWe stay out until the contract is signed,\u201d Berg said on Friday. "
                     "\u201cThe owners must pay a fair wage.\u201d",
                     "\u201cThis strike is so bad in the region,\u201d Ortiz said.",
                     "About 1,200 dockers are on strike.")
    c = desk.article("Port Wire",
                     "Berg, speaking on Feb. 7, said: \u201cThe owners must pay a fair wage.\u201d",
                     "The port authority called the walkout \u201creckless\u201d.")
    desk.quote(a, "We stay out until the contract is signed. The owners must pay a fair wage,", "Tomas Berg")
    desk.quote(a, "This strike is devastating for the region,", "Ana Ortiz")
    desk.figure(a, "1,200 dockers", 1200, "dockers on strike", speaker="Union")
    b1 = desk.quote(b, "We stay out until the contract is signed,", "Tomas Berg")
    desk.quote(b, "The owners must pay a fair wage.", "Tomas Berg", continues=b1)
    desk.quote(b, "This strike is so bad in the region,", "Ana Ortiz")
    desk.figure(b, "About 1,200 dockers", 1200, "dockers on strike")
    desk.quote(c, "The owners must pay a fair wage.", "Tomas Berg")
    desk.quote(c, "reckless", "Port Authority", fragment=True)
    desk.date(a, "Friday", "2025-02-07", relative=True)
    desk.date(b, "Friday", "2025-02-07", relative=True)
    desk.date(c, "Feb. 7", "2025-02-07")


def fourth_outlet(desk: Desk) -> None:
    """Repeats some claims (in other words) and adds new ones."""
    d = desk.article("Evening Star",
                     "\u201cThe owners must pay a fair wage,\u201d Berg told the rally on Friday.",
                     "Ortiz said the strike was \u201cso bad in the region\u201d that shops were closing.",
                     "Owners said 700 dockers joined. \u201cWe are losing a ship a day,\u201d one owner said.",
                     "The authority again called it \u201creckless.\u201d")
    desk.quote(d, "The owners must pay a fair wage,", "Tomas Berg")
    desk.quote(d, "so bad in the region", "Ana Ortiz")
    desk.figure(d, "700 dockers", 700, "dockers on strike", speaker="Owners")
    desk.quote(d, "We are losing a ship a day,", None)
    desk.quote(d, "reckless.", "Port Authority", fragment=True)
    desk.date(d, "Friday", "2025-02-07", relative=True)


def ids(claims: list[Claim]) -> dict[frozenset[str], str]:
    return {frozenset(c.mentions): c.id for c in claims}


def test_same_input_gives_the_same_ids() -> None:
    first, second = Desk(), Desk()
    three_outlets(first)
    three_outlets(second)
    assert [c.id for c in first.align()] == [c.id for c in second.align()]
    assert [[d.id for d in c.discrepancies] for c in first.align()] == [
        [d.id for d in c.discrepancies] for c in second.align()]


def test_input_order_does_not_change_ids_or_claims() -> None:
    desk = Desk()
    three_outlets(desk)
    shuffled = list(desk.mentions)
    random.Random(7).shuffle(shuffled)
    story = Story(id=desk.story, title="", articles=tuple(a.id for a in desk.articles))
    assert align_story(story, desk.articles[::-1], shuffled) == desk.align()


def test_adding_an_article_keeps_every_existing_claim_id() -> None:
    desk = Desk()
    three_outlets(desk)
    before = desk.align()
    fourth_outlet(desk)
    after = desk.align()
    after_ids = {c.id for c in after}
    assert {c.id for c in before} <= after_ids
    new_article = desk.articles[-1].id
    joined = [c for c in after if c.id in {b.id for b in before}
              and any(m.startswith(new_article) for m in c.mentions)]
    assert len(joined) >= 4  # the wage quote, the region quote, the dockers figure, the date ...
    assert len(after) > len(before)  # ... and claims of its own


def test_ids_are_readable_slugs_unique_within_the_story() -> None:
    desk = Desk()
    three_outlets(desk)
    fourth_outlet(desk)
    claims = desk.align()
    assert len({c.id for c in claims}) == len(claims)
    for c in claims:
        assert ID_PATTERN.match(c.id) and c.id[0] in "qfd"
        assert len({d.id for d in c.discrepancies}) == len(c.discrepancies)
        assert all(ID_PATTERN.match(d.id) and d.id.startswith(d.type) for d in c.discrepancies)
    wage = next(c for c in claims if c.kind == "quote" and c.speaker == "Tomas Berg")
    assert wage.id.startswith("q-tomas-berg-")


def test_ids_do_not_depend_on_article_ids_or_offsets() -> None:
    desk = Desk()
    three_outlets(desk)
    renamed = Desk()
    three_outlets(renamed)
    renamed.articles = [replace(a, id="x" + a.id) for a in renamed.articles]
    renamed.mentions = [replace(m, id="x" + m.id, article="x" + m.article,
                                continues="x" + m.continues if m.continues else None)
                        for m in renamed.mentions]
    assert sorted(c.id for c in desk.align()) == sorted(c.id for c in renamed.align())
