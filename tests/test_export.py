"""The data export keeps the contract: schema-valid JSON, exact offsets, a CSV researchers can load."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from builder.export import CSV_COLUMNS, SCHEMA_PATH, to_csv, validate
from tests.conftest import SHARED


def _extends(ours: object, theirs: object, where: str = "schema") -> list[str]:
    """Where ``ours`` fails to keep ``theirs``: every key, property and value of the shared
    contract kept, and only grown (more properties, more enum values, more required)."""
    if isinstance(theirs, dict):
        if not isinstance(ours, dict):
            return [where]
        problems = []
        for key, value in theirs.items():
            if key == "description":
                continue
            if key not in ours:
                problems.append(f"{where}.{key} missing")
            elif key in ("enum", "required"):
                problems += [f"{where}.{key} lost {v!r}" for v in value if v not in ours[key]]
            else:
                problems += _extends(ours[key], value, f"{where}.{key}")
        return problems
    return [] if ours == theirs else [f"{where}: {ours!r} != {theirs!r}"]


def test_packaged_schema_extends_the_shared_contract():
    shared = SHARED / "contract" / "claims.schema.json"
    assert shared.exists(), f"the shared contract is missing at {shared}"
    assert _extends(json.loads(SCHEMA_PATH.read_text()), json.loads(shared.read_text())) == []


def test_a_schema_that_drops_a_field_does_not_extend_the_contract():
    theirs = {"properties": {"a": {"type": "string"}, "b": {"enum": ["x", "y"]}}}
    assert _extends({"properties": {"a": {"type": "string"}, "b": {"enum": ["x", "y", "z"]}, "c": {}}}, theirs) == []
    assert _extends({"properties": {"b": {"enum": ["x"]}}}, theirs) == [
        "schema.properties.a missing", "schema.properties.b.enum lost 'y'"]


def test_every_discrepancy_has_sides_and_every_compared_claim_variants(seeds_data):
    outlet_of = {a["id"]: a["outlet"] for a in seeds_data["articles"]}
    article_of = {m["id"]: m["article"] for m in seeds_data["mentions"]}
    for claim in seeds_data["claims"]:
        outlets = {outlet_of[article_of[m]] for m in claim["mentions"]}
        if len(outlets) > 1:
            assert claim["variants"], claim["id"]
            assert {o for v in claim["variants"] for o in v["outlets"]} == outlets
        for d in claim["discrepancies"]:
            assert len(d["sides"]) >= 2 and all(s["outlets"] for s in d["sides"]), d["id"]


def test_seeds_export_validates_against_the_contract(seeds_data):
    validate(seeds_data)


def test_a_broken_export_fails_validation(seeds_data):
    broken = {**seeds_data, "mentions": [{**seeds_data["mentions"][0], "kind": "rumour"}]}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_every_mention_text_is_exactly_its_body_slice(seeds_data):
    bodies = {a["id"]: a["body"] for a in seeds_data["articles"]}
    assert seeds_data["mentions"], "the seeds yield mentions"
    for m in seeds_data["mentions"]:
        assert bodies[m["article"]][m["start"]:m["end"]] == m["text"], m["id"]


def test_every_claim_names_existing_mentions_of_its_own_story(seeds_data):
    article_story = {a["id"]: a["story"] for a in seeds_data["articles"]}
    mention_article = {m["id"]: m["article"] for m in seeds_data["mentions"]}
    claimed = set()
    for claim in seeds_data["claims"]:
        for mid in claim["mentions"]:
            assert article_story[mention_article[mid]] == claim["story"]
            claimed.add(mid)
        for d in claim["discrepancies"]:
            assert set(d["mentions"]) <= set(claim["mentions"]) or d["type"] == "omission"
    captions = {a["id"]: a["captions"] for a in seeds_data["articles"]}
    in_caption = {m["id"] for m in seeds_data["mentions"]
                  if any(s <= m["start"] < e for s, e in captions[m["article"]])}
    assert in_caption, "the seeds' two photo captions hold dates"
    assert claimed == set(mention_article) - in_caption, "every mention outside a caption belongs to a claim"
    assert not claimed & in_caption, "a photo caption makes no claim"


def test_ids_are_unique(seeds_data):
    for section in ("stories", "articles", "mentions", "claims"):
        ids = [x["id"] for x in seeds_data[section]]
        assert len(ids) == len(set(ids)), section
    for claim in seeds_data["claims"]:
        anchors = [d["id"] for d in claim["discrepancies"]]
        assert len(anchors) == len(set(anchors)), claim["id"]


def test_articles_without_own_date_take_the_story_date_and_say_so(seeds_data):
    inferred = [a for a in seeds_data["articles"] if a.get("published_inferred")]
    own = [a for a in seeds_data["articles"] if not a.get("published_inferred")]
    assert own and inferred
    assert {a["published"] for a in inferred} <= {a["published"] for a in own}


def test_csv_has_a_row_per_mention_and_claim(seeds_report):
    corpus = seeds_report.corpus
    rows = list(csv.DictReader(io.StringIO(to_csv(corpus).decode("utf-8"))))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    memberships = sum(len(c.mentions) for c in corpus.claims)
    unclaimed = {m.id for m in corpus.mentions} - {m for c in corpus.claims for m in c.mentions}
    assert unclaimed, "the dates of the seeds' photo captions are in no claim"
    assert len(rows) == memberships + len(unclaimed), "a mention in no claim gets a row of its own"
    assert {r["mention"] for r in rows if not r["claim"]} == unclaimed
    quote = next(m for m in corpus.mentions if m.kind == "quote" and "," in m.text)
    row = next(r for r in rows if r["mention"] == quote.id)
    assert row["text"] == quote.text, "commas and quote marks survive the CSV round trip"


@pytest.mark.parametrize("field", ["outlet", "title", "body"])
def test_articles_never_have_empty_required_text(seeds_data, field):
    for a in seeds_data["articles"]:
        assert a[field].strip(), (a["id"], field)
