"""Figures: counts, money, percentages and durations, normalised so outlets can be compared.

A figure is found in four steps:

1. candidates: number expressions in digits, words or both ("700,000", "two million",
   "$1.4bn", "half a million"), vague quantities ("tens of thousands") and durations
   with an article ("about a week");
2. rejections: years, calendar dates and times of day, labels ("Section 230", "G20",
   "Air Force One"), phone numbers, numbers in urls, ages in apposition, "father of
   two", references to known things ("the two leaders") and the pronoun "one";
3. reading: hedge ("around", "more than"), range ("between 150 and 200"), unit
   (currency, percent, time, people) and the subject counted ("rebel fighters killed"),
   with the parse of the figure's sentence giving the head noun on either side of
   the number and its verb (``subject_head``, ``subject_verb``, ``subject_words``);
4. whose figure: the speaker of the quotation holding it, else the source named by
   "according to" or a reporting verb in the same sentence.

A range's ``value`` is its low end (``low``/``high`` carry both ends). A vague
quantity has ``value=None`` and ``low`` set to the least it can mean ("thousands" ->
2000).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from builder.extract.dates import find_dates, sentence_bounds, sentence_of
from builder.extract.figure_subjects import (
    dated_spans,
    figure_era,
    is_previous,
    measure_before,
    noun_phrase,
    outcome_before,
    parse_subject,
    subject_before,
)
from builder.nlp import parse
from builder.extract.numbers import parse_number, vague_lower_bound
from builder.ids import mention_id
from builder.models import Article, Mention
from builder.patterns import figures as P


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMWORD = _alternation([*P.UNITS, *P.TENS, P.HUNDRED, *P.SCALES, P.DOZEN, *P.FRACTIONS])
_SCALE_WORD = _alternation([P.HUNDRED, *P.SCALES])
_SP = r"[ \u00a0]"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_GLUED = _alternation(P.GLUED_UNITS)
_CORE = (
    rf"(?:(?<![\w.,:/#@'’]){_DIGITS}(?:{_alternation(P.SCALE_SUFFIXES)})?(?:{_SP}(?:{_SCALE_WORD}))*"
    rf"(?!(?!(?:{_GLUED})(?![\w]))[\w]|[.,:/]\d)"
    rf"|\b(?:(?:a|an){_SP})?(?:{_NUMWORD})(?:(?:-|{_SP}|{_SP}and{_SP}|{_SP}an?{_SP}|{_SP}and{_SP}an?{_SP})(?:{_NUMWORD}))*\b)"
)
_CURRENCY = rf"(?:(?P<cur>{_alternation(P.CURRENCY_SIGNS)}|(?-i:{_alternation(P.CURRENCY_CODES)})){_SP}?)?"
_NUMBER = re.compile(rf"(?:(?<=[$€£¥])|(?<![\w$€£¥])){_CURRENCY}(?P<num>{_CORE})", re.IGNORECASE)
_VAGUE = re.compile(rf"\b(?:{_alternation(P.VAGUE)})\b", re.IGNORECASE)
_TIME_UNIT_SINGULAR = _alternation([u for u in P.TIME_UNITS if not u.endswith("s") or u == "hours"])
_ARTICLE_DURATION = re.compile(
    rf"\b(?P<lead>{_alternation(P.HEDGES)}|for|within|in|lasted|lasting)"
    rf"{_SP}(?P<num>an?){_SP}(?P<unit>{_TIME_UNIT_SINGULAR})\b(?!['’]s)",
    re.IGNORECASE,
)
_HALF_A = re.compile(
    rf"\bhalf{_SP}an?{_SP}(?P<unit>{_TIME_UNIT_SINGULAR}|percentage{_SP}point)\b(?!['’]s)", re.IGNORECASE
)
_GLUED_AFTER = re.compile(rf"(?P<u>{_GLUED})(?![\w])", re.IGNORECASE)
_STREET_AFTER = re.compile(rf"{_SP}(?:{_alternation(P.STREET_PREFIXES)})\b")
_RATIO = re.compile(rf"(?:{_SP}|-)(?:in|out{_SP}of|out-of)(?:{_SP}|-)(?P<den>\d+|{_NUMWORD})\b(?![.,]\d)",
                    re.IGNORECASE)
_OF_A_POINT = re.compile(rf"{_SP}of{_SP}(?:a|one){_SP}percentage{_SP}point\b", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{_alternation(P.HEDGES)}){_SP}+$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(rf"\bbetween{_SP}+$", re.IGNORECASE)
_RANGE_LINK = re.compile(rf"-to-|{_SP}?(?:-|–|—)\s?|{_SP}(?:to|and){_SP}")
_PERCENT_AFTER = re.compile(rf"{_SP}?(?P<u>%|per{_SP}cent\b|percent\b|percentage{_SP}points?\b)", re.IGNORECASE)
_WORD_AFTER = re.compile(rf"(?P<sep>{_SP}|-)(?P<w>[A-Za-z][A-Za-z'’-]*)")
# Linear on any input: the e-mail part starts only where a run of address characters
# starts, and the link target stops at the next bracket (no rescans of a long line).
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+|\]\([^)\]]*\)")
_PHONE = re.compile(r"(?:\b1[-.])?(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.]\d{4}\b|\+\d[\d \-]{7,}\d")
_TIME_OF_DAY = re.compile(rf"{_SP}?(?:{_alternation(P.TIME_OF_DAY_SUFFIXES)})(?![\w])", re.IGNORECASE)
_ADDRESS = re.compile(rf"(?:{_SP}[A-Z][\w'’.-]*){{1,3}}{_SP}(?:{_alternation(P.STREET_WORDS)})\b")
_AGE_APPOSITION = re.compile(r"[A-Z][\w'’.-]*,\s$")
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_CLAUSE_END = re.compile(r",(?!\d)|\.(?!\d)|[;:!?()\[\]\"“”–—]")


@dataclass(frozen=True, slots=True)
class _Figure:
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None


def _currency_unit(cur: str) -> str:
    """The unit a currency sign or code stands for: "US$" -> "dollars", "NOK" -> "kroner"."""
    return P.CURRENCY_SIGNS.get(cur.lower()) or P.CURRENCY_CODES[cur]


def _ratio(text: str, end: int, value: float) -> re.Match[str] | None:
    """ "one in five", "three out of 10" after a number; not "52 in 2019" (a year)."""
    m = _RATIO.match(text, end)
    if not m:
        return None
    den = parse_number(m.group("den"))
    is_year = m.group("den").isdigit() and len(m.group("den")) == 4 and P.YEAR_MIN <= (den or 0) <= P.YEAR_MAX
    return m if den and den > value and not is_year else None


def _is_share(text: str, start: int, end: int) -> bool:
    """A bare fraction word used as a share: "a third of the vote", "half their value", "by almost a quarter"."""
    if _HALF_A.match(text, start):
        return False  # "half a percentage point", "half an hour": an amount of a unit
    prev = _prev_word(text, start).strip(",;:")
    next_word = _WORD_AFTER.match(text, end)
    follows = next_word.group("w").lower() if next_word and next_word.group("sep") == " " else ""
    if follows in P.SHARE_NOUNS:
        return True
    if prev in P.NOT_SHARE_LEADS:
        return False
    return follows in P.SHARE_FOLLOWERS or prev in P.SHARE_LEADS


def _prev_word(text: str, pos: int) -> str:
    words = text[max(0, pos - 40):pos].split()
    return words[-1].lower() if words else ""


def _is_sentence_start(text: str, pos: int, sentence_start: int) -> bool:
    before = text[sentence_start:pos].rstrip()
    return not before or before[-1] in ".!?\"“‘'(:—–-"


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """A unit written right after a number: "%", "per cent", "years", "-year", "dollars", "km"."""
    m = _GLUED_AFTER.match(text, end)
    if m:
        return P.GLUED_UNITS[m.group("u").lower()], m.end()
    m = _PERCENT_AFTER.match(text, end)
    if m:
        return P.PERCENT_WORDS[" ".join(m.group("u").lower().split())], m.end()
    m = _WORD_AFTER.match(text, end)
    if m:
        word = m.group("w").lower()
        for table in (P.TIME_UNITS, P.CURRENCY_WORDS, P.MEASURE_UNITS):
            head = word.split("-")[0]
            if head in table:
                return table[head], m.start("w") + len(head)
    return None, end


def _compound_count(text: str, end: int) -> tuple[str, int] | None:
    """ "112-page report", "six-vote margin": (subject, end of the noun) for a counted compound."""
    m = re.match(r"-([a-z]+)\b(?!-)(?:[ \u00a0]+([a-z]+))?", text[end:end + 40])
    if not m or m.group(1) not in P.COMPOUND_COUNTS:
        return None
    after = m.group(2)
    noun = after if after and after not in P.SUBJECT_STOPWORDS else None
    subject = f"{P.COMPOUND_COUNTS[m.group(1)]} {noun}" if noun else P.COMPOUND_COUNTS[m.group(1)]
    return subject, end + len(m.group(1)) + 1


def _tally(text: str, start: int, first_end: int, second: re.Match[str]) -> str | None:
    """The subject of both sides of a vote or seat tally, or None for a score or a code."""
    noun = re.match(r"[ \u00a0-]+([a-z]+)", text[second.end():second.end() + 20])
    if noun and noun.group(1) in P.TALLY_NOUNS:
        return P.TALLY_NOUNS[noun.group(1)]
    if _prev_word(text, start) in P.TALLY_LEADS:
        return "votes"
    return None


def _rejected(text: str, start: int, num_start: int, end: int, raw: str, value: float,
              has_cur: bool, sentence_start: int) -> bool:
    """Step 2: the number is a year, a time, a label, a reference or a pronoun."""
    prev = _prev_word(text, start)
    words = raw.lower().replace("-", " ").split()
    after = text[end:end + 30]
    is_digits = raw[:1].isdigit()
    unit, _ = _unit_after(text, end)
    next_word = _WORD_AFTER.match(text, end)
    next_lower = next_word.group("w").lower() if next_word else ""
    counts_something = (unit is not None or next_lower in P.PERSON_NOUNS or next_lower in P.SCALES
                        or bool(_ratio(text, end, value)))
    if _TIME_OF_DAY.match(text, end):
        return True
    if is_digits and not has_cur:
        bare = raw.isdigit()
        if bare and len(raw) == 4 and P.YEAR_MIN <= value <= P.YEAR_MAX and not counts_something \
                and not _HEDGE_BEFORE.search(text[max(0, start - 30):start]):
            return True  # a year
        if prev.rstrip(",:") in P.LABEL_WORDS or re.search(r"[A-Za-z]-$", text[max(0, start - 2):start]):
            return True  # "Section 230", "F-16", "the hotline, 112,"
        if bare and prev == "at" and next_word and next_word.group("sep") == " " \
                and next_word.group("w")[:1].isupper() and not counts_something:
            return True  # an address: "at 14 Harbour Row"
        if bare and len(raw) <= 4 and not counts_something and prev[:1].isupper() \
                and not _is_sentence_start(text, start, sentence_start) and prev.rstrip(",;:") == prev:
            return True
        if _AGE_APPOSITION.search(text[max(0, start - 40):start]) and re.match(r",\s", after) and value < 130:
            return True  # "Jane Doe, 45, said"
        if text[start - 1:start] in ("(", "") and re.match(r"[.)]\s", after) and bare and value < 100:
            return True  # list markers "1." at a paragraph's start
    else:
        if raw[:1].isupper() and not _is_sentence_start(text, start, sentence_start):
            return True  # "Air Force One", "World War Two"
        if prev in P.LABEL_WORDS or re.search(r"[A-Za-z]-$", text[max(0, start - 2):start]):
            return True  # "Level Four", "top-three"
    if re.search(rf"\b(?:{'|'.join(P.AGE_LEADS)})[ \u00a0]+(?:\d+(?:,[ \u00a0]*|[ \u00a0]+and[ \u00a0]+))*$",
                 text[max(0, start - 60):start], re.IGNORECASE):
        return True  # "ages 12, 8, 6 and 3"
    if words == ["zero"] and unit is None:
        return True  # "zero new paperwork": none, not a count
    before = text[max(0, start - 30):start].lower().split()
    if len(before) >= 2 and before[-1] == "of" and before[-2] in P.FAMILY_WORDS:
        return True  # "a father of two"
    partitive = re.search(r"\bof[ \u00a0]+the[ \u00a0]+$", text[max(0, start - 10):start], re.IGNORECASE)
    if not is_digits and value < P.REFERENTIAL_MAX and not has_cur and prev in P.REFERENTIAL_DETERMINERS \
            and not (value < 1 and _is_share(text, start, end)) and not partitive:
        return True  # "the two leaders" (but "one of the five jurors" counts them)
    if words == ["one"] and not counts_something:
        return True  # "no one", "one of them", "the one who"
    if all(w in P.FRACTIONS or w in ("a", "an", "and") for w in words) and not _is_share(text, start, end):
        return True  # "the first half", "a third term": not a count
    if re.search(r"\b\d{4}[-–]$", text[max(0, start - 6):start]):
        return True  # the second year of a span: "the 2019-20 season"
    if re.match(r"-(?:year|month|week|day)s?-old\b", after, re.IGNORECASE):
        return True  # ages: "the 23-year-old"
    if _ADDRESS.match(text, end) or _STREET_AFTER.match(text, end):
        return True  # "10 Downing Street", "218 Avenida Colón"
    if next_word and next_word.group("sep") == "-" and unit is None and next_lower not in ("strong",) \
            and not _ratio(text, end, value) and _compound_count(text, end) is None \
            and not re.match(r"-to-\d", after):
        return True  # compounds: "two-state", "10-point", "one-off"
    return False


def _hedge(text: str, start: int) -> tuple[int, str | None]:
    """The hedge written right before a figure: the mention's new start and the qualifier."""
    hedge = _HEDGE_BEFORE.search(text[max(0, start - 30):start])
    if not hedge:
        return start, None
    return start - len(hedge.group(0)), hedge.group("hedge").lower()


