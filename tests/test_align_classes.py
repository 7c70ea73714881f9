"""Real-coverage alignment, class by class: one invented three-outlet story each, run through
extraction and alignment, asserting the claims and their statuses.

The classes are those of the alignment issue measured on real news: figure subjects read on
either side of the number, the same quantity in other words, counts in compounds, figures
that are not one claim, dates, and quotations. Every passage is our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.models import Claim, Corpus, Mention

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class Coverage:
    """A story of three outlets' articles, collected once: mentions and claims by text."""

    def __init__(self, folder: Path, published: str, **articles: str) -> None:
        from builder.pipeline import collect

        folder.mkdir(parents=True, exist_ok=True)
        for n, (outlet, body) in enumerate(articles.items()):
            name = outlet.replace("_", " ").title()
            (folder / f"{n}-{outlet}.md").write_text(
                f"---\ntitle: {name} report\ndate: {published}\noutlet: {name}\n---\n\n{body}\n",
                encoding="utf-8")
        self.corpus: Corpus = collect(folder, progress=False).corpus
        self.outlet = {a.id: a.outlet for a in self.corpus.articles}

    def mentions(self, kind: str, text: str) -> list[Mention]:
        """The mentions of ``kind`` whose text holds ``text``, by outlet."""
        found = [m for m in self.corpus.mentions if m.kind == kind and text in m.text]
        assert found, f"no {kind} mention with {text!r}: {[m.text for m in self.corpus.mentions if m.kind == kind]}"
        return sorted(found, key=lambda m: self.outlet[m.article])

    def one(self, kind: str, text: str, outlet: str) -> Mention:
        (m,) = [m for m in self.mentions(kind, text) if self.outlet[m.article] == outlet]
        return m

    def claim_of(self, mention: Mention) -> Claim:
        (claim,) = [c for c in self.corpus.claims if mention.id in c.mentions]
        return claim

    def claims_of(self, mention: Mention) -> list[Claim]:
        return [c for c in self.corpus.claims if mention.id in c.mentions]


# --- 1. figure subjects, read on both sides of the number -----------------------------


@pytest.fixture(scope="module")
def reallocation(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("reallocation"), "2025-03-14",
        harbour_times="The ministry will move €2 billion in unspent reconstruction funds to "
                      "hospitals, officials said on Thursday.",
        coast_daily="Hospitals will receive about €2 billion, the ministry said on Thursday.",
        river_post="The plan means shifting money from the reconstruction budget to hospitals, "
                   "to the tune of €2 billion, the ministry said.")


def test_money_read_before_and_after_the_number_is_one_agreeing_claim(reallocation):
    amounts = reallocation.mentions("figure", "€2 billion")
    assert len(amounts) == 3
    claim = reallocation.claim_of(amounts[0])
    assert set(claim.mentions) == {m.id for m in amounts}
    assert claim.status == "agree"


def test_a_wrapper_noun_gives_way_to_the_verb_s_object_with_the_evidence_kept(reallocation):
    tune = reallocation.one("figure", "€2 billion", "River Post")
    assert tune.subject == "money" and tune.subject_head == "money" and tune.subject_verb == "shift"
    funds = reallocation.one("figure", "€2 billion", "Harbour Times")
    assert funds.subject_head == "fund" and funds.subject_verb == "move"
    assert funds.subject_words == "unspent reconstruction funds"


# --- 2. the same quantity in other words ------------------------------------------


@pytest.fixture(scope="module")
def march(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("march"), "2025-03-15",
        harbour_times="More than 300 marchers reached the square on Saturday. About 60 people "
                      "gathered outside the court.",
        coast_daily="About 300 protesters gathered in the square on Saturday. About 60 people "
                    "protested outside the court.",
        river_post="On Saturday some 300 demonstrators filled the square, police said.")


def test_marchers_protesters_and_demonstrators_are_one_crowd(march):
    crowd = march.mentions("figure", "300")
    assert len(crowd) == 3
    claim = march.claim_of(crowd[0])
    assert set(claim.mentions) == {m.id for m in crowd} and claim.status == "agree"


def test_the_verb_is_not_part_of_the_subject(march):
    court = march.mentions("figure", "About 60")
    assert len(court) == 2
    claim = march.claim_of(court[0])
    assert set(claim.mentions) == {m.id for m in court} and claim.status == "agree"
    assert march.claim_of(court[0]).id != march.claim_of(march.mentions("figure", "300")[0]).id


