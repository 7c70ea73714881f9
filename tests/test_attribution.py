"""Every attribution pattern in tests/data/attribution.yml finds its speaker, cue and step."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.extract.quotes import extract_quotes
from builder.models import ATTRIBUTION_STEPS, Article
from builder.nlp import analyse

CASES = yaml.safe_load((Path(__file__).parent / "data" / "attribution.yml").read_text(encoding="utf-8"))["cases"]


def test_there_are_at_least_forty_attribution_patterns():
    assert len(CASES) >= 40
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_attribution_pattern(case):
    body = case["text"].strip()
    article = Article(id="a", story="s", path="x.txt", outlet="X", title=case.get("title", ""), body=body)
    mentions = extract_quotes(article, analyse(body))
    by_text = {m.text: m for m in mentions}
    found = [by_text.get(e["quote"]) for e in case["expect"]]
    problems = []
    for expected, mention in zip(case["expect"], found):
        if mention is None:
            problems.append(f"quotation not found: {expected['quote']!r}; found {sorted(by_text)}")
            continue
        assert expected["step"] is None or expected["step"] in ATTRIBUTION_STEPS
        got = {"speaker": mention.speaker, "step": mention.attribution}
        want = {"speaker": expected["speaker"], "step": expected["step"]}
        if "cue" in expected:
            got["cue"], want["cue"] = mention.cue, expected["cue"]
        if "fragment" in expected:
            got["fragment"], want["fragment"] = mention.fragment, expected["fragment"]
        if "continues" in expected:
            target = found[expected["continues"]]
            got["continues"], want["continues"] = mention.continues, target.id if target else "?"
        if got != want:
            problems.append(f"{expected['quote'][:40]!r}: want {want}, got {got}")
    assert not problems, "\n".join(problems)


def _quotes(body: str) -> list:
    article = Article(id="a", story="s", path="x.txt", outlet="X", title="", body=body)
    return extract_quotes(article, analyse(body))


def test_a_pronoun_speaker_records_the_pronoun_and_the_name_it_resolved_to():
    body = 'Coach Mark Ellis was blunt after the defeat.\n\n"We were simply not good enough today," he said.'
    (quote,) = _quotes(body)
    assert body[quote.speaker_start:quote.speaker_end] == "he"
    assert body[quote.speaker_antecedent_start:quote.speaker_antecedent_end] == "Coach Mark Ellis"
    assert quote.speaker_kind == "person"


def test_a_named_speaker_records_its_span_and_a_document_its_kind():
    body = '"The county ignored every warning," the lawsuit says. "We will reopen," Mayor Elena Ruiz said.'
    lawsuit, mayor = _quotes(body)
    assert (body[lawsuit.speaker_start:lawsuit.speaker_end], lawsuit.speaker_kind) == ("the lawsuit", "document")
    assert body[mayor.speaker_start:mayor.speaker_end] == "Mayor Elena Ruiz"
    assert mayor.speaker_antecedent_start is None and mayor.speaker_kind == "person"


def test_the_claim_page_chain_says_where_the_pronoun_was_resolved():
    from builder.render.views import speaker_chain

    body = 'Coach Mark Ellis spoke first. The club was quiet.\n\n"We were simply not good enough today," he said.'
    (quote,) = _quotes(body)
    article = Article(id="a", story="s", path="x.txt", outlet="X", title="", body=body)
    chain = speaker_chain(article, quote)
    assert (chain.written, chain.resolved, chain.distance) == ("he", "Coach Mark Ellis", "two sentences earlier")
