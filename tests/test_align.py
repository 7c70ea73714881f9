"""Alignment: the same quotation, figure or dated event across outlets, agree or differ."""

from __future__ import annotations

import re

from builder.align import align_story, subject_key
from builder.ids import mention_id
from builder.models import Article, Claim, Mention, Story
from builder.urls import claim_url

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Desk:
    """Builds a story by hand: articles from paragraphs, mentions found in their bodies."""

    def __init__(self, story: str = "harbour-strike") -> None:
        self.story = story
        self.articles: list[Article] = []
        self.mentions: list[Mention] = []

    def article(self, outlet: str, *paragraphs: str) -> str:
        ident = f"{len(self.articles):03d}-{outlet.lower().replace(' ', '-')}"
        self.articles.append(Article(id=ident, story=self.story, path=f"{ident}.txt",
                                     outlet=outlet, title=outlet, body="\n\n".join(paragraphs)))
        return ident

    def _place(self, article: str, text: str, nth: int) -> tuple[int, int, int, int]:
        body = next(a.body for a in self.articles if a.id == article)
        start = -1
        for _ in range(nth + 1):
            start = body.index(text, start + 1)
        end = start + len(text)
        stop = body.rfind(". ", 0, start)
        sent_start = max(stop + 2 if stop >= 0 else 0, body.rfind("\n", 0, start) + 1)
        match = re.search(r"[.!?][\"\u201d]?(\s|$)", body[end:])
        sent_end = end + match.end() if match else len(body)
        return start, end, sent_start, sent_end

    def _add(self, article: str, kind: str, text: str, nth: int, **fields: object) -> Mention:
        start, end, cs, ce = self._place(article, text, nth)
        m = Mention(id=mention_id(article, kind, start, end), article=article, kind=kind,  # type: ignore[arg-type]
                    text=text, start=start, end=end, context_start=cs, context_end=ce, **fields)
        self.mentions.append(m)
        return m

    def quote(self, article: str, text: str, speaker: str | None = None, *, nth: int = 0,
              fragment: bool = False, continues: Mention | None = None) -> Mention:
        return self._add(article, "quote", text, nth, speaker=speaker, fragment=fragment,
                         continues=continues.id if continues else None)

    def figure(self, article: str, text: str, value: float, subject: str | None,
               speaker: str | None = None, unit: str | None = "people") -> Mention:
        return self._add(article, "figure", text, 0, value=value, subject=subject,
                         speaker=speaker, unit=unit)

    def date(self, article: str, text: str, iso: str | None, *, relative: bool = False,
             nth: int = 0) -> Mention:
        return self._add(article, "date", text, nth, date=iso, relative=relative)

    def align(self) -> list[Claim]:
        story = Story(id=self.story, title=self.story, articles=tuple(a.id for a in self.articles))
        return align_story(story, self.articles, self.mentions)


def claims_with(claims: list[Claim], mention: Mention) -> list[Claim]:
    return [c for c in claims if mention.id in c.mentions]


def only_claim_with(claims: list[Claim], mention: Mention) -> Claim:
    found = claims_with(claims, mention)
    assert len(found) == 1, found
    return found[0]


# --- quotations ------------------------------------------------------------------


def test_same_quote_with_other_marks_and_number_style_agrees() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cWe\u2019d lose two million tonnes of cargo,\u201d Ortiz said.")
    b = d.article("Coast Daily", "\"We'd lose 2 million tonnes of cargo\", Ortiz said.")
    c = d.article("Port Wire", "Ortiz warned: \u201cWe\u2019d lose 2 million tonnes of cargo.\u201d")
    qa = d.quote(a, "We\u2019d lose two million tonnes of cargo,", "Ana Ortiz")
    qb = d.quote(b, "We'd lose 2 million tonnes of cargo", "Ana Ortiz")
    qc = d.quote(c, "We\u2019d lose 2 million tonnes of cargo.", "Ana Ortiz")
    claim = only_claim_with(d.align(), qa)
    assert set(claim.mentions) == {qa.id, qb.id, qc.id}
    assert claim.status == "agree"
    assert claim.speaker == "Ana Ortiz"
    assert not [x for x in claim.discrepancies if x.type == "wording" and not x.minor]


