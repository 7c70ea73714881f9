"""The data export keeps the contract: schema-valid JSON, exact offsets, a CSV researchers can load."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from builder.export import CSV_COLUMNS, SCHEMA_PATH, to_csv, validate
from tests.conftest import SHARED


def _extends(ours: object, theirs: object, path: str = "") -> list[str]:
    """Where ``ours`` departs from ``theirs`` other than by adding object keys (documented fields)."""
    if isinstance(theirs, dict) and isinstance(ours, dict):
        return [p for key, value in theirs.items()
                for p in (_extends(ours[key], value, f"{path}/{key}") if key in ours else [f"{path}/{key} missing"])]
    return [] if ours == theirs else [f"{path}: {ours!r} != {theirs!r}"]


def test_packaged_schema_is_the_shared_contract_with_fields_added_only():
    shared = SHARED / "contract" / "claims.schema.json"
    assert shared.exists(), f"the shared contract is missing at {shared}"
    assert _extends(json.loads(SCHEMA_PATH.read_text()), json.loads(shared.read_text())) == []


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
    assert claimed == set(mention_article), "every mention belongs to a claim"


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
    assert len(rows) == memberships
    quote = next(m for m in corpus.mentions if m.kind == "quote" and "," in m.text)
    row = next(r for r in rows if r["mention"] == quote.id)
    assert row["text"] == quote.text, "commas and quote marks survive the CSV round trip"


@pytest.mark.parametrize("field", ["outlet", "title", "body"])
def test_articles_never_have_empty_required_text(seeds_data, field):
    for a in seeds_data["articles"]:
        assert a[field].strip(), (a["id"], field)