def _range(text: str, start: int, end: int, raw: str, value: float, cur: str | None,
           is_blocked: Callable[[int, int], bool]) -> tuple[int, int, float, float, str | None] | str | None:
    """The range starting with the number at [start, end): (start, end, low, high, currency),
    "tally" for a hyphenated pair that counts nothing ("won 3-1"), or None."""
    link = _RANGE_LINK.match(text, end)
    second = _NUMBER.match(text, link.end()) if link else None
    if not link or not second:
        return None
    word = link.group().strip()
    between = _BETWEEN_BEFORE.search(text[max(0, start - 12):start])
    if (word == "and" and not between) or (word == "to" and _prev_word(text, start) == "from"):
        return None  # "3 and 4" is two figures; "from 5% to 7%" is a change
    high = parse_number(second.group("num"))
    if high is None:
        return None
    low = value
    scaled = re.match(r"[\d.,]+", second.group("num"))
    if raw.replace(",", "").replace(".", "").isdigit() and scaled and scaled.group() != second.group("num"):
        # "$5-10 million": the scale written once applies to both ends
        factor = high / float(scaled.group().replace(",", ""))
        if value * factor <= high:
            low = value * factor
    hyphen = word in ("-", "–", "—", "-to-")
    after_unit, _ = _unit_after(text, second.end())
    after_word = _WORD_AFTER.match(text, second.end())
    counted = (after_unit is not None or bool(second.group("cur") or cur)
               or bool(after_word and after_word.group("sep") == " " and after_word.group("w").islower()
                       and after_word.group("w") not in P.SUBJECT_STOPWORDS))
    if high > low and (counted or not hyphen) and not is_blocked(start, second.end()):
        new_start = start - len(between.group(0)) if between else start
        return new_start, second.end(), low, high, cur or second.group("cur")
    return "tally" if hyphen and not between else None