# --- 3. counts in compounds --------------------------------------------------------


@pytest.fixture(scope="module")
def inquiry(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("inquiry"), "2025-03-12",
        harbour_times="The 112-page report was published on Tuesday. The council passed it in a "
                      "31-9 vote, and the mayor put her chance of re-election at one-in-three.",
        coast_daily="The 110-page report came out on Tuesday. Councillors voted 31-9 to accept it.",
        river_post="The 112-page report was released on Tuesday after a 31-9 vote. A six-vote "
                   "margin had been expected.")


def test_a_count_in_a_compound_is_a_figure_and_other_values_differ(inquiry):
    pages = inquiry.mentions("figure", "-page")
    assert [m.value for m in pages] == [110, 112, 112]
    claim = inquiry.claim_of(pages[0])
    assert set(claim.mentions) == {m.id for m in pages} and claim.status == "differ"
    (number,) = [d for d in claim.discrepancies if d.type == "number"]
    assert "112" in number.summary and "110" in number.summary


def test_a_vote_tally_is_one_figure_per_side_each_agreeing(inquiry):
    ayes = [m for m in inquiry.corpus.mentions if m.kind == "figure" and m.value == 31]
    noes = [m for m in inquiry.corpus.mentions if m.kind == "figure" and m.value == 9]
    assert len(ayes) == len(noes) == 3
    for side in (ayes, noes):
        claim = inquiry.claim_of(side[0])
        assert set(claim.mentions) == {m.id for m in side} and claim.status == "agree"


def test_a_margin_and_a_chance_in_words_are_figures(inquiry):
    margin = inquiry.one("figure", "six-vote", "River Post")
    assert margin.value == 6 and "votes" in (margin.subject or "")
    chance = inquiry.one("figure", "one-in-three", "Harbour Times")
    assert chance.unit == "percent" and chance.value == pytest.approx(33.333, abs=0.01)


# --- 4. not one claim ----------------------------------------------------------------


@pytest.fixture(scope="module")
def flood(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("flood"), "2025-03-10",
        harbour_times="Hundreds of residents fled the valley. The vigil drew about 400 people. "
                      "About 70 percent of applicants were approved for grants.",
        coast_daily="About 240 residents were evacuated from the riverside estate. Up to 1,000 "
                    "people a day use the clinic. A few hundred applicants are still waiting.",
        river_post="Her children, ages 12, 8, 6 and 3, were rescued by boat. The new scheme "
                   "means zero new paperwork for families.")


def test_a_vague_and_a_precise_count_of_other_things_stay_apart(flood):
    vague, precise = flood.mentions("figure", "Hundreds"), flood.mentions("figure", "240")
    assert flood.claim_of(vague[0]).id != flood.claim_of(precise[0]).id
    assert flood.claim_of(vague[0]).status == flood.claim_of(precise[0]).status == "single"


def test_a_crowd_and_a_daily_count_stay_apart(flood):
    vigil, clinic = flood.mentions("figure", "400"), flood.mentions("figure", "1,000")
    assert flood.claim_of(vigil[0]).id != flood.claim_of(clinic[0]).id


def test_a_few_hundred_is_vague_and_never_inherits_percent(flood):
    (waiting,) = flood.mentions("figure", "A few hundred")
    assert waiting.value is None and waiting.low == 200 and waiting.unit != "percent"
    share = flood.mentions("figure", "70 percent")[0]
    assert flood.claim_of(share).id != flood.claim_of(waiting).id


def test_ages_and_zero_are_not_figures(flood):
    river = [m for m in flood.corpus.mentions if m.kind == "figure" and flood.outlet[m.article] == "River Post"]
    assert river == []


# --- 5. dates --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def election(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("election"), "2025-02-09",
        harbour_times="LONDON, Feb 9 (Reuters) - The mayor is standing for re-election in May. "
                      "Councillors met ahead of October's budget. The 2019 referendum still divides "
                      "the town; the last vote was 12 years ago.",
        coast_daily="In March, the mayor will launch her campaign. The mayor first won in May 2021. "
                    "The following month, she set up the transport board. She told the programme This Week "
                    "that she would run.",
        river_post="The mayor spoke at a 2008 event in the old hall. At that March 2 event she "
                   "promised a tram. Commuters are braced on Monday for a second day of strikes.")