def test_changed_words_make_the_claim_differ_with_a_word_diff() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cThis strike is devastating for the region,\u201d Berg said.")
    b = d.article("Coast Daily", "\u201cThis strike is so bad in the region,\u201d Berg said.")
    qa = d.quote(a, "This strike is devastating for the region,", "Tomas Berg")
    qb = d.quote(b, "This strike is so bad in the region,", "Tomas Berg")
    claim = only_claim_with(d.align(), qa)
    assert qb.id in claim.mentions and claim.status == "differ"
    (wording,) = [x for x in claim.discrepancies if x.type == "wording"]
    changed = [op for op in wording.diff if op.op != "equal"]
    assert len(changed) == 1 and changed[0].op == "replace"
    assert {changed[0].a, changed[0].b} == {"devastating for", "so bad in"}
    assert "\u2192" in wording.summary


def test_long_quotation_joins_each_shorter_quote_it_contains() -> None:
    d = Desk(story="trade-talks")
    a = d.article("Harbour Times", "\u201cTalks are going well. We expect a deal by spring. Nothing is "
                  "agreed until everything is agreed,\u201d the envoy, Lena Sato, said.")
    b = d.article("Coast Daily", "\u201cTalks are going well,\u201d Sato told reporters on Monday.",
                  "Later she added: \u201cNothing is agreed until everything is agreed.\u201d")
    long = d.quote(a, "Talks are going well. We expect a deal by spring. Nothing is agreed until "
                   "everything is agreed,", "Lena Sato")
    first = d.quote(b, "Talks are going well,", "Lena Sato")
    second = d.quote(b, "Nothing is agreed until everything is agreed.", "Lena Sato")
    claims = d.align()
    assert len(claims) == 2
    assert {c.id for c in claims_with(claims, long)} == {
        only_claim_with(claims, first).id, only_claim_with(claims, second).id}
    assert all(c.status == "agree" for c in claims)


def test_ellipsis_cut_agrees_with_the_full_quotation() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cWe will not move the ships. Not today, not tomorrow. The "
                  "workers deserve better,\u201d Berg said.")
    b = d.article("Coast Daily", "\u201cWe will not move the ships\u2026 The workers deserve better,\u201d "
                  "Berg said.")
    c = d.article("Port Wire", "\u201cWe will not move the ships. . . . The workers deserve better.\u201d")
    qa = d.quote(a, "We will not move the ships. Not today, not tomorrow. The workers deserve better,",
                 "Tomas Berg")
    qb = d.quote(b, "We will not move the ships\u2026 The workers deserve better,", "Tomas Berg")
    qc = d.quote(c, "We will not move the ships. . . . The workers deserve better.", "Tomas Berg")
    claim = only_claim_with(d.align(), qa)
    assert {qb.id, qc.id} <= set(claim.mentions)
    assert claim.status == "agree"


def test_bracketed_insertion_is_not_a_difference() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cHe (the governor) wants the port open by Friday,\u201d Berg said.")
    b = d.article("Coast Daily", "\u201cHe wants the port open by Friday,\u201d Berg said.")
    c = d.article("Port Wire", "\u201c[The governor] wants the port open by Friday.\u201d")
    qa = d.quote(a, "He (the governor) wants the port open by Friday,", "Tomas Berg")
    qb = d.quote(b, "He wants the port open by Friday,", "Tomas Berg")
    qc = d.quote(c, "[The governor] wants the port open by Friday.", "Tomas Berg")
    claim = only_claim_with(d.align(), qa)
    assert set(claim.mentions) == {qa.id, qb.id, qc.id}
    assert claim.status == "agree"


def test_split_quote_parts_are_two_claims_each_holding_the_full_quotation() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cI hope it ends soon. Every day the harbour stays shut, families "
                  "lose money,\u201d Ortiz said.")
    b = d.article("Coast Daily", "\u201cI hope it ends soon,\u201d Ortiz said. \u201cEvery day the "
                  "harbour stays shut, families lose money.\u201d")
    full = d.quote(a, "I hope it ends soon. Every day the harbour stays shut, families lose money,",
                   "Ana Ortiz")
    first = d.quote(b, "I hope it ends soon,", "Ana Ortiz")
    second = d.quote(b, "Every day the harbour stays shut, families lose money.", "Ana Ortiz",
                     continues=first)
    claims = d.align()
    assert set(only_claim_with(claims, first).mentions) == {full.id, first.id}
    assert set(only_claim_with(claims, second).mentions) == {full.id, second.id}
    assert {c.status for c in claims} == {"agree"} and len(claims) == 2