def _candidates(text: str, blocked: list[tuple[int, int]], bounds: list[tuple[int, int]]) -> list[_Figure]:
    """Steps 1-3 over the whole text."""
    def is_blocked(s: int, e: int) -> bool:
        return any(bs < e and s < be for bs, be in blocked)

    found: list[_Figure] = []
    consumed_until = -1
    vague_words = [(v.start(), v.end()) for v in _VAGUE.finditer(text) if " " in v.group()]
    for m in _NUMBER.finditer(text):
        start, num_start, end = m.start(), m.start("num"), m.end()
        if start < consumed_until or is_blocked(start, end) \
                or any(vs <= start and end <= ve for vs, ve in vague_words):
            continue  # "a few hundred" is vague, not 100
        raw = m.group("num")
        value = parse_number(raw)
        article = re.match(r"an?[ \u00a0]", raw, re.IGNORECASE)
        if value is None and article and not m.group("cur"):  # "a two-in-three chance": the article is not the number
            start = num_start = num_start + article.end()
            raw = raw[article.end():]
            value = parse_number(raw)
        if value is None:
            continue
        sentence_start = sentence_of(bounds, start, end)[0]
        cur = m.group("cur")
        if _rejected(text, start, num_start, end, raw, value, bool(cur), sentence_start):
            continue
        low = high = None
        # a range: "between 150 and 200", "150-200", "$5-10 million"
        words = raw.lower().replace("-", " ").split()
        is_share = not cur and value < 1 and words[-1] in P.FRACTIONS
        span = None if is_share else _range(text, start, end, raw, value, cur, is_blocked)
        if span == "tally":
            second = _NUMBER.match(text, _RANGE_LINK.match(text, end).end())
            consumed_until = second.end()
            counted = _tally(text, start, end, second)
            if counted:  # "passed in a 31-9 vote": one figure per side
                found.append(_Figure(start, end, value, subject=counted))
                found.append(_Figure(second.start(), second.end(), parse_number(second.group("num")),
                                     subject=counted))
            continue  # else a score or a code: "won 3-1"
        if span:
            start, end, low, high, cur = span
            value = low
        ratio = _ratio(text, end, value) if low is None and not cur else None
        denominator = parse_number(ratio.group("den")) if ratio else None
        if denominator:  # "one in five" is a share: 20 percent
            hedged_start, qualifier = _hedge(text, start)
            found.append(_Figure(hedged_start, ratio.end(), 100 * value / denominator, unit="percent",
                                 qualifier=qualifier))
            consumed_until = ratio.end()
            continue
        point = _OF_A_POINT.match(text, end) if is_share else None
        if point:  # "one-half of one percentage point"
            hedged_start, qualifier = _hedge(text, start)
            found.append(_Figure(hedged_start, point.end(), value, unit="percentage points", qualifier=qualifier))
            consumed_until = point.end()
            continue
        if is_share:
            # "a third of the buildings", "two-thirds": a share, in percent like "one in five"
            hedged_start, qualifier = _hedge(text, start)
            found.append(_Figure(hedged_start, end, 100 * value, unit="percent", qualifier=qualifier))
            consumed_until = end
            continue
        compound = None if cur or low is not None else _compound_count(text, end)
        if compound:  # "the 112-page report": 112 pages
            hedged_start, qualifier = _hedge(text, start)
            found.append(_Figure(hedged_start, compound[1], value, qualifier=qualifier, subject=compound[0]))
            consumed_until = compound[1]
            continue
        unit, unit_end = _unit_after(text, end)
        if cur:
            unit = _currency_unit(cur)
        elif unit is not None:
            end = unit_end
        after = _WORD_AFTER.match(text, end)
        if unit in P.TIME_UNITS.values() and after and after.group("w").lower() in P.TIME_POINT_AFTER:
            continue  # "five years ago": a point in time, not an amount
        qualifier = None
        if low is None:
            start, qualifier = _hedge(text, start)
        consumed_until = end
        found.append(_Figure(start, end, value, low, high, unit, qualifier))
    for m in _VAGUE.finditer(text):
        if is_blocked(m.start(), m.end()) or any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        found.append(_Figure(m.start(), m.end(), None, vague_lower_bound(m.group()), None, None, None))
    for m in _ARTICLE_DURATION.finditer(text):
        lead = m.group("lead").lower()
        is_hedge = lead in P.HEDGES
        start = m.start() if is_hedge else m.start("num")
        if is_blocked(start, m.end()) or any(f.start < m.end() and start < f.end for f in found):
            continue
        after = _WORD_AFTER.match(text, m.end())
        if after and after.group("w").lower() in P.DURATION_NOT_BEFORE:
            continue  # "in a year when ...": a time, not an amount
        found.append(_Figure(start, m.end(), 1.0, unit=P.TIME_UNITS[m.group("unit").lower()],
                             qualifier=lead if is_hedge else None))
    for m in _HALF_A.finditer(text):
        if is_blocked(m.start(), m.end()) or any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        unit = m.group("unit").lower()
        found.append(_Figure(m.start(), m.end(), 0.5, unit=P.TIME_UNITS.get(unit, "percentage points")))
    return sorted(found, key=lambda f: f.start)