def dates_of(cov: Coverage, outlet: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date) for m in sorted(cov.corpus.mentions, key=lambda m: m.start)
            if m.kind == "date" and cov.outlet[m.article] == outlet]


def test_future_sense_resolves_forward_and_a_dateline_is_no_date(election):
    assert dates_of(election, "Harbour Times") == [
        ("May", "2025-05"), ("October", "2025-10"), ("2019", "2019"), ("12 years ago", "2013")]
    assert ("Monday", "2025-02-10") in dates_of(election, "River Post")


def test_sentence_start_months_anchored_relatives_and_back_references(election):
    coast = dates_of(election, "Coast Daily")
    assert ("In March", "2025-03") in coast and ("The following month", "2021-06") in coast
    assert not any("This Week" in text for text, _ in coast)
    river = dates_of(election, "River Post")
    assert river[:2] == [("2008", "2008"), ("March 2", "2008-03-02")]


# --- 6. quotations ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("council"), "2025-03-20",
        harbour_times="The opposition called the grant \u201ca slush fund\u201d on Thursday.\n\n"
                      "\u201cWe will rebuild every school in this city. No child will lose a term,\u201d "
                      "Mayor Ana Ortiz said.\n\n"
                      "\u201cThe money is there \u2026 and it will be spent,\u201d Ortiz added.",
        coast_daily="Critics called it a \u201cslush fund.\u201d\n\n"
                    "\u201cWe will rebuild every school in this city,\u201d Mayor Ana Ortiz said. "
                    "\u201cNo child will lose a term.\u201d\n\n"
                    "\u201cThe money is there and it will be spent on classrooms,\u201d Ortiz said.",
        river_post="The opposition spoke of \u201ca slush fund.\u201d\n\n"
                   "\u201cWe will rebuild every school in this city,\u201d Mayor Ana Ortiz said. "
                   "\u201cNo child will lose a term,\u201d she added.")


def test_fragments_that_differ_by_an_article_are_one_claim(council):
    fund = council.mentions("quote", "slush fund")
    assert len(fund) == 3
    claim = council.claim_of(fund[0])
    assert set(claim.mentions) == {m.id for m in fund} and claim.status == "agree"


def test_a_version_spanning_both_parts_of_a_split_quotation_joins_both(council):
    whole = council.one("quote", "We will rebuild every school in this city. No child", "Harbour Times")
    first = council.mentions("quote", "We will rebuild every school in this city,")
    second = [m for m in council.mentions("quote", "No child will lose a term") if m.id != whole.id]
    assert len(first) == len(second) == 2
    a, b = council.claim_of(first[0]), council.claim_of(second[0])
    assert a.id != b.id
    assert set(a.mentions) == {whole.id, *(m.id for m in first)}
    assert set(b.mentions) == {whole.id, *(m.id for m in second)}
    assert a.status == b.status == "agree"


def test_an_ellipsis_and_a_trimmed_end_agree(council):
    cut = council.mentions("quote", "The money is there")
    assert len(cut) == 2
    claim = council.claim_of(cut[0])
    assert set(claim.mentions) == {m.id for m in cut} and claim.status == "agree"


def test_the_same_quotation_is_one_claim_never_two_sharing_most_mentions(council):
    quotes = [set(c.mentions) for c in council.corpus.claims if c.kind == "quote"]
    for n, a in enumerate(quotes):
        for b in quotes[n + 1:]:
            assert len(a & b) * 2 < min(len(a), len(b)), (a, b)


@pytest.fixture(scope="module")
def ruling(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("ruling"), "2025-03-21",
        harbour_times="Union leader Tomas Berg called the ruling \u201cdeeply unfair\u201d on Friday. "
                      "Berg called the judge \u201carrogant\u201d as he left the court.",
        coast_daily="\u201cThe court ignored the dockers, and it is deeply unfair to their families,\u201d "
                    "union leader Tomas Berg said on Friday. \u201cThis judge is arrogant and he is "
                    "wrong about the law,\u201d Berg added.",
        river_post="\u201cThe court ignored every one of us, and that is deeply unfair to their families,\u201d "
                   "union leader Tomas Berg said on Friday.")