def test_a_lead_in_too_short_to_stand_alone_joins_the_rest_of_its_quotation() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cI hope it ends. Every day the harbour stays shut, families "
                  "lose money,\u201d Ortiz said.")
    b = d.article("Coast Daily", "\u201cI hope it ends,\u201d Ortiz said. \u201cEvery day the "
                  "harbour stays shut, families lose money.\u201d")
    full = d.quote(a, "I hope it ends. Every day the harbour stays shut, families lose money,", "Ana Ortiz")
    first = d.quote(b, "I hope it ends,", "Ana Ortiz")
    second = d.quote(b, "Every day the harbour stays shut, families lose money.", "Ana Ortiz",
                     continues=first)
    (claim,) = d.align()
    assert set(claim.mentions) == {full.id, first.id, second.id} and claim.status == "agree"


def test_split_quote_parts_stay_apart_where_another_outlet_has_words_between() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cThe talks continue through several channels. And of course, "
                  "with so many meetings, I cannot know everything. So I can neither confirm nor deny "
                  "it,\u201d the spokesman, Ivo Marin, said.")
    b = d.article("Coast Daily", "\u201cThe talks continue through several channels,\u201d Marin said. "
                  "\u201cI cannot know everything. So I can neither confirm nor deny it.\u201d")
    c = d.article("Port Wire", "\u201cThe talks continue through several channels,\u201d Marin told the "
                  "agency. \u201cI cannot know everything. So I can neither confirm nor deny it.\u201d")
    full = d.quote(a, "The talks continue through several channels. And of course, with so many "
                   "meetings, I cannot know everything. So I can neither confirm nor deny it,", "Ivo Marin")
    b1 = d.quote(b, "The talks continue through several channels,", "Ivo Marin")
    b2 = d.quote(b, "I cannot know everything. So I can neither confirm nor deny it.", "Ivo Marin",
                 continues=b1)
    c1 = d.quote(c, "The talks continue through several channels,", "Ivo Marin")
    c2 = d.quote(c, "I cannot know everything. So I can neither confirm nor deny it.", "Ivo Marin",
                 continues=c1)
    claims = d.align()
    first, second = only_claim_with(claims, b1), only_claim_with(claims, b2)
    assert first.id != second.id
    assert set(first.mentions) == {full.id, b1.id, c1.id}
    assert set(second.mentions) == {full.id, b2.id, c2.id}


def test_quote_repeated_in_one_article_joins_the_claim_and_its_variant_is_minor() -> None:
    d = Desk()
    a = d.article("Harbour Times", "Asked how long, Berg said: \u201cI better not guess.\u201d",
                  "Later he repeated: \u201cI'd better not guess.\u201d")
    b = d.article("Coast Daily", "\u201cI better not guess,\u201d Berg said.")
    a1 = d.quote(a, "I better not guess.", "Tomas Berg")
    a2 = d.quote(a, "I'd better not guess.", "Tomas Berg")
    b1 = d.quote(b, "I better not guess,", "Tomas Berg")
    claim = only_claim_with(d.align(), a1)
    assert set(claim.mentions) == {a1.id, a2.id, b1.id}
    # Harbour Times also quotes the words as Coast Daily does: its other wording is shown,
    # not counted against the outlets' agreement.
    (wording,) = [x for x in claim.discrepancies if x.type == "wording"]
    assert wording.minor and a2.id in wording.mentions
    assert claim.status == "agree"


def test_fragment_joins_the_claim_of_a_same_speaker_quote_holding_it() -> None:
    d = Desk()
    a = d.article("Harbour Times", "Berg said the owners \u201cnever listen to us\u201d at all.")
    b = d.article("Coast Daily", "\u201cThe owners never listen to us. We are tired,\u201d Berg said.")
    frag = d.quote(a, "never listen to us", "Tomas Berg", fragment=True)
    full = d.quote(b, "The owners never listen to us. We are tired,", "Tomas Berg")
    claim = only_claim_with(d.align(), frag)
    assert full.id in claim.mentions


