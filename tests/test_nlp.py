"""The parse pipeline's stand-in for the model's attribute_ruler (builder.nlp.TagAttributes)
gives every token the part of speech, morphology, tag and lemma the ruler gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from builder.nlp import MODEL, PARSER_EXCLUDE, TagAttributes, parser, pipeline

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Sentences written for this test: the ruler's rarer patterns (contractions, "gon na",
# "y'all", expletive "there", auxiliaries, white space) among plain news English.
OWN = [
    "We're gonna win this, y'all, and there is nothin' they can do about it.",
    "Let's go, c'mon! I gotta say it ain't so, but I did have doubts.",
    "There were 45 ferries; the mayor said that it was what it was, and I told her so.",
    "  \n  The council, which had met twice,   voted 7-2 on Tuesday.\n",
    "Did you see it? You did. It does not matter what he does or has done.",
    "But she, but not they, said: \"Whatever happens, happens.\"",
]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    nlp = pipeline()
    found = list(OWN)
    for path in sorted(SEEDS.glob("*.txt")):
        found += [s.text for s in nlp(path.read_text(encoding="utf-8")).sents]
    return found


def test_the_stand_in_replaces_the_ruler_in_the_parse_pipeline() -> None:
    names = parser().pipe_names
    assert "attribute_ruler" not in names and "tag_attributes" in names
    assert isinstance(parser().get_pipe("tag_attributes"), TagAttributes)


def test_every_token_gets_what_the_ruler_gives(sentences: list[str]) -> None:
    reference = spacy.load(MODEL, exclude=list(PARSER_EXCLUDE))
    assert "attribute_ruler" in reference.pipe_names
    ours, theirs = list(parser().pipe(sentences)), list(reference.pipe(sentences))
    tokens = differ = 0
    for a, b in zip(ours, theirs):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            if (x.pos_, x.tag_, str(x.morph), x.lemma_) != (y.pos_, y.tag_, str(y.morph), y.lemma_):
                differ += 1
    assert tokens > 2000 and differ == 0
    # the rarer rules did fire: "gon na" and "ai n't" have their lemmas
    lemmas = {t.text: t.lemma_ for t in ours[0]} | {t.text: t.lemma_ for t in ours[1]}
    assert lemmas["gon"] == "go" and lemmas["ai"] == "be"