def _ends_subject(word: str, previous: str) -> bool:
    """A verb after the counted noun: "people spent the night", "teams working", "voters backed"."""
    word = word.lower()
    if word in P.SUBJECT_VERBS:
        return True
    return word not in P.OUTCOME_WORDS and word.endswith(("ed", "ing")) and previous.lower().endswith("s")


def _subject(text: str, fig: _Figure, sentence_end: int) -> str | None:
    """What is counted: the noun phrase after the figure, completed by an outcome word.

    The phrase ends at a stopword, a number, or (once it has a word) a verb.
    """
    rest = text[fig.end:sentence_end]
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    words = _TOKEN.findall(clause)
    phrase: list[str] = []
    i = 0
    first = words[0].lower() if words else ""
    if first == "of" and len(words) > 1 and words[1].lower() in P.OF_PRONOUNS:
        return f"{words[0]} {words[1]}"  # "two million of them"
    if first == "of":
        i = 1  # "thousands of troops" counts troops
        # "52 of the 90 seats", "41 of the village's 60 houses": past the determiner and total
        while i < len(words) - 1 and (words[i].lower() in P.SHARE_FOLLOWERS or words[i].lower().endswith(("'s", "’s"))
                                      or parse_number(words[i]) is not None):
            i += 1
    elif first == "in" and fig.unit in P.CURRENCY_SIGNS.values() and len(words) > 1 and words[1][:1].islower():
        phrase.append(words[0])  # "$250,000 in campaign funds"; not "in New York trading"
        i = 1
    if i + 1 < len(words) and words[i].lower() in P.SUBJECT_COMPARATIVES \
            and words[i + 1].lower() not in P.SUBJECT_STOPWORDS and words[i + 1][:1].isalpha():
        phrase.append(words[i])  # "29 more seats"
        i += 1
    while i < len(words) and len(phrase) < P.SUBJECT_MAX_WORDS and words[i].lower() not in P.SUBJECT_STOPWORDS \
            and words[i][:1].isalpha() and parse_number(words[i]) is None:
        if phrase and _ends_subject(words[i], phrase[-1]):
            return " ".join(phrase)  # the clause's own verb follows: no outcome to add
        phrase.append(words[i])
        i += 1
    if not phrase or phrase[-1].lower() in ("of", "in"):
        return None
    if phrase[0] == "in" and i < len(words) and parse_number(words[i]) is not None:
        return None  # "in calendar 2024": a time, not what the money is
    if len(phrase) == 1 and phrase[0].lower() in P.CHANGE_NOUNS and i < len(words) and words[i].lower() == "in":
        return noun_phrase(words[i + 1:]) or phrase[0]  # "a 12% rise in annual revenue"
    if phrase[-1].lower() not in P.OUTCOME_WORDS:
        for word in words[i:i + 12]:
            if word.lower() in P.OUTCOME_WORDS:
                phrase.append(word.lower())
                break
    return " ".join(phrase)


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:[ \u00a0][A-Z][\w'’-]+)+")


@lru_cache(maxsize=4)
def _entities(doc: Doc) -> tuple:
    """The doc's entities, read once (``doc.ents`` builds new spans on every access)."""
    return tuple(doc.ents)


def _after_titles(words: list[str]) -> list[str]:
    """The words after the last title: "Health Minister Ana Ruiz" -> "Ana Ruiz"."""
    titles = [i for i, w in enumerate(words[:-1]) if w.lower() in P.TITLES]
    return words[titles[-1] + 1:] if titles else words


def _names(doc: Doc) -> list[tuple[int, int, str]]:
    """People named in the text: PERSON entities and runs of capitalised words, titles left out."""
    names = [(e.start_char, e.end_char, " ".join(_after_titles(e.text.split())))
             for e in _entities(doc) if e.label_ == "PERSON"]
    for m in _CAPITALISED_RUN.finditer(doc.text):
        words = _after_titles(m.group().split())
        while words and words[0].lower() in P.NOT_NAME_WORDS:
            words.pop(0)
        if len(words) >= 2 and not any(w.lower() in P.NOT_NAME_WORDS for w in words):
            names.append((m.end() - len(" ".join(words)), m.end(), " ".join(words)))
    return sorted(names)


def _full_name(name: str, names: Sequence[tuple[int, int, str]]) -> str:
    """The longest name of the article that ends with ``name``'s last word."""
    name = re.sub(r"['’]s$", "", name.strip())
    last = name.split()[-1] if name.split() else name
    best = name
    for _, _, text in names:
        text = re.sub(r"['’]s$", "", text.strip())
        if text.split() and text.split()[-1] == last and len(text) > len(best):
            best = text
    return best


def _name_before(doc: Doc, names: Sequence[tuple[int, int, str]], text: str, pos: int, lo: int) -> str | None:
    """The capitalised name (or he/she) that ends right before ``pos``, within [lo, pos)."""
    tokens = list(re.finditer(r"[\w'’.-]+|[^\w\s]", text[lo:pos]))
    while tokens and tokens[-1].group().lower() in P.VERB_FILLERS:
        tokens.pop()
    if tokens and tokens[-1].group().lower() in P.PRONOUNS:
        people = [n for s, e, n in names if e <= lo + tokens[-1].start()]
        return _full_name(people[-1], names) if people else None
    run: list[re.Match[str]] = []
    while tokens and (tokens[-1].group()[:1].isupper() or (
            run and tokens[-1].group() in P.NAME_CONNECTORS and len(tokens) > 1 and tokens[-2].group()[:1].isupper())):
        run.insert(0, tokens.pop())
    if not run:
        return None
    run_start, run_end = lo + run[0].start(), lo + run[-1].end()
    people = [e for e in _entities(doc) if e.label_ == "PERSON" and run_start <= e.start_char and e.end_char <= run_end]
    if people:
        return _full_name(people[-1].text, names)
    words = _clean_name(" ".join(_after_titles([t.group() for t in run]))).split()
    named = any(e.label_ in ("ORG", "GPE", "NORP") and run_start <= e.start_char < run_end for e in _entities(doc))
    if len(words) == 1 and not named:
        return None
    return _full_name(" ".join(words), names)


_REPORTING = re.compile(rf"\b(?:{_alternation(P.REPORTING_VERBS)})\b")
_ACCORDING = re.compile(rf"\b(?i:{P.ACCORDING_TO}){_SP}+(?:the{_SP}+)?((?:[A-Z][\w'’.-]*{_SP}?)+)")


def _speaker(fig: _Figure, text: str, doc: Doc, names: Sequence[tuple[int, int, str]], quotes: Sequence[Mention],
             sentence: tuple[int, int]) -> str | None:
    """Step 4: whose figure it is.

    1. inside a quotation: the quotation's speaker;
    2. else the source nearest to the figure in its sentence, among "according to X",
       "X estimated that ..." before it and "..., X said" after it (past a clause break).
    """
    for q in quotes:
        if q.start <= fig.start and fig.end <= q.end:
            return q.speaker
    lo, hi = sentence
    sources: list[tuple[int, str]] = []  # (distance to the figure, name)
    for m in _ACCORDING.finditer(text, lo, hi):
        distance = fig.start - m.end() if m.end() <= fig.start else m.start() - fig.end
        sources.append((abs(distance), _full_name(_clean_name(m.group(1)), names)))
    for verb in _REPORTING.finditer(text, lo, fig.start):
        name = _name_before(doc, names, text, verb.start(), lo)
        if name:
            sources.append((fig.start - verb.end(), name))
    for verb in _REPORTING.finditer(text, fig.end, hi):
        if not _CLAUSE_END.search(text, fig.end, verb.start()):
            continue  # "for what he said was": a subordinate clause, not the source
        name = _name_before(doc, names, text, verb.start(), fig.end)
        inverted = re.match(rf"{_SP}+((?:[A-Z][\w'’.-]*{_SP}?)+)", text[verb.end():hi])
        if not name and inverted:
            name = _full_name(_clean_name(inverted.group(1)), names)
        if name:
            sources.append((verb.start() - fig.end, name))
    return min(sources)[1] if sources else None


def _clean_name(name: str) -> str:
    """A name without a leading "The" or trailing punctuation."""
    words = name.strip().rstrip(".,;:").split()
    while len(words) > 1 and words[0].lower() in P.NOT_NAME_WORDS:
        words.pop(0)
    return " ".join(words)


def extract_figures(article: Article, doc: Doc, quotes: Sequence[Mention]) -> list[Mention]:
    """Every figure of the article, with value, unit, hedge, subject and whose figure it is."""
    body = article.body
    bounds = sentence_bounds(doc)
    dates = find_dates(body, article.published, bounds)
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(m.start(), m.end()) for m in _URL.finditer(body)]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(body)]
    names = _names(doc)
    mentions: list[Mention] = []
    previous: tuple[int, str | None] = (-1, None)
    figures = _candidates(body, blocked, bounds)
    dated = dated_spans(body, dates, figures)
    sentences = [sentence_of(bounds, fig.start, fig.end) for fig in figures]
    unique = sorted(set(sentences))
    parsed = dict(zip(unique, parse([body[lo:hi] for lo, hi in unique]))) if unique else {}
    for fig, sentence in zip(figures, sentences):
        read = parse_subject(parsed[sentence], fig.start - sentence[0], fig.end - sentence[0])
        subject = fig.subject or measure_before(body, fig, sentence[0]) or _subject(body, fig, sentence[1])
        if subject and subject.lower() in P.WRAPPER_SUBJECTS:
            subject = None  # "in all", "to the tune of": no subject of its own
        if subject:
            subject = outcome_before(body, fig, subject)
        else:
            carried = previous[1] if previous[0] == sentence[0] else None
            subject = subject_before(body, fig, sentence[0], carried)
            if not subject or subject.lower() in P.WRAPPER_SUBJECTS:
                # "to the tune of €2 billion": the parse knows (a duration counts time, not a noun)
                subject = read.words if read and fig.unit not in P.TIME_UNITS.values() else None
        if subject and all(w in P.OUTCOME_WORDS for w in subject.split()) and previous[0] == sentence[0] and previous[1]:
            # "45,100 soldiers killed and 390,000 wounded": the noun carries over
            nouns = [w for w in previous[1].split() if w not in P.OUTCOME_WORDS]
            subject = " ".join([*nouns, subject]) if nouns else subject
        previous = (sentence[0], subject)
        year = figure_era(body, fig, sentence, dated, figures, article.published)
        if subject and year:
            subject = f"{subject} ({year})"  # a past or future figure: not today's
        elif subject and is_previous(body, fig, figures):
            subject = f"previous {subject}"
        unit = fig.unit
        if unit is None and subject and any(w.lower() in P.PERSON_NOUNS for w in subject.split()):
            unit = "people"
        mentions.append(Mention(
            id=mention_id(article.id, "figure", fig.start, fig.end), article=article.id, kind="figure",
            text=body[fig.start:fig.end], start=fig.start, end=fig.end,
            context_start=sentence[0], context_end=sentence[1],
            speaker=_speaker(fig, body, doc, names, quotes, sentence),
            value=fig.value, low=fig.low, high=fig.high, unit=unit, qualifier=fig.qualifier, subject=subject,
            subject_head=read.head if read else None, subject_verb=read.verb if read else None,
            subject_words=read.words if read else None,
        ))
    return mentions