def test_fragment_does_not_glue_two_unrelated_claims() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cThe owners must pay a fair wage,\u201d Berg said. \u201cA fair "
                  "deal is all we ask of the city,\u201d he added.")
    b = d.article("Coast Daily", "\u201cThe owners must pay a fair wage,\u201d Berg said.",
                  "\u201cA fair deal is all we ask of the city,\u201d Berg said.",
                  "Berg called it \u201cfair\u201d again.")
    q1 = d.quote(a, "The owners must pay a fair wage,", "Tomas Berg")
    q2 = d.quote(a, "A fair deal is all we ask of the city,", "Tomas Berg")
    d.quote(b, "The owners must pay a fair wage,", "Tomas Berg")
    d.quote(b, "A fair deal is all we ask of the city,", "Tomas Berg")
    frag = d.quote(b, "fair", "Tomas Berg", nth=2, fragment=True)
    claims = d.align()
    assert only_claim_with(claims, q1).id != only_claim_with(claims, q2).id
    assert only_claim_with(claims, frag).mentions == (frag.id,)


def test_same_fragment_in_two_outlets_forms_one_claim() -> None:
    d = Desk()
    a = d.article("Harbour Times", "The minister called the strike \u201creckless\u201d on Monday.")
    b = d.article("Coast Daily", "Ortiz said the walkout was \u201creckless.\u201d")
    fa = d.quote(a, "reckless", "Ana Ortiz", fragment=True)
    fb = d.quote(b, "reckless.", "Ana Ortiz", fragment=True)
    claim = only_claim_with(d.align(), fa)
    assert fb.id in claim.mentions and claim.status == "agree"


def test_same_words_credited_to_another_speaker_differ_by_speaker() -> None:
    d = Desk()
    text = "We will keep the port closed until the contract is signed by both sides,"
    a = d.article("Harbour Times", f"\u201c{text}\u201d Berg said.")
    b = d.article("Coast Daily", f"\u201c{text}\u201d his deputy, Mia Holm, said.")
    qa = d.quote(a, text, "Tomas Berg")
    qb = d.quote(b, text, "Mia Holm")
    claim = only_claim_with(d.align(), qa)
    assert qb.id in claim.mentions and claim.status == "differ"
    assert [x.type for x in claim.discrepancies] == ["speaker"]


def test_unattributed_quote_joins_only_on_a_strong_match() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cThe harbour will reopen when the pay deal is signed,\u201d Ortiz said.",
                  "\u201cWe are ready,\u201d Ortiz said.")
    b = d.article("Coast Daily", "A statement read: \u201cThe harbour will reopen when the pay deal is signed.\u201d",
                  "\u201cWe are not ready,\u201d one docker said.")
    qa = d.quote(a, "The harbour will reopen when the pay deal is signed,", "Ana Ortiz")
    ready = d.quote(a, "We are ready,", "Ana Ortiz")
    qb = d.quote(b, "The harbour will reopen when the pay deal is signed.", None)
    not_ready = d.quote(b, "We are not ready,", None)
    claims = d.align()
    assert qb.id in only_claim_with(claims, qa).mentions
    assert not_ready.id not in only_claim_with(claims, ready).mentions


def test_a_quote_in_one_article_only_is_single() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cNobody told us anything,\u201d a docker said.")
    d.article("Coast Daily", "The strike entered its third day.")
    q = d.quote(a, "Nobody told us anything,", None)
    claim = only_claim_with(d.align(), q)
    assert claim.status == "single" and claim.mentions == (q.id,)


# --- figures ---------------------------------------------------------------------


def test_subject_synonyms_and_word_order_do_not_matter() -> None:
    assert subject_key("Ukrainian troops killed") == subject_key("killed Ukrainian soldiers")
    assert subject_key("dead civilians") == subject_key("civilians killed")
    assert subject_key("Russian soldiers killed") != subject_key("Ukrainian soldiers killed")