def test_a_fragment_another_outlet_quotes_more_fully_is_a_claim_judged_on_its_words(ruling):
    fragment = ruling.one("quote", "deeply unfair", "Harbour Times")
    assert fragment.fragment
    longer = [m for m in ruling.mentions("quote", "deeply unfair") if m.id != fragment.id]
    assert len(longer) == 2
    claim = ruling.claim_of(fragment)
    assert set(claim.mentions) == {fragment.id, *(m.id for m in longer)}
    assert claim.status == "agree" and claim.title == "deeply unfair"
    # the longer versions stay a claim of their own, and differ in their other words
    (whole,) = [c for c in ruling.claims_of(longer[0]) if c.id != claim.id]
    assert set(whole.mentions) == {m.id for m in longer} and whole.status == "differ"


def test_a_single_word_joins_the_one_quotation_of_another_outlet_that_holds_it(ruling):
    word = ruling.one("quote", "arrogant", "Harbour Times")
    (held,) = [m for m in ruling.mentions("quote", "arrogant") if m.id != word.id]
    claim = ruling.claim_of(word)
    assert set(claim.mentions) == {word.id, held.id} and claim.status == "agree"


@pytest.fixture(scope="module")
def pay_deal(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("pay-deal"), "2025-03-22",
        harbour_times="\u201cThe pay deal has been a slow surrender to the owners. We have seen nothing "
                      "but cuts since the spring,\u201d union leader Tomas Berg said on Saturday.",
        coast_daily="\u201cFrankly the pay deal has been, for all of us, a slow surrender to the owners,\u201d "
                    "union leader Tomas Berg said on Saturday.",
        river_post="\u201cThe pay deal has been a slow surrender to the owners. We have seen nothing but "
                   "cuts since the spring,\u201d union leader Tomas Berg told the rally.")


def test_one_sentence_quoted_amid_other_words_joins_the_quotation_and_differs(pay_deal):
    versions = pay_deal.mentions("quote", "slow surrender")
    assert len(versions) == 3
    claim = pay_deal.claim_of(versions[0])
    assert set(claim.mentions) == {m.id for m in versions} and claim.status == "differ"
    (wording,) = [d for d in claim.discrepancies if d.type == "wording"]
    assert "for all of us" in wording.summary


@pytest.fixture(scope="module")
def demands(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("demands"), "2025-03-25",
        harbour_times="Union leader Tomas Berg said the owners should \u201cpay a fair wage to every crew,\u201d "
                      "\u201cend the lockouts at the northern docks,\u201d and talk to the union.",
        coast_daily="\u201cThey must pay a fair wage to every crew,\u201d union leader Tomas Berg said.",
        river_post="\u201cThey must end the lockouts at the northern docks,\u201d union leader Tomas Berg said.")


def test_two_quotations_side_by_side_in_a_sentence_are_two_claims(demands):
    wage, lockouts = (demands.one("quote", text, "Harbour Times") for text in ("fair wage", "lockouts"))
    a, b = demands.claim_of(wage), demands.claim_of(lockouts)
    assert set(a.mentions) == {wage.id, demands.one("quote", "fair wage", "Coast Daily").id}
    assert set(b.mentions) == {lockouts.id, demands.one("quote", "lockouts", "River Post").id}
    assert a.status == b.status == "agree"


@pytest.fixture(scope="module")
def scheme_cost(tmp_path_factory) -> Coverage:
    return Coverage(
        tmp_path_factory.mktemp("scheme-cost"), "2025-03-26",
        harbour_times="The ferry scheme has cost $512 million so far, Finance Minister Ana Ortiz said "
                      "on Wednesday.",
        coast_daily="The ferry scheme has cost $500 million so far, opposition leader Tomas Berg said "
                    "on Wednesday.",
        river_post="The ferry scheme has cost more than $500 million so far.")


def test_a_value_another_source_retells_rounded_differs_and_is_not_contested(scheme_cost):
    costs = scheme_cost.mentions("figure", "million")
    assert len(costs) == 3 and {m.speaker for m in costs} >= {"Ana Ortiz", "Tomas Berg"}
    claim = scheme_cost.claim_of(costs[0])
    assert set(claim.mentions) == {m.id for m in costs}
    assert claim.status == "differ" and not claim.contested
