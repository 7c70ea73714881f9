"""The number normaliser: "two million", "1.2m", "half a million", "45,100" -> a float.

Small on purpose: it reads one number expression that the figure finder already
cut out, in digits, words or both, and returns None for anything it cannot read
exactly (vague quantities such as "thousands" have their own :func:`vague_lower_bound`).
"""

from __future__ import annotations

import re

from builder.patterns.figures import (
    DOZEN,
    FRACTIONS,
    HUNDRED,
    SCALE_SUFFIXES,
    SCALES,
    TENS,
    UNITS,
    VAGUE,
)

_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$")
_SPLIT = re.compile(r"[\s\u00a0\-\u2010-\u2012]+")


def _digits(token: str) -> float | None:
    """A token in digits, optionally with a glued scale: "45,100", "1.2m", "3bn"."""
    m = _DIGITS.match(token)
    if not m:
        return None
    whole, frac, suffix = m.groups()
    value = float(whole.replace(",", "") + (frac or ""))
    if not suffix:
        return value
    scale = SCALE_SUFFIXES.get(suffix)
    return value * scale if scale else None


def parse_number(text: str) -> float | None:
    """The value of one number expression, or None where it is not one exact number.

    >>> parse_number("twenty-five thousand")
    25000.0
    >>> parse_number("half a million")
    500000.0
    """
    tokens = [t for t in _SPLIT.split(text.strip().lower().replace("\u2019", "'")) if t]
    if not tokens:
        return None
    total = 0.0  # completed groups ("two million" once "million" is read)
    current: float | None = None  # the group being read
    seen_number = False
    in_digits = False  # "3 four" is not a number, "3 million" is
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "and":
            continue
        if tok in ("a", "an"):
            # "a dozen", "a million", "half a million", "one and a half": "a" is one
            if nxt in SCALES or nxt in (HUNDRED, DOZEN):
                if current is None:
                    current = 1.0
                continue
            if nxt in FRACTIONS:
                continue
            return None
        value = _digits(tok)
        if value is not None:
            if current is not None:
                return None  # two numbers in a row: "12 15"
            current, seen_number, in_digits = value, True, True
            continue
        if tok in UNITS or tok in TENS:
            if in_digits and current is not None:
                return None
            v = UNITS.get(tok, TENS.get(tok, 0))
            current = (current or 0.0) + v
            seen_number = True
        elif tok == HUNDRED:
            current = (current or 1.0) * 100
            seen_number = True
        elif tok == DOZEN:
            current = (current or 1.0) * 12
            seen_number = True
        elif tok in SCALES:
            total += (current if current is not None else 1.0) * SCALES[tok]
            current, in_digits = None, False
            seen_number = True
        elif tok in FRACTIONS:
            denominator = FRACTIONS[tok]
            if current is None:
                current = 1.0 / denominator  # "half (a million)", "a quarter"
            elif tokens[i - 1] in ("a", "an"):
                current += 1.0 / denominator  # "one and a half"
            elif current >= denominator:
                return None  # "eight quarters" counts quarters; it is no fraction
            else:
                current /= denominator  # "three-quarters", "two-thirds"
            seen_number = True
        else:
            return None
    if not seen_number:
        return None
    return total + (current or 0.0)


def vague_lower_bound(text: str) -> float | None:
    """The least a vague quantity can mean ("tens of thousands" -> 20000), else None."""
    return VAGUE.get(" ".join(text.lower().split()))