def test_figures_on_one_subject_from_two_sources_are_one_contested_claim() -> None:
    d = Desk(story="flood")
    a = d.article("Harbour Times", "The governor said 1,200 residents were evacuated overnight.")
    b = d.article("Coast Daily", "Police said about 800 residents had been evacuated.")
    fa = d.figure(a, "1,200 residents", 1200, "residents evacuated", speaker="Ana Ortiz")
    fb = d.figure(b, "about 800 residents", 800, "evacuated residents", speaker="Police")
    claim = only_claim_with(d.align(), fa)
    assert fb.id in claim.mentions and claim.status == "contested"
    assert claim.discrepancies == ()
    assert {(s.speaker, s.value, s.outlets) for s in claim.contested} == {
        ("Ana Ortiz", "1,200", ("Harbour Times",)), ("Police", "800", ("Coast Daily",))}
    assert claim.title in ("Residents evacuated: 1,200 or 800", "Evacuated residents: 1,200 or 800")


def test_one_source_quoted_with_two_values_by_two_outlets_differs() -> None:
    d = Desk(story="flood")
    a = d.article("Harbour Times", "The governor said 1,200 residents were evacuated overnight.")
    b = d.article("Coast Daily", "The governor said 1,500 residents had been evacuated.")
    fa = d.figure(a, "1,200 residents", 1200, "residents evacuated", speaker="Ana Ortiz")
    d.figure(b, "1,500 residents", 1500, "residents evacuated", speaker="Ana Ortiz")
    claim = only_claim_with(d.align(), fa)
    assert claim.status == "differ" and not claim.contested
    (number,) = claim.discrepancies
    assert number.type == "number"
    assert {(s.text, s.outlets) for s in number.sides} == {
        ("1,200", ("Harbour Times",)), ("1,500", ("Coast Daily",))}


def test_same_figure_in_three_outlets_agrees() -> None:
    d = Desk(story="flood")
    ids = []
    for outlet, text in [("A", "Some 4,000 homes were flooded."), ("B", "About 4,000 homes flooded."),
                         ("C", "Floods hit 4,000 homes.")]:
        art = d.article(outlet, text)
        ids.append(d.figure(art, "4,000 homes", 4000, "homes flooded", unit="homes").id)
    (claim,) = d.align()
    assert set(claim.mentions) == set(ids) and claim.status == "agree"


def test_figures_without_subject_group_only_when_identical() -> None:
    d = Desk(story="flood")
    a = d.article("A", "The bill came to 12 million dollars, or 3 percent of the budget.")
    b = d.article("B", "It cost 12 million dollars.")
    fa = d.figure(a, "12 million dollars", 12e6, None, unit="dollars")
    pct = d.figure(a, "3 percent", 3, None, unit="percent")
    fb = d.figure(b, "12 million dollars", 12e6, None, unit="dollars")
    claims = d.align()
    assert set(only_claim_with(claims, fa).mentions) == {fa.id, fb.id}
    assert only_claim_with(claims, pct).mentions == (pct.id,)


# --- dates ------------------------------------------------------------------------


def test_relative_and_written_dates_of_one_event_agree() -> None:
    d = Desk()
    arts = [d.article("A", "The dockers walked out of the container terminal on Friday after talks failed."),
            d.article("B", "Dockers walked out of the container terminal on Friday when talks failed."),
            d.article("C", "On Friday, dockers walked out of the container terminal."),
            d.article("D", "Talks failed and dockers walked out of the container terminal on Feb. 7.")]
    ms = [d.date(x, "Friday", "2025-02-07", relative=True) for x in arts[:3]]
    ms.append(d.date(arts[3], "Feb. 7", "2025-02-07"))
    claim = only_claim_with(d.align(), ms[0])
    assert set(claim.mentions) == {m.id for m in ms}
    assert claim.status == "agree" and claim.title.endswith(": 7 Feb 2025")


def test_month_precision_is_compatible_with_the_day() -> None:
    d = Desk()
    a = d.article("A", "The last strike at the terminal began on March 3, 2019, and lasted a month.")
    b = d.article("B", "The last strike at the terminal began in March 2019.")
    da = d.date(a, "March 3, 2019", "2019-03-03")
    db = d.date(b, "March 2019", "2019-03")
    claim = only_claim_with(d.align(), da)
    assert db.id in claim.mentions and claim.status == "agree"


