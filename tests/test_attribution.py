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
