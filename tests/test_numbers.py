"""The number normaliser reads digits, words and mixtures, and refuses what is not one number."""

from __future__ import annotations

import pytest

from builder.extract.numbers import parse_number, vague_lower_bound


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("700,000", 700_000),
        ("45,100", 45_100),
        ("1,000", 1_000),
        ("12", 12),
        ("3.5", 3.5),
        ("two million", 2e6),
        ("2 million", 2e6),
        ("1.2m", 1.2e6),
        ("3bn", 3e9),
        ("40m", 40e6),
        ("250k", 250_000),
        ("1.4 billion", 1.4e9),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 5e5),
        ("one and a half million", 1.5e6),
        ("three-quarters", 0.75),
        ("two-thirds", 2 / 3),
        ("twenty-five thousand", 25_000),
        ("two hundred and fifty", 250),
        ("a hundred", 100),
        ("a million", 1e6),
        ("nineteen", 19),
        ("ninety-nine", 99),
        ("two million five hundred thousand", 2.5e6),
        ("Three Hundred", 300),
    ],
)
def test_number_expression_is_read_to_its_value(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "a", "hundreds", "thousands", "many", "12 15", "3 four", "the", "one-off", "12x"])
def test_text_that_is_not_one_exact_number_reads_as_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "low"),
    [("thousands", 2_000), ("tens of thousands", 20_000), ("hundreds of thousands", 200_000),
     ("dozens", 24), ("Millions", 2e6)],
)
def test_vague_quantity_has_a_lower_bound_but_no_value(text: str, low: float) -> None:
    assert parse_number(text) is None
    assert vague_lower_bound(text) == low


def test_exact_number_has_no_vague_lower_bound() -> None:
    assert vague_lower_bound("two thousand") is None


def test_count_of_quarters_is_not_a_fraction() -> None:
    assert parse_number("eight quarters") is None
    assert parse_number("three quarters") == pytest.approx(0.75)