def test_same_event_with_another_date_differs() -> None:
    d = Desk()
    a = d.article("A", "The port authority signed the new pay agreement with the dockers union on May 4, 2024.")
    b = d.article("B", "The port authority signed the new pay agreement with the dockers union on May 5, 2024.")
    da = d.date(a, "May 4, 2024", "2024-05-04")
    db = d.date(b, "May 5, 2024", "2024-05-05")
    claim = only_claim_with(d.align(), da)
    assert db.id in claim.mentions and claim.status == "differ"
    assert [x.type for x in claim.discrepancies] == ["date"]


def test_unresolved_dates_stay_single_and_other_events_apart() -> None:
    d = Desk()
    a = d.article("A", "Talks resume next week. The ferry service restarted on June 2, 2024.")
    b = d.article("B", "Talks resume in the coming days. The mayor resigned on June 2, 2023.")
    na = d.date(a, "next week", None, relative=True)
    nb = d.date(b, "the coming days", None, relative=True)
    ferry = d.date(a, "June 2, 2024", "2024-06-02")
    mayor = d.date(b, "June 2, 2023", "2023-06-02")
    claims = d.align()
    for m in (na, nb, ferry, mayor):
        assert only_claim_with(claims, m).mentions == (m.id,)


# --- the story as a whole -----------------------------------------------------------


def test_omission_names_outlets_that_leave_out_a_widely_carried_claim() -> None:
    d = Desk()
    text = "We stay out until the contract is signed,"
    quoted = [d.article(o, f"\u201c{text}\u201d Berg said.") for o in ("A", "B", "C")]
    d.article("D", "The strike continued on its third day.")
    qs = [d.quote(x, text, "Tomas Berg") for x in quoted]
    claim = only_claim_with(d.align(), qs[0])
    (omission,) = [x for x in claim.discrepancies if x.type == "omission"]
    assert omission.outlets == ("D",)
    assert claim.status == "agree"


def test_every_mention_is_in_a_claim_with_valid_fields() -> None:
    d = Desk()
    a = d.article("A", "\u201cThe port is shut,\u201d Ortiz said on Friday. About 300 ships wait offshore.")
    b = d.article("B", "\u201cThe port is shut,\u201d Ortiz said. Some 300 ships are waiting.")
    d.quote(a, "The port is shut,", "Ana Ortiz")
    d.quote(b, "The port is shut,", "Ana Ortiz")
    d.date(a, "Friday", "2025-02-07", relative=True)
    d.figure(a, "About 300 ships", 300, "ships waiting", unit="ships")
    d.figure(b, "300 ships", 300, "ships waiting", unit="ships")
    claims = d.align()
    assert {m for c in claims for m in c.mentions} == {m.id for m in d.mentions}
    assert claims == sorted(claims, key=lambda c: (c.kind, c.id))
    for c in claims:
        assert ID_PATTERN.match(c.id) and c.url == claim_url(d.story, c.id)
        assert c.title and c.story == d.story


def test_fifty_article_story_aligns_every_one_of_its_thousand_mentions() -> None:
    speakers = [f"Speaker {chr(65 + k)}" for k in range(10)]
    sentences = [f"The {w} plan for the harbour district will need {k + 3} more weeks of work and "
                 f"a vote in the council, said the office" for k, w in enumerate(
                     "north south east west river bridge market tower canal garden".split() * 6)]
    d = Desk(story="big")
    for n in range(50):
        paragraphs, picks = [], [(n * 7 + k * 3) % len(sentences) for k in range(20)]
        for k in picks:
            words = sentences[k].split()
            if n % 3 == 0:
                words[4] = "new"
            paragraphs.append(f"\u201c{' '.join(words)},\u201d {speakers[k % 10]} said on Friday. "
                              f"About {k * 10 + 5} workers joined in sector {k}.")
        art = d.article(f"Outlet {n}", *paragraphs)
        for i, k in enumerate(picks):
            body = d.articles[-1].body
            text = paragraphs[i][1:paragraphs[i].index("\u201d")]
            if body.count(text) == 1:
                d.quote(art, text, speakers[k % 10])
                d.figure(art, f"About {k * 10 + 5} workers", k * 10 + 5, f"workers sector {k}")
                d.date(art, "Friday", "2025-02-07", relative=True) if i == 0 else None
    assert len(d.mentions) > 1000
    claims = d.align()
    assert {m for c in claims for m in c.mentions} == {m.id for m in d.mentions}


