"""Property-based: whatever text arrives, extraction never crashes and never lies about offsets."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builder.extract import extract_article
from builder.models import Article

# Text that looks like news often enough to reach every rule: quote marks of every
# kind, numbers and number words, months and weekdays, names, cue verbs, line breaks.
PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "«", "»", " said ", " told ", " according to ", ": ", " — ",
    "Maria Lopez", "the minister", "he", "she", " 1,200 ", " two million ", " 3.5% ", " $4bn ",
    " between 10 and 20 ", "Friday", "last week", "Feb. 7", "June 2019", " 2014 ", "\n\n", ". ",
    ", ", "(", ")", "...", "…", " about ", " nearly ", "'90s", "it's",
])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _article(body: str) -> Article:
    return Article(id="a", story="s", path="a.txt", outlet="Example", title="t", body=body,
                   published=date(2024, 3, 15))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
@example("“Maria Lopez““0")  # an empty quotation between two: once a StopIteration
def test_extraction_never_crashes_and_offsets_hold(body):
    article = _article(body)
    for m in extract_article(article):
        assert 0 <= m.start <= m.end <= len(body)
        assert body[m.start:m.end] == m.text
        assert m.article == "a"
        assert m.kind in {"quote", "figure", "date"}
        assert m.context_start <= m.start and m.end <= max(m.context_end, m.end)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(body):
    for m in extract_article(_article(body)):
        assert body[m.start:m.end] == m.text


def test_mention_ids_are_unique_within_an_article():
    body = ('“We will rebuild,” the mayor said on Friday. “Every street. Every school.”\n\n'
            'She said 1,200 homes were damaged, up from about 900 in June 2019.')
    ids = [m.id for m in extract_article(_article(body))]
    assert ids and len(ids) == len(set(ids))
