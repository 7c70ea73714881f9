"""Claim titles: what a reader sees first of a claim, so each says what it is about.

- a quotation: its own words, cut at a sentence or clause end where one is near
  (``truncate``);
- a figure: what is counted and the values ("Ukrainian soldiers killed: 45,100 or
  700,000"); a figure with no countable subject (a duration, "two million of them")
  by its own words in the sentence ("…this war would last about a week");
- a dated event: the event and the day ("An interview aboard Air Force One: 7 Feb 2025").

Rules (units, lead-in words, month names) are data in ``builder.patterns.align``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from builder.align import compare
from builder.models import Mention
from builder.patterns.align import (
    DATE_EVENT_CHARS,
    DATE_EVENT_OPENERS,
    DURATION_UNITS,
    MONTH_ABBREVIATIONS,
    SENTENCE_ADVERBS,
    TITLE_CHARS,
    TITLE_DANGLING_WORDS,
    TITLE_PHRASE_WORDS,
    UNIT_PREFIXES,
    UNIT_SINGULAR,
    UNIT_SUFFIXES,
    WEAK_SUBJECT_WORDS,
)

_CLAUSE_STOP = re.compile(r"[,;:()\u201c\u201d\"\u2014\u2013]|\s-\s")
# A sentence end, not an initial or a short abbreviation ("U.S. President", "Mr. Smith").
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\u201d\u2019\"')]?\s")
_CLAUSE_END = re.compile(r"[,;:\u2014\u2013]\s")
_LEAD_IN = re.compile(r"\b(?:on|in|since|by|at|from|until|of|during)\s*$", re.IGNORECASE)


def truncate(text: str, limit: int = TITLE_CHARS) -> str:
    """Whitespace collapsed; past ``limit`` characters cut at the last sentence end, else
    clause end, in the second half of the limit, else after the last whole word that does not
    leave the phrase hanging ("to", "the"); "…" marks the cut."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    head = text[:limit + 1]
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(head) if m.start() + 1 >= limit // 2]
    if ends:
        return head[:ends[-1]].rstrip(" ,;:.-\u2013\u2014") + "\u2026"
    ends = [m.start() + 1 for m in _CLAUSE_END.finditer(head) if m.start() + 1 >= limit // 2]
    words = (head[:ends[-1] - 1] if ends else text[:limit].rsplit(" ", 1)[0]).split(" ")
    while len(words) > 1 and words[-1].lower().strip(",;:") in TITLE_DANGLING_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:-\u2013\u2014") + "\u2026"


def figure_value(m: Mention) -> str:
    """A figure's value as a reader writes it: "45,100", "3 years", "$1.2", "12%"."""
    value = compare.format_value(m)
    unit = m.unit or ""
    if unit in UNIT_PREFIXES:
        return f"{UNIT_PREFIXES[unit]}{value}"
    if unit in UNIT_SUFFIXES:
        return f"{value}{UNIT_SUFFIXES[unit]}"
    if not unit or m.value is None and m.low is None:
        return value
    word = UNIT_SINGULAR.get(unit, unit) if m.value == 1 and m.low is None else unit
    return f"{value} {word}"


def figure_title(figures: Sequence[Mention], body_of: Mapping[str, str]) -> str:
    """What is counted and its values, most common first; without a subject one can count
    (a duration, "of them"), the figure's own words in its sentence."""
    counts = Counter(figure_value(f) for f in figures)
    values = sorted(counts, key=lambda v: (-counts[v], v))
    label = compare.majority(f.subject for f in figures) or ""
    if counted_subject(figures):
        return truncate(f"{label[:1].upper()}{label[1:]}: {' or '.join(values)}")
    ref = min(figures, key=lambda f: (-counts[figure_value(f)], f.article, f.start))
    phrase = _figure_phrase(ref, body_of.get(ref.article, ""))
    if not phrase:
        return truncate(f"Figure: {' or '.join(values)}")
    return truncate(phrase if len(values) == 1 else f"{phrase} ({' or '.join(values)})")


def counted_subject(figures: Sequence[Mention]) -> bool:
    """The figures' subject names something one counts: not a pronoun or "of them", and not
    a duration (what lasted is said by the words around it, not by the subject)."""
    label = compare.majority(f.subject for f in figures) or ""
    return bool(label) and label.split()[0].lower() not in WEAK_SUBJECT_WORDS \
        and not any(f.unit in DURATION_UNITS for f in figures)


def _figure_phrase(m: Mention, body: str) -> str:
    """The figure with the words of its clause before it (a few) and an "of ..." after it."""
    start = m.context_start if m.context_end > m.context_start else max(0, m.start - 150)
    end = m.context_end if m.context_end > m.context_start else min(len(body), m.end + 150)
    before = body[start:m.start]
    stops = list(_CLAUSE_STOP.finditer(before))
    clause = before[stops[-1].end():] if stops else before
    if len(clause.split()) < 2 and len(stops) >= 1:
        earlier = before[:stops[-1].start()]
        prior = list(_CLAUSE_STOP.finditer(earlier))
        clause = before[(prior[-1].end() if prior else 0):]
    words = clause.split()
    opens = before[:len(before) - len(clause)]
    cut = len(words) > TITLE_PHRASE_WORDS or (
        any(ch.isalnum() for ch in opens) and not opens.rstrip().endswith(("\u201c", '"')))
    lead = " ".join(words[-TITLE_PHRASE_WORDS:])
    after = body[m.end:end]
    tail = re.match(r"\s+of\s+[^\s,;:.!?\u201c\u201d\"]+(?:\s+[a-z][^\s,;:.!?\u201c\u201d\"]*)?", after)
    if not tail and m.text.endswith(("-year", "-day", "-week", "-month", "-hour")):
        tail = re.match(r"\s+[a-z][\w-]*", after)
    phrase = re.sub(r"\s+", " ", f"{lead} {m.text}{tail.group(0) if tail else ''}").strip()
    return f"\u2026{phrase}" if cut else phrase[:1].upper() + phrase[1:]


def human_date(iso: str | None, written: str) -> str:
    """"7 Feb 2025", "Feb 2022", "2022"; a date never resolved stays as written ("next week")."""
    if not iso:
        return written
    parts = iso.split("-")
    if len(parts) == 1:
        return iso
    month = MONTH_ABBREVIATIONS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def date_title(m: Mention, body: str, iso: str | None) -> str:
    """The event and its day: the opening phrase that holds the date when there is one
    ("During an interview aboard Air Force One on Friday, ..."), else the sentence without
    the date, its preposition and a leading sentence adverb.

    1. an opener ending in the date, then a comma: its noun phrase is the event
    2. the date at the start of the sentence: the rest of the sentence
    3. else the sentence around the date
    """
    start = m.context_start if m.context_end > m.context_start else max(0, m.start - 150)
    end = m.context_end if m.context_end > m.context_start else min(len(body), m.end + 150)
    before, after = body[start:m.start], body[m.end:end]
    before = _LEAD_IN.sub("", before.rstrip())
    opener = DATE_EVENT_OPENERS.match(before.strip())
    # 1.
    if opener and after.lstrip().startswith(",") and "," not in before:
        text = opener.group("event")
    # 2.
    elif not before.strip():
        text = after.lstrip(" ,")
    # 3.
    else:
        text = f"{before} {after}"
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text)).strip(" ,;:")
    text = SENTENCE_ADVERBS.sub("", text).rstrip(".!?").strip(" ,;:")
    day = human_date(iso, m.text)
    event = truncate(text[:1].upper() + text[1:], DATE_EVENT_CHARS)
    return f"{event}: {day}" if event else day