def test_parts_split_the_same_way_by_two_outlets_stay_two_claims() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cThe cranes are idle,\u201d Berg said. \u201cThe ships wait offshore.\u201d")
    b = d.article("Coast Daily", "\u201cThe cranes are idle,\u201d he said. \u201cThe ships wait offshore.\u201d")
    a1 = d.quote(a, "The cranes are idle,", "Tomas Berg")
    a2 = d.quote(a, "The ships wait offshore.", "Tomas Berg", continues=a1)
    b1 = d.quote(b, "The cranes are idle,", "Tomas Berg")
    b2 = d.quote(b, "The ships wait offshore.", "Tomas Berg", continues=b1)
    claims = d.align()
    assert set(only_claim_with(claims, a1).mentions) == {a1.id, b1.id}
    assert set(only_claim_with(claims, a2).mentions) == {a2.id, b2.id}


def test_a_version_spanning_both_parts_of_a_split_quotation_joins_both_despite_a_trimmed_tail() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cThe union accepts that errors were made at the depot. "
                  "It denies any wrongdoing at all,\u201d Berg said.")
    b = d.article("Coast Daily", "\u201cThe union accepts that errors were made,\u201d Berg said. "
                  "\u201cIt denies any wrongdoing at all.\u201d")
    whole = d.quote(a, "The union accepts that errors were made at the depot. It denies any wrongdoing "
                    "at all,", "Tomas Berg")
    b1 = d.quote(b, "The union accepts that errors were made,", "Tomas Berg")
    b2 = d.quote(b, "It denies any wrongdoing at all.", "Tomas Berg", continues=b1)
    claims = d.align()
    first, second = only_claim_with(claims, b1), only_claim_with(claims, b2)
    assert set(first.mentions) == {whole.id, b1.id} and set(second.mentions) == {whole.id, b2.id}
    assert first.status == second.status == "agree"


def test_paragraphs_of_one_quotation_reported_apart_elsewhere_stand_in_both_claims() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cWe have waited six months for an offer.",
                  "\u201cOur families cannot wait another winter,\u201d Berg said.")
    b = d.article("Coast Daily", "\u201cWe have waited six months for an offer,\u201d Berg said.")
    c = d.article("River Post", "\u201cOur families cannot wait another winter,\u201d he said.")
    a1 = d.quote(a, "We have waited six months for an offer.", "Tomas Berg")
    a2 = d.quote(a, "Our families cannot wait another winter,", "Tomas Berg", continues=a1)
    b1 = d.quote(b, "We have waited six months for an offer,", "Tomas Berg")
    c1 = d.quote(c, "Our families cannot wait another winter,", "Tomas Berg")
    claims = d.align()
    first, second = only_claim_with(claims, b1), only_claim_with(claims, c1)
    assert set(first.mentions) == {a1.id, a2.id, b1.id}
    assert set(second.mentions) == {a1.id, a2.id, c1.id}
    assert first.status == second.status == "agree"


def test_paragraphs_of_one_quotation_reported_nowhere_else_are_one_claim() -> None:
    d = Desk()
    a = d.article("Harbour Times", "\u201cWe have waited six months for an offer.",
                  "\u201cOur families cannot wait another winter,\u201d Berg said.")
    a1 = d.quote(a, "We have waited six months for an offer.", "Tomas Berg")
    a2 = d.quote(a, "Our families cannot wait another winter,", "Tomas Berg", continues=a1)
    assert set(only_claim_with(d.align(), a1).mentions) == {a1.id, a2.id}


def test_a_speaker_given_only_as_a_description_neither_splits_a_quotation_nor_differs() -> None:
    d = Desk()
    text = "You paid into the pension fund for years, and now they want to cut it."
    a = d.article("Harbour Times", f"\u201c{text}\u201d the ad says.")
    b = d.article("Coast Daily", f"\u201c{text}\u201d the advertisement says.")
    qa, qb = d.quote(a, text, "ad"), d.quote(b, text, "advertisement")
    claim = only_claim_with(d.align(), qa)
    assert set(claim.mentions) == {qa.id, qb.id}
    assert claim.status == "agree" and not [x for x in claim.discrepancies if x.type == "speaker"]
