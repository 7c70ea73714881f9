"""Dates, explicit and relative, resolved to ISO at the precision the text supports.

Candidates come from our own patterns (``builder.patterns.dates``), never from a
general date parser run over the whole text, and are resolved by our own small,
predictable code:

1. explicit dates with a year: "February 24, 2022", "24 Feb 2022", "June 2019", "2014",
   "early 2022" -> YYYY-MM-DD, YYYY-MM or YYYY;
2. explicit dates without a year: "Feb. 7", "January 28", "in January" -> the
   publication year, moved a year back (past tense) or on (future tense) when the
   date would otherwise land on the wrong side of publication;
3. relative expressions: "yesterday", "last month", "Friday", "next week" -> against
   the publication date, honouring tense ("said on Friday" is the latest Friday on or
   before publication, "will meet on Thursday" the next one). Weeks have no ISO
   precision: they stay mentions with ``date=None``.

A relative expression whose period holds an explicit date of the same sentence
("late last month ... on January 28") restates it and is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from builder.ids import mention_id
from builder.models import Article, Mention
from builder.patterns import dates as P
from builder.patterns.figures import (
    CURRENCY_WORDS,
    MEASURE_UNITS,
    PERSON_NOUNS,
    SCALES,
    TIME_UNITS,
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = [m.capitalize() for m, n in P.MONTHS.items() if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m.capitalize() for m in P.MONTHS if m.capitalize() not in _FULL_MONTHS]
_MONTH = rf"(?P<month>(?:{_alternation(_FULL_MONTHS)})\b|(?:{_alternation(_ABBR_MONTHS)})(?:\.|\b))"
_WEEKDAY_NAMES = _alternation([w.capitalize() for w in P.WEEKDAYS])
_WEEKDAY_PREFIX = rf"\b(?:(?:{_WEEKDAY_NAMES}),?[ \u00a0])?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>\d{4})(?![\d\w]|[.,]\d)"
_SP = r"[ \u00a0]+"
_PART = r"(?:(?P<part>early|late|mid|Early|Late|Mid|the end of|the start of|the beginning of|the middle of)(?:-|[ \u00a0]+|-[ \u00a0]?))?"

# Ordered by specificity: earlier patterns win overlaps of the same length.
_EXPLICIT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"{_WEEKDAY_PREFIX}{_MONTH}{_SP}{_DAY},?{_SP}{_YEAR}")),
    ("day", re.compile(rf"{_WEEKDAY_PREFIX}(?<![\d,.])(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?{_MONTH},?{_SP}{_YEAR}")),
    ("month", re.compile(rf"\b{_PART}{_MONTH},?{_SP}{_YEAR}")),
    ("day-noyear", re.compile(rf"{_WEEKDAY_PREFIX}{_MONTH}{_SP}{_DAY}(?!,?{_SP}\d)")),
    ("day-noyear", re.compile(rf"{_WEEKDAY_PREFIX}(?<![\d,.$€£])(?:the{_SP})?{_DAY}{_SP}(?:of{_SP})?{_MONTH}")),
    ("year", re.compile(rf"\b(?<![\d$€£#.,:/\w'’-]){_PART}{_YEAR}")),
    ("month-noyear", re.compile(rf"\b(?:{_alternation(list(P.MONTH_LEADS))})[ \u00a0](?P<span>{_PART}{_MONTH})")),
    ("month-noyear", re.compile(rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?][\"\u201d]\s)|(?<=\n))"
                                rf"(?P<span>(?:{_alternation(list(P.MONTH_LEADS_CAPITALISED))})[ \u00a0]{_MONTH})",
                                re.MULTILINE)),
    ("short-year", re.compile(rf"\b(?:{_alternation(list(P.SHORT_YEAR_LEADS))})[ \u00a0]"
                              rf"(?P<span>['\u2019](?P<yy>\d{{2}}))(?![\w'\u2019])")),
)
_AGO = re.compile(rf"\b(?P<n>\d{{1,3}}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                  rf"fifteen|twenty|thirty|forty|fifty)[ \u00a0](?P<unit>{_alternation(list(P.AGO_UNITS))})"
                  rf"[ \u00a0]ago\b", re.IGNORECASE)
_DATELINE = re.compile(P.DATELINE)
_HOLIDAY = re.compile(rf"\b(?P<holiday>{_alternation([*P.HOLIDAYS_FIXED, *P.HOLIDAYS_WEEKDAY, P.ELECTION_DAY])})\b")
_RELATIVE = re.compile(
    rf"\b(?:(?:{_alternation(list(P.RELATIVE_PARTS))})[ \u00a0])?(?P<rel>{_alternation(list(P.RELATIVE))})\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>{_alternation(list(P.WEEKDAY_MODIFIERS))})[ \u00a0])?(?P<weekday>{_WEEKDAY_NAMES})\b"
)
# Linear on any input: the e-mail part starts only where a run of address characters
# starts, and the link target stops at the next bracket (no rescans of a long line).
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)+|\]\([^)\]]*\)")
_FUTURE_WORDS = _alternation([c for c in P.FUTURE_CUES if not c.startswith("'")])
_FUTURE = re.compile(rf"(?:(?<=\w)['’]ll|\b(?:{_FUTURE_WORDS}))\b|{P.FUTURE_PROGRESSIVE}", re.IGNORECASE)
_PAST = re.compile(rf"\b(?:{_alternation(sorted(P.PAST_CUES))}|[a-z]{{3,}}ed)\b")
_PASSIVE_BEFORE = re.compile(rf"\b(?:{_alternation(list(P.PASSIVE_AUXILIARIES))})[ \u00a0]+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \u00a0]*(%|per cent|percent|[A-Za-z-]+)")
_NOT_A_YEAR_AFTER = PERSON_NOUNS | set(TIME_UNITS) | set(CURRENCY_WORDS) | set(MEASURE_UNITS) | set(SCALES)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """One date expression found in a text, before it becomes a Mention."""

    start: int
    end: int
    date: str | None
    relative: bool
    explicit: bool  # written as a calendar date (not "Friday" or "last month")


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the doc's sentences, whitespace-only ones left out."""
    if (bounds := doc.user_data.get(_BOUNDS_KEY)) is None:  # dates and figures both ask
        text = doc.text
        bounds = [(s.start_char, s.end_char) for s in doc.sents if text[s.start_char:s.end_char].strip()]
        doc.user_data[_BOUNDS_KEY] = bounds
    return bounds


_BOUNDS_KEY = "parallax.sentence_bounds"


def sentence_of(bounds: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end); the span itself where none does."""
    i = bisect.bisect_right(bounds, (start, float("inf"))) - 1
    if i >= 0 and bounds[i][0] <= start < bounds[i][1]:
        last = i
        while last + 1 < len(bounds) and bounds[last][1] < end:
            last += 1
        return bounds[i][0], max(bounds[last][1], end)
    return start, end


def _tense(text: str, start: int, end: int, lo: int, hi: int) -> int:
    """+1 when the verb governing text[start:end] is future, else -1 (news reports the past).

    The governing verb is the nearest tense cue before the date within its sentence
    ("said on Friday", "will meet on Thursday"), else the nearest after it
    ("On Friday, she said").
    """
    window = text[lo:hi]
    future = [(m.start() + lo, m.end() + lo, m.group().lower()) for m in _FUTURE.finditer(window)]
    future_spans = [(s, e) for s, e, _ in future]
    cues = [(s, e, 1) for s, e, _ in future]
    for m in _PAST.finditer(window):
        s, e = m.start() + lo, m.end() + lo
        if _PASSIVE_BEFORE.search(text, max(lo, s - 10), s):
            continue  # "would be completed": the modal decides, not the participle
        if not any(fs <= s < fe or s <= fs < e for fs, fe in future_spans):
            cues.append((s, e, -1))
    before = [(start - e, d) for s, e, d in cues if e <= start]
    after = [(s - end, d) for s, e, d in cues if s >= end]
    nearest = min(before) if before else min(after) if after else None
    if nearest and nearest[1] > 0 and before and any(d < 0 for _, d in after):
        weak = {s for s, e, word in future if word in P.WEAK_FUTURE_CUES}
        if any(start - e == nearest[0] and s in weak for s, e, _ in future):
            return -1  # "reports ... on Friday first articulated": the past verb decides
    return nearest[1] if nearest else -1


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, published: date, tense: int) -> int:
    """The year of a date written without one, from publication and tense."""
    year = published.year
    candidate = _valid_day(year, month, day or 1) or date(year, month, 1)
    slack = timedelta(days=P.FUTURE_SLACK_DAYS if day else 0)
    if tense < 0 and candidate - slack > published and (day or month > published.month):
        return year - 1
    if tense > 0 and candidate + timedelta(days=P.FUTURE_SLACK_DAYS) < published:
        return year + 1
    return year


def _is_year(text: str, m: re.Match[str]) -> bool:
    """A bare four-digit number that dates something ("in 2014", "the 2022 invasion"; not
    "2000 troops")."""
    year = int(m.group("year"))
    before = text[max(0, m.start() - 12):m.start()].lower().rstrip()
    if not P.YEAR_MIN <= year <= P.YEAR_MAX:
        lead = before.split()[-1] if before.split() else ""
        if not (P.OLD_YEAR_MIN <= year < P.YEAR_MIN and lead in P.OLD_YEAR_LEADS):
            return False
    if before.endswith(P.YEAR_NOT_AFTER):
        return False
    after = _NEXT_WORD.match(text, m.end())
    next_word = after.group(1).lower() if after else ""
    if next_word in _NOT_A_YEAR_AFTER or next_word in ("%", "percent", "per cent"):
        return False
    return True


def _explicit(text: str, published: date | None, tense_at, year_context) -> list[DateSpan]:
    found: list[DateSpan] = []
    for kind, pattern in _EXPLICIT:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            start, end = (m.start("span"), m.end("span")) if groups.get("span") else (m.start(), m.end())
            month = P.MONTHS[groups["month"].rstrip(".").lower()] if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            if kind == "year" and not _is_year(text, m):
                continue
            relative = kind.endswith("noyear")
            if kind == "short-year":
                yy = int(groups["yy"])
                century = (published.year if published else 2000) // 100 * 100
                year = century + yy if century + yy <= (published.year if published else 2099) else century - 100 + yy
            elif relative:
                stated = year_context(start)
                if stated is not None:
                    year = stated
                elif published is None:
                    found.append(DateSpan(start, end, None, True, True))
                    continue
                else:
                    year = _infer_year(month, day, published, tense_at(start, end))
            else:
                year = int(groups["year"])
            if day is not None:
                valid = _valid_day(year, month, day)
                if valid is None:
                    continue
                iso = valid.isoformat()
            elif month is not None:
                iso = f"{year:04d}-{month:02d}"
            else:
                iso = f"{year:04d}"
            found.append(DateSpan(start, end, iso, relative, True))
    return found


def _resolve_relative(phrase: str, published: date | None) -> str | None:
    unit, offset = P.RELATIVE[phrase.lower()]
    if published is None or unit in ("week", "weekend"):
        return None
    if unit == "day":
        return (published + timedelta(days=offset)).isoformat()
    if unit == "month":
        year, month = _shift_month(published.year, published.month, offset)
        return f"{year:04d}-{month:02d}"
    return f"{published.year + offset:04d}"


def _resolve_weekday(weekday: int, modifier: int | None, tense: int, published: date | None) -> str | None:
    """Which calendar day a weekday name means, seen from the publication date."""
    if published is None:
        return None
    direction = modifier if modifier else tense
    if direction < 0:
        back = (published.weekday() - weekday) % 7
        if back == 0 and modifier:  # "last Friday" on a Friday: a week back
            back = 7
        return (published - timedelta(days=back)).isoformat()
    ahead = (weekday - published.weekday()) % 7
    if ahead == 0 and modifier:  # "next Friday" on a Friday: a week on; a bare "Friday" is that day
        ahead = 7
    return (published + timedelta(days=ahead)).isoformat()


def _is_title(text: str, m: re.Match[str], bounds: Sequence[tuple[int, int]]) -> bool:
    """A relative phrase written as a title inside a sentence ("the programme This Week") names a
    programme, not a date."""
    words = m.group().split()
    return len(words) > 1 and all(w[:1].isupper() for w in words) and \
        sentence_of(bounds, m.start(), m.end())[0] != m.start()


def _holiday(name: str, year: int) -> date:
    if name in P.HOLIDAYS_FIXED:
        return date(year, *P.HOLIDAYS_FIXED[name])
    if name == P.ELECTION_DAY:
        first = date(year, 11, 2)
        return first + timedelta(days=(1 - first.weekday()) % 7)
    month, weekday, n = P.HOLIDAYS_WEEKDAY[name]
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _is_holiday_date(text: str, m: re.Match[str]) -> bool:
    """"before Thanksgiving" is a date; "the mayor's Thanksgiving address" names a thing."""
    if re.search(r"['\u2019]s[ \u00a0]+$", text[max(0, m.start() - 4):m.start()]):
        return False
    after = re.match(r"(-)|[ \u00a0]+([A-Za-z]+)", text[m.end():m.end() + 30])
    if after is None:
        return True
    return not after.group(1) and after.group(2).lower() in P.HOLIDAY_FOLLOWERS


def _resolve_holiday(name: str, tense: int, published: date | None) -> str | None:
    """The holiday nearest to publication, or where far off the next (future) or last one."""
    if published is None:
        return None
    options = [_holiday(name, published.year + k) for k in (-1, 0, 1)]
    nearest = min(options, key=lambda d: abs((d - published).days))
    if abs((nearest - published).days) <= P.HOLIDAY_NEAR_DAYS:
        return nearest.isoformat()
    side = [d for d in options if (d >= published if tense > 0 else d <= published)]
    return (min(side) if tense > 0 else max(side)).isoformat()


def _resolve_ago(m: re.Match[str], published: date | None) -> str | None:
    """ "12 years ago" -> the year twelve years before publication; weeks have no precision."""
    from builder.extract.numbers import parse_number

    n = parse_number(m.group("n").lower()) if m.group("n").lower() not in ("a", "an") else 1
    unit = P.AGO_UNITS[m.group("unit").lower()]
    if published is None or n is None or unit == "week":
        return None
    return _offset(published.isoformat(), unit, -int(n))


def _relative(text: str, published: date | None, tense_at,
              bounds: Sequence[tuple[int, int]]) -> list[DateSpan]:
    found = [DateSpan(m.start(), m.end(), _resolve_relative(m.group("rel"), published), True, False)
             for m in _RELATIVE.finditer(text) if not _is_title(text, m, bounds)]
    found += [DateSpan(m.start(), m.end(), _resolve_ago(m, published), True, False) for m in _AGO.finditer(text)]
    found += [DateSpan(m.start(), m.end(), _resolve_holiday(m.group("holiday"), tense_at(m.start(), m.end()),
                                                            published), True, False)
              for m in _HOLIDAY.finditer(text) if _is_holiday_date(text, m)]
    for m in _WEEKDAY.finditer(text):
        mod = m.group("mod")
        modifier = P.WEEKDAY_MODIFIERS[mod] if mod else None
        iso = _resolve_weekday(P.WEEKDAYS[m.group("weekday").lower()], modifier,
                               tense_at(m.start(), m.end()), published)
        found.append(DateSpan(m.start(), m.end(), iso, True, False))
    return found


def _contains(period: str, day: str) -> bool:
    return day != period and day.startswith(period)


def find_dates(text: str, published: date | None, bounds: Sequence[tuple[int, int]] | None = None) -> list[DateSpan]:
    """Every date expression of ``text``, resolved, without overlaps, in reading order."""
    return list(_find_dates(text, published, tuple(bounds) if bounds is not None else ((0, len(text)),)))


@lru_cache(maxsize=16)  # the figure finder asks for the same article's dates to leave them out
def _find_dates(text: str, published: date | None, bounds: tuple[tuple[int, int], ...]) -> tuple[DateSpan, ...]:

    def tense_at(start: int, end: int) -> int:
        lo, hi = sentence_of(bounds, start, end)
        return _tense(text, start, end, lo, hi)

    years = sorted((m.start(), int(m.group("year"))) for kind, pattern in _EXPLICIT
                   if kind in ("day", "month", "year") for m in pattern.finditer(text)
                   if kind != "year" or _is_year(text, m))

    def year_context(start: int) -> int | None:
        """The year a date without one takes from the text: one written earlier in its
        sentence ("her 2019 rival ... in early June"), or after "that" ("at that March 2
        event"), the last one written before it."""
        earlier = [(at, y) for at, y in years if at < start]
        if not earlier:
            return None
        lead = text[max(0, start - 12):start].lower().split()
        if lead and (lead[-1] in P.BACK_REFERENCES or " ".join(lead[-2:]) in P.BACK_REFERENCES):
            return earlier[-1][1]
        lo = sentence_of(bounds, start, start + 1)[0]
        return earlier[-1][1] if earlier[-1][0] >= lo else None

    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    for m in _DATELINE.finditer(text):  # "LONDON, Feb 9 (Reuters) -": the article's own date
        head = re.match(rf"{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR})?(?:[ \u00a0]*\([^)]{{1,40}}\))?[ \u00a0]*[-\u2013\u2014]",
                        text[m.end():m.end() + 60])
        if head:
            urls.append((m.start(), m.end() + head.end()))
    candidates = _explicit(text, published, tense_at, year_context) + _relative(text, published, tense_at, bounds)
    candidates = [c for c in candidates if not any(s < c.end and c.start < e for s, e in urls)]
    # 1. longest first, then earliest pattern: keep what does not overlap a kept span
    kept: list[DateSpan] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if not any(k.start < c.end and c.start < k.end for k in kept):
            kept.append(c)
    # 2. a relative period restating an explicit date of the same sentence goes
    result = []
    for c in kept:
        sentence = sentence_of(bounds, c.start, c.end)
        if not c.explicit and c.date and any(
            k.explicit and k.date and _contains(c.date, k.date) and sentence_of(bounds, k.start, k.end) == sentence
            for k in kept
        ):
            continue
        result.append(c)
    # 3. "the following month" counts from the date named last before it
    result.sort(key=lambda c: c.start)
    for i, c in enumerate(result):
        phrase = text[c.start:c.end].lower()
        if phrase in P.ANCHORED_RELATIVE:
            unit, offset = P.RELATIVE[phrase]
            anchor = next((k.date for k in reversed(result[:i]) if k.date and len(k.date) >= _PRECISION[unit]), None)
            if anchor:
                result[i] = replace(c, date=_offset(anchor, unit, offset))
    return tuple(result)


_PRECISION = {"day": 10, "week": 10, "weekend": 10, "month": 7, "year": 4}


def _offset(anchor: str, unit: str, offset: int) -> str | None:
    """``anchor`` (YYYY[-MM[-DD]]) moved by ``offset`` units, at the unit's precision."""
    if unit in ("week", "weekend"):
        return None
    if unit == "day":
        return (date.fromisoformat(anchor[:10]) + timedelta(days=offset)).isoformat()
    if unit == "month":
        year, month = _shift_month(int(anchor[:4]), int(anchor[5:7]), offset)
        return f"{year:04d}-{month:02d}"
    return f"{int(anchor[:4]) + offset:04d}"


def extract_dates(article: Article, doc: Doc) -> list[Mention]:
    """Every date expression of the article, resolved against its publication date."""
    body = article.body
    bounds = sentence_bounds(doc)
    mentions = []
    for d in find_dates(body, article.published, bounds):
        ctx_start, ctx_end = sentence_of(bounds, d.start, d.end)
        mentions.append(Mention(
            id=mention_id(article.id, "date", d.start, d.end), article=article.id, kind="date",
            text=body[d.start:d.end], start=d.start, end=d.end,
            context_start=ctx_start, context_end=ctx_end, date=d.date, relative=d.relative,
        ))
    return mentions
